//! Evidence files are named in the package by what they contain, not by the name the user gave
//! them, and programs or scripts never reach a reviewer: `结业证书.exe` holding a PDF is packaged as
//! `结业证书.pdf`; one holding a Windows program is refused with a message naming the record.

use crate::common::{Fixture, zip_names};
use serde_json::json;
use xueshi_export::ExportError;

/// A one-record ledger whose only evidence file is `file` with `content`.
fn fixture_with(file: &str, content: &[u8]) -> Fixture {
    let value = json!({"format": "xueshi-ledger", "version": 1, "profile": {"name": "李四"}, "activities": [
        {"id": "2023-01", "kind": "training", "title": "数字化转型研修班", "date": "2023-05-12",
         "category": "professional", "days": 2, "provider": "中南大学",
         "evidence": [{"file": file, "material": "结业证书"}]}]});
    let f = Fixture::from_json(value);
    std::fs::write(f.evidence_dir().join("2023-01").join(file), content).expect("write");
    f
}

fn evidence_names(f: &Fixture) -> Vec<String> {
    zip_names(&f.out()).into_iter().filter(|n| n.starts_with("2023年")).collect()
}

#[test]
fn a_pdf_called_exe_is_packaged_as_a_pdf() {
    let f = fixture_with("结业证书.exe", b"%PDF-1.7\n%certificate\n");
    f.export(&f.out()).expect("export");
    assert_eq!(evidence_names(&f), vec!["2023年/专业科目/2023-05-12 培训 数字化转型研修班/结业证书.pdf"]);
}

#[test]
fn a_jpeg_called_png_is_packaged_as_a_jpeg() {
    let f = fixture_with("照片.png", &[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F', b'I', b'F']);
    f.export(&f.out()).expect("export");
    assert_eq!(evidence_names(&f), vec!["2023年/专业科目/2023-05-12 培训 数字化转型研修班/结业证书.jpg"]);
}

#[test]
fn a_program_called_like_a_certificate_is_refused_naming_the_record() {
    for (file, content) in [
        ("结业证书.exe", &b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff"[..]),
        ("结业证书.pdf", &b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff"[..]),
        ("说明.bat", &b"@echo off\r\ndel /q *.*\r\n"[..]),
        ("说明.txt", &b"#!/bin/sh\nrm -rf ~\n"[..]),
    ] {
        let f = fixture_with(file, content);
        let error = f.export(&f.out()).expect_err("refused");
        assert!(matches!(error, ExportError::EvidenceType { .. }), "{file}: {error:?}");
        let message = error.to_string();
        assert!(message.contains("2023-01") && message.contains(file), "{message}");
        assert!(message.contains("可执行程序或脚本"), "{message}");
        assert!(!f.out().exists(), "{file}: no package");
    }
}
