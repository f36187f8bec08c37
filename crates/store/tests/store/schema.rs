//! Opening a data folder: every migration from an empty database and from each earlier schema
//! with data in it, and the refusal of databases written by a newer or another program.

use crate::common;

use std::collections::BTreeMap;
use std::path::Path;

use crate::common::{data_dir, open};
use rusqlite::Connection;
use rusqlite_migration::Migrations;
use xueshi_core::Ledger;
use xueshi_store::{DataDir, MIGRATIONS, Store, StoreError, latest_schema_version};

/// For schema version `n` (index `n - 1`): data written with that version's SQL, and the ledger
/// it must read as after migrating to the latest schema. Add one entry with every migration.
const FIXTURES: &[(&str, &str)] = &[
    (include_str!("../fixtures/seed_v1.sql"), include_str!("../fixtures/seed_v1.json")),
    (include_str!("../fixtures/seed_v2.sql"), include_str!("../fixtures/seed_v2.json")),
    (include_str!("../fixtures/seed_v3.sql"), include_str!("../fixtures/seed_v3.json")),
];

/// A database brought to schema version `version` by the first migrations only, with that
/// version's fixture data in it.
fn database_at(dir: &DataDir, version: usize) {
    std::fs::create_dir_all(dir.root()).expect("folder");
    let mut conn = Connection::open(dir.database()).expect("database created");
    Migrations::from_slice(&MIGRATIONS[..version]).to_latest(&mut conn).expect("earlier migrations apply");
    conn.execute_batch(FIXTURES[version - 1].0).expect("fixture data written");
}

/// Every file in the data folder with its size and a hash of its bytes.
fn snapshot(root: &Path) -> BTreeMap<String, (usize, u64)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let bytes = std::fs::read(&path).expect("read");
                let mut h = std::collections::hash_map::DefaultHasher::new();
                std::hash::Hash::hash(&bytes, &mut h);
                out.insert(path.display().to_string(), (bytes.len(), std::hash::Hasher::finish(&h)));
            }
        }
    }
    out
}

#[test]
fn every_schema_version_has_fixture_data_for_the_migration_tests() {
    assert_eq!(FIXTURES.len(), MIGRATIONS.len(), "add a fixture for the new migration");
}

#[test]
fn a_new_data_folder_gets_the_latest_schema_and_no_backup() {
    let (_tmp, dir) = data_dir();
    let store = open(&dir);
    assert_eq!(store.schema_version().expect("version"), latest_schema_version());
    assert!(store.open_report().created);
    assert!(store.backups().expect("listed").is_empty());
    assert_eq!(store.ledger().expect("ledger"), Ledger::default());
}

#[test]
fn an_empty_database_file_is_migrated_to_the_latest_schema() {
    let (_tmp, dir) = data_dir();
    std::fs::create_dir_all(dir.root()).expect("folder");
    std::fs::write(dir.database(), b"").expect("empty file");
    let store = open(&dir);
    assert_eq!(store.schema_version().expect("version"), latest_schema_version());
}

#[test]
fn data_written_at_each_earlier_schema_survives_migration_to_the_latest() {
    for version in 1..=MIGRATIONS.len() {
        let (_tmp, dir) = data_dir();
        database_at(&dir, version);
        let store = open(&dir);
        let expected = Ledger::from_json(FIXTURES[version - 1].1).expect("expected ledger");
        assert_eq!(store.ledger().expect("ledger"), expected, "from schema {version}");
        assert_eq!(store.applications().expect("plans").len(), 1, "from schema {version}");
        assert_eq!(store.year_confirmations().expect("confirmations").len(), 1);
        assert_eq!(store.schema_version().expect("version"), latest_schema_version());
        let migrated = (version as i64) < latest_schema_version();
        assert_eq!(store.open_report().migrated_from, migrated.then_some(version as i64));
        if migrated {
            let backups = store.backups().expect("listed");
            assert_eq!(backups.len(), 1, "a backup before migrating from schema {version}");
            let old = Connection::open(&backups[0]).expect("backup opens");
            let v: i64 = old.query_row("PRAGMA user_version", [], |r| r.get(0)).expect("v");
            assert_eq!(v, version as i64, "the backup holds the unmigrated database");
        }
    }
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_left_untouched() {
    let (_tmp, dir) = data_dir();
    drop(open(&dir));
    let conn = Connection::open(dir.database()).expect("raw open");
    conn.pragma_update(None, "user_version", latest_schema_version() + 1).expect("set");
    drop(conn);
    let before = snapshot(dir.root());
    let err = Store::open(&dir).err().expect("refused");
    assert!(matches!(err, StoreError::NewerDatabase { .. }), "{err}");
    assert!(err.to_string().contains("更新版本"), "{err}");
    assert_eq!(snapshot(dir.root()), before, "nothing in the data folder changed");
}

#[test]
fn another_programs_sqlite_file_is_refused_and_left_untouched() {
    let (_tmp, dir) = data_dir();
    std::fs::create_dir_all(dir.root()).expect("folder");
    let conn = Connection::open(dir.database()).expect("raw open");
    conn.execute_batch("CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('x');").expect("foreign schema");
    drop(conn);
    let before = snapshot(dir.root());
    let err = Store::open(&dir).err().expect("refused");
    assert!(matches!(err, StoreError::NotOurDatabase { .. }), "{err}");
    assert_eq!(snapshot(dir.root()), before);
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_left_untouched() {
    let (_tmp, dir) = data_dir();
    std::fs::create_dir_all(dir.root()).expect("folder");
    std::fs::write(dir.database(), "这不是数据库，只是一段文字。".repeat(100)).expect("text");
    let before = snapshot(dir.root());
    let err = Store::open(&dir).err().expect("refused");
    assert!(matches!(err, StoreError::NotOurDatabase { .. }), "{err}");
    assert_eq!(snapshot(dir.root()), before);
}

#[test]
fn the_database_uses_wal_foreign_keys_and_a_busy_timeout() {
    let (_tmp, dir) = data_dir();
    let store = open(&dir);
    let conn = store.connection();
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).expect("mode");
    let fk: i64 = conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0)).expect("fk");
    let timeout: i64 = conn.query_row("PRAGMA busy_timeout", [], |r| r.get(0)).expect("timeout");
    assert_eq!((mode.as_str(), fk), ("wal", 1));
    assert!(timeout >= 1000);
}

#[test]
fn a_data_folder_whose_name_has_uri_characters_opens_again() {
    let tmp = tempfile::tempdir().expect("tmp");
    // `?` starts an SQLite URI's query; Windows does not allow it in names.
    let name = if cfg!(windows) { "学时 50% #1" } else { "学时 50% #1?" };
    let dir = DataDir::new(tmp.path().join(name));
    let mut store = open(&dir);
    store.set_profile(&common::every_kind().profile).expect("saved");
    drop(store);
    assert_eq!(open(&dir).profile().expect("profile").name.as_deref(), Some("湘小明"));
}

#[test]
fn a_setting_is_kept_replaced_and_survives_migration_from_the_schema_that_added_it() {
    let (_tmp, dir) = data_dir();
    database_at(&dir, 3);
    let mut store = open(&dir);
    assert_eq!(store.setting("upload_limit_mb").expect("read"), Some("8".to_owned()));
    assert_eq!(store.setting("unknown").expect("read"), None);
    store.set_setting("upload_limit_mb", "12").expect("written");
    assert_eq!(store.setting("upload_limit_mb").expect("read"), Some("12".to_owned()));
    drop(store);
    assert_eq!(open(&dir).setting("upload_limit_mb").expect("read"), Some("12".to_owned()), "kept after reopening");
}
