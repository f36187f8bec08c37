//! One export of the submission package: what it needs is gathered from the handbook (in the app,
//! under its lock), then the package is written without it, reporting progress to a callback that
//! may cancel it.

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use xueshi_core::engine::{Application, Assessment, assess};
use xueshi_core::review::{Finding, review};
use xueshi_core::rules::Selection;
use xueshi_core::{Ledger, RuleSet};
use xueshi_export::{
    EvidenceBook, EvidenceSource, ExportOptions, FolderSource, PackageInput, PackageReport, PathLookupSource, Progress,
    SummaryReport, UploadKit, export_evidence_book, export_package, export_summary_pdf, export_upload_kit, is_sha256,
    sanitize_component,
};
use xueshi_store::viewing::new_viewing_folder;

use crate::error::Result;
use crate::kept_findings::{KeepFinding, kept_findings};
use crate::{Handbook, Request};

/// Where the evidence files of the ledger are.
#[derive(Debug, Clone)]
pub enum EvidenceAt {
    /// A data folder's vault, files named by their SHA-256.
    Vault(PathBuf),
    /// A folder laid out as the ledger's `evidence[].file` names say (`xueshi export` of a ledger file).
    Folder(PathBuf),
}

impl EvidenceAt {
    /// The files, as the export and the package check read them.
    pub fn source(&self) -> Box<dyn EvidenceSource + '_> {
        match self {
            EvidenceAt::Vault(dir) => Box::new(PathLookupSource::new(|sha: &str| {
                is_sha256(sha).then(|| xueshi_store::vault::blob_path(dir, sha))
            })),
            EvidenceAt::Folder(dir) => Box::new(FolderSource::new(dir)),
        }
    }
}

/// Everything an export needs, detached from the open data folder.
pub struct ExportJob {
    pub ledger: Ledger,
    pub application: Application,
    pub rules: RuleSet,
    pub selection: Selection,
    pub assessment: Assessment,
    /// The 预审 of the records (with the texts read from their evidence where the data folder has them).
    pub findings: Vec<Finding>,
    pub evidence: EvidenceAt,
    /// e.g. `申报材料包-王晓梅-2026年副高级.zip`
    pub suggested_name: String,
}

/// The user's choices for one package.
#[derive(Debug, Clone, Default)]
pub struct PackageChoices {
    /// Show the 身份证号 as 430102********1234.
    pub mask_id: bool,
    /// Add the page listing records whose evidence is incomplete.
    pub incomplete_page: bool,
    /// A font file or folder tried before the system's (the app's bundled fonts).
    pub font_path: Option<PathBuf>,
    /// The 预审 findings the applicant keeps, explained in an appendix of the summary.
    pub kept: Vec<KeepFinding>,
}

impl Handbook {
    /// The export of the stored records for `request` (the current plan when it names nothing),
    /// with their 预审.
    pub fn export_job(&mut self, request: &Request) -> Result<ExportJob> {
        let evidence = EvidenceAt::Vault(self.store.data_dir().evidence());
        let (assessed, findings) = self.assess_and_review(request)?;
        let rules = assessed.rules.clone();
        Ok(ExportJob::new(
            assessed.ledger,
            assessed.application,
            rules,
            assessed.selection,
            assessed.assessment,
            findings,
            evidence,
        ))
    }
}

impl ExportJob {
    pub fn new(
        ledger: Ledger,
        application: Application,
        rules: RuleSet,
        selection: Selection,
        assessment: Assessment,
        findings: Vec<Finding>,
        evidence: EvidenceAt,
    ) -> ExportJob {
        let suggested_name = format!("申报材料包-{}.zip", whose(&ledger, &application));
        ExportJob { ledger, application, rules, selection, assessment, findings, evidence, suggested_name }
    }

    /// A ledger file's records with their evidence in `folder`, assessed under `rules`.
    pub fn for_ledger(
        ledger: Ledger,
        application: Application,
        rules: RuleSet,
        selection: Selection,
        folder: &Path,
    ) -> Result<ExportJob> {
        let assessment = assess(&ledger, &rules, &application)?;
        let findings = review(&ledger, &rules, &assessment, &[]);
        let evidence = EvidenceAt::Folder(folder.to_owned());
        Ok(ExportJob::new(ledger, application, rules, selection, assessment, findings, evidence))
    }

    /// Writes the package to `out`. Cancelling (the callback breaks) or a failure leaves nothing at `out`.
    pub fn run(
        &self,
        out: &Path,
        choices: &PackageChoices,
        progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
    ) -> Result<PackageReport> {
        let options = self.options(choices);
        Ok(export_package(&self.input(&options), self.evidence.source().as_ref(), out, progress)?)
    }

    /// Writes 学时汇总表 alone, as a PDF, to `out` (the same tables as the package's).
    pub fn summary_pdf(&self, out: &Path, choices: &PackageChoices) -> Result<SummaryReport> {
        Ok(export_summary_pdf(&self.input(&self.options(choices)), out)?)
    }

    /// Writes 学时汇总表 alone into a new folder of the temp dir, to open with the system's PDF
    /// viewer (and print from there); returns its path. Swept at a later start like the copies of
    /// evidence opened for viewing.
    pub fn summary_to_view(&self, choices: &PackageChoices) -> Result<PathBuf> {
        let folder = new_viewing_folder(&std::env::temp_dir())?;
        let out = folder.join(sanitize_component(&self.summary_name(), 80, "学时汇总表.pdf"));
        self.summary_pdf(&out, choices)?;
        Ok(out)
    }

    /// The file name offered for 学时汇总表 alone, e.g. `学时汇总表-王晓梅-2026年副高级.pdf`.
    pub fn summary_name(&self) -> String {
        format!("学时汇总表-{}.pdf", whose(&self.ledger, &self.application))
    }

    /// Writes 证明材料汇编.pdf alone to `out` (through a temporary file: a failure leaves nothing there).
    pub fn run_evidence_book(&self, out: &Path, choices: &PackageChoices) -> Result<EvidenceBook> {
        Ok(export_evidence_book(&self.input(&self.options(choices)), self.evidence.source().as_ref(), out)?)
    }

    /// The file name offered for 证明材料汇编 alone, e.g. `证明材料汇编-王晓梅-2026年副高级.pdf`.
    pub fn book_name(&self) -> String {
        format!("证明材料汇编-{}.pdf", whose(&self.ledger, &self.application))
    }

    /// The upload kit's folder name, e.g. `分年度上传材料-王晓梅-2026年副高级`.
    pub fn kit_name(&self) -> String {
        format!("分年度上传材料-{}", whose(&self.ledger, &self.application))
    }

    /// Writes the per-year upload kit into the folder `out` (new or empty), each year's PDF at
    /// most `limit_mb` megabytes where a page allows it.
    pub fn run_upload_kit(&self, out: &Path, limit_mb: u32, choices: &PackageChoices) -> Result<UploadKit> {
        crate::settings::check_upload_limit(limit_mb)?;
        let limit = u64::from(limit_mb) * 1024 * 1024;
        Ok(export_upload_kit(&self.input(&self.options(choices)), self.evidence.source().as_ref(), out, limit)?)
    }

    fn input<'a>(&'a self, options: &'a ExportOptions) -> PackageInput<'a> {
        PackageInput { ledger: &self.ledger, rules: &self.rules, assessment: &self.assessment, options }
    }

    fn options(&self, choices: &PackageChoices) -> ExportOptions {
        ExportOptions {
            mask_id: choices.mask_id,
            incomplete_evidence_page: choices.incomplete_page,
            font_path: choices.font_path.clone(),
            kept_findings: kept_findings(&self.findings, &choices.kept),
            ..ExportOptions::default()
        }
    }
}

/// Whose files they are, for file names: `王晓梅-2026年副高级`.
fn whose(ledger: &Ledger, application: &Application) -> String {
    let who = ledger.profile.name.as_deref().unwrap_or("未填写姓名");
    format!("{who}-{}年{}", application.year, application.level.label())
}
