//! A QR code's text read as the user needs it: an http or https link's host found however the link
//! is written, checked against the 2026 notice's list, and any other text left as text.

use xueshi_core::RuleBook;

use super::*;

fn listed() -> Vec<BasePlatform> {
    let book = RuleBook::builtin().expect("built-in rules");
    book.get("hunan-2026").expect("hunan-2026").platforms.clone()
}

const NOTICE: &str = "《关于做好2026年专业技术人员继续教育有关工作的通知》";

#[test]
fn a_links_host_is_found_lowercase_without_its_port_user_part_or_final_dot() {
    let host = |text: &str| link_host(text);
    assert_eq!(host("https://sypx.csu.edu.cn/verify?no=HN-2024-0001").as_deref(), Some("sypx.csu.edu.cn"));
    assert_eq!(host("HTTPS://SYPX.CSU.EDU.CN/VERIFY").as_deref(), Some("sypx.csu.edu.cn"));
    assert_eq!(host("  http://jxjy.csust.edu.cn:8080  ").as_deref(), Some("jxjy.csust.edu.cn"));
    assert_eq!(host("http://sydw.hnit.edu.cn.?a=1").as_deref(), Some("sydw.hnit.edu.cn"));
    assert_eq!(host("https://sypx.csu.edu.cn@example.com/x").as_deref(), Some("example.com"), "the user part");
    assert_eq!(host("https://example.com\\@sypx.csu.edu.cn").as_deref(), Some("example.com"), "a backslash");
    assert_eq!(host("https://example.com#sypx.csu.edu.cn").as_deref(), Some("example.com"));
    assert_eq!(host("http://[2001:DB8::1]:80/").as_deref(), Some("[2001:db8::1]"));
}

#[test]
fn text_that_is_not_an_http_or_https_link_has_no_host() {
    for text in [
        "HN-2024-0001",
        "证书编号：HN-2024-0001",
        "sypx.csu.edu.cn/verify",
        "ftp://sypx.csu.edu.cn",
        "https://",
        "https:///path",
        "https://a..cn",
        "https://exa mple.com",
        "https://%65xample.com",
        "http",
        "",
    ] {
        assert_eq!(link_host(text), None, "{text}");
    }
}

#[test]
fn a_link_to_a_listed_platform_names_its_base_and_the_notice_listing_it() {
    let link = link_of("https://jxjyjd.hnu.edu.cn/cert?id=7", &listed()).expect("a link");
    let platform = link.platform.as_ref().expect("listed");
    assert_eq!((platform.base.as_str(), platform.host.as_str()), ("湖南大学", "jxjyjd.hnu.edu.cn"));
    assert_eq!((platform.set.as_str(), platform.notice.as_str()), ("hunan-2026", NOTICE));
    assert_eq!(
        note(&link),
        format!(
            "证书上的二维码指向 jxjyjd.hnu.edu.cn，是湖南大学的网络平台（{NOTICE}所列国家级专业技术人员继续教育基地）"
        )
    );
}

#[test]
fn a_name_under_a_listed_platform_is_that_platform_and_the_note_names_both() {
    let link = link_of("https://www.sypx.csu.edu.cn/", &listed()).expect("a link");
    assert_eq!(link.platform.as_ref().map(|p| p.base.as_str()), Some("中南大学"));
    assert!(
        note(&link).starts_with("证书上的二维码指向 www.sypx.csu.edu.cn，属于中南大学的网络平台 sypx.csu.edu.cn（")
    );
}

#[test]
fn a_link_elsewhere_is_said_neutrally_with_the_list_it_was_checked_against() {
    for text in ["https://cert.example.org/v/1", "https://sypx.csu.edu.cn.example.org/", "https://evil-sypx.csu.edu.cn"]
    {
        let link = link_of(text, &listed()).expect("a link");
        assert_eq!(link.platform, None, "{text}");
        assert_eq!(link.list.as_deref(), Some(NOTICE));
        let said = note(&link);
        assert!(said.contains("不在") && said.contains("这很常见"), "{said}");
        assert!(!said.contains("假") && !said.contains("风险"), "no alarm: {said}");
    }
}

#[test]
fn without_any_list_a_link_is_only_said_to_point_to_its_host() {
    let link = link_of("https://sypx.csu.edu.cn/", &[]).expect("a link");
    assert_eq!((link.platform.as_ref(), link.list.as_ref()), (None, None));
    assert_eq!(note(&link), "证书上的二维码指向 sypx.csu.edu.cn");
}

#[test]
fn text_is_no_link_whatever_the_list() {
    assert_eq!(link_of("HN-2024-0001 sypx.csu.edu.cn", &listed()), None);
}
