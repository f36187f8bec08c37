//! The text layer of a PDF: each glyph that maps to Unicode, page by page, laid out in lines.

use std::panic::{AssertUnwindSafe, catch_unwind};

use hayro_interpret::hayro_syntax::{DecryptionError, LoadPdfError, Pdf};
use hayro_interpret::{Context, InterpreterCache, InterpreterSettings, interpret_page};
use kurbo::{Affine, Rect};

use crate::ReadingError;
use crate::layout::Collector;

/// The pages read: a certificate is one or two pages; a long file's first pages name its person.
pub const MAX_PAGES: usize = 10;
/// The largest file read (30 MB): evidence PDFs from the platforms are far smaller.
pub const MAX_BYTES: usize = 30 * 1024 * 1024;
/// The most characters kept from one file.
pub const MAX_CHARS: usize = 100_000;

/// Whether `bytes` begin like a PDF (`%PDF-` within the first kilobyte, as readers accept it).
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(1024)].windows(5).any(|w| w == b"%PDF-")
}

/// The text of the PDF `bytes`, lines in reading order and pages separated by a blank line;
/// `None` when it has no text layer (a scan or a photo saved as PDF). An error when the file is
/// over [`MAX_BYTES`], damaged, or needs a password.
pub fn pdf_text(bytes: &[u8]) -> Result<Option<String>, ReadingError> {
    if bytes.len() > MAX_BYTES {
        return Err(ReadingError::TooLarge);
    }
    // hayro is meant never to panic on a damaged file; should it, the file is called damaged.
    catch_unwind(AssertUnwindSafe(|| read(bytes.to_vec()))).unwrap_or(Err(ReadingError::Damaged))
}

fn read(bytes: Vec<u8>) -> Result<Option<String>, ReadingError> {
    let pdf = Pdf::new(bytes).map_err(|e| match e {
        LoadPdfError::Decryption(DecryptionError::PasswordProtected) => ReadingError::PasswordProtected,
        LoadPdfError::Decryption(_) => ReadingError::UnsupportedEncryption,
        LoadPdfError::Invalid => ReadingError::Damaged,
    })?;
    let cache = InterpreterCache::new();
    let mut pages = Vec::new();
    let mut budget = MAX_CHARS;
    for page in pdf.pages().iter().take(MAX_PAGES) {
        let settings = InterpreterSettings { render_annotations: false, ..InterpreterSettings::default() };
        let mut context = Context::new(Affine::IDENTITY, Rect::new(0.0, 0.0, 1.0, 1.0), &cache, pdf.xref(), settings);
        let mut collector = Collector::new(budget);
        interpret_page(page, &mut context, &mut collector);
        let text = collector.into_text();
        budget = budget.saturating_sub(text.chars().count());
        pages.push(text);
        if budget == 0 {
            break;
        }
    }
    let text = pages.iter().map(|p| p.trim()).filter(|p| !p.is_empty()).collect::<Vec<_>>().join("\n\n");
    Ok((!text.is_empty()).then_some(text))
}
