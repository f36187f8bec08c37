//! 预审, the pre-review: each thing a reviewer would question is found, names its records and says
//! what to do; a ledger without any of them has no findings.

use serde_json::{Value, json};
use xueshi_core::engine::{Application, assess};
use xueshi_core::kinds::{ActivityKind, ApplicationPath, FindingKind, Level};
use xueshi_core::review::{Finding, review};
use xueshi_core::rules::Unit;
use xueshi_core::{Hours, Ledger, RuleBook};

/// The findings for a 高级 application in `year` under the built-in set `set`.
fn findings(set: &str, year: i32, activities: Value) -> Vec<Finding> {
    let book = RuleBook::builtin().expect("rules");
    let rules = book.get(set).expect("set");
    let ledger = Ledger::from_value(&json!({"format":"xueshi-ledger","version":1,"activities":activities}))
        .expect("valid ledger");
    let assessment =
        assess(&ledger, rules, &Application::new(year, Level::Senior, ApplicationPath::Standard)).expect("assessment");
    review(&ledger, rules, &assessment, &[])
}

fn of(findings: &[Finding], kind: FindingKind) -> Vec<&Finding> {
    findings.iter().filter(|f| f.kind == kind).collect()
}

fn evidence(name: &str, hash: char) -> Value {
    json!([{"file":format!("证明/{name}"),"material":"结业证书","sha256":hash.to_string().repeat(64)}])
}

fn training(id: &str, date: &str, end: &str, days: u32, half_days: u32, hash: char) -> Value {
    json!({"id":id,"kind":"training","title":format!("{id}研修班"),"date":date,"end_date":end,
           "category":"professional","days":days,"half_days":half_days,"evidence":evidence("结业证书.pdf", hash)})
}

/// The hours one day earns under a set: its conversion of a training day.
fn day_rate(set: &str) -> Hours {
    let book = RuleBook::builtin().expect("rules");
    let rules = book.get(set).expect("set");
    rules
        .conversions
        .iter()
        .find(|c| c.unit == Unit::PerDay && c.kinds.contains(&ActivityKind::Training))
        .map(|c| c.hours)
        .expect("a day conversion")
}

#[test]
fn a_ledger_a_reviewer_would_not_question_has_no_findings() {
    let found = findings(
        "hunan-2024",
        2024,
        json!([
            training("t1", "2022-05-12", "2022-05-13", 2, 0, 'a'),
            training("t2", "2022-05-14", "2022-05-14", 0, 1, 'b'),
            {"id":"p1","kind":"paper","title":"论文","date":"2023-03-01","role":"first","venue":"domestic",
             "provider":"湖南教育","note":"CN 43-1234/G4","evidence":evidence("刊号.jpg", 'c')},
        ]),
    );
    assert_eq!(found, []);
}

#[test]
fn the_same_file_on_two_records_is_found_and_named_without_its_folders() {
    let found = findings(
        "hunan-2024",
        2024,
        json!([
            training("t1", "2022-05-12", "2022-05-12", 1, 0, 'a'),
            training("t2", "2022-06-12", "2022-06-12", 1, 0, 'a')
        ]),
    );
    let same = of(&found, FindingKind::SameFile);
    assert_eq!(same.len(), 1, "{found:?}");
    assert_eq!(same[0].records, ["t1", "t2"]);
    assert!(same[0].message.contains("“结业证书.pdf”") && !same[0].message.contains("证明/"), "{}", same[0].message);
    assert!(same[0].message.contains("2022年5月12日《t1研修班》"), "{}", same[0].message);
    assert!(!same[0].action.is_empty());
}

/// A one-day training of `date` whose 备注 is `note`.
fn with_note(id: &str, date: &str, note: &str, hash: char) -> serde_json::Value {
    let mut record = training(id, date, date, 1, 0, hash);
    record["note"] = json!(note);
    record
}

#[test]
fn the_same_certificate_number_in_the_notes_of_two_records_is_found_however_its_dashes_are_written() {
    let found = findings(
        "hunan-2024",
        2024,
        json!([
            with_note("t1", "2022-05-12", "合格证明编号：长沙—2022—0017", 'a'),
            with_note("t2", "2022-06-12", "证书编号 长沙-2022-0017，已盖章", 'b'),
            with_note("t3", "2022-07-12", "证书编号：长沙-2022-0018", 'c'),
            with_note("t4", "2022-08-12", "编号 12；第 2 期", 'd'),
            with_note("t5", "2022-09-12", "第 2 期，编号 12", 'e'),
        ]),
    );
    let same = of(&found, FindingKind::SameCertificate);
    assert_eq!(same.len(), 1, "{found:?}");
    assert_eq!(same[0].records, ["t1", "t2"]);
    assert!(
        same[0].message.contains("“长沙-2022-0017”") && same[0].message.contains("2022年6月12日《t2研修班》"),
        "{}",
        same[0].message
    );
    assert!(same[0].action.contains("备注"), "{}", same[0].action);
}

#[test]
fn a_number_with_its_year_in_brackets_is_read_whole_so_two_numbers_of_one_year_are_not_the_same() {
    let found = findings(
        "hunan-2024",
        2024,
        json!([
            with_note("t1", "2022-05-12", "证书编号：(2022)湘继教结字第0587号", 'a'),
            with_note("t2", "2022-06-12", "证书编号：（2022）湘继教结字第0588号", 'b'),
            with_note("t3", "2022-07-12", "证书编号：湘继教〔2022〕0017号", 'c'),
            with_note("t4", "2022-08-12", "证书编号：湘继教[2022]0018号", 'd'),
            with_note("t5", "2022-09-12", "（证书编号：（2022）湘继教结字第0588号）", 'e'),
        ]),
    );
    let same = of(&found, FindingKind::SameCertificate);
    assert_eq!(same.len(), 1, "{found:?}");
    assert_eq!(same[0].records, ["t2", "t5"]);
    assert!(same[0].message.contains("“(2022)湘继教结字第0588号”"), "{}", same[0].message);
}

#[test]
fn a_finding_about_many_records_names_the_first_four_and_how_many_in_all() {
    let records: Vec<Value> = (1..=6)
        .map(|n| training(&format!("t{n}"), &format!("2022-0{n}-12"), &format!("2022-0{n}-12"), 1, 0, 'a'))
        .collect();
    let found = findings("hunan-2024", 2024, Value::Array(records));
    let same = of(&found, FindingKind::SameFile);
    assert_eq!(same[0].records.len(), 6, "{found:?}");
    assert!(same[0].message.ends_with("2022年4月12日《t4研修班》 等 6 条"), "{}", same[0].message);
    assert!(!same[0].message.contains("t5"), "{}", same[0].message);
}

#[test]
fn two_trainings_counted_by_whole_days_on_the_same_dates_overlap_and_are_not_reported_twice() {
    let found = findings(
        "hunan-2024",
        2024,
        json!([
            training("t1", "2022-05-12", "2022-05-14", 3, 0, 'a'),
            training("t2", "2022-05-14", "2022-05-14", 1, 0, 'b')
        ]),
    );
    let overlap = of(&found, FindingKind::OverlappingDates);
    assert_eq!(overlap.len(), 1, "{found:?}");
    assert_eq!(overlap[0].records, ["t1", "t2"]);
    assert_eq!(overlap[0].year, Some(2022));
    assert!(overlap[0].message.contains("2022年5月14日 重叠"), "{}", overlap[0].message);
    assert_eq!(of(&found, FindingKind::DayOverLimit), Vec::<&Finding>::new());
}

#[test]
fn a_half_day_and_a_whole_day_on_one_date_claim_more_than_the_days_conversion_allows() {
    let found = findings(
        "hunan-2024",
        2024,
        json!([
            training("t1", "2022-05-12", "2022-05-12", 1, 0, 'a'),
            training("t2", "2022-05-12", "2022-05-12", 0, 1, 'b')
        ]),
    );
    let over = of(&found, FindingKind::DayOverLimit);
    assert_eq!(over.len(), 1, "{found:?}");
    assert_eq!(over[0].records, ["t1", "t2"]);
    let limit = format!("{} 学时", day_rate("hunan-2024"));
    assert!(over[0].message.contains(&limit) && over[0].action.contains(&limit), "{:?}", over[0]);
}

#[test]
fn one_record_claiming_more_days_than_its_dates_span_is_over_the_limit() {
    let found = findings("hunan-2024", 2024, json!([training("t1", "2022-05-12", "2022-05-12", 3, 0, 'a')]));
    let over = of(&found, FindingKind::DayOverLimit);
    assert_eq!(over.len(), 1, "{found:?}");
    assert!(over[0].message.contains(&format!("计 {} 学时", day_rate("hunan-2024") * 3)), "{}", over[0].message);
}

#[test]
fn a_training_giving_only_its_start_date_is_read_as_its_days_in_a_row() {
    let start_only = json!({"id":"t1","kind":"training","title":"研修班","date":"2022-05-12","category":"public",
        "days":3,"half_days":1,"evidence":evidence("结业证书.pdf", 'a')});
    let next = training("t2", "2022-05-16", "2022-05-16", 1, 0, 'b');
    assert_eq!(findings("hunan-2024", 2024, json!([start_only, next])), []);
}

#[test]
fn a_day_and_an_evening_on_one_date_stay_within_the_2020_tables_day() {
    let day_and_evening = json!({"id":"t1","kind":"training","title":"研修班","date":"2019-05-12","category":"public",
        "days":1,"evenings":1,"evidence":evidence("结业证书.pdf", 'a')});
    let found = findings("hunan-2020", 2020, json!([day_and_evening]));
    assert_eq!(found, []);
}

#[test]
fn records_outside_the_window_are_listed_by_year_as_not_needed() {
    let found = findings(
        "hunan-2024",
        2024,
        json!([
            training("old1", "2017-05-12", "2017-05-12", 1, 0, 'a'),
            training("old2", "2017-09-12", "2017-09-12", 1, 0, 'b'),
            training("new", "2022-05-12", "2022-05-12", 1, 0, 'c'),
            training("now", "2024-03-01", "2024-03-01", 1, 0, 'd'),
        ]),
    );
    let outside = of(&found, FindingKind::OutsideWindow);
    assert_eq!(
        outside.iter().map(|f| (f.year, f.records.clone())).collect::<Vec<_>>(),
        [(Some(2017), vec!["old1".to_owned(), "old2".to_owned()]), (Some(2024), vec!["now".to_owned()])]
    );
    assert!(outside[0].message.contains("2019—2023年") && outside[0].action.contains("不必"), "{:?}", outside[0]);
}

#[test]
fn a_paper_whose_record_states_no_journal_number_is_found() {
    let paper = |id: &str, provider: &str, note: &str| {
        json!({"id":id,"kind":"paper","title":format!("{id}论文"),"date":"2022-03-01","role":"first","venue":"domestic",
               "provider":provider,"note":note,"evidence":evidence(&format!("{id}.pdf"), id.chars().next().unwrap_or('x'))})
    };
    let found = findings(
        "hunan-2024",
        2024,
        json!([
            paper("a", "湖南教育", "第 3 期"),
            paper("b", "湖南教育（CN43-1234/G4）", ""),
            paper("c", "中国教育", "ISSN 1671-038X"),
            paper("d", "湖南教育", "刊号 12-34"),
        ]),
    );
    let papers = of(&found, FindingKind::PaperWithoutIssn);
    assert_eq!(papers.iter().map(|f| f.records.clone()).collect::<Vec<_>>(), [vec!["a"], vec!["d"]]);
    assert!(
        papers[0].message.contains("2022年3月1日《a论文》") && papers[0].action.contains("备注"),
        "{:?}",
        papers[0]
    );
}

#[test]
fn a_checked_year_with_hours_but_no_evidence_on_any_record_is_found() {
    let bare = |id: &str, date: &str| json!({"id":id,"kind":"online_course","title":"网络课程","date":date,"category":"public","hours":20});
    let found = findings(
        "hunan-2024",
        2024,
        json!([
            bare("o1", "2021-03-01"),
            bare("o2", "2021-04-01"),
            bare("o3", "2022-03-01"),
            training("t1", "2022-05-12", "2022-05-12", 1, 0, 'a')
        ]),
    );
    let years = of(&found, FindingKind::YearWithoutEvidence);
    assert_eq!(years.len(), 1, "{found:?}");
    assert_eq!((years[0].year, years[0].records.clone()), (Some(2021), vec!["o1".to_owned(), "o2".to_owned()]));
    assert!(years[0].message.contains("2 条记录"), "{}", years[0].message);
}

#[test]
fn findings_serialize_with_their_kind_in_snake_case() {
    let found = findings("hunan-2024", 2024, json!([training("t1", "2017-05-12", "2017-05-12", 1, 0, 'a')]));
    let value = serde_json::to_value(&found).expect("json");
    assert_eq!(value[0]["kind"], "outside_window");
    assert_eq!(FindingKind::OutsideWindow.label(), "不在认定跨度内");
}
