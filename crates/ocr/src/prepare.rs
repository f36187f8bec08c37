//! Pre-processing before recognition: a large photo scaled down to what the detector needs, the
//! page turned upright (quarter turns) and its text made level (deskew), with the mapping that
//! takes a point of the prepared image back to the page as given.

use image::imageops::{self, FilterType};
use image::{Rgb, RgbImage};
use imageproc::geometric_transformations::{Interpolation, Projection, warp_into};

use crate::reader::OcrLine;

/// The longer side of the image recognised. The detector works at 960 px; the recognizer cuts the
/// lines out of this image and scales each to 48 px high, so certificate text keeps 25–60 px.
pub const WORK_LONG_SIDE: u32 = 2000;

/// `page` scaled so that its longer side is at most [`WORK_LONG_SIDE`], and the scale used.
pub fn downscale(page: &RgbImage) -> (RgbImage, f32) {
    let long = page.width().max(page.height());
    if long <= WORK_LONG_SIDE {
        return (page.clone(), 1.0);
    }
    let scale = WORK_LONG_SIDE as f32 / long as f32;
    let (w, h) = ((page.width() as f32 * scale).round().max(1.0), (page.height() as f32 * scale).round().max(1.0));
    (imageops::resize(page, w as u32, h as u32, FilterType::Triangle), scale)
}

/// An image turned by `degrees` clockwise (any angle) on a canvas large enough to hold all of it,
/// the new corners filled with the page's own background; and the projection from the input's
/// coordinates to the output's.
pub fn rotate(image: &RgbImage, degrees: f32) -> (RgbImage, Projection) {
    let (w, h) = (image.width() as f32, image.height() as f32);
    let theta = degrees.to_radians();
    let (sin, cos) = (theta.sin().abs(), theta.cos().abs());
    let (out_w, out_h) = ((w * cos + h * sin).round().max(1.0), (w * sin + h * cos).round().max(1.0));
    let projection = Projection::translate(out_w / 2.0, out_h / 2.0)
        * Projection::rotate(theta)
        * Projection::translate(-w / 2.0, -h / 2.0);
    let quarter = (degrees / 90.0).round();
    // Quarter turns move pixels exactly.
    let out = match (quarter as i32).rem_euclid(4) {
        _ if (degrees - quarter * 90.0).abs() > 1e-3 => {
            let mut out = RgbImage::new(out_w as u32, out_h as u32);
            warp_into(image, &projection, Interpolation::Bilinear, background(image), &mut out);
            out
        }
        1 => imageops::rotate90(image),
        2 => imageops::rotate180(image),
        3 => imageops::rotate270(image),
        _ => image.clone(),
    };
    (out, projection)
}

/// The page's background: the brightest of the mean colours of its four borders.
fn background(image: &RgbImage) -> Rgb<u8> {
    let (w, h) = image.dimensions();
    if w == 0 || h == 0 {
        return Rgb([255, 255, 255]);
    }
    let mean = |points: &mut dyn Iterator<Item = (u32, u32)>| {
        let (mut sum, mut n) = ([0u64; 3], 0u64);
        for (x, y) in points {
            for (total, value) in sum.iter_mut().zip(image.get_pixel(x, y).0) {
                *total += u64::from(value);
            }
            n += 1;
        }
        let n = n.max(1);
        Rgb([(sum[0] / n) as u8, (sum[1] / n) as u8, (sum[2] / n) as u8])
    };
    let borders = [
        mean(&mut (0..w).map(|x| (x, 0))),
        mean(&mut (0..w).map(|x| (x, h - 1))),
        mean(&mut (0..h).map(|y| (0, y))),
        mean(&mut (0..h).map(|y| (w - 1, y))),
    ];
    borders.into_iter().max_by_key(|p| u32::from(p[0]) + u32::from(p[1]) + u32::from(p[2])).unwrap_or(Rgb([255; 3]))
}

fn edge(a: (f32, f32), b: (f32, f32)) -> (f32, f32) {
    (b.0 - a.0, b.1 - a.1)
}

fn length(v: (f32, f32)) -> f32 {
    v.0.hypot(v.1)
}

/// The number of characters of a line, as a weight.
fn weight(line: &OcrLine) -> f32 {
    line.text.chars().filter(|c| !c.is_whitespace()).count() as f32
}

/// Whether most of the text (by characters) stands in boxes taller than wide: the page lies on its
/// side (turned by a quarter), since certificates are written in horizontal lines.
pub fn is_sideways(lines: &[OcrLine]) -> bool {
    let (mut tall, mut total) = (0.0, 0.0);
    for line in lines.iter().filter(|l| weight(l) >= 2.0) {
        let across = length(edge(line.quad[0], line.quad[1]));
        let down = length(edge(line.quad[0], line.quad[3]));
        total += weight(line);
        if down > 1.5 * across {
            tall += weight(line);
        }
    }
    total > 0.0 && tall > 0.5 * total
}

/// The tilt of the text in degrees (clockwise positive, as the image's y axis points down): the
/// weighted median of the slopes of the long lines, `None` when there are none.
pub fn skew_degrees(lines: &[OcrLine]) -> Option<f32> {
    let mut slopes: Vec<(f32, f32)> = lines
        .iter()
        .filter_map(|line| {
            let top = edge(line.quad[0], line.quad[1]);
            let side = length(edge(line.quad[0], line.quad[3]));
            (length(top) >= 3.0 * side && weight(line) >= 3.0).then(|| (top.1.atan2(top.0).to_degrees(), weight(line)))
        })
        .filter(|(angle, _)| angle.abs() < 45.0)
        .collect();
    if slopes.is_empty() {
        return None;
    }
    slopes.sort_by(|a, b| a.0.total_cmp(&b.0));
    let half = slopes.iter().map(|s| s.1).sum::<f32>() / 2.0;
    let mut seen = 0.0;
    slopes
        .into_iter()
        .find(|(_, w)| {
            seen += w;
            seen >= half
        })
        .map(|(angle, _)| angle)
}

/// How well a reading went: the characters read, each counted by its confidence, lines below
/// 0.5 (garbage from upside-down or sideways text) not at all.
pub fn score(lines: &[OcrLine]) -> f32 {
    lines.iter().filter(|l| l.confidence >= 0.5).map(|l| weight(l) * l.confidence).sum()
}

/// The mean confidence per character.
pub fn mean_confidence(lines: &[OcrLine]) -> f32 {
    let total: f32 = lines.iter().map(weight).sum();
    if total == 0.0 { 0.0 } else { lines.iter().map(|l| weight(l) * l.confidence).sum::<f32>() / total }
}
