//! The per-year upload kit for the 网上核认系统, where the applicant uploads evidence year by year:
//! a folder per year of the window (`2023年/`) holding `2023年_继续教育佐证材料.pdf` — the year's
//! records with their evidence (the evidence book's renderer, that year only, after a header page),
//! or, for a year an earlier 学时认定单 covers, that certificate's pages (the 常德 notice: those
//! years “上传 2018-2022 年学时认定单即可”) — each under a size limit the user sets, and
//! `上传清单.pdf`, the one page saying what to upload and enter in which year. The system's real
//! limits are not published, hence the setting.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::PackageInput;
use crate::book_files::PhotoSize;
use crate::error::ExportError;
use crate::evidence_book::{BookMode, BookProblem, BookScope, book_source, typeset_book};
use crate::fonts::FontSet;
use crate::kit_checklist::render_checklist;
use crate::kit_folder::TempFolder;
use crate::source::EvidenceSource;
use crate::world::RenderedPdf;

/// The checklist's name in the kit.
pub const KIT_CHECKLIST_NAME: &str = "上传清单.pdf";

/// The size limit when the user has set none: 5 MB.
pub const DEFAULT_UPLOAD_LIMIT: u64 = 5 * 1024 * 1024;

/// The smallest photos a year's PDF is ever re-encoded to: 1000 pixels on the longer side of an A4
/// certificate is about 85 dpi, where a 小五 character (9 pt, 3.2 mm) still spans some 11 pixels
/// and its strokes stay apart; below JPEG quality 60 the ringing around dark strokes on white
/// paper smears such characters. Below this a reviewer could not read the certificate, so the
/// PDF is split instead.
pub const LEGIBLE_FLOOR: PhotoSize = PhotoSize { max_side: 1000, quality: 60 };

/// The sizes tried in turn while a year's PDF is over the limit: the book's own, then stronger
/// JPEG compression, then fewer pixels, down to [`LEGIBLE_FLOOR`].
const STEPS: [PhotoSize; 4] = [
    PhotoSize::BOOK,
    PhotoSize { max_side: PhotoSize::BOOK.max_side, quality: 70 },
    PhotoSize { max_side: 1300, quality: 65 },
    LEGIBLE_FLOOR,
];

/// What an upload kit holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadKit {
    pub path: PathBuf,
    /// The size limit it was made for, in bytes.
    pub limit: u64,
    pub years: Vec<KitYear>,
    /// Evidence files shown as a page of text instead of their content (as in the evidence book).
    pub problems: Vec<BookProblem>,
}

/// One year's upload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KitYear {
    pub year: i32,
    /// The year is covered by an earlier 学时认定单: its files are the certificate's pages.
    pub certificate: bool,
    /// The photos were re-encoded smaller than in the evidence book to meet the limit.
    pub reduced: bool,
    pub files: Vec<KitFile>,
}

/// One file of the kit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KitFile {
    /// Inside the kit's folder, with `/`: `2023年/2023年_继续教育佐证材料.pdf`.
    pub name: String,
    pub size: u64,
    pub pages: usize,
    /// A single page larger than the limit by itself: kept, and to be reported to the user.
    pub over_limit: bool,
}

/// The name of a year's file: `2023年_继续教育佐证材料.pdf`, or `…_2.pdf` for the second part.
pub fn kit_file_name(year: i32, part: Option<usize>) -> String {
    match part {
        None => format!("{year}年_继续教育佐证材料.pdf"),
        Some(k) => format!("{year}年_继续教育佐证材料_{k}.pdf"),
    }
}

/// Makes the upload kit of `input` in the folder `out` (which must not exist or be empty), each
/// year's PDF at most `limit` bytes where a page allows it.
pub fn export_upload_kit(
    input: &PackageInput<'_>,
    evidence: &dyn EvidenceSource,
    out: &Path,
    limit: u64,
) -> Result<UploadKit, ExportError> {
    let folder = TempFolder::create(out)?;
    let mut fonts = FontSet::discover(input.options.font_path.as_deref())?;
    let result = build(input, evidence, &folder, &mut fonts, limit);
    typst::comemo::evict(0);
    let (years, problems) = result?;
    folder.persist(out)?;
    Ok(UploadKit { path: out.to_owned(), limit, years, problems })
}

fn build(
    input: &PackageInput<'_>,
    evidence: &dyn EvidenceSource,
    folder: &TempFolder,
    fonts: &mut FontSet,
    limit: u64,
) -> Result<(Vec<KitYear>, Vec<BookProblem>), ExportError> {
    let mut years = Vec::with_capacity(input.assessment.years.len());
    let mut problems = Vec::new();
    for y in &input.assessment.years {
        let certificates: Vec<Arc<str>> = if y.prior_certificate { y.covered_by.clone() } else { Vec::new() };
        let scope = BookScope {
            mode: if y.prior_certificate { BookMode::Certificate } else { BookMode::Year },
            year: Some(y.year),
            records: y.prior_certificate.then_some(certificates.as_slice()),
            photos: PhotoSize::BOOK,
            files: None,
        };
        let pdfs = year_files(input, evidence, fonts, scope, limit)?;
        for (file, bytes) in pdfs.files.iter().zip(&pdfs.bytes) {
            folder.write(&file.name, bytes)?;
        }
        problems.extend(pdfs.problems);
        years.push(KitYear {
            year: y.year,
            certificate: y.prior_certificate,
            reduced: pdfs.reduced,
            files: pdfs.files,
        });
    }
    let pdf = render_checklist(input, &years, limit, fonts)?;
    folder.write(KIT_CHECKLIST_NAME, &pdf)?;
    Ok((years, problems))
}

/// One year's PDF files and their content.
struct YearPdfs {
    reduced: bool,
    problems: Vec<BookProblem>,
    files: Vec<KitFile>,
    bytes: Vec<Vec<u8>>,
}

/// One year's PDF, its photos re-encoded smaller step by step while it is over `limit`; at the
/// floor, split into parts by evidence file.
fn year_files(
    input: &PackageInput<'_>,
    evidence: &dyn EvidenceSource,
    fonts: &mut FontSet,
    scope: BookScope<'_>,
    limit: u64,
) -> Result<YearPdfs, ExportError> {
    let year = scope.year.unwrap_or_default();
    let name = |part| format!("{year}年/{}", kit_file_name(year, part));
    let mut floor = scope;
    for (step, photos) in STEPS.iter().enumerate() {
        floor = BookScope { photos: *photos, ..scope };
        let source = book_source(input, evidence, fonts, &floor)?;
        let (problems, has_photos, count) = (source.problems.clone(), source.photos > 0, source.file_count);
        let pdf = typeset_book(source, fonts)?;
        if pdf.bytes.len() as u64 <= limit || (count <= 1 && !(has_photos && step + 1 < STEPS.len())) {
            let size = pdf.bytes.len() as u64;
            let file = KitFile { name: name(None), size, pages: pdf.pages, over_limit: size > limit };
            return Ok(YearPdfs { reduced: step > 0, problems, files: vec![file], bytes: vec![pdf.bytes] });
        }
        if !has_photos {
            break;
        }
    }
    let parts = split(input, evidence, fonts, floor, limit)?;
    let reduced = floor.photos != PhotoSize::BOOK;
    let mut pdfs = YearPdfs { reduced, problems: Vec::new(), files: Vec::new(), bytes: Vec::new() };
    let count = parts.len();
    for (k, (pdf, problems)) in parts.into_iter().enumerate() {
        let size = pdf.bytes.len() as u64;
        let part = (count > 1).then_some(k + 1);
        pdfs.files.push(KitFile { name: name(part), size, pages: pdf.pages, over_limit: size > limit });
        pdfs.bytes.push(pdf.bytes);
        pdfs.problems.extend(problems);
    }
    Ok(pdfs)
}

/// The year of `scope` as consecutive parts, each holding as many of its evidence files (in the
/// book's order, the first part also the header page) as fit in `limit`, typeset anew for each
/// (a PDF of a range of pages would still carry every embedded file). A file too large by itself
/// is a part of its own, over the limit.
///
/// Each file is typeset alone once; a part's size is estimated from those sizes less what each
/// PDF carries besides its files (fonts, the page frame), measured once; each part is then typeset
/// and, should the estimate have been short, given one file less until it fits.
fn split(
    input: &PackageInput<'_>,
    evidence: &dyn EvidenceSource,
    fonts: &mut FontSet,
    scope: BookScope<'_>,
    limit: u64,
) -> Result<Vec<(RenderedPdf, Vec<BookProblem>)>, ExportError> {
    let mut part = |start: usize, end: usize| -> Result<(RenderedPdf, Vec<BookProblem>, usize), ExportError> {
        let source = book_source(input, evidence, fonts, &BookScope { files: Some((start, end)), ..scope })?;
        let (problems, count) = (source.problems.clone(), source.file_count);
        Ok((typeset_book(source, fonts)?, problems, count))
    };
    let (first, first_problems, count) = part(0, 1)?;
    let mut alone = vec![Some((first, first_problems))];
    for k in 1..count {
        let (pdf, problems, _) = part(k, k + 1)?;
        alone.push(Some((pdf, problems)));
    }
    let sizes: Vec<u64> = alone.iter().flatten().map(|(pdf, _)| pdf.bytes.len() as u64).collect();
    let size = |k: usize| sizes[k];
    // Two files typeset together carry the fonts and frame once, alone twice.
    let shared = if count >= 3 {
        let (pair, _, _) = part(1, 3)?;
        (size(1) + size(2)).saturating_sub(pair.bytes.len() as u64)
    } else {
        0
    };
    let mut ends = Vec::new();
    let mut start = 0;
    while start < count {
        let mut end = start + 1;
        let mut estimate = size(start);
        while end < count && estimate + size(end).saturating_sub(shared) <= limit {
            estimate += size(end).saturating_sub(shared);
            end += 1;
        }
        ends.push((start, end));
        start = end;
    }
    let mut parts = Vec::with_capacity(ends.len());
    let mut k = 0;
    while k < ends.len() {
        let (start, mut end) = ends[k];
        loop {
            if end == start + 1 {
                if let Some(single) = alone[start].take() {
                    parts.push(single);
                }
                break;
            }
            let (pdf, problems, _) = part(start, end)?;
            if pdf.bytes.len() as u64 <= limit {
                parts.push((pdf, problems));
                break;
            }
            end -= 1;
        }
        if end < ends[k].1 {
            // The files the estimate put in this part but that did not fit start the next one.
            let next_end = ends.get(k + 1).map_or(ends[k].1, |n| n.1);
            if k + 1 < ends.len() {
                ends[k + 1] = (end, next_end);
            } else {
                ends.push((end, next_end));
            }
        }
        k += 1;
    }
    Ok(parts)
}
