//! QR codes drawn onto a certificate with rxing's encoder (a test-only dependency).

use image::{Rgb, RgbImage};
use rxing::{BarcodeFormat, EncodeHints, MultiFormatWriter, Writer};

/// Draws a QR code of `payload` bytes with its top-left corner at (`x`, `y`), `module` pixels
/// per module and the standard quiet zone. The bytes go into a byte segment as they are, with no
/// ECI header: how Chinese generators store GBK text.
pub fn draw_qr(page: &mut RgbImage, payload: &[u8], x: u32, y: u32, module: u32) -> [u32; 4] {
    // Each byte as the ISO-8859-1 character of the same value: the encoder's default character
    // set, which it writes without an ECI header.
    let latin1: String = payload.iter().map(|&b| char::from(b)).collect();
    let hints = EncodeHints { ErrorCorrection: Some("M".into()), ..EncodeHints::default() };
    let matrix = MultiFormatWriter
        .encode_with_hints(&latin1, &BarcodeFormat::QR_CODE, 0, 0, &hints)
        .expect("the payload fits a QR code");
    let (w, h) = (matrix.getWidth(), matrix.getHeight());
    for my in 0..h {
        for mx in 0..w {
            let colour = if matrix.get(mx, my) { Rgb([0, 0, 0]) } else { Rgb([255, 255, 255]) };
            for dy in 0..module {
                for dx in 0..module {
                    let (px, py) = (x + mx * module + dx, y + my * module + dy);
                    if px < page.width() && py < page.height() {
                        page.put_pixel(px, py, colour);
                    }
                }
            }
        }
    }
    [x, y, x + w * module, y + h * module]
}
