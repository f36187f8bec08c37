//! 读取证书 through the IPC: a dropped certificate read for the form and its record saved with the
//! file attached; 从文件夹读取证书, the folder read for the review table (names, suggestions and
//! duplicates, never a path), and a suggestion saved with its certificate attached, once.

use std::sync::{Arc, Mutex};

use serde_json::{Value, json};
use tauri::{Listener, Manager};

use super::TestApp;

const CERTIFICATE: &[u8] = include_bytes!("../../../tests/fixtures/certificate-stsong.pdf");

#[test]
fn a_folder_is_read_for_review_and_an_accepted_suggestion_is_saved_with_its_certificate() {
    let app = TestApp::new("folder-review");
    app.set_up();
    let tmp = tempfile::tempdir().expect("tmp");
    let folder = tmp.path().join("证书");
    std::fs::create_dir_all(folder.join("2024")).expect("folder");
    std::fs::write(folder.join("结业证书.pdf"), CERTIFICATE).expect("file");
    std::fs::write(folder.join("2024/副本.pdf"), CERTIFICATE).expect("file");
    std::fs::write(folder.join("证书照片.jpg"), b"\xFF\xD8\xFF\xE0\0\x10JFIF\0").expect("file");
    app._app.state::<crate::AppState>().read_certificates_in(folder.clone());
    let progress = Arc::new(Mutex::new(Vec::new()));
    let heard = Arc::clone(&progress);
    app._app.listen_any(crate::commands::FOLDER_PROGRESS, move |e| {
        let payload: Value = serde_json::from_str(e.payload()).expect("a progress payload");
        heard.lock().expect("progress").push(payload);
    });

    let review = app.ok("scan_folder", json!({}));
    let told = progress.lock().expect("progress").clone();
    assert_eq!(
        told,
        [
            json!({"done": 0, "total": 3, "name": "2024/副本.pdf"}),
            json!({"done": 1, "total": 3, "name": "结业证书.pdf"}),
            json!({"done": 2, "total": 3, "name": "证书照片.jpg"}),
            json!({"done": 3, "total": 3, "name": ""}),
        ],
        "before each file, and once all are read"
    );
    assert!(!review.to_string().contains(&tmp.path().display().to_string()), "no path goes to the web view: {review}");
    assert_eq!(review["folder"], "证书");
    let names: Vec<&str> =
        review["files"].as_array().expect("files").iter().filter_map(|f| f["name"].as_str()).collect();
    assert_eq!(names, ["2024/副本.pdf", "结业证书.pdf", "证书照片.jpg"]);
    assert_eq!(review["files"][0]["duplicates"][0]["message"], "与文件夹中的“结业证书.pdf”相同");
    assert!(review["files"][2]["reason"].as_str().is_some_and(|r| r.contains("手动填写")), "{review}");

    let mut fields = review["files"][1]["form"]["fields"].clone();
    fields["category"] = json!("professional");
    let token = review["token"].clone();
    let saved = app.ok("accept_scanned", json!({"token": token, "index": 1, "fields": fields}));
    let id = saved["id"].as_str().expect("id");
    let record = saved["snapshot"]["activities"]
        .as_array()
        .and_then(|a| a.iter().find(|r| r["fields"]["id"] == id))
        .expect("the record saved");
    assert_eq!(record["fields"]["title"], "数字化教学能力提升研修班");
    assert_eq!(record["evidence"].as_array().map(Vec::len), Some(1), "{record}");

    let again = app.invoke("accept_scanned", json!({"token": token, "index": 1, "fields": fields})).expect_err("once");
    assert!(again.to_string().contains("已经保存为记录"), "{again}");
    let stale = app.invoke("accept_scanned", json!({"token": 999, "index": 0, "fields": fields})).expect_err("stale");
    assert!(stale.to_string().contains("请重新从文件夹读取证书"), "{stale}");
    let reread = app.ok("scan_folder", json!({}));
    assert_eq!(reread["files"][1]["duplicates"][0]["message"], "已有记录“数字化教学能力提升研修班”附有同一文件");
}

#[test]
fn a_dropped_certificates_record_is_saved_with_the_certificate_attached_and_the_drop_is_used_up() {
    let app = TestApp::new("drop-certificate");
    app.set_up();
    let tmp = tempfile::tempdir().expect("tmp");
    let file = tmp.path().join("结业证书.pdf");
    std::fs::write(&file, CERTIFICATE).expect("file");
    let token = app._app.state::<crate::AppState>().drop_files(vec![file]);

    let form = app.ok("scan_dropped", json!({"token": token}));
    assert_eq!(form["fields"]["days"], 2.0, "{form}");
    let mut fields = form["fields"].clone();
    fields["category"] = json!("professional");
    let saved = app.ok("accept_dropped", json!({"token": token, "fields": fields}));
    let id = saved["id"].as_str().expect("id");
    let record = saved["snapshot"]["activities"]
        .as_array()
        .and_then(|a| a.iter().find(|r| r["fields"]["id"] == id))
        .expect("the record saved");
    assert_eq!(record["evidence"][0]["file_name"], "结业证书.pdf", "{record}");
    let again = app.invoke("accept_dropped", json!({"token": token, "fields": fields})).expect_err("used up");
    assert!(again.to_string().contains("请重新拖入"), "{again}");
}

#[test]
fn a_pasted_certificate_is_kept_and_read_like_a_dropped_one_under_its_own_name() {
    let app = TestApp::new("paste-certificate");
    app.set_up();
    let name = "2024 研修班证书.pdf";
    let encoded = percent_encoding::utf8_percent_encode(name, percent_encoding::NON_ALPHANUMERIC).to_string();
    let pasted = app.invoke_raw("paste_file", CERTIFICATE.to_vec(), &[(crate::commands::PASTED_NAME_HEADER, &encoded)]);
    assert_eq!(pasted, Ok(serde_json::Value::Null));
    // The paste was announced as the window's first drop.
    let form = app.ok("scan_dropped", json!({"token": 1}));
    assert_eq!(form["fields"]["title"], "数字化教学能力提升研修班", "{form}");
    let mut fields = form["fields"].clone();
    fields["category"] = json!("professional");
    let saved = app.ok("accept_dropped", json!({"token": 1, "fields": fields}));
    let record = &saved["snapshot"]["activities"][0];
    assert_eq!(record["evidence"][0]["file_name"], name, "{record}");

    let empty = app.invoke_raw("paste_file", Vec::new(), &[]).expect_err("nothing pasted");
    assert!(empty.to_string().contains("剪贴板中没有文件或图片"), "{empty}");
}
