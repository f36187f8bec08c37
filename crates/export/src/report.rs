//! The content of 学时汇总表, computed once from the ledger, rule set and assessment and used by
//! both the PDF (passed to typst as JSON, never pasted into markup) and the XLSX.

use std::collections::BTreeSet;

use serde::Serialize;
use xueshi_core::{Assessment, Ledger, RuleSet};

pub use crate::rows::{chinese_date, kind_word, mask_id_number, package_records};
use crate::rows::{incomplete_records, year_tables};
use crate::{APP_VERSION, ExportOptions, KeptFinding};

/// Shown where a field is empty.
pub const EMPTY: &str = "—";

/// Everything the summary tables show, as display strings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportData {
    pub title: String,
    pub date: String,
    /// The day the tables are dated (`date`), also the files' creation date: the same data and
    /// day make byte-identical files.
    #[serde(skip)]
    pub made_on: chrono::NaiveDate,
    pub generator: String,
    pub person: Person,
    pub application: ApplicationInfo,
    pub rules: RulesInfo,
    pub years: Vec<YearTable>,
    pub compliant: bool,
    pub conclusion: String,
    /// General remarks of the assessment (assumptions about the rules or the window).
    pub notes: Vec<String>,
    /// Records with incomplete evidence, when that page was asked for.
    pub incomplete: Option<Vec<IncompleteRecord>>,
    /// The 预审 findings the applicant keeps, with their explanations: an appendix when any.
    pub kept: Vec<KeptFinding>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Person {
    pub name: String,
    pub id_number: String,
    pub employer: String,
    pub current_title: String,
    pub title_date: String,
    pub certificate_number: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ApplicationInfo {
    pub year: String,
    pub level: String,
    pub path: String,
    pub window: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RulesInfo {
    pub id: String,
    pub display: String,
    /// Every document whose clauses were applied: `《title》（文号）`.
    pub documents: Vec<String>,
    pub requirement: String,
    pub requirement_source: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearTable {
    pub year: i32,
    pub rows: Vec<Row>,
    pub public: String,
    pub professional: String,
    pub total: String,
    /// `公需 ≥30，专业 ≥60，合计 ≥90`
    pub required: String,
    pub status: String,
    pub met: bool,
    /// Hours as numbers, for the spreadsheet.
    #[serde(skip)]
    pub numbers: [f64; 3],
}

/// One record in one year's table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub id: String,
    pub date: String,
    pub title: String,
    pub kind: String,
    pub provider: String,
    pub category: String,
    pub hours: String,
    pub basis: String,
    /// The facts of the record a reviewer checks the credit against: the 学时 on a training's
    /// proof, the platform of a staff training, the task of a posting (empty when none).
    pub remark: String,
    #[serde(skip)]
    pub hours_number: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IncompleteRecord {
    pub id: String,
    pub year: i32,
    pub date: String,
    pub title: String,
    pub attached: String,
    pub missing: String,
}

pub(crate) fn or_empty(value: Option<&str>) -> String {
    value.map(str::trim).filter(|s| !s.is_empty()).map_or_else(|| EMPTY.to_owned(), str::to_owned)
}

fn requirement_text(a: &Assessment) -> (String, String) {
    let r = &a.requirement;
    let sentence = match (r.public, r.both_parts) {
        (Some(p), true) => format!(
            "每年度不少于 {} 学时，其中公需科目不少于 {p} 学时、专业科目不少于 {} 学时，两项须同时达到",
            r.total, r.professional
        ),
        (Some(p), false) => format!(
            "每年度不少于 {} 学时，其中专业科目不少于 {} 学时（公需科目一般不少于 {p} 学时）",
            r.total, r.professional
        ),
        (None, _) => format!("每年度不少于 {} 学时，其中专业科目不少于 {} 学时", r.total, r.professional),
    };
    let short = match r.public {
        Some(p) => format!("公需≥{p} 专业≥{} 合计≥{}", r.professional, r.total),
        None => format!("专业≥{} 合计≥{}", r.professional, r.total),
    };
    (sentence, short)
}

fn documents(rules: &RuleSet) -> Vec<String> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    let origins = std::iter::once(rules.origin())
        .chain(std::iter::once(rules.requirement.origin.clone()))
        .chain(rules.windows.iter().map(|w| w.origin.clone()))
        .chain(rules.conversions.iter().map(|c| c.origin.clone()))
        .chain(rules.evidence.iter().map(|e| e.origin.clone()));
    for o in origins {
        if seen.insert(o.set.clone()) {
            out.push(match &o.doc_number {
                Some(n) => format!("《{}》（{n}）", o.doc_name),
                None => format!("《{}》", o.doc_name),
            });
        }
    }
    out
}

impl ReportData {
    /// Builds the tables for `assessment` of `ledger` under `rules`.
    pub fn build(ledger: &Ledger, rules: &RuleSet, assessment: &Assessment, options: &ExportOptions) -> ReportData {
        let p = &ledger.profile;
        let id_number = match p.id_number.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(id) if options.mask_id => mask_id_number(id),
            other => or_empty(other),
        };
        let person = Person {
            name: or_empty(p.name.as_deref()),
            id_number,
            employer: or_empty(p.employer.as_deref()),
            current_title: or_empty(p.current_title.as_deref()),
            title_date: p.title_date.map_or_else(|| EMPTY.to_owned(), chinese_date),
            certificate_number: or_empty(p.certificate_number.as_deref()),
        };
        let window = match (assessment.window.first(), assessment.window.last()) {
            (Some(a), Some(b)) => xueshi_core::year_range(*a, *b),
            _ => EMPTY.to_owned(),
        };
        let application = ApplicationInfo {
            year: format!("{} 年", assessment.apply_year),
            level: assessment.level.label().to_owned(),
            path: assessment.path.label().to_owned(),
            window,
        };
        let (requirement, required) = requirement_text(assessment);
        let rules_info = RulesInfo {
            id: rules.id.clone(),
            display: assessment.rules_display.clone(),
            documents: documents(rules),
            requirement,
            requirement_source: if assessment.requirement.document == assessment.document {
                String::new()
            } else {
                format!("见{}", assessment.requirement.document)
            },
        };
        let records = package_records(ledger, assessment);
        let years = year_tables(&records, assessment, &required);
        let failed: Vec<String> = years.iter().filter(|y| !y.met).map(|y| y.year.to_string()).collect();
        let conclusion = if failed.is_empty() {
            format!("{} 各年度继续教育学时均已达到要求。", application.window)
        } else {
            format!("{} 年度的继续教育学时尚未达到要求，详见各年度明细。", failed.join("、"))
        };
        let notes =
            assessment.warnings.iter().filter(|w| w.activity.is_none()).map(|w| w.message.to_string()).collect();
        let incomplete = options.incomplete_evidence_page.then(|| incomplete_records(&records, assessment));
        let made_on = options.date.unwrap_or_else(|| chrono::Local::now().date_naive());
        ReportData {
            title: "专业技术人员继续教育学时汇总表".to_owned(),
            date: chinese_date(made_on),
            made_on,
            generator: format!("学时手册 {APP_VERSION}"),
            person,
            application,
            rules: rules_info,
            years,
            compliant: assessment.compliant,
            conclusion,
            notes,
            incomplete,
            kept: options.kept_findings.clone(),
        }
    }
}
