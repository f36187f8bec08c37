//! The `xueshi` command line from the outside: exit codes, the JSON shape of `assess --json`, the
//! Chinese table, and the `rules` commands.

use std::path::PathBuf;
use std::process::Output;

use serde_json::Value;

use crate::common::{command, demo_ledger, repository, run};

/// Runs `xueshi <args>` with a scratch data folder named by `XUESHI_DATA_DIR`.
fn xueshi(args: &[&str]) -> Output {
    run(command().args(args).env("XUESHI_DATA_DIR", scratch("data")))
}

fn demo() -> String {
    demo_ledger().display().to_string()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("xueshi-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir.join(name)
}

fn write(name: &str, text: &str) -> String {
    let path = scratch(name);
    std::fs::write(&path, text).expect("written");
    path.display().to_string()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn assess_prints_the_documented_json_shape_and_exits_zero_even_when_not_compliant() {
    let out = xueshi(&["assess", "--ledger", &demo(), "--apply-year", "2026", "--level", "associate_senior", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["rules"], "hunan-2026");
    assert_eq!(
        (v["apply_year"].as_i64(), v["level"].as_str(), v["path"].as_str()),
        (Some(2026), Some("associate_senior"), Some("standard"))
    );
    assert_eq!(v["window"], serde_json::json!([2021, 2022, 2023, 2024, 2025]));
    assert_eq!(v["compliant"], false);
    let year = &v["years"][0];
    for key in ["year", "public", "professional", "total", "met", "full_year", "prior_certificate", "short"] {
        assert!(!year[key].is_null(), "years[].{key} missing");
    }
    for key in ["public", "professional", "total"] {
        assert!(year["short"][key].is_number(), "short.{key} missing");
    }
    let credit = &v["credits"][0];
    for key in ["activity", "year", "category", "hours", "clause"] {
        assert!(!credit[key].is_null(), "credits[].{key} missing");
    }
    assert!(v["warnings"].as_array().is_some());
    assert_eq!(v["years"][4]["short"]["public"], 6, "2025 has 24 public hours");
}

#[test]
fn without_json_the_report_is_a_chinese_table() {
    let out = xueshi(&["assess", "--ledger", &demo(), "--apply-year", "2026", "--level", "associate_senior"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("年度  公需  专业  合计  状态"), "{text}");
    assert!(text.contains("2025  24    70    94    差 6 学时（公需科目差 6）"), "{text}");
    assert!(text.contains("尚未达标"));
}

#[test]
fn the_rules_option_runs_a_what_if_under_another_notice() {
    let out = xueshi(&[
        "assess",
        "--ledger",
        &demo(),
        "--apply-year",
        "2026",
        "--level",
        "associate_senior",
        "--rules",
        "hunan-2020",
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["rules"], "hunan-2020");
    assert!(
        v["warnings"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|w| w["activity"].is_null() && w["message"].as_str().is_some_and(|m| m.contains("推定")))
    );
}

#[test]
fn a_malformed_ledger_exits_two_naming_the_record_and_field() {
    let bad = write(
        "bad.json",
        r#"{"format":"xueshi-ledger","version":1,"activities":[{"id":"t9","kind":"training","title":"班","date":"2024-02-30","category":"public","days":1}]}"#,
    );
    let out = xueshi(&["assess", "--ledger", &bad, "--apply-year", "2026", "--level", "senior"]);
    assert_eq!(out.status.code(), Some(2));
    let msg = stderr(&out);
    assert!(msg.contains("t9") && msg.contains("日期") && msg.contains("2024-02-30"), "{msg}");
    assert!(out.stdout.is_empty());
}

#[test]
fn a_missing_ledger_file_exits_two_with_its_path() {
    let out = xueshi(&["assess", "--ledger", "/nonexistent/账本.json", "--apply-year", "2026", "--level", "senior"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("/nonexistent/账本.json"));
}

#[test]
fn an_unknown_option_or_level_exits_two() {
    assert_eq!(
        xueshi(&["assess", "--ledger", &demo(), "--apply-year", "2026", "--level", "senior", "--colour"]).status.code(),
        Some(2)
    );
    let out = xueshi(&["assess", "--ledger", &demo(), "--apply-year", "2026", "--level", "expert"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("junior | intermediate | associate_senior | senior"), "{}", stderr(&out));
}

/// Issue 9, ruling 7: 29号 leaves 中初级 to cities and units; no level is refused.
#[test]
fn an_intermediate_or_junior_application_in_2026_is_assessed_with_a_stated_assumption() {
    for level in ["intermediate", "junior"] {
        let out = xueshi(&["assess", "--ledger", &demo(), "--apply-year", "2026", "--level", level]);
        assert_eq!(out.status.code(), Some(0), "{level}: {}", stderr(&out));
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("推定") && text.contains("--window"), "{level}: {text}");
    }
}

#[test]
fn a_path_that_has_no_window_for_the_level_exits_two_with_advice() {
    let out = xueshi(&["assess", "--ledger", &demo(), "--apply-year", "2026", "--level", "senior", "--path", "phd"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("正高级"), "{}", stderr(&out));
}

#[test]
fn rules_list_names_every_notice() {
    let out = xueshi(&["rules", "list"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    for id in
        ["hunan-2017", "hunan-2020", "hunan-2021", "hunan-2024", "changde-2024", "hunan-2026", "湘人社函〔2021〕29号"]
    {
        assert!(text.contains(id), "{id} missing from\n{text}");
    }
}

#[test]
fn rules_show_quotes_the_source_sentences() {
    let out = xueshi(&["rules", "show", "hunan-2021"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("公需科目和专业科目必须同时达标"), "{text}");
    assert!(text.contains("hunan-2020/conversion.1.day"), "inherited clauses name their own notice");
    assert_eq!(xueshi(&["rules", "show", "hunan-1999"]).status.code(), Some(2));
}

#[test]
fn rules_check_accepts_each_built_in_file_and_refuses_a_broken_one_with_its_place() {
    for file in ["hunan-2020.toml", "changde-2024.toml", "hunan-2026.toml"] {
        let path = repository().join("rules").join(file).display().to_string();
        let out = xueshi(&["rules", "check", &path]);
        assert_eq!(out.status.code(), Some(0), "{file}: {}", stderr(&out));
    }
    let broken = write("broken.toml", "id = \"x-1\"\nname = \"n\"\nissuer = \"i\"\ngovrns = [2027]\n");
    let out = xueshi(&["rules", "check", &broken]);
    assert_eq!(out.status.code(), Some(2));
    let msg = stderr(&out);
    assert!(msg.contains("broken.toml”第 4 行第 1 列") && msg.contains("govrns"), "{msg}");
}

#[test]
fn a_users_rule_file_can_be_used_directly_for_an_assessment() {
    let text = "id = \"my-2027\"\nname = \"自定规则\"\nissuer = \"某单位\"\ngoverns = [2027]\nextends = \"hunan-2026\"\nsource = \"本单位通知\"\n";
    let path = write("my-2027.toml", text);
    let out = xueshi(&[
        "assess",
        "--ledger",
        &demo(),
        "--apply-year",
        "2027",
        "--level",
        "senior",
        "--rules",
        &path,
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["rules"], "my-2027");
    assert_eq!(v["window"], serde_json::json!([2022, 2023, 2024, 2025, 2026]));
}
