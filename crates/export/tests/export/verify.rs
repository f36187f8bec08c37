//! verify-package: a fresh package passes; a changed byte anywhere, a missing file, an extra file
//! and an assessment that no longer matches are each reported.

use std::fs::File;
use std::io::Write;
use std::path::Path;

use crate::common::{Fixture, demo_json};
use xueshi_core::kinds::{ApplicationPath, Level};
use xueshi_core::{Application, Ledger, assess};
use xueshi_export::{Difference, MANIFEST_NAME, PDF_NAME, verify_package};
use zip::write::SimpleFileOptions;

const EVIDENCE: &str = "2022年/专业科目/2022-09-15 论文 高中数学建模活动的设计与实施/目录.jpg";

fn exported() -> Fixture {
    let f = Fixture::demo();
    f.export(&f.out()).expect("export");
    f
}

/// Copies the package, leaving out `skip` and adding `extra` (name, content).
fn rewrite(from: &Path, to: &Path, skip: Option<&str>, extra: Option<(&str, &[u8])>) {
    let mut archive = zip::ZipArchive::new(File::open(from).expect("open")).expect("zip");
    let mut out = zip::ZipWriter::new(File::create(to).expect("create"));
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).expect("entry");
        if Some(entry.name().expect("name").as_ref()) != skip {
            out.raw_copy_file(entry).expect("copy");
        }
    }
    if let Some((name, content)) = extra {
        out.start_file(name, SimpleFileOptions::default()).expect("start");
        out.write_all(content).expect("write");
    }
    out.finish().expect("finish");
}

/// The offset of a member's data in the ZIP file.
fn data_offset(path: &Path, name: &str) -> u64 {
    let mut archive = zip::ZipArchive::new(File::open(path).expect("open")).expect("zip");
    archive.by_name(name).expect("member").data_start().expect("data start")
}

#[test]
fn a_fresh_package_matches_its_manifest_and_the_assessment_it_was_made_from() {
    let f = exported();
    let report = verify_package(&f.out(), Some(&f.assessment));
    assert!(report.is_ok(), "{:#?}", report.differences);
    assert_eq!(report.matching, report.manifest.as_ref().expect("manifest").files.len());
    assert!(report.assessment_checked);
}

#[test]
fn a_changed_byte_in_an_evidence_file_the_pdf_or_the_manifest_is_caught() {
    for (member, at) in [(EVIDENCE, 3), (PDF_NAME, 2000), (MANIFEST_NAME, 10)] {
        let f = exported();
        let offset = data_offset(&f.out(), member) + at;
        let mut bytes = std::fs::read(f.out()).expect("read");
        bytes[usize::try_from(offset).expect("offset")] ^= 0x01;
        std::fs::write(f.out(), &bytes).expect("write");
        let report = verify_package(&f.out(), None);
        assert!(!report.is_ok(), "a changed byte in {member} went unnoticed");
        if member != MANIFEST_NAME {
            assert!(
                report.differences.iter().any(|d| matches!(d,
                    Difference::Changed { path, .. } | Difference::Damaged { path, .. } if path == member)),
                "{member}: {:#?}",
                report.differences
            );
        }
    }
}

#[test]
fn a_missing_file_is_reported_by_its_path() {
    let f = exported();
    let changed = f.dir.path().join("少了文件.zip");
    rewrite(&f.out(), &changed, Some(EVIDENCE), None);
    let report = verify_package(&changed, None);
    assert_eq!(report.differences, vec![Difference::Missing { path: EVIDENCE.to_owned() }]);
    assert!(report.differences[0].to_string().contains("缺少文件"));
}

#[test]
fn an_extra_file_is_reported_by_its_path() {
    let f = exported();
    let changed = f.dir.path().join("多了文件.zip");
    rewrite(&f.out(), &changed, None, Some(("2023年/补充材料.pdf", b"%PDF-1.7")));
    let report = verify_package(&changed, None);
    assert_eq!(report.differences, vec![Difference::Extra { path: "2023年/补充材料.pdf".to_owned() }]);
}

#[test]
fn an_assessment_that_changed_since_the_export_is_reported_field_by_field() {
    let f = exported();
    let mut value = demo_json();
    value["activities"].as_array_mut().expect("activities").retain(|a| a["id"] != "2022-03");
    let ledger = Ledger::from_value(&value).expect("ledger");
    let application = Application::new(2026, Level::AssociateSenior, ApplicationPath::Standard);
    let fresh = assess(&ledger, &f.rules, &application).expect("assessment");
    let report = verify_package(&f.out(), Some(&fresh));
    let fields: Vec<String> = report
        .differences
        .iter()
        .filter_map(|d| match d {
            Difference::Assessment { field, .. } => Some(field.clone()),
            _ => None,
        })
        .collect();
    assert!(fields.iter().any(|f| f == "years[1].total"), "{fields:#?}");
    assert!(fields.iter().all(|f| !f.starts_with("years[0]")), "2021 did not change: {fields:#?}");
    assert!(fields.iter().any(|f| f.starts_with("credits[记录 2022-03 2022年")), "{fields:#?}");
    assert!(fields.iter().all(|f| !f.contains("2021-0")), "records still there are not reported: {fields:#?}");
    assert_eq!(report.matching, report.manifest.as_ref().expect("manifest").files.len(), "the files still match");
}

#[test]
fn a_file_that_is_not_a_package_is_reported_not_panicked_on() {
    let f = Fixture::demo();
    std::fs::write(f.out(), "不是 ZIP").expect("write");
    let report = verify_package(&f.out(), None);
    assert!(matches!(report.differences.as_slice(), [Difference::Unreadable(_)]), "{:#?}", report.differences);
    let plain = f.dir.path().join("plain.zip");
    rewrite(&common_zip_without_manifest(&f), &plain, None, None);
    let report = verify_package(&plain, None);
    assert!(report.differences[0].to_string().contains("没有清单"), "{:#?}", report.differences);
}

fn common_zip_without_manifest(f: &Fixture) -> std::path::PathBuf {
    let path = f.dir.path().join("other.zip");
    let mut out = zip::ZipWriter::new(File::create(&path).expect("create"));
    out.start_file("readme.txt", SimpleFileOptions::default()).expect("start");
    out.write_all(b"hello").expect("write");
    out.finish().expect("finish");
    path
}
