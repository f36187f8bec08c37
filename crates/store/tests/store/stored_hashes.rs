//! A data folder whose database was crafted (or damaged): a stored SHA-256 that is not 64
//! lowercase hex digits is a clear error ("证明材料记录已损坏"), never a path to read, and never a
//! panic, in the vault lookup, the viewing copy, both data exports and `verify`.

use std::path::Path;

use crate::common::{data_dir, every_kind, pdf, quiet};
use xueshi_store::viewing::viewing_dir;
use xueshi_store::{DataDir, Store};

/// A store with one record holding one PDF, whose stored hash is then replaced by `hash` directly
/// in the database file, as a crafted backup would hold it.
fn store_with_stored_hash(hash: &str) -> (tempfile::TempDir, DataDir, i64) {
    let (tmp, dir) = data_dir();
    let mut store = Store::open_with(&dir, quiet()).expect("opens");
    let mut a = every_kind().activities[0].clone();
    a.evidence.clear();
    store.add_activity(&a).expect("added");
    let attached = store.attach_reader(&a.id, &mut &pdf("证书")[..], "证书.pdf", Path::new("证书.pdf"), "结业证书");
    let seq = attached.expect("attached").seq;
    drop(store);
    let conn = rusqlite::Connection::open(dir.database()).expect("database");
    conn.pragma_update(None, "foreign_keys", "OFF").expect("pragma");
    conn.execute("UPDATE evidence SET sha256 = ?1", [hash]).expect("crafted");
    drop(conn);
    (tmp, dir, seq)
}

/// A 64-byte absolute path to `target` (padded with `/.`), as a crafted hash.
#[cfg(unix)]
fn path_as_hash(target: &Path) -> String {
    let mut text = target.display().to_string();
    assert!(text.len() <= 62, "temp path too long for the test: {text}");
    let name_at = text.rfind('/').expect("absolute");
    while text.len() < 64 {
        text.insert_str(name_at, if text.len() == 63 { "/" } else { "/." });
    }
    text
}

fn assert_damaged(what: &str, result: xueshi_store::Result<impl std::fmt::Debug>) {
    let err = result.expect_err(what).to_string();
    assert!(err.contains("证明材料记录已损坏"), "{what}: {err}");
}

#[cfg(unix)] // The crafted value is a Unix absolute path.
#[test]
fn a_stored_hash_holding_a_path_is_a_clear_error_and_the_file_is_never_read() {
    let outside = tempfile::tempdir().expect("tmp");
    let secret = crate::common::file(outside.path(), "s", b"%PDF- secret");
    let hash = path_as_hash(&secret);
    assert_eq!(hash.len(), 64);
    let (tmp, dir, seq) = store_with_stored_hash(&hash);
    let store = Store::open_with(&dir, quiet()).expect("opens");
    assert_eq!(store.blob_path(&hash), None, "never a path");
    assert_damaged("export", store.export_folder(&tmp.path().join("导出")));
    assert_damaged("zip", store.export_zip(&tmp.path().join("导出.zip")));
    assert!(!tmp.path().join("导出.zip").exists());
    assert_damaged("view", store.evidence_copy_for_viewing(seq, &viewing_dir(&tmp.path().join("temp"))));
}

#[test]
fn a_stored_hash_with_characters_of_several_bytes_panics_nowhere() {
    let hash = format!("{}x", "中".repeat(21));
    assert_eq!(hash.len(), 64);
    let (tmp, dir, seq) = store_with_stored_hash(&hash);
    let store = Store::open_with(&dir, quiet()).expect("opens");
    assert_eq!(store.blob_path(&hash), None);
    assert_eq!(xueshi_store::vault::blob_path(&dir.evidence(), &hash).parent(), Some(dir.evidence().as_path()));
    assert_damaged("export", store.export_folder(&tmp.path().join("导出")));
    assert_damaged("zip", store.export_zip(&tmp.path().join("导出.zip")));
    assert_damaged("view", store.evidence_copy_for_viewing(seq, &viewing_dir(&tmp.path().join("temp"))));
    let report = store.verify().expect("verify reports");
    assert!(!report.is_ok());
}
