//! `xueshi export --apply-year … --upload-kit DIR [--upload-limit-mb N]`: the per-year upload kit
//! from a ledger file and its folder of evidence, a folder per year of the window and the
//! checklist; a folder that holds files and a limit outside 1–100 MB refused.

use crate::common::{demo_ledger, text, xueshi};
use crate::export_package::evidence_folder;

#[test]
fn the_upload_kit_has_a_folder_per_year_and_the_checklist() {
    let dir = tempfile::tempdir().expect("temp");
    let evidence = evidence_folder(dir.path());
    let out = dir.path().join("上传材料");
    let ledger = demo_ledger();
    let (ledger, folder, kit) =
        (ledger.to_str().expect("path"), evidence.to_str().expect("path"), out.to_str().expect("path"));
    let base =
        ["export", "--ledger", ledger, "--evidence-dir", folder, "--apply-year", "2026", "--level", "associate_senior"];
    let made =
        xueshi(&dir.path().join("data"), &[&base[..], &["--upload-kit", kit, "--upload-limit-mb", "3"]].concat());
    assert!(made.status.success(), "{}", text(&made));
    let said = text(&made);
    assert!(said.contains("已生成分年度上传材料") && said.contains("每个文件不超过 3 MB"), "{said}");
    assert!(out.join("上传清单.pdf").is_file(), "{said}");
    let years: Vec<String> = std::fs::read_dir(&out)
        .expect("kit")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!years.is_empty(), "{said}");
    for y in &years {
        let year = y.strip_suffix('年').expect("named 2023年");
        let file = out.join(y).join(format!("{year}年_继续教育佐证材料.pdf"));
        assert!(file.is_file(), "{}", file.display());
        assert!(std::fs::metadata(&file).expect("size").len() <= 3 * 1024 * 1024);
        assert!(said.contains(&format!("{year} 年")), "{said}");
    }
}

#[test]
fn a_folder_holding_files_and_a_limit_out_of_range_are_refused() {
    let dir = tempfile::tempdir().expect("temp");
    let evidence = evidence_folder(dir.path());
    let ledger = demo_ledger();
    let (ledger, folder) = (ledger.to_str().expect("path"), evidence.to_str().expect("path"));
    let base =
        ["export", "--ledger", ledger, "--evidence-dir", folder, "--apply-year", "2026", "--level", "associate_senior"];
    let full = dir.path().join("满的");
    std::fs::create_dir(&full).expect("mkdir");
    std::fs::write(full.join("笔记.txt"), "mine").expect("write");
    let refused =
        xueshi(&dir.path().join("data"), &[&base[..], &["--upload-kit", full.to_str().expect("path")]].concat());
    assert!(!refused.status.success());
    assert!(text(&refused).contains("请选择一个空文件夹"), "{}", text(&refused));
    assert_eq!(std::fs::read_dir(&full).expect("dir").count(), 1);
    let new = dir.path().join("新的");
    let args = [&base[..], &["--upload-kit", new.to_str().expect("path"), "--upload-limit-mb", "0"]].concat();
    let refused = xueshi(&dir.path().join("data"), &args);
    assert!(!refused.status.success());
    assert!(text(&refused).contains("上传文件大小限制应在 1 到 100 MB 之间"), "{}", text(&refused));
    assert!(!new.exists());
}

#[test]
fn a_package_the_summary_and_the_upload_kit_asked_together_are_all_made() {
    let dir = tempfile::tempdir().expect("temp");
    let evidence = evidence_folder(dir.path());
    let (out, zip, pdf) = (dir.path().join("上传材料"), dir.path().join("材料包.zip"), dir.path().join("汇总表.pdf"));
    let ledger = demo_ledger();
    let path = |p: &std::path::Path| p.to_str().expect("path").to_owned();
    let args = [
        "export",
        "--ledger",
        &path(&ledger),
        "--evidence-dir",
        &path(&evidence),
        "--apply-year",
        "2026",
        "--level",
        "associate_senior",
        "--out",
        &path(&zip),
        "--summary",
        &path(&pdf),
        "--upload-kit",
        &path(&out),
    ]
    .map(str::to_owned);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let made = xueshi(&dir.path().join("data"), &args);
    assert!(made.status.success(), "{}", text(&made));
    let said = text(&made);
    assert!(said.contains("已生成申报材料包") && said.contains("已生成学时汇总表"), "{said}");
    assert!(said.contains("已生成分年度上传材料"), "{said}");
    assert!(zip.is_file() && pdf.is_file() && out.join("上传清单.pdf").is_file(), "{said}");
}
