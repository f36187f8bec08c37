//! A data folder under a path with Chinese characters and spaces (`…\我的 文档\学时 数据\`), as
//! Windows users name their folders: the store creates and opens it again (with the daily backup
//! and the check that reads the database through an SQLite `file:` URI), attaches, backs up,
//! restores, verifies and exports there, and the export imports into another such folder.

use crate::common::{every_kind, file, pdf};
use xueshi_store::{BackupReason, DataDir, Store};

#[test]
fn a_data_folder_named_with_chinese_characters_and_a_space_works_for_every_operation() {
    let tmp = tempfile::tempdir().expect("tmp");
    let base = tmp.path().join("我的 文档");
    let dir = DataDir::new(base.join("学时 数据"));
    let ledger = every_kind();
    let mut record = ledger.activities[0].clone();
    record.evidence.clear();

    let mut store = Store::open(&dir).expect("created");
    store.set_profile(&ledger.profile).expect("profile");
    store.add_activity(&record).expect("added");
    let scans = base.join("扫描 件");
    std::fs::create_dir_all(&scans).expect("folder");
    let certificate = file(&scans, "结业 证书.pdf", &pdf("结业 证书"));
    store.attach(&record.id, &certificate, "结业证书").expect("attached");
    drop(store);

    let mut store = Store::open(&dir).expect("opened again");
    assert_eq!(store.open_report().backups.len(), 1, "the day's first open of an existing database backs it up");
    assert_eq!(store.activity(&record.id).expect("kept").evidence.len(), 1);
    let saved = store.backup(BackupReason::Manual).expect("backed up");
    store.remove_activity(&record.id).expect("removed");
    store.restore(&saved).expect("restored");
    assert_eq!(store.activity(&record.id).expect("restored").title, record.title);
    assert!(store.verify().expect("verified").is_ok());

    let zip = base.join("导出 备份.zip");
    store.export_zip(&zip).expect("zip export");
    store.export_folder(&base.join("导出 文件夹")).expect("folder export");
    let mut other = Store::open(&DataDir::new(base.join("学时 数据 2"))).expect("created");
    other.import_ledger(&zip).expect("imported");
    let imported = other.activity(&record.id).expect("imported record");
    assert_eq!(imported.evidence[0].sha256, store.activity(&record.id).expect("record").evidence[0].sha256);
    drop(store);
    assert!(Store::open(&dir).expect("opened a third time").open_report().backups.is_empty(), "one backup a day");
}
