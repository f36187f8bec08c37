//! 证明材料汇编.pdf: a cover, a 目录, a page per record and a page per photo and per page of an
//! evidence PDF; bookmarks year → record → file; 第 x 页 / 共 y 页 and page labels on every page; a
//! phone photo scaled to at most 1650 pixels; a PDF that needs a password named on its page and in
//! the problems instead of skipped; written atomically, the same bytes for the same data.

use std::io::Cursor;
use std::sync::OnceLock;

use hayro_syntax::Pdf;
use hayro_syntax::object::Dict;
use image::{ImageFormat, RgbImage};

use crate::common::{Fixture, files_in, fonts, have};
use xueshi_export::{
    EvidenceBook, FolderSource, MAX_SIDE, PackageInput, ReportData, export_evidence_book, jpeg_page,
    render_evidence_book, render_pdf, scale_photo,
};

/// A photo of `width` × `height` pixels, as a phone would save it (JPEG).
pub fn photo(width: u32, height: u32) -> Vec<u8> {
    let image = RgbImage::from_fn(width, height, |x, y| image::Rgb([(x % 251) as u8, (y % 241) as u8, 120]));
    let mut out = Cursor::new(Vec::new());
    image.write_to(&mut out, ImageFormat::Jpeg).expect("encode");
    out.into_inner()
}

/// A PDF whose standard security handler refuses the empty user password: it needs a password to open
/// (`tests/fixtures`, shared with the other crate's tests).
const PASSWORD_PDF: &[u8] = include_bytes!("../../../../tests/fixtures/password-protected.pdf");

/// The demo with real evidence in four places: the package's own summary PDF (a PDF of several
/// pages) for two records, a 2400 × 1800 photo, a small screenshot and a PDF with a password.
/// The other files stay the fixtures' stand-ins, which open as neither PDF nor image.
pub fn book_fixture() -> (Fixture, usize) {
    let f = Fixture::demo();
    let report = ReportData::build(&f.ledger, &f.rules, &f.assessment, &f.options);
    let summary = render_pdf(&report, &mut fonts()).expect("summary");
    let dir = f.evidence_dir();
    std::fs::write(dir.join("2021-01/2021公需科目结业证书.pdf"), &summary.bytes).expect("write");
    std::fs::write(dir.join("2023-02/结题证书.pdf"), &summary.bytes).expect("write");
    std::fs::write(dir.join("2021-02/结业证书.jpg"), photo(2400, 1800)).expect("write");
    let mut png = Cursor::new(Vec::new());
    RgbImage::from_pixel(300, 200, image::Rgb([250, 250, 250])).write_to(&mut png, ImageFormat::Png).expect("png");
    std::fs::write(dir.join("2021-01/课程学时截图.png"), png.into_inner()).expect("write");
    std::fs::write(dir.join("2022-01/2022公需结业证书.pdf"), PASSWORD_PDF).expect("write");
    (f, summary.pages)
}

struct Made {
    book: EvidenceBook,
    /// Pages the book should have: cover, 目录, a page per record row, a page per evidence page.
    expected_pages: usize,
    /// The years, the record titles of the first year and the materials of its first record.
    years: Vec<String>,
    first_year_records: Vec<String>,
}

fn made() -> &'static Made {
    static MADE: OnceLock<Made> = OnceLock::new();
    MADE.get_or_init(|| {
        let (f, summary_pages) = book_fixture();
        let input = PackageInput { ledger: &f.ledger, rules: &f.rules, assessment: &f.assessment, options: &f.options };
        let out = f.dir.path().join("证明材料汇编.pdf");
        let book = export_evidence_book(&input, &FolderSource::new(f.evidence_dir()), &out).expect("evidence book");
        assert_eq!(std::fs::read(&out).expect("written"), book.bytes);
        assert_eq!(files_in(f.dir.path()), vec!["证明材料汇编.pdf".to_owned()], "no temporary file is left");
        let report = ReportData::build(&f.ledger, &f.rules, &f.assessment, &f.options);
        let mut expected = 2;
        let mut shown = std::collections::HashSet::new();
        for y in &report.years {
            expected += y.rows.len().max(1);
            for row in y.rows.iter().filter(|r| shown.insert(r.id.clone())) {
                let a = f.ledger.activities.iter().find(|a| a.id == row.id).expect("record");
                for e in &a.evidence {
                    let real_pdf = ["2021公需科目结业证书.pdf", "结题证书.pdf"].contains(&e.file.as_str());
                    expected += if real_pdf { summary_pages } else { 1 };
                }
            }
        }
        let first = &report.years[0];
        Made {
            book,
            expected_pages: expected,
            years: report.years.iter().map(|y| format!("{} 年度", y.year)).collect(),
            first_year_records: first.rows.iter().enumerate().map(|(i, r)| format!("{}．{}", i + 1, r.title)).collect(),
        }
    })
}

/// A PDF text string: UTF-16 with a byte order mark, else one byte per character.
pub fn text_of(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => {
            let units: Vec<u16> = utf16.chunks(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
            String::from_utf16_lossy(&units)
        }
        None => bytes.iter().map(|b| char::from(*b)).collect(),
    }
}

/// The titles of an outline item's children, each with its own children's titles.
pub fn children<'a>(item: &Dict<'a>) -> Vec<(String, Dict<'a>)> {
    let mut out = Vec::new();
    let mut next = item.get::<Dict<'a>>(b"First");
    while let Some(d) = next {
        let title = d.get::<hayro_syntax::object::String<'a>>(b"Title").expect("title");
        next = d.get::<Dict<'a>>(b"Next");
        out.push((text_of(title.as_ref()), d));
    }
    out
}

#[test]
fn the_book_has_a_cover_a_contents_page_a_page_per_record_and_a_page_per_evidence_page() {
    let made = made();
    assert_eq!(made.book.pages, made.expected_pages);
    let pdf = Pdf::new(made.book.bytes.clone()).expect("a readable PDF");
    assert_eq!(pdf.pages().len(), made.expected_pages);
}

#[test]
fn the_bookmarks_go_year_then_record_then_file() {
    let made = made();
    let pdf = Pdf::new(made.book.bytes.clone()).expect("a readable PDF");
    let xref = pdf.xref();
    let catalog = xref.get::<Dict<'_>>(xref.root_id()).expect("catalog");
    let outlines = catalog.get::<Dict<'_>>(b"Outlines").expect("the PDF has bookmarks");
    let years = children(&outlines);
    let titles: Vec<&str> = years.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(titles, made.years.iter().map(String::as_str).collect::<Vec<_>>());
    let records = children(&years[0].1);
    let record_titles: Vec<&str> = records.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(record_titles, made.first_year_records.iter().map(String::as_str).collect::<Vec<_>>());
    let files = children(&records[0].1);
    assert_eq!(files.len(), 2, "{files:?}", files = files.iter().map(|f| &f.0).collect::<Vec<_>>());
    assert!(files[0].0.contains("结业证书") && files[0].0.contains("2021公需科目结业证书.pdf"), "{}", files[0].0);
    assert!(files[1].0.contains("课程时长") && files[1].0.contains("课程学时截图.png"), "{}", files[1].0);
}

#[test]
fn every_page_says_which_page_it_is_of_how_many_and_has_a_page_label() {
    let made = made();
    let pdf = Pdf::new(made.book.bytes.clone()).expect("a readable PDF");
    let xref = pdf.xref();
    let catalog = xref.get::<Dict<'_>>(xref.root_id()).expect("catalog");
    assert!(catalog.get::<Dict<'_>>(b"PageLabels").is_some(), "the PDF has page labels");
    if !have("pdftotext") {
        eprintln!("pdftotext (poppler-utils) is not installed: skipping the footer check");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("book.pdf");
    std::fs::write(&file, &made.book.bytes).expect("write");
    let out =
        std::process::Command::new("pdftotext").arg("-enc").arg("UTF-8").arg(&file).arg("-").output().expect("run");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let pages: Vec<&str> = text.split('\u{c}').filter(|p| !p.trim().is_empty()).collect();
    assert_eq!(pages.len(), made.expected_pages);
    let n = made.expected_pages;
    for (i, page) in pages.iter().enumerate() {
        let footer = format!("第 {} 页 / 共 {n} 页", i + 1);
        assert!(page.contains(&footer), "page {} lacks “{footer}”", i + 1);
    }
    assert!(pages[0].contains("继续教育证明材料汇编") && pages[0].contains("王晓梅"), "the cover");
    assert!(pages[1].contains("目") && pages[1].contains(&made.first_year_records[0]), "the contents");
}

#[test]
fn a_phone_photo_is_scaled_to_at_most_1650_pixels_before_typesetting() {
    let scaled = scale_photo(&photo(4000, 3000)).expect("decodes");
    let size = image::load_from_memory(&scaled.jpeg).expect("a JPEG");
    assert_eq!((size.width(), size.height()), (MAX_SIDE, 1238));
    assert_eq!((scaled.width, scaled.height), (MAX_SIDE, 1238));
    let small = photo(800, 600);
    assert_eq!(scale_photo(&small).expect("decodes").jpeg, small, "a small upright colour JPEG is used as it is");
    // Wrapped in a one-page PDF, which typst measures without decoding the photo.
    let page = jpeg_page(&scaled);
    assert_eq!(Pdf::new(page).expect("a PDF").pages().len(), 1);
    // In the book: the 2400 × 1800 photo is embedded at 1650 pixels, nothing wider.
    let bytes = &made().book.bytes;
    let widths: Vec<u32> = bytes
        .windows(7)
        .enumerate()
        .filter(|(_, w)| *w == b"/Width ")
        .filter_map(|(i, _)| {
            let digits: String =
                bytes[i + 7..].iter().take_while(|b| b.is_ascii_digit()).map(|b| char::from(*b)).collect();
            digits.parse().ok()
        })
        .collect();
    assert!(widths.contains(&MAX_SIDE), "{widths:?}");
    assert!(widths.iter().all(|w| *w <= MAX_SIDE), "{widths:?}");
}

#[test]
fn a_large_jpeg_decoded_at_a_fraction_of_its_size_keeps_its_picture() {
    // 3400 pixels wide: decoded at half size (1700), then scaled to 1650. Red left, blue right,
    // a white bar across the middle third.
    let image = RgbImage::from_fn(3400, 240, |x, y| match (x < 1700, (80..160).contains(&y)) {
        (_, true) => image::Rgb([255, 255, 255]),
        (true, false) => image::Rgb([200, 30, 30]),
        (false, false) => image::Rgb([30, 30, 200]),
    });
    let mut jpeg = Cursor::new(Vec::new());
    image.write_to(&mut jpeg, ImageFormat::Jpeg).expect("encode");
    let scaled = scale_photo(jpeg.get_ref()).expect("decodes");
    assert_eq!(scaled.width, MAX_SIDE);
    assert!((116..=117).contains(&scaled.height), "{}", scaled.height);
    let shown = image::load_from_memory(&scaled.jpeg).expect("a JPEG").to_rgb8();
    let near = |x: u32, y: u32, want: [u8; 3]| {
        let got = shown.get_pixel(x, y).0;
        assert!(got.iter().zip(want).all(|(g, w)| g.abs_diff(w) < 24), "({x}, {y}): {got:?}, not {want:?}");
    };
    near(400, 15, [200, 30, 30]);
    near(1250, 100, [30, 30, 200]);
    near(400, 58, [255, 255, 255]);
    near(1250, 58, [255, 255, 255]);
}

#[test]
fn a_pdf_that_needs_a_password_is_named_on_its_page_and_in_the_problems() {
    let made = made();
    let named: Vec<String> = made.book.problems.iter().map(ToString::to_string).collect();
    let problem = made.book.problems.iter().find(|p| p.file == "2022公需结业证书.pdf").expect("{named:?}");
    assert!(problem.reason.contains("设有打开密码"), "{problem}");
    assert!(!named.iter().any(|p| p.contains("2021公需科目结业证书.pdf") || p.contains("结业证书.jpg")), "{named:?}");
    if have("pdftotext") {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("book.pdf");
        std::fs::write(&file, &made.book.bytes).expect("write");
        let out =
            std::process::Command::new("pdftotext").arg("-enc").arg("UTF-8").arg(&file).arg("-").output().expect("run");
        let text: String = String::from_utf8(out.stdout).expect("utf-8").split_whitespace().collect();
        assert!(
            text.contains("2022公需结业证书.pdf") && text.contains("这份PDF设有打开密码"),
            "the page names the file"
        );
    }
}

#[test]
fn the_same_data_make_the_same_book() {
    let (f, _) = book_fixture();
    let input = PackageInput { ledger: &f.ledger, rules: &f.rules, assessment: &f.assessment, options: &f.options };
    let again = render_evidence_book(&input, &FolderSource::new(f.evidence_dir()), &mut fonts()).expect("book");
    assert_eq!(again.bytes, made().book.bytes);
}
