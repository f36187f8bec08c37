//! Whose certificate it is: the name after 姓名 (学员姓名 …), after 兹证明 / 兹有 or before 同志 / 老师,
//! compared with the profile's; and a 身份证号 with a valid check character (core's `id_number`).

use xueshi_core::id_number;

use super::text::{Line, find, has_at, is_han};
use super::{Suggested, best};

/// Labels of the holder's name besides 姓名 (学员姓名, 参训人员姓名 … are 姓名's), with their colon.
const LABELS: &[&str] = &["学员:", "参训人员:", "参训人:", "持证人:", "受训人:", "学员;"];
/// Words before 姓名 that make it someone else's name than the certificate's holder.
const OTHERS: &[&str] = &["负责人", "联系人", "签发人", "审核人", "经办人", "教师", "讲师", "导师"];
/// Labels and words that may follow a name on the same line: the name ends where one begins.
const NEXT: &[&str] = &[
    "性别",
    "身份证",
    "证件",
    "工作单位",
    "单位",
    "职称",
    "职务",
    "学号",
    "编号",
    "民族",
    "同志",
    "先生",
    "女士",
    "老师",
];
/// Words after a name in a sentence (兹证明王晓梅于…): the name ends there, after two characters.
const SENTENCE: &[&str] = &["于", "在", "参加", "已", "自", "从", "同志", "先生", "女士", "老师", "学员"];
/// Words after a name that address its holder: 王晓梅同志, 王晓梅老师：.
const ADDRESSED: &[&str] = &["同志", "老师", "先生", "女士", "学员"];
/// Words before a name in a sentence, taken off its front.
const LEAD: &[&str] = &["兹证明", "兹有", "证明", "兹", "学员", "经"];
/// The most characters of a name (with the middle dot of minority names).
const MAX_NAME: usize = 8;

/// The name the certificate gives, compared with `profile`'s.
pub(super) fn name(lines: &[Line], profile: Option<&str>) -> Option<Suggested<String>> {
    let profile = profile.map(normalise).filter(|p| p.chars().count() >= 2);
    let mut candidates = Vec::new();
    for line in lines {
        let (chars, spaced) = (&line.compact, &line.spaced);
        if let Some(at) = find(spaced, "姓名", 0).or_else(|| find_spaced(spaced, "姓名"))
            && !OTHERS.iter().any(|o| ends_with(&spaced[..at], o))
            && let Some(value) = labelled(spaced, past(spaced, at, '名'))
        {
            candidates.push((value, 0.8, line.index));
        } else if let Some((label, at)) = LABELS.iter().find_map(|l| find(spaced, l, 0).map(|at| (l, at)))
            && let Some(value) = labelled(spaced, at + label.chars().count())
        {
            candidates.push((value, 0.75, line.index));
        }
        for lead in ["兹证明", "兹有"] {
            if let Some(at) = find(chars, lead, 0)
                && let Some(value) = in_sentence(&chars[at + lead.chars().count()..])
            {
                candidates.push((value, 0.65, line.index));
            }
        }
        if let Some(at) = ADDRESSED.iter().find_map(|w| find(chars, w, 0)) {
            let start = (0..at).rev().take_while(|&i| is_han(chars[i])).last().unwrap_or(at);
            let mut head = &chars[start..at];
            while let Some(lead) = LEAD.iter().find(|l| has_at(head, 0, l)) {
                head = &head[lead.chars().count()..];
            }
            if let Some(value) = valid(head.iter().collect()) {
                candidates.push((value, 0.65, line.index));
            }
        }
    }
    let found = |value: &String| profile.as_ref().filter(|p| *p == value);
    let mut suggestions: Vec<Suggested<String>> = candidates
        .into_iter()
        .map(|(value, confidence, line)| match found(&value) {
            Some(own) => Suggested { matches_profile: Some(true), ..Suggested::new(own.clone(), 0.95, line) },
            None => Suggested {
                matches_profile: profile.as_ref().map(|_| false),
                ..Suggested::new(value, confidence, line)
            },
        })
        .collect();
    if suggestions.is_empty()
        && let Some(own) = &profile
        && let Some(line) = lines.iter().find(|l| find(&l.compact, own, 0).is_some())
    {
        suggestions.push(Suggested { matches_profile: Some(true), ..Suggested::new(own.clone(), 0.7, line.index) });
    }
    best(suggestions)
}

/// The valid 身份证号 the certificate gives: the profile's if it is there.
pub(super) fn id_number(lines: &[Line], profile: Option<&str>) -> Option<Suggested<String>> {
    let profile = profile.map(|p| p.trim().to_ascii_uppercase()).filter(|p| !p.is_empty());
    let mut suggestions = Vec::new();
    for line in lines {
        let text: String = line.compact.iter().filter(|c| **c != ' ').collect();
        for number in id_number::find_in(&text) {
            let matches = profile.as_ref().map(|p| *p == number);
            let confidence = if matches == Some(true) { 0.95 } else { 0.85 };
            suggestions.push(Suggested { matches_profile: matches, ..Suggested::new(number, confidence, line.index) });
        }
    }
    best(suggestions)
}

/// Where the label that begins at `spaced[at..]` and ends with `last` ends.
fn past(spaced: &[char], at: usize, last: char) -> usize {
    (at..spaced.len()).find(|&i| spaced[i] == last).map_or(spaced.len(), |i| i + 1)
}

/// The name at `spaced[i..]`, after its label: past a colon and spaces, up to a following label,
/// a space after two characters or more, or anything that is not part of a name (an OCR's spaces
/// between single characters are read through).
fn labelled(spaced: &[char], mut i: usize) -> Option<String> {
    while spaced.get(i).is_some_and(|c| matches!(c, ':' | ';' | ' ')) {
        i += 1;
    }
    let mut name = String::new();
    while let Some(&c) = spaced.get(i) {
        if c == ' ' {
            let next_single = spaced.get(i + 2).is_none_or(|c| !is_name_char(*c));
            if name.chars().count() >= 2 && !(name.chars().count() < 3 && next_single) {
                break;
            }
        } else if is_name_char(c) {
            name.push(c);
        } else {
            break;
        }
        i += 1;
    }
    if let Some(cut) = NEXT.iter().filter_map(|l| name.find(l)).min() {
        name.truncate(cut);
    }
    valid(name)
}

/// The name at the start of a sentence's rest (after 兹证明): Chinese characters up to a word of
/// [`SENTENCE`] after two of them.
fn in_sentence(rest: &[char]) -> Option<String> {
    let rest: Vec<char> = rest.iter().copied().skip_while(|c| matches!(c, ':' | ' ')).collect();
    let run = rest.iter().take_while(|c| is_name_char(**c)).count();
    let end = (2..run).find(|&i| SENTENCE.iter().any(|w| has_at(&rest, i, w))).unwrap_or(run);
    valid(rest[..end].iter().collect())
}

/// `name` if it may be one: 2 to [`MAX_NAME`] characters, no label or certificate word in it.
fn valid(name: String) -> Option<String> {
    let name = normalise(&name);
    let count = name.chars().count();
    let words = ["证书", "证明", "培训", "学时", "课程", "单位", "姓名", "本人", "学员"];
    ((2..=MAX_NAME).contains(&count)
        && !words.iter().any(|w| name.contains(w))
        && !name.starts_with('·')
        && !name.ends_with('·'))
    .then_some(name)
}

/// Where 姓名 is in `spaced` with spaces between its two characters (an OCR's).
fn find_spaced(spaced: &[char], word: &str) -> Option<usize> {
    let word: Vec<char> = word.chars().collect();
    (0..spaced.len()).find(|&at| {
        let mut j = at;
        word.iter().all(|w| {
            while spaced.get(j) == Some(&' ') && j > at {
                j += 1;
            }
            let ok = spaced.get(j) == Some(w);
            j += 1;
            ok
        })
    })
}

fn ends_with(chars: &[char], word: &str) -> bool {
    let n = word.chars().count();
    chars.len() >= n && has_at(chars, chars.len() - n, word)
}

/// A name as compared: without spaces, its middle dots written `·`.
fn normalise(name: &str) -> String {
    name.chars().filter(|c| !c.is_whitespace()).map(|c| if is_dot(c) { '·' } else { c }).collect()
}

fn is_dot(c: char) -> bool {
    matches!(c, '·' | '•' | '・' | '▪')
}

fn is_name_char(c: char) -> bool {
    (is_han(c) && c != '〇') || is_dot(c)
}
