//! Evidence completeness: which alternative material set of the rule set a record's files
//! complete, or the closest set and what it still lacks.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::ledger::Activity;
use crate::rules::RuleSet;

/// How complete a record's evidence is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Completeness {
    /// One alternative set is complete.
    Complete,
    /// No set is complete; `missing` lists what the closest set lacks.
    Incomplete,
    /// The rule set lists no materials for this kind of record.
    NoRule,
}

/// The evidence check of one record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvidenceStatus {
    pub activity: String,
    pub status: Completeness,
    /// Index of the complete or closest set (0-based).
    pub set: Option<usize>,
    /// The closest set, each requirement as its alternatives joined by “或”.
    pub set_description: Vec<String>,
    /// Requirements of that set not yet met.
    pub missing: Vec<String>,
    /// Attached materials that no set of this kind mentions.
    pub unrecognised: Vec<String>,
    /// `set/clause id` of the evidence rule.
    pub clause: Option<String>,
}

fn describe(requirement: &[String]) -> String {
    requirement.join(" 或 ")
}

/// Checks one record's attached materials against the rule set's alternative sets.
pub fn check(activity: &Activity, rules: &RuleSet) -> EvidenceStatus {
    let present: BTreeSet<&str> = activity
        .evidence
        .iter()
        .map(|e| e.material.as_str())
        .collect();
    let Some(rule) = rules.evidence_for(activity.kind) else {
        return EvidenceStatus {
            activity: activity.id.clone(),
            status: Completeness::NoRule,
            set: None,
            set_description: Vec::new(),
            missing: Vec::new(),
            unrecognised: Vec::new(),
            clause: None,
        };
    };
    let known: BTreeSet<&str> = rule
        .sets
        .iter()
        .flatten()
        .flatten()
        .map(String::as_str)
        .collect();
    let unrecognised = present
        .iter()
        .filter(|m| !known.contains(*m))
        .map(|m| (*m).to_owned())
        .collect();
    let (index, missing) = rule
        .sets
        .iter()
        .enumerate()
        .map(|(i, set)| {
            let lacking: Vec<String> = set
                .iter()
                .filter(|req| !req.iter().any(|m| present.contains(m.as_str())))
                .map(|req| describe(req))
                .collect();
            (i, lacking)
        })
        .min_by_key(|(i, lacking)| (lacking.len(), *i))
        .unwrap_or((0, Vec::new()));
    EvidenceStatus {
        activity: activity.id.clone(),
        status: if missing.is_empty() {
            Completeness::Complete
        } else {
            Completeness::Incomplete
        },
        set: Some(index),
        set_description: rule
            .sets
            .get(index)
            .map(|s| s.iter().map(|r| describe(r)).collect())
            .unwrap_or_default(),
        missing,
        unrecognised,
        clause: Some(format!("{}/{}", rule.origin.set, rule.id)),
    }
}
