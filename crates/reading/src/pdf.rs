//! The text layer of a PDF: each glyph that maps to Unicode, page by page, laid out in lines.

use std::panic::{AssertUnwindSafe, catch_unwind};

use hayro_interpret::hayro_syntax::{DecryptionError, LoadPdfError, Pdf};
use hayro_interpret::{Context, InterpreterCache, InterpreterSettings, interpret_page};
use kurbo::{Affine, Rect};

use crate::layout::Collector;
use crate::{ReadingError, TextLine};

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
    let Some(lines) = pdf_lines(bytes)? else { return Ok(None) };
    let mut text = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            text.push_str(if lines[i - 1].page == line.page { "\n" } else { "\n\n" });
        }
        text.push_str(&line.text);
    }
    Ok(Some(text))
}

/// The lines of the PDF `bytes` in reading order, each with its page and where on it (fractions
/// of the page from its top-left corner, as shown); `None` when it has no text layer. Errors as
/// [`pdf_text`]'s.
pub fn pdf_lines(bytes: &[u8]) -> Result<Option<Vec<TextLine>>, ReadingError> {
    if bytes.len() > MAX_BYTES {
        return Err(ReadingError::TooLarge);
    }
    // hayro is meant never to panic on a damaged file; should it, the file is called damaged.
    catch_unwind(AssertUnwindSafe(|| read(bytes.to_vec()))).unwrap_or(Err(ReadingError::Damaged))
}

fn read(bytes: Vec<u8>) -> Result<Option<Vec<TextLine>>, ReadingError> {
    let pdf = Pdf::new(bytes).map_err(|e| match e {
        LoadPdfError::Decryption(DecryptionError::PasswordProtected) => ReadingError::PasswordProtected,
        LoadPdfError::Decryption(_) => ReadingError::UnsupportedEncryption,
        LoadPdfError::Invalid => ReadingError::Damaged,
    })?;
    let cache = InterpreterCache::new();
    let mut lines = Vec::new();
    let mut budget = MAX_CHARS;
    for (number, page) in pdf.pages().iter().take(MAX_PAGES).enumerate() {
        let settings = InterpreterSettings { render_annotations: false, ..InterpreterSettings::default() };
        // The page as shown: y downwards from its top-left corner, its rotation applied.
        let shown = Affine::new(page.initial_transform(true).as_coeffs());
        let (width, height) = page.render_dimensions();
        let (width, height) = (f64::from(width).max(1.0), f64::from(height).max(1.0));
        let mut context = Context::new(shown, Rect::new(0.0, 0.0, width, height), &cache, pdf.xref(), settings);
        let mut collector = Collector::new(budget);
        interpret_page(page, &mut context, &mut collector);
        for (text, [l, t, r, b]) in collector.into_lines() {
            let text = text.trim();
            if text.is_empty() {
                continue;
            }
            budget = budget.saturating_sub(text.chars().count());
            let fraction = |v: f64, of: f64| (v / of).clamp(0.0, 1.0) as f32;
            let bbox = [fraction(l, width), fraction(t, height), fraction(r, width), fraction(b, height)];
            lines.push(TextLine { text: text.to_owned(), page: number, bbox: Some(bbox) });
        }
        if budget == 0 {
            break;
        }
    }
    Ok((!lines.is_empty()).then_some(lines))
}
