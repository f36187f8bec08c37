//! The text of PDFs: a platform's certificate in a non-embedded 宋体, a PDF made with typst, a
//! scan without text, and files that cannot be read.

use xueshi_reading::{MAX_BYTES, ReadingError, is_pdf, pdf_text};

const STSONG: &[u8] = include_bytes!("../../../../tests/fixtures/certificate-stsong.pdf");
const TYPST: &[u8] = include_bytes!("../../../../tests/fixtures/summary-typst.pdf");
const PASSWORD: &[u8] = include_bytes!("../../../../tests/fixtures/password-protected.pdf");

fn text(bytes: &[u8]) -> String {
    pdf_text(bytes).expect("readable").expect("a text layer")
}

#[test]
fn a_certificate_in_a_non_embedded_stsong_gives_its_chinese_text_line_by_line() {
    let text = text(STSONG);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "结业证书", "{text}");
    assert_eq!(lines[1], "学员姓名：王晓梅", "{text}");
    assert_eq!(lines[2], "身份证号：430102198805161237", "{text}");
    assert!(text.contains("于2024年5月12日至5月13日参加“数字化教学能力提升研修班”，"), "{text}");
    assert!(text.contains("证书编号：HN-2024-0001"), "{text}");
}

#[test]
fn a_pdf_made_with_typst_gives_its_text() {
    let text = text(TYPST);
    assert!(text.contains("学时汇总表"), "{text}");
    assert!(text.contains("王晓梅"), "{text}");
}

#[test]
fn a_pdf_without_any_text_has_no_text_layer() {
    let scan =
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n\
3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>endobj\n\
4 0 obj<</Length 25>>stream\n0 0 m 100 100 l S\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
    assert_eq!(pdf_text(scan), Ok(None));
}

#[test]
fn a_pdf_that_needs_a_password_is_an_error_that_says_so() {
    let err = pdf_text(PASSWORD).expect_err("needs a password");
    assert_eq!(err, ReadingError::PasswordProtected);
    assert!(err.to_string().contains("打开密码"), "{err}");
}

/// Reads `bytes`, which must give either text or an error that says in Chinese it cannot be read.
fn read_or_refused(bytes: &[u8]) -> Option<String> {
    match pdf_text(bytes) {
        Ok(text) => text,
        Err(err) => {
            assert!(err.to_string().contains("无法读取"), "{err}");
            None
        }
    }
}

#[test]
fn damaged_files_are_errors_in_chinese() {
    for damaged in [&b"not a pdf at all"[..], b"", b"%PDF-1.7\n"] {
        assert_eq!(pdf_text(damaged), Err(ReadingError::Damaged), "{damaged:?}");
    }
}

#[test]
fn every_truncation_and_flipped_byte_of_a_certificate_is_read_or_refused_without_a_panic() {
    let mut read = 0;
    for end in (0..STSONG.len()).step_by(37) {
        read += usize::from(read_or_refused(&STSONG[..end]).is_some());
    }
    for at in (0..STSONG.len()).step_by(13) {
        let mut flipped = STSONG.to_vec();
        flipped[at] ^= 0x5a;
        read += usize::from(read_or_refused(&flipped).is_some());
    }
    assert!(read > 0, "hayro repairs some damage and reads what is left");
}

#[test]
fn a_file_over_the_size_cap_is_not_read() {
    let mut big = STSONG.to_vec();
    big.resize(MAX_BYTES + 1, b' ');
    assert_eq!(pdf_text(&big), Err(ReadingError::TooLarge));
}

#[test]
fn only_files_that_begin_like_a_pdf_are_taken_for_pdfs() {
    assert!(is_pdf(STSONG) && is_pdf(TYPST));
    assert!(!is_pdf(b"\xff\xd8\xff\xe0 JFIF photo") && !is_pdf(b""));
}
