//! 证明材料汇编.pdf, the evidence book: one PDF a reviewer reads from front to back instead of
//! opening hundreds of loose files. A cover (name, unit, application, the rule set in force), a
//! 目录, then year by year each record's page headed by its row of 学时汇总表 (hours, basis),
//! followed by its evidence files, one page per photo and per page of a PDF; bookmarks year →
//! record → file; 第 x 页 / 共 y 页 on every page. Typeset like the summary (see `world`), from
//! the same [`PackageInput`] and [`EvidenceSource`] as the package, with the evidence files served
//! to typst from memory after `book_files` made them ready.

use std::collections::{HashMap, VecDeque};
use std::fmt;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::Arc;

use serde::Serialize;
use typst::foundations::Bytes;

use crate::PackageInput;
use crate::book_files::{PhotoSize, Prepared};
use crate::book_pool::{Job, prepare_all};
use crate::error::ExportError;
use crate::evidence_plan::{detect, plan_evidence};
use crate::fonts::FontSet;
use crate::report::{ApplicationInfo, Person, ReportData, Row};
use crate::source::EvidenceSource;
use crate::temp::TempFile;
use crate::world::{RenderedPdf, typeset};

/// The evidence book's name in the package.
pub const EVIDENCE_BOOK_NAME: &str = "证明材料汇编.pdf";

const TEMPLATE: &str = include_str!("../templates/evidence_book.typ");

/// A finished evidence book.
pub struct EvidenceBook {
    pub bytes: Vec<u8>,
    pub pages: usize,
    /// Files that should have been shown and could not be (a PDF that needs a password, a damaged
    /// photo): each has a page in the book saying so.
    pub problems: Vec<BookProblem>,
}

/// An evidence file shown in the book as a page of text instead of its content, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookProblem {
    pub activity: String,
    pub title: String,
    pub file: String,
    pub reason: String,
}

impl fmt::Display for BookProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "记录“{}”的材料“{}”：{}", self.title, self.file, self.reason)
    }
}

#[derive(Serialize)]
struct BookData<'a> {
    title: String,
    mode: BookMode,
    /// The year's header page (upload kit): only in its first part.
    header: bool,
    date: &'a str,
    generator: &'a str,
    person: &'a Person,
    application: &'a ApplicationInfo,
    rules: &'a str,
    documents: &'a [String],
    conclusion: &'a str,
    years: Vec<BookYear<'a>>,
}

#[derive(Serialize)]
struct BookYear<'a> {
    year: i32,
    summary: String,
    records: Vec<BookRecord<'a>>,
}

#[derive(Serialize)]
struct BookRecord<'a> {
    number: usize,
    row: &'a Row,
    /// The year under which its evidence is shown, when it is another (a record credited in
    /// several years shows its files once).
    shown_in: Option<i32>,
    files: Vec<BookFile>,
}

#[derive(Serialize)]
struct BookFile {
    material: String,
    file: String,
    /// `image`, `pdf` or `note`.
    kind: &'static str,
    /// The virtual path typst reads it from.
    path: String,
    pages: usize,
    note: String,
}

/// Which part of the book to typeset, and how its photos are sized.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BookScope<'s> {
    pub mode: BookMode,
    /// Only this year (all years when `None`).
    pub year: Option<i32>,
    /// Only these records (all when `None`).
    pub records: Option<&'s [Arc<str>]>,
    pub photos: PhotoSize,
    /// Only the evidence files `start..end`, counted in the order the book shows them, and the
    /// records holding them (a part of a year too large for one file); the header page only with
    /// the first. All when `None`.
    pub files: Option<(usize, usize)>,
}

/// What the typeset document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum BookMode {
    /// The whole evidence book: cover, 目录, then every year.
    Book,
    /// One year's upload: a header page (year, hours, what it holds), then its records.
    Year,
    /// Only the evidence pages of the records (an earlier 学时认定单 uploaded for the years it covers).
    Certificate,
}

impl BookScope<'static> {
    /// The whole evidence book.
    pub const WHOLE: BookScope<'static> =
        BookScope { mode: BookMode::Book, year: None, records: None, photos: PhotoSize::BOOK, files: None };
}

/// The book's data and files, ready for typst.
pub(crate) struct BookSource {
    pub value: serde_json::Value,
    pub files: Vec<(String, Bytes)>,
    pub problems: Vec<BookProblem>,
    /// How many photos it holds (re-encoding at a smaller size changes only those).
    pub photos: usize,
    /// How many evidence files the scope has, whether or not `files` left them out.
    pub file_count: usize,
    pub made_on: chrono::NaiveDate,
    /// Pages it will have: cover and 目录, a page per record, a page per photo and per page of a PDF.
    pub estimated_pages: usize,
}

impl BookSource {
    /// The years it shows.
    pub fn years(&self) -> Vec<i32> {
        let years = self.value.get("years").and_then(serde_json::Value::as_array);
        let year = |y: &serde_json::Value| y.get("year").and_then(serde_json::Value::as_i64);
        years.into_iter().flatten().filter_map(year).filter_map(|y| i32::try_from(y).ok()).collect()
    }
}

/// Typesets the evidence book of `input` with the files of `evidence`.
pub fn render_evidence_book(
    input: &PackageInput<'_>,
    evidence: &dyn EvidenceSource,
    fonts: &mut FontSet,
) -> Result<EvidenceBook, ExportError> {
    let source = book_source(input, evidence, fonts, &BookScope::WHOLE)?;
    let problems = source.problems.clone();
    let pdf = typeset("/evidence_book.typ", TEMPLATE, &source.value, source.files, fonts, source.made_on)
        .map_err(book_error)?;
    Ok(EvidenceBook { bytes: pdf.bytes, pages: pdf.pages, problems })
}

/// Typesets `source` (a part of the book, for the upload kit).
pub(crate) fn typeset_book(source: BookSource, fonts: &FontSet) -> Result<RenderedPdf, ExportError> {
    typeset("/evidence_book.typ", TEMPLATE, &source.value, source.files, fonts, source.made_on).map_err(book_error)
}

fn book_error(e: ExportError) -> ExportError {
    match e {
        ExportError::Typeset(reason) => ExportError::EvidenceBook(reason),
        other => other,
    }
}

/// The data and prepared files of the part of the book `scope` names, its glyphs checked.
pub(crate) fn book_source(
    input: &PackageInput<'_>,
    evidence: &dyn EvidenceSource,
    fonts: &mut FontSet,
    scope: &BookScope<'_>,
) -> Result<BookSource, ExportError> {
    let report = ReportData::build(input.ledger, input.rules, input.assessment, input.options);
    let plan = plan_evidence(input, evidence)?;
    let mut places: HashMap<(&str, &str, &str), VecDeque<&str>> = HashMap::new();
    for (p, _) in &plan.files {
        let key = (p.activity.as_str(), p.evidence.file.as_str(), p.evidence.material.as_str());
        places.entry(key).or_default().push_back(p.path.as_str());
    }
    let activities: HashMap<&str, _> = input.ledger.activities.iter().map(|a| (a.id.as_str(), a)).collect();
    let mut shown: HashMap<&str, i32> = HashMap::new();
    let mut years = Vec::with_capacity(report.years.len());
    let mut pending: Vec<Pending<'_>> = Vec::new();
    let mut number = 0;
    let mut file_count = 0;
    let wanted = |index: usize| scope.files.is_none_or(|(start, end)| (start..end).contains(&index));
    for y in report.years.iter().filter(|y| scope.year.is_none_or(|only| only == y.year)) {
        let mut records = Vec::with_capacity(y.rows.len());
        let in_scope = |row: &&Row| scope.records.is_none_or(|ids| ids.iter().any(|id| **id == *row.id));
        for row in y.rows.iter().filter(in_scope) {
            number += 1;
            let Some(activity) = activities.get(row.id.as_str()) else { continue };
            if let Some(first) = shown.get(row.id.as_str()) {
                records.push(BookRecord { number, row, shown_in: Some(*first), files: Vec::new() });
                continue;
            }
            shown.insert(&row.id, y.year);
            let mut taken = Vec::with_capacity(activity.evidence.len());
            let mut left_out = 0;
            for e in &activity.evidence {
                file_count += 1;
                if !wanted(file_count - 1) {
                    left_out += 1;
                    continue;
                }
                let key = (activity.id.as_str(), e.file.as_str(), e.material.as_str());
                let place = places.get_mut(&key).and_then(VecDeque::pop_front);
                taken.push(Pending { year: years.len(), record: records.len(), activity, row, evidence: e, place });
            }
            let first_part = scope.files.is_none_or(|(start, _)| start == 0);
            if taken.is_empty() && (left_out > 0 || !first_part) {
                continue;
            }
            pending.append(&mut taken);
            records.push(BookRecord { number, row, shown_in: None, files: Vec::new() });
        }
        let summary = format!(
            "公需科目 {} 学时，专业科目 {} 学时，合计 {} 学时；{}",
            y.public, y.professional, y.total, y.status
        );
        years.push(BookYear { year: y.year, summary, records });
    }
    let jobs = pending.iter().map(|p| match p.place {
        None => Ok(Job::Done(Prepared::Note {
            text: "这份材料只登记了文件名，没有存入文件，申报材料包中也没有。".to_owned(),
            problem: false,
        })),
        Some(place) => {
            let bytes = read_all(evidence, &p.activity.id, p.evidence)?;
            let ext = detect(&p.activity.id, p.evidence, &bytes)?;
            Ok(Job::File { ext, bytes, place: place.to_owned() })
        }
    });
    let prepared = prepare_all(jobs, scope.photos)?;
    let mut files: Vec<(String, Bytes)> = Vec::new();
    let mut problems = Vec::new();
    let mut photos = 0;
    for (p, prepared) in pending.iter().zip(prepared) {
        let (material, file) = (p.evidence.material.trim().to_owned(), p.evidence.file.clone());
        let path = format!("/evidence/{}", files.len() + 1);
        let entry = match prepared {
            Prepared::Image(bytes) => {
                photos += 1;
                let path = format!("{path}.pdf");
                files.push((path.clone(), Bytes::new(bytes)));
                BookFile { material, file, kind: "image", path, pages: 1, note: String::new() }
            }
            Prepared::Pdf { bytes, pages } => {
                let path = format!("{path}.pdf");
                files.push((path.clone(), Bytes::new(bytes)));
                BookFile { material, file, kind: "pdf", path, pages, note: String::new() }
            }
            Prepared::Note { text, problem } => {
                if problem {
                    problems.push(BookProblem {
                        activity: p.activity.id.clone(),
                        title: p.row.title.clone(),
                        file: p.evidence.file.clone(),
                        reason: text.split('。').next().unwrap_or_default().to_owned(),
                    });
                }
                BookFile { material, file, kind: "note", path: String::new(), pages: 1, note: text }
            }
        };
        if let Some(record) = years.get_mut(p.year).and_then(|y| y.records.get_mut(p.record)) {
            record.files.push(entry);
        }
    }
    let records = years.iter().flat_map(|y| &y.records);
    let estimated_pages = 2 + records.map(|r| 1 + r.files.iter().map(|f| f.pages).sum::<usize>()).sum::<usize>();
    let title = match (scope.mode, scope.year) {
        (BookMode::Book, _) | (_, None) => "继续教育证明材料汇编".to_owned(),
        (_, Some(year)) => format!("{year}年继续教育佐证材料"),
    };
    let data = BookData {
        title,
        mode: scope.mode,
        header: scope.files.is_none_or(|(start, _)| start == 0),
        date: &report.date,
        generator: &report.generator,
        person: &report.person,
        application: &report.application,
        rules: &report.rules.display,
        documents: &report.rules.documents,
        conclusion: &report.conclusion,
        years,
    };
    let mut value = serde_json::to_value(&data).map_err(|e| ExportError::Typeset(e.to_string()))?;
    drop(data);
    crate::world::check_glyphs(&mut value, TEMPLATE, fonts)?;
    Ok(BookSource { value, files, problems, photos, file_count, made_on: report.made_on, estimated_pages })
}

/// An evidence file the book shows, before it is read: where its entry goes (`years[year].records[record]`).
struct Pending<'a> {
    year: usize,
    record: usize,
    activity: &'a xueshi_core::Activity,
    row: &'a Row,
    evidence: &'a xueshi_core::Evidence,
    place: Option<&'a str>,
}

/// The whole content of one evidence file.
fn read_all(evidence: &dyn EvidenceSource, activity: &str, e: &xueshi_core::Evidence) -> Result<Vec<u8>, ExportError> {
    let fail = |source| ExportError::EvidenceUnreadable { activity: activity.to_owned(), file: e.file.clone(), source };
    let mut opened = evidence.open(activity, e).map_err(fail)?;
    let mut bytes = Vec::with_capacity(usize::try_from(opened.size.unwrap_or(0)).unwrap_or(0));
    opened.reader.read_to_end(&mut bytes).map_err(fail)?;
    Ok(bytes)
}

/// Writes the evidence book of `input` alone to `out`, through a temporary file beside it renamed
/// into place at the end: a failure leaves nothing at `out` (an existing file there as it was).
pub fn export_evidence_book(
    input: &PackageInput<'_>,
    evidence: &dyn EvidenceSource,
    out: &Path,
) -> Result<EvidenceBook, ExportError> {
    let mut fonts = FontSet::discover(input.options.font_path.as_deref())?;
    let book = render_evidence_book(input, evidence, &mut fonts)?;
    drop(fonts);
    let (temp, mut file) = TempFile::create(out)?;
    file.write_all(&book.bytes).map_err(ExportError::io("写入证明材料汇编", &temp.path))?;
    file.sync_all().map_err(ExportError::io("写入证明材料汇编", &temp.path))?;
    drop(file);
    temp.persist(out)?;
    Ok(book)
}
