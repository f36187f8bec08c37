//! What an assessment says, typed for every shell: credits with their clause, the clauses they
//! cite (each quoted once), per-record totals, each year's hours, shortfall and state, evidence
//! checks and warnings.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

use super::credit::Basis;
use super::evidence::EvidenceStatus;
use super::window::WindowBasis;
use crate::hours::Hours;
use crate::kinds::{ApplicationPath, CreditCategory, Level};

/// One credit: hours for one record, in one year and category, by one clause.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Credit {
    #[cfg_attr(feature = "ts", ts(as = "String"))]
    pub activity: Arc<str>,
    pub year: i32,
    pub category: CreditCategory,
    pub hours: Hours,
    /// The clause that credits the hours, shared by all its credits; serialized as its id
    /// `clause`, whose document and quote are in the assessment's `clauses`.
    #[cfg_attr(feature = "ts", ts(rename = "clause", type = "string"))]
    #[serde(rename = "clause", serialize_with = "clause_id")]
    pub source: Arc<ClauseSource>,
    /// How the hours were counted; serialized as words, e.g. `2 天 × 8 学时`.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    #[serde(serialize_with = "basis_words")]
    pub basis: Basis,
    /// Whether the year is one of the checked years.
    pub in_window: bool,
}

/// Where a credit comes from. Serialized in the assessment's `clauses` under its id, as the
/// document and the quote.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClauseSource {
    /// `rule-set id/clause id`, e.g. `hunan-2020/conversion.1.day`.
    #[cfg_attr(feature = "ts", ts(skip))]
    #[serde(skip)]
    pub clause: String,
    /// The document's 文号 or title.
    pub document: String,
    /// The sentence the clause quotes.
    pub quote: String,
}

fn clause_id<S: serde::Serializer>(source: &Arc<ClauseSource>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&source.clause)
}

/// The clauses an assessment's credits cite, each once: clause id → its document and quote.
pub type ClauseTable = BTreeMap<String, Arc<ClauseSource>>;

fn basis_words<S: serde::Serializer>(basis: &Basis, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&basis.describe())
}

/// What a year still lacks.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Short {
    pub public: Hours,
    pub professional: Hours,
    pub total: Hours,
}

/// The result for one year of the window.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct YearResult {
    pub year: i32,
    pub public: Hours,
    pub professional: Hours,
    /// public + professional hours credited from hour-earning records.
    pub total: Hours,
    pub met: bool,
    /// Completed by a full-year credit (三援, overseas exchange).
    pub full_year: bool,
    /// Covered by an earlier 学时认定单.
    pub prior_certificate: bool,
    /// The records that complete or cover the year.
    #[cfg_attr(feature = "ts", ts(as = "Vec<String>"))]
    pub covered_by: Vec<Arc<str>>,
    pub short: Short,
    /// The hours still needed in all: the total's shortfall or the parts' together, whichever is more.
    pub missing: Hours,
    /// Where the year stands, for each shell to word in its own way.
    pub state: YearState,
    /// 达标 / 差 X 学时 / 由认定单覆盖 / 全年认定 (the command line's and the exports' wording)
    pub status: String,
}

/// Where a year of the window stands.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum YearState {
    /// The hours meet the requirement.
    Met,
    /// Hours are missing (`short`, `missing`).
    Short,
    /// Completed as a whole by a posting or exchange.
    FullYear,
    /// Covered by an earlier 学时认定单.
    PriorCertificate,
}

/// What one record earns under the assessment, summed once by the engine.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordTotal {
    #[cfg_attr(feature = "ts", ts(as = "String"))]
    pub activity: Arc<str>,
    /// 公需 and 专业 hours credited, in any year.
    pub hours: Hours,
    /// Of those, the hours in the checked years.
    pub in_window: Hours,
    /// The years it completes as a whole or covers, in order.
    pub whole_years: Vec<i32>,
}

/// A warning, about one record or about the assessment as a whole.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    #[cfg_attr(feature = "ts", ts(as = "Option<String>"))]
    pub activity: Option<Arc<str>>,
    #[cfg_attr(feature = "ts", ts(as = "String"))]
    pub message: Arc<str>,
    /// The warning states an assumption (推定) where the notices do not decide.
    pub assumption: bool,
}

impl Warning {
    pub(super) fn general(message: String) -> Warning {
        Warning { activity: None, message: message.into(), assumption: false }
    }

    /// A general warning stating an assumption (推定).
    pub(super) fn assumed(message: String) -> Warning {
        Warning { activity: None, message: message.into(), assumption: true }
    }
}

/// The requirement applied, as shown to the user.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequirementSummary {
    pub total: Hours,
    pub public: Option<Hours>,
    pub professional: Hours,
    pub both_parts: bool,
    /// This reading of the notice is an inference (`note` says why).
    pub assumed: bool,
    pub note: Option<String>,
    pub clause: String,
    pub document: String,
    pub quote: String,
}

/// The full assessment of a ledger for one application under one rule set.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Assessment {
    pub rules: String,
    pub rules_name: String,
    /// `《title》（文号）`, for headings.
    pub rules_display: String,
    pub document: String,
    pub apply_year: i32,
    pub level: Level,
    pub path: ApplicationPath,
    pub window: Vec<i32>,
    /// `rule-set id/window id` of the window applied; empty for the unit's own window.
    pub window_clause: String,
    /// Where the window comes from.
    pub window_basis: WindowBasis,
    /// One sentence saying which years are checked and why, for the dashboard.
    pub window_reason: String,
    pub requirement: RequirementSummary,
    pub compliant: bool,
    /// The hours still missing over all the checked years (each year's `missing` added up).
    pub missing: Hours,
    pub years: Vec<YearResult>,
    pub credits: Vec<Credit>,
    /// The document and quote of every clause the credits cite, by clause id (each quoted once,
    /// however many credits cite it).
    #[cfg_attr(feature = "ts", ts(as = "BTreeMap<String, ClauseSource>"))]
    pub clauses: ClauseTable,
    /// Per record, in the ledger's order.
    pub records: Vec<RecordTotal>,
    pub evidence: Vec<EvidenceStatus>,
    /// The materials each evidence rule that checked a record asks for, by clause id (each rule
    /// once, however many records it checks): its alternative sets, each a list of requirements, each the materials
    /// of which any one will do. A record's check says per requirement whether it is met.
    pub evidence_rules: BTreeMap<String, Vec<Vec<Vec<String>>>>,
    pub warnings: Vec<Warning>,
}
