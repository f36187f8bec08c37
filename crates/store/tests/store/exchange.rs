//! Import and export of the `xueshi-ledger` JSON with the evidence files alongside, as a folder or
//! a .zip: a lossless round trip, and imports that are refused as a whole.

use std::path::Path;

use crate::common::{add_without_evidence, data_dir, every_kind, file, pdf, png, quiet, tree};
use xueshi_store::{Store, StoreError};

/// A store holding every kind of record, with files attached to two of them (one file twice, two
/// different files under the same name).
pub(crate) fn filled_store(tmp: &Path) -> (xueshi_store::DataDir, Store) {
    let dir = xueshi_store::DataDir::new(tmp.join("源"));
    let mut store = Store::open_with(&dir, quiet()).expect("opens");
    let ledger = every_kind();
    add_without_evidence(&mut store, &ledger);
    let one = tmp.join("一");
    let two = tmp.join("二");
    std::fs::create_dir_all(&one).expect("folder");
    std::fs::create_dir_all(&two).expect("folder");
    store.attach("2024-001", &file(&one, "结业证书.pdf", &pdf("证书")), "结业证书").expect("a");
    store.attach("2024-001", &file(&two, "结业证书.pdf", &pdf("另一份")), "培训通知").expect("b");
    store.attach("2024-001", &file(&one, "签到表.png", &png()), "培训签到表").expect("c");
    store.attach("2024-002", &file(&one, "结业证书.pdf", &pdf("证书")), "会议通知").expect("d");
    (dir, store)
}

#[test]
fn export_then_import_into_an_empty_folder_then_export_again_gives_the_same_json_and_files() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (_dir, store) = filled_store(tmp.path());
    let first = tmp.path().join("导出1");
    let report = store.export_folder(&first).expect("exported");
    assert_eq!(report.files, 4);

    let (_t2, empty) = data_dir();
    let mut copy = Store::open_with(&empty, quiet()).expect("opens");
    let imported = copy.import_ledger(&first).expect("imported");
    assert_eq!(imported.activities, 18);
    assert_eq!(copy.ledger().expect("ledger"), store.ledger().expect("ledger"), "the same records, names and hashes");

    let second = tmp.path().join("导出2");
    copy.export_folder(&second).expect("exported again");
    assert_eq!(tree(&first), tree(&second));
    assert!(copy.verify().expect("verified").is_ok());
}

#[test]
fn the_same_round_trip_works_through_a_zip_archive() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (_dir, store) = filled_store(tmp.path());
    let zip = tmp.path().join("学时记录.zip");
    store.export_zip(&zip).expect("zipped");
    let (_t2, empty) = data_dir();
    let mut copy = Store::open_with(&empty, quiet()).expect("opens");
    copy.import_ledger(&zip).expect("imported");
    let a = tmp.path().join("a");
    let b = tmp.path().join("b");
    store.export_folder(&a).expect("exported");
    copy.export_folder(&b).expect("exported");
    assert_eq!(tree(&a), tree(&b));
}

#[test]
fn a_ledger_file_naming_files_beside_it_brings_them_into_the_vault() {
    let tmp = tempfile::tempdir().expect("tmp");
    let folder = tmp.path().join("手写");
    std::fs::create_dir_all(folder.join("材料")).expect("folder");
    file(&folder.join("材料"), "证书.pdf", &pdf("手写"));
    let json = r#"{"format":"xueshi-ledger","version":1,"activities":[
        {"id":"a","kind":"online_course","title":"网课","date":"2024-03-01","category":"public","hours":10,
         "evidence":[{"file":"材料/证书.pdf","material":"结业证书"},{"file":"没有的.pdf","material":"课程内容"}]}]}"#;
    let ledger_path = file(&folder, "我的记录.json", json.as_bytes());
    let (_t2, dir) = data_dir();
    let mut store = Store::open_with(&dir, quiet()).expect("opens");
    let report = store.import_ledger(&ledger_path).expect("imported");
    assert_eq!((report.files, report.names_only), (1, 1));
    let evidence = store.evidence_of("a").expect("evidence");
    assert_eq!(evidence[0].file_name, "证书.pdf");
    assert!(evidence[0].sha256.is_some());
    assert_eq!(evidence[1].file_name, "没有的.pdf");
    assert!(evidence[1].sha256.is_none());
}

#[test]
fn an_import_with_an_id_already_stored_is_refused_and_adds_nothing() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (_dir, store) = filled_store(tmp.path());
    let out = tmp.path().join("导出");
    store.export_folder(&out).expect("exported");
    drop(store);
    let (_t2, dir) = data_dir();
    let mut other = Store::open_with(&dir, quiet()).expect("opens");
    let mut clash = every_kind().activities[5].clone();
    clash.evidence.clear();
    other.add_activity(&clash).expect("added");
    let err = other.import_ledger(&out).expect_err("refused");
    assert!(matches!(err, StoreError::DuplicateActivity(_)), "{err}");
    assert_eq!(other.activities(None).expect("list").len(), 1);
}

#[test]
fn an_evidence_file_whose_content_does_not_match_its_hash_refuses_the_whole_import() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (_dir, store) = filled_store(tmp.path());
    let out = tmp.path().join("导出");
    store.export_folder(&out).expect("exported");
    let victim = out.join("evidence/2024-001/签到表.png");
    let mut bytes = std::fs::read(&victim).expect("read");
    bytes.push(0);
    std::fs::write(&victim, bytes).expect("tampered");
    let (_t2, dir) = data_dir();
    let mut copy = Store::open_with(&dir, quiet()).expect("opens");
    let err = copy.import_ledger(&out).expect_err("refused");
    assert!(err.to_string().contains("与导出时不一致"), "{err}");
    assert!(copy.ledger().expect("ledger").activities.is_empty());
    assert_eq!(copy.profile().expect("profile"), Default::default());
}

#[test]
fn exporting_into_a_folder_that_is_not_empty_is_refused() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (_dir, store) = filled_store(tmp.path());
    let err = store.export_folder(&tmp.path().join("一")).expect_err("refused");
    assert!(err.to_string().contains("不是空的"), "{err}");
}

#[test]
fn exporting_a_damaged_vault_file_is_refused_naming_the_record_and_the_file_and_leaves_nothing() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (_dir, store) = filled_store(tmp.path());
    let e = store.evidence_of("2024-001").expect("evidence").into_iter().find(|e| e.file_name == "签到表.png");
    let blob = store.blob_path(e.and_then(|e| e.sha256).as_deref().expect("stored")).expect("path");
    let mut bytes = std::fs::read(&blob).expect("read");
    let last = bytes.len() - 1;
    bytes[last] ^= 0xFF;
    std::fs::write(&blob, bytes).expect("damaged, same size");
    let folder = tmp.path().join("导出");
    let err = store.export_folder(&folder).expect_err("refused").to_string();
    assert!(err.contains("2024-001") && err.contains("签到表.png") && err.contains("已损坏"), "{err}");
    assert!(!folder.exists(), "nothing under the final name");
    let zip = tmp.path().join("导出.zip");
    let err = store.export_zip(&zip).expect_err("refused").to_string();
    assert!(err.contains("2024-001") && err.contains("签到表.png"), "{err}");
    assert!(!zip.exists() && !tmp.path().join("导出.zip.partial").exists());
}

#[test]
fn a_folder_export_that_fails_half_way_leaves_no_folder_and_no_temporary_one() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (_dir, store) = filled_store(tmp.path());
    let e = store.evidence_of("2024-002").expect("evidence");
    let blob = store.blob_path(e[0].sha256.as_deref().expect("stored")).expect("path");
    let kept = std::fs::read(&blob).expect("read");
    let sibling = store.evidence_of("2024-001").expect("evidence");
    assert!(sibling.iter().any(|s| s.sha256 == e[0].sha256), "shared file");
    // Another file is missing: the export stops after copying some files.
    let other = sibling.iter().find(|s| s.sha256 != e[0].sha256).expect("another file");
    std::fs::remove_file(store.blob_path(other.sha256.as_deref().expect("stored")).expect("path")).expect("removed");
    let parent = tmp.path().join("放导出");
    std::fs::create_dir_all(&parent).expect("folder");
    let folder = parent.join("导出");
    store.export_folder(&folder).expect_err("fails");
    assert!(!folder.exists());
    assert_eq!(std::fs::read_dir(&parent).expect("read").count(), 0, "no temporary folder left");
    let empty = parent.join("空的");
    std::fs::create_dir(&empty).expect("an empty folder chosen as the target");
    store.export_folder(&empty).expect_err("fails");
    assert_eq!(std::fs::read_dir(&empty).expect("still there, still empty").count(), 0);
    assert_eq!(std::fs::read(&blob).expect("untouched"), kept);
}

#[test]
fn the_leftovers_of_a_killed_folder_export_are_removed_by_the_next_one() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (_dir, store) = filled_store(tmp.path());
    let usb = tmp.path().join("U盘");
    std::fs::create_dir_all(usb.join(".xueshi-export-4242.partial/evidence")).expect("leftover inside");
    std::fs::write(usb.join(".xueshi-export-4242.partial/evidence/x"), b"half").expect("half a file");
    store.export_folder(&usb).expect("exported despite the leftover");
    assert_eq!(tree(&usb).keys().filter(|k| k.contains(".partial")).count(), 0);
    let parent = tmp.path().join("放导出");
    std::fs::create_dir_all(parent.join(".导出.4242.partial/evidence")).expect("leftover beside");
    store.export_folder(&parent.join("导出")).expect("exported");
    let names: Vec<String> = std::fs::read_dir(&parent)
        .expect("read")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["导出"]);
}

#[test]
fn the_leftover_of_a_killed_zip_export_is_removed_by_the_next_one_and_a_running_one_is_left_alone() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (_dir, store) = filled_store(tmp.path());
    let out = tmp.path().join("导出");
    std::fs::create_dir_all(&out).expect("folder");
    let stale = out.join(".全部数据.zip.4242.partial");
    std::fs::write(&stale, b"PK half an archive").expect("leftover");
    let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options().write(true).open(&stale).and_then(|f| f.set_modified(an_hour_ago)).expect("aged");
    let running = out.join(".全部数据.zip.4343.partial");
    std::fs::write(&running, b"PK being written").expect("another export's file");

    store.export_zip(&out.join("全部数据.zip")).expect("zipped");
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .expect("read")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, [".全部数据.zip.4343.partial", "全部数据.zip"]);
}
