//! The shapes the web view sends and receives. TypeScript declarations are generated from these
//! (see `src-tauri/src/bindings.rs`); the UI never computes hours, it shows what these carry.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use xueshi_core::engine::{Assessment, ClauseTable, Credit};
use xueshi_core::kinds::{ActivityKind, AidTask, ApplicationPath, Category, Level, Platform};
use xueshi_core::{Activity, ActivityDraft, Hours, Profile};

use crate::error::{HandbookError, Result};

/// The person's page of the 登记手册.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ProfileDto {
    pub name: Option<String>,
    pub id_number: Option<String>,
    pub employer: Option<String>,
    pub current_title: Option<String>,
    /// `YYYY-MM-DD`
    pub title_date: Option<String>,
    pub certificate_number: Option<String>,
    pub city: Option<String>,
}

impl ProfileDto {
    pub fn from_profile(p: &Profile) -> ProfileDto {
        ProfileDto {
            name: p.name.clone(),
            id_number: p.id_number.clone(),
            employer: p.employer.clone(),
            current_title: p.current_title.clone(),
            title_date: p.title_date.map(|d| d.format("%Y-%m-%d").to_string()),
            certificate_number: p.certificate_number.clone(),
            city: p.city.clone(),
        }
    }

    /// Validates through the ledger format (dates, unknown fields) and trims empty strings away.
    pub fn to_profile(&self) -> Result<Profile> {
        let value = serde_json::to_value(self).map_err(|_| HandbookError::input("个人信息的格式有误"))?;
        let mut map = Map::new();
        for (k, v) in value.as_object().into_iter().flatten() {
            if let Value::String(s) = v
                && !s.trim().is_empty()
            {
                map.insert(k.clone(), Value::String(s.trim().to_owned()));
            }
        }
        let ledger = serde_json::json!({"format": "xueshi-ledger", "version": 1, "profile": map});
        Ok(xueshi_core::Ledger::from_value(&ledger)?.profile)
    }
}

/// The planned application the dashboard is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PlanDto {
    pub year: i32,
    pub level: Level,
    pub path: ApplicationPath,
    /// A rule set chosen by the user; `null`: the one governing `year`.
    pub rules: Option<String>,
    /// The window the user's own unit states (本单位规定的认定跨度), both ends or neither;
    /// `null`: the rule set's window.
    #[serde(default)]
    pub window_from: Option<i32>,
    #[serde(default)]
    pub window_to: Option<i32>,
    /// Where that window comes from, e.g. 本院2026年职称评审通知.
    #[serde(default)]
    pub window_source: Option<String>,
}

/// One record as the forms edit it: the fields of the `xueshi-ledger` format.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ActivityFields {
    /// `null` for a new record: the store assigns one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub kind: Option<ActivityKind>,
    pub title: String,
    /// `YYYY-MM-DD`
    pub date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub half_days: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evenings: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours: Option<f64>,
    /// `provincial` | `municipal` (research, award) or `national` | `provincial` (contest).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    /// `host` | `main` | `participant` (research); `first` | `corresponding` | `other`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub venue: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub patent_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rank: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grade: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub units: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub medal: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_year: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to_year: Option<f64>,
    /// Where a staff training was done (the 2026 notice credits only the unified platform).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platform: Option<Platform>,
    /// Which special task a posting was (2026: only 三援 completes the year).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task: Option<AidTask>,
}

impl ActivityFields {
    pub fn from_activity(a: &Activity) -> ActivityFields {
        let mut value = a.to_json_value();
        if let Some(map) = value.as_object_mut() {
            map.remove("evidence");
        }
        serde_json::from_value(value).unwrap_or_default()
    }

    /// The record these fields make, checked exactly like a ledger file's (the core decides what
    /// is valid). Fields the kind does not use (left over from another kind in the form) are dropped.
    pub fn to_activity(&self, id: &str) -> Result<Activity> {
        Ok(Activity::try_from(self.draft(id)?)?)
    }

    /// The fields as a draft of the record `id`, fitted to the chosen kind.
    pub fn draft(&self, id: &str) -> Result<ActivityDraft> {
        if self.kind.is_none() {
            return Err(HandbookError::input("请选择活动形式"));
        }
        let mut fields = match serde_json::to_value(self) {
            Ok(Value::Object(map)) => map,
            _ => return Err(HandbookError::input("记录格式有误")),
        };
        fields.insert("id".into(), Value::String(id.to_owned()));
        Ok(ActivityDraft::new(self.title.clone(), fields).fitted_to_kind())
    }
}

/// One attached evidence file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct EvidenceView {
    /// The row number, to detach or open it (numbers in the web view are exact up to 2^53).
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub seq: i64,
    pub file_name: String,
    pub material: String,
    pub file_type: Option<String>,
    /// Bytes; no real file comes near 2^53, where a JavaScript number stops being exact.
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub size: Option<u64>,
}

impl From<xueshi_store::StoredEvidence> for EvidenceView {
    fn from(e: xueshi_store::StoredEvidence) -> EvidenceView {
        EvidenceView { seq: e.seq, file_name: e.file_name, material: e.material, file_type: e.file_type, size: e.size }
    }
}

/// A record with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ActivityView {
    pub fields: ActivityFields,
    pub year: i32,
    /// 公需科目 or 专业科目: declared, or 专业科目 for the kinds that declare none.
    pub subject: Category,
    pub evidence: Vec<EvidenceView>,
}

/// A rule set the user can choose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RuleSummary {
    pub id: String,
    /// `《title》（文号）`
    pub display: String,
    pub doc_number: Option<String>,
    pub governs: Vec<i32>,
    pub city: Option<String>,
    pub builtin: bool,
    pub note: Option<String>,
}

/// Why the rule set in force was chosen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Selection {
    pub id: String,
    pub assumed: bool,
    pub reason: String,
    /// The province-wide notice before the one in force, to compare with by default.
    pub previous: Option<String>,
}

/// The next certification deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Deadline {
    pub who: String,
    /// `YYYY-MM-DD`
    pub from: String,
    pub to: String,
    pub days_left: i32,
    pub quote: String,
}

/// How many records a year has, and how many of them lack evidence (the engine's status
/// `incomplete`), for the year cards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct YearCount {
    pub year: i32,
    pub records: u32,
    pub incomplete: u32,
}

/// The public-subject themes of a year, to help choose 公需 courses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ThemeView {
    pub year: i32,
    pub topics: Vec<String>,
}

/// Materials a record of some kind can be tagged with (which of them a record has and lacks is
/// the engine's `EvidenceStatus.sets`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MaterialChoice {
    pub kind: ActivityKind,
    pub materials: Vec<String>,
}

/// Everything the screens show, rebuilt after every change.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Snapshot {
    pub data_dir: String,
    pub demo: bool,
    /// No profile and no plan yet: show the first-run setup.
    pub first_run: bool,
    pub profile: ProfileDto,
    pub plan: Option<PlanDto>,
    /// `false` for the first screen's snapshot (`Handbook::first_screen`), which leaves out the
    /// records and the assessment's per-record results (credits, evidence, records,
    /// evidence_rules) so that the dashboard can be drawn at once; the full snapshot follows.
    pub complete: bool,
    pub activities: Vec<ActivityView>,
    /// Each year that has records, in order: its records and those with incomplete evidence.
    pub year_counts: Vec<YearCount>,
    pub assessment: Option<Assessment>,
    /// Why there is no assessment (e.g. the rule set has no window for the level).
    pub assessment_error: Option<String>,
    /// Hunan's 14 市州 by their short names, the choices of the profile's city.
    pub cities: Vec<String>,
    pub rules: Vec<RuleSummary>,
    pub selection: Option<Selection>,
    pub deadline: Option<Deadline>,
    pub themes: Vec<ThemeView>,
    pub materials: Vec<MaterialChoice>,
    /// The kinds of activity the rule set in force credits at all.
    pub credited_kinds: Vec<ActivityKind>,
    /// Problems with the user's own rule files, shown on the rules screen.
    pub rule_errors: Vec<String>,
    /// Today, `YYYY-MM-DD`, for the UI's relative texts.
    pub today: String,
    /// Why nothing can be saved this time (a full disk, a read-only folder), said in Chinese and
    /// shown as a banner; `null` when the folder opened normally.
    pub read_only: Option<String>,
    /// The user's settings (the upload kit's size limit).
    pub settings: crate::Settings,
}

/// A record saved: the id it has (a new record's is given by the store) and the new snapshot.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SavedActivity {
    pub id: String,
    pub snapshot: Snapshot,
}

/// What a record being typed will earn, before it is saved.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Preview {
    pub credits: Vec<Credit>,
    /// The document and quote of each clause the credits cite, by clause id.
    #[cfg_attr(feature = "ts", ts(as = "std::collections::BTreeMap<String, xueshi_core::engine::ClauseSource>"))]
    pub clauses: ClauseTable,
    /// The 公需 and 专业 hours the record would earn, as the engine totals them.
    pub hours: Hours,
    pub warnings: Vec<String>,
    /// The first validation problem, in Chinese; `null` when the record is valid.
    pub error: Option<String>,
}

/// The result of checking the evidence vault.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct VerifyView {
    pub ok: bool,
    pub lines: Vec<String>,
}

/// What an export produced, for the user.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ExportSummary {
    pub path: String,
    /// Size in bytes.
    pub size: f64,
    pub files: u32,
    pub pdf_pages: u32,
    /// Pages of 证明材料汇编.pdf in the package.
    pub evidence_book_pages: u32,
    /// Evidence files the book could only name (a PDF that needs a password, a damaged photo).
    pub evidence_book_problems: Vec<String>,
    /// Evidence known by name only (no file in the app), left out of the package.
    pub not_included: Vec<String>,
}

impl ExportSummary {
    pub fn from_report(r: &xueshi_export::PackageReport) -> ExportSummary {
        ExportSummary {
            path: r.path.display().to_string(),
            size: r.size as f64,
            files: u32::try_from(r.files.len()).unwrap_or(u32::MAX),
            pdf_pages: u32::try_from(r.pdf_pages).unwrap_or(u32::MAX),
            evidence_book_pages: u32::try_from(r.evidence_book_pages).unwrap_or(u32::MAX),
            evidence_book_problems: r.evidence_book_problems.iter().map(ToString::to_string).collect(),
            not_included: r
                .not_included
                .iter()
                .map(|n| format!("{}：{}（{}）", n.activity, n.original_name, n.material))
                .collect(),
        }
    }
}

/// The evidence book saved on its own, for the user.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct EvidenceBookSummary {
    pub path: String,
    pub pages: u32,
    /// Evidence files the book could only name (a PDF that needs a password, a damaged photo).
    pub problems: Vec<String>,
}

impl EvidenceBookSummary {
    pub fn new(path: &std::path::Path, book: &xueshi_export::EvidenceBook) -> EvidenceBookSummary {
        EvidenceBookSummary {
            path: path.display().to_string(),
            pages: u32::try_from(book.pages).unwrap_or(u32::MAX),
            problems: book.problems.iter().map(ToString::to_string).collect(),
        }
    }
}

/// The per-year upload kit, as the app shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct UploadKitSummary {
    pub path: String,
    /// `5 MB`
    pub limit: String,
    pub years: Vec<UploadKitYear>,
    /// Evidence files shown as a page of text instead of their content.
    pub problems: Vec<String>,
}

/// One year of the upload kit.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct UploadKitYear {
    pub year: i32,
    /// Covered by an earlier 学时认定单, whose pages are its file.
    pub certificate: bool,
    /// The photos were re-encoded smaller to meet the limit.
    pub reduced: bool,
    pub files: Vec<UploadKitFile>,
}

/// One file of the upload kit.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct UploadKitFile {
    /// `2023年/2023年_继续教育佐证材料.pdf`
    pub name: String,
    pub pages: u32,
    /// `1.2 MB`
    pub size: String,
    /// A single page larger than the limit by itself.
    pub over_limit: bool,
}

impl UploadKitSummary {
    pub fn new(kit: &xueshi_export::UploadKit) -> UploadKitSummary {
        use xueshi_export::megabytes;
        UploadKitSummary {
            path: kit.path.display().to_string(),
            limit: megabytes(kit.limit),
            years: kit
                .years
                .iter()
                .map(|y| UploadKitYear {
                    year: y.year,
                    certificate: y.certificate,
                    reduced: y.reduced,
                    files: y
                        .files
                        .iter()
                        .map(|f| UploadKitFile {
                            name: f.name.clone(),
                            pages: u32::try_from(f.pages).unwrap_or(u32::MAX),
                            size: megabytes(f.size),
                            over_limit: f.over_limit,
                        })
                        .collect(),
                })
                .collect(),
            problems: kit.problems.iter().map(ToString::to_string).collect(),
        }
    }
}

/// How far an export is, sent as the `export-progress` event.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ExportProgress {
    pub stage: String,
    pub files_done: u32,
    pub files_total: u32,
    pub bytes_done: f64,
    pub bytes_total: f64,
}

impl ExportProgress {
    pub fn from_progress(p: &xueshi_export::Progress) -> ExportProgress {
        ExportProgress {
            stage: p.stage.label().to_owned(),
            files_done: u32::try_from(p.files_done).unwrap_or(u32::MAX),
            files_total: u32::try_from(p.files_total).unwrap_or(u32::MAX),
            bytes_done: p.bytes_done as f64,
            bytes_total: p.bytes_total as f64,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_numbers_and_sizes_beyond_32_bits_reach_the_screen_unchanged() {
        let stored = xueshi_store::StoredEvidence {
            seq: 5_000_000_000,
            activity: "2025-001".into(),
            file_name: "讲座录像.mp4".into(),
            material: "结业证书".into(),
            sha256: None,
            file_type: Some("pdf".into()),
            size: Some(6_000_000_000),
            attached_at: "2025-05-12T08:00:00".into(),
        };
        let view = serde_json::to_value(EvidenceView::from(stored)).expect("json");
        assert_eq!((view["seq"].as_i64(), view["size"].as_u64()), (Some(5_000_000_000), Some(6_000_000_000)));
    }
}
