//! `xueshi assess` on the stored records: the given or the planned application, and the evidence
//! completeness of every record after the usual report.

use std::path::Path;

use xueshi_handbook::Request;

use super::open_handbook;
use crate::{AssessArgs, CliError, assessment_output, evidence_report, parse_window};

/// `assess` without `--ledger`: the stored ledger, for the given or the planned application,
/// under the rule set in force (the user's own rule files included), with the evidence
/// completeness of every record. A plan's own window is used unless `--window` gives another.
pub fn assess_stored(args: &AssessArgs, explicit: Option<&Path>) -> Result<String, CliError> {
    let mut handbook = open_handbook(explicit, None)?;
    let a = handbook.assess(&request(args)?)?;
    Ok(assessment_output(&a.ledger, a.rules, &a.selection, &a.assessment, args.json, |assessment, set| {
        evidence_report::per_activity(assessment, set, &a.ledger)
    }))
}

/// The application the flags ask about; what they leave out comes from the plan.
pub fn request(args: &AssessArgs) -> Result<Request, CliError> {
    Ok(Request {
        year: args.apply_year,
        level: args.level,
        path: args.path,
        window: args.window.as_deref().map(parse_window).transpose()?,
        rules: args.rules.clone(),
    })
}
