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

/// A PDF whose security handler refuses the empty user password.
fn password_pdf() -> Vec<u8> {
    let hex =
        |seed: u8| (0..32u8).map(|i| format!("{:02x}", i.wrapping_mul(37).wrapping_add(seed))).collect::<String>();
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>".to_owned(),
        format!("<< /Filter /Standard /V 1 /R 2 /O <{}> /U <{}> /P -4 >>", hex(7), hex(91)),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(b"xref\n0 5\n0000000000 65535 f \n");
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    let id = "<00112233445566778899aabbccddeeff>";
    out.extend_from_slice(
        format!("trailer\n<< /Size 5 /Root 1 0 R /Encrypt 4 0 R /ID [{id}{id}] >>\nstartxref\n{xref}\n%%EOF\n")
            .as_bytes(),
    );
    out
}

#[test]
fn the_evidence_book_alone_is_written_and_a_pdf_with_a_password_is_named() {
    let dir = tempfile::tempdir().expect("temp");
    let evidence = evidence_folder(dir.path());
    std::fs::write(evidence.join("2022-01/2022公需结业证书.pdf"), password_pdf()).expect("write");
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
