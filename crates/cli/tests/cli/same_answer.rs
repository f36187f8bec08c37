//! The desktop app and the command line give the same answer on the same data folder: the app's
//! side is the application layer its commands call (`Handbook`: the `snapshot` command returns
//! `Handbook::snapshot` as it is), the command line's side is the real `xueshi` binary.

use crate::common;

use std::path::Path;

use crate::common::{ok, xueshi};
use serde_json::Value;
use xueshi_handbook::dto::{PlanDto, ProfileDto};
use xueshi_handbook::{Handbook, HandbookError};
use xueshi_store::DataDir;

/// A unit's own rule set, as a user loads it in the app's 规则 screen.
const OWN_RULES: &str = "id = \"my-2027\"\nname = \"本院规则\"\nissuer = \"某医院\"\ngoverns = [2027]\n\
                         extends = \"hunan-2026\"\nsource = \"本院通知\"\n";

fn app(data: &Path) -> Handbook {
    Handbook::open(DataDir::new(data)).expect("the app opens the data folder")
}

fn form_plan(year: i32, rules: Option<&str>) -> PlanDto {
    serde_json::from_value(serde_json::json!({
        "year": year, "level": "associate_senior", "path": "standard", "rules": rules
    }))
    .expect("plan")
}

#[test]
fn a_rule_file_and_a_plan_saved_in_the_app_give_the_command_line_the_same_assessment() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let rule_file = dir.path().join("本院规则.toml");
    std::fs::write(&rule_file, OWN_RULES).expect("rule file");
    let mut h = app(&data);
    let profile = ProfileDto { name: Some("李医生".into()), city: Some("常德".into()), ..ProfileDto::default() };
    h.save_profile(&profile).expect("profile");
    let id = h.add_rule_file(&rule_file).expect("the app keeps the rule file");
    h.save_plan(&form_plan(2027, Some(&id))).expect("a plan naming it");
    let snapshot = h.snapshot().expect("snapshot");
    drop(h);
    assert!(common::add_training(&data, "本院研修班", "3").status.success());
    let cli: Value = serde_json::from_str(&ok(&data, &["assess", "--json"])).expect("json");
    let app_view = serde_json::to_value(app(&data).snapshot().expect("snapshot").assessment).expect("json");
    assert_eq!(cli["rules"], "my-2027", "the command line uses the rule file saved through the app");
    let selection = snapshot.selection.expect("a rule set in force");
    assert_eq!(cli["rules_reason"], selection.reason.as_str());
    let mut cli_assessment = cli.clone();
    if let Some(map) = cli_assessment.as_object_mut() {
        map.remove("rules_reason");
        map.remove("rules_assumed");
    }
    assert_eq!(cli_assessment, app_view, "the same records, rules and application give the same assessment");
    let listed = ok(&data, &["rules", "list"]);
    assert!(listed.contains("my-2027") && listed.contains("自定"), "{listed}");
}

#[test]
fn a_plan_made_with_the_command_line_survives_the_app_saving_its_own_plan() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    app(&data).save_plan(&form_plan(2026, None)).expect("the app's plan");
    ok(&data, &["plan", "--apply-year", "2029", "--level", "senior"]);
    let mut h = app(&data);
    h.save_plan(&form_plan(2027, None)).expect("the app changes its plan");
    let years: Vec<i32> = h.plans().expect("plans").iter().map(|p| p.application.year).collect();
    assert_eq!(years, [2027, 2029]);
    let listed = ok(&data, &["plan"]);
    assert!(listed.contains("2027") && listed.contains("2029") && !listed.contains("2026"), "{listed}");
    let err = h.save_plan(&form_plan(2027, Some("no-such-set"))).expect_err("refused by the app");
    assert!(matches!(err, HandbookError::UnknownRules(_)));
    let out = xueshi(&data, &["plan", "--apply-year", "2027", "--level", "associate_senior", "--rules", "no-such-set"]);
    assert_eq!(out.status.code(), Some(2), "refused by the command line too");
}

#[test]
fn both_shells_import_the_same_spreadsheet_types_and_refuse_the_same_oversized_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let macro_book = dir.path().join("登记表.xlsm");
    std::fs::write(&macro_book, "名称,形式,起止日期,类别,天数\n研修班,培训班,2025-05-12,专业,2\n").expect("sheet");
    let by_cli = dir.path().join("cli");
    let by_app = dir.path().join("app");
    let printed = ok(&by_cli, &["import", &macro_book.display().to_string()]);
    let said = app(&by_app).import_file(&macro_book, false).expect("the app imports an .xlsm too").summary();
    assert_eq!(printed.trim_end(), said);
    let huge = dir.path().join("巨大的表格.csv");
    let file = std::fs::File::create(&huge).expect("file");
    file.set_len(xueshi_store::spreadsheet::MAX_SPREADSHEET_BYTES + 1).expect("sparse file");
    let out = xueshi(&by_cli, &["import", &huge.display().to_string()]);
    let refused = app(&by_app).import_file(&huge, false).expect_err("too large for the app");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&out.stderr).trim_end(), format!("错误：{refused}"));
}
