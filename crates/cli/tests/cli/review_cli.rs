//! `xueshi review`, 预审: the findings on the stored records or a ledger file, as a Chinese list or
//! JSON, with exit 0 whatever it finds.

use serde_json::Value;

use crate::common::{add_training, data_folder, ok, refused};

#[test]
fn two_trainings_on_the_same_day_are_listed_with_what_to_do_and_the_exit_is_zero() {
    let (_tmp, data) = data_folder();
    for title in ["数字化研修班", "安全生产研修班"] {
        assert_eq!(add_training(&data, title, "1").status.code(), Some(0));
    }
    let out = ok(&data, &["review", "--apply-year", "2025", "--level", "senior"]);
    assert!(out.starts_with("预审：2025 年申报"), "{out}");
    assert!(
        out.contains(
            "【培训日期重叠】2024年6月1日《数字化研修班》 与 2024年6月1日《安全生产研修班》的日期在 2024年6月1日 重叠"
        ),
        "{out}"
    );
    assert!(out.contains("【有学时无证明材料】2024 年有 2 条记录"), "{out}");
    assert_eq!(out.matches("怎么办：").count(), 2, "{out}");
}

#[test]
fn a_data_folder_without_anything_to_question_says_so() {
    let (_tmp, data) = data_folder();
    let out = ok(&data, &["review", "--apply-year", "2026", "--level", "intermediate"]);
    assert!(out.contains("没有发现审核时可能被质疑的问题"), "{out}");
}

#[test]
fn a_ledger_file_is_reviewed_as_json_naming_the_kind_records_and_year() {
    let (tmp, data) = data_folder();
    let ledger = tmp.path().join("记录.json");
    let text = r#"{"format":"xueshi-ledger","version":1,"activities":[
        {"id":"old","kind":"online_course","title":"网络课程","date":"2015-03-01","category":"public","hours":20}]}"#;
    std::fs::write(&ledger, text).expect("ledger file");
    let path = ledger.to_string_lossy().into_owned();
    let out = ok(&data, &["review", "--ledger", &path, "--apply-year", "2024", "--level", "senior", "--json"]);
    let findings: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(findings[0]["kind"], "outside_window", "{out}");
    assert_eq!(findings[0]["records"], serde_json::json!(["old"]));
    assert_eq!(findings[0]["year"], 2015);
    assert!(findings[0]["action"].as_str().is_some_and(|a| a.contains("不必")), "{out}");
}

#[test]
fn a_certificate_that_names_someone_else_is_listed_with_its_file_and_the_masked_number() {
    let (tmp, data) = data_folder();
    assert_eq!(add_training(&data, "数字化研修班", "2").status.code(), Some(0));
    ok(&data, &["profile", "--name", "李四", "--id-number", "430103199001011234"]);
    let certificate = tmp.path().join("结业证书.pdf");
    std::fs::write(&certificate, include_bytes!("../../../../tests/fixtures/certificate-stsong.pdf")).expect("file");
    ok(&data, &["attach", "2024-001", &certificate.display().to_string(), "--material", "结业证书"]);
    let out = ok(&data, &["review", "--apply-year", "2025", "--level", "senior"]);
    assert!(
        out.contains("【证明材料上的姓名与本人不符】2024年6月1日《数字化研修班》的“结业证书.pdf”上写的姓名是“王晓梅”，个人信息中是“李四”"),
        "{out}"
    );
    assert!(
        out.contains("【证明材料上的身份证号与本人不符】2024年6月1日《数字化研修班》的“结业证书.pdf”上的身份证号是 430102********1237"),
        "{out}"
    );
    assert!(!out.contains("430102198805161237") && !out.contains("430103199001011234"), "{out}");
}

#[test]
fn a_finding_kept_by_its_number_is_explained_in_the_summarys_appendix_and_a_wrong_number_is_refused() {
    let (tmp, data) = data_folder();
    for title in ["数字化研修班", "安全生产研修班"] {
        assert_eq!(add_training(&data, title, "1").status.code(), Some(0));
    }
    let pdf = tmp.path().join("学时汇总表.pdf");
    let pdf = pdf.to_str().expect("path");
    // (`xueshi` adds the bundled fonts to an export where the system has no Chinese font.)
    let args = ["export", "--apply-year", "2025", "--level", "senior", "--summary", pdf];
    let wrong = [args.as_slice(), &["--keep-finding", "3"]].concat();
    let message = refused(&data, &wrong);
    assert!(message.contains("预审只发现 2 个问题，编号从 1 到 2"), "{message}");
    assert!(!std::path::Path::new(pdf).exists(), "nothing written");

    let kept = [args.as_slice(), &["--keep-finding", "1:两个研修班分别在上午和下午"]].concat();
    ok(&data, &kept);
    let out = std::process::Command::new("pdftotext").args(["-enc", "UTF-8", pdf, "-"]).output();
    let Ok(out) = out else { return eprintln!("pdftotext (poppler-utils) is not installed: text not checked") };
    let text: String = String::from_utf8_lossy(&out.stdout).split_whitespace().collect();
    assert!(text.contains("附：预审提示及申请人说明"), "{text}");
    assert!(text.contains("培训日期重叠") && text.contains("两个研修班分别在上午和下午"), "{text}");
    assert!(!text.contains("有学时无证明材料"), "only the finding kept: {text}");
}
