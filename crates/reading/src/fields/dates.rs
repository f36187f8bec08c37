//! Dates: 2025年5月14日, 2025-05-14, 2025.5.14, 2025/5/14, 二〇二五年五月十四日, and ranges
//! (2024年5月12日至5月13日, …—2024年6月1日, a 至 on the next line). The study period (培训时间,
//! 于…参加, a range) is told from the date of issue (发证日期, the date under the seal); the record's
//! dates are the period's, or the issue date (less sure) when the certificate gives no period.

use chrono::NaiveDate;

use super::numerals::cn_number;
use super::text::{Line, has_at, is_han};
use super::{Suggested, best};

/// The dates a certificate suggests for its record.
pub(super) struct Period {
    pub date: Option<Suggested<NaiveDate>>,
    pub end_date: Option<Suggested<NaiveDate>>,
}

/// Words before a date that make it the date of issue.
const ISSUE: &[&str] = &[
    "发证日期",
    "发证时间",
    "颁发日期",
    "颁证日期",
    "签发日期",
    "发放日期",
    "证书日期",
    "制证日期",
    "特发此证",
    "日期",
];
/// Words before a date that make it (the start of) the study period.
const PERIOD: &[&str] = &[
    "培训时间",
    "培训日期",
    "学习时间",
    "学习日期",
    "参训时间",
    "会议时间",
    "会议日期",
    "举办时间",
    "研修时间",
    "完成时间",
    "完成日期",
    "结业时间",
    "时间",
    "期间",
    "于",
    "自",
    "从",
    "在",
];
/// Words right after a date that make it the study period.
const PERIOD_AFTER: &[&str] = &["参加", "参训", "起", "在", "期间", "完成", "学习", "出席", "举办", "召开", "至", "到"];
/// Words between the two dates of a range.
const RANGE: &[&str] = &["起至", "起到", "至", "到", "-", "~", "一"];
/// How many characters before a date its label may begin.
const LABEL_REACH: usize = 8;
/// The years a certificate's date may be in.
const YEARS: std::ops::RangeInclusive<i32> = 1980..=2100;

/// What a date on the certificate is.
#[derive(Clone, Copy, PartialEq)]
enum Role {
    Period,
    Issue,
    Unknown,
}

/// A date read from a line, with the end of its range if it has one.
struct Mention {
    line: usize,
    date: NaiveDate,
    end: Option<(NaiveDate, usize)>,
    role: Role,
    confidence: f32,
}

/// The period of study if the lines give one, else the date of issue.
pub(super) fn period_or_issue(lines: &[Line]) -> Period {
    let mut mentions: Vec<Mention> = Vec::new();
    for line in lines {
        let chars = &line.compact;
        let mut at = 0;
        // The end of the range begun on the line before, after a 至 that begins this line.
        if let Some(open) = mentions.last_mut().filter(|m| m.role == Role::Period && m.end.is_none())
            && line.index == open.line + 1
            && let Some(sep) = ["至", "到", "-", "~"].iter().find(|s| has_at(chars, 0, s))
            && let Some((last, end)) = partial_date(chars, sep.chars().count(), open.date)
        {
            open.end = Some((last, line.index));
            open.confidence = 0.9;
            at = end;
        }
        while at < chars.len() {
            let Some((date, end)) = full_date(chars, at) else {
                at += 1;
                continue;
            };
            let mut mention = classify(line, at, end, date);
            let mut next = end;
            if let Some((last, after)) = range_end(chars, end, date) {
                mention.end = Some((last, line.index));
                mention.role = Role::Period;
                mention.confidence = 0.9;
                next = after;
            }
            mentions.push(mention);
            at = next;
        }
    }
    let period =
        best(mentions.iter().filter(|m| m.role == Role::Period).map(|m| Suggested::new(m, m.confidence, m.line)));
    let chosen = period.or_else(|| {
        let issue = mentions.iter().filter(|m| m.role == Role::Issue);
        best(issue.map(|m| Suggested::new(m, m.confidence, m.line)))
            .or_else(|| best(mentions.iter().map(|m| Suggested::new(m, m.confidence, m.line))))
    });
    let Some(Suggested { value: m, confidence, .. }) = chosen else { return Period { date: None, end_date: None } };
    Period {
        date: Some(Suggested::new(m.date, confidence, m.line)),
        end_date: m.end.map(|(end, line)| Suggested::new(end, confidence, line)),
    }
}

/// What the date at `chars[at..end]` of `line` is, by the words around it and where it stands.
fn classify(line: &Line, at: usize, end: usize, date: NaiveDate) -> Mention {
    let chars = &line.compact;
    let from = at.saturating_sub(LABEL_REACH);
    // The label closest before the date (the longest of those ending at the same place: 发证时间
    // rather than 时间).
    let mut label: Option<(usize, usize, Role)> = None;
    for (words, role) in [(ISSUE, Role::Issue), (PERIOD, Role::Period)] {
        for i in from..at {
            for word in words.iter().filter(|w| has_at(chars, i, w)) {
                let end = i + word.chars().count();
                if end <= at && label.is_none_or(|(s, e, _)| end > e || (end == e && i < s)) {
                    label = Some((i, end, role));
                }
            }
        }
    }
    let followed = PERIOD_AFTER.iter().any(|w| has_at(chars, end, w) || has_at(chars, end + 1, w));
    let alone = at == 0 && end >= chars.len();
    let (role, confidence) = match label {
        Some((_, _, Role::Issue)) => (Role::Issue, 0.5),
        Some((_, _, _)) => (Role::Period, 0.85),
        None if followed => (Role::Period, 0.75),
        None if alone => (Role::Issue, 0.45),
        None if line.down > 0.6 => (Role::Issue, 0.4),
        None => (Role::Unknown, 0.3),
    };
    Mention { line: line.index, date, end: None, role, confidence }
}

/// The end of a range right after a date (a 至 or a dash, then a date, possibly without its
/// year or month), and where it ends; none before the start.
fn range_end(chars: &[char], at: usize, start: NaiveDate) -> Option<(NaiveDate, usize)> {
    let sep = RANGE.iter().find(|s| has_at(chars, at, s))?;
    partial_date(chars, at + sep.chars().count(), start)
}

/// A date at `chars[at..]` that may leave out the year or also the month of `start`, on or after it.
fn partial_date(chars: &[char], at: usize, start: NaiveDate) -> Option<(NaiveDate, usize)> {
    use chrono::Datelike;
    let (date, end) = full_date(chars, at).or_else(|| {
        let (first, after) = small_number(chars, at)?;
        match chars.get(after) {
            Some('月' | '.' | '/' | '-') => {
                let sep = chars[after];
                let (day, end) = small_number(chars, after + 1)?;
                let end = day_end(chars, end, sep)?;
                Some((NaiveDate::from_ymd_opt(start.year(), first, day)?, end))
            }
            Some('日' | '号') => Some((NaiveDate::from_ymd_opt(start.year(), start.month(), first)?, after + 1)),
            _ => None,
        }
    })?;
    (date >= start && (date - start).num_days() <= 3 * 366).then_some((date, end))
}

/// The whole date at `chars[at..]` and where it ends: a year of four digits (ASCII or Chinese),
/// then 年 M 月 D 日 or the same separator (`-`, `.`, `/`) twice; none if it does not exist.
fn full_date(chars: &[char], at: usize) -> Option<(NaiveDate, usize)> {
    let before = at.checked_sub(1).and_then(|i| chars.get(i)).copied();
    if before.is_some_and(|c| c.is_ascii_alphanumeric() || super::numerals::is_cn_numeral(c)) {
        return None;
    }
    let (year, after) = year(chars, at)?;
    let sep = *chars.get(after)?;
    if !matches!(sep, '年' | '-' | '.' | '/') {
        return None;
    }
    let (month, after) = small_number(chars, after + 1)?;
    let month_sep = if sep == '年' { '月' } else { sep };
    if chars.get(after) != Some(&month_sep) {
        return None;
    }
    let (day, end) = small_number(chars, after + 1)?;
    let end = day_end(chars, end, sep)?;
    if !YEARS.contains(&year) {
        return None;
    }
    Some((NaiveDate::from_ymd_opt(year, month, day)?, end))
}

/// Where a day written after `sep` ends: past its 日 (or 号; may be missing after 月), or
/// right there after digits when no digit follows.
fn day_end(chars: &[char], end: usize, sep: char) -> Option<usize> {
    match chars.get(end) {
        Some('日' | '号') => Some(end + 1),
        Some(c) if c.is_ascii_digit() => None,
        _ if sep == '年' || sep == '月' || chars.get(end.wrapping_sub(1)).is_some_and(char::is_ascii_digit) => {
            Some(end)
        }
        _ => None,
    }
}

/// A year at `chars[at..]`: four ASCII digits, or four Chinese digits (〇, 零 or an O for 0), or
/// three before 年 that an OCR left the 〇 out of (see [`year_without_zero`]).
fn year(chars: &[char], at: usize) -> Option<(i32, usize)> {
    let four = chars.get(at..at + 4)?;
    if four.iter().all(char::is_ascii_digit) {
        let after = chars.get(at + 4);
        if after.is_some_and(char::is_ascii_digit) {
            return None;
        }
        return Some((digits(four) as i32, at + 4));
    }
    if !four.iter().any(|c| is_han(*c)) {
        return None;
    }
    let mut year = 0;
    for c in four {
        let Some(digit) = cn_digit(*c) else { return year_without_zero(chars, at) };
        year = year * 10 + digit as i32;
    }
    Some((year, at + 4))
}

/// A Chinese digit of a year: 〇, 零 or an O for 0.
fn cn_digit(c: char) -> Option<u32> {
    match c {
        'O' | 'o' | '0' => Some(0),
        c => cn_number(&[c], 0).map(|(v, _)| v).filter(|v| *v < 10),
    }
}

/// A year of three Chinese digits before 年, read the way an OCR that drops 〇 gives it (二〇二五
/// read 二二五): the only year of [`YEARS`] the three make with a 0 put back in one place
/// (二二五 → 2025, 一九八 → 1980); none when no place or several give one.
fn year_without_zero(chars: &[char], at: usize) -> Option<(i32, usize)> {
    let three = chars.get(at..at + 3)?;
    if chars.get(at + 3) != Some(&'年') || three.iter().any(|c| matches!(c, '〇' | '零' | 'O' | 'o' | '0')) {
        return None;
    }
    let digits = three.iter().map(|c| cn_digit(*c)).collect::<Option<Vec<u32>>>()?;
    let years: Vec<i32> = (0..=3)
        .map(|zero| {
            let mut all = digits.clone();
            all.insert(zero, 0);
            all.iter().fold(0, |y, d| y * 10 + *d as i32)
        })
        .filter(|y| YEARS.contains(y))
        .collect();
    match years.as_slice() {
        [year] => Some((*year, at + 3)),
        _ => None,
    }
}

/// A month or a day at `chars[at..]`: one or two ASCII digits, or Chinese numerals up to 三十一.
fn small_number(chars: &[char], at: usize) -> Option<(u32, usize)> {
    let mut end = at;
    while chars.get(end).is_some_and(char::is_ascii_digit) {
        end += 1;
    }
    if (1..=2).contains(&(end - at)) {
        return Some((digits(&chars[at..end]), end));
    }
    if end > at {
        return None;
    }
    cn_number(chars, at).filter(|(v, e)| *v <= 31 && e - at <= 3)
}

/// The value of a few ASCII digits.
fn digits(chars: &[char]) -> u32 {
    chars.iter().filter_map(|c| c.to_digit(10)).fold(0, |v, d| v.saturating_mul(10).saturating_add(d))
}
