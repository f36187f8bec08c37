//! `xueshi scan`: a platform's certificate (a PDF in a non-embedded 宋体) suggests a record, with
//! plain values in `--json`; the 身份证号 only when it is the profile's; a photo is refused in Chinese.

use serde_json::Value;

use crate::common::{data_folder, ok, refused};

const CERTIFICATE: &[u8] = include_bytes!("../../../../tests/fixtures/certificate-stsong.pdf");

fn certificate(dir: &std::path::Path) -> String {
    let file = dir.join("结业证书.pdf");
    std::fs::write(&file, CERTIFICATE).expect("file");
    file.display().to_string()
}

#[test]
fn a_certificate_pdf_suggests_the_record_with_plain_values_in_json() {
    let (tmp, data) = data_folder();
    ok(&data, &["profile", "--name", "王晓梅", "--id-number", "430102198805161237"]);
    let out = ok(&data, &["scan", &certificate(tmp.path()), "--json"]);
    let scan: Value = serde_json::from_str(&out).expect("json");
    let fields = &scan["fields"];
    assert_eq!(fields["kind"], "training", "{out}");
    assert_eq!(fields["title"], "数字化教学能力提升研修班", "{out}");
    assert_eq!(fields["date"], "2024-05-12", "{out}");
    assert_eq!(fields["end_date"], "2024-05-13", "{out}");
    assert_eq!(fields["hours"], 16.0, "{out}");
    assert_eq!(fields["certificate_number"], "HN-2024-0001", "{out}");
    assert_eq!(fields["name"], "王晓梅", "{out}");
    assert_eq!(fields["id_number"], "430102198805161237", "{out}");
    assert_eq!(fields["provider"], "湖南省专业技术人员继续教育平台", "{out}");
    assert_eq!(scan["lines"]["certificate_number"], 5, "{out}");
    assert!(scan["sure"]["hours"].as_f64().is_some_and(|s| s > 0.5), "{out}");
    assert!(scan["text"].as_str().is_some_and(|t| t.starts_with("结业证书\n学员姓名：王晓梅")), "{out}");
    assert_eq!(scan["qr"], Value::Array(Vec::new()));
}

#[test]
fn a_number_that_is_not_the_profiles_is_not_suggested_and_the_name_says_it_differs() {
    let (tmp, data) = data_folder();
    ok(&data, &["profile", "--name", "李四", "--id-number", "430103199001011234"]);
    let out = ok(&data, &["scan", &certificate(tmp.path()), "--json"]);
    let scan: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(scan["fields"].get("id_number"), None, "{out}");
    let shown = ok(&data, &["scan", &certificate(tmp.path())]);
    assert!(shown.contains("  姓名：王晓梅（与个人信息不一致）"), "{shown}");
    assert!(shown.contains("  证书编号：HN-2024-0001（把握"), "{shown}");
    assert!(shown.contains("  类别：培训班/研修班/进修班"), "{shown}");
    assert!(shown.contains("  学时：16（把握"), "hours as the user writes them: {shown}");
    assert!(!shown.contains("430102"), "{shown}");
}

#[test]
fn a_photo_is_refused_with_a_message_saying_to_fill_in_the_form() {
    let (tmp, data) = data_folder();
    let photo = tmp.path().join("证书照片.png");
    std::fs::write(&photo, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0").expect("file");
    let err = refused(&data, &["scan", &photo.display().to_string()]);
    assert!(err.contains("“证书照片.png”是照片或扫描件"), "{err}");
    assert!(err.contains("手动填写"), "{err}");
}

/// A folder of certificates: the certificate twice, a photo, a text file that is not one.
fn certificate_folder(dir: &std::path::Path) -> String {
    let folder = dir.join("证书");
    std::fs::create_dir_all(folder.join("2024")).expect("folder");
    std::fs::write(folder.join("结业证书.pdf"), CERTIFICATE).expect("file");
    std::fs::write(folder.join("2024/副本.pdf"), CERTIFICATE).expect("file");
    std::fs::write(folder.join("证书照片.png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0")
        .expect("file");
    std::fs::write(folder.join("说明.txt"), "不是证书").expect("file");
    folder.display().to_string()
}

#[test]
fn a_folder_lists_each_certificates_suggestion_or_why_not_and_its_duplicates() {
    let (tmp, data) = data_folder();
    ok(&data, &["profile", "--name", "王晓梅"]);
    let folder = certificate_folder(tmp.path());
    ok(
        &data,
        &[
            "add",
            "--kind",
            "training",
            "--title",
            "旧研修班",
            "--date",
            "2024-05-12",
            "--days",
            "2",
            "--category",
            "professional",
            "--note",
            "证书编号：HN-2024-0001",
        ],
    );
    let shown = ok(&data, &["scan", &folder]);
    assert!(shown.starts_with("文件夹“证书”中有 3 份证书文件。"), "{shown}");
    assert!(shown.contains("\n1. 2024/副本.pdf\n   建议：培训班/研修班/进修班《数字化教学能力提升研修班》，2024-05-12 至 2024-05-13，16 学时"), "{shown}");
    assert!(shown.contains("   可能重复：与记录“旧研修班”证书编号相同（记录 2024-001）\n"), "{shown}");
    assert!(shown.contains("   可能重复：与文件夹中的“结业证书.pdf”相同\n"), "{shown}");
    assert!(shown.contains("\n3. 证书照片.png\n   需手动填写：“证书照片.png”是照片或扫描件"), "{shown}");
    assert!(!shown.contains("说明.txt") && !shown.contains(&folder), "{shown}");

    let out = ok(&data, &["scan", &folder, "--json"]);
    let files: Value = serde_json::from_str(&out).expect("json");
    let files = files.as_array().expect("an array");
    let names: Vec<&str> = files.iter().filter_map(|f| f["name"].as_str()).collect();
    assert_eq!(names, ["2024/副本.pdf", "结业证书.pdf", "证书照片.png"]);
    assert_eq!(files[1]["fields"]["title"], "数字化教学能力提升研修班", "{out}");
    assert_eq!(files[1]["fields"]["note"], "证书编号：HN-2024-0001", "{out}");
    assert_eq!(files[1]["reason"], Value::Null, "{out}");
    let kinds: Vec<&str> =
        files[1]["duplicates"].as_array().expect("duplicates").iter().filter_map(|d| d["kind"].as_str()).collect();
    assert_eq!(kinds, ["record_has_number", "folder_has_file"], "{out}");
    assert!(files[2]["reason"].as_str().is_some_and(|r| r.contains("手动填写")), "{out}");
    assert_eq!(files[2]["fields"], Value::Null, "{out}");
}
