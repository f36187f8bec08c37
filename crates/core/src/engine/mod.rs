//! The assessment engine: a pure, deterministic function from a ledger, a rule set and a planned
//! application to the hours credited per record and per year, compliance, and warnings. Every
//! credited hour names the clause and document it comes from.

mod credit;
mod evidence;
mod window;

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

pub use credit::{Basis, CreditKind, completion_year};
pub use evidence::{Completeness, EvidenceStatus};
pub use window::WindowBasis;
use window::choose_window;

use crate::hours::Hours;
use crate::kinds::{ApplicationPath, Level};
use crate::ledger::Ledger;
use crate::rules::RuleSet;

/// A planned title application.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Application {
    pub year: i32,
    pub level: Level,
    pub path: ApplicationPath,
    /// The years to check as the user's unit states them (its own notice), overriding the rule
    /// set's window; `None`: the rule set's window, or a labelled default where it has none.
    pub window: Option<YearSpan>,
}

impl Application {
    /// An application checked by the rule set's own window.
    pub fn new(year: i32, level: Level, path: ApplicationPath) -> Application {
        Application { year, level, path, window: None }
    }
}

/// The calendar years `from`…`to` (both included) that are checked.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct YearSpan {
    pub from: i32,
    pub to: i32,
}

/// The longest window a unit's notice plausibly states, in years.
const MAX_WINDOW_YEARS: i32 = 10;

impl YearSpan {
    /// Reads `2021-2024` (also with `–`, `~` or `至`, or one year `2024`).
    pub fn parse(text: &str) -> Option<YearSpan> {
        let text = text.trim();
        let (from, to) = match text.split_once(['-', '–', '~', '～', '至']) {
            Some((a, b)) => (a.trim().trim_end_matches('年'), b.trim().trim_end_matches('年')),
            None => (text.trim_end_matches('年'), text.trim_end_matches('年')),
        };
        Some(YearSpan { from: from.parse().ok()?, to: to.parse().ok()? })
    }

    /// Whether the span can be the window of an application in `apply_year`; the reason if not.
    pub fn check(&self, apply_year: i32) -> Result<(), String> {
        if self.from > self.to {
            return Err(format!("认定跨度的起始年度 {} 晚于结束年度 {}", self.from, self.to));
        }
        if self.to > apply_year {
            return Err(format!("认定跨度不能晚于申报年度 {apply_year} 年（填写的是 {}–{} 年）", self.from, self.to));
        }
        if self.to - self.from + 1 > MAX_WINDOW_YEARS {
            return Err(format!("认定跨度最多 {MAX_WINDOW_YEARS} 个年度（填写的是 {}–{} 年）", self.from, self.to));
        }
        Ok(())
    }

    /// The years, in order.
    pub fn years(&self) -> Vec<i32> {
        (self.from..=self.to).collect()
    }
}

/// Why no assessment could be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AssessError {
    #[error("《{rules}》（{id}）没有规定{level}{path}的认定跨度，请改用规定了它的规则集")]
    NoWindow { id: String, rules: String, level: &'static str, path: String },
}

/// One credit: hours for one record, in one year and category, by one clause.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Credit {
    #[cfg_attr(feature = "ts", ts(as = "String"))]
    pub activity: Arc<str>,
    pub year: i32,
    /// `public`, `professional`, `full_year` or `prior_certificate`.
    #[cfg_attr(feature = "ts", ts(type = "\"public\" | \"professional\" | \"full_year\" | \"prior_certificate\""))]
    pub category: &'static str,
    pub hours: Hours,
    /// The clause that credits the hours, shared by all its credits; serialized as the fields
    /// `clause`, `document` and `quote`.
    #[cfg_attr(feature = "ts", ts(flatten))]
    #[serde(flatten)]
    pub source: Arc<ClauseSource>,
    /// How the hours were counted; serialized as words, e.g. `2 天 × 8 学时`.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    #[serde(serialize_with = "basis_words")]
    pub basis: Basis,
    /// Whether the year is one of the checked years.
    pub in_window: bool,
}

/// Where a credit comes from.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClauseSource {
    /// `rule-set id/clause id`, e.g. `hunan-2020/conversion.1.day`.
    pub clause: String,
    /// The document's 文号 or title.
    pub document: String,
    /// The sentence the clause quotes.
    pub quote: String,
}

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
    /// 达标 / 差 X 学时 / 由认定单覆盖 / 全年认定
    pub status: String,
}

/// A warning, about one record or about the assessment as a whole.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    #[cfg_attr(feature = "ts", ts(as = "Option<String>"))]
    pub activity: Option<Arc<str>>,
    #[cfg_attr(feature = "ts", ts(as = "String"))]
    pub message: Arc<str>,
}

impl Warning {
    fn general(message: String) -> Warning {
        Warning { activity: None, message: message.into() }
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
    pub years: Vec<YearResult>,
    pub credits: Vec<Credit>,
    pub evidence: Vec<EvidenceStatus>,
    pub warnings: Vec<Warning>,
}

/// Assesses `ledger` for `application` under `rules`.
pub fn assess(ledger: &Ledger, rules: &RuleSet, application: &Application) -> Result<Assessment, AssessError> {
    let chosen = choose_window(rules, application)?;
    let years = chosen.years.clone();
    let (first, last) = (years[0], years[years.len() - 1]);
    let mut warnings = Vec::new();
    if !rules.governs.contains(&application.year) {
        let governs: Vec<String> = rules.governs.iter().map(i32::to_string).collect();
        warnings.push(Warning::general(format!(
            "《{}》规定的是 {} 年的认定；用于 {} 年的认定是推定，请以当年通知为准",
            rules.name,
            governs.join("、"),
            application.year
        )));
    }
    if let Some(window) = chosen.rule.filter(|w| w.assumed) {
        warnings.push(Warning::general(format!(
            "认定跨度 {first}–{last} 年是推定：{}",
            window.note.as_deref().unwrap_or("原文未明确规定")
        )));
    }
    if chosen.basis == WindowBasis::Unit {
        warnings.push(Warning::general(format!(
            "{}，不是{}的规定；请确认与本单位的通知一致",
            chosen.reason,
            rules.display_name()
        )));
    }
    let r = &rules.requirement;
    if r.assumed {
        warnings.push(Warning::general(format!(
            "年度学时要求的读法是推定：{}",
            r.note.as_deref().unwrap_or("原文未明确规定")
        )));
    }

    let clause_index = credit::ClauseIndex::new(rules);
    let evidence_index = evidence::EvidenceIndex::new(rules);
    let sources: Vec<Arc<ClauseSource>> = rules
        .conversions
        .iter()
        .map(|c| {
            Arc::new(ClauseSource {
                clause: format!("{}/{}", c.origin.set, c.id),
                document: c.origin.citation(),
                quote: c.quote.clone(),
            })
        })
        .collect();
    let mut outside: BTreeMap<i32, Arc<str>> = BTreeMap::new();
    let mut credits = Vec::with_capacity(ledger.activities.len() + ledger.activities.len() / 4);
    let mut evidence = Vec::with_capacity(ledger.activities.len());
    let (mut raw, mut problems) = (Vec::new(), Vec::new());
    for activity in &ledger.activities {
        let id: Arc<str> = activity.id.as_str().into();
        raw.clear();
        credit::credit(activity, rules, &clause_index, &mut raw, &mut problems);
        for problem in problems.drain(..) {
            warnings.push(Warning { activity: Some(id.clone()), message: problem.into() });
        }
        let counted = raw.iter().find(|c| !matches!(c.kind, CreditKind::PriorCertificate));
        let y = counted.map_or(activity.year(), |c| c.year);
        let any_inside = raw.iter().any(|c| (first..=last).contains(&c.year));
        if counted.is_some() && !any_inside {
            let message = outside
                .entry(y)
                .or_insert_with(|| format!("{y} 年的记录不在本次认定跨度（{first}–{last} 年）内，不计入").into());
            warnings.push(Warning { activity: Some(id.clone()), message: message.clone() });
        }
        for c in &raw {
            credits.push(Credit {
                activity: id.clone(),
                year: c.year,
                category: match c.kind {
                    CreditKind::Hours(cat) => cat.code(),
                    CreditKind::FullYear => "full_year",
                    CreditKind::PriorCertificate => "prior_certificate",
                },
                hours: c.hours,
                source: sources[c.clause].clone(),
                basis: c.basis,
                in_window: (first..=last).contains(&c.year),
            });
        }
        evidence.push(evidence_index.check(activity, &id));
    }

    let mut per_year: BTreeMap<i32, Tally> = BTreeMap::new();
    for c in credits.iter().filter(|c| c.in_window) {
        let tally = per_year.entry(c.year).or_default();
        match c.category {
            "public" => tally.public += c.hours,
            "professional" => tally.professional += c.hours,
            "full_year" => tally.full_year.push(c.activity.clone()),
            _ => tally.prior.push(c.activity.clone()),
        }
    }
    let mut year_results: Vec<YearResult> =
        years.iter().map(|y| year_result(*y, per_year.remove(y).unwrap_or_default(), rules, &mut warnings)).collect();
    if let Some(window) = chosen.rule {
        for offset in &window.also_checked {
            let y = application.year + offset;
            let mut tally = Tally::default();
            for c in credits.iter().filter(|c| c.year == y) {
                match c.category {
                    "public" => tally.public += c.hours,
                    "professional" => tally.professional += c.hours,
                    "full_year" => tally.full_year.push(c.activity.clone()),
                    _ => tally.prior.push(c.activity.clone()),
                }
            }
            let result = year_result(y, tally, rules, &mut Vec::new());
            let verdict = if result.met {
                "按现有记录该年已达标".to_owned()
            } else {
                format!("按现有记录该年{}", result.status)
            };
            warnings.push(Warning::general(format!(
                "{y} 年也可能被核查（推定）：{}。{verdict}",
                window.note.as_deref().unwrap_or("原文未明确规定")
            )));
        }
    }
    year_results.shrink_to_fit();
    let compliant = year_results.iter().all(|y| y.met);
    let r = &rules.requirement;
    Ok(Assessment {
        rules: rules.id.clone(),
        rules_name: rules.name.clone(),
        rules_display: rules.display_name(),
        document: rules.citation(),
        apply_year: application.year,
        level: application.level,
        path: application.path,
        window: years,
        window_clause: chosen.clause,
        window_basis: chosen.basis,
        window_reason: chosen.reason,
        requirement: RequirementSummary {
            total: r.total,
            public: r.public,
            professional: r.professional,
            both_parts: r.both_parts,
            assumed: r.assumed,
            note: r.note.clone(),
            clause: format!("{}/{}", r.origin.set, r.id),
            document: r.origin.citation(),
            quote: r.quote.clone(),
        },
        compliant,
        years: year_results,
        credits,
        evidence,
        warnings,
    })
}

/// The hours and covering records of one year, gathered in one pass over the credits.
#[derive(Default)]
struct Tally {
    public: Hours,
    professional: Hours,
    full_year: Vec<Arc<str>>,
    prior: Vec<Arc<str>>,
}

fn year_result(year: i32, tally: Tally, rules: &RuleSet, warnings: &mut Vec<Warning>) -> YearResult {
    let (full_year, prior_certificate) = (!tally.full_year.is_empty(), !tally.prior.is_empty());
    let mut covered_by: Vec<Arc<str>> = tally.full_year.into_iter().chain(tally.prior).collect();
    covered_by.sort();
    covered_by.dedup();
    let (public, professional) = (tally.public, tally.professional);
    let total = public + professional;
    let r = &rules.requirement;
    let mut short = Short {
        public: match (r.public, r.both_parts) {
            (Some(min), true) => public.shortfall_to(min),
            _ => Hours::ZERO,
        },
        professional: professional.shortfall_to(r.professional),
        total: total.shortfall_to(r.total),
    };
    let covered = full_year || prior_certificate;
    if covered {
        short = Short::default();
    } else if let (Some(min), false) = (r.public, r.both_parts)
        && public < min
    {
        warnings.push(Warning::general(format!(
            "{year} 年公需科目 {public} 学时，低于一般要求的 {min} 学时（此规则集不作为硬性条件）"
        )));
    }
    let met = covered || short == Short::default();
    let missing = short.total.max(short.public + short.professional);
    let status = if prior_certificate {
        "由认定单覆盖".to_owned()
    } else if full_year {
        "全年认定".to_owned()
    } else if met {
        "达标".to_owned()
    } else {
        let mut parts = Vec::new();
        if !short.public.is_zero() {
            parts.push(format!("公需科目差 {}", short.public));
        }
        if !short.professional.is_zero() {
            parts.push(format!("专业科目差 {}", short.professional));
        }
        if parts.is_empty() {
            format!("差 {missing} 学时")
        } else {
            format!("差 {missing} 学时（{}）", parts.join("，"))
        }
    };
    YearResult { year, public, professional, total, met, full_year, prior_certificate, covered_by, short, status }
}
