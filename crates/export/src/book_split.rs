//! A large evidence book written as one book per year of the window: each with the whole book's
//! cover, 目录, bookmarks and page labels, restricted to its year, and 年 in its title. The
//! photos are made ready once, for the whole book, and each year's book is typeset from them.

use serde_json::Value;

use crate::PackageInput;
use crate::error::ExportError;
use crate::evidence_book::{BookProblem, BookScope, BookSource, book_source, typeset_book};
use crate::fonts::FontSet;
use crate::source::EvidenceSource;

/// Over this many pages the evidence book is written as one book per year. Estimated before
/// typesetting: cover, 目录, a page per record, a page per photo and per page of a PDF. Phone
/// photos take about 0.3 MB a page, so 300 pages is about 100 MB: a book of that size still opens
/// at once on an ordinary laptop and is read in one sitting; past it a reviewer looking for one
/// year is better served by that year's book.
pub const SPLIT_PAGES: usize = 300;

/// The folder of the per-year books in the package (`证明材料汇编/2023年.pdf`).
pub const YEAR_BOOKS_FOLDER: &str = "证明材料汇编";

/// The evidence book, whole or one per year.
pub struct EvidenceBooks {
    pub parts: Vec<BookPart>,
    /// Files that should have been shown and could not be, in all parts.
    pub problems: Vec<BookProblem>,
}

/// One evidence book: the whole one (`year` is `None`) or one year's.
pub struct BookPart {
    pub year: Option<i32>,
    pub bytes: Vec<u8>,
    pub pages: usize,
}

impl BookPart {
    /// Its name in the package: `证明材料汇编.pdf`, or `证明材料汇编/2023年.pdf`.
    pub fn package_name(&self) -> String {
        match self.year {
            None => crate::evidence_book::EVIDENCE_BOOK_NAME.to_owned(),
            Some(year) => format!("{YEAR_BOOKS_FOLDER}/{year}年.pdf"),
        }
    }
}

/// How the book is divided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BookSplit {
    /// One book per year when the whole would have more than this many pages (see [`SPLIT_PAGES`]).
    OverPages(usize),
    /// One book, however large (an earlier package's single book, checked again).
    Whole,
    /// One book per year, however small (a package's per-year books, checked again).
    ByYear,
}

/// Typesets the evidence book of `input`, divided as `split` says.
pub fn render_evidence_books(
    input: &PackageInput<'_>,
    evidence: &dyn EvidenceSource,
    fonts: &mut FontSet,
    split: BookSplit,
) -> Result<EvidenceBooks, ExportError> {
    let source = book_source(input, evidence, fonts, &BookScope::WHOLE)?;
    let problems = source.problems.clone();
    let years = source.years();
    let by_year = match split {
        BookSplit::Whole => false,
        BookSplit::ByYear => true,
        BookSplit::OverPages(pages) => source.estimated_pages > pages && years.len() > 1,
    };
    if !by_year {
        let pdf = typeset_book(source, fonts)?;
        return Ok(EvidenceBooks {
            parts: vec![BookPart { year: None, bytes: pdf.bytes, pages: pdf.pages }],
            problems,
        });
    }
    let mut parts = Vec::with_capacity(years.len());
    for year in years {
        let pdf = typeset_book(year_source(&source, year), fonts)?;
        parts.push(BookPart { year: Some(year), bytes: pdf.bytes, pages: pdf.pages });
    }
    Ok(EvidenceBooks { parts, problems })
}

/// The whole book's source restricted to `year`: its years, and 年 in its title; a record whose
/// files an earlier year shows points to that year's file. Its files stay all the book's (shared,
/// not copied); typst reads only those the year shows.
fn year_source(whole: &BookSource, year: i32) -> BookSource {
    let mut value = whole.value.clone();
    if let Some(book) = value.as_object_mut() {
        book.insert("year_book".to_owned(), Value::Bool(true));
    }
    if let Some(years) = value.get_mut("years").and_then(Value::as_array_mut) {
        years.retain(|y| y.get("year").and_then(Value::as_i64) == Some(i64::from(year)));
    }
    if let Some(Value::String(title)) = value.get_mut("title") {
        *title = format!("{title}（{year}年）");
    }
    BookSource { value, files: whole.files.clone(), problems: Vec::new(), ..*whole }
}
