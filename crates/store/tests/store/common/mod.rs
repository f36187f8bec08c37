//! Helpers shared by the store's tests: a fresh data folder, a ledger with every kind of record,
//! what a spreadsheet's reading reports, and a process of its own for a test that needs one.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use xueshi_core::{Activity, Ledger};
use xueshi_store::spreadsheet::RowError;
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

/// A spreadsheet's row errors as (row, column, message), to compare with a list.
pub fn problems(errors: &[RowError]) -> Vec<(usize, Option<&str>, &str)> {
    errors.iter().map(|e| (e.row, e.column.as_deref(), e.message.as_str())).collect()
}

/// The record titled `title`, failing the test (listing them all) when there is none.
pub fn titled<'a>(activities: &'a [Activity], title: &str) -> &'a Activity {
    activities.iter().find(|a| a.title == title).unwrap_or_else(|| panic!("no record titled {title}: {activities:#?}"))
}

/// For a test that changes what all the tests of this binary share (the current folder): runs the
/// test `module::name` alone in a new process of this test binary and fails if it fails there.
/// Returns true in that process, where the test then does its work, and false in the test's own
/// run, which should then return. Call it as `in_a_process_of_its_own(module_path!(), "name")`.
pub fn in_a_process_of_its_own(module: &str, name: &str) -> bool {
    const ALONE: &str = "XUESHI_TEST_ALONE";
    // The test's name as the harness knows it: its path without the binary's name.
    let test = match module.split_once("::") {
        Some((_, inside)) => format!("{inside}::{name}"),
        None => name.to_owned(),
    };
    if std::env::var(ALONE).is_ok_and(|t| t == test) {
        return true;
    }
    let binary = std::env::current_exe().expect("the test binary's path");
    let out = std::process::Command::new(binary)
        .args([test.as_str(), "--exact", "--test-threads=1"])
        .env(ALONE, &test)
        .output()
        .expect("the test binary runs");
    let printed = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{test} failed in its own process:\n{printed}");
    assert!(printed.contains("1 passed"), "{test} did not run in its own process:\n{printed}");
    false
}
