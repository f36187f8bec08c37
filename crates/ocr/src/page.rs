//! Reading one page: scaled down, turned upright (a photo taken sideways or upside down), levelled
//! (deskew), recognised, its lines put in reading order and their boxes given as fractions of the
//! page as it was given; and its QR codes.

use image::RgbImage;
use imageproc::geometric_transformations::Projection;
use serde::Serialize;

use crate::input::Page;
use crate::prepare::{downscale, is_sideways, mean_confidence, rotate, score, skew_degrees};
use crate::qr::{QrCode, read_qr_codes};
use crate::reader::{OcrLine, TextReader};
use crate::{OcrError, order};

/// Below this mean confidence a reading is taken for text upside down (or read sideways the wrong
/// way round), and the page is turned and read again.
const UPRIGHT_CONFIDENCE: f32 = 0.8;
/// A tilted page is levelled and read again only when its first reading was below this mean
/// confidence: the recognizer straightens each line it cuts out, so a few degrees of tilt cost
/// nothing (measured: 3–8° read as well as level text), and a second reading costs a second.
const LEVEL_AGAIN_BELOW: f32 = 0.9;
/// Text tilted by less than this (degrees) is never levelled.
pub const DESKEW_MIN_DEGREES: f32 = 1.0;
/// Text tilted by more than this is always levelled and read again (long lines at steep angles
/// are where detection starts to merge and split lines).
pub const DESKEW_ALWAYS_DEGREES: f32 = 10.0;

/// What was read on one page.
#[derive(Debug, Clone, Serialize)]
pub struct PageText {
    pub width: u32,
    pub height: u32,
    pub lines: Vec<Line>,
    pub qr: Vec<QrCode>,
}

/// One line of text: `bbox` is `[left, top, right, bottom]` as fractions of the page's width and
/// height, from its top-left corner.
#[derive(Debug, Clone, Serialize)]
pub struct Line {
    pub text: String,
    pub bbox: [f32; 4],
    pub confidence: f32,
}

/// A reading of the page turned by `degrees` clockwise.
struct Attempt {
    degrees: f32,
    lines: Vec<OcrLine>,
    /// From the scaled page's coordinates to the turned image's (the lines' coordinates).
    projection: Projection,
}

fn attempt(reader: &dyn TextReader, work: &RgbImage, degrees: f32) -> Result<Attempt, OcrError> {
    let (turned, projection) = rotate(work, degrees);
    let lines = reader.read(&turned)?;
    Ok(Attempt { degrees, lines, projection })
}

fn better(a: Attempt, b: Attempt) -> Attempt {
    if score(&b.lines) > score(&a.lines) { b } else { a }
}

/// Reads the text and the QR codes of `page`.
pub fn read_page(reader: &dyn TextReader, page: &Page) -> Result<PageText, OcrError> {
    let (work, scale) = downscale(&page.image);
    let qr = read_qr_codes(&work);
    let mut best = attempt(reader, &work, 0.0)?;
    // The direction the text runs in the lines' image, clockwise from left-to-right.
    let mut direction = 0.0;
    if is_sideways(&best.lines) {
        if mean_confidence(&best.lines) >= UPRIGHT_CONFIDENCE {
            // Read already: the recognizer turns tall lines a quarter anticlockwise, which makes
            // text running top to bottom (a page turned clockwise) upright.
            direction = 90.0;
        } else {
            // Text running bottom to top: the page turned anticlockwise; turn it back.
            best = better(best, attempt(reader, &work, 90.0)?);
            direction = if best.degrees == 0.0 { 90.0 } else { 0.0 };
        }
    } else if mean_confidence(&best.lines) < UPRIGHT_CONFIDENCE && !best.lines.is_empty() {
        best = better(best, attempt(reader, &work, 180.0)?);
    }
    if direction == 0.0 {
        let skew = skew_degrees(&best.lines).unwrap_or(0.0);
        let level_again = skew.abs() >= DESKEW_MIN_DEGREES
            && (skew.abs() > DESKEW_ALWAYS_DEGREES || mean_confidence(&best.lines) < LEVEL_AGAIN_BELOW);
        if level_again {
            let levelled = attempt(reader, &work, best.degrees - skew)?;
            best = better(best, levelled);
        }
        direction = skew_degrees(&best.lines).unwrap_or(0.0);
    }
    // Boxes as fractions of the image read, which shows the whole page.
    let (width, height) = page.image.dimensions();
    let to_page = Projection::scale(1.0 / scale, 1.0 / scale) * best.projection.invert();
    let lines = order::reading_order(best.lines, direction)
        .into_iter()
        .map(|line| Line {
            bbox: fraction_box(&to_page, &line.quad, width, height),
            confidence: (line.confidence * 1000.0).round() / 1000.0,
            text: line.text,
        })
        .collect();
    // The QR codes were read on the scaled page as it was given.
    let qr = qr
        .into_iter()
        .map(|code| {
            let [l, t, r, b] = code.bbox;
            let quad = [(l, t), (r, t), (r, b), (l, b)];
            QrCode { bbox: fraction_box(&Projection::scale(1.0 / scale, 1.0 / scale), &quad, width, height), ..code }
        })
        .collect();
    Ok(PageText { width: page.width, height: page.height, lines, qr })
}

/// The axis-aligned box of `quad` (in the prepared image) on the page, as fractions.
fn fraction_box(to_page: &Projection, quad: &[(f32, f32); 4], width: u32, height: u32) -> [f32; 4] {
    let points = quad.map(|p| *to_page * p);
    let (mut l, mut t, mut r, mut b) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
    for (x, y) in points {
        (l, t, r, b) = (l.min(x), t.min(y), r.max(x), b.max(y));
    }
    let (w, h) = (width.max(1) as f32, height.max(1) as f32);
    [l / w, t / h, r / w, b / h].map(clamp_fraction)
}

fn clamp_fraction(v: f32) -> f32 {
    (v.clamp(0.0, 1.0) * 10_000.0).round() / 10_000.0
}
