//! 学时 and 学分: “共计32学时”, “学时：24”, “24 学时”, “48课时”, “三十二学时”, “1.5学分”. 学分 become
//! 学时 only at the rate the certificate itself states (“1学分=10学时”, “每学分折合10学时”); a rate
//! or a length of a 学时 (“1学时=45分钟”) is not a number of hours.

use super::Suggested;
use super::numerals::{number_at, number_before};
use super::text::{Line, find, has_at};

/// The words of a number of 学时, and of 学分.
const HOURS: &[&str] = &["学时", "课时"];
const CREDITS: &[&str] = &["学分"];
/// Words before a number that make it the total.
const TOTAL: &[&str] = &["共计", "合计", "总计", "累计", "总学时", "获得", "取得", "完成", "共", "计", "总"];
/// Words that may follow 学时 before its number: 学时数：24, 学时为24.
const AFTER_UNIT: &[&str] = &["数", ":", ";", "为", "是", "合计", "总计", "共计", "总数"];
/// Words between 学分 and 学时 in a stated rate.
const RATE: &[&str] = &["折算为", "折合为", "相当于", "折算", "折合", "等于", "=", "为", "计", "合", "按"];
/// The most hours one certificate is believed to give.
const MAX_HOURS: f64 = 1000.0;

/// A number of one unit read from a line.
struct Amount {
    value: f64,
    line: usize,
    total: bool,
}

/// The hours and the credits the lines give.
pub(super) fn hours_and_credits(lines: &[Line]) -> (Option<Suggested<f64>>, Option<Suggested<f64>>) {
    let rate = lines.iter().find_map(|l| rate(&l.compact));
    let hours = choose(lines.iter().flat_map(|l| amounts(l, HOURS)).collect());
    let credits = choose(lines.iter().flat_map(|l| amounts(l, CREDITS)).collect());
    let hours = hours.or_else(|| {
        let (rate, credits) = (rate?, credits.as_ref()?);
        let hours = (credits.value * rate * 100.0).round() / 100.0;
        (hours > 0.0 && hours <= MAX_HOURS).then(|| Suggested::new(hours, credits.confidence - 0.15, credits.line))
    });
    (hours, credits)
}

/// The amount to suggest: a total if one is marked, else the only value (surer) or the largest
/// of several (less sure: a list of courses is followed by its total); the first of equals.
fn choose(amounts: Vec<Amount>) -> Option<Suggested<f64>> {
    let distinct = amounts.iter().any(|a| amounts.first().is_some_and(|f| f.value != a.value));
    let mut chosen: Option<&Amount> = None;
    for amount in &amounts {
        if chosen.is_none_or(|c| (amount.total, amount.value) > (c.total, c.value)) {
            chosen = Some(amount);
        }
    }
    let chosen = chosen?;
    let confidence = match (chosen.total, distinct) {
        (true, _) => 0.9,
        (false, false) => 0.8,
        (false, true) => 0.5,
    };
    Some(Suggested::new(chosen.value, confidence, chosen.line))
}

/// The amounts of `units` on `line`: a number before the unit (24学时, 十六个学时) or after it
/// (学时：24), neither part of a stated rate.
fn amounts(line: &Line, units: &[&str]) -> Vec<Amount> {
    let chars = &line.compact;
    let mut found = Vec::new();
    for at in 0..chars.len() {
        let Some(unit) = units.iter().find(|u| has_at(chars, at, u)) else { continue };
        let after = at + unit.chars().count();
        if in_rate(chars, at, after) {
            continue;
        }
        let (value, start, total_after) = match number_before(chars, at) {
            Some((value, start)) if chars.get(start.wrapping_sub(1)) != Some(&'第') => (value, start, false),
            _ => {
                let Some((value, start)) = number_after_label(chars, after) else { continue };
                let total = TOTAL.iter().any(|w| find(&chars[after..start], w, 0).is_some());
                (value, at, total)
            }
        };
        if value > 0.0 && value <= MAX_HOURS {
            let total = total_after
                || TOTAL.iter().any(|w| {
                    let n = w.chars().count();
                    (1..=4).any(|gap| start >= n + gap - 1 && has_at(chars, start + 1 - gap - n, w))
                });
            found.push(Amount { value, line: line.index, total });
        }
    }
    found
}

/// The number right after a unit used as a label (学时：24, 学时数为24, 学时合计：14), not a date's
/// year, and where it starts.
fn number_after_label(chars: &[char], mut at: usize) -> Option<(f64, usize)> {
    while let Some(word) = AFTER_UNIT.iter().find(|w| has_at(chars, at, w)) {
        at += word.chars().count();
    }
    let (value, end) = number_at(chars, at)?;
    let date = chars.get(end).is_some_and(|c| matches!(c, '年' | '月' | '-' | '/'));
    (!date).then_some((value, at))
}

/// Whether the unit at `chars[at..after]` is part of a rate: 1学分=10学时 (either unit), 1学时=45分钟.
fn in_rate(chars: &[char], at: usize, after: usize) -> bool {
    let next = chars.get(after..).unwrap_or_default();
    if next.first().is_some_and(|c| matches!(c, '=' | '相' | '折' | '等')) {
        return true;
    }
    // 1学时为45分钟.
    if has_at(next, 0, "为")
        && let Some((_, end)) = number_at(next, 1)
        && has_at(next, end, "分钟")
    {
        return true;
    }
    // The 学时 of 1学分=10学时: a rate word and a number of 学分 before it.
    let Some((_, start)) = number_before(chars, at) else { return false };
    let head = chars.get(..start).unwrap_or_default();
    RATE.iter().any(|w| {
        let n = w.chars().count();
        head.len() >= n + 2 && has_at(head, head.len() - n, w) && has_at(head, head.len() - n - 2, "学分")
    })
}

/// The number of 学时 one 学分 is, as the certificate states it.
fn rate(chars: &[char]) -> Option<f64> {
    for at in 0..chars.len() {
        if !has_at(chars, at, "学分") {
            continue;
        }
        let credits = match number_before(chars, at) {
            Some((value, _)) => value,
            None if at > 0 && chars.get(at - 1) == Some(&'每') => 1.0,
            None => continue,
        };
        let mut after = at + 2;
        while let Some(word) = RATE.iter().find(|w| has_at(chars, after, w)) {
            after += word.chars().count();
        }
        let Some((hours, end)) = number_at(chars, after) else { continue };
        if HOURS.iter().any(|u| has_at(chars, end, u) || has_at(chars, end + 1, u)) && credits > 0.0 && after > at + 2 {
            return Some(hours / credits);
        }
    }
    None
}
