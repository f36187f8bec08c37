//! 学时手册's OCR helper, a program of its own (`xueshi-ocr`) that the app and the CLI call, so that
//! the recognition engine and its models stay out of the app's binary: reads photos, scans and
//! image-only PDF pages offline with PP-OCRv6 (pure Rust, on tract) and their QR codes, and gives
//! the lines of text with where on the page each was found.

mod error;
pub mod input;
mod onnx_meta;
mod order;
pub mod page;
mod pdf;
pub mod prepare;
pub mod qr;
pub mod reader;

use std::path::Path;

use serde::Serialize;

pub use error::OcrError;
pub use input::Page;
pub use page::{Line, PageText, read_page};
pub use qr::QrCode;
pub use reader::{OcrLine, PpOcrReader, TextReader};

/// What the helper prints: the pages read, in order, and how many pages the file has (a caller
/// that asked for one page knows whether there are more).
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub pages: Vec<PageText>,
    pub page_count: usize,
}

/// The pages of `file` as images: page `page` (1-based), or every page up to
/// [`pdf::MAX_PAGES`]; with the number of pages the file has. Fails before any model is loaded
/// when the file cannot be read.
pub fn load_pages(file: &Path, page: Option<usize>) -> Result<(Vec<Page>, usize), OcrError> {
    input::load(input::read_file(file)?, page)
}

/// Reads the text and QR codes of `pages` (of a file of `page_count` pages) with `reader`.
pub fn read_pages(reader: &dyn TextReader, pages: &[Page], page_count: usize) -> Result<Document, OcrError> {
    let pages = pages.iter().map(|image| read_page(reader, image)).collect::<Result<Vec<_>, _>>()?;
    Ok(Document { pages, page_count })
}

/// Reads `file` (see [`load_pages`]) with `reader`.
pub fn read_file(reader: &dyn TextReader, file: &Path, page: Option<usize>) -> Result<Document, OcrError> {
    let (pages, count) = load_pages(file, page)?;
    read_pages(reader, &pages, count)
}
