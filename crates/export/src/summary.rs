//! 学时汇总表 on its own, as a PDF: to print, or to hand in without the rest of the package. The
//! same tables as the package's `学时汇总表.pdf` (the same data and day make the same bytes),
//! written to a temporary file beside the output and moved into place only when complete.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::PackageInput;
use crate::error::ExportError;
use crate::fonts::FontSet;
use crate::pdf::render_pdf;
use crate::report::ReportData;
use crate::temp::TempFile;

/// What [`export_summary_pdf`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryReport {
    pub path: PathBuf,
    pub size: u64,
    pub pages: usize,
    /// The fonts the PDF was typeset with (family and file).
    pub fonts: Vec<String>,
}

/// Typesets 学时汇总表 of `input` and writes it to `out`. On any error nothing is left at `out`
/// (an existing file there is left as it was).
pub fn export_summary_pdf(input: &PackageInput<'_>, out: &Path) -> Result<SummaryReport, ExportError> {
    let report = ReportData::build(input.ledger, input.rules, input.assessment, input.options);
    let mut fonts = FontSet::discover(input.options.font_path.as_deref())?;
    let pdf = render_pdf(&report, &mut fonts)?;
    let font_names = fonts.faces.iter().map(|f| format!("{} ({})", f.family, f.path.display())).collect();
    let (temp, mut file) = TempFile::create(out)?;
    file.write_all(&pdf.bytes).map_err(ExportError::io("写入学时汇总表", &temp.path))?;
    file.sync_all().map_err(ExportError::io("写入学时汇总表", &temp.path))?;
    drop(file);
    temp.persist_as(out, "把学时汇总表移动到")?;
    Ok(SummaryReport { path: out.to_owned(), size: pdf.bytes.len() as u64, pages: pdf.pages, fonts: font_names })
}
