//! Issue 9 from the outside: the 学时 on a training's proof, the platform of a staff training and
//! the task of a posting as flags; the city as one of Hunan's 14 市州; the unit's own window for
//! `assess` and `plan`; no level refused, with the assumption said in the report.

use std::path::{Path, PathBuf};

use crate::common::{data_folder, ok, refused, text, xueshi};
use serde_json::Value;

/// A ledger file with one training a year 2021–2026, each 5 days of 专业 and an online 公需 course.
fn ledger_file(dir: &Path) -> PathBuf {
    let mut activities = Vec::new();
    for year in 2019..=2026 {
        activities.push(serde_json::json!({"id": format!("{year}-001"), "kind": "training", "title": "专业培训",
            "date": format!("{year}-05-08"), "category": "professional", "days": 10, "hours": 80}));
        activities.push(serde_json::json!({"id": format!("{year}-002"), "kind": "online_course", "title": "公需课",
            "date": format!("{year}-03-01"), "category": "public", "hours": 30}));
    }
    let ledger = serde_json::json!({"format": "xueshi-ledger", "version": 1,
        "profile": {"name": "湘小红", "city": "长沙市"}, "activities": activities});
    let path = dir.join("学时记录.json");
    std::fs::write(&path, ledger.to_string()).expect("written");
    path
}

#[test]
fn a_training_keeps_the_hours_on_its_proof_a_staff_training_its_platform_and_a_posting_its_task() {
    let (_tmp, data) = data_folder();
    let training = ["add", "--kind", "training", "--title", "转岗培训", "--date", "2017-05-08"];
    ok(&data, &[&training[..], &["--category", "professional", "--days", "2", "--hours", "16"]].concat());
    let staff = ["add", "--kind", "staff_training", "--title", "在线培训", "--date", "2026-03-01"];
    ok(&data, &[&staff[..], &["--category", "public", "--hours", "20", "--platform", "unified"]].concat());
    let posting = ["add", "--kind", "aid_posting", "--title", "援疆医疗队", "--date", "2023-12-31"];
    ok(&data, &[&posting[..], &["--end-date", "2024-06-30", "--task", "sanyuan"]].concat());

    let list: Value = serde_json::from_str(&ok(&data, &["list", "--json"])).expect("json");
    let records = list.as_array().expect("a list of records").clone();
    let field = |id: &str, name: &str| records.iter().find(|r| r["id"] == id).map(|r| r[name].clone());
    assert_eq!(field("2017-001", "hours"), Some(Value::from(16)));
    assert_eq!(field("2026-001", "platform"), Some(Value::from("unified")));
    assert_eq!(field("2023-001", "task"), Some(Value::from("sanyuan")));

    let table = ok(&data, &["list"]);
    assert!(table.contains("证明 16 学时"), "{table}");
    assert!(table.contains("统一平台"), "{table}");
    assert!(table.contains("三援"), "{table}");

    ok(&data, &["edit", "2026-001", "--platform", "other"]);
    assert!(ok(&data, &["list"]).contains("其他平台"));
}

#[test]
fn a_platform_on_a_training_or_a_task_on_a_staff_training_is_refused_naming_the_kind_it_is_for() {
    let (_tmp, data) = data_folder();
    let training = ["add", "--kind", "training", "--title", "培训", "--date", "2024-05-08", "--category", "public"];
    let message = refused(&data, &[&training[..], &["--days", "2", "--platform", "unified"]].concat());
    assert!(message.contains("--platform 不适用于培训班/研修班/进修班，只用于：事业单位工作人员培训"), "{message}");
    let staff = ["add", "--kind", "staff_training", "--title", "培训", "--date", "2026-03-01", "--category", "public"];
    let message = refused(&data, &[&staff[..], &["--hours", "20", "--task", "sanyuan"]].concat());
    assert!(
        message.contains("--task 不适用于事业单位工作人员培训，只用于：三援/东西部扶贫协作等特定任务"),
        "{message}"
    );
    assert!(ok(&data, &["list"]).contains("没有记录"), "nothing saved");
}

#[test]
fn the_city_is_saved_in_its_short_form_and_a_place_outside_hunan_is_refused_naming_the_choices() {
    let (_tmp, data) = data_folder();
    let shown = ok(&data, &["profile", "--city", "常德市"]);
    assert!(shown.contains("所在市州：常德\n"), "{shown}");
    let message = refused(&data, &["profile", "--city", "北京"]);
    assert!(message.contains("“北京”不是湖南省的市州"), "{message}");
    assert!(message.contains(&xueshi_core::cities::choices()), "{message}");
    assert!(ok(&data, &["profile"]).contains("所在市州：常德\n"), "the city is unchanged");
}

#[test]
fn assess_with_the_units_window_checks_those_years() {
    let (tmp, data) = data_folder();
    let ledger = ledger_file(tmp.path());
    let args = ["assess", "--ledger", ledger.to_str().expect("path"), "--apply-year", "2026"];
    let report = ok(&data, &[&args[..], &["--level", "intermediate", "--window", "2023-2026"]].concat());
    assert!(report.contains("认定跨度：2023—2026年"), "{report}");
}

#[test]
fn a_window_that_cannot_be_the_applications_is_refused_with_its_reason() {
    let (tmp, data) = data_folder();
    let ledger = ledger_file(tmp.path());
    let args = ["assess", "--ledger", ledger.to_str().expect("path"), "--apply-year", "2026", "--level", "senior"];
    let message = refused(&data, &[&args[..], &["--window", "2025-2027"]].concat());
    assert!(message.contains("认定跨度不能晚于申报年度 2026 年"), "{message}");
    let message = refused(&data, &[&args[..], &["--window", "近三年"]].concat());
    assert!(message.contains("认定跨度“近三年”无法识别"), "{message}");
    let message = refused(&data, &["plan", "--apply-year", "2026", "--level", "senior", "--window", "2026-2023"]);
    assert!(message.contains("起始年度 2026 晚于结束年度 2023"), "{message}");
}

#[test]
fn a_plan_keeps_the_units_window_with_its_source_and_assess_uses_it() {
    let (_tmp, data) = data_folder();
    ok(&data, &["profile", "--name", "湘小红"]);
    let plan = ["plan", "--apply-year", "2026", "--level", "intermediate", "--window", "2023-2026"];
    let saved = ok(&data, &[&plan[..], &["--window-source", "本单位2026年职称评审通知"]].concat());
    assert!(saved.contains("认定跨度 2023—2026年"), "{saved}");
    let listed = ok(&data, &["plan"]);
    assert!(listed.contains("2023—2026年") && listed.contains("本单位2026年职称评审通知"), "{listed}");
    let report = ok(&data, &["assess"]);
    assert!(report.contains("认定跨度：2023—2026年"), "{report}");
}

#[test]
fn a_window_source_without_a_window_is_refused() {
    let (_tmp, data) = data_folder();
    let message =
        refused(&data, &["plan", "--apply-year", "2026", "--level", "intermediate", "--window-source", "本单位通知"]);
    assert!(message.contains("请同时用 --window 给出认定跨度"), "{message}");
}

#[test]
fn an_intermediate_application_in_2026_without_rules_is_assessed_and_says_what_it_presumes() {
    let (tmp, data) = data_folder();
    let ledger = ledger_file(tmp.path());
    let args = ["assess", "--ledger", ledger.to_str().expect("path"), "--apply-year", "2026"];
    let out = xueshi(&data, &[&args[..], &["--level", "intermediate"]].concat());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let report = String::from_utf8_lossy(&out.stdout);
    let reminders = report.split("提醒：").nth(1).unwrap_or_default();
    assert!(reminders.contains("推定"), "the assumption is among the reminders: {report}");
}

#[test]
fn a_package_for_a_plan_with_the_units_window_is_assessed_by_it_and_verifies() {
    let (tmp, data) = data_folder();
    ok(&data, &["profile", "--name", "湘小红"]);
    let training = ["add", "--kind", "training", "--title", "专业培训", "--date", "2025-05-08"];
    ok(&data, &[&training[..], &["--category", "professional", "--days", "3"]].concat());
    ok(&data, &["plan", "--apply-year", "2026", "--level", "intermediate", "--window", "2023-2026"]);
    let out = tmp.path().join("申报材料包.zip");
    let made = xueshi(&data, &["export", "--out", out.to_str().expect("path")]);
    assert_eq!(made.status.code(), Some(0), "{}", text(&made));
    let manifest = xueshi_export::read_manifest(&out).expect("manifest");
    assert_eq!(manifest.assessment["window"], serde_json::json!([2023, 2024, 2025, 2026]));
    let check = xueshi(&data, &["verify-package", out.to_str().expect("path")]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check));
}

#[test]
fn a_package_from_a_ledger_file_with_the_units_window_is_assessed_by_it_and_verifies() {
    let (tmp, data) = data_folder();
    let ledger = ledger_file(tmp.path());
    let evidence = tmp.path().join("材料");
    std::fs::create_dir_all(&evidence).expect("folder");
    let out = tmp.path().join("申报材料包.zip");
    let (ledger, evidence, out) =
        (ledger.to_str().expect("path"), evidence.to_str().expect("path"), out.to_str().expect("path"));
    let source = ["--ledger", ledger, "--evidence-dir", evidence];
    let application = ["--apply-year", "2026", "--level", "intermediate", "--window", "2022-2026", "--out", out];
    let made = xueshi(&data, &[&["export"][..], &source, &application].concat());
    assert_eq!(made.status.code(), Some(0), "{}", text(&made));
    let manifest = xueshi_export::read_manifest(Path::new(out)).expect("manifest");
    assert_eq!(manifest.assessment["window"], serde_json::json!([2022, 2023, 2024, 2025, 2026]));
    let check = xueshi(&data, &[&["verify-package", out][..], &source].concat());
    assert_eq!(check.status.code(), Some(0), "{}", text(&check));
}
