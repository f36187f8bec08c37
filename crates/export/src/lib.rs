//! 学时手册 export: the submission package for a title application, as one ZIP holding
//! 学时汇总表.pdf (typst), 学时汇总表.xlsx, the evidence files laid out by year, category and record,
//! and `manifest.json` (app version, rule set and documents, the assessment, every file with its
//! size and SHA-256); `verify_package`, which checks a package against its manifest; and
//! 学时汇总表 alone as a PDF ([`export_summary_pdf`]), to print or hand in by itself.
//!
//! Nothing here touches SQLite: the caller hands over the ledger, the rule set and the assessment
//! ([`PackageInput`]) and an [`EvidenceSource`] that opens each evidence file.
//!
//! ```text
//! let report = export_package(&input, &FolderSource::new(dir), out, &mut |p| { bar.set(p); ControlFlow::Continue(()) })?;
//! let check = verify_package(out, Some(&fresh_assessment));
//! ```

mod assessment_diff;
mod book_files;
mod book_pool;
mod book_split;
mod error;
mod evidence_book;
mod evidence_plan;
mod filetype;
mod fonts;
mod hashing;
mod kit_checklist;
mod kit_folder;
mod layout;
mod manifest;
mod names;
mod package;
mod pdf;
mod report;
mod rows;
mod source;
mod summary;
mod temp;
mod upload_kit;
mod verify;
mod verify_data;
mod world;
mod xlsx;
mod zipscan;

pub use book_files::{MAX_SIDE, Photo, PhotoSize, jpeg_page, scale_photo, scale_photo_to};
pub use book_split::{BookPart, BookSplit, EvidenceBooks, SPLIT_PAGES, YEAR_BOOKS_FOLDER, render_evidence_books};
pub use error::ExportError;
pub use evidence_book::{BookProblem, EVIDENCE_BOOK_NAME, EvidenceBook, export_evidence_book, render_evidence_book};
pub use fonts::{FontSet, LoadedFace, MissingGlyph};
pub use kit_checklist::megabytes;
pub use layout::{PlannedFile, plan_layout, plan_layout_typed};
pub use manifest::{
    MANIFEST_FORMAT, MANIFEST_NAME, Manifest, ManifestFile, ManifestRules, NotIncluded, RecordedFont, Typeset,
    read_manifest,
};
pub use names::{MAX_PATH_CHARS, sanitize_component};
pub use package::{PDF_NAME, XLSX_NAME, export_package};
pub use pdf::{RenderedPdf, render_pdf};
pub use report::{ReportData, mask_id_number};
pub use source::{EvidenceSource, FolderSource, Opened, PathLookupSource, is_sha256};
pub use summary::{SummaryReport, export_summary_pdf};
pub use upload_kit::{
    DEFAULT_UPLOAD_LIMIT, KIT_CHECKLIST_NAME, KitFile, KitYear, LEGIBLE_FLOOR, UploadKit, export_upload_kit,
    kit_file_name,
};
pub use verify::{Difference, VerifyReport, verify_package};
pub use verify_data::{DataReference, verify_package_against};
pub use xlsx::render_xlsx;

use std::path::PathBuf;

use xueshi_core::{Assessment, Ledger, RuleSet};

/// The app version written into every manifest.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Everything a package is made from.
#[derive(Debug, Clone, Copy)]
pub struct PackageInput<'a> {
    pub ledger: &'a Ledger,
    pub rules: &'a RuleSet,
    /// The assessment of `ledger` under `rules` for the application.
    pub assessment: &'a Assessment,
    pub options: &'a ExportOptions,
}

/// Choices for one export.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// Show the 身份证号 as 430102********1234 in the PDF and XLSX.
    pub mask_id: bool,
    /// Add a page (and a sheet) listing the records whose evidence is incomplete.
    pub incomplete_evidence_page: bool,
    /// A font file or folder to use before the bundled and system fonts.
    pub font_path: Option<PathBuf>,
    /// The date printed as 制表日期 (default: today, local time).
    pub date: Option<chrono::NaiveDate>,
    /// Over how many pages the evidence book is written one book per year (default
    /// [`SPLIT_PAGES`]).
    pub book_split_pages: Option<usize>,
    /// 预审 findings the applicant knows of and keeps as they are: an appendix of the PDF summary.
    pub kept_findings: Vec<KeptFinding>,
}

/// A 预审 finding the applicant chose to keep, as the summary's appendix prints it (and the
/// manifest records it, so that verification typesets the same appendix).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct KeptFinding {
    /// The kind of finding, as the app labels it (e.g. 同一证书编号).
    pub kind: String,
    /// What a reviewer would question, as the 预审 worded it.
    pub message: String,
    /// The applicant's explanation; empty when none was given.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// What the export is doing, for a progress bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    pub stage: Stage,
    /// Bytes of evidence written so far, and in all.
    pub bytes_done: u64,
    pub bytes_total: u64,
    /// Files written so far, and in all (evidence plus PDF, XLSX and manifest).
    pub files_done: usize,
    pub files_total: usize,
    /// The path inside the package being written, if any.
    pub current: Option<String>,
}

/// The steps of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Checking the data against the fonts and typesetting the PDF.
    Typesetting,
    /// Typesetting the evidence book (证明材料汇编).
    EvidenceBook,
    /// Writing the spreadsheet.
    Spreadsheet,
    /// Copying evidence files into the package.
    Evidence,
    /// Writing the manifest and moving the package into place.
    Finishing,
    Done,
}

impl Stage {
    /// In words, for the progress bar.
    pub fn label(self) -> &'static str {
        match self {
            Stage::Typesetting => "正在排版学时汇总表（PDF）",
            Stage::EvidenceBook => "正在排版证明材料汇编（PDF）",
            Stage::Spreadsheet => "正在生成学时汇总表（Excel）",
            Stage::Evidence => "正在复制证明材料",
            Stage::Finishing => "正在写入清单并完成打包",
            Stage::Done => "申报材料包已生成",
        }
    }
}

/// What an export produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackageReport {
    pub path: PathBuf,
    /// Size of the ZIP file.
    pub size: u64,
    /// Every file in the package except `manifest.json`, as listed in it.
    pub files: Vec<ManifestFile>,
    /// Evidence entries known by name only (no file in the app), left out of the package.
    pub not_included: Vec<NotIncluded>,
    pub pdf_pages: usize,
    /// Pages of 证明材料汇编.pdf.
    pub evidence_book_pages: usize,
    /// Evidence files the book could only name (a PDF that needs a password, a damaged photo).
    pub evidence_book_problems: Vec<BookProblem>,
    /// The fonts the PDF was typeset with (family and file).
    pub fonts: Vec<String>,
}
