//! Crafted ledger imports: evidence names that point outside the ledger's folder (absolute paths,
//! drive letters, UNC names, `..`, links) are refused naming the record and the file, and a
//! refused import leaves nothing in the vault.

use std::path::Path;

use crate::common::{data_dir, file, pdf, quiet};
use xueshi_store::{DataDir, Store};

/// A ledger with one record `r1` titled 网课 naming `name` as its evidence.
fn ledger_naming(name: &str) -> String {
    let name = serde_json::to_string(name).expect("json string");
    format!(
        r#"{{"format":"xueshi-ledger","version":1,"activities":[
        {{"id":"r1","kind":"online_course","title":"网课","date":"2024-03-01","category":"public","hours":10,
         "evidence":[{{"file":{name},"material":"结业证书"}}]}}]}}"#
    )
}

/// Every file the vault holds (its own lock and temporary folder aside).
fn vault_files(dir: &DataDir) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.evidence()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name == ".lock" || name == ".incoming" {
                continue;
            }
            if e.path().is_dir() {
                stack.push(e.path());
            } else {
                out.push(name);
            }
        }
    }
    out
}

/// Record `r1` naming `a.pdf`, then `b.pdf` with a SHA-256 that does not match it.
fn a_then_b_with_a_wrong_hash() -> String {
    let wrong = "0".repeat(64);
    format!(
        r#"{{"format":"xueshi-ledger","version":1,"activities":[
        {{"id":"r1","kind":"online_course","title":"网课","date":"2024-03-01","category":"public","hours":10,
         "evidence":[{{"file":"a.pdf","material":"结业证书"}},{{"file":"b.pdf","material":"课程内容","sha256":"{wrong}"}}]}}]}}"#
    )
}

fn import_refused(ledger_dir: &Path, name: &str) -> String {
    let ledger = file(ledger_dir, "ledger.json", ledger_naming(name).as_bytes());
    let (_t, dir) = data_dir();
    let mut store = Store::open_with(&dir, quiet()).expect("opens");
    let err = store.import_ledger(&ledger).expect_err(&format!("{name} must be refused")).to_string();
    assert!(store.ledger().expect("ledger").activities.is_empty(), "{name}: nothing imported");
    assert!(vault_files(&dir).is_empty(), "{name}: nothing copied into the vault");
    err
}

#[test]
fn an_evidence_path_leaving_the_ledger_folder_is_refused_naming_the_record_and_the_file() {
    let tmp = tempfile::tempdir().expect("tmp");
    let secret = file(tmp.path(), "secret.pdf", &pdf("别人的文件"));
    let folder = tmp.path().join("记录");
    std::fs::create_dir_all(folder.join("sub")).expect("folder");
    let absolute = secret.display().to_string();
    for name in [absolute.as_str(), "../secret.pdf", "sub/../../secret.pdf", "sub\\..\\..\\secret.pdf"] {
        let err = import_refused(&folder, name);
        assert!(err.contains("r1") && err.contains("网课") && err.contains(name), "{name}: {err}");
        assert!(err.contains("之外"), "{name}: {err}");
    }
}

#[test]
fn drive_letters_and_windows_network_names_are_refused_on_every_system() {
    let tmp = tempfile::tempdir().expect("tmp");
    for name in [
        "C:\\Windows\\win.ini",
        "C:证书.pdf",
        "\\\\server\\share\\证书.pdf",
        "/etc/passwd",
        "\\证书.pdf",
        "证书.pdf:隐藏",
    ] {
        let err = import_refused(tmp.path(), name);
        assert!(err.contains("r1") && err.contains(name), "{name}: {err}");
    }
}

#[cfg(unix)] // Creating a symbolic link on Windows needs a privilege the test runner may lack.
#[test]
fn a_link_inside_the_folder_pointing_outside_it_is_refused() {
    let tmp = tempfile::tempdir().expect("tmp");
    file(tmp.path(), "secret.pdf", &pdf("别人的文件"));
    let folder = tmp.path().join("记录");
    std::fs::create_dir_all(&folder).expect("folder");
    std::os::unix::fs::symlink(tmp.path().join("secret.pdf"), folder.join("证书.pdf")).expect("link");
    std::os::unix::fs::symlink(tmp.path(), folder.join("上级")).expect("link");
    for name in ["证书.pdf", "上级/secret.pdf"] {
        let err = import_refused(&folder, name);
        assert!(err.contains("r1") && err.contains(name) && err.contains("之外"), "{name}: {err}");
    }
}

#[cfg(unix)]
#[test]
fn a_link_that_stays_inside_the_folder_is_followed() {
    let tmp = tempfile::tempdir().expect("tmp");
    let folder = tmp.path().join("记录");
    std::fs::create_dir_all(folder.join("材料")).expect("folder");
    file(&folder.join("材料"), "真.pdf", &pdf("自己的"));
    std::os::unix::fs::symlink(folder.join("材料/真.pdf"), folder.join("证书.pdf")).expect("link");
    let ledger = file(&folder, "ledger.json", ledger_naming("证书.pdf").as_bytes());
    let (_t, dir) = data_dir();
    let mut store = Store::open_with(&dir, quiet()).expect("opens");
    assert_eq!(store.import_ledger(&ledger).expect("imported").files, 1);
}

#[test]
fn a_refused_import_leaves_none_of_the_files_it_copied_in_the_vault() {
    let tmp = tempfile::tempdir().expect("tmp");
    let folder = tmp.path().join("记录");
    std::fs::create_dir_all(&folder).expect("folder");
    file(&folder, "a.pdf", &pdf("第一份"));
    file(&folder, "b.pdf", &pdf("第二份"));
    let json = a_then_b_with_a_wrong_hash();
    let ledger = file(&folder, "ledger.json", json.as_bytes());
    let (_t, dir) = data_dir();
    let mut store = Store::open_with(&dir, quiet()).expect("opens");
    let err = store.import_ledger(&ledger).expect_err("refused").to_string();
    assert!(err.contains("与导出时不一致"), "{err}");
    assert!(vault_files(&dir).is_empty(), "left in the vault: {:?}", vault_files(&dir));
}

#[test]
fn a_file_already_in_the_vault_stays_when_an_import_naming_it_is_refused() {
    let tmp = tempfile::tempdir().expect("tmp");
    let folder = tmp.path().join("记录");
    std::fs::create_dir_all(&folder).expect("folder");
    file(&folder, "a.pdf", &pdf("第一份"));
    file(&folder, "b.pdf", &pdf("第二份"));
    let (_t, dir) = data_dir();
    let mut store = Store::open_with(&dir, quiet()).expect("opens");
    let json = ledger_naming("a.pdf").replace("\"r1\"", "\"mine\"");
    store.import_ledger(&file(&folder, "mine.json", json.as_bytes())).expect("first import");
    let before = vault_files(&dir);
    assert_eq!(before.len(), 1);
    let clash = a_then_b_with_a_wrong_hash();
    let err = store.import_ledger(&file(&folder, "clash.json", clash.as_bytes())).expect_err("refused").to_string();
    assert!(err.contains("与导出时不一致"), "{err}");
    assert_eq!(vault_files(&dir), before);
    assert!(store.verify().expect("verify").is_ok());
}

/// A ZIP of `(name, bytes)` members, deflated.
fn zip_of(path: &Path, members: &[(&str, &[u8])]) {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).expect("created"));
    let deflated =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated).large_file(true);
    for (name, bytes) in members {
        zip.start_file(*name, deflated).expect("member");
        zip.write_all(bytes).expect("written");
    }
    zip.finish().expect("finished");
}

fn import_zip(path: &Path) -> (xueshi_store::Result<xueshi_store::ImportReport>, DataDir, tempfile::TempDir) {
    let (t, dir) = data_dir();
    let mut store = Store::open_with(&dir, quiet()).expect("opens");
    let result = store.import_ledger(path);
    if result.is_err() {
        assert!(store.ledger().expect("ledger").activities.is_empty());
    }
    drop(store);
    (result, dir, t)
}

#[test]
fn a_zip_holding_two_members_of_one_name_is_refused() {
    let tmp = tempfile::tempdir().expect("tmp");
    let path = tmp.path().join("记录.zip");
    let json = ledger_naming("证书.pdf");
    zip_of(&path, &[("ledger.json", json.as_bytes()), ("证书.pdf", &pdf("真")), ("证书.pdX", &pdf("假"))]);
    let mut bytes = std::fs::read(&path).expect("read");
    let (from, to) = ("证书.pdX".as_bytes(), "证书.pdf".as_bytes());
    let mut i = 0;
    while let Some(at) = bytes[i..].windows(from.len()).position(|w| w == from) {
        bytes[i + at..i + at + to.len()].copy_from_slice(to);
        i += at + 1;
    }
    std::fs::write(&path, bytes).expect("patched");
    let (result, dir, _t) = import_zip(&path);
    let err = result.expect_err("refused").to_string();
    assert!(err.contains("同名"), "{err}");
    assert!(vault_files(&dir).is_empty());
}

#[test]
fn a_ledger_json_inside_a_zip_that_unpacks_to_more_than_the_cap_is_refused_without_reading_it_all() {
    let tmp = tempfile::tempdir().expect("tmp");
    let path = tmp.path().join("记录.zip");
    let spaces = vec![b' '; 65 * 1024 * 1024];
    zip_of(&path, &[("ledger.json", &spaces)]);
    let (result, _dir, _t) = import_zip(&path);
    let err = result.expect_err("refused").to_string();
    assert!(err.contains("中的学时记录超过 64 MB"), "{err}");
}

#[test]
fn evidence_inside_a_zip_unpacking_to_far_more_than_the_archive_is_refused_and_leaves_nothing() {
    let tmp = tempfile::tempdir().expect("tmp");
    let path = tmp.path().join("记录.zip");
    let mut bomb = pdf("炸弹");
    bomb.resize(80 * 1024 * 1024, 0);
    let json = ledger_naming("证书.pdf");
    zip_of(&path, &[("ledger.json", json.as_bytes()), ("证书.pdf", &bomb)]);
    assert!(std::fs::metadata(&path).expect("zip").len() < 1024 * 1024);
    let (result, dir, _t) = import_zip(&path);
    let err = result.expect_err("refused").to_string();
    assert!(err.contains("远大于压缩包本身") && !err.contains("符号链接"), "{err}");
    assert!(vault_files(&dir).is_empty());
}
