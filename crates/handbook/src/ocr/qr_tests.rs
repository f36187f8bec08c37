//! The QR codes of a photo read by a stand-in helper: a link's host checked against the national
//! bases' platforms of the rule set in force (or, when it lists none, the latest built-in list),
//! and the form saying what each link is — neutrally when it is another site — while text that is
//! no link is only shown.

use std::path::Path;

use xueshi_core::Application;
use xueshi_core::kinds::{ApplicationPath, Level};
use xueshi_store::PlannedApplication;

use super::tests::{CERTIFICATE_PAGE, handbook, photo, printing, stand_in};
use crate::Handbook;

/// The certificate page with these QR codes' texts (JSON strings) in place of its own.
fn page_with_qr(texts: &[&str]) -> String {
    let qr: Vec<String> = texts.iter().map(|t| format!(r#"{{"text":{t},"bbox":[0.8,0.8,0.95,0.95]}}"#)).collect();
    let start = CERTIFICATE_PAGE.find(r#""qr":["#).expect("the page's QR codes");
    format!(r#"{}"qr":[{}]}}],"page_count":1}}"#, &CERTIFICATE_PAGE[..start], qr.join(","))
}

fn scanning(dir: &Path, texts: &[&str]) -> Handbook {
    handbook(dir, Some(stand_in(dir, &printing(&page_with_qr(texts)))))
}

fn plan(handbook: &mut Handbook, year: i32, rules: Option<&str>) {
    let application = Application::new(year, Level::Senior, ApplicationPath::Standard);
    handbook.add_plan(&PlannedApplication::new(application, rules.map(str::to_owned))).expect("planned");
}

const NOTICE_2026: &str = "《关于做好2026年专业技术人员继续教育有关工作的通知》";

#[test]
fn a_link_to_a_listed_platform_names_its_base_and_the_notice_and_the_form_says_so() {
    let dir = tempfile::tempdir().expect("temp");
    let handbook = handbook(dir.path(), Some(stand_in(dir.path(), &printing(CERTIFICATE_PAGE))));
    let scan = handbook.scan_certificate(&photo(dir.path())).expect("scanned");
    let link = scan.qr[0].link.as_ref().expect("a link");
    let platform = link.platform.as_ref().expect("a listed platform");
    assert_eq!((link.host.as_str(), platform.base.as_str()), ("sypx.csu.edu.cn", "中南大学"));
    assert_eq!((platform.set.as_str(), platform.notice.as_str()), ("hunan-2026", NOTICE_2026));
    let form = handbook.scan_form(&photo(dir.path())).expect("the form");
    assert_eq!(form.qr[0].text, "https://sypx.csu.edu.cn/verify?no=HN-2024-0001");
    assert_eq!(
        form.qr[0].note.as_deref(),
        Some(
            "证书上的二维码指向 sypx.csu.edu.cn，是中南大学的网络平台（《关于做好2026年专业技术人员继续教育有关工作的通知》所列国家级专业技术人员继续教育基地）"
        )
    );
    assert!(!form.notes.iter().any(|n| n.contains("二维码")), "said once, beside the QR code");
}

#[test]
fn a_link_elsewhere_is_said_neutrally_and_text_that_is_no_link_is_only_shown() {
    let dir = tempfile::tempdir().expect("temp");
    let handbook = scanning(dir.path(), &[r#""HTTP://Cert.Example.org:8443/v?id=1""#, r#""证书编号：HN-2024-0001""#]);
    let form = handbook.scan_form(&photo(dir.path())).expect("the form");
    assert_eq!(form.qr.len(), 2);
    let link = form.qr[0].link.as_ref().expect("a link");
    assert_eq!((link.host.as_str(), link.platform.as_ref()), ("cert.example.org", None));
    let said = form.qr[0].note.as_deref().expect("a note");
    assert!(said.starts_with("证书上的二维码指向 cert.example.org，不在《关于做好2026年"), "{said}");
    assert!(said.ends_with("其他单位颁发的证书带有各自的网址，这很常见"), "{said}");
    assert_eq!(
        (form.qr[1].text.as_str(), &form.qr[1].link, &form.qr[1].note),
        ("证书编号：HN-2024-0001", &None, &None)
    );
}

#[test]
fn under_a_set_that_lists_no_platforms_the_latest_built_in_list_is_used() {
    let dir = tempfile::tempdir().expect("temp");
    let mut handbook = scanning(dir.path(), &[r#""https://www.jxjy.csust.edu.cn/cx""#]);
    plan(&mut handbook, 2024, None);
    let in_force = handbook.current_rules().expect("rules").map(|(set, _)| set.id.clone());
    assert_eq!(in_force.as_deref(), Some("hunan-2024"));
    let scan = handbook.scan_certificate(&photo(dir.path())).expect("scanned");
    let platform = scan.qr[0].link.as_ref().and_then(|l| l.platform.as_ref()).expect("listed in 2026");
    assert_eq!((platform.base.as_str(), platform.set.as_str()), ("长沙理工大学", "hunan-2026"));
}

const MY_RULES: &str = r#"
id = "mine-2027"
name = "某市2027年继续教育通知"
issuer = "某市人社局"
governs = [2027]
extends = "hunan-2026"
source = "mine.txt"

[[platform]]
base = "某大学"
host = "px.example.edu.cn"
quote = "某大学 px.example.edu.cn"
"#;

#[test]
fn a_set_in_force_with_its_own_list_is_the_list_checked() {
    let dir = tempfile::tempdir().expect("temp");
    let rules = dir.path().join("数据").join("rules");
    std::fs::create_dir_all(&rules).expect("rules folder");
    std::fs::write(rules.join("mine.toml"), MY_RULES).expect("rule file");
    let mut handbook =
        scanning(dir.path(), &[r#""https://px.example.edu.cn/c/9""#, r#""https://sypx.csu.edu.cn/verify""#]);
    plan(&mut handbook, 2027, Some("mine-2027"));
    let scan = handbook.scan_certificate(&photo(dir.path())).expect("scanned");
    let platform = scan.qr[0].link.as_ref().and_then(|l| l.platform.as_ref()).expect("listed by mine-2027");
    assert_eq!((platform.base.as_str(), platform.notice.as_str()), ("某大学", "《某市2027年继续教育通知》"));
    let other = scan.qr[1].link.as_ref().expect("a link");
    assert_eq!(other.platform, None, "the 2026 list is not the one in force");
    assert_eq!(other.list.as_deref(), Some("《某市2027年继续教育通知》"));
}
