//! The findings about records and years as a whole: the same file on several records, records
//! outside the checked years, papers that state no 刊号, and checked years without any evidence.

use std::collections::HashMap;

use super::{Context, Finding};
use crate::kinds::{ActivityKind, FindingKind};

/// The same file (by its content) attached to two or more records.
pub(super) fn same_file(ctx: &Context, findings: &mut Vec<Finding>) {
    let mut groups: Vec<(&str, Vec<usize>)> = Vec::new();
    let mut by_hash: HashMap<&str, usize> = HashMap::new();
    for (i, activity) in ctx.ledger.activities.iter().enumerate() {
        for evidence in &activity.evidence {
            let Some(hash) = evidence.sha256.as_deref() else { continue };
            let group = *by_hash.entry(hash).or_insert_with(|| {
                groups.push((file_name(&evidence.file), Vec::new()));
                groups.len() - 1
            });
            if groups[group].1.last() != Some(&i) {
                groups[group].1.push(i);
            }
        }
    }
    for (file, records) in groups.into_iter().filter(|(_, records)| records.len() > 1) {
        let message = format!("同一份文件“{file}”附在 {} 条记录上：{}", records.len(), ctx.names(&records));
        findings.push(ctx.finding(
            FindingKind::SameFile,
            records,
            None,
            message,
            "一份证明材料只能证明一项学习：请核对是否附错了文件，给每条记录附上它自己的证明",
        ));
    }
}

/// The name of a file without its folders.
pub(super) fn file_name(file: &str) -> &str {
    file.rsplit(['/', '\\']).next().unwrap_or(file)
}

/// Records none of whose credits falls in the checked years, by year.
pub(super) fn outside_window(ctx: &Context, findings: &mut Vec<Finding>) {
    let window = &ctx.assessment.window;
    let (Some(first), Some(last)) = (window.first(), window.last()) else { return };
    let mut by_year: Vec<(i32, Vec<usize>)> = Vec::new();
    for (i, activity) in ctx.ledger.activities.iter().enumerate() {
        if ctx.in_window[i] || (!ctx.credited[i] && window.contains(&activity.year())) {
            continue;
        }
        let year =
            ctx.assessment.credits.iter().find(|c| *c.activity == *activity.id).map_or(activity.year(), |c| c.year);
        match by_year.iter_mut().find(|(y, _)| *y == year) {
            Some((_, records)) => records.push(i),
            None => by_year.push((year, vec![i])),
        }
    }
    by_year.sort_by_key(|(year, _)| *year);
    for (year, records) in by_year {
        let message = format!(
            "{year} 年的 {} 条记录不在本次认定跨度（{}）内，不计入本次认定：{}",
            records.len(),
            crate::engine::year_range(*first, *last),
            ctx.names(&records)
        );
        findings.push(ctx.finding(
            FindingKind::OutsideWindow,
            records,
            Some(year),
            message,
            "这些记录不必随本次申报提交；如果是日期填错了，请改正日期",
        ));
    }
}

/// Papers counted in the checked years whose title, 刊物名称 and 备注 state no 国内统一刊号 (CN) and
/// no ISSN: the ledger has no field of its own for it.
pub(super) fn papers_without_issn(ctx: &Context, findings: &mut Vec<Finding>) {
    for (i, activity) in ctx.ledger.activities.iter().enumerate() {
        if activity.kind != ActivityKind::Paper || !ctx.in_window[i] {
            continue;
        }
        let texts = [Some(activity.title.as_str()), activity.provider.as_deref(), activity.note.as_deref()];
        if texts.into_iter().flatten().any(states_journal_number) {
            continue;
        }
        let message = format!("论文 {}的记录中没有刊号：审核时会核对刊物的刊号", ctx.names(&[i]));
        findings.push(ctx.finding(
            FindingKind::PaperWithoutIssn,
            vec![i],
            Some(activity.year()),
            message,
            "请在“备注”中填写刊物的国内统一刊号（如 CN 43-1234/R）或国际标准刊号（ISSN 1234-5678），并附上刊号页",
        ));
    }
}

/// Whether a text states a 国内统一刊号 (`CN 43-1234`) or an ISSN (`1234-567X`).
pub(crate) fn states_journal_number(text: &str) -> bool {
    let chars: Vec<char> = text.chars().map(|c| c.to_ascii_uppercase()).collect();
    let digits = |at: usize, n: usize| chars.get(at..at + n).is_some_and(|s| s.iter().all(char::is_ascii_digit));
    let dash = |at: usize| chars.get(at).is_some_and(|c| matches!(c, '-' | '－' | '–'));
    let issn = |at: usize| {
        digits(at, 4)
            && dash(at + 4)
            && digits(at + 5, 3)
            && chars.get(at + 8).is_some_and(|c| c.is_ascii_digit() || *c == 'X')
    };
    let cn = |at: usize| {
        if chars.get(at..at + 2) != Some(&['C', 'N'][..]) {
            return false;
        }
        let mut at = at + 2;
        while chars.get(at).is_some_and(|c| c.is_whitespace() || matches!(c, ':' | '：')) {
            at += 1;
        }
        digits(at, 2) && dash(at + 2) && digits(at + 3, 4)
    };
    (0..chars.len()).any(|at| issn(at) || cn(at))
}

/// Checked years with credits none of whose records carries an evidence file.
pub(super) fn years_without_evidence(ctx: &Context, findings: &mut Vec<Finding>) {
    for year in &ctx.assessment.window {
        let mut records: Vec<usize> = ctx
            .assessment
            .credits
            .iter()
            .filter(|c| c.year == *year && c.in_window)
            .filter_map(|c| ctx.position.get(&*c.activity).copied())
            .collect();
        records.sort_unstable();
        records.dedup();
        if records.is_empty() || records.iter().any(|i| !ctx.ledger.activities[*i].evidence.is_empty()) {
            continue;
        }
        let message =
            format!("{year} 年有 {} 条记录计入本次认定，但都没有附证明材料：{}", records.len(), ctx.names(&records));
        findings.push(ctx.finding(
            FindingKind::YearWithoutEvidence,
            records,
            Some(*year),
            message,
            "网上核认按年度上传佐证材料：请为这些记录附上证书、通知等证明材料",
        ));
    }
}
