//! `xueshi export --apply-year … --out FILE.zip` (or `--summary FILE.pdf`, 学时汇总表 alone) and
//! `xueshi verify-package` from the outside:
//! a package from a ledger file and a folder of evidence, and from the stored records with files
//! in the vault; verify passing (exit 0) and catching a changed byte (exit 1); bad input (exit 2).

use std::path::{Path, PathBuf};

use crate::common::{demo_ledger, text, xueshi};

/// Writes a small file for every evidence entry of the demo ledger under `<dir>/<record>/<file>`.
pub fn evidence_folder(dir: &Path) -> PathBuf {
    let root = dir.join("材料");
    let ledger: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(demo_ledger()).expect("demo")).expect("json");
    for a in ledger["activities"].as_array().expect("activities") {
        for e in a["evidence"].as_array().into_iter().flatten() {
            let path = root.join(a["id"].as_str().expect("id")).join(e["file"].as_str().expect("file"));
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            // Content with the signature of the type its name says (the package names by content).
            let signature: &[u8] =
                if path.extension().is_some_and(|e| e == "pdf") { b"%PDF-1.7\n" } else { b"\xFF\xD8\xFF\xE0" };
            let mut content = signature.to_vec();
            content.extend_from_slice(format!("{} {}", a["id"], e["file"]).as_bytes());
            std::fs::write(&path, content).expect("write");
        }
    }
    root
}

#[test]
fn a_package_from_a_ledger_file_verifies_and_a_changed_byte_fails_verification() {
    let dir = tempfile::tempdir().expect("temp");
    let evidence = evidence_folder(dir.path());
    let out = dir.path().join("申报材料包.zip");
    let ledger = demo_ledger();
    let args = [
        "export",
        "--ledger",
        ledger.to_str().expect("path"),
        "--evidence-dir",
        evidence.to_str().expect("path"),
        "--apply-year",
        "2026",
        "--level",
        "associate_senior",
        "--out",
        out.to_str().expect("path"),
        "--mask-id",
    ];
    let made = xueshi(&dir.path().join("data"), &args);
    assert!(made.status.success(), "{}", text(&made));
    assert!(text(&made).contains("18 个证明材料文件"), "{}", text(&made));

    let check = xueshi(
        &dir.path().join("data"),
        &[
            "verify-package",
            out.to_str().expect("path"),
            "--ledger",
            ledger.to_str().expect("path"),
            "--evidence-dir",
            evidence.to_str().expect("path"),
        ],
    );
    assert_eq!(check.status.code(), Some(0), "{}", text(&check));
    assert!(text(&check).contains("材料包完好") && text(&check).contains("重新评估"), "{}", text(&check));
    assert!(text(&check).contains("逐字节比较"), "{}", text(&check));

    let mut bytes = std::fs::read(&out).expect("zip");
    let at = bytes.len() / 3;
    bytes[at] ^= 0x40;
    std::fs::write(&out, bytes).expect("write");
    let check = xueshi(&dir.path().join("data"), &["verify-package", out.to_str().expect("path")]);
    assert_eq!(check.status.code(), Some(1), "{}", text(&check));
    assert!(text(&check).contains("处问题"), "{}", text(&check));
}

#[test]
fn a_package_of_the_stored_records_takes_files_from_the_vault_and_lists_names_without_files() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    assert!(xueshi(&data, &["init"]).status.success());
    let imported = xueshi(&data, &["import", demo_ledger().to_str().expect("path")]);
    assert!(imported.status.success(), "{}", text(&imported));
    let file = dir.path().join("证书.pdf");
    std::fs::write(&file, b"%PDF-1.4\n% certificate\n").expect("write");
    let attached = xueshi(&data, &["attach", "2021-01", file.to_str().expect("path"), "--material", "结业证书"]);
    assert!(attached.status.success(), "{}", text(&attached));
    let out = dir.path().join("包.zip");
    let made = xueshi(
        &data,
        &["export", "--apply-year", "2026", "--level", "associate_senior", "--out", out.to_str().expect("path")],
    );
    assert!(made.status.success(), "{}", text(&made));
    assert!(text(&made).contains("1 个证明材料文件") && text(&made).contains("未放入申报材料包"), "{}", text(&made));
    let check = xueshi(&data, &["verify-package", out.to_str().expect("path")]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check));
    assert!(text(&check).contains("材料包完好") && text(&check).contains("逐字节比较"), "{}", text(&check));
    assert!(!text(&check).contains("未检查"), "{}", text(&check));

    // Without the data folder: consistent with its own manifest, and it says what was not checked.
    let elsewhere = xueshi(&dir.path().join("没有数据"), &["verify-package", out.to_str().expect("path")]);
    assert_eq!(elsewhere.status.code(), Some(0), "{}", text(&elsewhere));
    assert!(!text(&elsewhere).contains("材料包完好"), "{}", text(&elsewhere));
    assert!(
        text(&elsewhere).contains("未检查") && text(&elsewhere).contains("清单本身是否被改过"),
        "{}",
        text(&elsewhere)
    );

    // The records changed since (a file attached): the package no longer matches them.
    let other = dir.path().join("通知.pdf");
    std::fs::write(&other, b"%PDF-1.4\n% notice\n").expect("write");
    let attached = xueshi(&data, &["attach", "2021-01", other.to_str().expect("path"), "--material", "课程内容安排"]);
    assert!(attached.status.success(), "{}", text(&attached));
    let check = xueshi(&data, &["verify-package", out.to_str().expect("path")]);
    assert_eq!(check.status.code(), Some(1), "{}", text(&check));
    assert!(text(&check).contains("材料包中缺少") && text(&check).contains("重新导出"), "{}", text(&check));
}

#[test]
fn an_export_without_out_or_with_an_unknown_level_is_refused() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    let ledger = demo_ledger();
    let no_out = xueshi(
        &data,
        &[
            "export",
            "--ledger",
            ledger.to_str().expect("p"),
            "--evidence-dir",
            ".",
            "--apply-year",
            "2026",
            "--level",
            "senior",
        ],
    );
    assert_eq!(no_out.status.code(), Some(2));
    assert!(text(&no_out).contains("--out"), "{}", text(&no_out));
    let bad = xueshi(&data, &["export", "--apply-year", "2026", "--level", "expert", "--out", "x.zip"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(!Path::new("x.zip").exists());
}

#[test]
fn the_summary_alone_is_written_as_a_pdf_without_a_package_and_a_wrong_extension_is_refused() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path().join("data");
    let imported = xueshi(&data, &["import", demo_ledger().to_str().expect("path")]);
    assert!(imported.status.success(), "{}", text(&imported));
    let planned = xueshi(&data, &["plan", "--apply-year", "2026", "--level", "associate_senior"]);
    assert!(planned.status.success(), "{}", text(&planned));
    let pdf = dir.path().join("学时汇总表.pdf");
    let made = xueshi(&data, &["export", "--summary", pdf.to_str().expect("path")]);
    assert!(made.status.success(), "{}", text(&made));
    assert!(text(&made).contains("已生成学时汇总表") && !text(&made).contains("材料包"), "{}", text(&made));
    assert!(std::fs::read(&pdf).expect("written").starts_with(b"%PDF"));
    let names: Vec<_> = std::fs::read_dir(dir.path()).expect("dir").flatten().map(|e| e.file_name()).collect();
    assert_eq!(names.len(), 2, "only the data folder and the PDF: {names:?}");

    let wrong = dir.path().join("学时汇总表.docx");
    let refused = xueshi(&data, &["export", "--summary", wrong.to_str().expect("path")]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(text(&refused).contains("应以 .pdf 结尾"), "{}", text(&refused));
    assert!(!wrong.exists());
}
