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

/// What the helper prints: the pages read, in order.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub pages: Vec<PageText>,
}

/// The pages of `file` as images: page `page` (1-based), or every page up to
/// [`pdf::MAX_PAGES`]. Fails before any model is loaded when the file cannot be read.
pub fn load_pages(file: &Path, page: Option<usize>) -> Result<Vec<Page>, OcrError> {
    input::pages(input::read_file(file)?, page)
}

/// Reads the text and QR codes of `pages` with `reader`.
pub fn read_pages(reader: &dyn TextReader, pages: &[Page]) -> Result<Document, OcrError> {
    let pages = pages.iter().map(|image| read_page(reader, image)).collect::<Result<Vec<_>, _>>()?;
    Ok(Document { pages })
}

/// Reads `file` (see [`load_pages`]) with `reader`.
pub fn read_file(reader: &dyn TextReader, file: &Path, page: Option<usize>) -> Result<Document, OcrError> {
    read_pages(reader, &load_pages(file, page)?)
}
