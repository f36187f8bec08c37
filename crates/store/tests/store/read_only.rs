//! Opening a data folder for viewing only (what a full disk or a read-only folder falls back to,
//! tested for real with mounts in the command line's `unwritable_folder.rs`; here asked for with
//! `Options::read_only`, which works on every system): the records, checks and exports elsewhere
//! work, a change is refused in Chinese, and nothing in the data folder is written.

use crate::common;

use std::path::Path;

use crate::common::{add_without_evidence, data_dir, every_kind, pdf, quiet, tree};
use xueshi_store::{Options, ReadOnly, Store, StoreError};

fn names(tree: &std::collections::BTreeMap<String, Vec<u8>>) -> Vec<(&String, usize)> {
    tree.iter().map(|(name, bytes)| (name, bytes.len())).collect()
}

fn viewing_only() -> Options {
    Options { read_only: true, ..Options::default() }
}

#[test]
fn a_folder_opened_for_viewing_only_shows_checks_and_exports_and_writes_nothing() {
    let (tmp, dir) = data_dir();
    let mut store = Store::open_with(&dir, quiet()).expect("opens");
    let ledger = every_kind();
    add_without_evidence(&mut store, &ledger);
    let first = ledger.activities[0].id.clone();
    store
        .attach_reader(&first, &mut &pdf("证书")[..], "证书.pdf", Path::new("证书.pdf"), "结业证书")
        .expect("attached");
    drop(store);
    let before = tree(dir.root());

    let mut store = Store::open_with(&dir, viewing_only()).expect("opens for viewing");
    assert_eq!(store.open_report().read_only, Some(ReadOnly::Requested));
    assert!(store.open_report().backups.is_empty(), "no backup");
    assert_eq!(store.ledger().expect("ledger").activities.len(), ledger.activities.len());
    assert!(store.verify().expect("verified").is_ok());
    store.export_zip(&tmp.path().join("导出.zip")).expect("exported elsewhere");

    let mut extra = ledger.activities[1].clone();
    extra.evidence.clear();
    let err = store.add_activity_numbered(&extra).expect_err("a change is refused");
    assert!(matches!(err, StoreError::NotWritable { .. }), "{err}");
    assert!(err.to_string().contains("只读"), "{err}");
    let err = store.remove_activity(&first).expect_err("a removal is refused");
    assert!(matches!(err, StoreError::NotWritable { .. }), "{err}");
    drop(store);
    // SQLite's read-only connection may leave its (empty) WAL and WAL index beside the database,
    // as any reader does; nothing else may change.
    let mut after = tree(dir.root());
    after.remove("ledger.sqlite3-shm");
    assert!(after.remove("ledger.sqlite3-wal").is_none_or(|wal| wal.is_empty()), "nothing was written to the WAL");
    assert!(after == before, "nothing in the data folder was written: {:?} became {:?}", names(&before), names(&after));
}

#[test]
fn a_data_folder_that_is_a_file_is_refused_in_chinese_and_left_alone() {
    let (tmp, _) = data_dir();
    let file = common::file(tmp.path(), "ledger.json", b"{}");
    let err = Store::open(&xueshi_store::DataDir::new(&file)).err().expect("refused");
    assert!(matches!(err, StoreError::DataDirIsFile { .. }), "{err}");
    assert!(err.to_string().contains("是一个文件"), "{err}");
    assert_eq!(std::fs::read(&file).expect("read"), b"{}");
}
