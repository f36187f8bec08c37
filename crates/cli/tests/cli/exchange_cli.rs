//! `xueshi export` and `xueshi import` from the outside: all data (the ledger with its files and
//! the plan) through a .zip and a folder, and a 1,000-row spreadsheet with good and bad rows.

use std::path::Path;

use crate::common::{ok, xueshi};

use serde_json::Value;

fn count(data: &Path) -> usize {
    let list: Value = serde_json::from_str(&ok(data, &["list", "--json"])).expect("json");
    list.as_array().map_or(0, Vec::len)
}

#[test]
fn a_zip_export_imported_into_a_new_folder_exports_the_same_ledger_and_files() {
    let tmp = tempfile::tempdir().expect("tmp");
    let first = tmp.path().join("甲");
    ok(&first, &["init"]);
    ok(&first, &["profile", "--name", "湘小明", "--city", "常德"]);
    ok(
        &first,
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
            "2",
        ],
    );
    let cert = tmp.path().join("结业证书.pdf");
    std::fs::write(&cert, "%PDF-1.4\n证书\n").expect("written");
    ok(&first, &["attach", "2024-001", &cert.display().to_string(), "--material", "结业证书"]);
    ok(&first, &["plan", "--apply-year", "2026", "--level", "associate_senior", "--window", "2021-2025"]);
    let zip = tmp.path().join("导出.zip");
    let said = ok(&first, &["export", &zip.display().to_string()]);
    assert!(said.contains("已导出全部数据：1 条记录、1 个证明材料文件，以及参评计划 1 条"), "{said}");

    let second = tmp.path().join("乙");
    let imported = ok(&second, &["import", &zip.display().to_string()]);
    assert!(imported.contains("已导入 1 条记录、1 个证明材料文件；参评计划 1 条"), "{imported}");
    assert_eq!(ok(&second, &["plan"]), ok(&first, &["plan"]), "the plan moved with the records");
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    ok(&first, &["export", &a.display().to_string()]);
    ok(&second, &["export", &b.display().to_string()]);
    let json = |d: &Path| std::fs::read_to_string(d.join("ledger.json")).expect("ledger.json");
    assert_eq!(json(&a), json(&b));
    let file = |d: &Path| std::fs::read(d.join("evidence/2024-001/结业证书.pdf")).expect("file");
    assert_eq!(file(&a), file(&b));
}

/// A CSV of 1,000 training rows; rows whose number is in `bad` have an impossible date.
fn csv(bad: &[usize]) -> String {
    let mut text = String::from("序号,名称,形式,类别,起止日期,天数\n");
    for n in 1..=1000 {
        let date =
            if bad.contains(&n) { "2023.2.30".to_owned() } else { format!("2023.{}.{}", n % 12 + 1, n % 28 + 1) };
        text.push_str(&format!("{n},第{n}期专题培训,培训,公需,{date},{}\n", n % 3 + 1));
    }
    text
}

#[test]
fn a_spreadsheet_with_bad_rows_imports_nothing_unless_told_to_skip_them() {
    let tmp = tempfile::tempdir().expect("tmp");
    let data = tmp.path().join("数据");
    ok(&data, &["init"]);
    let sheet = tmp.path().join("学时登记表.csv");
    std::fs::write(&sheet, csv(&[7, 500, 999])).expect("written");
    let sheet = sheet.display().to_string();

    let out = xueshi(&data, &["import", &sheet]);
    assert_eq!(out.status.code(), Some(2));
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(message.contains("3 行有错误") && message.contains("第 501 行"), "{message}");
    assert_eq!(count(&data), 0, "nothing imported");

    assert!(ok(&data, &["import", &sheet, "--skip-bad-rows"]).contains("已从表格导入 997 条记录"));
    assert_eq!(count(&data), 997);
    let again = ok(&data, &["import", &sheet, "--skip-bad-rows"]);
    assert!(again.contains("997 条此前已导入"), "{again}");
    assert_eq!(count(&data), 997);
}

#[test]
fn a_clean_1000_row_spreadsheet_is_imported_whole() {
    let tmp = tempfile::tempdir().expect("tmp");
    let data = tmp.path().join("数据");
    let sheet = tmp.path().join("表.csv");
    std::fs::write(&sheet, csv(&[])).expect("written");
    assert!(ok(&data, &["import", &sheet.display().to_string()]).contains("已从表格导入 1000 条记录"));
    assert_eq!(count(&data), 1000);
}
