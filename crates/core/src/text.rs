//! Text typed or pasted by the user, made safe to keep, typeset, print and use in a file name.
//!
//! Text pasted from WeChat or a web page often carries characters nobody sees: zero-width spaces,
//! a byte order mark, soft hyphens, direction marks and overrides. They look like nothing on screen
//! but no font has a glyph for them, they make two equal titles differ, and direction overrides can
//! disguise a file's extension. Every text field is cleaned as it is read ([`clean`]), limited to a
//! sensible length ([`limit`]); what is printed to a terminal is escaped ([`for_terminal`]).

use std::borrow::Cow;

/// Whether a field may hold several lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    Single,
    Multi,
}

/// What a text field of the ledger may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldRule {
    /// The field's name as the user sees it, e.g. `名称`.
    pub label: &'static str,
    /// The most characters (Unicode scalar values) it may have after cleaning.
    pub max_chars: usize,
    pub lines: Lines,
    /// Kept exactly as given (a file name on disk, a hash): only its length is limited.
    pub verbatim: bool,
}

const fn rule(label: &'static str, max_chars: usize) -> FieldRule {
    FieldRule { label, max_chars, lines: Lines::Single, verbatim: false }
}

/// The rule of a ledger field, by its path in the ledger format (`title`, `profile.name`, `file`).
/// Fields without a rule of their own (codes, dates) get a short limit: none needs more.
pub fn field_rule(path: &str) -> FieldRule {
    match path {
        "id" => rule("编号", 120),
        "title" => rule("名称", 200),
        "provider" => rule("施教机构", 200),
        "note" => FieldRule { lines: Lines::Multi, ..rule("备注", 2000) },
        "file" => FieldRule { verbatim: true, ..rule("证明材料文件名", 500) },
        "sha256" => FieldRule { verbatim: true, ..rule("SHA-256", 64) },
        "material" => rule("材料类型", 100),
        "kind" => rule("形式", 40),
        "category" => rule("类别", 40),
        "date" => rule("日期", 40),
        "end_date" => rule("结束日期", 40),
        "level" => rule("级别", 40),
        "role" => rule("角色", 40),
        "venue" => rule("刊物", 40),
        "patent_type" => rule("专利类型", 40),
        "medal" => rule("奖牌", 40),
        "platform" => rule("培训平台", 40),
        "task" => rule("任务类型", 40),
        "hours" => rule("学时", 40),
        "window_source" => rule("认定跨度的出处", 200),
        "profile.name" => rule("姓名", 50),
        "profile.id_number" => rule("身份证号", 30),
        "profile.employer" => rule("工作单位", 200),
        "profile.current_title" => rule("现职称", 100),
        "profile.title_date" => rule("现职称取得时间", 40),
        "profile.certificate_number" => rule("登记手册编号", 64),
        "profile.city" => rule("所在市州", 50),
        _ => rule("此项", 100),
    }
}

/// `text` cleaned by its field's rule and within its length, or a Chinese message naming the field
/// (never repeating the text, which may be megabytes long).
pub fn accept(path: &str, text: &str) -> Result<String, String> {
    let rule = field_rule(path);
    let text = if rule.verbatim { text.to_owned() } else { clean(text, rule.lines) };
    limit(&text, rule).map(|()| text)
}

/// Like [`accept`] for an optional field: text that is empty once cleaned clears it (`None`).
pub fn accept_optional(path: &str, text: &str) -> Result<Option<String>, String> {
    accept(path, text).map(|t| Some(t).filter(|t| !t.is_empty()))
}

/// Checks the length of `text` against `rule`.
pub fn limit(text: &str, rule: FieldRule) -> Result<(), String> {
    // A character takes at least one byte: short texts need no counting.
    if text.len() <= rule.max_chars {
        return Ok(());
    }
    let count = text.chars().count();
    if count <= rule.max_chars {
        return Ok(());
    }
    Err(format!("{}太长：有 {count} 个字，最多 {} 个字，请删减", rule.label, rule.max_chars))
}

/// `text` without invisible characters: zero-width spaces and joiners, byte order marks, soft
/// hyphens, direction marks and overrides and control characters are removed; non-breaking and
/// other narrow spaces become ordinary spaces; tabs become spaces; line breaks become `\n` in a
/// multi-line field and a space in a single-line one; the ends are trimmed. The full-width space
/// `U+3000` is kept inside the text: it is ordinary in Chinese (`王　芳`) and every Chinese font has it.
pub fn clean(text: &str, lines: Lines) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let c = match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                '\n'
            }
            '\n' | '\u{0085}' | '\u{2028}' | '\u{2029}' => '\n',
            '\t' | '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => ' ',
            c if c.is_control() || is_hidden(c) => continue,
            c => c,
        };
        if c == '\n' && lines == Lines::Single {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    let trimmed = out.trim();
    if trimmed.len() == out.len() { out } else { trimmed.to_owned() }
}

/// A character that shows nothing and is removed from input: the Unicode default-ignorable code
/// points except variation selectors (which pick a variant of the character before them, e.g. of a
/// rare character in a name).
pub fn is_hidden(c: char) -> bool {
    is_default_ignorable(c) && !is_variation_selector(c)
}

/// Unicode's Default_Ignorable_Code_Point: characters a font need not have, drawn as nothing.
pub fn is_default_ignorable(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}'
        | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}' | '\u{FFF0}'..='\u{FFF8}'
        | '\u{1BCA0}'..='\u{1BCA3}' | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
}

fn is_variation_selector(c: char) -> bool {
    matches!(c, '\u{180B}'..='\u{180D}' | '\u{180F}' | '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}')
}

/// A character that changes the direction of the text around it (marks, embeddings, overrides,
/// isolates): `报告\u{202E}fdp.exe` shows as `报告exe.pdf`.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A character that must not reach a terminal as it is: control characters (an escape sequence
/// can recolour, move the cursor or retitle the window), direction controls and line separators.
/// Newlines and tabs are fine.
pub fn is_unsafe_for_terminal(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// `text` safe to print: each character of [`is_unsafe_for_terminal`] is written as a visible
/// `\uXXXX` escape. Inside JSON strings this escape means the same character, so JSON output stays
/// the same data.
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe_for_terminal) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_unsafe_for_terminal(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// At most `max_chars` characters of `text` for a message, with `…` when cut.
pub fn abbreviate(text: &str, max_chars: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max_chars) {
        None => Cow::Borrowed(text),
        Some((end, _)) => Cow::Owned(format!("{}…", &text[..end])),
    }
}

/// A number for a message: as written when it is of a sensible size, else in scientific notation
/// (`1e308`), never hundreds of digits.
pub fn number(value: f64) -> String {
    let magnitude = value.abs();
    if value.is_finite() && (magnitude == 0.0 || (1e-6..1e15).contains(&magnitude)) {
        format!("{value}")
    } else {
        format!("{value:e}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_returned_as_it_is() {
        assert_eq!(clean("数字化转型研修班（第2期）", Lines::Single), "数字化转型研修班（第2期）");
    }

    #[test]
    fn huge_and_tiny_numbers_are_written_in_scientific_notation() {
        assert_eq!(number(1e308), "1e308");
        assert_eq!(number(12.5), "12.5");
        assert_eq!(number(1000.0), "1000");
        assert_eq!(number(-1e300), "-1e300");
        assert!(number(f64::INFINITY).len() < 10);
    }

    #[test]
    fn an_escape_sequence_is_printed_as_visible_text() {
        assert_eq!(for_terminal("a\u{1b}[2Jb\u{202E}c\n"), "a\\u001b[2Jb\\u202ec\n");
        assert!(matches!(for_terminal("普通的文字\n\t"), Cow::Borrowed(_)));
    }

    #[test]
    fn an_escaped_json_string_means_the_same_text() {
        let json = serde_json::to_string("a\u{202E}b\u{9b}c").expect("serializes");
        let printed = for_terminal(&json);
        assert_eq!(serde_json::from_str::<String>(&printed).expect("still JSON"), "a\u{202E}b\u{9b}c");
    }

    #[test]
    fn variation_selectors_are_kept_but_need_no_glyph() {
        assert_eq!(clean("葛\u{E0100}", Lines::Single), "葛\u{E0100}");
        assert!(is_default_ignorable('\u{E0100}') && is_default_ignorable('\u{FE0F}'));
    }
}
