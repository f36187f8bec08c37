//! QR codes on a page (platform certificates carry one that links to their verification page),
//! read with rxing from a grey copy of the page; payloads in GBK (common on Chinese systems) are
//! decoded from their raw bytes.

use image::RgbImage;
use rxing::{BarcodeFormat, DecodeHints, RXingResultMetadataType, RXingResultMetadataValue};
use serde::Serialize;

/// A QR code: its text and its box (`[left, top, right, bottom]`; pixels of the image read until
/// the page turns them into fractions of the page).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QrCode {
    pub text: String,
    pub bbox: [f32; 4],
}

/// The QR codes found on `image` (none when there are none or they cannot be read).
pub fn read_qr_codes(image: &RgbImage) -> Vec<QrCode> {
    let (width, height) = image.dimensions();
    if width == 0 || height == 0 {
        return Vec::new();
    }
    let luma: Vec<u8> = image
        .pixels()
        .map(|p| ((u32::from(p[0]) * 299 + u32::from(p[1]) * 587 + u32::from(p[2]) * 114) / 1000) as u8)
        .collect();
    let mut hints = DecodeHints { PossibleFormats: Some([BarcodeFormat::QR_CODE].into()), ..DecodeHints::default() };
    let results = match rxing::helpers::detect_multiple_in_luma_with_hints(luma, width, height, &mut hints) {
        Ok(results) => results,
        Err(_) => return Vec::new(),
    };
    let mut codes: Vec<QrCode> = results
        .iter()
        .map(|result| {
            let segments = match result.getRXingResultMetadata().get(&RXingResultMetadataType::BYTE_SEGMENTS) {
                Some(RXingResultMetadataValue::ByteSegments(segments)) => Some(segments.concat()),
                _ => None,
            };
            let text = payload_text(result.getText(), segments.as_deref());
            let points = result.getPoints();
            let (mut l, mut t, mut r, mut b) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
            for p in points {
                (l, t, r, b) = (l.min(p.x), t.min(p.y), r.max(p.x), b.max(p.y));
            }
            let bbox = if points.is_empty() { [0.0; 4] } else { [l, t, r, b] };
            QrCode { text, bbox }
        })
        .collect();
    codes.dedup_by(|a, b| a.text == b.text);
    codes
}

/// The text of a payload: rxing's own when it is plain ASCII; otherwise its raw bytes (the byte
/// segments, or, when the reader gave none, rxing's ISO-8859-1 reading turned back into bytes) as
/// UTF-8 if they are valid UTF-8, else as GBK (GB18030) if they decode without error, else
/// rxing's guess. Chinese generators write GBK without saying so (no ECI header).
pub fn payload_text(decoded: &str, byte_segments: Option<&[u8]>) -> String {
    if decoded.is_ascii() {
        return decoded.to_string();
    }
    let latin1: Option<Vec<u8>> = decoded.chars().map(|c| u8::try_from(u32::from(c)).ok()).collect();
    let Some(bytes) = byte_segments.filter(|b| !b.is_empty()).map(<[u8]>::to_vec).or(latin1) else {
        return decoded.to_string();
    };
    if let Ok(text) = String::from_utf8(bytes.clone()) {
        return text;
    }
    let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(&bytes);
    if had_errors { decoded.to_string() } else { text.into_owned() }
}

#[cfg(test)]
mod tests {
    use super::payload_text;

    #[test]
    fn gbk_bytes_are_read_as_chinese_and_utf8_stays_utf8() {
        let (gbk, _, _) = encoding_rs::GBK.encode("湖南省继续教育证书查验");
        assert_eq!(payload_text("ºþÄÏ", Some(&gbk)), "湖南省继续教育证书查验");
        assert_eq!(payload_text("æ¹\u{96}", Some("湖南".as_bytes())), "湖南");
        assert_eq!(
            payload_text("https://example.cn/v?id=1", Some(b"https://example.cn/v?id=1")),
            "https://example.cn/v?id=1"
        );
        assert_eq!(payload_text("ÿ", Some(&[0xff])), "ÿ");
        // No byte segments: rxing's ISO-8859-1 reading of GBK bytes, turned back.
        let latin1: String = gbk.iter().map(|&b| char::from(b)).collect();
        assert_eq!(payload_text(&latin1, None), "湖南省继续教育证书查验");
        assert_eq!(payload_text("café", None), "café");
    }
}
