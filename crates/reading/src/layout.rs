//! Glyphs into lines: hayro hands over each glyph with where it is drawn; the text is those on
//! the same baseline from left to right, a space where a gap is wider than a quarter of the
//! type's size, and the lines from the top of the page down, each with the box it covers.

use hayro_interpret::font::Glyph;
use hayro_interpret::hayro_cmap::BfString;
use hayro_interpret::{BlendMode, ClipPath, Device, GlyphDrawMode, Image, Paint, PathDrawMode, SoftMask};
use kurbo::{Affine, BezPath, Point};

/// One glyph that maps to text: where its origin is, where its advance ends, how large it is.
struct Placed {
    x: f64,
    y: f64,
    end: f64,
    size: f64,
    text: String,
}

/// A [`Device`] that keeps the text of the glyphs drawn, up to a number of characters.
pub(crate) struct Collector {
    glyphs: Vec<Placed>,
    room: usize,
}

impl Collector {
    pub(crate) fn new(room: usize) -> Collector {
        Collector { glyphs: Vec::new(), room }
    }

    /// The page's lines from top to bottom, each from left to right, with the box they cover in
    /// the page's own space (y downwards: the collector is given the page's initial transform).
    pub(crate) fn into_lines(mut self) -> Vec<(String, [f64; 4])> {
        self.glyphs.sort_by(|a, b| a.y.total_cmp(&b.y));
        let mut lines: Vec<(f64, Vec<Placed>)> = Vec::new();
        for glyph in self.glyphs {
            match lines.last_mut() {
                Some((y, line)) if (*y - glyph.y).abs() <= glyph.size.max(1.0) * 0.4 => line.push(glyph),
                _ => lines.push((glyph.y, vec![glyph])),
            }
        }
        let mut out = Vec::new();
        for (_, mut line) in lines {
            line.sort_by(|a, b| a.x.total_cmp(&b.x));
            let mut text = String::new();
            let mut end: Option<f64> = None;
            let mut bbox = [f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY];
            for glyph in line {
                if end.is_some_and(|end| glyph.x - end > glyph.size * 0.25) {
                    text.push(' ');
                }
                text.push_str(&glyph.text);
                end = Some(glyph.end.max(glyph.x));
                // The type's ascent and descent taken as 0.8 and 0.2 of its size.
                bbox = [
                    bbox[0].min(glyph.x),
                    bbox[1].min(glyph.y - glyph.size * 0.8),
                    bbox[2].max(glyph.end.max(glyph.x)),
                    bbox[3].max(glyph.y + glyph.size * 0.2),
                ];
            }
            out.push((text, bbox));
        }
        out
    }
}

impl<'a> Device<'a> for Collector {
    fn draw_glyph(
        &mut self,
        glyph: &Glyph<'a>,
        transform: Affine,
        glyph_transform: Affine,
        _: &Paint<'a>,
        _: &GlyphDrawMode,
    ) {
        if self.room == 0 {
            return;
        }
        let Some(unicode) = glyph.as_unicode() else { return };
        let text: String = match unicode {
            BfString::Char(c) => c.to_string(),
            BfString::String(s) => s,
        };
        let text: String = text.chars().filter(|c| !c.is_whitespace() && !c.is_control()).take(self.room).collect();
        if text.is_empty() {
            return;
        }
        self.room -= text.chars().count();
        // Glyph space has 1000 units to the em.
        let whole = transform * glyph_transform;
        let origin = whole * Point::ORIGIN;
        let size = (whole * Point::new(0.0, 1000.0) - origin).hypot();
        let advance = match glyph {
            Glyph::Outline(outline) => outline.advance_width().map_or(1000.0, f64::from),
            Glyph::Type3(_) => 1000.0,
        };
        let end = whole * Point::new(advance, 0.0);
        self.glyphs.push(Placed { x: origin.x, y: origin.y, end: end.x, size, text });
    }

    fn set_soft_mask(&mut self, _: Option<SoftMask<'a>>) {}
    fn set_blend_mode(&mut self, _: BlendMode) {}
    fn draw_path(&mut self, _: &BezPath, _: Affine, _: &Paint<'a>, _: &PathDrawMode) {}
    fn push_clip_path(&mut self, _: &ClipPath) {}
    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}
    fn draw_image(&mut self, _: Image<'a, '_>, _: Affine) {}
    fn pop_clip_path(&mut self) {}
    fn pop_transparency_group(&mut self) {}
}
