//! The rule file exactly as written in TOML (`rules/README.md`), before validation and
//! inheritance. Every field that can hold a bad value keeps its span for error messages.

use serde::Deserialize;
use toml::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRuleSet {
    pub id: Spanned<String>,
    pub name: String,
    pub issuer: String,
    pub doc_number: Option<String>,
    pub date: Option<Spanned<String>>,
    pub governs: Spanned<Vec<i64>>,
    pub extends: Option<Spanned<String>>,
    pub city: Option<String>,
    pub source: String,
    pub note: Option<String>,
    pub requirement: Option<RawRequirement>,
    #[serde(default)]
    pub window: Vec<RawWindow>,
    #[serde(default)]
    pub conversion: Vec<RawConversion>,
    #[serde(default)]
    pub evidence: Vec<RawEvidence>,
    #[serde(default)]
    pub theme: Vec<RawTheme>,
    #[serde(default)]
    pub period: Vec<RawPeriod>,
    #[serde(default)]
    pub advice: Vec<RawAdvice>,
    #[serde(default)]
    pub platform: Vec<RawPlatform>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRequirement {
    pub id: String,
    pub total: Spanned<f64>,
    pub public: Option<Spanned<f64>>,
    pub professional: Spanned<f64>,
    pub both_parts: bool,
    /// The reading of the requirement is an inference (e.g. "一般不少于" read as required).
    #[serde(default)]
    pub assumed: bool,
    pub quote: Spanned<String>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawWindow {
    pub id: Spanned<String>,
    pub levels: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    pub path: Option<Spanned<String>>,
    pub from: Spanned<i64>,
    pub to: Spanned<i64>,
    #[serde(default)]
    pub assumed: bool,
    /// Offsets of years a reviewer may check besides the window (e.g. `[-5]`).
    #[serde(default)]
    pub also_checked: Option<Spanned<Vec<i64>>>,
    /// The source file of the quote, when it is not the set's own `source`.
    pub source: Option<String>,
    pub quote: Spanned<String>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawConversion {
    pub id: Spanned<String>,
    pub kinds: Spanned<Vec<Spanned<String>>>,
    pub unit: Spanned<String>,
    pub hours: Spanned<f64>,
    pub category: Option<Spanned<String>>,
    pub when: Option<RawConditions>,
    pub min_months: Option<Spanned<i64>>,
    pub all_years_over_months: Option<Spanned<i64>>,
    /// per_unit: the notice does not say whether several units in one year each count.
    #[serde(default)]
    pub several_units_assumed: bool,
    pub quote: Spanned<String>,
    pub note: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawConditions {
    // Each condition is one value or a list of values ("any of").
    pub role: Option<Spanned<toml::Value>>,
    pub level: Option<Spanned<toml::Value>>,
    pub venue: Option<Spanned<toml::Value>>,
    pub patent_type: Option<Spanned<toml::Value>>,
    pub grade: Option<Spanned<toml::Value>>,
    pub medal: Option<Spanned<toml::Value>>,
    pub platform: Option<Spanned<toml::Value>>,
    pub task: Option<Spanned<toml::Value>>,
    pub rank_max: Option<Spanned<i64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvidence {
    pub id: Spanned<String>,
    pub kinds: Spanned<Vec<Spanned<String>>>,
    pub sets: Spanned<Vec<Vec<Vec<String>>>>,
    pub quote: Spanned<String>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAdvice {
    pub id: Spanned<String>,
    pub kinds: Spanned<Vec<Spanned<String>>>,
    pub message: Spanned<String>,
    pub quote: Spanned<String>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTheme {
    pub year: Spanned<i64>,
    pub topics: Vec<String>,
    pub quote: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPeriod {
    pub id: Spanned<String>,
    pub who: String,
    pub from: Spanned<String>,
    pub to: Spanned<String>,
    pub quote: Spanned<String>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPlatform {
    pub base: Spanned<String>,
    pub host: Spanned<String>,
    pub quote: Spanned<String>,
    pub note: Option<String>,
}
