//! The helper as the app and the CLI call it: one JSON object on stdout, or exit code 2 and one
//! line of Chinese on stderr.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

use crate::qr_art::draw_qr;
use crate::synth::certificate;
use crate::{models_dir, variants};

fn helper(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xueshi-ocr"))
        .args(args)
        .env_remove("XUESHI_OCR_MODELS")
        .output()
        .expect("the helper runs")
}

/// Runs the helper and returns its one-line message, checking exit code 2 and an empty stdout.
fn refusal(args: &[&std::ffi::OsStr]) -> String {
    let output = helper(args);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(output.stdout.is_empty());
    let message = String::from_utf8(output.stderr).expect("UTF-8");
    assert_eq!(message.trim_end().lines().count(), 1, "one line: {message}");
    message.trim_end().to_string()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("writing a test file");
    path
}

#[test]
fn a_wrong_call_or_an_unreadable_file_exits_with_code_two_and_says_why() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    assert!(refusal(&[]).starts_with("用法：xueshi-ocr 文件"));
    assert!(refusal(&["a.png".as_ref(), "--page".as_ref(), "0".as_ref()]).contains("页码应为从 1 开始的整数"));
    let missing = dir.path().join("不存在.jpg");
    assert!(refusal(&[missing.as_os_str()]).starts_with("文件无法读取"));
    assert!(refusal(&[dir.path().as_os_str()]).starts_with("文件无法读取"));
    let text = write(dir.path(), "说明.txt", "这不是图片".as_bytes());
    assert!(refusal(&[text.as_os_str()]).starts_with("不支持的文件格式"));
    let heic = write(dir.path(), "IMG_0001.HEIC", b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic");
    assert!(refusal(&[heic.as_os_str()]).starts_with("暂不支持 HEIC/HEIF 照片"));
}

#[test]
fn missing_models_are_named_and_the_environment_variable_points_to_them() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let png = write(dir.path(), "证书.png", &variants::png(&certificate(300, 212)));
    let empty = dir.path().join("models");
    std::fs::create_dir(&empty).expect("an empty models folder");
    let message = refusal(&[png.as_os_str(), "--models".as_ref(), empty.as_os_str()]);
    assert!(
        message.starts_with("文字识别模型文件缺失：找不到") && message.contains("PP-OCRv6_det_small.onnx"),
        "{message}"
    );
    let output = Command::new(env!("CARGO_BIN_EXE_xueshi-ocr")).arg(&png).env("XUESHI_OCR_MODELS", &empty).output();
    let output = output.expect("the helper runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("文字识别模型文件缺失"));
}

#[test]
fn a_certificate_gives_one_json_object_with_its_lines_and_qr_code() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut page = certificate(1754, 1240);
    draw_qr(&mut page, b"https://zs.example.cn/verify?no=HN-2024-0001", 120, 900, 5);
    let jpeg = write(dir.path(), "结业证书.jpg", &variants::jpeg(&page, 85));
    let output = helper(&[jpeg.as_os_str(), "--models".as_ref(), models_dir().as_os_str()]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    assert_eq!(stdout.trim_end().lines().count(), 1, "one JSON object on one line");
    let json: Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(json["page_count"], 1);
    let page = &json["pages"][0];
    assert_eq!((page["width"].as_u64(), page["height"].as_u64()), (Some(1754), Some(1240)));
    let first = &page["lines"][0];
    assert_eq!(first["text"], "结业证书");
    assert_eq!(first["bbox"].as_array().map(Vec::len), Some(4));
    assert!(first["confidence"].as_f64().is_some_and(|c| c > 0.9 && c <= 1.0));
    let texts: Vec<&str> = page["lines"].as_array().into_iter().flatten().filter_map(|l| l["text"].as_str()).collect();
    assert!(texts.iter().any(|t| t.contains("HN-2024-0001")), "{texts:?}");
    assert_eq!(page["qr"][0]["text"], "https://zs.example.cn/verify?no=HN-2024-0001");
    let qr_box: Vec<f64> = page["qr"][0]["bbox"].as_array().into_iter().flatten().filter_map(Value::as_f64).collect();
    assert!(qr_box.len() == 4 && qr_box[0] < 0.2 && qr_box[1] > 0.7, "bottom left: {qr_box:?}");
}
