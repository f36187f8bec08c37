//! Writing the package: the PDF first (so a font problem stops the export before the long copy),
//! then every evidence file streamed chunk by chunk and hashed on the way, then the XLSX and the
//! manifest. Everything goes to a temporary file beside the output, renamed into place only at
//! the end: a failure or a cancel leaves nothing at the output path, and no temporary file.

use std::io::{Read, Write};
use std::ops::ControlFlow;
use std::path::Path;

use chrono::{Datelike, Timelike};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::book_split::{BookSplit, SPLIT_PAGES, render_evidence_books};
use crate::error::ExportError;
use crate::evidence_book::EVIDENCE_BOOK_NAME;
use crate::evidence_plan::{EvidencePlan, detect, plan_evidence, read_head};
use crate::fonts::FontSet;
use crate::hashing::{BUFFER, CopyError, copy_hashed, digest};
use crate::layout::PlannedFile;
use crate::manifest::{MANIFEST_NAME, Manifest, ManifestFile, RecordedFont, Typeset};
use crate::pdf::render_pdf;
use crate::report::ReportData;
use crate::source::EvidenceSource;
use crate::temp::TempFile;
use crate::xlsx::render_xlsx;
use crate::{PackageInput, PackageReport, Progress, Stage};

pub const PDF_NAME: &str = "学时汇总表.pdf";
pub const XLSX_NAME: &str = "学时汇总表.xlsx";
/// Report progress at least this often while copying a large file.
const PROGRESS_EVERY: u64 = 4 * 1024 * 1024;
/// Members this large or larger need ZIP64 (with a margin for the stored size).
const ZIP64_FROM: u64 = 0xFFFF_0000;

/// The local time as a ZIP timestamp.
fn zip_time() -> zip::DateTime {
    let now = chrono::Local::now();
    let part = |v: u32| u8::try_from(v).unwrap_or(0);
    zip::DateTime::from_date_and_time(
        u16::try_from(now.year()).unwrap_or(1980),
        part(now.month()),
        part(now.day()),
        part(now.hour()),
        part(now.minute()),
        part(now.second()),
    )
    .unwrap_or_default()
}

/// Progress reporting with cancellation.
struct Reporter<'p> {
    callback: &'p mut dyn FnMut(Progress) -> ControlFlow<()>,
    state: Progress,
}

impl Reporter<'_> {
    fn report(&mut self) -> Result<(), ExportError> {
        match (self.callback)(self.state.clone()) {
            ControlFlow::Continue(()) => Ok(()),
            ControlFlow::Break(()) => Err(ExportError::Cancelled),
        }
    }

    fn stage(&mut self, stage: Stage, current: Option<&str>) -> Result<(), ExportError> {
        self.state.stage = stage;
        self.state.current = current.map(str::to_owned);
        self.report()
    }
}

/// Writes the package for `input` to `out`. `progress` is called often (at least every few MiB);
/// returning `ControlFlow::Break` cancels the export. On any error or cancel, nothing is left at
/// `out` (an existing file there is left as it was).
pub fn export_package(
    input: &PackageInput<'_>,
    evidence: &dyn EvidenceSource,
    out: &Path,
    progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
) -> Result<PackageReport, ExportError> {
    let mut reporter = Reporter {
        callback: progress,
        state: Progress {
            stage: Stage::Typesetting,
            bytes_done: 0,
            bytes_total: 0,
            files_done: 0,
            files_total: 4,
            current: Some(PDF_NAME.to_owned()),
        },
    };
    reporter.report()?;
    let EvidencePlan { files: planned, not_included } = plan_evidence(input, evidence)?;
    reporter.state.files_total = planned.len() + 4;
    reporter.state.bytes_total = planned.iter().map(|(_, size)| size).sum();
    let report = ReportData::build(input.ledger, input.rules, input.assessment, input.options);
    let mut fonts = FontSet::discover(input.options.font_path.as_deref())?;
    let pdf = render_pdf(&report, &mut fonts)?;
    let font_names = fonts.faces.iter().map(|f| format!("{} ({})", f.family, f.path.display())).collect();
    let typeset = Typeset {
        date: report.made_on.format("%Y-%m-%d").to_string(),
        mask_id: input.options.mask_id,
        incomplete_evidence_page: input.options.incomplete_evidence_page,
        fonts: recorded_fonts(&fonts),
        kept_findings: input.options.kept_findings.clone(),
    };
    reporter.stage(Stage::EvidenceBook, Some(EVIDENCE_BOOK_NAME))?;
    let split = BookSplit::OverPages(input.options.book_split_pages.unwrap_or(SPLIT_PAGES));
    let books = render_evidence_books(input, evidence, &mut fonts, split)?;
    drop(fonts);
    reporter.stage(Stage::Evidence, None)?;

    let (temp, file) = TempFile::create(out)?;
    let mut zip = ZipWriter::new(file);
    let time = zip_time();
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored).last_modified_time(time);
    let deflated =
        SimpleFileOptions::default().compression_method(CompressionMethod::Deflated).last_modified_time(time);
    let mut files = Vec::with_capacity(planned.len() + 2);

    zip.start_file(PDF_NAME, stored)?;
    zip.write_all(&pdf.bytes).map_err(|e| ExportError::Zip(e.to_string()))?;
    let (sha256, size) = digest(&pdf.bytes);
    drop(pdf.bytes);
    files.push(ManifestFile {
        path: PDF_NAME.to_owned(),
        size,
        sha256,
        role: "summary".to_owned(),
        activity: None,
        material: None,
        original_name: None,
    });
    let book_pages = books.parts.iter().map(|b| b.pages).sum::<usize>();
    // The summary PDF, the books, then the XLSX, the evidence and the manifest.
    reporter.state.files_total = planned.len() + 3 + books.parts.len();
    let files_written = 1 + books.parts.len();
    for book in books.parts {
        let name = book.package_name();
        zip.start_file(name.as_str(), stored)?;
        zip.write_all(&book.bytes).map_err(|e| ExportError::Zip(e.to_string()))?;
        let (sha256, size) = digest(&book.bytes);
        drop(book.bytes);
        files.push(ManifestFile {
            path: name,
            size,
            sha256,
            role: "evidence_book".to_owned(),
            activity: None,
            material: None,
            original_name: None,
        });
    }
    reporter.state.files_done = files_written;

    let mut buffer = vec![0u8; BUFFER];
    for (p, _) in &planned {
        let mut source = evidence.open(&p.activity, &p.evidence).map_err(|e| unreadable(p, e))?;
        reporter.stage(Stage::Evidence, Some(&p.path))?;
        // The start is read once, checked against the type the file is named by, and copied.
        let head = read_head(&mut source.reader).map_err(|e| unreadable(p, e))?;
        if p.detected != Some(detect(&p.activity, &p.evidence, &head)?) {
            let changed = std::io::Error::other("文件内容在导出过程中被改变");
            return Err(unreadable(p, changed));
        }
        let mut reader = (&head[..]).chain(&mut source.reader);
        let large = source.size.is_none_or(|s| s >= ZIP64_FROM);
        let options = if p.store { stored } else { deflated }.large_file(large);
        zip.start_file(p.path.as_str(), options)?;
        let mut since = 0u64;
        let copied = copy_hashed(&mut reader, &mut zip, &mut buffer, |n| {
            reporter.state.bytes_done += n;
            since += n;
            if since >= PROGRESS_EVERY {
                since = 0;
                return reporter.report().is_ok();
            }
            true
        });
        let (sha256, size) = match copied {
            Ok(done) => done,
            Err(CopyError::Cancelled) => return Err(ExportError::Cancelled),
            Err(CopyError::Read(e)) => return Err(unreadable(p, e)),
            Err(CopyError::Write(e)) => return Err(ExportError::Zip(e.to_string())),
        };
        if let Some(expected) = &p.evidence.sha256
            && !expected.eq_ignore_ascii_case(&sha256)
        {
            return Err(ExportError::EvidenceChanged {
                activity: p.activity.clone(),
                file: p.evidence.file.clone(),
                expected: expected.clone(),
                actual: sha256,
            });
        }
        files.push(ManifestFile {
            path: p.path.clone(),
            size,
            sha256,
            role: "evidence".to_owned(),
            activity: Some(p.activity.clone()),
            material: Some(p.evidence.material.clone()),
            original_name: Some(p.evidence.file.clone()),
        });
        reporter.state.files_done += 1;
    }

    reporter.stage(Stage::Spreadsheet, Some(XLSX_NAME))?;
    let xlsx = render_xlsx(&report, &files)?;
    zip.start_file(XLSX_NAME, stored)?;
    zip.write_all(&xlsx).map_err(|e| ExportError::Zip(e.to_string()))?;
    let (sha256, size) = digest(&xlsx);
    let xlsx_entry = ManifestFile {
        path: XLSX_NAME.to_owned(),
        size,
        sha256,
        role: "summary".to_owned(),
        activity: None,
        material: None,
        original_name: None,
    };
    files.insert(1, xlsx_entry);
    reporter.state.files_done += 1;

    reporter.stage(Stage::Finishing, Some(MANIFEST_NAME))?;
    let manifest = Manifest::new(input.rules, input.assessment, &report, files, not_included, typeset);
    zip.start_file(MANIFEST_NAME, deflated)?;
    zip.write_all(&manifest.to_bytes()).map_err(|e| ExportError::Zip(e.to_string()))?;
    let file = zip.finish()?;
    file.sync_all().map_err(ExportError::io("写入申报材料包", &temp.path))?;
    let size = file.metadata().map_err(ExportError::io("写入申报材料包", &temp.path))?.len();
    drop(file);
    reporter.stage(Stage::Finishing, None)?;
    temp.persist(out)?;
    reporter.state.files_done = reporter.state.files_total;
    reporter.state.stage = Stage::Done;
    reporter.state.current = None;
    // The package is complete: a Break here no longer undoes it.
    let _ = (reporter.callback)(reporter.state.clone());
    Ok(PackageReport {
        path: out.to_owned(),
        size,
        files: manifest.files,
        not_included: manifest.not_included,
        pdf_pages: pdf.pages,
        evidence_book_pages: book_pages,
        evidence_book_problems: books.problems,
        fonts: font_names,
    })
}

/// The faces typeset with, as the manifest records them (file names without their folders).
pub(crate) fn recorded_fonts(fonts: &FontSet) -> Vec<RecordedFont> {
    let name = |p: &Path| p.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    fonts.faces.iter().map(|f| RecordedFont { family: f.family.clone(), file: name(&f.path), index: f.index }).collect()
}

fn unreadable(p: &PlannedFile, source: std::io::Error) -> ExportError {
    ExportError::EvidenceUnreadable { activity: p.activity.clone(), file: p.evidence.file.clone(), source }
}
