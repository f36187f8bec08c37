//! One export of the submission package: what it needs is gathered from the session (under its
//! lock), then the package is written without holding the lock, reporting progress to a callback
//! that may cancel it.

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use xueshi_core::engine::Assessment;
use xueshi_core::{Ledger, RuleSet};
use xueshi_export::{ExportOptions, PackageInput, PathLookupSource, Progress, export_package};

use crate::dto::{ExportProgress, ExportSummary};
use crate::error::{AppError, AppResult};

/// Tests only: an export to a file of this name panics, to test that a panic is caught.
#[cfg(test)]
pub const PANIC_MARKER: &str = "测试注入的崩溃.zip";

/// Everything an export needs, detached from the open data folder.
pub struct ExportJob {
    pub ledger: Ledger,
    pub rules: RuleSet,
    pub assessment: Assessment,
    pub evidence_dir: PathBuf,
    /// e.g. `学时材料包-王晓梅-2026年副高级.zip`
    pub suggested_name: String,
    /// The fonts bundled with the app (Noto Serif CJK SC, OFL), tried before the system's.
    pub font_dir: Option<PathBuf>,
}

impl ExportJob {
    /// Writes the package to `out`. Cancelling or a failure leaves nothing at `out`.
    pub fn run(
        &self,
        out: &Path,
        mask_id: bool,
        incomplete_page: bool,
        progress: &mut dyn FnMut(ExportProgress) -> ControlFlow<()>,
    ) -> AppResult<ExportSummary> {
        #[cfg(test)]
        if out.ends_with(PANIC_MARKER) {
            panic!("an export that panics (test)");
        }
        let options = ExportOptions {
            mask_id,
            incomplete_evidence_page: incomplete_page,
            font_path: self.font_dir.clone(),
            ..ExportOptions::default()
        };
        let input =
            PackageInput { ledger: &self.ledger, rules: &self.rules, assessment: &self.assessment, options: &options };
        let source = PathLookupSource::new(|sha: &str| {
            (sha.len() == 64).then(|| xueshi_store::vault::blob_path(&self.evidence_dir, sha))
        });
        let mut report = |p: Progress| {
            progress(ExportProgress {
                stage: p.stage.label().to_owned(),
                files_done: u32::try_from(p.files_done).unwrap_or(u32::MAX),
                files_total: u32::try_from(p.files_total).unwrap_or(u32::MAX),
                bytes_done: p.bytes_done as f64,
                bytes_total: p.bytes_total as f64,
            })
        };
        let r =
            export_package(&input, &source, out, &mut report).map_err(|e| AppError::new("export", e.to_string()))?;
        Ok(ExportSummary {
            path: r.path.display().to_string(),
            size: r.size as f64,
            files: u32::try_from(r.files.len()).unwrap_or(u32::MAX),
            pdf_pages: u32::try_from(r.pdf_pages).unwrap_or(u32::MAX),
            not_included: r
                .not_included
                .iter()
                .map(|n| format!("{}：{}（{}）", n.activity, n.original_name, n.material))
                .collect(),
        })
    }
}
