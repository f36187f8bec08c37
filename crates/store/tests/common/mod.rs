//! Helpers shared by the store's tests: a fresh data folder, and a ledger with every kind of record.
#![allow(dead_code)]

use std::collections::BTreeMap;
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

/// Saves the profile and every record of `ledger` into `store`, without their evidence.
pub fn add_without_evidence(store: &mut Store, ledger: &Ledger) {
    store.set_profile(&ledger.profile).expect("profile");
    for a in &ledger.activities {
        let mut bare = a.clone();
        bare.evidence.clear();
        store.add_activity(&bare).expect("added");
    }
}

/// Every file under `root` by relative path (parts joined with `/` on every OS), with its bytes.
pub fn tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_owned()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("readable").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let parts: Vec<String> = p
                    .strip_prefix(root)
                    .expect("inside")
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                out.insert(parts.join("/"), std::fs::read(&p).expect("read"));
            }
        }
    }
    out
}
