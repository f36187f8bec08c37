//! `xueshi review`: 预审, what a reviewer would question in the stored records or a ledger file,
//! listed with what to do. Findings are not failures: the exit code is 0 whatever it finds.

use std::path::Path;

use xueshi_core::Assessment;
use xueshi_core::review::{Finding, review};

use crate::store_cmds::{open_handbook, request};
use crate::{AssessArgs, CliError, assess_ledger_file, to_json};

/// The findings for the application the flags (or the plan) give: a Chinese list, or JSON.
pub fn run(args: &AssessArgs, data_dir: Option<&Path>) -> Result<String, CliError> {
    if args.ledger.is_some() {
        return assess_ledger_file(args, data_dir, |ledger, set, _, assessment| {
            output(assessment, &review(ledger, set, assessment, &[]), args.json)
        });
    }
    let mut handbook = open_handbook(data_dir, None)?;
    let (assessed, findings) = handbook.assess_and_review(&request(args)?)?;
    Ok(output(&assessed.assessment, &findings, args.json))
}

fn output(assessment: &Assessment, findings: &[Finding], json: bool) -> String {
    if json { to_json(&findings) } else { render(assessment, findings) }
}

/// The list as the terminal shows it: what was reviewed, then each finding with what to do.
fn render(assessment: &Assessment, findings: &[Finding]) -> String {
    let (first, last) = (assessment.window.first(), assessment.window.last());
    let span = match (first, last) {
        (Some(first), Some(last)) => xueshi_core::year_range(*first, *last),
        _ => String::new(),
    };
    let mut out = format!(
        "预审：{} 年申报{}，按{}，认定跨度 {span}\n",
        assessment.apply_year,
        assessment.level.label(),
        assessment.rules_display
    );
    if findings.is_empty() {
        out.push_str("没有发现审核时可能被质疑的问题。\n");
        return out;
    }
    out.push_str(&format!("发现 {} 个审核时可能被质疑的问题：\n", findings.len()));
    for (n, finding) in findings.iter().enumerate() {
        out.push_str(&format!(
            "\n{}. 【{}】{}\n   怎么办：{}\n",
            n + 1,
            finding.kind.label(),
            finding.message,
            finding.action
        ));
    }
    out
}
