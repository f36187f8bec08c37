//! Windows only: files another program holds open (a viewer showing an earlier export or an
//! evidence file, a virus scanner) are waited for a moment when replaced; when they stay open the
//! error names the file and says to close the program, and nothing is left half done.
#![cfg(windows)]

use std::fs::{File, OpenOptions};
use std::io::Cursor;
use std::os::windows::fs::OpenOptionsExt;
use std::path::Path;
use std::time::Duration;

use crate::common::{data_dir, every_kind, pdf, quiet};
use xueshi_store::{Store, StoreError};

/// `FILE_SHARE_READ` alone: how viewers open a document (others may read it, not replace it).
const FILE_SHARE_READ: u32 = 1;

fn hold_open(path: &Path) -> File {
    OpenOptions::new().read(true).share_mode(FILE_SHARE_READ).open(path).expect("held open")
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A store with one record, and the path of the vault copy of its one attached file.
fn store_with_a_file() -> (tempfile::TempDir, Store, String, Vec<u8>) {
    let (tmp, dir) = data_dir();
    let mut store = Store::open_with(&dir, quiet()).expect("opens");
    let mut record = every_kind().activities[0].clone();
    record.evidence.clear();
    store.add_activity(&record).expect("added");
    let content = pdf("结业证书");
    store
        .attach_reader(&record.id, &mut Cursor::new(&content), "结业证书.pdf", Path::new("结业证书.pdf"), "结业证书")
        .expect("attached");
    (tmp, store, record.id, content)
}

#[test]
fn an_export_over_a_zip_a_viewer_keeps_open_fails_by_name_and_leaves_the_old_zip_alone() {
    let (tmp, store, _, _) = store_with_a_file();
    let zip = tmp.path().join("学时记录.zip");
    std::fs::write(&zip, b"an earlier export").expect("written");
    let before = files_in(tmp.path());
    let viewer = hold_open(&zip);
    let err = store.export_zip(&zip).expect_err("held open");
    drop(viewer);
    assert!(matches!(err, StoreError::FileInUse(_)), "{err:?}");
    assert!(err.to_string().contains("学时记录.zip") && err.to_string().contains("请关闭打开它的程序后重试"), "{err}");
    assert_eq!(std::fs::read(&zip).expect("read"), b"an earlier export");
    assert_eq!(files_in(tmp.path()), before, "no .partial file is left");
}

#[test]
fn a_damaged_vault_copy_open_in_a_viewer_is_replaced_once_the_viewer_lets_go() {
    let (_tmp, mut store, id, content) = store_with_a_file();
    let sha = store.evidence_of(&id).expect("evidence")[0].sha256.clone().expect("stored");
    let blob = store.blob_path(&sha).expect("vault path");
    std::fs::write(&blob, &content[..10]).expect("damaged");
    let viewer = hold_open(&blob);
    let release = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(200));
        drop(viewer);
    });
    store
        .attach_reader(&id, &mut Cursor::new(&content), "证书副本.pdf", Path::new("证书副本.pdf"), "培训通知")
        .expect("attached once the viewer let go");
    release.join().expect("released");
    assert_eq!(std::fs::read(&blob).expect("read"), content, "the damaged copy is replaced");
    assert!(store.verify().expect("verified").is_ok());
}

#[test]
fn a_damaged_vault_copy_that_stays_open_stops_the_attach_by_name_and_attaches_nothing() {
    let (_tmp, mut store, id, content) = store_with_a_file();
    let sha = store.evidence_of(&id).expect("evidence")[0].sha256.clone().expect("stored");
    let blob = store.blob_path(&sha).expect("vault path");
    std::fs::write(&blob, &content[..10]).expect("damaged");
    let viewer = hold_open(&blob);
    let err = store
        .attach_reader(&id, &mut Cursor::new(&content), "证书副本.pdf", Path::new("证书副本.pdf"), "培训通知")
        .expect_err("held open");
    drop(viewer);
    assert!(matches!(err, StoreError::FileInUse(_)), "{err:?}");
    assert!(err.to_string().contains(&sha), "{err}");
    assert_eq!(store.evidence_of(&id).expect("evidence").len(), 1, "nothing attached");
    let incoming = blob.parent().and_then(Path::parent).expect("vault").join(".incoming");
    assert!(files_in(&incoming).is_empty(), "no temporary file is left");
}
