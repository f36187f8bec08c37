//! The lines made readable for extraction: full-width digits, letters and colons as ASCII, every
//! dash as `-`, spaces an OCR puts between Chinese characters dropped, O/o/〇 and l/I/| next to
//! digits read as 0 and 1, and the OCR's usual misreadings (吋 for 时, 曰 for 日) corrected.

use std::collections::HashMap;

use super::TextLine;

/// A line ready to be read.
pub(super) struct Line {
    /// Its index in the lines given.
    pub index: usize,
    /// Normalised, without spaces except between two ASCII letters or digits.
    pub compact: Vec<char>,
    /// `compact` as it is shown (a value is taken from here): the same characters but dashes,
    /// tildes and colons as written, so that a title keeps its ——.
    pub display: Vec<char>,
    /// Normalised, with each run of spaces kept as one (where a name or a value ends).
    pub spaced: Vec<char>,
    /// How far down its page it is, 0 (top) to 1 (bottom): its box's middle, or when the box is
    /// unknown its place among the lines of its page.
    pub down: f32,
}

impl Line {
    /// The characters `from..to` of `compact` as written.
    pub fn show(&self, from: usize, to: usize) -> String {
        self.display.get(from..to.min(self.display.len())).unwrap_or_default().iter().collect()
    }
}

/// The lines given, normalised, with their place on the page.
pub(super) fn prepare(lines: &[TextLine]) -> Vec<Line> {
    let mut on_page: HashMap<usize, usize> = HashMap::new();
    for line in lines {
        *on_page.entry(line.page).or_default() += 1;
    }
    let mut place: HashMap<usize, usize> = HashMap::new();
    let mut prepared = Vec::with_capacity(lines.len());
    for (index, line) in lines.iter().enumerate() {
        let place = place.entry(line.page).or_default();
        let down = match line.bbox {
            Some([_, top, _, bottom]) if top.is_finite() && bottom.is_finite() => {
                ((top + bottom) / 2.0).clamp(0.0, 1.0)
            }
            _ => (*place as f32 + 0.5) / on_page.get(&line.page).copied().unwrap_or(1).max(1) as f32,
        };
        *place += 1;
        let spaced = spaced(&line.text);
        let (compact, display): (Vec<char>, Vec<char>) = dashes_in_numbers(compact(&spaced)).into_iter().unzip();
        let spaced = digits_in_context(spaced.into_iter().map(|(c, _)| c).collect());
        let compact = digits_in_context(compact);
        let display = display.iter().zip(&compact).map(|(d, c)| if c.is_ascii_digit() { *c } else { *d }).collect();
        prepared.push(Line { index, compact, display, spaced, down });
    }
    prepared
}

/// One character as read, and as shown: full-width digits and letters as ASCII, OCR misreadings
/// corrected, any space as ' '; as read also colons as `:`, dashes as `-`, tildes as `~`, circles
/// as 〇. `None` for characters nobody sees.
fn normal(c: char) -> Option<(char, char)> {
    let shown = match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '吋' => '时',
        '曰' => '日',
        '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => return None,
        c if c.is_whitespace() => ' ',
        c => c,
    };
    let read = match shown {
        '：' | '︰' | '∶' => ':',
        '．' => '.',
        '／' => '/',
        '＂' => '"',
        '—' | '–' | '―' | '‐' | '‑' | '－' | '−' | '─' | '━' | '﹣' => '-',
        '～' | '〜' => '~',
        '○' | '◯' | '⚪' => '〇',
        c => c,
    };
    Some((read, shown))
}

/// `text` normalised, runs of spaces as one, trimmed.
fn spaced(text: &str) -> Vec<(char, char)> {
    let mut out: Vec<(char, char)> = Vec::with_capacity(text.len());
    for c in text.chars().filter_map(normal) {
        if c.0 == ' ' && out.last().is_none_or(|l| l.0 == ' ') {
            continue;
        }
        out.push(c);
    }
    while out.last().is_some_and(|l| l.0 == ' ') {
        out.pop();
    }
    out
}

/// `spaced` without its spaces, except those between two ASCII letters or digits.
fn compact(spaced: &[(char, char)]) -> Vec<(char, char)> {
    let alnum = |i: Option<usize>| i.and_then(|i| spaced.get(i)).is_some_and(|c| c.0.is_ascii_alphanumeric());
    let mut out = Vec::with_capacity(spaced.len());
    for (i, &c) in spaced.iter().enumerate() {
        if c.0 != ' ' || (alnum(i.checked_sub(1)) && alnum(Some(i + 1))) {
            out.push(c);
        }
    }
    out
}

/// `chars` with each 一 between two ASCII letters or digits read as the dash an OCR took it for.
fn dashes_in_numbers(mut chars: Vec<(char, char)>) -> Vec<(char, char)> {
    for i in 1..chars.len().saturating_sub(1) {
        if chars[i].0 == '一' && chars[i - 1].0.is_ascii_alphanumeric() && chars[i + 1].0.is_ascii_alphanumeric() {
            chars[i] = ('-', '-');
        }
    }
    chars
}

/// Whether an OCR may have read a digit as `c`: O, o, 〇 for 0; l, I, | for 1.
fn looks_like_digit(c: char) -> bool {
    matches!(c, 'O' | 'o' | '〇' | 'l' | 'I' | '|')
}

/// `chars` with each run of look-alike characters (see [`looks_like_digit`]) that touches an
/// ASCII digit, or stands between 年, 月 and 日, read as digits: `2O24` → `2024`, `l6` → `16`,
/// `3月l日` → `3月1日`; `NO.` and `Python3` are words.
fn digits_in_context(mut chars: Vec<char>) -> Vec<char> {
    let mut i = 0;
    while i < chars.len() {
        if !looks_like_digit(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && looks_like_digit(chars[i]) {
            i += 1;
        }
        let word = |j: Option<usize>| j.and_then(|j| chars.get(j)).is_some_and(char::is_ascii_alphabetic);
        let digit = |j: Option<usize>| j.and_then(|j| chars.get(j)).is_some_and(char::is_ascii_digit);
        let dated =
            |j: Option<usize>| j.and_then(|j| chars.get(j)).is_some_and(|c| matches!(c, '年' | '月' | '日' | '号'));
        let (before, after) = (start.checked_sub(1), Some(i));
        let in_date = dated(before) && dated(after);
        if (digit(before) || digit(after) || in_date) && !word(before) && !word(after) {
            for c in &mut chars[start..i] {
                *c = if matches!(*c, 'O' | 'o' | '〇') { '0' } else { '1' };
            }
        }
    }
    chars
}

/// A Chinese character (the CJK unified ideographs and their extensions, and 〇).
pub(super) fn is_han(c: char) -> bool {
    matches!(c, '〇' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3134F}')
}

/// Whether `chars` has `word` at `at`.
pub(super) fn has_at(chars: &[char], at: usize, word: &str) -> bool {
    (at..).zip(word.chars()).all(|(j, w)| chars.get(j) == Some(&w))
}

/// Where `word` first occurs in `chars` from `from` on.
pub(super) fn find(chars: &[char], word: &str, from: usize) -> Option<usize> {
    (from..chars.len()).find(|&at| has_at(chars, at, word))
}

/// The first of `labels` found in `chars` (the earliest; the longest of those that start there),
/// with where its value starts: past the label, a colon and spaces if any.
pub(super) fn label_value(chars: &[char], labels: &[&str]) -> Option<(usize, usize)> {
    let mut found: Option<(usize, usize)> = None;
    for label in labels {
        if let Some(at) = find(chars, label, 0) {
            let end = at + label.chars().count();
            if found.is_none_or(|(a, e)| at < a || (at == a && end > e)) {
                found = Some((at, end));
            }
        }
    }
    let (at, mut value) = found?;
    while chars.get(value).is_some_and(|c| matches!(c, ':' | ';' | ' ')) {
        value += 1;
    }
    Some((at, value))
}

/// Punctuation that ends a value: commas, full stops, semicolons.
pub(super) fn ends_value(c: char) -> bool {
    matches!(c, '，' | ',' | '。' | '；' | ';' | '、' | '!' | '！' | '?' | '？')
}

/// `text` without leading and trailing spaces and punctuation.
pub(super) fn trim_value(text: &str) -> String {
    text.trim_matches(|c: char| c.is_whitespace() || ends_value(c) || matches!(c, ':' | '.' | '-' | '·')).to_owned()
}
