//! 学时汇总表 alone: the same PDF as in the package, written whole or not at all.

use xueshi_export::{PDF_NAME, PackageInput, export_summary_pdf};

use crate::common::{Fixture, files_in, zip_member};

fn input(f: &Fixture) -> PackageInput<'_> {
    PackageInput { ledger: &f.ledger, rules: &f.rules, assessment: &f.assessment, options: &f.options }
}

#[test]
fn the_summary_alone_is_byte_for_byte_the_pdf_of_the_package() {
    let f = Fixture::demo();
    f.export(&f.out()).expect("package");
    let alone = f.dir.path().join("学时汇总表-打印.pdf");
    let report = export_summary_pdf(&input(&f), &alone).expect("summary");
    let bytes = std::fs::read(&alone).expect("written");
    assert_eq!(bytes, zip_member(&f.out(), PDF_NAME));
    assert_eq!(report.size, bytes.len() as u64);
    assert!(report.pages >= 1 && !report.fonts.is_empty());
}

#[test]
fn a_summary_written_again_replaces_the_earlier_one_and_leaves_no_temporary_file() {
    let f = Fixture::demo();
    let out = f.dir.path().join("学时汇总表.pdf");
    std::fs::write(&out, b"an older summary").expect("older file");
    export_summary_pdf(&input(&f), &out).expect("summary");
    assert!(std::fs::read(&out).expect("read").starts_with(b"%PDF"));
    assert_eq!(files_in(f.dir.path()), vec!["学时汇总表.pdf".to_owned()]);
}

#[test]
fn a_summary_that_cannot_be_written_says_so_in_chinese_and_leaves_nothing() {
    let f = Fixture::demo();
    let out = f.dir.path().join("没有这个文件夹").join("学时汇总表.pdf");
    let error = export_summary_pdf(&input(&f), &out).expect_err("no such folder");
    assert!(error.to_string().starts_with("创建临时文件"), "{error}");
    assert!(!out.exists());
}
