//! Certificates the tests write themselves, from a seed: varied people, numbers, titles, bodies,
//! dates, 学时 and wordings in three layouts (see [`layouts`]), set on a page with the bundled font
//! (sentences wrapped as a word processor would, a quoted title running on to the next line),
//! with what each certificate states as the record should take it.

mod forms;
mod layouts;
pub mod words;

use chrono::NaiveDate;
use image::RgbImage;
use xueshi_core::kinds::ActivityKind;

use crate::qr_art::draw_qr;
use crate::synth::{Align, MARGIN, Printed, font, page, text_width};

/// What a certificate states, as the record should take it; `None` for what it does not state.
#[derive(Clone, Debug)]
pub struct Truth {
    pub name: Option<String>,
    pub certificate_number: Option<String>,
    pub title: Option<String>,
    pub provider: Option<String>,
    pub date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub hours: Option<f64>,
    pub credits: Option<f64>,
    pub kind: Option<ActivityKind>,
    pub id_number: Option<String>,
    /// The link of its verification QR code.
    pub qr: Option<String>,
    /// The holder's 身份证号 as the profile has it, printed or not.
    pub owner_id: String,
}

/// A certificate: its lines as printed, its page's size and what it states.
pub struct Certificate {
    pub layout: &'static str,
    pub lines: Vec<Printed>,
    pub width: u32,
    pub height: u32,
    /// Where the first line's baseline is, as a fraction of the height.
    pub top: f32,
    pub truth: Truth,
}

impl Certificate {
    /// The certificate as a clean 150 dpi scan, its QR code printed at the bottom left.
    pub fn scan(&self) -> RgbImage {
        let mut image = page(self.width, self.height, &self.lines, self.top);
        if let Some(link) = &self.truth.qr {
            let (x, y) = ((self.width as f32 * 0.1) as u32, (self.height as f32 * QR_TOP) as u32);
            draw_qr(&mut image, link.as_bytes(), x, y, 5);
        }
        image
    }

    /// The text printed, line by line (what a born-digital PDF of it would give).
    pub fn text(&self) -> Vec<String> {
        self.lines.iter().map(|l| l.text.clone()).collect()
    }
}

/// The certificate of `seed`: its layout by the seed (in turn, so that a few seeds give all
/// three), everything else drawn from it.
pub fn certificate(seed: u64) -> Certificate {
    let mut rng = words::Lcg::new(seed);
    match seed % 3 {
        0 => layouts::completion(&mut rng),
        1 => layouts::platform_proof(&mut rng),
        _ => layouts::qualification(&mut rng),
    }
}

/// Where a QR code's top is, as a fraction of the page's height; text stays above it.
const QR_TOP: f32 = 0.8;
/// Where the heading's baseline is.
const TOP: f32 = 0.15;

/// A certificate's lines being set: a heading, then lines at the left margin or flush right, and
/// paragraphs wrapped to the page's width.
struct Body {
    width: u32,
    height: u32,
    size: f32,
    lines: Vec<Printed>,
    /// The paragraph being set: its pieces, none of which is broken but a quoted title.
    pending: Vec<String>,
}

impl Body {
    fn landscape(heading: &str) -> Body {
        Body::new(heading, 1754, 1240, 0.085, 0.038)
    }

    fn portrait(heading: &str) -> Body {
        Body::new(heading, 1240, 1754, 0.055, 0.026)
    }

    fn new(heading: &str, width: u32, height: u32, heading_size: f32, size: f32) -> Body {
        let h = height as f32;
        let lines = vec![Printed { text: heading.to_owned(), size: h * heading_size, align: Align::Centre }];
        Body { width, height, size: h * size, lines, pending: Vec::new() }
    }

    fn line(&mut self, text: &str, align: Align) {
        self.flush();
        self.lines.push(Printed { text: text.to_owned(), size: self.size, align });
    }

    fn left(&mut self, text: &str) {
        self.line(text, Align::Left);
    }

    fn right(&mut self, text: &str) {
        self.line(text, Align::Right);
    }

    /// Begins a paragraph of `pieces`.
    fn paragraph(&mut self, pieces: &[&str]) {
        self.flush();
        self.continue_paragraph(pieces);
    }

    /// Adds `pieces` to the paragraph being set.
    fn continue_paragraph(&mut self, pieces: &[&str]) {
        self.pending.extend(pieces.iter().map(|p| (*p).to_owned()));
    }

    /// Sets the pending paragraph: pieces fill a line while they fit; a quoted title that does not
    /// fit is broken where the line ends.
    fn flush(&mut self) {
        let font = font();
        let room = self.width as f32 * (1.0 - 2.0 * MARGIN);
        let mut current = String::new();
        for piece in std::mem::take(&mut self.pending) {
            if text_width(&font, self.size, &(current.clone() + &piece)) <= room {
                current.push_str(&piece);
                continue;
            }
            let breakable = piece.starts_with('“') || text_width(&font, self.size, &piece) > room;
            if !breakable && !current.is_empty() {
                self.lines.push(Printed { text: std::mem::take(&mut current), size: self.size, align: Align::Left });
                current = piece;
                continue;
            }
            for c in piece.chars() {
                // Closing punctuation never begins a line: it stands past the margin instead.
                let closing = "，。；：、”）".contains(c);
                if !closing && text_width(&font, self.size, &format!("{current}{c}")) > room {
                    self.lines.push(Printed {
                        text: std::mem::take(&mut current),
                        size: self.size,
                        align: Align::Left,
                    });
                }
                current.push(c);
            }
        }
        if !current.is_empty() {
            self.lines.push(Printed { text: current, size: self.size, align: Align::Left });
        }
    }

    /// The certificate, its lines made smaller if they would not fit above the bottom (or the QR
    /// code).
    fn finish(mut self, truth: Truth) -> Certificate {
        self.flush();
        let h = self.height as f32;
        let bottom = if truth.qr.is_some() { QR_TOP - 0.02 } else { 0.9 };
        let used: f32 = self.lines.iter().skip(1).map(|l| l.size * 1.75).sum::<f32>() + self.lines[0].size * 1.6;
        let scale = ((bottom - TOP) * h / used).min(1.0);
        for line in &mut self.lines {
            line.size *= scale;
        }
        let layout = layout_name(&self.lines[0].text);
        Certificate { layout, lines: self.lines, width: self.width, height: self.height, top: TOP, truth }
    }
}

/// The layout a heading belongs to.
fn layout_name(heading: &str) -> &'static str {
    if heading.contains("结业") {
        "结业证书"
    } else if heading.contains("合格") {
        "培训合格证书"
    } else {
        "学时证明"
    }
}
