//! 预审, the pre-review: what a reviewer would question in the records of one application, found
//! before anything is exported. Pure: it reads the ledger, the rule set in force and the
//! assessment made under it, and says for each finding which records it concerns and what to do.

mod certificates;
mod dates;
mod identity;
mod records;

pub use certificates::certificate_numbers;
pub use identity::EvidenceText;

use std::collections::HashMap;

use serde::Serialize;

use crate::engine::Assessment;
use crate::kinds::FindingKind;
use crate::ledger::{Activity, Ledger};
use crate::rules::RuleSet;

/// One thing a reviewer would question.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub kind: FindingKind,
    /// The ids of the records concerned, in the ledger's order.
    pub records: Vec<String>,
    /// The year it concerns, when it concerns a year.
    pub year: Option<i32>,
    /// What a reviewer would question, naming the records by date and title.
    pub message: String,
    /// What to do about it.
    pub action: String,
}

/// Reviews `ledger` as `assessment` (made under `rules`) credits it, with the `texts` read from its
/// evidence files (none when they were not read): the findings in the order of
/// [`FindingKind::ALL`], each kind's findings in the ledger's order.
pub fn review(ledger: &Ledger, rules: &RuleSet, assessment: &Assessment, texts: &[EvidenceText]) -> Vec<Finding> {
    let context = Context::new(ledger, assessment);
    let mut findings = Vec::new();
    records::same_file(&context, &mut findings);
    certificates::same_certificate(&context, &mut findings);
    dates::overlapping_and_over_limit(&context, rules, &mut findings);
    records::outside_window(&context, &mut findings);
    records::papers_without_issn(&context, &mut findings);
    identity::evidence_names_someone_else(&context, texts, &mut findings);
    records::years_without_evidence(&context, &mut findings);
    findings.sort_by_key(|f| FindingKind::ALL.iter().position(|k| *k == f.kind));
    findings
}

/// The ledger and its assessment, with each record's place for lookups.
struct Context<'a> {
    ledger: &'a Ledger,
    assessment: &'a Assessment,
    position: HashMap<&'a str, usize>,
    /// Per record in the ledger's order: whether any of its credits falls in the checked years.
    in_window: Vec<bool>,
    /// Per record: whether it earns any credit at all.
    credited: Vec<bool>,
}

impl<'a> Context<'a> {
    fn new(ledger: &'a Ledger, assessment: &'a Assessment) -> Context<'a> {
        let position: HashMap<&str, usize> =
            ledger.activities.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
        let (mut in_window, mut credited) =
            (vec![false; ledger.activities.len()], vec![false; ledger.activities.len()]);
        for credit in &assessment.credits {
            if let Some(i) = position.get(&*credit.activity) {
                credited[*i] = true;
                in_window[*i] |= credit.in_window;
            }
        }
        Context { ledger, assessment, position, in_window, credited }
    }

    /// A finding about `records` (given by their place in the ledger), in the ledger's order.
    fn finding(
        &self,
        kind: FindingKind,
        mut records: Vec<usize>,
        year: Option<i32>,
        message: String,
        action: impl Into<String>,
    ) -> Finding {
        records.sort_unstable();
        records.dedup();
        Finding {
            kind,
            records: records.iter().map(|i| self.ledger.activities[*i].id.clone()).collect(),
            year,
            message,
            action: action.into(),
        }
    }

    /// The records named for a person: `2023年5月12日《研修班》、2023年6月1日《讲座》`, the first few
    /// and how many more.
    fn names(&self, records: &[usize]) -> String {
        const SHOWN: usize = 4;
        let names: Vec<String> = records.iter().take(SHOWN).map(|i| name(&self.ledger.activities[*i])).collect();
        let names = names.join("、");
        if records.len() > SHOWN { format!("{names} 等 {} 条", records.len()) } else { names }
    }
}

/// A record as a person recognises it: its date (as the screens write dates) and title.
fn name(activity: &Activity) -> String {
    let title = activity.title.trim_start_matches('《').trim_end_matches('》');
    format!("{}《{title}》", activity.date.format("%Y年%-m月%-d日"))
}
