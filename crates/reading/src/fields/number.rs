//! The certificate's number: what follows 证书编号 / 证明编号 / 编号 / 证书号 / No. — letters, digits
//! and dashes with at least four digits (the 2017 合格证明's “市州-年度-四位数编号” with its city),
//! dashes written `-` and letters in capitals as the 预审 reads a number from a record's 备注; or,
//! without a label, a number written like an official document's ((2025)湘继教结字第0587号).

use xueshi_core::id_number;

use super::text::{Line, has_at, is_han};
use super::{Suggested, best};

/// The words before a certificate's number, with how sure a number after each is.
const KEYWORDS: &[(&str, f32)] = &[
    ("合格证明编号", 0.9),
    ("证书编号", 0.9),
    ("证明编号", 0.9),
    ("证书号码", 0.9),
    ("证书号", 0.9),
    ("证号", 0.75),
    ("编号", 0.75),
    ("No.", 0.7),
    ("NO.", 0.7),
    ("No", 0.6),
    ("NO", 0.6),
];
/// Words before 编号 or 证号 that make it another number than the certificate's.
const OTHER: &[&str] =
    &["身份", "证件", "学员", "考生", "准考", "人员", "学籍", "登记", "手册", "订单", "课程", "学号", "身份证", "会员"];
/// The least digits in a number.
const MIN_DIGITS: usize = 4;
/// The most characters of a number.
const MAX_CHARS: usize = 40;

/// The certificate's number, the surest reading first.
pub(super) fn certificate_number(lines: &[Line]) -> Option<Suggested<String>> {
    let mut found = Vec::new();
    for line in lines {
        let chars = &line.compact;
        let mut at = 0;
        while at < chars.len() {
            let Some((keyword, confidence)) =
                KEYWORDS.iter().find(|(k, _)| has_at(chars, at, k)).copied().or_else(|| misread(chars, at))
            else {
                at += 1;
                continue;
            };
            let after = at + keyword.chars().count();
            let head = &chars[..at];
            let ascii = keyword.starts_with('N');
            let refused = if ascii {
                head.last().is_some_and(char::is_ascii_alphanumeric)
                    || (!keyword.ends_with('.') && chars.get(after).is_some_and(char::is_ascii_alphabetic))
            } else {
                OTHER.iter().any(|o| {
                    let n = o.chars().count();
                    head.len() >= n && has_at(head, head.len() - n, o)
                })
            };
            if !refused && let Some(number) = number_at(chars, after) {
                found.push(Suggested::new(number, confidence, line.index));
            }
            at = after;
        }
        if let Some(number) = document_number(line) {
            found.push(Suggested::new(number, 0.6, line.index));
        }
    }
    best(found)
}

/// A number written like an official document's, without a label: (2025)湘继教结字第0587号 — a
/// year in brackets, a few characters ending in 字, 第, digits, 号; as written.
fn document_number(line: &Line) -> Option<String> {
    let chars = &line.compact;
    let at = (0..chars.len()).find(|&i| matches!(chars[i], '(' | '（' | '〔' | '[' | '【'))?;
    let year = chars.get(at + 1..at + 5)?;
    if !year.iter().all(char::is_ascii_digit) || !matches!(chars.get(at + 5), Some(')' | '）' | '〕' | ']' | '】')) {
        return None;
    }
    let words = chars[at + 6..].iter().take_while(|c| is_han(**c) && **c != '第').count();
    let di = at + 6 + words;
    if !(2..=12).contains(&words) || chars.get(di - 1) != Some(&'字') || chars.get(di) != Some(&'第') {
        return None;
    }
    let digits = chars[di + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
    let end = di + 1 + digits;
    ((1..=8).contains(&digits) && chars.get(end) == Some(&'号')).then(|| line.show(at, end + 1))
}

/// 证书编号 or 证明编号 with its last two characters but one read as others by an OCR (证书编亏),
/// when a colon follows: as a keyword of its own, less sure.
fn misread(chars: &[char], at: usize) -> Option<(&'static str, f32)> {
    let word = chars.get(at..at + 4)?;
    let keyword = [("证书", "证书编号"), ("证明", "证明编号")].into_iter().find(|(head, _)| has_at(chars, at, head))?.1;
    let right = word.iter().zip(keyword.chars()).filter(|(a, b)| **a == *b).count();
    (right == 3 && matches!(chars.get(at + 4), Some(':' | ';'))).then_some(("证书编号", 0.7))
}

/// The number at `chars[at..]`, past a colon, spaces, 为 or a No.: an optional city before a dash, then
/// letters, digits, dashes, slashes.
fn number_at(chars: &[char], mut at: usize) -> Option<String> {
    let skip = |at: &mut usize| {
        while chars.get(*at).is_some_and(|c| matches!(c, ':' | ';' | '.' | ' ' | '#' | '为' | '是')) {
            *at += 1;
        }
    };
    skip(&mut at);
    // 证书编号 No. 2024…
    if ["No.", "NO.", "No:", "NO:"].iter().any(|w| has_at(chars, at, w)) {
        at += 3;
        skip(&mut at);
    }
    let mut number = String::new();
    let city = chars.get(at..).unwrap_or_default().iter().take_while(|c| is_han(**c)).count();
    if (2..=6).contains(&city) && chars.get(at + city) == Some(&'-') {
        number.extend(&chars[at..at + city]);
        at += city;
    }
    while let Some(&c) = chars.get(at) {
        let digits_around = c == ' '
            && chars.get(at + 1).is_some_and(char::is_ascii_digit)
            && at.checked_sub(1).and_then(|i| chars.get(i)).is_some_and(char::is_ascii_digit);
        match c {
            c if c.is_ascii_alphanumeric() => number.push(c.to_ascii_uppercase()),
            '-' | '_' | '/' => number.push(c),
            ' ' if digits_around => {}
            _ => break,
        }
        if number.chars().count() > MAX_CHARS {
            return None;
        }
        at += 1;
    }
    let number = number.trim_matches(|c| matches!(c, '-' | '_' | '/')).to_owned();
    let digits = number.chars().filter(char::is_ascii_digit).count();
    (digits >= MIN_DIGITS && !id_number::is_valid(&number)).then_some(number)
}
