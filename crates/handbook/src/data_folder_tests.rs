//! The data folder in the open, through the application layer: backups by date in Chinese and
//! restored by the list's name only, and all data exported and imported with what it carried said.

use std::path::Path;

use xueshi_core::Ledger;
use xueshi_store::DataDir;

use crate::dto::PlanDto;
use crate::{Handbook, Imported};

const OWN_RULES: &str = "id = \"my-2027\"\nname = \"自定规则\"\nissuer = \"某单位\"\ngoverns = [2027]\nextends = \"hunan-2026\"\nsource = \"本单位通知\"\n";

fn training(h: &mut Handbook, id: &str) {
    let ledger = Ledger::from_json(&format!(
        r#"{{"format": "xueshi-ledger", "version": 1, "profile": {{}}, "activities": [{{"id": "{id}",
            "kind": "training", "title": "研修班", "date": "2025-05-12", "category": "professional", "days": 2}}]}}"#
    ))
    .expect("ledger");
    h.store_mut().add_activity(&ledger.activities[0]).expect("added");
}

fn with_own_rules(root: &Path) -> Handbook {
    let mut h = Handbook::open(DataDir::new(root.join("数据"))).expect("opens");
    let file = root.join("own.toml");
    std::fs::write(&file, OWN_RULES).expect("rule file");
    h.add_rule_file(&file).expect("rule file added");
    let plan: PlanDto = serde_json::from_value(serde_json::json!({
        "year": 2027, "level": "associate_senior", "path": "standard", "rules": "my-2027"
    }))
    .expect("plan");
    h.save_plan(&plan).expect("planned");
    h
}

#[test]
fn a_backup_is_listed_first_with_its_date_and_reason_in_chinese_and_no_file_name() {
    let tmp = tempfile::tempdir().expect("tmp");
    let h = Handbook::open(DataDir::new(tmp.path())).expect("opens");
    let made = h.backup_now_entry().expect("backed up");
    let (date, reason) = made.label.split_once(" · ").expect("date · reason");
    assert_eq!(reason, "手动备份");
    assert!(date.contains('年') && date.contains('月') && date.contains('日') && date.contains(':'), "{date}");
    assert!(!made.label.contains("sqlite3") && !made.label.contains("ledger"), "{}", made.label);
    assert_eq!(h.backup_entries().expect("listed").first(), Some(&made));
}

#[test]
fn restoring_a_listed_backup_brings_its_records_back_and_a_name_not_listed_is_refused() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut h = Handbook::open(DataDir::new(tmp.path())).expect("opens");
    training(&mut h, "2025-001");
    let kept = h.backup_now_entry().expect("backed up");
    h.remove_activity("2025-001").expect("removed");
    h.restore_entry(&kept.name).expect("restored");
    assert_eq!(h.store().ledger().expect("ledger").activities.len(), 1);
    let refused = h.restore_entry("../ledger.sqlite3").expect_err("not a listed backup").to_string();
    assert!(refused.contains("这份备份已不在备份文件夹中"), "{refused}");
}

#[test]
fn all_data_moves_to_another_folder_with_its_rule_file_in_the_book_and_the_plan_naming_it() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut h = with_own_rules(tmp.path());
    training(&mut h, "2025-001");
    let zip = tmp.path().join(h.all_data_name());
    assert!(zip.to_string_lossy().contains("学时手册全部数据_"));
    let said = h.export_all(&zip).expect("exported").summary();
    assert!(
        said.contains("1 条记录") && said.contains("参评计划 1 条") && said.contains("自定义规则文件 1 个"),
        "{said}"
    );
    assert!(!said.contains(&*tmp.path().to_string_lossy()), "no full path: {said}");
    let again = h.export_all(&zip).expect_err("the file exists").to_string();
    assert!(again.contains("已经存在"), "{again}");

    let mut other = Handbook::open(DataDir::new(tmp.path().join("新电脑"))).expect("opens");
    let imported = other.import_file(&zip, false).expect("imported");
    let summary = imported.summary();
    assert!(summary.contains("已导入 1 条记录") && summary.contains("自定义规则文件 1 个"), "{summary}");
    assert!(other.rules().book.get("my-2027").is_some(), "the rule file is in the book at once");
    assert_eq!(other.plans().expect("plans")[0].rules.as_deref(), Some("my-2027"));
}

#[test]
fn an_import_keeping_the_folders_own_rule_file_names_it_by_its_title() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut h = with_own_rules(&tmp.path().join("甲"));
    training(&mut h, "2025-001");
    let zip = tmp.path().join("全部数据.zip");
    h.export_all(&zip).expect("exported");

    let mut other = with_own_rules(&tmp.path().join("乙"));
    let own = other.data_folder().join("rules").join("my-2027.toml");
    std::fs::write(&own, OWN_RULES.replace("某单位", "另一个单位")).expect("changed");
    let Imported::Ledger(_, kept) = other.import_file(&zip, false).expect("imported") else {
        panic!("a ledger import")
    };
    assert_eq!(kept, vec!["规则文件《自定规则》".to_owned()]);
}

#[test]
fn a_removed_record_comes_back_with_its_evidence_on_undo_and_only_once() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut h = Handbook::open(DataDir::new(tmp.path())).expect("opens");
    training(&mut h, "2025-001");
    let pdf = b"%PDF-1.4\n% certificate\n%%EOF\n";
    let name = "结业证书.pdf";
    h.store_mut().attach_reader("2025-001", &mut &pdf[..], name, Path::new(name), "结业证书").expect("attached");
    let before = h.store().ledger().expect("ledger");
    h.remove_activity("2025-001").expect("removed");
    assert!(h.store().ledger().expect("ledger").activities.is_empty());
    assert_eq!(h.undo_remove().expect("undone"), "2025-001");
    assert_eq!(h.store().ledger().expect("ledger"), before, "the record and its evidence are back as they were");
    let again = h.undo_remove().expect_err("nothing left to undo").to_string();
    assert_eq!(again, "没有可以撤销的删除");
}
