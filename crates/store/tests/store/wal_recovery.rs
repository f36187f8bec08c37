//! A data folder as a crash in the middle of a checkpoint leaves it (found by the crash test
//! under Wine): the newest pages are in `ledger.sqlite3-wal` and the main file alone is not even
//! readable. The store opens it by reading through the WAL, with every committed record, instead
//! of calling the user's data damaged.

use std::fs::OpenOptions;
use std::io::{Seek, SeekFrom, Write};
use std::path::Path;

use crate::common::{add_without_evidence, data_dir, every_kind, quiet};
use rusqlite::{Connection, OpenFlags};
use xueshi_store::{DataDir, Store};

fn with_suffix(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    name.into()
}

/// Overwrites every page but the first of the database file with zeros.
fn zero_all_but_the_first_page(db: &Path) {
    let bytes = std::fs::read(db).expect("read");
    let page = match u16::from_be_bytes([bytes[16], bytes[17]]) {
        1 => 65536,
        n => usize::from(n),
    };
    let mut file = OpenOptions::new().write(true).open(db).expect("open for writing");
    file.seek(SeekFrom::Start(page as u64)).expect("seek");
    file.write_all(&vec![0u8; bytes.len() - page]).expect("zeroed");
    file.sync_all().expect("synced");
}

#[test]
fn a_database_readable_only_together_with_its_wal_opens_with_every_record() {
    let (tmp, dir) = data_dir();
    let mut store = Store::open_with(&dir, quiet()).expect("opens");
    let ledger = every_kind();
    add_without_evidence(&mut store, &ledger);
    // The main file holds everything; then every page is rewritten into the WAL and none back into
    // the main file while the store stays open: copying the files now, and spoiling the main
    // file's pages that the WAL holds anyway, is what a crash in a checkpoint can leave.
    store.connection().execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").expect("checkpointed");
    store.connection().pragma_update(None, "wal_autocheckpoint", 0).expect("no automatic checkpoint");
    store.connection().execute_batch("VACUUM").expect("every page rewritten into the WAL");
    let crashed = DataDir::new(tmp.path().join("崩溃后 数据"));
    std::fs::create_dir_all(crashed.root()).expect("folder");
    for suffix in ["", "-wal"] {
        std::fs::copy(with_suffix(&dir.database(), suffix), with_suffix(&crashed.database(), suffix)).expect("copied");
    }
    drop(store);
    zero_all_but_the_first_page(&crashed.database());
    let alone = Connection::open_with_flags(
        format!("file:{}?immutable=1", crashed.database().display()).replace('\\', "/"),
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI,
    )
    .expect("opens");
    let unreadable = alone.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0));
    assert!(unreadable.is_err(), "the main file alone is not readable: {unreadable:?}");
    drop(alone);

    let store = Store::open_with(&crashed, quiet()).expect("the store opens through the WAL");
    let stored = store.ledger().expect("ledger");
    assert_eq!(stored.activities.len(), ledger.activities.len(), "every committed record is there");
    assert_eq!(stored.profile.name, ledger.profile.name);
    let report = store.verify().expect("verified");
    assert!(report.integrity.is_empty() && report.foreign_keys.is_empty(), "{report:?}");
}
