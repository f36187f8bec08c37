//! The evidence vault: attach atomically under the content hash, dedupe, refusals that change
//! nothing, the sweep of leftovers, verify and vacuum.

use std::path::Path;

use crate::common::{data_dir, every_kind, file, open, pdf, png, quiet};
use xueshi_store::vault::{blob_path, hash_file};
use xueshi_store::{FileType, Options, Refusal, Store, StoreError};

fn store_with_one_record() -> (tempfile::TempDir, xueshi_store::DataDir, Store) {
    let (tmp, dir) = data_dir();
    let mut store = Store::open_with(&dir, quiet()).expect("opens");
    let mut a = every_kind().activities[0].clone();
    a.evidence.clear();
    store.add_activity(&a).expect("added");
    (tmp, dir, store)
}

/// Every file under `dir`, relative names.
fn files_under(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p.strip_prefix(dir).expect("inside").display().to_string());
            }
        }
    }
    out.sort();
    out
}

#[test]
fn attaching_a_file_stores_it_under_its_sha256_with_name_type_size_and_material() {
    let (tmp, dir, mut store) = store_with_one_record();
    let bytes = pdf("结业");
    let source = file(tmp.path(), "结业证书（2024年）.pdf", &bytes);
    let attached = store.attach("2024-001", &source, "结业证书").expect("attached");
    let (hash, size) = hash_file(&source).expect("hashed");
    assert_eq!((attached.sha256.as_str(), attached.size), (hash.as_str(), size));
    assert_eq!(attached.file_type, FileType::Pdf);
    assert_eq!(std::fs::read(blob_path(&dir.evidence(), &hash)).expect("stored"), bytes);
    let entries = store.evidence_of("2024-001").expect("evidence");
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].file_name, "结业证书（2024年）.pdf");
    assert_eq!(entries[0].material, "结业证书");
    assert_eq!(entries[0].file_type.as_deref(), Some("pdf"));
    assert_eq!(entries[0].size, Some(size));
    let ledger = store.ledger().expect("ledger");
    assert_eq!(ledger.activities[0].evidence[0].sha256.as_deref(), Some(hash.as_str()));
}

#[test]
fn attaching_the_same_content_twice_stores_it_once() {
    let (tmp, dir, mut store) = store_with_one_record();
    let a = file(tmp.path(), "通知.pdf", &pdf("同一份"));
    let b = file(tmp.path(), "通知（副本）.pdf", &pdf("同一份"));
    let first = store.attach("2024-001", &a, "培训通知").expect("first");
    let second = store.attach("2024-001", &b, "培训课程表").expect("second");
    assert!(!first.deduplicated && second.deduplicated);
    assert_eq!(first.sha256, second.sha256);
    let stored: Vec<String> = files_under(&dir.evidence()).into_iter().filter(|f| !f.starts_with('.')).collect();
    assert_eq!(stored.len(), 1, "{stored:?}");
    assert_eq!(store.evidence_of("2024-001").expect("evidence").len(), 2);
}

#[test]
fn attaching_the_same_file_as_the_same_material_again_adds_nothing() {
    let (tmp, _dir, mut store) = store_with_one_record();
    let a = file(tmp.path(), "签到表.png", &png());
    store.attach("2024-001", &a, "培训签到表").expect("first");
    let again = store.attach("2024-001", &a, "培训签到表").expect("again");
    assert!(again.already_attached);
    assert_eq!(store.evidence_of("2024-001").expect("evidence").len(), 1);
}

#[test]
fn files_are_typed_by_content_not_by_name() {
    let (tmp, _dir, mut store) = store_with_one_record();
    let disguised = file(tmp.path(), "照片.pdf", &png());
    assert_eq!(store.attach("2024-001", &disguised, "培训签到表").expect("ok").file_type, FileType::Png);
    let text = file(tmp.path(), "证书.pdf", "这其实是文字".as_bytes());
    let err = store.attach("2024-001", &text, "结业证书").expect_err("refused");
    assert!(matches!(err, StoreError::Refused(Refusal::UnsupportedType(_))), "{err}");
}

/// Attaching `source` fails with `expected` and leaves the vault and the records as they were.
fn refused_without_change(store: &mut Store, dir: &xueshi_store::DataDir, source: &Path, what: &str) -> String {
    let before = (files_under(&dir.evidence()), store.ledger().expect("ledger"));
    let err = store.attach("2024-001", source, "结业证书").expect_err(what);
    let after = (files_under(&dir.evidence()), store.ledger().expect("ledger"));
    assert_eq!(after, before, "{what} changed something");
    err.to_string()
}

#[test]
fn a_folder_an_empty_file_a_missing_file_and_a_link_loop_are_refused_with_nothing_changed() {
    let (tmp, dir, mut store) = store_with_one_record();
    let folder = tmp.path().join("材料文件夹");
    std::fs::create_dir(&folder).expect("folder");
    assert!(refused_without_change(&mut store, &dir, &folder, "folder").contains("是文件夹"));
    let empty = file(tmp.path(), "空.pdf", b"");
    assert!(refused_without_change(&mut store, &dir, &empty, "empty").contains("空文件"));
    let missing = tmp.path().join("不存在.pdf");
    assert!(refused_without_change(&mut store, &dir, &missing, "missing").contains("无法读取"));
    #[cfg(unix)]
    {
        let a = tmp.path().join("loop-a.pdf");
        let b = tmp.path().join("loop-b.pdf");
        std::os::unix::fs::symlink(&b, &a).expect("link");
        std::os::unix::fs::symlink(&a, &b).expect("link");
        assert!(refused_without_change(&mut store, &dir, &a, "loop").contains("快捷方式"));
    }
}

#[test]
fn a_file_over_the_size_limit_is_refused_with_nothing_changed() {
    let (tmp, dir) = data_dir();
    let options = Options { max_evidence_bytes: 1024, ..quiet() };
    let mut store = Store::open_with(&dir, options).expect("opens");
    let mut a = every_kind().activities[0].clone();
    a.evidence.clear();
    store.add_activity(&a).expect("added");
    let mut big = pdf("大");
    big.resize(4096, b' ');
    let source = file(tmp.path(), "大.pdf", &big);
    let message = refused_without_change(&mut store, &dir, &source, "oversized");
    assert!(message.contains("超过证明材料的上限"), "{message}");
}

#[test]
fn attaching_to_a_record_that_does_not_exist_is_refused_before_copying() {
    let (tmp, dir, mut store) = store_with_one_record();
    let source = file(tmp.path(), "a.pdf", &pdf("a"));
    let err = store.attach("没有这条", &source, "结业证书").expect_err("refused");
    assert!(matches!(err, StoreError::NoSuchActivity(_)));
    assert!(files_under(&dir.evidence()).iter().all(|f| f.starts_with('.')));
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_refused_with_nothing_changed() {
    use std::os::unix::fs::PermissionsExt;
    let (tmp, dir, mut store) = store_with_one_record();
    let source = file(tmp.path(), "锁住.pdf", &pdf("x"));
    std::fs::set_permissions(&source, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::File::open(&source).is_ok() {
        return; // running as root: permissions do not stop reading, the case cannot be made
    }
    assert!(refused_without_change(&mut store, &dir, &source, "unreadable").contains("无法读取"));
}

/// Windows' form of an unreadable file: one another program (Word, a scanner's software) has
/// open without sharing it.
#[cfg(windows)]
#[test]
fn a_file_another_program_keeps_locked_is_refused_with_nothing_changed() {
    use std::os::windows::fs::OpenOptionsExt;
    let (tmp, dir, mut store) = store_with_one_record();
    let source = file(tmp.path(), "锁住.pdf", &pdf("x"));
    let locked = std::fs::OpenOptions::new().read(true).share_mode(0).open(&source).expect("locked");
    assert!(refused_without_change(&mut store, &dir, &source, "locked").contains("无法读取"));
    drop(locked);
}

#[test]
fn leftovers_of_an_interrupted_attach_are_swept_on_open() {
    let (_tmp, dir, store) = store_with_one_record();
    drop(store);
    let incoming = dir.evidence().join(".incoming");
    std::fs::create_dir_all(&incoming).expect("folder");
    let leftover = incoming.join("12345-1-0.part");
    std::fs::write(&leftover, b"%PDF-half").expect("leftover");
    let store = Store::open_with(&dir, quiet()).expect("opens");
    assert!(!leftover.exists());
    assert!(store.open_report().swept.contains(&leftover));
}

#[test]
fn a_temporary_file_still_being_written_by_another_program_is_not_swept() {
    let (_tmp, dir, store) = store_with_one_record();
    drop(store);
    let incoming = dir.evidence().join(".incoming");
    std::fs::create_dir_all(&incoming).expect("folder");
    let busy = incoming.join("999-1-0.part");
    let handle = std::fs::File::create(&busy).expect("created");
    handle.lock().expect("locked like a running attach");
    let store = Store::open_with(&dir, quiet()).expect("opens");
    assert!(busy.exists());
    assert_eq!(store.verify().expect("verified").in_progress, [busy]);
}

#[test]
fn verify_finds_a_damaged_file_a_missing_file_and_an_unreferenced_file() {
    let (tmp, dir, mut store) = store_with_one_record();
    assert!(store.verify().expect("verified").is_ok());
    let a = store.attach("2024-001", &file(tmp.path(), "a.pdf", &pdf("a")), "培训通知").expect("a");
    let b = store.attach("2024-001", &file(tmp.path(), "b.pdf", &pdf("b")), "结业证书").expect("b");
    let report = store.verify().expect("verified");
    assert!(report.is_ok(), "{report:?}");
    assert_eq!(report.files_checked, 2);

    std::fs::write(blob_path(&dir.evidence(), &a.sha256), b"%PDF-tampered").expect("damaged");
    std::fs::remove_file(blob_path(&dir.evidence(), &b.sha256)).expect("removed");
    let stray = dir.evidence().join("ab").join("stray");
    std::fs::create_dir_all(stray.parent().expect("parent")).expect("folder");
    std::fs::write(&stray, b"stray").expect("stray");
    let report = store.verify().expect("verified");
    assert_eq!(report.corrupt.len(), 1);
    assert_eq!(report.corrupt[0].used_by, ["2024-001：a.pdf"]);
    assert_eq!(report.missing.len(), 1);
    assert_eq!(report.missing[0].sha256, b.sha256);
    assert_eq!(report.unreferenced, [stray]);
    assert!(report.integrity.is_empty() && !report.is_ok());
}

#[test]
fn removed_records_keep_their_files_until_vacuum_removes_them() {
    let (tmp, dir, mut store) = store_with_one_record();
    let kept = store.attach("2024-001", &file(tmp.path(), "a.pdf", &pdf("a")), "培训通知").expect("a");
    let mut other = every_kind().activities[1].clone();
    other.evidence.clear();
    store.add_activity(&other).expect("added");
    let gone = store.attach(&other.id, &file(tmp.path(), "b.pdf", &pdf("b")), "会议通知").expect("b");
    store.remove_activity(&other.id).expect("removed");
    let gone_path = blob_path(&dir.evidence(), &gone.sha256);
    assert!(gone_path.exists(), "kept until vacuum");
    assert_eq!(store.verify().expect("verified").unreferenced, std::slice::from_ref(&gone_path));

    let report = store.vacuum().expect("vacuumed");
    assert_eq!(report.removed, std::slice::from_ref(&gone_path));
    assert!(!gone_path.exists());
    assert!(blob_path(&dir.evidence(), &kept.sha256).exists());
    assert!(store.verify().expect("verified").is_ok());
}

#[test]
fn a_file_shared_by_two_records_stays_while_one_of_them_uses_it() {
    let (tmp, dir, mut store) = store_with_one_record();
    let mut other = every_kind().activities[1].clone();
    other.evidence.clear();
    store.add_activity(&other).expect("added");
    let source = file(tmp.path(), "通用.pdf", &pdf("shared"));
    let a = store.attach("2024-001", &source, "培训通知").expect("a");
    store.attach(&other.id, &source, "会议通知").expect("b");
    store.remove_activity(&other.id).expect("removed");
    assert!(store.vacuum().expect("vacuumed").removed.is_empty());
    assert!(blob_path(&dir.evidence(), &a.sha256).exists());
}

#[test]
fn the_default_store_opens_with_a_200_mib_evidence_limit() {
    let (_tmp, dir) = data_dir();
    assert_eq!(open(&dir).options().max_evidence_bytes, 200 * 1024 * 1024);
}

#[test]
fn attaching_again_repairs_a_vault_copy_that_was_cut_short() {
    let (tmp, dir, mut store) = store_with_one_record();
    let source = file(tmp.path(), "通知.pdf", &pdf("完整的一份"));
    let first = store.attach("2024-001", &source, "培训通知").expect("first");
    let stored = blob_path(&dir.evidence(), &first.sha256);
    std::fs::write(&stored, b"%PDF-cut").expect("damaged");
    assert_eq!(store.verify().expect("verified").corrupt.len(), 1);
    store.attach("2024-001", &source, "培训通知").expect("again");
    assert!(store.verify().expect("verified").is_ok());
}

#[test]
fn a_program_is_refused_whatever_it_is_called_and_a_pdf_named_as_a_program_too() {
    let (tmp, dir, mut store) = store_with_one_record();
    store.attach("2024-001", &file(tmp.path(), "真.pdf", &pdf("真")), "结业证书").expect("a real one");
    let mut exe = b"MZ\x90\0\x03\0\0\0".to_vec();
    exe.resize(300, 0);
    exe.extend_from_slice(b"%PDF-1.7\n");
    let disguised = file(tmp.path(), "结业证书.pdf", &exe);
    assert!(refused_without_change(&mut store, &dir, &disguised, "MZ").contains("程序或脚本"));
    let named = file(tmp.path(), "结业证书.exe", &pdf("真的 PDF"));
    assert!(refused_without_change(&mut store, &dir, &named, ".exe").contains("程序或脚本"));
    let script = file(tmp.path(), "通知.pdf", b"#!/bin/sh\nrm -rf ~\n%PDF-1.4\n");
    assert!(refused_without_change(&mut store, &dir, &script, "#!").contains("程序或脚本"));
}

#[test]
fn attaching_the_original_again_repairs_a_vault_copy_damaged_without_changing_its_size() {
    let (tmp, dir, mut store) = store_with_one_record();
    let bytes = pdf("完整的一份");
    let source = file(tmp.path(), "通知.pdf", &bytes);
    let first = store.attach("2024-001", &source, "培训通知").expect("first");
    let stored = blob_path(&dir.evidence(), &first.sha256);
    let mut damaged = bytes.clone();
    damaged[20] ^= 0xFF;
    std::fs::write(&stored, &damaged).expect("damaged");
    assert_eq!(store.verify().expect("verified").corrupt.len(), 1);
    let again = store.attach("2024-001", &source, "培训通知").expect("again");
    assert!(store.verify().expect("verified").is_ok(), "the vault copy is repaired");
    assert_eq!(std::fs::read(&stored).expect("stored"), bytes);
    assert!(!again.deduplicated, "the damaged copy was replaced, not kept");
}

#[test]
fn a_material_name_pasted_with_invisible_characters_is_stored_clean_and_an_endless_one_is_refused() {
    let (tmp, dir, mut store) = store_with_one_record();
    let source = file(tmp.path(), "证书.pdf", &pdf("证书"));
    store.attach("2024-001", &source, "\u{feff}结业\u{200b}证书 ").expect("attached");
    assert_eq!(store.evidence_of("2024-001").expect("evidence")[0].material, "结业证书");

    let other = file(tmp.path(), "通知.pdf", &pdf("通知"));
    for (material, expected) in [("材".repeat(101), "材料类型太长"), ("\u{200b}".to_owned(), "类别不能为空")]
    {
        let before = files_under(&dir.evidence());
        let message = store.attach("2024-001", &other, &material).expect_err("refused").to_string();
        assert!(message.contains(expected), "{message}");
        assert_eq!(files_under(&dir.evidence()), before);
    }
    assert_eq!(store.evidence_of("2024-001").expect("evidence").len(), 1);
}
