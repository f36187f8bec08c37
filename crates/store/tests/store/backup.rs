//! Backups with the online backup API: before a migration, once a day on open, on demand; the
//! newest ten are kept; restore checks the file and backs up what it replaces.

use crate::common;

use crate::common::{data_dir, every_kind, open, quiet};
use rusqlite::Connection;
use xueshi_store::{BackupReason, Options, Store, StoreError, latest_schema_version};

#[test]
fn the_first_open_of_a_day_makes_one_backup_and_later_opens_make_none() {
    let (_tmp, dir) = data_dir();
    drop(open(&dir));
    let store = open(&dir);
    assert_eq!(store.open_report().backups.len(), 1, "first open of an existing database");
    drop(store);
    let store = open(&dir);
    assert!(store.open_report().backups.is_empty(), "already backed up today");
    assert_eq!(store.backups().expect("listed").len(), 1);
}

#[test]
fn only_the_newest_ten_backups_are_kept() {
    let (_tmp, dir) = data_dir();
    let store = Store::open_with(&dir, quiet()).expect("opens");
    let mut made = Vec::new();
    for _ in 0..12 {
        made.push(store.backup(BackupReason::Manual).expect("backed up"));
    }
    let kept = store.backups().expect("listed");
    assert_eq!(kept, made[2..].to_vec());
}

#[test]
fn a_backup_is_a_complete_database_holding_the_records() {
    let (_tmp, dir) = data_dir();
    let mut store = open(&dir);
    let ledger = every_kind();
    store.set_profile(&ledger.profile).expect("profile");
    let path = store.backup(BackupReason::Manual).expect("backed up");
    let copy = Connection::open(&path).expect("opens");
    let name: String = copy.query_row("SELECT name FROM profile", [], |r| r.get(0)).expect("profile in the backup");
    assert_eq!(name, "湘小明");
    let check: String = copy.query_row("PRAGMA integrity_check", [], |r| r.get(0)).expect("check");
    assert_eq!(check, "ok");
}

#[test]
fn restoring_a_backup_brings_back_its_records_and_keeps_a_backup_of_the_replaced_ones() {
    let (_tmp, dir) = data_dir();
    let mut store = Store::open_with(&dir, quiet()).expect("opens");
    let ledger = every_kind();
    let mut first = ledger.activities[0].clone();
    first.evidence.clear();
    store.add_activity(&first).expect("added");
    let saved = store.backup(BackupReason::Manual).expect("backed up");
    store.remove_activity(&first.id).expect("removed");
    let mut second = ledger.activities[1].clone();
    second.evidence.clear();
    store.add_activity(&second).expect("added");

    let report = store.restore(&saved).expect("restored");
    let ids: Vec<String> = store.activities(None).expect("list").into_iter().map(|a| a.id).collect();
    assert_eq!(ids, [first.id.clone()]);

    let previous = Connection::open(&report.previous).expect("previous opens");
    let kept: String = previous.query_row("SELECT group_concat(id) FROM activities", [], |r| r.get(0)).expect("ids");
    assert_eq!(kept, second.id, "the replaced database was backed up");
    drop(store);
    let reopened = Store::open_with(&dir, quiet()).expect("reopens");
    assert_eq!(reopened.activities(None).expect("list").len(), 1);
}

#[test]
fn restoring_a_file_that_is_not_a_xueshi_database_is_refused_and_changes_nothing() {
    let (tmp, dir) = data_dir();
    let mut store = Store::open_with(&dir, quiet()).expect("opens");
    let mut a = every_kind().activities[0].clone();
    a.evidence.clear();
    store.add_activity(&a).expect("added");
    let other = tmp.path().join("other.sqlite3");
    Connection::open(&other).and_then(|c| c.execute_batch("CREATE TABLE t (x)")).expect("other database");
    let text = common::file(tmp.path(), "notes.txt", "不是数据库".as_bytes());
    for bad in [other, text] {
        let err = store.restore(&bad).expect_err("refused");
        assert!(matches!(err, StoreError::NotOurDatabase { .. }), "{err}");
    }
    assert_eq!(store.activities(None).expect("list").len(), 1);
    assert!(store.backups().expect("listed").is_empty(), "no backup for a refused restore");
}

#[test]
fn restoring_a_database_from_a_newer_version_is_refused() {
    let (tmp, dir) = data_dir();
    let mut store = Store::open_with(&dir, quiet()).expect("opens");
    let newer = store.backup(BackupReason::Manual).expect("backed up");
    let moved = tmp.path().join("newer.sqlite3");
    std::fs::rename(&newer, &moved).expect("moved");
    Connection::open(&moved)
        .and_then(|c| c.pragma_update(None, "user_version", latest_schema_version() + 1))
        .expect("made newer");
    let err = store.restore(&moved).expect_err("refused");
    assert!(matches!(err, StoreError::NewerDatabase { .. }), "{err}");
}

#[test]
fn half_written_backups_left_by_a_crash_are_swept_on_open() {
    let (_tmp, dir) = data_dir();
    drop(Store::open_with(&dir, quiet()).expect("opens"));
    let partial = dir.backups().join("ledger-20250101-000000-manual.sqlite3.partial");
    std::fs::write(&partial, b"half").expect("leftover");
    let store = Store::open_with(&dir, Options { daily_backup: false, ..Options::default() }).expect("opens");
    assert!(!partial.exists());
    assert_eq!(store.open_report().swept, [partial]);
}
