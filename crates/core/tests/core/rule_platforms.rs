//! The national bases' platforms a notice lists (2026: 附件1): each row quoted as the notice
//! prints it, a host written as a bare lowercase host name and never twice, a set that lists none
//! taking its parent's list, and a certificate's link checked against the list of the set in force
//! or, when it lists none, against the most recent built-in list.

use xueshi_core::kinds::ActivityKind;
use xueshi_core::{RuleBook, RuleError};

fn book() -> RuleBook {
    RuleBook::builtin().expect("built-in rules load")
}

const MINE: &str = r#"
id = "mine-2027"
name = "某市2027年通知"
issuer = "某市人社局"
governs = [2027]
extends = "hunan-2026"
source = "mine.txt"
"#;

fn with_platforms(rows: &str) -> String {
    format!("{MINE}\n{rows}")
}

fn platform(base: &str, host: &str) -> String {
    format!("[[platform]]\nbase = \"{base}\"\nhost = \"{host}\"\nquote = \"{base}\t{host}\"\n")
}

fn check(text: &str) -> Result<Vec<(String, String)>, RuleError> {
    RuleBook::check_file("mine.toml", text)
        .map(|set| set.platforms.iter().map(|p| (p.base.clone(), p.origin.set.clone())).collect())
}

#[test]
fn the_2026_notice_lists_the_four_bases_of_its_attachment_1_with_their_platforms() {
    let book = book();
    let set = book.get("hunan-2026").expect("hunan-2026");
    let listed: Vec<(&str, &str)> = set.platforms.iter().map(|p| (p.base.as_str(), p.host.as_str())).collect();
    assert_eq!(
        listed,
        [
            ("中南大学", "sypx.csu.edu.cn"),
            ("湖南大学", "jxjyjd.hnu.edu.cn"),
            ("长沙理工大学", "jxjy.csust.edu.cn"),
            ("湖南工学院", "sydw.hnit.edu.cn"),
        ]
    );
    let row = &set.platforms[0].quote;
    assert_eq!(row, "中南大学\tsypx.csu.edu.cn\t朱 颖\t0731-82654585", "the row as the notice prints it");
    assert!(set.platforms.iter().all(|p| p.origin.set == "hunan-2026"));
}

#[test]
fn the_2026_staff_training_advice_names_every_base_and_platform_its_list_holds() {
    let book = book();
    let set = book.get("hunan-2026").expect("hunan-2026");
    let advice = set.advice_for(ActivityKind::StaffTraining).expect("the staff training advice");
    for p in &set.platforms {
        let named = format!("{} {}", p.base, p.host);
        assert!(advice.message.contains(&named), "the advice does not name {named}: {}", advice.message);
    }
}

#[test]
fn a_platform_is_its_own_host_or_a_name_under_it_never_a_name_that_only_ends_alike() {
    let book = book();
    let set = book.get("hunan-2026").expect("hunan-2026");
    let base = |host: &str| set.platform_for(host).map(|p| p.base.as_str());
    assert_eq!(base("sypx.csu.edu.cn"), Some("中南大学"));
    assert_eq!(base("www.sypx.csu.edu.cn"), Some("中南大学"));
    assert_eq!(base("sydw.hnit.edu.cn."), Some("湖南工学院"), "the root's dot is no other host");
    assert_eq!(base("evil-sypx.csu.edu.cn"), None);
    assert_eq!(base("sypx.csu.edu.cn.example.com"), None);
    assert_eq!(base("csu.edu.cn"), None, "the university's own site is not its platform");
}

#[test]
fn a_set_listing_no_platforms_takes_its_parents_list_and_one_listing_some_replaces_it() {
    assert_eq!(check(MINE).expect("valid").len(), 4);
    assert!(check(MINE).expect("valid").iter().all(|(_, set)| set == "hunan-2026"));
    let own = check(&with_platforms(&platform("某大学", "px.example.edu.cn"))).expect("valid");
    assert_eq!(own, [("某大学".to_owned(), "mine-2027".to_owned())], "a new year's list is a whole list");
}

#[test]
fn a_host_that_is_not_a_bare_lowercase_host_name_is_refused_at_its_line() {
    let not_hosts =
        ["https://sypx.csu.edu.cn", "SYPX.csu.edu.cn", "sypx.csu.edu.cn/login", "", "a..cn", ".cn", "平台.cn"];
    for host in not_hosts {
        let err = check(&with_platforms(&platform("某大学", host))).expect_err(host);
        assert_eq!((err.line, err.field.as_str()), (11, "platform[0].host"), "{host}: {err}");
        assert!(err.message.contains("主机名") && err.message.contains("小写字母"), "{host}: {err}");
    }
}

#[test]
fn the_same_host_twice_in_one_set_is_refused_naming_it() {
    let rows = format!("{}{}", platform("甲大学", "px.example.cn"), platform("乙大学", "px.example.cn"));
    let err = check(&with_platforms(&rows)).expect_err("a host twice");
    assert_eq!(err.field, "platform[1].host");
    assert!(err.message.contains("px.example.cn") && err.message.contains("重复"), "{err}");
}

#[test]
fn a_platform_without_its_base_or_its_quote_or_with_an_unknown_key_is_refused() {
    let no_base = check(&with_platforms(&platform(" ", "px.example.cn"))).expect_err("no base");
    assert!(no_base.message.contains("基地名称"), "{no_base}");
    let no_quote = with_platforms("[[platform]]\nbase = \"某大学\"\nhost = \"px.example.cn\"\nquote = \"\"\n");
    assert!(check(&no_quote).expect_err("no quote").message.contains("原文"));
    let typo = with_platforms("[[platform]]\nbase = \"某大学\"\nurl = \"px.example.cn\"\nquote = \"q\"\n");
    let err = check(&typo).expect_err("unknown key");
    assert!(err.message.contains("无法识别的字段") && err.message.contains("url"), "{err}");
}

#[test]
fn a_link_is_checked_against_the_set_in_force_or_else_the_latest_built_in_list() {
    let mut book = book();
    let in_force = |book: &RuleBook, id: &str| {
        let set = book.get(id).expect("set");
        book.platforms_for(Some(set)).iter().map(|p| (p.host.clone(), p.origin.set.clone())).collect::<Vec<_>>()
    };
    let from_2024 = in_force(&book, "hunan-2024");
    assert_eq!(from_2024.len(), 4, "2024 lists none: the 2026 list is used");
    assert!(from_2024.iter().all(|(_, set)| set == "hunan-2026"), "and each names the 2026 notice");
    assert_eq!(book.platforms_for(None).len(), 4, "no set in force: the latest list");
    book.add_file("mine.toml", &with_platforms(&platform("某大学", "px.example.cn"))).expect("valid");
    assert_eq!(in_force(&book, "mine-2027"), [("px.example.cn".to_owned(), "mine-2027".to_owned())]);
    assert_eq!(book.platforms_for(None).len(), 4, "a user's list is used only where it is in force");
}
