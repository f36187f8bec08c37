//! The data-folder commands from the outside: init, add, edit, remove, list, attach, assess on the
//! stored records, profile, plan, confirm-year, backup, restore, verify, vacuum.

use std::path::Path;

use crate::common::{command, data_folder, ok, refused, run, xueshi};
use serde_json::Value;

fn pdf(dir: &Path, name: &str, tag: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, format!("%PDF-1.4\n% {tag}\n%%EOF\n")).expect("written");
    path.display().to_string()
}

#[test]
fn commands_other_than_init_refuse_a_folder_without_records() {
    let tmp = tempfile::tempdir().expect("tmp");
    let message = refused(&tmp.path().join("空"), &["list"]);
    assert!(message.contains("xueshi init"), "{message}");
}

#[test]
fn the_data_folder_can_be_given_by_the_environment_variable() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = run(command().arg("init").env("XUESHI_DATA_DIR", tmp.path().join("env")));
    assert_eq!(out.status.code(), Some(0));
    assert!(tmp.path().join("env/ledger.sqlite3").is_file());
}

#[test]
fn records_added_with_flags_or_json_are_listed_and_numbered_by_year() {
    let (_tmp, data) = data_folder();
    ok(
        &data,
        &[
            "add",
            "--kind",
            "training",
            "--title",
            "骨干教师培训",
            "--date",
            "2024-07-12",
            "--category",
            "professional",
            "--days",
            "3",
        ],
    );
    ok(
        &data,
        &[
            "add",
            "--json",
            r#"{"kind":"patent","title":"一种教具","date":"2024-09-01","patent_type":"invention","rank":1}"#,
        ],
    );
    ok(
        &data,
        &[
            "add",
            "--id",
            "旧认定单",
            "--kind",
            "prior_certificate",
            "--title",
            "认定单",
            "--date",
            "2023-01-05",
            "--from-year",
            "2020",
            "--to-year",
            "2022",
        ],
    );
    let list: Value = serde_json::from_str(&ok(&data, &["list", "--json"])).expect("json");
    let ids: Vec<&str> = list.as_array().expect("array").iter().filter_map(|a| a["id"].as_str()).collect();
    assert_eq!(ids, ["2024-001", "2024-002", "旧认定单"]);
    assert!(ok(&data, &["list", "--year", "2023"]).contains("认定单"));
    assert!(!ok(&data, &["list", "--year", "2023"]).contains("骨干教师培训"));
}

#[test]
fn an_invalid_record_is_refused_naming_the_field_and_nothing_is_saved() {
    let (_tmp, data) = data_folder();
    let message = refused(
        &data,
        &[
            "add",
            "--kind",
            "training",
            "--title",
            "培训",
            "--date",
            "2024-02-30",
            "--category",
            "public",
            "--days",
            "1",
        ],
    );
    assert!(message.contains("date"), "{message}");
    let message =
        refused(&data, &["add", "--kind", "paper", "--title", "论文", "--date", "2024-01-01", "--role", "first"]);
    assert!(message.contains("venue"), "{message}");
    assert!(ok(&data, &["list"]).contains("没有记录"));
}

#[test]
fn editing_changes_fields_and_removing_keeps_the_vault_file_until_vacuum() {
    let (tmp, data) = data_folder();
    ok(
        &data,
        &[
            "add",
            "--kind",
            "online_course",
            "--title",
            "网课",
            "--date",
            "2024-04-01",
            "--category",
            "public",
            "--hours",
            "30",
        ],
    );
    ok(&data, &["edit", "2024-001", "--hours", "32.5", "--note", "补录"]);
    let list: Value = serde_json::from_str(&ok(&data, &["list", "--json"])).expect("json");
    assert_eq!(list[0]["hours"], 32.5);
    assert_eq!(list[0]["note"], "补录");
    ok(&data, &["attach", "2024-001", &pdf(tmp.path(), "结业证书.pdf", "a"), "--material", "结业证书"]);
    ok(&data, &["remove", "2024-001"]);
    let out = xueshi(&data, &["verify"]);
    assert_eq!(out.status.code(), Some(1), "an unreferenced file is reported");
    assert!(String::from_utf8_lossy(&out.stdout).contains("没有任何记录引用的文件"));
    assert!(ok(&data, &["vacuum"]).contains("已删除 1 个"));
    ok(&data, &["verify"]);
}

#[test]
fn attach_refuses_a_material_the_rules_do_not_list_for_the_kind() {
    let (tmp, data) = data_folder();
    ok(
        &data,
        &[
            "add",
            "--kind",
            "training",
            "--title",
            "培训",
            "--date",
            "2024-07-12",
            "--category",
            "public",
            "--days",
            "1",
        ],
    );
    let message = refused(&data, &["attach", "2024-001", &pdf(tmp.path(), "a.pdf", "a"), "--material", "随便什么"]);
    assert!(message.contains("培训通知"), "{message}");
}

#[test]
fn assess_on_the_stored_records_reports_evidence_per_record() {
    let (tmp, data) = data_folder();
    ok(&data, &["profile", "--name", "湘小明"]);
    ok(
        &data,
        &[
            "add",
            "--kind",
            "training",
            "--title",
            "培训",
            "--date",
            "2025-07-12",
            "--category",
            "professional",
            "--days",
            "3",
        ],
    );
    ok(&data, &["attach", "2025-001", &pdf(tmp.path(), "通知.pdf", "n"), "--material", "培训通知"]);
    ok(&data, &["attach", "2025-001", &pdf(tmp.path(), "证书.pdf", "c"), "--material", "结业证书"]);
    ok(&data, &["plan", "--apply-year", "2026", "--level", "associate_senior"]);
    let report = ok(&data, &["assess"]);
    assert!(report.contains("湘小明"), "{report}");
    assert!(report.contains("证明材料（逐条）"), "{report}");
    assert!(report.contains("齐全"), "{report}");
    let json: Value =
        serde_json::from_str(&ok(&data, &["assess", "--json", "--apply-year", "2026", "--level", "associate_senior"]))
            .expect("json");
    assert_eq!(json["evidence"][0]["status"], "complete");
}

#[test]
fn confirm_year_backup_and_restore_work_from_the_command_line() {
    let (_tmp, data) = data_folder();
    ok(&data, &["confirm-year", "2024", "--date", "2025-01-10"]);
    ok(&data, &["add", "--kind", "book", "--title", "教材", "--date", "2024-01-15", "--role", "first"]);
    let line = ok(&data, &["backup"]);
    let backup = line.trim().trim_start_matches("已备份到 ").to_owned();
    ok(&data, &["remove", "2024-001"]);
    assert!(ok(&data, &["restore", &backup]).contains("已从"));
    assert!(ok(&data, &["list"]).contains("教材"));
    assert!(refused(&data, &["restore", "/nonexistent/备份.sqlite3"]).contains("备份"));
}

/// `xueshi` with the OS's app-data folder in `home` (the default data folder, not --data-dir).
#[cfg(not(windows))]
fn in_app_data(home: &Path, args: &[&str]) -> std::process::Output {
    crate::common::run(crate::common::command().env("XDG_DATA_HOME", home).env("HOME", home).args(args))
}

// Not under Wine: there the app-data folder is the Wine profile's own, which the test must not touch.
#[cfg(not(windows))]
#[test]
fn move_data_folder_moves_the_default_folder_later_commands_use_it_and_use_data_folder_finds_it_again() {
    let tmp = tempfile::tempdir().expect("temp");
    let home = tmp.path().join("home");
    assert!(in_app_data(&home, &["init"]).status.success());
    let added = in_app_data(
        &home,
        &[
            "add",
            "--kind",
            "training",
            "--title",
            "研修班",
            "--date",
            "2025-05-12",
            "--category",
            "professional",
            "--days",
            "2",
        ],
    );
    assert!(added.status.success(), "{}", crate::common::text(&added));
    let drive = tmp.path().join("D盘");
    let moved = in_app_data(&home, &["move-data-folder", drive.to_str().expect("path")]);
    assert!(moved.status.success(), "{}", crate::common::text(&moved));
    assert!(crate::common::text(&moved).contains("以后学时手册（桌面版和命令行）都使用新位置"));
    assert!(drive.join("ledger.sqlite3").is_file());
    let listed = in_app_data(&home, &["list"]);
    assert!(crate::common::text(&listed).contains("研修班"), "{}", crate::common::text(&listed));

    std::fs::rename(&drive, tmp.path().join("改了名")).expect("renamed");
    let missing = in_app_data(&home, &["list"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        crate::common::text(&missing).contains("现在那里找不到学时手册的数据"),
        "{}",
        crate::common::text(&missing)
    );
    assert!(!drive.exists(), "nothing is created where the data was");

    // The folder, found again under its new name, is used from now on.
    let renamed = tmp.path().join("改了名");
    let used = in_app_data(&home, &["use-data-folder", renamed.to_str().expect("path")]);
    assert!(used.status.success(), "{}", crate::common::text(&used));
    let listed = in_app_data(&home, &["list"]);
    assert!(crate::common::text(&listed).contains("研修班"), "{}", crate::common::text(&listed));
    let empty = tmp.path().join("空的");
    std::fs::create_dir_all(&empty).expect("folder");
    let refused = in_app_data(&home, &["use-data-folder", empty.to_str().expect("path")]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(crate::common::text(&refused).contains("里没有学时手册的数据"), "{}", crate::common::text(&refused));
}

#[test]
fn a_data_folder_given_with_data_dir_is_not_moved() {
    let (tmp, data) = crate::common::data_folder();
    let refused = crate::common::refused(&data, &["move-data-folder", tmp.path().join("新").to_str().expect("path")]);
    assert!(refused.contains("启动学时手册时专门指定的"), "{refused}");
}
