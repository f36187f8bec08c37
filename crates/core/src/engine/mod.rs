//! The assessment engine: a pure, deterministic function from a ledger, a rule set and a planned
//! application to the hours credited per record and per year, compliance, and warnings. Every
//! credited hour names the clause and document it comes from.

mod application;
mod credit;
mod evidence;
mod output;
mod window;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

pub use application::{Application, YearSpan, year_range};
pub use credit::{Basis, CreditKind, completion_year};
pub use evidence::{Completeness, EvidenceStatus, RequirementCheck, SetChecks};
pub use output::{
    Assessment, ClauseSource, ClauseTable, Credit, RecordTotal, RequirementSummary, Short, Warning, YearResult,
    YearState,
};
pub use window::WindowBasis;
use window::choose_window;

use crate::hours::Hours;
use crate::kinds::{Category, CreditCategory};
use crate::ledger::Ledger;
use crate::rules::RuleSet;

/// Why no assessment could be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AssessError {
    #[error(
        "《{rules}》没有规定{level}{path}的认定跨度：请改用规定了它的规则集，或在参评计划中填写本单位规定的认定跨度"
    )]
    NoWindow { id: String, rules: String, level: &'static str, path: String },
}

/// Assesses `ledger` for `application` under `rules`.
pub fn assess(ledger: &Ledger, rules: &RuleSet, application: &Application) -> Result<Assessment, AssessError> {
    let chosen = choose_window(rules, application)?;
    let years = chosen.years.clone();
    let (first, last) = (years[0], years[years.len() - 1]);
    let mut warnings = Vec::new();
    if !rules.governs.contains(&application.year) {
        let governs: Vec<String> = rules.governs.iter().map(i32::to_string).collect();
        warnings.push(Warning::assumed(format!(
            "《{}》规定的是 {} 年的认定；用于 {} 年的认定是推定，请以当年通知为准",
            rules.name,
            governs.join("、"),
            application.year
        )));
    }
    if let Some(window) = chosen.rule.filter(|w| w.assumed) {
        warnings.push(Warning::assumed(format!(
            "认定跨度 {} 是推定：{}",
            year_range(first, last),
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
        warnings.push(Warning::assumed(format!(
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
    let mut cited = vec![false; sources.len()];
    let mut outside: BTreeMap<i32, Arc<str>> = BTreeMap::new();
    let mut records = Vec::with_capacity(ledger.activities.len());
    let mut credits = Vec::with_capacity(ledger.activities.len() + ledger.activities.len() / 4);
    let mut evidence = Vec::with_capacity(ledger.activities.len());
    let (mut raw, mut problems) = (Vec::new(), Vec::new());
    for activity in &ledger.activities {
        let id: Arc<str> = activity.id.as_str().into();
        raw.clear();
        credit::credit(activity, rules, &clause_index, &mut raw, &mut problems);
        for note in problems.drain(..) {
            warnings.push(Warning {
                activity: Some(id.clone()),
                message: note.message.into(),
                assumption: note.assumption,
            });
        }
        let counted = raw.iter().find(|c| !matches!(c.kind, CreditKind::PriorCertificate));
        let y = counted.map_or(activity.year(), |c| c.year);
        let any_inside = raw.iter().any(|c| (first..=last).contains(&c.year));
        if counted.is_some() && !any_inside {
            let message = outside.entry(y).or_insert_with(|| {
                format!("{y} 年的记录不在本次认定跨度（{}）内，不计入", year_range(first, last)).into()
            });
            warnings.push(Warning { activity: Some(id.clone()), message: message.clone(), assumption: false });
        }
        for c in &raw {
            cited[c.clause] = true;
            credits.push(Credit {
                activity: id.clone(),
                year: c.year,
                category: match c.kind {
                    CreditKind::Hours(Category::Public) => CreditCategory::Public,
                    CreditKind::Hours(Category::Professional) => CreditCategory::Professional,
                    CreditKind::FullYear => CreditCategory::FullYear,
                    CreditKind::PriorCertificate => CreditCategory::PriorCertificate,
                },
                hours: c.hours,
                source: sources[c.clause].clone(),
                basis: c.basis,
                in_window: (first..=last).contains(&c.year),
            });
        }
        let mut total =
            RecordTotal { activity: id.clone(), hours: Hours::ZERO, in_window: Hours::ZERO, whole_years: Vec::new() };
        for c in &raw {
            match c.kind {
                CreditKind::Hours(_) => {
                    total.hours += c.hours;
                    if (first..=last).contains(&c.year) {
                        total.in_window += c.hours;
                    }
                }
                CreditKind::FullYear | CreditKind::PriorCertificate => total.whole_years.push(c.year),
            }
        }
        total.whole_years.sort_unstable();
        total.whole_years.dedup();
        records.push(total);
        evidence.push(evidence_index.check(activity, &id));
    }

    let mut per_year: BTreeMap<i32, Tally> = BTreeMap::new();
    for c in credits.iter().filter(|c| c.in_window) {
        let tally = per_year.entry(c.year).or_default();
        tally.add(c);
    }
    let mut year_results: Vec<YearResult> =
        years.iter().map(|y| year_result(*y, per_year.remove(y).unwrap_or_default(), rules, &mut warnings)).collect();
    if let Some(window) = chosen.rule {
        for offset in &window.also_checked {
            let y = application.year + offset;
            let mut tally = Tally::default();
            for c in credits.iter().filter(|c| c.year == y) {
                tally.add(c);
            }
            let result = year_result(y, tally, rules, &mut Vec::new());
            let verdict = if result.met {
                "按现有记录该年已达标".to_owned()
            } else {
                format!("按现有记录该年{}", result.status)
            };
            warnings.push(Warning::assumed(format!(
                "{y} 年也可能被核查（推定）：{}。{verdict}",
                window.note.as_deref().unwrap_or("原文未明确规定")
            )));
        }
    }
    year_results.shrink_to_fit();
    let clauses: ClauseTable = sources
        .iter()
        .zip(&cited)
        .filter(|(_, cited)| **cited)
        .map(|(source, _)| (source.clause.clone(), source.clone()))
        .collect();
    let checked: BTreeSet<&str> = evidence.iter().filter_map(|e| e.clause.as_deref()).collect();
    let evidence_rules = rules
        .evidence
        .iter()
        .map(|rule| (rule.clause(), rule))
        .filter(|(clause, _)| checked.contains(clause.as_str()))
        .map(|(clause, rule)| (clause, rule.sets.clone()))
        .collect();
    let compliant = year_results.iter().all(|y| y.met);
    let missing = year_results.iter().fold(Hours::ZERO, |sum, y| sum + y.missing);
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
        missing,
        years: year_results,
        credits,
        clauses,
        records,
        evidence,
        evidence_rules,
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

impl Tally {
    fn add(&mut self, c: &Credit) {
        match c.category {
            CreditCategory::Public => self.public += c.hours,
            CreditCategory::Professional => self.professional += c.hours,
            CreditCategory::FullYear => self.full_year.push(c.activity.clone()),
            CreditCategory::PriorCertificate => self.prior.push(c.activity.clone()),
        }
    }
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
    let state = if prior_certificate {
        YearState::PriorCertificate
    } else if full_year {
        YearState::FullYear
    } else if met {
        YearState::Met
    } else {
        YearState::Short
    };
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
    YearResult {
        year,
        public,
        professional,
        total,
        met,
        full_year,
        prior_certificate,
        covered_by,
        short,
        missing,
        state,
        status,
    }
}
