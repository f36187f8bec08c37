//! `xueshi scan` of a photo read by a stand-in OCR helper (a shell script installed beside a link
//! to the real `xueshi`): each QR code shown with what its link is — the listed national base's
//! platform, another site said neutrally, or text that is no link — and `--json` giving each as
//! `{"text", "host", "platform"}`. Unix only: the stand-in is a shell script.
#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};

use crate::common::{data_folder, run};

const PAGE: &str = r#"{"pages":[{"width":1000,"height":700,"lines":[
{"text":"结业证书","bbox":[0.4,0.1,0.6,0.15],"confidence":0.99},
{"text":"证书编号：HN-2024-0001","bbox":[0.1,0.8,0.5,0.85],"confidence":0.98}],
"qr":[{"text":"https://sypx.csu.edu.cn/verify?no=HN-2024-0001","bbox":[0.8,0.8,0.95,0.95]},
{"text":"https://Cert.Example.org:8443/v/1","bbox":[0.1,0.8,0.2,0.95]},
{"text":"HN-2024-0001","bbox":[0.3,0.8,0.4,0.95]}]}],"page_count":1}"#;

/// `xueshi` linked into a folder of the target directory, with a stand-in helper beside it.
fn xueshi_with_stand_in(dir: &Path) -> PathBuf {
    let program = dir.join("xueshi");
    if std::fs::hard_link(env!("CARGO_BIN_EXE_xueshi"), &program).is_err() {
        std::fs::copy(env!("CARGO_BIN_EXE_xueshi"), &program).expect("xueshi copied");
    }
    let helper = dir.join("xueshi-ocr");
    std::fs::write(&helper, format!("#!/bin/sh\ncat <<'JSON'\n{PAGE}\nJSON\n")).expect("stand-in written");
    std::fs::set_permissions(&helper, std::fs::Permissions::from_mode(0o755)).expect("made runnable");
    program
}

fn scan(program: &Path, data: &Path, photo: &Path, json: bool) -> String {
    let mut command = Command::new(program);
    command.env_remove("XUESHI_DATA_DIR").arg("--data-dir").arg(data).arg("scan").arg(photo);
    if json {
        command.arg("--json");
    }
    let out = run(&mut command);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_photos_qr_codes_are_shown_with_the_platform_check_and_given_as_objects_in_json() {
    let (_tmp, data) = data_folder();
    let bin = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("a folder beside the build");
    let program = xueshi_with_stand_in(bin.path());
    let photo = bin.path().join("证书照片.jpg");
    std::fs::write(&photo, b"\xff\xd8\xff\xe0\0\x10JFIF\0").expect("photo written");

    let shown = scan(&program, &data, &photo, false);
    assert!(shown.contains("  二维码：https://sypx.csu.edu.cn/verify?no=HN-2024-0001\n    证书上的二维码指向 sypx.csu.edu.cn，是中南大学的网络平台（《关于做好2026年专业技术人员继续教育有关工作的通知》所列国家级专业技术人员继续教育基地）\n"), "{shown}");
    assert!(
        shown.contains("  二维码：https://Cert.Example.org:8443/v/1\n    证书上的二维码指向 cert.example.org，不在"),
        "{shown}"
    );
    assert!(shown.ends_with("  二维码：HN-2024-0001\n"), "text that is no link is only shown: {shown}");

    let scan: Value = serde_json::from_str(&scan(&program, &data, &photo, true)).expect("json");
    assert_eq!(
        scan["qr"],
        json!([
            {"text": "https://sypx.csu.edu.cn/verify?no=HN-2024-0001", "host": "sypx.csu.edu.cn", "platform": {
                "base": "中南大学", "host": "sypx.csu.edu.cn", "set": "hunan-2026",
                "notice": "《关于做好2026年专业技术人员继续教育有关工作的通知》"}},
            {"text": "https://Cert.Example.org:8443/v/1", "host": "cert.example.org", "platform": null},
            {"text": "HN-2024-0001", "host": null, "platform": null},
        ])
    );
    assert_eq!(scan["fields"]["certificate_number"], "HN-2024-0001");
}
