//! Text from outside (pasted titles, rule files, spreadsheet cells) from the outside of `xueshi`:
//! invisible characters pasted into a title do not block the package, an over-long title is refused
//! naming 名称, and nothing the user's files hold reaches the terminal as a raw escape sequence or
//! direction override.

use std::path::Path;
use std::process::Output;

use crate::common::{data_folder, text, xueshi};

/// Neither an escape sequence nor a direction override reaches the terminal.
fn assert_terminal_safe(out: &Output) {
    let all = text(out);
    for bad in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202E}', '\u{2066}', '\r'] {
        assert!(!all.contains(bad), "U+{:04X} reached the terminal: {all:?}", u32::from(bad));
    }
}

fn add_training(data: &Path, title: &str) -> Output {
    xueshi(
        data,
        &["add", "--kind", "training", "--category", "public", "--days", "3", "--date", "2024-05-01", "--title", title],
    )
}

#[test]
fn a_title_pasted_with_a_zero_width_space_and_a_byte_order_mark_exports_a_package() {
    let (dir, data) = data_folder();
    let out = add_training(&data, "\u{FEFF}数字化\u{200B}转型\u{2060}研修班\u{00AD}");
    assert!(out.status.success(), "{}", text(&out));
    let zip = dir.path().join("申报材料包.zip");
    let out = xueshi(
        &data,
        &["export", "--apply-year", "2026", "--level", "associate_senior", "--out", zip.to_str().expect("path")],
    );
    assert!(out.status.success(), "the package is made, no advice to install a font: {}", text(&out));
    assert!(zip.is_file());
    let list = xueshi(&data, &["list", "--json"]);
    let records: serde_json::Value = serde_json::from_slice(&list.stdout).expect("json");
    assert_eq!(records[0]["title"], "数字化转型研修班");
}

#[test]
fn a_title_over_two_hundred_characters_is_refused_naming_the_field() {
    let (_dir, data) = data_folder();
    let out = add_training(&data, &"很长的名称".repeat(41));
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let message = text(&out);
    assert!(message.contains("名称太长") && message.contains("最多 200 个字"), "{message}");
    assert!(message.len() < 400, "the title is not repeated: {message}");
}

#[test]
fn a_rule_file_with_escape_sequences_is_shown_without_them() {
    let dir = tempfile::tempdir().expect("temp");
    let rules = dir.path().join("mine.toml");
    let toml = "id = \"mine-2027\"\nname = \"\\u001b]0;标题\\u0007\\u001b[2J某市\\u202E通知\"\nissuer = \"某市\\u009b31m人社局\"\n\
                governs = [2027]\nextends = \"hunan-2026\"\nsource = \"mine.txt\"\n";
    std::fs::write(&rules, toml).expect("written");
    let data = dir.path().join("数据");
    for args in [vec!["rules", "check"], vec!["rules", "show"], vec!["rules", "show", "--json"]] {
        let mut args = args.clone();
        args.insert(2, rules.to_str().expect("path"));
        let out = xueshi(&data, &args);
        assert!(out.status.success(), "{args:?}: {}", text(&out));
        assert_terminal_safe(&out);
        assert!(text(&out).contains("\\u001b"), "{args:?}: the escape is shown, not hidden: {}", text(&out));
    }
    let json = xueshi(&data, &["rules", "show", rules.to_str().expect("path"), "--json"]);
    let set: serde_json::Value = serde_json::from_slice(&json.stdout).expect("still JSON");
    assert_eq!(set["issuer"], "某市\u{9b}31m人社局", "JSON output keeps the same data");
}

#[test]
fn a_spreadsheet_cell_with_an_escape_sequence_is_reported_without_it() {
    let (dir, data) = data_folder();
    let csv = dir.path().join("学时.csv");
    std::fs::write(
        &csv,
        "形式,名称,起止日期,天数,类别\n培训班,研修班,2024-05-01,\u{1b}[2J\u{1b}]0;x\u{7}三\u{202E}天,公需\n",
    )
    .expect("written");
    let out = xueshi(&data, &["import", csv.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert_terminal_safe(&out);
}

#[test]
fn the_profile_set_on_the_command_line_is_cleaned_and_limited_like_every_other_input() {
    let (_dir, data) = data_folder();
    let out = xueshi(&data, &["profile", "--name", "\u{FEFF}王\u{200B}晓梅\u{00A0}", "--json"]);
    assert!(out.status.success(), "{}", text(&out));
    let profile: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(profile["name"], "王晓梅");
    let out = xueshi(&data, &["profile", "--employer", &"长沙市第一中学".repeat(40)]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(text(&out).contains("工作单位太长"), "{}", text(&out));
    let out = xueshi(&data, &["profile", "--json"]);
    let profile: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(profile.get("employer").is_none(), "nothing was saved: {profile}");
}

#[test]
fn a_material_pasted_with_a_zero_width_space_is_still_recognised() {
    let (dir, data) = data_folder();
    assert!(add_training(&data, "研修班").status.success());
    let pdf = dir.path().join("结业证书.pdf");
    std::fs::write(&pdf, b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n").expect("written");
    let out = xueshi(&data, &["attach", "2024-001", pdf.to_str().expect("path"), "--material", "结业证书\u{200B}"]);
    assert!(out.status.success(), "{}", text(&out));
    let list = xueshi(&data, &["list", "--json"]);
    let records: serde_json::Value = serde_json::from_slice(&list.stdout).expect("json");
    assert_eq!(records[0]["evidence"][0]["material"], "结业证书");
}
