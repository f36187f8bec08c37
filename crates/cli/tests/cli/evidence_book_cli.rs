//! `xueshi export --apply-year … --evidence-book FILE.pdf`: the evidence book alone from a ledger
//! file and its folder of evidence, naming a PDF that needs a password; a name not ending in .pdf
//! refused before anything is done.

use crate::common::{demo_ledger, text, xueshi};
use crate::export_package::evidence_folder;

/// A two-pixel PNG.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0xd, 0xa, 0x1a, 0xa, 0x0, 0x0, 0x0, 0xd, 0x49, 0x48, 0x44, 0x52, 0x0, 0x0, 0x0, 0x2, 0x0,
    0x0, 0x0, 0x2, 0x8, 0x2, 0x0, 0x0, 0x0, 0xfd, 0xd4, 0x9a, 0x73, 0x0, 0x0, 0x0, 0x11, 0x49, 0x44, 0x41, 0x54, 0x78,
    0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0x0, 0x44, 0xc, 0x60, 0xf2, 0x3f, 0x0, 0x1b, 0xf2, 0x3, 0xfd, 0xf3, 0xe7, 0x4b, 0xb1,
    0x0, 0x0, 0x0, 0x0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

/// A PDF whose standard security handler refuses the empty user password: it needs a password to open
/// (`tests/fixtures`, shared with the other crate's tests).
const PASSWORD_PDF: &[u8] = include_bytes!("../../../../tests/fixtures/password-protected.pdf");

#[test]
fn the_evidence_book_alone_is_written_and_a_pdf_with_a_password_is_named() {
    let dir = tempfile::tempdir().expect("temp");
    let evidence = evidence_folder(dir.path());
    std::fs::write(evidence.join("2022-01/2022公需结业证书.pdf"), PASSWORD_PDF).expect("write");
    std::fs::write(evidence.join("2021-01/课程学时截图.png"), PNG).expect("write");
    let out = dir.path().join("证明材料汇编.pdf");
    let ledger = demo_ledger();
    let (ledger, folder, book) =
        (ledger.to_str().expect("path"), evidence.to_str().expect("path"), out.to_str().expect("path"));
    let base =
        ["export", "--ledger", ledger, "--evidence-dir", folder, "--apply-year", "2026", "--level", "associate_senior"];
    let made = xueshi(&dir.path().join("data"), &[&base[..], &["--evidence-book", book]].concat());
    assert!(made.status.success(), "{}", text(&made));
    let said = text(&made);
    assert!(said.contains("已生成证明材料汇编") && said.contains(" 页）"), "{said}");
    assert!(said.contains("2022公需结业证书.pdf") && said.contains("设有打开密码"), "{said}");
    assert!(!said.contains("课程学时截图.png"), "a readable picture is no problem: {said}");
    assert!(std::fs::read(&out).expect("written").starts_with(b"%PDF-"));
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, vec!["证明材料汇编.pdf".to_owned()], "no temporary file is left");

    let wrong = dir.path().join("汇编.txt");
    let refused =
        xueshi(&dir.path().join("data"), &[&base[..], &["--evidence-book", wrong.to_str().expect("path")]].concat());
    assert_eq!(refused.status.code(), Some(2), "{}", text(&refused));
    assert!(text(&refused).contains("应以 .pdf 结尾"), "{}", text(&refused));
    assert!(!wrong.exists());
}
