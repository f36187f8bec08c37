//! `xueshi assess` on the stored records: the given or the planned application, and the evidence
//! completeness of every record after the usual report.

use std::path::Path;

use xueshi_core::kinds::ApplicationPath;
use xueshi_core::{Application, Ledger};

use super::open;
use crate::{AssessArgs, CliError, assessment_output, evidence_report, parse_window};

/// `assess` without `--ledger`: the stored ledger, for the given or the planned application,
/// with the evidence completeness of every record. A plan's own window is used unless `--window`
/// gives another.
pub fn assess_stored(args: &AssessArgs, explicit: Option<&Path>) -> Result<String, CliError> {
    let store = open(explicit)?;
    let ledger: Ledger = store.ledger()?;
    let plans = store.applications()?;
    let (mut application, planned_rules) = match (args.apply_year, args.level) {
        (Some(year), Some(level)) => {
            (Application::new(year, level, args.path.unwrap_or(ApplicationPath::Standard)), None)
        }
        (year, _) => {
            let plan = plans.iter().find(|p| year.is_none_or(|y| p.application.year == y)).ok_or_else(|| {
                CliError::Input(
                    "请用 --apply-year 和 --level 指定参评年度和级别，或先用 `xueshi plan` 登记参评计划".into(),
                )
            })?;
            (plan.application, plan.rules.clone())
        }
    };
    if let Some(text) = &args.window {
        application.window = Some(parse_window(text, application.year)?);
    }
    let rules = args.rules.clone().or(planned_rules);
    assessment_output(&ledger, &application, rules.as_deref(), args.json, |a, set| {
        evidence_report::per_activity(a, set, &ledger)
    })
}
