//! Forgeries that keep the package consistent with its own manifest (the manifest re-hashed): an
//! evidence file replaced, the summary PDF replaced, a file dropped from both the ZIP and the
//! manifest. Checked against its manifest alone, such a package looks intact, and the report says
//! that this was not checked; checked against the owner's data (the records with their SHA-256 and
//! the vault), each is caught.

use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::common::{Fixture, evidence_content, pdf_text, sha256_hex};
use xueshi_export::{
    DataReference, Difference, EVIDENCE_BOOK_NAME, ExportOptions, FolderSource, KeptFinding, MANIFEST_NAME, PDF_NAME,
    VerifyReport, XLSX_NAME, verify_package, verify_package_against,
};
use zip::write::SimpleFileOptions;

const EVIDENCE: &str = "2022年/专业科目/2022-09-15 论文 高中数学建模活动的设计与实施/目录.jpg";

/// The demo, its records holding the SHA-256 of each evidence file (as the vault's do), exported.
fn exported() -> Fixture {
    exported_split_over(None)
}

/// [`exported`], the evidence book written one per year over `pages` pages.
fn exported_split_over(pages: Option<usize>) -> Fixture {
    exported_with(|options| options.book_split_pages = pages)
}

/// [`exported`] with the options `choose` changes.
fn exported_with(choose: impl FnOnce(&mut ExportOptions)) -> Fixture {
    let mut f = Fixture::demo();
    choose(&mut f.options);
    let dir = f.evidence_dir();
    for a in &mut f.ledger.activities {
        for e in &mut a.evidence {
            let bytes = std::fs::read(dir.join(&a.id).join(&e.file)).expect("evidence");
            e.sha256 = Some(sha256_hex(&bytes));
        }
    }
    f.export(&f.out()).expect("export");
    f
}

fn against_data(f: &Fixture, path: &Path) -> VerifyReport {
    let source = FolderSource::new(f.evidence_dir());
    let data = DataReference {
        ledger: &f.ledger,
        rules: &f.rules,
        assessment: &f.assessment,
        evidence: &source,
        font_path: f.options.font_path.as_deref(),
    };
    verify_package_against(path, &data)
}

/// A copy of the package with `name` replaced by `content` (or dropped when None) and the
/// manifest rewritten to match, as a forger would.
fn forge(f: &Fixture, name: &str, content: Option<&[u8]>) -> PathBuf {
    let path = f.dir.path().join("伪造.zip");
    let mut archive = zip::ZipArchive::new(File::open(f.out()).expect("open")).expect("zip");
    let mut manifest: serde_json::Value = {
        let mut text = Vec::new();
        archive.by_name(MANIFEST_NAME).expect("manifest").read_to_end(&mut text).expect("read");
        serde_json::from_slice(&text).expect("json")
    };
    let files = manifest["files"].as_array_mut().expect("files");
    match content {
        Some(bytes) => {
            let entry = files.iter_mut().find(|e| e["path"] == name).expect("listed");
            entry["sha256"] = sha256_hex(bytes).into();
            entry["size"] = bytes.len().into();
        }
        None => files.retain(|e| e["path"] != name),
    }
    let mut out = zip::ZipWriter::new(File::create(&path).expect("create"));
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).expect("entry");
        let member = entry.name().expect("name").into_owned();
        if member == MANIFEST_NAME {
            continue;
        }
        if member == name {
            drop(entry);
            if let Some(bytes) = content {
                out.start_file(name, SimpleFileOptions::default()).expect("start");
                out.write_all(bytes).expect("write");
            }
            continue;
        }
        out.raw_copy_file(entry).expect("copy");
    }
    out.start_file(MANIFEST_NAME, SimpleFileOptions::default()).expect("start");
    out.write_all(&serde_json::to_vec_pretty(&manifest).expect("json")).expect("write");
    out.finish().expect("finish");
    path
}

/// Checked against the manifest alone the forgery passes, and the report says what was not checked.
fn passes_alone_but_says_so(f: &Fixture, path: &Path) {
    let alone = verify_package(path, Some(&f.assessment));
    assert!(alone.is_ok(), "{:#?}", alone.differences);
    assert!(!alone.fully_checked());
    assert!(alone.unchecked.iter().any(|u| u.contains("清单本身是否被改过")), "{:?}", alone.unchecked);
}

#[test]
fn a_fresh_package_matches_the_owners_data_summaries_included() {
    let f = exported();
    let report = against_data(&f, &f.out());
    assert!(report.is_ok(), "{:#?}", report.differences);
    assert!(report.fully_checked(), "unchecked: {:?}", report.unchecked);
    assert!(report.checked().iter().any(|c| c.contains("逐字节比较")), "{:?}", report.checked());
}

#[test]
fn the_findings_the_applicant_keeps_are_an_appendix_that_verification_typesets_again() {
    let kept = KeptFinding {
        kind: "论文未填刊号".to_owned(),
        message: "2022年9月15日《高中数学建模活动的设计与实施》没有填写刊号".to_owned(),
        note: "内部交流刊物，单位已出具证明".to_owned(),
    };
    let f = exported_with(|options| options.kept_findings = vec![kept.clone()]);
    let report = against_data(&f, &f.out());
    assert!(report.is_ok(), "{:#?}", report.differences);
    assert!(report.fully_checked(), "unchecked: {:?}", report.unchecked);
    let manifest = report.manifest.as_ref().expect("manifest");
    assert_eq!(manifest.typeset.as_ref().map(|t| t.kept_findings.clone()), Some(vec![kept.clone()]));
    let Some(text) = pdf_text(&f, false) else { return };
    for needle in ["附：预审提示及申请人说明", "论文未填刊号", "没有填写刊号", "内部交流刊物，单位已出具证明"]
    {
        assert!(text.contains(needle), "{needle} not in the summary");
    }
}

#[test]
fn without_kept_findings_the_summary_has_no_appendix_of_them() {
    let f = exported();
    let Some(text) = pdf_text(&f, false) else { return };
    assert!(!text.contains("预审提示"), "no appendix without kept findings");
}

#[test]
fn an_evidence_file_replaced_with_the_manifest_re_hashed_is_caught_with_the_data() {
    let f = exported();
    let forged = forge(&f, EVIDENCE, Some(&evidence_content("x.jpg", "伪造的证书")));
    passes_alone_but_says_so(&f, &forged);
    let report = against_data(&f, &forged);
    assert!(
        report.differences.iter().any(|d| matches!(d, Difference::DiffersFromRecords { path, .. } if path == EVIDENCE)),
        "{:#?}",
        report.differences
    );
}

#[test]
fn the_summary_pdf_replaced_with_the_manifest_re_hashed_is_caught_with_the_data() {
    let f = exported();
    let forged = forge(&f, PDF_NAME, Some(b"%PDF-1.7\n% a summary with other hours\n"));
    passes_alone_but_says_so(&f, &forged);
    let report = against_data(&f, &forged);
    assert!(
        report.differences.iter().any(|d| matches!(d, Difference::DiffersFromRecords { path, .. } if path == PDF_NAME)),
        "{:#?}",
        report.differences
    );
    assert!(
        report
            .differences
            .iter()
            .all(|d| !matches!(d, Difference::DiffersFromRecords { path, .. } if path == XLSX_NAME)),
        "the spreadsheet was not touched: {:#?}",
        report.differences
    );
}

#[test]
fn a_file_dropped_from_the_zip_and_the_manifest_is_caught_with_the_data() {
    let f = exported();
    let forged = forge(&f, EVIDENCE, None);
    passes_alone_but_says_so(&f, &forged);
    let report = against_data(&f, &forged);
    assert!(
        report.differences.iter().any(|d| matches!(d, Difference::MissingFromPackage { path } if path == EVIDENCE)),
        "{:#?}",
        report.differences
    );
}

#[test]
fn the_evidence_book_replaced_with_the_manifest_re_hashed_is_caught_with_the_data() {
    let f = exported();
    let forged = forge(&f, EVIDENCE_BOOK_NAME, Some(b"%PDF-1.7\n% a book with other certificates\n"));
    passes_alone_but_says_so(&f, &forged);
    let report = against_data(&f, &forged);
    assert!(
        report
            .differences
            .iter()
            .any(|d| matches!(d, Difference::DiffersFromRecords { path, .. } if path == EVIDENCE_BOOK_NAME)),
        "{:#?}",
        report.differences
    );
}

#[test]
fn a_package_made_before_the_evidence_book_still_matches_the_owners_data() {
    let f = exported();
    let before = forge(&f, EVIDENCE_BOOK_NAME, None);
    let report = against_data(&f, &before);
    assert!(report.is_ok(), "{:#?}", report.differences);
    assert!(report.fully_checked(), "unchecked: {:?}", report.unchecked);
}

#[test]
fn a_package_with_one_book_per_year_matches_the_data_and_a_changed_year_book_is_caught() {
    let f = exported_split_over(Some(1));
    let archive = zip::ZipArchive::new(File::open(f.out()).expect("open")).expect("zip");
    let names: Vec<String> = archive.file_names().map(|n| n.expect("name").into_owned()).collect();
    let books: Vec<&String> = names.iter().filter(|n| n.starts_with("证明材料汇编/")).collect();
    assert!(books.len() > 1, "{names:?}");
    assert!(books.iter().all(|n| n.ends_with("年.pdf")), "{books:?}");
    assert!(!names.iter().any(|n| n == EVIDENCE_BOOK_NAME), "no whole book beside them: {names:?}");
    let report = against_data(&f, &f.out());
    assert!(report.is_ok(), "{:#?}", report.differences);
    assert!(report.fully_checked(), "unchecked: {:?}", report.unchecked);

    let changed = books[1].clone();
    let forged = forge(&f, &changed, Some(b"%PDF-1.7\n% a year with other certificates\n"));
    passes_alone_but_says_so(&f, &forged);
    let report = against_data(&f, &forged);
    let differing: Vec<&Difference> =
        report.differences.iter().filter(|d| matches!(d, Difference::DiffersFromRecords { .. })).collect();
    assert!(
        matches!(differing.as_slice(), [Difference::DiffersFromRecords { path, .. }] if *path == changed),
        "only the changed year's book differs: {:#?}",
        report.differences
    );
}
