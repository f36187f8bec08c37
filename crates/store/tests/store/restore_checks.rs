//! Restoring a crafted database: a file that passes the application id, version and integrity
//! checks but carries a trigger of its own, a stored SHA-256 that is a path or not ASCII, or a row
//! whose record is missing, is refused with a Chinese message naming what is wrong, and the
//! current data stays exactly as it was.

use std::path::{Path, PathBuf};

use crate::common::{data_dir, every_kind, pdf, quiet};
use rusqlite::Connection;
use xueshi_store::{BackupReason, Store};

/// A store with one record and one attached PDF, and a good backup of it moved out of `backups/`
/// (as a user would pick a file to restore), changed by `craft`.
fn store_and_crafted_backup(craft: &str) -> (tempfile::TempDir, Store, PathBuf) {
    let (tmp, dir) = data_dir();
    let mut store = Store::open_with(&dir, quiet()).expect("opens");
    let mut a = every_kind().activities[0].clone();
    a.evidence.clear();
    store.add_activity(&a).expect("added");
    store.attach_reader(&a.id, &mut &pdf("证书")[..], "证书.pdf", Path::new("证书.pdf"), "结业证书").expect("attached");
    let made = store.backup(BackupReason::Manual).expect("backed up");
    let crafted = tmp.path().join("别人给的备份.sqlite3");
    std::fs::rename(&made, &crafted).expect("moved");
    let conn = Connection::open(&crafted).expect("crafted file opens");
    conn.execute_batch(craft).expect("crafted");
    drop(conn);
    (tmp, store, crafted)
}

/// Restoring `crafted` is refused naming `named`, and the store holds what it held.
fn refused_and_untouched(store: &mut Store, crafted: &Path, named: &[&str]) {
    let before_ledger = store.ledger().expect("ledger");
    let before_log = store.changes(1000).expect("log").len();
    let before_backups = store.backups().expect("listed");
    let err = store.restore(crafted).expect_err("a crafted database is refused").to_string();
    assert!(err.contains("不能用来恢复"), "{err}");
    assert!(err.contains("当前数据未改动"), "{err}");
    for name in named {
        assert!(err.contains(name), "the message names {name}: {err}");
    }
    assert_eq!(store.ledger().expect("ledger"), before_ledger, "the records are untouched");
    assert_eq!(store.changes(1000).expect("log").len(), before_log, "the change log is untouched");
    assert_eq!(store.backups().expect("listed"), before_backups, "no backup was made for a refused restore");
    let planted: i64 = store
        .connection()
        .query_row("SELECT count(*) FROM sqlite_schema WHERE name = 'wipe_change_log'", [], |r| r.get(0))
        .expect("schema");
    assert_eq!(planted, 0);
}

#[test]
fn a_backup_with_a_planted_trigger_is_refused_saying_a_trigger_was_added() {
    let (_tmp, mut store, crafted) = store_and_crafted_backup(
        "CREATE TRIGGER wipe_change_log AFTER INSERT ON activities BEGIN DELETE FROM change_log; END;",
    );
    refused_and_untouched(&mut store, &crafted, &["多出了学时手册没有的触发器"]);
}

#[test]
fn a_backup_whose_table_was_redefined_is_refused_saying_a_table_differs() {
    let (_tmp, mut store, crafted) = store_and_crafted_backup(
        "PRAGMA writable_schema = ON;
         UPDATE sqlite_schema SET sql = replace(sql, 'CHECK (length(sha256) = 64 AND sha256 NOT GLOB ''*[^0-9a-f]*'')', '')
          WHERE name = 'evidence_files';
         PRAGMA writable_schema = OFF;",
    );
    refused_and_untouched(&mut store, &crafted, &["有表的定义与学时手册的不同"]);
}

#[test]
fn a_backup_whose_stored_hash_is_a_path_is_refused_naming_the_record_and_file() {
    let (_tmp, mut store, crafted) = store_and_crafted_backup(
        "PRAGMA ignore_check_constraints = ON;
         INSERT INTO evidence_files (sha256, size, file_type) VALUES ('../../etc/passwd', 10, 'pdf');
         UPDATE evidence SET sha256 = '../../etc/passwd';",
    );
    let id = every_kind().activities[0].id.clone();
    refused_and_untouched(&mut store, &crafted, &["校验值无效", &id, "证书.pdf"]);
}

#[test]
fn a_backup_whose_stored_hash_is_not_ascii_is_refused() {
    let hash = "证".repeat(64);
    let (_tmp, mut store, crafted) = store_and_crafted_backup(&format!(
        "PRAGMA ignore_check_constraints = ON;
         INSERT INTO evidence_files (sha256, size, file_type) VALUES ('{hash}', 10, 'pdf');
         UPDATE evidence SET sha256 = '{hash}';"
    ));
    refused_and_untouched(&mut store, &crafted, &["校验值无效", "证书.pdf"]);
}

#[test]
fn a_backup_with_evidence_of_a_missing_record_is_refused_saying_a_reference_is_broken() {
    let (_tmp, mut store, crafted) = store_and_crafted_backup(
        "PRAGMA foreign_keys = OFF;
         UPDATE evidence SET activity = 999;",
    );
    refused_and_untouched(&mut store, &crafted, &["有 1 处数据引用了不存在的记录或材料"]);
}

#[test]
fn a_good_backup_moved_elsewhere_still_restores() {
    let (_tmp, mut store, crafted) = store_and_crafted_backup("SELECT 1;");
    store.restore(&crafted).expect("a sound backup restores");
    assert_eq!(store.activities(None).expect("listed").len(), 1);
}

#[test]
fn a_backup_with_a_value_its_table_forbids_is_refused_saying_a_value_is_out_of_range() {
    // SQLite's integrity check skips CHECK constraints on a read-only connection: the file is
    // checked in a private copy.
    let (_tmp, mut store, crafted) = store_and_crafted_backup(
        "PRAGMA ignore_check_constraints = ON;
         UPDATE activities SET days = -5, category = 'anything';",
    );
    refused_and_untouched(&mut store, &crafted, &["有超出允许范围的值"]);
}
