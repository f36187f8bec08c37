//! The inputs the helper takes and the ones it refuses: each refusal in words for the user, never a
//! panic, and a huge image refused before it is decoded.

use xueshi_ocr::{OcrError, Page, input, qr::read_qr_codes};

use crate::qr_art::draw_qr;
use crate::synth::certificate;
use crate::variants;

fn pages(bytes: Vec<u8>, page: Option<usize>) -> Result<Vec<Page>, OcrError> {
    input::pages(bytes, page)
}

/// CRC-32 (PNG's), for writing chunks by hand.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

/// A PNG whose header claims `width` × `height` pixels, with no pixel data after it.
fn png_header_only(width: u32, height: u32) -> Vec<u8> {
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend_from_slice(&13u32.to_be_bytes());
    png.extend_from_slice(&ihdr);
    png.extend_from_slice(&crc32(&ihdr).to_be_bytes());
    png
}

/// `jpeg` with an EXIF block saying how to turn it for display (`orientation`, 1–8).
fn with_exif_orientation(jpeg: &[u8], orientation: u16) -> Vec<u8> {
    let mut tiff = b"II*\x00\x08\x00\x00\x00\x01\x00".to_vec();
    tiff.extend_from_slice(&0x0112u16.to_le_bytes()); // Orientation
    tiff.extend_from_slice(&3u16.to_le_bytes()); // SHORT
    tiff.extend_from_slice(&1u32.to_le_bytes());
    tiff.extend_from_slice(&orientation.to_le_bytes());
    tiff.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
    let body = [&b"Exif\x00\x00"[..], &tiff].concat();
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&((body.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&body);
    out.extend_from_slice(&jpeg[2..]);
    out
}

#[test]
fn png_jpeg_and_webp_images_are_taken() {
    let page = certificate(600, 424);
    let mut webp = Vec::new();
    image::codecs::webp::WebPEncoder::new_lossless(&mut webp)
        .encode(page.as_raw(), page.width(), page.height(), image::ExtendedColorType::Rgb8)
        .expect("encoding a WebP");
    for bytes in [variants::png(&page), variants::jpeg(&page, 90), webp] {
        let pages = pages(bytes, None).expect("the image decodes");
        assert_eq!(pages.len(), 1);
        assert_eq!(pages[0].image.dimensions(), (600, 424));
    }
}

#[test]
fn a_phone_photo_stored_sideways_is_turned_by_its_exif_orientation() {
    let stored = image::imageops::rotate270(&certificate(600, 424));
    let jpeg = with_exif_orientation(&variants::jpeg(&stored, 90), 6);
    let pages = pages(jpeg, None).expect("the photo decodes");
    assert_eq!(pages[0].image.dimensions(), (600, 424), "shown upright, as the phone does");
    assert_eq!((pages[0].width, pages[0].height), (600, 424));
}

#[test]
fn a_large_jpeg_is_decoded_at_a_fraction_of_its_size() {
    let photo = variants::scaled(&certificate(1754, 1240), 2.4);
    let pages = pages(variants::jpeg(&photo, 80), None).expect("the photo decodes");
    let (w, h) = pages[0].image.dimensions();
    assert!(w.max(h) >= 2000 && w.max(h) < photo.width(), "decoded at {w}×{h}, not at full size");
    assert_eq!((pages[0].width, pages[0].height), photo.dimensions(), "the page keeps its size");
}

#[test]
fn the_pages_of_a_pdf_are_rendered_and_a_missing_page_is_named() {
    let page = certificate(1754, 1240);
    let pdf = variants::image_only_pdf(&variants::jpeg(&page, 85), page.width(), page.height());
    let rendered = pages(pdf.clone(), Some(1)).expect("page 1 renders");
    let (w, h) = rendered[0].image.dimensions();
    assert_eq!(w, 2000, "the longer side at the working size");
    assert!((h as f32 - 2000.0 * 1240.0 / 1754.0).abs() < 3.0);
    let error = pages(pdf, Some(3)).expect_err("there is no page 3").to_string();
    assert_eq!(error, "页码 3 超出范围：这份文件共 1 页。");
}

#[test]
fn heic_other_formats_and_damaged_files_are_refused_in_words() {
    let heic = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic".to_vec();
    assert!(matches!(pages(heic, None), Err(OcrError::Heic)));
    let message = OcrError::Heic.to_string();
    assert!(message.contains("HEIC") && message.contains("JPEG"), "{message}");
    assert!(matches!(pages(b"GIF89a....".to_vec(), None), Err(OcrError::UnsupportedFormat)));
    assert!(matches!(pages(b"just text".to_vec(), None), Err(OcrError::UnsupportedFormat)));
    let mut cut = variants::png(&certificate(300, 212));
    cut.truncate(cut.len() / 2);
    assert!(matches!(pages(cut, None), Err(OcrError::DamagedImage)));
    assert!(matches!(pages(b"%PDF-1.7\n garbage".to_vec(), None), Err(OcrError::DamagedPdf)));
    assert!(matches!(pages(variants::png(&certificate(300, 212)), Some(2)), Err(OcrError::NoSuchPage { .. })));
}

#[test]
fn a_huge_image_is_refused_before_it_is_decoded() {
    let error = pages(png_header_only(100_000, 100_000), None).expect_err("too large");
    assert!(matches!(error, OcrError::ImageTooLarge { width: 100_000, height: 100_000, .. }), "{error}");
    assert!(error.to_string().starts_with("图片太大（100000×100000 像素）"), "{error}");
    // Within the pixel limit but with no data: damaged, and nothing large allocated meanwhile.
    assert!(matches!(pages(png_header_only(7000, 7000), None), Err(OcrError::DamagedImage)));
}

#[test]
fn qr_codes_are_read_with_their_gbk_text_and_where_they_are() {
    let mut page = certificate(1754, 1240);
    let url = b"https://zs.example.cn/verify?no=HN-2024-0001";
    let (gbk, _, _) = encoding_rs::GBK.encode("湖南省继续教育中心 证书编号：HN-2024-0001");
    let url_box = draw_qr(&mut page, url, 120, 900, 5);
    draw_qr(&mut page, &gbk, 1450, 900, 5);
    let codes = read_qr_codes(&page);
    let texts: Vec<&str> = codes.iter().map(|c| c.text.as_str()).collect();
    assert!(texts.contains(&"https://zs.example.cn/verify?no=HN-2024-0001"), "{texts:?}");
    assert!(texts.contains(&"湖南省继续教育中心 证书编号：HN-2024-0001"), "{texts:?}");
    let url_code = codes.iter().find(|c| c.text.starts_with("https")).expect("the link");
    let [l, t, r, b] = url_code.bbox;
    assert!(l >= url_box[0] as f32 && t >= url_box[1] as f32 && r <= url_box[2] as f32 && b <= url_box[3] as f32);
}

#[test]
fn a_qr_code_in_a_blurred_tilted_photo_is_read() {
    let mut page = certificate(1754, 1240);
    draw_qr(&mut page, b"https://zs.example.cn/verify?no=HN-2024-0001", 120, 900, 5);
    let photo = variants::photo(&page, 2000, 1500, 5.0);
    let photo = image::load_from_memory(&variants::jpeg(&photo, 60)).expect("decodes").to_rgb8();
    let codes = read_qr_codes(&photo);
    assert_eq!(codes.len(), 1, "{codes:?}");
    assert_eq!(codes[0].text, "https://zs.example.cn/verify?no=HN-2024-0001");
}
