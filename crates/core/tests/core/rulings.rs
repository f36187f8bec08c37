//! The rulings of the second rule-fidelity pass (issue 9), one worked example each, quoting the
//! sentence that decides it. Windows and the requirement's reading are in `engine.rs`.

use serde_json::{Value, json};
use xueshi_core::engine::{Application, Assessment, assess};
use xueshi_core::kinds::{ApplicationPath, Level};
use xueshi_core::{Hours, Ledger, RuleBook};

fn assessed(set: &str, year: i32, activities: Value) -> Assessment {
    let ledger = Ledger::from_value(&json!({"format":"xueshi-ledger","version":1,"activities":activities}))
        .expect("valid ledger");
    let book = RuleBook::builtin().expect("rules");
    let application = Application::new(year, Level::Senior, ApplicationPath::Standard);
    assess(&ledger, book.get(set).expect("set"), &application).expect("assessed")
}

fn hours_of(a: &Assessment, id: &str) -> Hours {
    a.credits.iter().filter(|c| &*c.activity == id).fold(Hours::ZERO, |sum, c| sum + c.hours)
}

fn warning_of<'a>(a: &'a Assessment, id: &str) -> Option<&'a str> {
    a.warnings.iter().find(|w| w.activity.as_deref() == Some(id)).map(|w| &*w.message)
}

fn full_year(a: &Assessment, year: i32) -> bool {
    a.years.iter().any(|y| y.year == year && y.full_year)
}

/// 2026 三（三）: “专业技术人员在统一平台上完成相关培训的，其学时可直接认定为专业技术人员继续教育学时和
/// 事业单位工作人员培训学时。”
#[test]
fn ruling_1_a_2026_staff_training_counts_only_on_the_unified_platform() {
    let record = |id: &str, platform: Option<&str>| {
        let mut r = json!({"id":id,"kind":"staff_training","title":"事业单位工作人员培训","date":"2025-03-01",
                           "category":"public","hours":12});
        if let Some(p) = platform {
            r["platform"] = json!(p);
        }
        r
    };
    let a = assessed(
        "hunan-2026",
        2026,
        json!([record("u", Some("unified")), record("o", Some("other")), record("n", None)]),
    );
    assert_eq!(hours_of(&a, "u"), Hours::whole(12));
    assert_eq!((hours_of(&a, "o"), hours_of(&a, "n")), (Hours::ZERO, Hours::ZERO));
    let warning = warning_of(&a, "o").expect("warned");
    for platform in ["sypx.csu.edu.cn", "jxjyjd.hnu.edu.cn", "jxjy.csust.edu.cn", "sydw.hnit.edu.cn"] {
        assert!(warning.contains(platform), "{warning}");
    }
    let evidence = a.evidence.iter().find(|e| &*e.activity == "u").expect("evidence checked");
    assert_eq!(evidence.clause.as_deref(), Some("hunan-2026/evidence.3.staff_training"));
    assert!(evidence.missing.iter().any(|m| m.contains("结业证书")), "{:?}", evidence.missing);
}

/// 常德 2024 二（二）: “…根据湖南省事业单位工作人员培训管理平台出具的培训合格证书予以认定。”
#[test]
fn ruling_1_changde_2024_keeps_crediting_the_staff_training_certificate_without_a_platform() {
    let a = assessed(
        "changde-2024",
        2024,
        json!([{"id":"c","kind":"staff_training","title":"事业单位工作人员培训","date":"2023-03-01","category":"public","hours":18.5}]),
    );
    assert_eq!(hours_of(&a, "c"), Hours::from_hundredths(1850));
}

/// 2026 二.6 names “三援”（援藏、援疆、援外） only; 2020 二.7 and 2024 二.7 add “东西部扶贫协作等省级以上
/// 特定工作任务”.
#[test]
fn ruling_2_a_full_year_is_for_sanyuan_only_in_2026_and_for_all_three_tasks_before() {
    let posting = |task: Option<&str>| {
        let mut r = json!({"id":"p","kind":"aid_posting","title":"外派","date":"2023-01-01","end_date":"2023-08-31"});
        if let Some(t) = task {
            r["task"] = json!(t);
        }
        json!([r])
    };
    assert!(full_year(&assessed("hunan-2026", 2026, posting(Some("sanyuan"))), 2023));
    for task in [Some("east_west"), Some("other"), None] {
        let a = assessed("hunan-2026", 2026, posting(task));
        assert!(!full_year(&a, 2023), "{task:?}");
        assert!(warning_of(&a, "p").is_some_and(|w| w.contains("任务类型")), "{task:?}");
        assert!(full_year(&assessed("hunan-2024", 2024, posting(task)), 2023), "2024: {task:?}");
    }
    assert!(full_year(
        &assessed(
            "hunan-2020",
            2020,
            json!([{"id":"p","kind":"aid_posting","title":"东西部扶贫协作",
        "date":"2017-01-01","end_date":"2017-08-31","task":"east_west"}])
        ),
        2017
    ));
}

/// “视为完成当年”: the year holding the larger share of the posting's days, named in a warning.
#[test]
fn ruling_3_a_posting_across_new_year_completes_the_year_holding_most_of_its_days() {
    let a = assessed(
        "hunan-2026",
        2026,
        json!([{"id":"xj","kind":"aid_posting","title":"援疆","date":"2023-12-31","end_date":"2024-06-30","task":"sanyuan"}]),
    );
    assert!(full_year(&a, 2024) && !full_year(&a, 2023));
    assert!(warning_of(&a, "xj").is_some_and(|w| w.contains("2024 年视为完成当年")));
}

/// 湘人社函〔2017〕40号 三: “继续教育培训可以采用参加培训班、研修班或者进修班学习、参加相关的继续教育实践
/// 活动、参加远程教育、参加学术会议、学术讲座、学术访问等符合规定的方式进行。”
#[test]
fn ruling_4_the_2017_forms_count_by_the_hours_on_their_proof_and_days_alone_ask_for_them() {
    let a = assessed(
        "hunan-2017",
        2017,
        json!([
            {"id":"t","kind":"training","title":"研修班","date":"2016-07-01","category":"professional","days":5,"hours":40},
            {"id":"p","kind":"practice","title":"实践活动","date":"2016-08-01","category":"professional","hours":12},
            {"id":"d","kind":"conference","title":"学术会议","date":"2016-09-01","category":"public","days":2}
        ]),
    );
    assert_eq!((hours_of(&a, "t"), hours_of(&a, "p")), (Hours::whole(40), Hours::whole(12)));
    assert_eq!(hours_of(&a, "d"), Hours::ZERO);
    assert!(warning_of(&a, "d").is_some_and(|w| w.contains("请填写证明上的学时")));
}

#[test]
fn ruling_4_later_tables_count_days_and_ask_for_days_when_only_hours_are_given() {
    let a = assessed(
        "hunan-2024",
        2024,
        json!([
            {"id":"both","kind":"training","title":"培训","date":"2022-07-01","category":"professional","days":2,"hours":30},
            {"id":"hours","kind":"training","title":"培训","date":"2022-08-01","category":"professional","hours":16}
        ]),
    );
    assert_eq!(hours_of(&a, "both"), Hours::whole(16), "2 days at 8, not the 30 on the proof");
    assert_eq!(hours_of(&a, "hours"), Hours::ZERO);
    assert!(warning_of(&a, "hours").is_some_and(|w| w.contains("请填写天数")));
}

/// 2026 二.7: “…当年度通过一门学习课程或考核的，可折算专业科目 30 学时。”
#[test]
fn ruling_8_several_courses_in_a_year_count_each_and_say_it_is_an_inference() {
    let a = assessed(
        "hunan-2026",
        2026,
        json!([{"id":"q","kind":"qualification_exam","title":"职业资格考试","date":"2024-10-01","units":3}]),
    );
    assert_eq!(hours_of(&a, "q"), Hours::whole(90));
    assert!(warning_of(&a, "q").is_some_and(|w| w.contains("推定") && w.contains("当年度通过一门")));
    let one = assessed(
        "hunan-2026",
        2026,
        json!([{"id":"q","kind":"qualification_exam","title":"职业资格考试","date":"2024-10-01","units":1}]),
    );
    assert!(warning_of(&one, "q").is_none(), "one course decides itself");
}

/// 2024 二.1: “参加有关培训、会议等，每天折算为8学时，半天折算4学时。” — no clause for an exchange.
#[test]
fn ruling_9_an_overseas_exchange_under_2024_is_told_to_be_recorded_as_a_meeting_by_days() {
    let a = assessed(
        "hunan-2024",
        2024,
        json!([{"id":"x","kind":"overseas_exchange","title":"海外交流","date":"2022-03-01","end_date":"2022-04-30"}]),
    );
    let warning = warning_of(&a, "x").expect("warned");
    assert!(warning.contains("学术会议") && warning.contains("每天折算为8学时，半天折算4学时"), "{warning}");
}

#[test]
fn ruling_10_a_city_written_with_shi_is_the_city_and_a_place_outside_hunan_is_refused() {
    let read = |city: &str| {
        Ledger::from_value(&json!({"format":"xueshi-ledger","version":1,"profile":{"city":city}}))
            .map(|l| l.profile.city)
    };
    assert_eq!(read("常德市"), Ok(Some("常德".to_owned())));
    let err = read("武汉市").expect_err("not a 市州 of Hunan").to_string();
    assert!(err.contains("长沙") && err.contains("湘西"), "{err}");
}

/// The 常德 text has two transcription slips (“课题研究 with 项目开发”, “排名一者”): quotes stay
/// verbatim, and every clause quoting one says what it should read.
#[test]
fn ruling_11_every_clause_quoting_a_transcription_slip_notes_it() {
    let book = RuleBook::builtin().expect("rules");
    let mut noted = 0;
    for set in book.sets() {
        for c in &set.conversions {
            for (slip, reading) in [(" with ", "“与”"), ("排名一者", "“排名第一者”")] {
                if c.quote.contains(slip) {
                    let note = c.note.as_deref().unwrap_or_default();
                    assert!(note.contains(reading), "{}/{}: {note}", set.id, c.id);
                    noted += 1;
                }
            }
        }
    }
    assert!(noted >= 10, "the research and patent clauses of 2024 and 常德 quote them: {noted}");
}

/// Every warning stating an assumption says 推定 and is marked as one, so that no shell has to
/// look for the word: a set used for a later year, a borrowed window, several exams counted each.
#[test]
fn a_warning_is_marked_as_an_assumption_exactly_when_it_states_one() {
    let exams = json!([{"id":"q1","kind":"qualification_exam","title":"两门资格考试","date":"2025-06-01","units":2},
                       {"id":"t1","kind":"training","title":"研修班","date":"2020-03-01","category":"public","days":1}]);
    let ledger = Ledger::from_value(&json!({"format":"xueshi-ledger","version":1,"activities":exams})).expect("ledger");
    let book = RuleBook::builtin().expect("rules");
    let mut seen = (0, 0);
    for (set, year, level) in [
        ("hunan-2026", 2026, Level::Intermediate),
        ("hunan-2024", 2027, Level::Senior),
        ("hunan-2020", 2020, Level::Senior),
    ] {
        let application = Application::new(year, level, ApplicationPath::Standard);
        let a = assess(&ledger, book.get(set).expect("set"), &application).expect("assessed");
        for w in &a.warnings {
            assert_eq!(w.assumption, w.message.contains("推定"), "{set} {year}: {}", w.message);
            if w.assumption { seen.0 += 1 } else { seen.1 += 1 }
        }
    }
    assert!(seen.0 >= 3 && seen.1 >= 1, "assumptions and plain warnings both occur: {seen:?}");
}
