//! A data-folder export of records whose files have names Windows cannot hold as they are
//! (reserved device names, forbidden characters, trailing dots and spaces, 200-character names)
//! and a record with a long id: every path written is safe and short, the export imports back
//! into a new data folder with the same records, materials and contents, and exporting that again
//! gives the same files; also through a .zip. All inside a folder named `学时 数据`.

use crate::common;

use std::io::Cursor;
use std::path::Path;

use crate::common::{pdf, quiet, tree};
use xueshi_core::Ledger;
use xueshi_store::{DataDir, Store};

/// Windows' limit for a whole path; the export must leave room for the folder it is unpacked in.
const WINDOWS_MAX_PATH: usize = 260;
/// A long folder a user might unpack an export into.
const USER_FOLDER: &str = r"C:\Users\张三\Desktop\学时记录导出（2026年申报用）\";

fn long_name(tag: &str) -> String {
    format!("{}{tag}.pdf", "湖南省专业技术人员继续教育公需科目网络培训结业证书及学时证明".repeat(7))
}

/// The original names, each with its own content.
fn awkward_names() -> Vec<String> {
    let mut names: Vec<String> = [
        "CON.pdf",
        "aux",
        "com1.pdf",
        "LPT9.tar.pdf",
        "nul .pdf",
        "结业证书. . ",
        "a:b*c?.pdf",
        "<签到表>|\"2024\".pdf",
        "PRN.PDF",
    ]
    .map(str::to_owned)
    .to_vec();
    names.push(long_name("甲"));
    names.push(long_name("乙"));
    names
}

fn filled_store(root: &Path) -> (DataDir, Store) {
    let dir = DataDir::new(root.join("源"));
    let mut store = Store::open_with(&dir, quiet()).expect("opens");
    let ledger = common::every_kind();
    let mut first = ledger.activities[0].clone();
    first.evidence.clear();
    store.add_activity(&first).expect("added");
    let mut long = ledger.activities[1].clone();
    long.evidence.clear();
    long.id = format!("{}-{}", long.id, "长编号".repeat(30));
    store.add_activity(&long).expect("added");
    for (i, name) in awkward_names().iter().enumerate() {
        let content = pdf(&format!("{i} {name}"));
        for id in [&first.id, &long.id] {
            store.attach_reader(id, &mut Cursor::new(&content), name, Path::new(name), "结业证书").expect("attached");
        }
    }
    (dir, store)
}

fn assert_safe(relative: &str) {
    let full = format!("{USER_FOLDER}{}", relative.replace('/', "\\"));
    assert!(full.encode_utf16().count() < WINDOWS_MAX_PATH, "{full} is too long for Windows");
    for part in relative.split('/') {
        assert!(part.len() <= 240, "{part} is too long for Linux");
        assert!(!part.contains(['<', '>', ':', '"', '\\', '|', '?', '*']), "{part}");
        assert!(!part.is_empty() && !part.ends_with(['.', ' ']), "{part:?}");
        let stem = part.split('.').next().unwrap_or(part).trim_end().to_uppercase();
        assert!(!["CON", "PRN", "AUX", "NUL", "COM1", "LPT9"].contains(&stem.as_str()), "{part}");
    }
}

/// (material, sha256) of one evidence entry.
type Content = (String, Option<String>);

/// The id of every record with the (material, sha256) of its evidence entries.
fn contents(ledger: &Ledger) -> Vec<(String, Vec<Content>)> {
    ledger
        .activities
        .iter()
        .map(|a| (a.id.clone(), a.evidence.iter().map(|e| (e.material.clone(), e.sha256.clone())).collect()))
        .collect()
}

#[test]
fn files_with_names_windows_reserves_or_that_are_too_long_export_to_safe_short_paths_and_import_back() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("学时 数据");
    let (_dir, store) = filled_store(&root);
    let first = root.join("导出 1");
    let report = store.export_folder(&first).expect("exported");
    assert_eq!(report.files, 2 * awkward_names().len());
    let written = tree(&first);
    for relative in written.keys() {
        assert_safe(relative);
    }
    let exported = Ledger::from_json(&String::from_utf8_lossy(&written["ledger.json"])).expect("ledger.json");
    for e in exported.activities.iter().flat_map(|a| &a.evidence) {
        assert!(written.contains_key(&e.file), "{} is named in ledger.json and written", e.file);
    }
    assert!(written.contains_key("evidence/2024-001/_CON.pdf"), "{:#?}", written.keys());
    assert!(written.contains_key("evidence/2024-001/_aux"), "{:#?}", written.keys());

    let mut copy = Store::open_with(&DataDir::new(root.join("副本")), quiet()).expect("opens");
    copy.import_ledger(&first).expect("imported");
    let imported = copy.ledger().expect("ledger");
    assert_eq!(contents(&imported), contents(&store.ledger().expect("ledger")), "same records, materials, files");
    for (a, b) in imported.activities.iter().zip(&exported.activities) {
        let names: Vec<&str> = b.evidence.iter().map(|e| e.file.rsplit('/').next().unwrap_or(&e.file)).collect();
        assert_eq!(a.evidence.iter().map(|e| e.file.as_str()).collect::<Vec<_>>(), names, "the safe names are kept");
    }
    assert!(copy.verify().expect("verified").is_ok());

    let second = root.join("导出 2");
    copy.export_folder(&second).expect("exported again");
    assert_eq!(tree(&second), written, "exporting the import again writes the same files");
}

#[test]
fn the_same_names_survive_a_round_trip_through_a_zip_archive() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("学时 数据");
    let (_dir, store) = filled_store(&root);
    let zip = root.join("学时记录 备份.zip");
    store.export_zip(&zip).expect("zipped");
    let mut copy = Store::open_with(&DataDir::new(root.join("副本")), quiet()).expect("opens");
    copy.import_ledger(&zip).expect("imported");
    assert_eq!(contents(&copy.ledger().expect("ledger")), contents(&store.ledger().expect("ledger")));
    let (a, b) = (root.join("甲"), root.join("乙"));
    store.export_folder(&a).expect("exported");
    copy.export_folder(&b).expect("exported");
    assert_eq!(tree(&a), tree(&b));
}
