//! The assessment engine against the notices: windows per level and path, the annual requirement
//! (both parts from 2021, total and professional only in 2020), full-year credits, earlier
//! 学时认定单, warnings, and evidence completeness.

use std::sync::Arc;

use serde_json::{Value, json};
use xueshi_core::engine::{
    Application, AssessError, Assessment, Completeness, WindowBasis, YearSpan, YearState, assess,
};
use xueshi_core::kinds::{ApplicationPath, Level};
use xueshi_core::{Hours, Ledger, RuleBook};

fn ledger(activities: Value) -> Ledger {
    Ledger::from_value(&json!({"format":"xueshi-ledger","version":1,"activities":activities})).expect("valid ledger")
}

fn run(
    set: &str,
    year: i32,
    level: Level,
    path: ApplicationPath,
    activities: Value,
) -> Result<Assessment, AssessError> {
    let book = RuleBook::builtin().expect("rules");
    assess(&ledger(activities), book.get(set).expect("set"), &Application::new(year, level, path))
}

fn senior(set: &str, year: i32, activities: Value) -> Assessment {
    run(set, year, Level::Senior, ApplicationPath::Standard, activities).expect("assessment")
}

fn online(id: &str, date: &str, category: &str, hours: f64) -> Value {
    json!({"id":id,"kind":"online_course","title":"网络课程","date":date,"category":category,"hours":hours})
}

fn year(a: &Assessment, y: i32) -> &xueshi_core::engine::YearResult {
    a.years.iter().find(|r| r.year == y).expect("year in window")
}

fn warned(a: &Assessment, id: &str) -> bool {
    a.warnings.iter().any(|w| w.activity.as_deref() == Some(id))
}

#[test]
fn senior_titles_look_at_the_five_years_before_the_application_year() {
    assert_eq!(senior("hunan-2020", 2020, json!([])).window, [2015, 2016, 2017, 2018, 2019]);
    assert_eq!(senior("hunan-2021", 2021, json!([])).window, [2016, 2017, 2018, 2019, 2020]);
    assert_eq!(senior("hunan-2024", 2024, json!([])).window, [2019, 2020, 2021, 2022, 2023]);
    assert_eq!(senior("hunan-2026", 2026, json!([])).window, [2021, 2022, 2023, 2024, 2025]);
}

#[test]
fn doctors_and_medical_masters_have_shorter_windows() {
    let w = |set, year, path| run(set, year, Level::AssociateSenior, path, json!([])).expect("window").window;
    assert_eq!(w("hunan-2021", 2021, ApplicationPath::Phd), [2019, 2020]);
    assert_eq!(w("hunan-2021", 2021, ApplicationPath::MasterMedical), [2017, 2018, 2019, 2020]);
    assert_eq!(w("hunan-2020", 2020, ApplicationPath::Phd), [2018, 2019]);
    assert_eq!(w("hunan-2026", 2026, ApplicationPath::Phd), [2024, 2025]);
}

#[test]
fn the_2026_doctor_window_is_kept_from_2021_and_says_so() {
    let a = run("hunan-2026", 2026, Level::AssociateSenior, ApplicationPath::Phd, json!([])).expect("window");
    assert!(a.warnings.iter().any(|w| w.activity.is_none() && w.message.contains("推定")), "{:?}", a.warnings);
}

#[test]
fn intermediate_and_junior_windows_differ_between_notices() {
    let w = |set, year, level| run(set, year, level, ApplicationPath::Standard, json!([])).map(|a| a.window);
    assert_eq!(w("hunan-2021", 2021, Level::Intermediate), Ok(vec![2017, 2018, 2019, 2020]));
    assert_eq!(w("changde-2024", 2024, Level::Intermediate), Ok(vec![2021, 2022, 2023, 2024]));
    assert_eq!(w("changde-2024", 2024, Level::Junior), Ok(vec![2024]));
}

/// Ruling 7 — 29号 leaves 中初级 to the cities and units: a level the notice states no window for
/// gets the most recent window in the seeds for it (常德 2024: “…认定跨度为 2021-2024 年连续 4 年”,
/// “…认定为 2024 当年度”), with a warning that says it is 推定 and how to enter the unit's own.
#[test]
fn no_level_is_refused_a_missing_window_is_the_latest_one_stated_and_says_it_is_assumed() {
    let a = run("hunan-2026", 2026, Level::Intermediate, ApplicationPath::Standard, json!([])).expect("assessed");
    assert_eq!(a.window, [2023, 2024, 2025, 2026]);
    assert_eq!(a.window_basis, WindowBasis::Borrowed);
    assert_eq!(a.window_clause, "changde-2024/window.intermediate");
    let warning = a.warnings.iter().find(|w| w.message.contains("推定")).expect("a 推定 warning");
    assert!(
        warning.activity.is_none() && warning.message.contains("申报计划中填写本单位规定的认定跨度"),
        "{}",
        warning.message
    );
    let a = run("hunan-2026", 2026, Level::Junior, ApplicationPath::Standard, json!([])).expect("assessed");
    assert_eq!(a.window, [2026]);
    let a = run("hunan-2020", 2020, Level::Intermediate, ApplicationPath::Standard, json!([])).expect("assessed");
    assert_eq!(a.window, [2017, 2018, 2019, 2020]);
}

#[test]
fn a_path_that_does_not_exist_for_a_level_is_still_a_clear_error() {
    let err = run("hunan-2026", 2026, Level::Senior, ApplicationPath::Phd, json!([])).expect_err("phd is for 副高");
    assert!(matches!(err, AssessError::NoWindow { .. }));
    assert!(err.to_string().contains("正高级"), "{err}");
}

#[test]
fn the_units_own_window_replaces_the_rule_sets_and_is_named_as_the_units() {
    let book = RuleBook::builtin().expect("rules");
    let mut application = Application::new(2026, Level::Intermediate, ApplicationPath::Standard);
    application.window = Some(YearSpan { from: 2022, to: 2025 });
    let a = assess(&ledger(json!([])), book.get("hunan-2026").expect("set"), &application).expect("assessed");
    assert_eq!(a.window, [2022, 2023, 2024, 2025]);
    assert_eq!(a.window_basis, WindowBasis::Unit);
    assert!(a.warnings.iter().any(|w| w.message.contains("本单位")), "{:?}", a.warnings);
    assert!(!a.warnings.iter().any(|w| w.message.contains("changde")));
}

/// Ruling 6 — hunan-2021's 中级 window comes from one college's notice: an assumption.
#[test]
fn the_2021_intermediate_window_from_one_colleges_notice_is_an_assumption() {
    let a = run("hunan-2021", 2021, Level::Intermediate, ApplicationPath::Standard, json!([])).expect("assessed");
    assert_eq!(a.window_basis, WindowBasis::Assumed);
    assert!(a.warnings.iter().any(|w| w.message.contains("推定") && w.message.contains("其他单位")));
}

/// Ruling 6 — 2024 “参评高级职称继续教育学时认定跨度为 2019-2023 年连续 5 年”: a medical master's
/// 4-year window is kept from 2021, and the warning says whether year Y-5 would be met too.
#[test]
fn a_medical_masters_window_says_whether_the_fifth_year_back_would_also_be_met() {
    let a =
        run("hunan-2024", 2024, Level::AssociateSenior, ApplicationPath::MasterMedical, json!([])).expect("assessed");
    assert_eq!(a.window, [2020, 2021, 2022, 2023]);
    let w = a.warnings.iter().find(|w| w.message.starts_with("2019 年也可能被核查")).expect("Y-5 warning");
    assert!(w.message.contains("差 90 学时"), "{}", w.message);
    let a = run(
        "hunan-2026",
        2026,
        Level::AssociateSenior,
        ApplicationPath::MasterMedical,
        json!([online("p", "2021-03-01", "public", 30.0), online("q", "2021-04-01", "professional", 60.0)]),
    )
    .expect("assessed");
    let w = a.warnings.iter().find(|w| w.message.starts_with("2021 年也可能被核查")).expect("Y-5 warning");
    assert!(w.message.contains("已达标"), "{}", w.message);
}

#[test]
fn from_2021_surplus_professional_hours_never_cover_missing_public_hours() {
    let a = senior(
        "hunan-2021",
        2021,
        json!([online("p", "2020-03-01", "public", 20.0), online("q", "2020-04-01", "professional", 100.0)]),
    );
    let y = year(&a, 2020);
    assert_eq!((y.public, y.professional, y.total), (Hours::whole(20), Hours::whole(100), Hours::whole(120)));
    assert!(!y.met);
    assert_eq!(y.short.public, Hours::whole(10));
    assert_eq!(y.short.total, Hours::ZERO);
    assert!(y.status.contains("公需科目差 10"), "{}", y.status);
}

#[test]
fn in_2020_only_the_total_and_the_professional_part_decide() {
    let a = senior("hunan-2020", 2020, json!([online("q", "2019-04-01", "professional", 90.0)]));
    assert!(year(&a, 2019).met, "no public minimum in 2020");
    let a = senior(
        "hunan-2020",
        2020,
        json!([online("p", "2019-03-01", "public", 40.0), online("q", "2019-04-01", "professional", 55.0)]),
    );
    let y = year(&a, 2019);
    assert!(!y.met);
    assert_eq!((y.short.professional, y.short.total, y.short.public), (Hours::whole(5), Hours::ZERO, Hours::ZERO));
}

/// Ruling 5 — 2017 and 2024 say “公需科目一般不少于 30 学时，专业科目一般不少于 60 学时”: both parts
/// are read alike, as required (2021 and 2026 state it outright), and the assessment says it infers.
#[test]
fn in_2017_and_2024_both_parts_are_required_and_the_reading_is_said_to_be_inferred() {
    let a = senior("hunan-2017", 2017, json!([online("q", "2015-04-01", "professional", 90.0)]));
    let y = year(&a, 2015);
    assert!(!y.met);
    assert_eq!(y.short.public, Hours::whole(30));
    assert!(a.requirement.assumed);
    assert!(a.warnings.iter().any(|w| w.message.starts_with("年度学时要求的读法是推定")), "{:?}", a.warnings);
    let a = senior("hunan-2024", 2024, json!([online("q", "2022-04-01", "professional", 90.0)]));
    assert!(!year(&a, 2022).met && a.requirement.assumed);
    let a = senior("hunan-2020", 2020, json!([online("q", "2019-04-01", "professional", 90.0)]));
    assert!(year(&a, 2019).met && !a.requirement.assumed, "2020 stays total and 专业");
}

#[test]
fn half_hours_add_up_exactly_across_many_records() {
    let records: Vec<Value> = (0..60).map(|i| online(&format!("h{i}"), "2025-02-01", "public", 0.5)).collect();
    let a = senior("hunan-2026", 2026, Value::Array(records));
    assert_eq!(year(&a, 2025).public, Hours::whole(30));
}

#[test]
fn a_six_month_aid_posting_completes_its_year_and_a_longer_one_every_year() {
    let six = json!([{"id":"aid","kind":"aid_posting","title":"援疆","date":"2022-02-01","end_date":"2022-07-31","task":"sanyuan"}]);
    let a = senior("hunan-2026", 2026, six);
    let y = year(&a, 2022);
    assert!(y.met && y.full_year);
    assert_eq!((y.total, y.status.as_str()), (Hours::ZERO, "全年认定"));
    assert_eq!(y.covered_by, [Arc::from("aid")]);
    let long = json!([{"id":"aid","kind":"aid_posting","title":"援藏","date":"2021-07-01","end_date":"2023-06-30","task":"sanyuan"}]);
    let a = senior("hunan-2026", 2026, long);
    assert!([2021, 2022, 2023].iter().all(|y| year(&a, *y).full_year));
    assert!(!year(&a, 2024).full_year);
}

#[test]
fn a_posting_shorter_than_six_months_completes_nothing_and_says_why() {
    let a = senior(
        "hunan-2026",
        2026,
        json!([{"id":"aid","kind":"aid_posting","title":"援外","date":"2022-02-01","end_date":"2022-07-30","task":"sanyuan"}]),
    );
    assert!(!year(&a, 2022).full_year);
    assert!(a.warnings.iter().any(|w| w.activity.as_deref() == Some("aid") && w.message.contains("不足 6 个月")));
}

#[test]
fn an_earlier_certificate_covers_its_years_and_later_years_stand_on_their_own() {
    let a = senior(
        "hunan-2024",
        2024,
        json!([{"id":"cert","kind":"prior_certificate","title":"2018-2022年学时认定单","date":"2023-07-01","from_year":2018,"to_year":2022}]),
    );
    for y in 2019..=2022 {
        let r = year(&a, y);
        assert!(r.met && r.prior_certificate, "{y}");
        assert_eq!(r.status, "由认定单覆盖");
    }
    assert!(!year(&a, 2023).met);
    assert!(!a.compliant);
    assert!(!warned(&a, "cert"), "a certificate reaching before the window is not a mistake");
}

#[test]
fn kinds_and_variants_a_notice_does_not_credit_are_warned_about() {
    let a = senior(
        "hunan-2024",
        2024,
        json!([
            {"id":"intl","kind":"paper","title":"SCI 论文","date":"2022-05-01","role":"first","venue":"international"},
            {"id":"contest","kind":"skill_contest","title":"技能大赛","date":"2022-05-01","level":"national","medal":"gold"},
            {"id":"design","kind":"patent","title":"外观设计","date":"2022-05-01","patent_type":"design","rank":1},
            {"id":"eve","kind":"training","title":"夜校","date":"2022-05-01","category":"professional","days":1,"evenings":2}
        ]),
    );
    for id in ["intl", "contest", "design", "eve"] {
        assert!(warned(&a, id), "{id} should be warned about");
    }
    let paper = a.warnings.iter().find(|w| w.activity.as_deref() == Some("intl")).expect("paper warning");
    assert!(paper.message.contains("国外刊物"), "{}", paper.message);
    let evening = a.warnings.iter().find(|w| w.activity.as_deref() == Some("eve")).expect("evening warning");
    assert!(evening.message.contains("晚上"), "{}", evening.message);
    assert_eq!(year(&a, 2022).professional, Hours::whole(8), "the day still counts");
}

#[test]
fn records_outside_the_window_are_listed_but_not_counted() {
    let a = senior(
        "hunan-2026",
        2026,
        json!([online("old", "2019-03-01", "public", 30.0), online("now", "2026-03-01", "public", 30.0)]),
    );
    assert!(warned(&a, "old") && warned(&a, "now"));
    assert!(a.credits.iter().all(|c| !c.in_window));
    assert!(a.years.iter().all(|y| y.total.is_zero()));
}

#[test]
fn using_a_set_for_a_year_it_does_not_govern_is_flagged_as_an_assumption() {
    let a = senior("hunan-2024", 2025, json!([]));
    assert!(a.warnings.iter().any(|w| w.activity.is_none() && w.message.contains("推定")));
    assert!(senior("hunan-2026", 2026, json!([])).warnings.is_empty());
}

#[test]
fn every_credit_names_its_clause_document_and_sentence() {
    let a = senior(
        "hunan-2021",
        2021,
        json!([{"id":"t","kind":"training","title":"研修班","date":"2020-05-01","category":"professional","days":2}]),
    );
    let c = &a.credits[0];
    assert_eq!(
        (c.source.clause.as_str(), c.source.document.as_str()),
        ("hunan-2020/conversion.1.day", "湘人社函〔2020〕11号")
    );
    assert!(c.source.quote.contains("每天折算为10学时"));
    assert_eq!(c.basis.describe(), "2 天 × 10 学时");
    assert_eq!(a.requirement.document, "湘人社函〔2021〕29号");
}

#[test]
fn in_json_each_credit_names_its_clause_and_the_clause_table_quotes_each_cited_clause_once() {
    let trainings: Vec<Value> = (0..40)
        .map(|i| json!({"id":format!("t{i}"),"kind":"training","title":"研修班","date":"2020-05-01","category":"professional","days":2}))
        .chain([online("o", "2020-06-01", "public", 6.0)])
        .collect();
    let a = senior("hunan-2021", 2021, Value::Array(trainings));
    let json = serde_json::to_value(&a).expect("serializable");
    let credits = json["credits"].as_array().expect("credits");
    assert_eq!(credits.len(), 41);
    assert!(credits.iter().all(|c| c.get("quote").is_none() && c.get("document").is_none()), "{:?}", credits[0]);
    let table = json["clauses"].as_object().expect("the clause table");
    let cited: std::collections::BTreeSet<&str> = credits.iter().filter_map(|c| c["clause"].as_str()).collect();
    assert_eq!(table.keys().map(String::as_str).collect::<std::collections::BTreeSet<_>>(), cited, "only cited ones");
    let day = &table["hunan-2020/conversion.1.day"];
    assert_eq!(day["document"], "湘人社函〔2020〕11号");
    assert!(day["quote"].as_str().is_some_and(|q| q.contains("每天折算为10学时")), "{day}");
    assert_eq!(json.to_string().matches("每天折算为10学时").count(), 1, "the sentence is sent once for 40 credits");
}

#[test]
fn a_year_meeting_both_parts_is_met_and_all_met_years_make_the_application_compliant() {
    let mut records = Vec::new();
    for y in 2021..=2025 {
        records.push(online(&format!("p{y}"), &format!("{y}-03-01"), "public", 30.0));
        records.push(online(&format!("q{y}"), &format!("{y}-04-01"), "professional", 60.0));
    }
    let a = senior("hunan-2026", 2026, Value::Array(records));
    assert!(a.compliant);
    assert!(a.years.iter().all(|y| y.status == "达标"));
}

#[test]
fn evidence_is_complete_when_one_alternative_set_is_and_otherwise_names_what_is_missing() {
    let with = |materials: &[&str]| {
        let evidence: Vec<Value> =
            materials.iter().map(|m| json!({"file": format!("{m}.pdf"), "material": m})).collect();
        let a = senior(
            "hunan-2026",
            2026,
            json!([{"id":"t","kind":"training","title":"研修班","date":"2025-05-01","category":"professional","days":2,"evidence":evidence}]),
        );
        a.evidence[0].clone()
    };
    let complete = with(&["培训签到表", "结业证书"]);
    assert_eq!((complete.status, complete.set), (Completeness::Complete, Some(1)));
    let partial = with(&["培训通知", "培训课程表"]);
    assert_eq!(partial.status, Completeness::Incomplete);
    assert_eq!(&*partial.missing, [Arc::from("培训签到表 或 其他签到形式")]);
    let odd = with(&["照片"]);
    assert_eq!(odd.unrecognised, ["照片"]);
}

#[test]
fn a_kind_without_a_material_list_is_reported_as_such() {
    let a = senior(
        "hunan-2026",
        2026,
        json!([{"id":"c","kind":"skill_contest","title":"大赛","date":"2025-05-01","level":"provincial","medal":"gold"}]),
    );
    assert_eq!(a.evidence[0].status, Completeness::NoRule);
}

/// Issue 11: the engine says everything a shell shows, typed, so nobody re-adds or re-parses.
#[test]
fn each_year_has_a_typed_state_and_a_numeric_shortfall() {
    let a = senior(
        "hunan-2026",
        2026,
        json!([online("p", "2025-03-01", "public", 20.0), online("q", "2025-04-01", "professional", 100.0),
               {"id":"aid","kind":"aid_posting","title":"援藏","date":"2023-01-01","end_date":"2023-08-31","task":"sanyuan"}]),
    );
    let y = year(&a, 2025);
    assert_eq!((y.state, y.missing), (YearState::Short, Hours::whole(10)), "10 public hours short, the total met");
    assert_eq!(year(&a, 2023).state, YearState::FullYear);
    assert_eq!((year(&a, 2021).state, year(&a, 2021).missing), (YearState::Short, Hours::whole(90)));
    assert_eq!(a.missing, Hours::whole(90 * 3 + 10), "2021, 2022 and 2024 lack 90 each, 2025 10; 2023 is whole");
}

#[test]
fn each_record_has_its_total_summed_by_the_engine() {
    let a = senior(
        "hunan-2026",
        2026,
        json!([{"id":"t","kind":"training","title":"培训","date":"2025-05-01","category":"professional","days":2,"half_days":1},
               online("old", "2019-03-01", "public", 30.0),
               {"id":"aid","kind":"aid_posting","title":"援藏","date":"2021-07-01","end_date":"2023-06-30","task":"sanyuan"}]),
    );
    let total = |id: &str| a.records.iter().find(|r| &*r.activity == id).expect("record total");
    assert_eq!((total("t").hours, total("t").in_window), (Hours::whole(20), Hours::whole(20)));
    assert_eq!((total("old").hours, total("old").in_window), (Hours::whole(30), Hours::ZERO));
    assert_eq!(total("aid").whole_years, [2021, 2022, 2023]);
    assert_eq!(a.records.len(), 3, "one per record, in the ledger's order");
    let json = serde_json::to_value(&a).expect("serializable");
    assert_eq!(json["credits"][0]["category"], "professional", "the category keeps its file name in JSON");
}

#[test]
fn each_evidence_requirement_lists_its_alternatives_and_whether_one_is_attached() {
    let a = senior(
        "hunan-2026",
        2026,
        json!([{"id":"c","kind":"online_course","title":"网课","date":"2025-05-01","category":"public","hours":10,
                "evidence":[{"file":"证书.pdf","material":"结业证书"}]}]),
    );
    let check = a.evidence.iter().find(|e| &*e.activity == "c").expect("checked");
    let best = &check.sets.sets()[check.set.expect("a set is chosen")];
    let shown: Vec<(Vec<&str>, bool)> =
        best.iter().map(|r| (r.alternatives.iter().map(|m| &**m).collect(), r.met)).collect();
    assert_eq!(shown, [(vec!["课程时长", "课程内容"], false), (vec!["结业证书"], true)]);
    let training = senior(
        "hunan-2026",
        2026,
        json!([{"id":"t","kind":"training","title":"培训","date":"2025-05-01","category":"public","days":1,
                "evidence":[{"file":"通知.pdf","material":"培训通知"},{"file":"证书.pdf","material":"结业证书"}]}]),
    );
    let check = &training.evidence[0];
    let met: Vec<Vec<bool>> = check.sets.sets().iter().map(|set| set.iter().map(|r| r.met).collect()).collect();
    assert_eq!(met.len(), 2, "every alternative set of 2026 一.1, each with its own flags: {met:?}");
    assert!(met[1].iter().all(|m| *m), "通知 + 结业证书 complete the second set");
}

#[test]
fn in_json_each_evidence_rule_is_listed_once_and_each_record_carries_only_its_flags() {
    let records: Vec<serde_json::Value> = (0..3)
        .map(|i| {
            json!({"id": format!("t{i}"), "kind": "training", "title": "培训", "date": "2025-05-01",
                        "category": "public", "days": 1, "evidence": [{"file": "证书.pdf", "material": "结业证书"}]})
        })
        .collect();
    let a = senior("hunan-2026", 2026, serde_json::Value::Array(records));
    let json = serde_json::to_value(&a).expect("serializable");
    let clause = a.evidence[0].clause.as_deref().expect("checked by a rule");
    let rules = json["evidence_rules"].as_object().expect("table");
    assert_eq!(rules.keys().collect::<Vec<_>>(), [clause], "only the rule that checked a record, once");
    for (i, check) in a.evidence.iter().enumerate() {
        let flags = &json["evidence"][i]["met"];
        assert_eq!(flags, &serde_json::to_value(check.sets.met()).expect("flags"));
        assert!(json["evidence"][i].get("sets").is_none(), "no alternatives repeated per record");
        // The table's alternatives and the record's flags line up, requirement by requirement.
        for (set, alternatives) in check.sets.sets().iter().zip(rules[clause].as_array().expect("sets")) {
            let listed: Vec<Vec<String>> = serde_json::from_value(alternatives.clone()).expect("requirements");
            let checked: Vec<Vec<String>> =
                set.iter().map(|r| r.alternatives.iter().map(|m| m.to_string()).collect()).collect();
            assert_eq!(listed, checked);
        }
    }
}

#[test]
fn an_award_no_clause_matches_is_described_with_its_grade_in_words() {
    let own = "id = \"mine-2027\"\nname = \"某市2027年通知\"\nissuer = \"某市人社局\"\ngoverns = [2027]\n\
               extends = \"hunan-2017\"\nsource = \"mine.txt\"\n\n[[conversion]]\nid = \"c1\"\nkinds = [\"award\"]\n\
               unit = \"per_item\"\nhours = 60\ncategory = \"professional\"\nwhen = { level = [\"provincial\"] }\n\
               quote = \"省部级奖项 60 学时\"\n";
    let mut book = RuleBook::builtin().expect("rules");
    let id = book.add_file("mine.toml", own).expect("valid file");
    let award = json!([{"id":"a","kind":"award","title":"市科技进步奖","date":"2026-05-01","level":"municipal","grade":2,"rank":1}]);
    let application = Application::new(2027, Level::Senior, ApplicationPath::Standard);
    let a = assess(&ledger(award), book.get(&id).expect("set"), &application).expect("assessment");
    let warning = a.warnings.iter().find(|w| w.activity.as_deref() == Some("a")).expect("award warning");
    assert!(warning.message.contains("市厅级二等奖，排名第 1"), "{}", warning.message);
}
