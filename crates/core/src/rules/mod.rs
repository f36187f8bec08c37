//! Rule sets: one per official notice, loaded from TOML files (`rules/`), validated, and resolved
//! through `extends` into the complete set the engine applies.

mod book;
pub mod guide;
mod load;
mod locate;
mod raw;

use chrono::NaiveDate;
use serde::Serialize;

use crate::hours::Hours;
use crate::kinds::{ActivityKind, ApplicationPath, Level};

pub use book::{RuleBook, Selection};
pub use locate::{Location, locate};

/// A rule file that cannot be used, with the place of the mistake.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("规则文件“{file}”第 {line} 行第 {column} 列：{}{message}", field_prefix(.field))]
pub struct RuleError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// The field, e.g. `conversion[3].hours` (may be empty).
    pub field: String,
    /// What is wrong, in Chinese (naming the rule file's keys, which its author types).
    pub message: String,
}

fn field_prefix(field: &str) -> String {
    if field.is_empty() { String::new() } else { format!("{field} 项：") }
}

/// Which notice a clause comes from (a clause may be inherited from a parent set).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Origin {
    /// The id of the set that states the clause.
    pub set: String,
    /// That set's 文号, when known.
    pub doc_number: Option<String>,
    /// That set's notice title.
    pub doc_name: String,
}

impl Origin {
    /// How a person cites the document: its 文号, or its title when it has none.
    pub fn citation(&self) -> String {
        match &self.doc_number {
            Some(n) => n.clone(),
            None => format!("《{}》", self.doc_name),
        }
    }
}

/// The annual requirement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Requirement {
    pub id: String,
    pub total: Hours,
    /// None when the notice sets no public-subject minimum (2020).
    pub public: Option<Hours>,
    pub professional: Hours,
    /// Public and professional minimums must each be met (2021 on).
    pub both_parts: bool,
    /// This reading of the notice is an inference, explained in `note`; the assessment says so.
    pub assumed: bool,
    pub quote: String,
    pub note: Option<String>,
    pub origin: Origin,
}

/// The years checked for one group of levels and a path, relative to the application year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Window {
    pub id: String,
    pub levels: Vec<Level>,
    pub path: ApplicationPath,
    pub from: i32,
    pub to: i32,
    pub assumed: bool,
    /// Years (offsets from the application year) a reviewer may also check; the assessment says
    /// whether they would be met.
    pub also_checked: Vec<i32>,
    /// The file the quote comes from, when not the set's own `source` (e.g. a unit's notice).
    pub source: Option<String>,
    pub quote: String,
    pub note: Option<String>,
    pub origin: Origin,
}

impl Window {
    /// The calendar years checked for an application in `year`.
    pub fn years(&self, year: i32) -> Vec<i32> {
        ((year + self.from)..=(year + self.to)).collect()
    }
}

/// What a conversion clause multiplies.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    PerDay,
    PerHalfDay,
    PerEvening,
    PerHour,
    PerUnit,
    PerItem,
    FullYear,
    CoversYears,
}

impl Unit {
    pub fn from_code(code: &str) -> Option<Unit> {
        Some(match code {
            "per_day" => Unit::PerDay,
            "per_half_day" => Unit::PerHalfDay,
            "per_evening" => Unit::PerEvening,
            "per_hour" => Unit::PerHour,
            "per_unit" => Unit::PerUnit,
            "per_item" => Unit::PerItem,
            "full_year" => Unit::FullYear,
            "covers_years" => Unit::CoversYears,
            _ => return None,
        })
    }

    pub const CODES: &'static str =
        "per_day | per_half_day | per_evening | per_hour | per_unit | per_item | full_year | covers_years";

    /// How the quantity reads in Chinese (`2 天`).
    pub fn label(self) -> &'static str {
        match self {
            Unit::PerDay => "天",
            Unit::PerHalfDay => "个半天",
            Unit::PerEvening => "个晚上",
            Unit::PerHour => "学时",
            Unit::PerUnit => "个模块/科目/课程",
            Unit::PerItem => "项",
            Unit::FullYear => "全年",
            Unit::CoversYears => "个年度",
        }
    }
}

/// Which category the credited hours count in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CategoryRule {
    /// The record's own 公需/专业.
    Declared,
    Professional,
}

/// Conditions a record must meet for a clause; a list means "any of".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Conditions {
    pub role: Option<Vec<String>>,
    pub level: Option<Vec<String>>,
    pub venue: Option<Vec<String>>,
    pub patent_type: Option<Vec<String>>,
    pub grade: Option<Vec<u8>>,
    pub medal: Option<Vec<String>>,
    /// staff_training: `unified`, `other`.
    pub platform: Option<Vec<String>>,
    /// aid_posting: `sanyuan`, `east_west`, `other`.
    pub task: Option<Vec<String>>,
    pub rank_max: Option<u32>,
}

/// One clause of a conversion table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conversion {
    pub id: String,
    pub kinds: Vec<ActivityKind>,
    pub unit: Unit,
    pub hours: Hours,
    pub category: CategoryRule,
    pub when: Conditions,
    pub min_months: Option<u32>,
    pub all_years_over_months: Option<u32>,
    /// per_unit: whether several units passed in one year each count is not stated; each is
    /// counted and the assessment says this is an inference.
    pub several_units_assumed: bool,
    pub quote: String,
    pub note: Option<String>,
    pub origin: Origin,
}

/// What to tell the user when a record of some kinds earns nothing under a set: how to record it
/// so that it counts, or why it cannot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Advice {
    pub id: String,
    pub kinds: Vec<ActivityKind>,
    /// The advice, in Chinese, as the user reads it.
    pub message: String,
    pub quote: String,
    pub note: Option<String>,
    pub origin: Origin,
}

/// Alternative material sets for some activity kinds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvidenceRule {
    pub id: String,
    pub kinds: Vec<ActivityKind>,
    /// sets → requirements → alternative materials.
    pub sets: Vec<Vec<Vec<String>>>,
    pub quote: String,
    pub note: Option<String>,
    pub origin: Origin,
}

impl EvidenceRule {
    /// `set/rule id`: how evidence checks and the assessment's `evidence_rules` name this rule.
    pub fn clause(&self) -> String {
        format!("{}/{}", self.origin.set, self.id)
    }
}

/// The online platform (网络平台) of a national base for continuing education (国家级专业技术人员
/// 继续教育基地) as a notice lists it (2026: 附件1), to tell the user whether a certificate's link
/// points to one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BasePlatform {
    /// 基地名称, e.g. 中南大学.
    pub base: String,
    /// 网络平台网址 as the notice writes it: a host name in lowercase (`sypx.csu.edu.cn`).
    pub host: String,
    pub quote: String,
    pub note: Option<String>,
    pub origin: Origin,
}

impl BasePlatform {
    /// Whether `host` (lowercase, without a port) is this platform's host or a name under it
    /// (`www.sypx.csu.edu.cn`); a name that only ends in the same letters is not.
    pub fn serves(&self, host: &str) -> bool {
        let host = host.strip_suffix('.').unwrap_or(host);
        host == self.host || host.strip_suffix(self.host.as_str()).is_some_and(|rest| rest.ends_with('.'))
    }
}

/// Public-subject themes of one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Theme {
    pub year: i32,
    pub topics: Vec<String>,
    pub quote: String,
    pub origin: Origin,
}

/// A certification period within the application year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Period {
    pub id: String,
    pub who: String,
    /// (month, day)
    pub from: (u32, u32),
    pub to: (u32, u32),
    pub quote: String,
    pub note: Option<String>,
    pub origin: Origin,
}

impl Period {
    /// The period's dates in a given year.
    pub fn dates(&self, year: i32) -> Option<(NaiveDate, NaiveDate)> {
        Some((
            NaiveDate::from_ymd_opt(year, self.from.0, self.from.1)?,
            NaiveDate::from_ymd_opt(year, self.to.0, self.to.1)?,
        ))
    }
}

/// A complete rule set, with everything inherited through `extends` filled in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleSet {
    pub id: String,
    pub name: String,
    pub issuer: String,
    pub doc_number: Option<String>,
    pub date: Option<NaiveDate>,
    pub governs: Vec<i32>,
    pub extends: Option<String>,
    pub city: Option<String>,
    pub source: String,
    pub note: Option<String>,
    /// The file it was loaded from (`hunan-2020.toml`, or the user's path).
    pub file: String,
    pub builtin: bool,
    pub requirement: Requirement,
    pub windows: Vec<Window>,
    pub conversions: Vec<Conversion>,
    pub evidence: Vec<EvidenceRule>,
    pub themes: Vec<Theme>,
    pub periods: Vec<Period>,
    pub advice: Vec<Advice>,
    /// The national bases' platforms the notice lists (its own, else its parent's list).
    pub platforms: Vec<BasePlatform>,
    /// Windows for levels this set states none for, taken from the most recent built-in notice
    /// that states one; always assumed, with a note saying where they come from.
    pub borrowed_windows: Vec<Window>,
}

impl RuleSet {
    /// This set's own origin, for clauses it states itself.
    pub fn origin(&self) -> Origin {
        Origin { set: self.id.clone(), doc_number: self.doc_number.clone(), doc_name: self.name.clone() }
    }

    /// The window for a level and path: the set's own, else a borrowed one.
    pub fn window(&self, level: Level, path: ApplicationPath) -> Option<&Window> {
        self.own_window(level, path)
            .or_else(|| self.borrowed_windows.iter().find(|w| w.path == path && w.levels.contains(&level)))
    }

    /// The window the set itself (or its parent) states for a level and path.
    pub fn own_window(&self, level: Level, path: ApplicationPath) -> Option<&Window> {
        self.windows.iter().find(|w| w.path == path && w.levels.contains(&level))
    }

    /// The advice for a kind that earns nothing, if the set gives one.
    pub fn advice_for(&self, kind: ActivityKind) -> Option<&Advice> {
        self.advice.iter().find(|a| a.kinds.contains(&kind))
    }

    /// The listed platform `host` (lowercase, without a port) is, or is under.
    pub fn platform_for(&self, host: &str) -> Option<&BasePlatform> {
        self.platforms.iter().find(|p| p.serves(host))
    }

    /// The evidence rule for an activity kind, if any.
    pub fn evidence_for(&self, kind: ActivityKind) -> Option<&EvidenceRule> {
        self.evidence.iter().find(|e| e.kinds.contains(&kind))
    }

    /// Does any clause credit this kind at all?
    pub fn credits_kind(&self, kind: ActivityKind) -> bool {
        self.conversions.iter().any(|c| c.kinds.contains(&kind))
    }

    /// How a person cites this set: `湘人社函〔2020〕11号` or the notice's title.
    pub fn citation(&self) -> String {
        self.origin().citation()
    }

    /// The title with its 文号 when there is one: `《…》（湘人社函〔2020〕11号）`.
    pub fn display_name(&self) -> String {
        match &self.doc_number {
            Some(n) => format!("《{}》（{n}）", self.name),
            None => format!("《{}》", self.name),
        }
    }
}
