//! Helpers shared by the store's tests: a fresh data folder, and a ledger with every kind of record.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use xueshi_core::Ledger;
use xueshi_store::{DataDir, Options, Store};

pub const EVERY_KIND: &str = include_str!("every_kind.json");

/// The ledger of `every_kind.json`: one record of each of the 18 kinds, every field used.
pub fn every_kind() -> Ledger {
    Ledger::from_json(EVERY_KIND).expect("the fixture is a valid ledger")
}

/// A fresh data folder inside a temporary directory (removed when the guard drops).
pub fn data_dir() -> (tempfile::TempDir, DataDir) {
    let tmp = tempfile::tempdir().expect("a temporary directory");
    let dir = DataDir::new(tmp.path().join("数据"));
    (tmp, dir)
}

pub fn open(dir: &DataDir) -> Store {
    Store::open(dir).expect("the store opens")
}

/// Options for tests that count backups: no daily backup unless asked.
pub fn quiet() -> Options {
    Options { daily_backup: false, ..Options::default() }
}

/// Writes `bytes` to `dir/name` and returns the path.
pub fn file(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("test file written");
    path
}

/// A minimal valid-looking PDF with `tag` in it, so that different tags give different hashes.
pub fn pdf(tag: &str) -> Vec<u8> {
    format!("%PDF-1.4\n% {tag}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n").into_bytes()
}

/// The bytes of a 1×1 PNG.
pub fn png() -> Vec<u8> {
    let mut v = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
    v.extend_from_slice(&[0, 0, 0, 13, b'I', b'H', b'D', b'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
    v.extend_from_slice(&[0x1f, 0x15, 0xc4, 0x89]);
    v
}
