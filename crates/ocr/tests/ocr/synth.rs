//! Synthetic certificates: the certificate's text drawn with the bundled Noto Serif CJK (GB2312
//! subset) onto a clean page, the way a scanner would see it.

use ab_glyph::{Font, FontRef, PxScale, ScaleFont, point};
use image::{Rgb, RgbImage};

/// The bundled font (fonts/ at the root of the repository).
const FONT: &[u8] = include_bytes!("../../../../fonts/NotoSerifCJKsc-Regular-GB2312.otf");

/// The certificate's lines as printed, and so the text recognition should give back.
pub const CERTIFICATE: &[&str] = &[
    "结业证书",
    "学员姓名：王晓梅",
    "身份证号：430102198805161237",
    "于2024年5月12日至5月13日参加“数字化教学能力提升研修班”，",
    "共计16学时，经考核合格，特发此证。",
    "证书编号：HN-2024-0001",
    "湖南省继续教育中心",
    "2024年5月14日",
];

/// Where a line stands: centred, flush right or at the left margin.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Align {
    Left,
    Centre,
    Right,
}

/// How each line of [`CERTIFICATE`] is set: its size (in units of the page's height) and where.
const LAYOUT: &[(f32, Align)] = &[
    (0.085, Align::Centre),
    (0.040, Align::Left),
    (0.040, Align::Left),
    (0.040, Align::Left),
    (0.040, Align::Left),
    (0.040, Align::Left),
    (0.040, Align::Right),
    (0.040, Align::Right),
];

/// One line to print: its text, its size in pixels and where it stands.
#[derive(Clone, Debug)]
pub struct Printed {
    pub text: String,
    pub size: f32,
    pub align: Align,
}

/// The paper's colour: slightly warm off-white, as certificates are.
pub const PAPER: Rgb<u8> = Rgb([250, 247, 238]);
const INK: Rgb<u8> = Rgb([28, 24, 22]);
const BORDER: Rgb<u8> = Rgb([160, 40, 36]);

/// The font, parsed.
pub fn font() -> FontRef<'static> {
    FontRef::try_from_slice(FONT).expect("the bundled font parses")
}

/// The width of `text` at `size` pixels.
pub fn text_width(font: &FontRef<'_>, size: f32, text: &str) -> f32 {
    let scaled = font.as_scaled(PxScale::from(size));
    text.chars().map(|c| scaled.h_advance(font.glyph_id(c))).sum()
}

/// Draws `text` with its baseline's left end at (`x`, `baseline`), blending `ink` over the image.
pub fn draw_text(image: &mut RgbImage, font: &FontRef<'_>, size: f32, x: f32, baseline: f32, text: &str, ink: Rgb<u8>) {
    let scale = PxScale::from(size);
    let scaled = font.as_scaled(scale);
    let mut pen = x;
    for c in text.chars() {
        let id = font.glyph_id(c);
        assert!(id.0 != 0 || c == ' ', "the font has no glyph for {c}");
        let glyph = id.with_scale_and_position(scale, point(pen, baseline));
        pen += scaled.h_advance(id);
        let Some(outline) = font.outline_glyph(glyph) else { continue };
        let bounds = outline.px_bounds();
        outline.draw(|gx, gy, coverage| {
            let (px, py) = (bounds.min.x as i64 + i64::from(gx), bounds.min.y as i64 + i64::from(gy));
            if px < 0 || py < 0 || px >= i64::from(image.width()) || py >= i64::from(image.height()) {
                return;
            }
            let pixel = image.get_pixel_mut(px as u32, py as u32);
            let a = coverage.clamp(0.0, 1.0);
            for (channel, ink) in pixel.0.iter_mut().zip(ink.0) {
                *channel = (f32::from(*channel) * (1.0 - a) + f32::from(ink) * a).round() as u8;
            }
        });
    }
}

/// The certificate as a clean scan, `width` × `height` pixels (landscape A4 proportions suit it):
/// a red double border, the title centred, the body at the left margin, the issuer and date flush
/// right.
pub fn certificate(width: u32, height: u32) -> RgbImage {
    let h = height as f32;
    let lines: Vec<Printed> = CERTIFICATE
        .iter()
        .zip(LAYOUT)
        .map(|(text, (size, align))| Printed { text: (*text).to_owned(), size: h * size, align: *align })
        .collect();
    page(width, height, &lines, 0.2)
}

/// A page of `width` × `height` pixels with a red double border and `lines` printed from
/// `top` (a fraction of the height) down, at a margin of 12 % of the width.
pub fn page(width: u32, height: u32, lines: &[Printed], top: f32) -> RgbImage {
    let mut page = RgbImage::from_pixel(width, height, PAPER);
    let (w, h) = (width as f32, height as f32);
    for (inset, thickness) in [(0.03, 0.006), (0.045, 0.002)] {
        let (ix, iy, t) = ((w * inset) as u32, (h * inset) as u32, ((h * thickness) as u32).max(1));
        for y in iy..height - iy {
            for x in ix..width - ix {
                let near_x = x < ix + t || x >= width - ix - t;
                let near_y = y < iy + t || y >= height - iy - t;
                if near_x || near_y {
                    page.put_pixel(x, y, BORDER);
                }
            }
        }
    }
    let font = font();
    let (margin_x, mut baseline) = (w * MARGIN, h * top);
    for line in lines {
        let width = text_width(&font, line.size, &line.text);
        let x = match line.align {
            Align::Left => margin_x,
            Align::Centre => (w - width) / 2.0,
            Align::Right => w - margin_x - width,
        };
        draw_text(&mut page, &font, line.size, x, baseline, &line.text, INK);
        baseline += if line.align == Align::Centre { line.size * 1.6 } else { line.size * 1.75 };
    }
    page
}

/// The page's left and right margins, as a fraction of its width.
pub const MARGIN: f32 = 0.12;
