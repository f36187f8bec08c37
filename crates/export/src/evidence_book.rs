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

use serde::Serialize;
use typst::foundations::Bytes;

use crate::PackageInput;
use crate::book_files::{Prepared, prepare};
use crate::error::ExportError;
use crate::evidence_plan::{detect, plan_evidence};
use crate::fonts::FontSet;
use crate::report::{ApplicationInfo, Person, ReportData, Row};
use crate::source::EvidenceSource;
use crate::temp::TempFile;
use crate::world::typeset;

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
    title: &'static str,
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

/// Typesets the evidence book of `input` with the files of `evidence`.
pub fn render_evidence_book(
    input: &PackageInput<'_>,
    evidence: &dyn EvidenceSource,
    fonts: &mut FontSet,
) -> Result<EvidenceBook, ExportError> {
    let report = ReportData::build(input.ledger, input.rules, input.assessment, input.options);
    let plan = plan_evidence(input, evidence)?;
    let mut places: HashMap<(&str, &str, &str), VecDeque<&str>> = HashMap::new();
    for (p, _) in &plan.files {
        let key = (p.activity.as_str(), p.evidence.file.as_str(), p.evidence.material.as_str());
        places.entry(key).or_default().push_back(p.path.as_str());
    }
    let activities: HashMap<&str, _> = input.ledger.activities.iter().map(|a| (a.id.as_str(), a)).collect();
    let mut files: Vec<(String, Bytes)> = Vec::new();
    let mut problems = Vec::new();
    let mut shown: HashMap<&str, i32> = HashMap::new();
    let mut years = Vec::with_capacity(report.years.len());
    let mut number = 0;
    for y in &report.years {
        let mut records = Vec::with_capacity(y.rows.len());
        for row in &y.rows {
            number += 1;
            let Some(activity) = activities.get(row.id.as_str()) else { continue };
            if let Some(first) = shown.get(row.id.as_str()) {
                records.push(BookRecord { number, row, shown_in: Some(*first), files: Vec::new() });
                continue;
            }
            shown.insert(&row.id, y.year);
            let mut book_files = Vec::with_capacity(activity.evidence.len());
            for e in &activity.evidence {
                let key = (activity.id.as_str(), e.file.as_str(), e.material.as_str());
                let place = places.get_mut(&key).and_then(VecDeque::pop_front);
                let (material, file) = (e.material.trim().to_owned(), e.file.clone());
                let prepared = match place {
                    None => Prepared::Note {
                        text: "这份材料只登记了文件名，没有存入文件，材料包中也没有。".to_owned(),
                        problem: false,
                    },
                    Some(place) => {
                        let bytes = read_all(evidence, &activity.id, e)?;
                        let ext = detect(&activity.id, e, &bytes)?;
                        prepare(ext, bytes, place)
                    }
                };
                let path = format!("/evidence/{}", files.len() + 1);
                let entry = match prepared {
                    Prepared::Image(bytes) => {
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
                                activity: activity.id.clone(),
                                title: row.title.clone(),
                                file: e.file.clone(),
                                reason: text.split('。').next().unwrap_or_default().to_owned(),
                            });
                        }
                        BookFile { material, file, kind: "note", path: String::new(), pages: 1, note: text }
                    }
                };
                book_files.push(entry);
            }
            records.push(BookRecord { number, row, shown_in: None, files: book_files });
        }
        let summary = format!(
            "公需科目 {} 学时，专业科目 {} 学时，合计 {} 学时；{}",
            y.public, y.professional, y.total, y.status
        );
        years.push(BookYear { year: y.year, summary, records });
    }
    let data = BookData {
        title: "继续教育证明材料汇编",
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
    let pdf = typeset("/evidence_book.typ", TEMPLATE, &value, files, fonts, report.made_on).map_err(|e| match e {
        ExportError::Typeset(reason) => ExportError::EvidenceBook(reason),
        other => other,
    })?;
    Ok(EvidenceBook { bytes: pdf.bytes, pages: pdf.pages, problems })
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
