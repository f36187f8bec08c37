//! The same certificate number on two records. A record has no field of its own for it: the
//! number is read from its 备注 where the user wrote it after 证书编号 / 证明编号 / 编号 (the 2017
//! notice's 继续教育合格证明 is numbered “(市州) — (年度) — (四位数编号)”).

use std::collections::HashMap;

use super::{Context, Finding};
use crate::kinds::FindingKind;

/// The words after which a note gives a certificate's number, longest first.
const KEYWORDS: &[&str] = &["合格证明编号", "证书编号", "证明编号", "证书号", "编号"];

/// Records whose notes give the same certificate number.
pub(super) fn same_certificate(ctx: &Context, findings: &mut Vec<Finding>) {
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    let mut by_number: HashMap<String, usize> = HashMap::new();
    for (i, activity) in ctx.ledger.activities.iter().enumerate() {
        for number in activity.note.as_deref().map(certificate_numbers).unwrap_or_default() {
            let group = *by_number.entry(number.clone()).or_insert_with(|| {
                groups.push((number, Vec::new()));
                groups.len() - 1
            });
            if groups[group].1.last() != Some(&i) {
                groups[group].1.push(i);
            }
        }
    }
    for (number, records) in groups.into_iter().filter(|(_, records)| records.len() > 1) {
        let message = format!("证书编号“{number}”出现在 {} 条记录上：{}", records.len(), ctx.names(&records));
        findings.push(ctx.finding(
            FindingKind::SameCertificate,
            records,
            None,
            message,
            "一张证书只能证明一项学习：请核对备注中的证书编号是否填错，或是否把同一项学习记了两次",
        ));
    }
}

/// The certificate numbers a note gives: what follows a keyword up to a space or punctuation,
/// with at least four digits, dashes of any width written `-`, brackets as `(` `)` `[` `]` and
/// letters in capitals.
pub fn certificate_numbers(note: &str) -> Vec<String> {
    let mut numbers = Vec::new();
    let mut rest = note;
    while let Some((at, keyword)) = KEYWORDS
        .iter()
        .filter_map(|k| rest.find(k).map(|at| (at, *k)))
        .min_by_key(|(at, k)| (*at, usize::MAX - k.len()))
    {
        rest = &rest[at + keyword.len()..];
        let start = rest.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '：' | '为' | '是'));
        let token = number_at(start);
        if token.chars().filter(char::is_ascii_digit).count() >= 4 && !numbers.contains(&token) {
            numbers.push(token);
        }
    }
    numbers
}

/// The number at the start of `text`: up to a space, a comma, a full stop, or a closing bracket
/// that closes nothing of the number — a year in brackets, “(2025)湘继教结字第0587号” or
/// “湘继教〔2025〕17号”, is part of it; “（证书编号：HN-2024-0001）” ends at its bracket.
fn number_at(text: &str) -> String {
    let mut depth = 0usize;
    let mut token = String::new();
    for c in text.chars() {
        let c = match c {
            '—' | '－' | '–' => '-',
            '（' => '(',
            '）' => ')',
            '〔' | '［' | '【' => '[',
            '〕' | '］' | '】' => ']',
            c => c.to_ascii_uppercase(),
        };
        match c {
            c if c.is_whitespace() || matches!(c, '，' | ',' | '；' | ';' | '。' | '、') => break,
            '(' | '[' => depth += 1,
            ')' | ']' if depth == 0 => break,
            ')' | ']' => depth -= 1,
            _ => {}
        }
        token.push(c);
    }
    token
}
