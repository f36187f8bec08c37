//! The package: its layout and names (Chinese, duplicates, characters Windows forbids, long
//! titles), the manifest, and exports that fail or are cancelled leaving nothing behind.

use std::ops::ControlFlow;

use crate::common::{Fixture, demo_json, evidence_content, files_in, sha256_hex, zip_member, zip_names};
use serde_json::json;
use xueshi_export::{
    EVIDENCE_BOOK_NAME, ExportError, MANIFEST_NAME, MAX_PATH_CHARS, Manifest, PDF_NAME, Stage, XLSX_NAME,
};

#[test]
fn the_package_holds_both_summaries_the_manifest_and_the_evidence_by_year_category_and_record() {
    let f = Fixture::demo();
    let report = f.export(&f.out()).expect("export");
    let names = zip_names(&f.out());
    assert_eq!(names[0], PDF_NAME);
    assert!(names.contains(&XLSX_NAME.to_owned()) && names.contains(&MANIFEST_NAME.to_owned()), "{names:?}");
    assert!(
        names.contains(&"2021年/专业科目/2021-07-19 培训 新课标下的高中数学教学设计研修班/结业证书.jpg".to_owned())
    );
    assert!(names.contains(
        &"2023年/专业科目/2023-12-18 课题 基于核心素养的高中数学单元教学研究（市级课题）/结题证明.pdf".to_owned()
    ));
    let evidence = f.ledger.activities.iter().map(|a| a.evidence.len()).sum::<usize>();
    assert!(names.contains(&EVIDENCE_BOOK_NAME.to_owned()), "{names:?}");
    assert_eq!(names.len(), evidence + 4, "every evidence file once, plus PDF, XLSX, evidence book and manifest");
    assert_eq!(report.files.len(), evidence + 3);
    let book = report.files.iter().find(|f| f.path == EVIDENCE_BOOK_NAME).expect("listed in the manifest");
    assert_eq!(book.role, "evidence_book");
    assert!(report.evidence_book_pages > 2 + f.ledger.activities.len(), "cover, 目录, records and their files");
    assert_eq!(report.size, std::fs::metadata(f.out()).expect("zip").len());
}

#[test]
fn names_are_flagged_as_utf8_so_windows_shows_the_chinese() {
    let f = Fixture::demo();
    f.export(&f.out()).expect("export");
    let bytes = std::fs::read(f.out()).expect("zip");
    assert_eq!(&bytes[..4], b"PK\x03\x04");
    let flags = u16::from_le_bytes([bytes[6], bytes[7]]);
    assert_ne!(flags & 0x0800, 0, "general purpose bit 11 (UTF-8 names) set on {PDF_NAME}");
}

#[test]
fn records_outside_the_window_and_their_files_are_left_out() {
    let mut ledger = demo_json();
    ledger["activities"].as_array_mut().expect("activities").push(json!({
        "id": "2019-01", "kind": "online_course", "title": "窗口之外的课程", "date": "2019-03-01",
        "category": "public", "hours": 30, "evidence": [{"file": "旧证书.pdf", "material": "结业证书"}]
    }));
    let f = Fixture::from_json(ledger);
    f.export(&f.out()).expect("export");
    assert!(zip_names(&f.out()).iter().all(|n| !n.starts_with("2019年") && !n.contains("窗口之外")));
}

fn record(id: &str, title: &str, evidence: serde_json::Value) -> serde_json::Value {
    json!({"id": id, "kind": "training", "title": title, "date": "2023-05-12", "category": "professional",
           "days": 2, "provider": "中南大学", "evidence": evidence})
}

fn ledger_with(records: Vec<serde_json::Value>) -> serde_json::Value {
    json!({"format": "xueshi-ledger", "version": 1, "profile": {"name": "李四"}, "activities": records})
}

#[test]
fn files_of_the_same_material_and_records_of_the_same_title_get_numbered_names() {
    let f = Fixture::from_json(ledger_with(vec![
        record(
            "a",
            "数字化转型研修班",
            json!([
            {"file": "证书一.pdf", "material": "结业证书"},
            {"file": "证书二.PDF", "material": "结业证书"},
            {"file": "证书三.pdf", "material": "结业证书"},
            {"file": "通知.pdf", "material": "培训通知"}]),
        ),
        record("b", "数字化转型研修班", json!([{"file": "结业.pdf", "material": "结业证书"}])),
    ]));
    f.export(&f.out()).expect("export");
    let names = zip_names(&f.out());
    let dir = "2023年/专业科目/2023-05-12 培训 数字化转型研修班";
    for expected in [
        format!("{dir}/结业证书.pdf"),
        format!("{dir}/结业证书 (2).pdf"),
        format!("{dir}/结业证书 (3).pdf"),
        format!("{dir}/培训通知.pdf"),
        format!("{dir} (2)/结业证书.pdf"),
    ] {
        assert!(names.contains(&expected), "{expected} in {names:#?}");
    }
    assert_eq!(
        zip_member(&f.out(), &format!("{dir}/结业证书 (2).pdf")),
        evidence_content("证书二.PDF", "证明材料：a 结业证书 证书二.PDF\n")
    );
}

#[test]
fn characters_windows_forbids_reserved_names_and_long_titles_make_safe_short_paths() {
    let long = "面向新时代高质量发展的专业技术人员数字化转型能力提升高级研修班（第十二期）".repeat(3);
    let f = Fixture::from_json(ledger_with(vec![
        record("a", "CON", json!([{"file": "x.pdf", "material": "结业证书"}])),
        record("b", "研修班: <第1期> \"A/B\" \\ | 能力? *提升*...", json!([{"file": "通知.txt", "material": "NUL"}])),
        record("c", &long, json!([{"file": "../../etc/passwd", "material": "培训通知/../../逃逸"}])),
        record("d", "  ..  ", json!([{"file": "y.pdf", "material": "结业证书. "}])),
    ]));
    f.export(&f.out()).expect_err("the file ../../etc/passwd is outside the evidence folder");
    // The same records with files that exist: the paths are what matters here.
    let mut value = ledger_with(vec![
        record("a", "CON", json!([{"file": "x.pdf", "material": "结业证书"}])),
        record("b", "研修班: <第1期> \"A/B\" \\ | 能力? *提升*...", json!([{"file": "通知.txt", "material": "NUL"}])),
        record("c", &long, json!([{"file": "z.pdf", "material": "培训通知/../../逃逸"}])),
        record("d", "  ..  ", json!([{"file": "y.pdf", "material": "结业证书. "}])),
    ]);
    value["profile"]["name"] = "王五".into();
    let f = Fixture::from_json(value);
    f.export(&f.out()).expect("export");
    let names: Vec<String> = zip_names(&f.out()).into_iter().filter(|n| n.starts_with("2023年")).collect();
    assert_eq!(names.len(), 4, "{names:#?}");
    for name in &names {
        assert!(name.encode_utf16().count() <= MAX_PATH_CHARS, "{name} is too long");
        assert_eq!(name.split('/').count(), 4, "{name} has exactly year/category/record/file");
        for part in name.split('/') {
            assert!(!part.contains(['<', '>', ':', '"', '\\', '|', '?', '*']), "{part}");
            assert!(!part.ends_with(['.', ' ']) && !part.starts_with('.') && !part.is_empty(), "{part:?}");
            let stem = part.split('.').next().unwrap_or(part).trim_end().to_uppercase();
            assert!(!["CON", "NUL", "AUX", "PRN"].contains(&stem.as_str()), "{part}");
        }
    }
    assert!(names.contains(&"2023年/专业科目/2023-05-12 培训 CON/结业证书.pdf".to_owned()), "{names:#?}");
    assert!(
        names.iter().any(|n| n.contains("研修班： ＜第1期＞ ＂A／B＂ ＼ ｜ 能力？ ＊提升＊/_NUL.txt")),
        "{names:#?}"
    );
    let cut = names.iter().find(|n| n.contains("面向新时代")).expect("long title");
    let folder = cut.split('/').nth(2).expect("folder");
    assert!(folder.chars().count() < long.chars().count() / 2 && long.starts_with(&folder[18..]), "{folder}");
    assert!(cut.ends_with("/培训通知／..／..／逃逸.pdf"), "{cut}");
    assert!(names.contains(&"2023年/专业科目/2023-05-12 培训 未命名/结业证书.pdf".to_owned()), "{names:#?}");
}

#[test]
fn the_manifest_lists_every_other_file_with_its_size_and_sha256_and_the_assessment() {
    let f = Fixture::demo();
    f.export(&f.out()).expect("export");
    let manifest: Manifest = serde_json::from_slice(&zip_member(&f.out(), MANIFEST_NAME)).expect("manifest");
    assert_eq!(manifest.format, "xueshi-package");
    assert_eq!(manifest.app_version, env!("CARGO_PKG_VERSION"));
    assert_eq!(manifest.rules.id, "hunan-2026");
    assert!(!manifest.rules.documents.is_empty());
    assert_eq!((manifest.application.year, manifest.application.level.as_str()), (2026, "associate_senior"));
    assert_eq!(manifest.assessment, serde_json::to_value(&f.assessment).expect("json"));
    let mut listed: Vec<&str> = manifest.files.iter().map(|m| m.path.as_str()).collect();
    let mut members: Vec<String> = zip_names(&f.out()).into_iter().filter(|n| n != MANIFEST_NAME).collect();
    listed.sort_unstable();
    members.sort();
    assert_eq!(listed, members);
    for file in &manifest.files {
        let content = zip_member(&f.out(), &file.path);
        assert_eq!(file.size, content.len() as u64, "{}", file.path);
        assert_eq!(file.sha256, sha256_hex(&content), "{}", file.path);
    }
    let evidence = manifest.files.iter().find(|m| m.path.ends_with("课程时长.png")).expect("png");
    assert_eq!(evidence.activity.as_deref(), Some("2021-01"));
    assert_eq!(evidence.original_name.as_deref(), Some("课程学时截图.png"));
}

#[test]
fn a_cancel_during_the_copy_leaves_no_package_and_no_temporary_file() {
    let f = Fixture::demo();
    let before = files_in(f.dir.path());
    let mut evidence_seen = 0;
    let result = f.export_with(&f.out(), &mut |p| {
        if p.stage == Stage::Evidence && p.current.is_some() {
            evidence_seen += 1;
            if evidence_seen == 3 {
                return ControlFlow::Break(());
            }
        }
        ControlFlow::Continue(())
    });
    assert!(matches!(result, Err(ExportError::Cancelled)), "{result:?}");
    assert!(!f.out().exists());
    assert_eq!(files_in(f.dir.path()), before);
}

#[test]
fn a_cancel_before_typesetting_and_at_the_last_step_also_leaves_nothing() {
    for stop_at in [Stage::Typesetting, Stage::Spreadsheet, Stage::Finishing] {
        let f = Fixture::demo();
        let result = f.export_with(&f.out(), &mut |p| {
            if p.stage == stop_at { ControlFlow::Break(()) } else { ControlFlow::Continue(()) }
        });
        assert!(matches!(result, Err(ExportError::Cancelled)), "{stop_at:?}: {result:?}");
        assert!(files_in(f.dir.path()).is_empty(), "{stop_at:?}");
    }
}

#[test]
fn a_missing_evidence_file_fails_the_export_naming_it_and_leaves_an_existing_package_untouched() {
    let f = Fixture::demo();
    std::fs::write(f.out(), b"an earlier package").expect("write");
    std::fs::remove_file(f.evidence_dir().join("2023-02/结题证书.pdf")).expect("remove");
    let err = f.export(&f.out()).expect_err("missing file");
    assert!(matches!(err, ExportError::EvidenceUnreadable { .. }), "{err:?}");
    let message = err.to_string();
    assert!(message.contains("结题证书.pdf") && message.contains("2023-02"), "{message}");
    assert_eq!(std::fs::read(f.out()).expect("old package"), b"an earlier package");
    assert_eq!(files_in(f.dir.path()), vec!["学时材料包.zip".to_owned()]);
}

#[test]
fn a_file_whose_content_differs_from_its_recorded_sha256_fails_the_export() {
    let mut value = demo_json();
    value["activities"][0]["evidence"][0]["sha256"] = "0".repeat(64).into();
    let f = Fixture::from_json(value);
    let err = f.export(&f.out()).expect_err("changed content");
    assert!(matches!(err, ExportError::EvidenceChanged { .. }), "{err:?}");
    assert!(err.to_string().contains("2021公需科目结业证书.pdf"), "{err}");
    assert!(files_in(f.dir.path()).is_empty());
}

#[test]
fn an_unwritable_destination_fails_cleanly() {
    let f = Fixture::demo();
    let out = f.dir.path().join("没有这个文件夹").join("包.zip");
    let err = f.export(&out).expect_err("no folder");
    assert!(matches!(err, ExportError::Io { .. }), "{err:?}");
    assert!(err.to_string().contains("创建临时文件"), "{err}");
}

#[test]
fn progress_counts_every_file_and_ends_done() {
    let f = Fixture::demo();
    let mut last = None;
    f.export_with(&f.out(), &mut |p| {
        last = Some(p);
        ControlFlow::Continue(())
    })
    .expect("export");
    let last = last.expect("progress");
    assert_eq!(last.stage, Stage::Done);
    assert_eq!(last.files_done, last.files_total);
    assert_eq!(last.bytes_done, last.bytes_total);
    assert!(last.bytes_total > 0);
}

#[test]
fn entries_known_by_name_only_are_left_out_of_a_vault_package_and_listed_as_not_included() {
    use sha2::Digest;
    let content = evidence_content("x.pdf", "证明材料：2021-01 结业证书 2021公需科目结业证书.pdf\n");
    let sha = sha256_hex(&content);
    let mut value = demo_json();
    value["activities"][0]["evidence"][0]["sha256"] = sha.clone().into();
    let f = Fixture::from_json(value);
    let stored = f.evidence_dir().join("2021-01/2021公需科目结业证书.pdf");
    assert_eq!(sha2::Sha256::digest(std::fs::read(&stored).expect("file")).len(), 32);
    let vault = xueshi_export::PathLookupSource::new(|h: &str| (h == sha).then(|| stored.clone()));
    let input = xueshi_export::PackageInput {
        ledger: &f.ledger,
        rules: &f.rules,
        assessment: &f.assessment,
        options: &f.options,
    };
    let report =
        xueshi_export::export_package(&input, &vault, &f.out(), &mut |_| ControlFlow::Continue(())).expect("export");
    let evidence: Vec<&str> = report.files.iter().filter(|m| m.role == "evidence").map(|m| m.path.as_str()).collect();
    assert_eq!(
        evidence,
        vec!["2021年/公需科目/2021-04-12 网络课程 专业技术人员在现代化新湖南建设中的担当作为/结业证书.pdf"]
    );
    let total: usize = f.ledger.activities.iter().map(|a| a.evidence.len()).sum();
    assert_eq!(report.not_included.len(), total - 1);
    let manifest: Manifest = serde_json::from_slice(&zip_member(&f.out(), MANIFEST_NAME)).expect("manifest");
    assert_eq!(manifest.not_included, report.not_included);
    assert!(manifest.not_included.iter().any(|n| n.original_name == "课程学时截图.png" && n.activity == "2021-01"));
}
