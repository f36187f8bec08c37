//! Ledger ZIP import (`Store::import_ledger` of a `.zip` holding `ledger.json` and evidence):
//! any bytes are either refused with a Chinese message and nothing added to the data folder, or
//! imported whole (as many records as the report says); a refused import also leaves no file in
//! the vault. One empty data folder per process; it is replaced after each successful import, so
//! that every run starts from the same state.

#![no_main]

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use libfuzzer_sys::fuzz_target;
use tempfile::TempDir;
use xueshi_core::Profile;
use xueshi_store::{DataDir, Options, Store};

mod common;

struct Folder {
    // Dropped after the store (field order), which removes the folder.
    store: Store,
    input: PathBuf,
    vault: PathBuf,
    _dir: TempDir,
}

fn fresh() -> Folder {
    let dir = match tempfile::Builder::new().prefix("xueshi-fuzz-zip").tempdir() {
        Ok(d) => d,
        Err(e) => panic!("no temporary folder: {e}"),
    };
    // Small evidence limit: a ZIP bomb is refused quickly instead of filling the disk.
    let options = Options { max_evidence_bytes: 1 << 20, daily_backup: false, ..Options::default() };
    let data = DataDir::new(dir.path().join("data"));
    let store = match Store::open_with(&data, options) {
        Ok(s) => s,
        Err(e) => panic!("the empty data folder does not open: {e}"),
    };
    let input = dir.path().join("导入.zip");
    Folder { store, input, vault: data.evidence(), _dir: dir }
}

/// The files in the vault folder (its lock file aside).
fn vault_files(folder: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(folder) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            vault_files(&path, found);
        } else if entry.file_name() != ".lock" {
            found.push(path);
        }
    }
}

static FOLDER: Mutex<Option<Folder>> = Mutex::new(None);

fn write(path: &Path, data: &[u8]) {
    if let Err(e) = std::fs::write(path, data) {
        panic!("cannot write the input {}: {e}", path.display());
    }
}

fuzz_target!(|data: &[u8]| {
    let mut guard = FOLDER.lock().unwrap_or_else(|e| e.into_inner());
    let folder = guard.get_or_insert_with(fresh);
    write(&folder.input, data);
    match folder.store.import_ledger(&folder.input) {
        Ok(report) => {
            let ledger = match folder.store.ledger() {
                Ok(l) => l,
                Err(e) => panic!("the data folder cannot be read after an import: {e}"),
            };
            assert_eq!(ledger.activities.len(), report.activities, "the report counts other records than were added");
            common::assess_with_builtin_rules(&ledger, data.len());
            *guard = None;
        }
        Err(e) => {
            common::assert_user_message("import_ledger", &e.to_string());
            let ledger = match folder.store.ledger() {
                Ok(l) => l,
                Err(e) => panic!("the data folder cannot be read after a refused import: {e}"),
            };
            assert!(ledger.activities.is_empty(), "a refused import added records");
            assert_eq!(ledger.profile, Profile::default(), "a refused import changed the profile");
            let mut left = Vec::new();
            vault_files(&folder.vault, &mut left);
            assert!(left.is_empty(), "a refused import left files in the vault: {left:?}");
        }
    }
});
