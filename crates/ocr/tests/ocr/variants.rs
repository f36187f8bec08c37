//! Phone-like versions of a clean certificate: turned, blurred, noisy, unevenly lit, saved as a
//! low-quality JPEG, scanned small, photographed on a desk; wrapped in an image-only PDF; and a QR
//! code printed on it.

use image::codecs::jpeg::JpegEncoder;
use image::imageops::{self, FilterType};
use image::{Rgb, RgbImage};
use imageproc::geometric_transformations::{Interpolation, Projection, warp_into};

/// A deterministic random source (xorshift64*), so every run makes the same images.
pub struct Noise(u64);

impl Noise {
    pub fn new(seed: u64) -> Self {
        Noise(seed.max(1))
    }

    fn next_f32(&mut self) -> f32 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        ((self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 40) as f32 + 0.5) / (1u64 << 24) as f32
    }

    /// A normally distributed value (Box–Muller).
    fn gaussian(&mut self) -> f32 {
        let (u, v) = (self.next_f32(), self.next_f32());
        (-2.0 * u.ln()).sqrt() * (std::f32::consts::TAU * v).cos()
    }
}

/// A desk's colour, around a photographed page.
pub const DESK: Rgb<u8> = Rgb([96, 78, 62]);

/// `page` turned by `degrees` clockwise about its centre, on a canvas that holds all of it, the
/// corners showing `fill`.
pub fn rotated(page: &RgbImage, degrees: f32, fill: Rgb<u8>) -> RgbImage {
    let (w, h) = (page.width() as f32, page.height() as f32);
    let t = degrees.to_radians();
    let (out_w, out_h) = (w * t.cos().abs() + h * t.sin().abs(), w * t.sin().abs() + h * t.cos().abs());
    let projection = Projection::translate(out_w / 2.0, out_h / 2.0)
        * Projection::rotate(t)
        * Projection::translate(-w / 2.0, -h / 2.0);
    let mut out = RgbImage::new(out_w.round() as u32, out_h.round() as u32);
    warp_into(page, &projection, Interpolation::Bilinear, fill, &mut out);
    out
}

/// Gaussian blur of standard deviation `sigma` pixels (an out-of-focus or shaken photo).
pub fn blurred(page: &RgbImage, sigma: f32) -> RgbImage {
    imageops::blur(page, sigma)
}

/// Sensor noise: each channel of each pixel moved by a normal value of deviation `sigma`.
pub fn noisy(page: &RgbImage, sigma: f32, seed: u64) -> RgbImage {
    let mut noise = Noise::new(seed);
    let mut out = page.clone();
    for pixel in out.pixels_mut() {
        let n = noise.gaussian() * sigma;
        for c in pixel.0.iter_mut() {
            *c = (f32::from(*c) + n).clamp(0.0, 255.0) as u8;
        }
    }
    out
}

/// Uneven light: full light in the top-left corner falling to `darkest` (0–1) in the bottom
/// right, with a lamp's warm tint and a vignette.
pub fn unevenly_lit(page: &RgbImage, darkest: f32) -> RgbImage {
    let (w, h) = (page.width() as f32, page.height() as f32);
    let mut out = page.clone();
    for (x, y, pixel) in out.enumerate_pixels_mut() {
        let (fx, fy) = (x as f32 / w, y as f32 / h);
        let gradient = 1.0 - (1.0 - darkest) * (fx + fy) / 2.0;
        let vignette = 1.0 - 0.25 * ((fx - 0.5).powi(2) + (fy - 0.5).powi(2));
        let light = gradient * vignette;
        for (c, tint) in pixel.0.iter_mut().zip([1.0, 0.95, 0.85]) {
            *c = (f32::from(*c) * light * tint).clamp(0.0, 255.0) as u8;
        }
    }
    out
}

/// The JPEG file of `page` at `quality` (1–100).
pub fn jpeg(page: &RgbImage, quality: u8) -> Vec<u8> {
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, quality).encode_image(page).expect("encoding a JPEG in memory");
    out
}

/// The PNG file of `page`.
pub fn png(page: &RgbImage) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    page.write_to(&mut out, image::ImageFormat::Png).expect("encoding a PNG in memory");
    out.into_inner()
}

/// `page` scaled to `factor` of its size (a scan at a low resolution).
pub fn scaled(page: &RgbImage, factor: f32) -> RgbImage {
    let (w, h) = ((page.width() as f32 * factor) as u32, (page.height() as f32 * factor) as u32);
    imageops::resize(page, w, h, FilterType::Triangle)
}

/// A phone photo of `page`: on a desk filling most of a `width` × `height` frame, turned by
/// `degrees`, unevenly lit, slightly out of focus and noisy.
pub fn photo(page: &RgbImage, width: u32, height: u32, degrees: f32) -> RgbImage {
    let fit = (width as f32 * 0.86 / page.width() as f32).min(height as f32 * 0.86 / page.height() as f32);
    let page = scaled(page, fit);
    let page = rotated(&page, degrees, DESK);
    let mut frame = RgbImage::from_pixel(width, height, DESK);
    let (x, y) = ((width - page.width().min(width)) / 2, (height - page.height().min(height)) / 2);
    imageops::overlay(&mut frame, &page, i64::from(x), i64::from(y));
    let frame = unevenly_lit(&frame, 0.6);
    let frame = blurred(&frame, 1.2);
    noisy(&frame, 6.0, 7)
}

/// A one-page PDF with no text, only `jpeg` (of `width` × `height` pixels) over an A4-landscape
/// page: what a scanner's "save as PDF" makes.
pub fn image_only_pdf(jpeg: &[u8], width: u32, height: u32) -> Vec<u8> {
    let (page_w, page_h) = (842.0, 842.0 * height as f32 / width as f32);
    let content = format!("q {page_w} 0 0 {page_h} 0 0 cm /Im0 Do Q\n");
    let mut out = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    let objects: Vec<(String, Option<&[u8]>)> = vec![
        ("<< /Type /Catalog /Pages 2 0 R >>".into(), None),
        ("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(), None),
        (
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {page_w} {page_h}] \
                 /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>"
            ),
            None,
        ),
        (
            format!(
                "<< /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace /DeviceRGB \
                 /BitsPerComponent 8 /Filter /DCTDecode /Length {} >>",
                jpeg.len()
            ),
            Some(jpeg),
        ),
        (format!("<< /Length {} >>", content.len()), Some(content.as_bytes())),
    ];
    for (n, (dict, stream)) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{dict}\n", n + 1).as_bytes());
        if let Some(data) = stream {
            out.extend_from_slice(b"stream\n");
            out.extend_from_slice(data);
            out.extend_from_slice(b"\nendstream\n");
        }
        out.extend_from_slice(b"endobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1).as_bytes());
    for offset in offsets.iter() {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", offsets.len() + 1).as_bytes(),
    );
    out
}
