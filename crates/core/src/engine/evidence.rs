//! Evidence completeness: which alternative material set of the rule set a record's files
//! complete, or the closest set and what it still lacks.

use std::sync::Arc;

use serde::Serialize;

use crate::kinds::ActivityKind;
use crate::ledger::Activity;
use crate::rules::RuleSet;

/// How complete a record's evidence is.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Completeness {
    /// One alternative set is complete.
    Complete,
    /// No set is complete; `missing` lists what the closest set lacks.
    Incomplete,
    /// The rule set lists no materials for this kind of record.
    NoRule,
}

/// One requirement of the checked set: materials of which any one will do, and whether one of
/// them is attached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequirementCheck {
    pub alternatives: Arc<[Arc<str>]>,
    pub met: bool,
}

/// The alternatives of every requirement of every set of one evidence rule, shared by all checks.
type Shape = Arc<Vec<Vec<Arc<[Arc<str>]>>>>;

/// Every alternative set of a rule with, per requirement, whether it is met: the rule's shared
/// alternatives and one bit per requirement (set after set, in order), so checking thousands of
/// records allocates nothing for it. Serialized as the met flags only, set by set: the
/// alternatives are in the assessment's `evidence_rules` once, under the check's `clause`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SetChecks {
    shape: Option<Shape>,
    met: u64,
}

impl SetChecks {
    /// The sets, each requirement with its alternatives and whether one of them is attached.
    pub fn sets(&self) -> Vec<Vec<RequirementCheck>> {
        let Some(shape) = &self.shape else {
            return Vec::new();
        };
        let mut bit = 0;
        shape
            .iter()
            .map(|set| {
                set.iter()
                    .map(|alternatives| {
                        let met = self.met & (1 << bit) != 0;
                        bit += 1;
                        RequirementCheck { alternatives: alternatives.clone(), met }
                    })
                    .collect()
            })
            .collect()
    }
}

impl SetChecks {
    /// Per set, per requirement, whether it is met.
    pub fn met(&self) -> Vec<Vec<bool>> {
        self.sets().into_iter().map(|set| set.into_iter().map(|r| r.met).collect()).collect()
    }
}

impl Serialize for SetChecks {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.met().serialize(s)
    }
}

/// The evidence check of one record.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvidenceStatus {
    #[cfg_attr(feature = "ts", ts(as = "String"))]
    pub activity: Arc<str>,
    pub status: Completeness,
    /// Index of the complete or closest alternative set (0-based) of the rule's `sets`.
    pub set: Option<usize>,
    /// Requirements of that set not yet met, each as its alternatives joined by “或”.
    #[cfg_attr(feature = "ts", ts(as = "Vec<String>"))]
    pub missing: Arc<[Arc<str>]>,
    /// Every alternative set of the rule, each requirement with whether it is met, in the rule's
    /// order (`set` is the index of the complete or closest one). In JSON `met`: per set, per
    /// requirement, a flag; the requirements' alternatives are in the assessment's
    /// `evidence_rules[clause]`, in the same order.
    #[serde(rename = "met")]
    #[cfg_attr(feature = "ts", ts(rename = "met", as = "Vec<Vec<bool>>"))]
    pub sets: SetChecks,
    /// Attached materials that no set of this kind mentions.
    pub unrecognised: Vec<String>,
    /// `set/clause id` of the evidence rule.
    #[cfg_attr(feature = "ts", ts(as = "Option<String>"))]
    pub clause: Option<Arc<str>>,
}

/// One evidence rule made ready for checking many records.
struct Prepared<'r> {
    clause: Arc<str>,
    /// sets → requirements → (alternatives, description)
    sets: Vec<Vec<(&'r [String], Arc<str>)>>,
    /// sets → requirements → the alternatives, shared by every record's check.
    shape: Shape,
    /// Per set, all its requirements: what a record with none of them lacks (shared, not rebuilt).
    all: Vec<Arc<[Arc<str>]>>,
}

/// The evidence rules of a set, per activity kind, built once per assessment.
pub struct EvidenceIndex<'r> {
    by_kind: Vec<Option<Arc<Prepared<'r>>>>,
    nothing: Arc<[Arc<str>]>,
}

impl<'r> EvidenceIndex<'r> {
    pub fn new(rules: &'r RuleSet) -> EvidenceIndex<'r> {
        let prepared: Vec<Arc<Prepared<'r>>> = rules
            .evidence
            .iter()
            .map(|rule| {
                let sets: Vec<Vec<(&[String], Arc<str>)>> = rule
                    .sets
                    .iter()
                    .map(|set| set.iter().map(|req| (req.as_slice(), Arc::from(req.join(" 或 ")))).collect())
                    .collect();
                let all = sets.iter().map(|set| set.iter().map(|(_, d)| d.clone()).collect()).collect();
                let shape = Arc::new(
                    rule.sets
                        .iter()
                        .map(|set| set.iter().map(|req| req.iter().map(|m| Arc::from(m.as_str())).collect()).collect())
                        .collect(),
                );
                Arc::new(Prepared { clause: rule.clause().into(), sets, shape, all })
            })
            .collect();
        let by_kind = ActivityKind::ALL
            .iter()
            .map(|kind| rules.evidence.iter().position(|e| e.kinds.contains(kind)).map(|i| prepared[i].clone()))
            .collect();
        EvidenceIndex { by_kind, nothing: Arc::from(Vec::new()) }
    }

    /// Checks one record's attached materials against the alternative sets of its kind.
    pub fn check(&self, activity: &Activity, id: &Arc<str>) -> EvidenceStatus {
        let mut status = EvidenceStatus {
            activity: id.clone(),
            status: Completeness::NoRule,
            set: None,
            missing: self.nothing.clone(),
            sets: SetChecks::default(),
            unrecognised: Vec::new(),
            clause: None,
        };
        let Some(rule) = &self.by_kind[activity.kind as usize] else {
            return status;
        };
        let has = |material: &str| activity.evidence.iter().any(|e| e.material == material);
        status.unrecognised = activity
            .evidence
            .iter()
            .map(|e| e.material.as_str())
            .filter(|m| !rule.sets.iter().flatten().any(|(alts, _)| alts.iter().any(|a| a == m)))
            .map(str::to_owned)
            .collect();
        let lacking =
            |set: &[(&[String], Arc<str>)]| set.iter().filter(|(alts, _)| !alts.iter().any(|m| has(m))).count();
        let best = (0..rule.sets.len()).min_by_key(|i| (lacking(&rule.sets[*i]), *i)).unwrap_or(0);
        let mut met = 0u64;
        for (bit, (alts, _)) in rule.sets.iter().flatten().enumerate().take(64) {
            if alts.iter().any(|m| has(m)) {
                met |= 1 << bit;
            }
        }
        status.sets = SetChecks { shape: Some(rule.shape.clone()), met };
        if let Some(set) = rule.sets.get(best) {
            let missing = lacking(set);
            if missing == set.len() {
                status.missing = rule.all[best].clone();
            } else if missing > 0 {
                status.missing =
                    set.iter().filter(|(alts, _)| !alts.iter().any(|m| has(m))).map(|(_, d)| d.clone()).collect();
            }
        }
        status.status = if status.missing.is_empty() { Completeness::Complete } else { Completeness::Incomplete };
        status.set = Some(best);
        status.clause = Some(rule.clause.clone());
        status
    }
}
