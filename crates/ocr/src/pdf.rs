//! PDF pages without a text layer (scans, photos saved as PDF) rendered by hayro — the same
//! renderer typst brings into the build — at a resolution good for recognition.

use std::panic::{AssertUnwindSafe, catch_unwind};

use hayro::hayro_interpret::InterpreterSettings;
use hayro::hayro_syntax::{DecryptionError, LoadPdfError, Pdf};
use hayro::vello_cpu::color::palette::css::WHITE;
use hayro::{RenderCache, RenderSettings};
use image::RgbImage;

use crate::OcrError;
use crate::prepare::WORK_LONG_SIDE;

/// The pages read when no page is asked for: a certificate has one or two.
pub const MAX_PAGES: usize = 10;
/// The highest resolution a small page is rendered at (dots per inch).
const MAX_DPI: f32 = 300.0;

/// Renders page `page` (1-based) of the PDF, or each of its first [`MAX_PAGES`] pages; with the
/// number of pages the PDF has.
pub fn render_pages(bytes: Vec<u8>, page: Option<usize>) -> Result<(Vec<RgbImage>, usize), OcrError> {
    // hayro is meant never to panic on a damaged file; should it, the file is called damaged.
    catch_unwind(AssertUnwindSafe(|| render(bytes, page))).unwrap_or(Err(OcrError::DamagedPdf))
}

fn render(bytes: Vec<u8>, page: Option<usize>) -> Result<(Vec<RgbImage>, usize), OcrError> {
    let pdf = Pdf::new(bytes).map_err(|e| match e {
        LoadPdfError::Decryption(DecryptionError::PasswordProtected) => OcrError::PdfPassword,
        _ => OcrError::DamagedPdf,
    })?;
    let pages = pdf.pages();
    let wanted: Vec<usize> = match page {
        Some(n) if n == 0 || n > pages.len() => {
            return Err(OcrError::NoSuchPage { requested: n, pages: pages.len() });
        }
        Some(n) => vec![n - 1],
        None => (0..pages.len().min(MAX_PAGES)).collect(),
    };
    if wanted.is_empty() {
        return Err(OcrError::DamagedPdf);
    }
    let cache = RenderCache::new();
    let settings = InterpreterSettings { render_annotations: false, ..InterpreterSettings::default() };
    let mut images = Vec::with_capacity(wanted.len());
    for index in wanted {
        let page = &pages[index];
        let (width, height) = page.render_dimensions();
        let long = width.max(height);
        if !(long.is_finite() && width >= 1.0 && height >= 1.0) {
            return Err(OcrError::DamagedPdf);
        }
        // One point is 1/72 inch: the page's longer side at WORK_LONG_SIDE pixels, at most 300 dpi.
        let scale = (WORK_LONG_SIDE as f32 / long).min(MAX_DPI / 72.0);
        let (w, h) = ((width * scale).round().max(1.0) as u16, (height * scale).round().max(1.0) as u16);
        let render_settings =
            RenderSettings { x_scale: scale, y_scale: scale, width: Some(w), height: Some(h), bg_color: WHITE };
        let pixmap = hayro::render(page, &cache, &settings, &render_settings);
        let (w, h) = (u32::from(pixmap.width()), u32::from(pixmap.height()));
        if w == 0 || h == 0 {
            return Err(OcrError::DamagedPdf);
        }
        // Premultiplied RGBA over a white background: opaque, so the colours are as they are.
        let rgb: Vec<u8> = pixmap.data_as_u8_slice().chunks_exact(4).flat_map(|p| [p[0], p[1], p[2]]).collect();
        images.push(RgbImage::from_raw(w, h, rgb).ok_or(OcrError::DamagedPdf)?);
    }
    Ok((images, pages.len()))
}
