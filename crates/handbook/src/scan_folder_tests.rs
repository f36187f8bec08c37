//! 从文件夹读取证书 through the application layer: what each file suggests or why not, and what it
//! duplicates among the records and the other files of the folder.

use std::path::Path;

use xueshi_store::DataDir;

use super::{DuplicateKind, MAX_FILES};
use crate::Handbook;
use crate::dto::ActivityFields;

const CERTIFICATE: &[u8] = include_bytes!("../../../tests/fixtures/certificate-stsong.pdf");
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0";

fn write(path: &Path, bytes: &[u8]) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("folder");
    }
    std::fs::write(path, bytes).expect("file written");
}

fn handbook(root: &Path) -> Handbook {
    Handbook::open(DataDir::new(root.join("数据"))).expect("opens")
}

fn training(title: &str, note: Option<&str>) -> ActivityFields {
    let mut fields: ActivityFields = serde_json::from_value(serde_json::json!({
        "kind": "training", "title": title, "date": "2024-03-01", "category": "professional", "days": 1
    }))
    .expect("fields");
    fields.note = note.map(str::to_owned);
    fields
}

/// The folder of the issue: the certificate twice under two names, a photo, a text file.
fn folder(root: &Path) -> std::path::PathBuf {
    let dir = root.join("证书");
    write(&dir.join("结业证书.pdf"), CERTIFICATE);
    write(&dir.join("2024/结业证书（副本）.PDF"), CERTIFICATE);
    write(&dir.join("证书照片.png"), PNG);
    write(&dir.join("说明.txt"), b"not a certificate");
    dir
}

#[test]
fn each_certificate_file_of_the_folder_suggests_a_record_or_says_why_not_sorted_by_name() {
    let tmp = tempfile::tempdir().expect("tmp");
    let h = handbook(tmp.path());
    let scan = h.scan_folder(&folder(tmp.path())).expect("scanned");
    assert_eq!(scan.folder, "证书");
    let names: Vec<&str> = scan.files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        ["2024/结业证书（副本）.PDF", "结业证书.pdf", "证书照片.png"],
        "the text file is not a certificate"
    );
    let read = &scan.files[1];
    let fields = read.suggested().expect("a suggestion");
    assert_eq!(fields.title, "数字化教学能力提升研修班");
    assert_eq!(fields.note.as_deref(), Some("证书编号：HN-2024-0001"));
    assert!(read.sure.is_some_and(|s| s > 0.0 && s <= 1.0), "{:?}", read.sure);
    let photo = &scan.files[2];
    assert!(photo.suggested().is_none());
    let reason = photo.reason.as_deref().expect("a reason");
    assert!(reason.starts_with("“证书照片.png”是照片或扫描件") && reason.contains("手动填写"), "{reason}");
    assert!(photo.sha256.is_some(), "a photo is hashed all the same");
}

#[test]
fn the_same_certificate_twice_in_the_folder_is_flagged_on_both_files_as_the_same_file() {
    let tmp = tempfile::tempdir().expect("tmp");
    let scan = handbook(tmp.path()).scan_folder(&folder(tmp.path())).expect("scanned");
    let [copy, original, photo] = &scan.files[..] else { panic!("three files") };
    assert_eq!(copy.sha256, original.sha256);
    assert_eq!(copy.duplicates.len(), 1, "the same content is not also called the same number: {:?}", copy.duplicates);
    assert_eq!(copy.duplicates[0].kind, DuplicateKind::FolderHasFile);
    assert_eq!(copy.duplicates[0].message, "与文件夹中的“结业证书.pdf”相同");
    assert_eq!(original.duplicates[0].message, "与文件夹中的“2024/结业证书（副本）.PDF”相同");
    assert!(photo.duplicates.is_empty(), "{:?}", photo.duplicates);
}

#[test]
fn a_record_holding_the_file_and_a_record_noting_its_number_are_both_named() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut h = handbook(tmp.path());
    let dir = folder(tmp.path());
    let holder = h.save_activity(&training("已附证书的研修班", Some("证书编号：HN-2024-0001"))).expect("saved");
    h.attach(&holder, &[dir.join("结业证书.pdf")], "结业证书").expect("attached");
    let noted = h.save_activity(&training("记了编号的研修班", Some("证书编号：HN-2024-0001"))).expect("saved");
    h.save_activity(&training("别的研修班", Some("证书编号：HN-2024-0002"))).expect("saved");
    let scan = h.scan_folder(&dir).expect("scanned");
    let on_records: Vec<(DuplicateKind, Option<&str>, &str)> = scan.files[1]
        .duplicates
        .iter()
        .filter(|d| d.record.is_some())
        .map(|d| (d.kind, d.record.as_deref(), d.message.as_str()))
        .collect();
    assert_eq!(
        on_records,
        [
            (DuplicateKind::RecordHasFile, Some(holder.as_str()), "已有记录“已附证书的研修班”附有同一文件"),
            (DuplicateKind::RecordHasNumber, Some(noted.as_str()), "与记录“记了编号的研修班”证书编号相同"),
        ],
        "the record holding the file is not named twice, the other number not at all"
    );
}

#[test]
fn two_files_giving_one_certificate_number_are_flagged_as_the_same_number() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("证书");
    write(&dir.join("甲.pdf"), CERTIFICATE);
    let mut other = CERTIFICATE.to_vec();
    other.extend_from_slice(b"\n% another copy\n");
    write(&dir.join("乙.pdf"), &other);
    let scan = handbook(tmp.path()).scan_folder(&dir).expect("scanned");
    let [yi, jia] = &scan.files[..] else { panic!("two files") };
    assert_eq!((yi.name.as_str(), jia.name.as_str()), ("乙.pdf", "甲.pdf"), "sorted by name");
    assert_ne!(yi.sha256, jia.sha256);
    assert_eq!(yi.duplicates[0].kind, DuplicateKind::FolderHasNumber);
    assert_eq!(yi.duplicates[0].message, "与文件夹中的“甲.pdf”证书编号相同");
    assert_eq!(jia.duplicates[0].message, "与文件夹中的“乙.pdf”证书编号相同");
}

#[test]
fn hidden_files_folders_deeper_than_two_levels_and_links_are_passed_over() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("证书");
    write(&dir.join("一/二/两层.png"), PNG);
    write(&dir.join("一/二/三/三层.png"), PNG);
    write(&dir.join(".隐藏.png"), PNG);
    write(&dir.join(".隐藏文件夹/里面.png"), PNG);
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.join("一/二/两层.png"), dir.join("链接.png")).expect("link");
    let scan = handbook(tmp.path()).scan_folder(&dir).expect("scanned");
    let names: Vec<&str> = scan.files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["一/二/两层.png"]);
}

#[test]
fn more_files_than_can_be_read_at_once_are_refused_saying_how_many_were_found() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("证书");
    for i in 0..=MAX_FILES {
        write(&dir.join(format!("{i:03}.png")), PNG);
    }
    let err = handbook(tmp.path()).scan_folder(&dir).expect_err("refused");
    assert_eq!(
        err.to_string(),
        "文件夹“证书”中有 201 份证书文件，一次最多读取 200 份：请把它们分到几个文件夹中，逐个读取"
    );
    std::fs::create_dir_all(tmp.path().join("空")).expect("folder");
    let empty = handbook(tmp.path()).scan_folder(&tmp.path().join("空")).expect_err("nothing to read");
    assert!(empty.to_string().contains("没有证书文件"), "{empty}");
}

#[test]
fn accepting_a_suggestion_saves_the_record_with_the_certificate_attached() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut h = handbook(tmp.path());
    let dir = folder(tmp.path());
    let scan = h.scan_folder(&dir).expect("scanned");
    let mut fields = scan.files[1].suggested().expect("a suggestion").clone();
    fields.category = Some(xueshi_core::kinds::Category::Professional);
    let id = h.accept_scanned(&fields, &scan.files[1].path).expect("accepted");
    let saved = h.store().activity(&id).expect("saved");
    assert_eq!(saved.title, "数字化教学能力提升研修班");
    assert_eq!(saved.evidence.len(), 1);
    assert_eq!(saved.evidence[0].sha256, scan.files[1].sha256);
    assert_eq!(saved.evidence[0].material, "结业证书");
    let again = h.scan_folder(&dir).expect("scanned again");
    assert!(
        again.files[1]
            .duplicates
            .iter()
            .any(|d| d.kind == DuplicateKind::RecordHasFile && d.record == Some(id.clone()))
    );
}

#[test]
fn a_certificate_that_cannot_be_attached_leaves_no_record_behind() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut h = handbook(tmp.path());
    let gone = tmp.path().join("已删除.pdf");
    let err = h.accept_scanned(&training("研修班", None), &gone).expect_err("not attached");
    assert!(!err.to_string().is_empty());
    assert!(h.store().ledger().expect("ledger").activities.is_empty());
}
