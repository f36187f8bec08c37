//! The portable `xueshi-ledger` format: a good file reads back to the same JSON, and every kind of
//! malformed file is refused with the record id and field, never a panic.

use serde_json::{Value, json};
use xueshi_core::Ledger;

fn wrap(activities: Value) -> String {
    json!({"format":"xueshi-ledger","version":1,"profile":{"name":"张三"},"activities":activities}).to_string()
}

fn refusal(activity: Value) -> (Option<String>, Option<String>, String) {
    let err = Ledger::from_json(&wrap(json!([activity]))).expect_err("refused");
    (err.activity.clone(), err.field.clone(), err.to_string())
}

#[test]
fn a_full_ledger_reads_and_writes_back_the_same_json() {
    let text = json!({
        "format": "xueshi-ledger", "version": 1,
        "profile": {"name":"李四","id_number":"430102198001011234","employer":"湖南某职业学院","current_title":"讲师",
                    "title_date":"2018-12-01","certificate_number":"HN-2018-0001","city":"长沙"},
        "activities": [
            {"id":"a1","kind":"training","title":"数字化转型研修班","date":"2023-05-12","end_date":"2023-05-14",
             "provider":"中南大学","note":"线下","category":"professional","days":2,"half_days":1,"evenings":1,
             "evidence":[{"file":"结业证书.pdf","material":"结业证书","sha256":"a".repeat(64)}]},
            {"id":"a2","kind":"online_course","title":"公需课","date":"2023-03-01","category":"public","hours":12.5},
            {"id":"a3","kind":"paper","title":"论文","date":"2022-01-01","role":"corresponding","venue":"international"},
            {"id":"a4","kind":"patent","title":"专利","date":"2022-01-01","patent_type":"utility_model","rank":2},
            {"id":"a5","kind":"award","title":"奖","date":"2022-01-01","level":"municipal","grade":2,"rank":3},
            {"id":"a6","kind":"aid_posting","title":"援疆","date":"2021-01-01","end_date":"2021-12-31"},
            {"id":"a7","kind":"expert_service","title":"专家服务","date":"2021-01-01","category":"professional","days":1,"hours":2.5},
            {"id":"a8","kind":"prior_certificate","title":"认定单","date":"2020-07-01","from_year":2015,"to_year":2019},
            {"id":"a9","kind":"skill_contest","title":"大赛","date":"2024-01-01","level":"national","medal":"bronze"},
            {"id":"a10","kind":"research_project","title":"课题","date":"2024-01-01","level":"provincial","role":"main"},
            {"id":"a11","kind":"book","title":"教材","date":"2024-01-01","role":"first"},
            {"id":"a12","kind":"digital_exam","title":"考试","date":"2024-01-01","units":2},
            {"id":"a13","kind":"staff_training","title":"事业单位培训","date":"2024-01-01","category":"public","hours":20},
            {"id":"a14","kind":"overseas_exchange","title":"访学","date":"2024-01-01","end_date":"2025-01-31"}
        ]
    });
    let ledger = Ledger::from_value(&text).expect("valid");
    assert_eq!(ledger.to_json_value(), text);
    assert_eq!(Ledger::from_json(&ledger.to_json_pretty()).expect("reads back"), ledger);
}

#[test]
fn bad_json_is_refused_with_its_line_and_column() {
    let err = Ledger::from_json("{\n  \"format\": ").expect_err("refused");
    assert!(err.to_string().contains("第 2 行"), "{err}");
}

#[test]
fn a_file_of_another_format_or_a_newer_version_is_refused() {
    let other = Ledger::from_json(r#"{"format":"other","version":1}"#).expect_err("refused");
    assert_eq!(other.field.as_deref(), Some("format"));
    let newer = Ledger::from_json(r#"{"format":"xueshi-ledger","version":7}"#).expect_err("refused");
    assert!(newer.to_string().contains("升级"), "{newer}");
}

#[test]
fn an_unknown_kind_names_the_record_and_lists_the_kinds() {
    let (id, field, text) = refusal(json!({"id":"x1","kind":"poem","title":"诗","date":"2024-01-01"}));
    assert_eq!((id.as_deref(), field.as_deref()), (Some("x1"), Some("kind")));
    assert!(text.contains("online_course"), "{text}");
}

#[test]
fn an_impossible_date_is_refused() {
    let (id, field, text) = refusal(json!({"id":"d1","kind":"book","title":"书","date":"2024-02-30","role":"first"}));
    assert_eq!((id.as_deref(), field.as_deref()), (Some("d1"), Some("date")));
    assert!(text.contains("2024-02-30"), "{text}");
    let (_, field, _) = refusal(json!({"id":"d2","kind":"book","title":"书","date":"2024-2-3","role":"first"}));
    assert_eq!(field.as_deref(), Some("date"));
}

#[test]
fn negative_days_are_refused() {
    let (id, field, text) =
        refusal(json!({"id":"n1","kind":"training","title":"班","date":"2024-01-01","category":"public","days":-2}));
    assert_eq!((id.as_deref(), field.as_deref()), (Some("n1"), Some("days")));
    assert!(text.contains("负数"), "{text}");
}

#[test]
fn a_training_of_zero_days_is_refused() {
    let (_, field, text) =
        refusal(json!({"id":"z","kind":"training","title":"班","date":"2024-01-01","category":"public","days":0}));
    assert_eq!(field.as_deref(), Some("days"));
    assert!(text.contains("至少一项大于 0"), "{text}");
}

#[test]
fn a_missing_field_is_named() {
    let (id, field, text) =
        refusal(json!({"id":"m1","kind":"paper","title":"论文","date":"2024-01-01","role":"first"}));
    assert_eq!((id.as_deref(), field.as_deref()), (Some("m1"), Some("venue")));
    assert!(text.contains("缺少"), "{text}");
    let (_, field, _) = refusal(json!({"id":"m2","kind":"training","title":"班","date":"2024-01-01","days":1}));
    assert_eq!(field.as_deref(), Some("category"));
}

#[test]
fn a_misspelt_field_is_refused_rather_than_silently_dropped() {
    let (_, field, _) =
        refusal(json!({"id":"s","kind":"training","title":"班","date":"2024-01-01","category":"public","day":2}));
    assert_eq!(field.as_deref(), Some("day"));
}

#[test]
fn a_record_without_an_id_is_named_by_its_position() {
    let err = Ledger::from_json(&wrap(json!([{"kind":"book","title":"书","date":"2024-01-01","role":"first"}])))
        .expect_err("refused");
    assert_eq!(err.activity.as_deref(), Some("#1"));
}

#[test]
fn duplicate_ids_are_refused() {
    let book = json!({"id":"b","kind":"book","title":"书","date":"2024-01-01","role":"first"});
    let err = Ledger::from_json(&wrap(json!([book.clone(), book]))).expect_err("refused");
    assert!(err.to_string().contains("重复"), "{err}");
}

#[test]
fn an_end_before_the_start_and_a_posting_without_an_end_are_refused() {
    let (_, field, _) =
        refusal(json!({"id":"e","kind":"aid_posting","title":"援","date":"2024-05-01","end_date":"2024-01-01"}));
    assert_eq!(field.as_deref(), Some("end_date"));
    let (_, field, _) = refusal(json!({"id":"e","kind":"aid_posting","title":"援","date":"2024-05-01"}));
    assert_eq!(field.as_deref(), Some("end_date"));
}

#[test]
fn hours_with_more_than_two_decimals_or_of_the_wrong_type_are_refused() {
    let (_, field, _) = refusal(
        json!({"id":"h","kind":"online_course","title":"课","date":"2024-01-01","category":"public","hours":1.234}),
    );
    assert_eq!(field.as_deref(), Some("hours"));
    let (_, field, _) = refusal(
        json!({"id":"h","kind":"online_course","title":"课","date":"2024-01-01","category":"public","hours":"十"}),
    );
    assert_eq!(field.as_deref(), Some("hours"));
}

#[test]
fn a_category_on_a_kind_that_always_counts_as_professional_is_refused() {
    let (_, field, _) =
        refusal(json!({"id":"c","kind":"book","title":"书","date":"2024-01-01","role":"first","category":"public"}));
    assert_eq!(field.as_deref(), Some("category"));
}

#[test]
fn arbitrary_text_never_panics_the_reader() {
    for text in ["", "null", "[]", "{\"format\":\"xueshi-ledger\",\"version\":1,\"activities\":[1,2]}", "\u{0}", "{{{{"]
    {
        assert!(Ledger::from_json(text).is_err(), "{text:?}");
    }
}

#[test]
fn a_key_written_twice_in_one_object_is_refused_naming_the_key() {
    let text = r#"{"format":"xueshi-ledger","version":1,"activities":[
        {"id":"a","kind":"online_course","title":"网课","title":"另一个名称","date":"2024-03-01","category":"public","hours":10}]}"#;
    let err = Ledger::from_json(text).expect_err("refused").to_string();
    assert!(err.contains("title") && err.contains("重复"), "{err}");
    let top = r#"{"format":"xueshi-ledger","version":1,"activities":[],"activities":[]}"#;
    let err = Ledger::from_json(top).expect_err("refused").to_string();
    assert!(err.contains("activities") && err.contains("重复"), "{err}");
}

#[test]
fn the_same_key_in_different_objects_is_fine() {
    let text = r#"{"format":"xueshi-ledger","version":1,"profile":{"name":"张三"},"activities":[
        {"id":"a","kind":"online_course","title":"网课","date":"2024-03-01","category":"public","hours":10,
         "evidence":[{"file":"a.pdf","material":"结业证书"},{"file":"b.pdf","material":"结业证书"}]},
        {"id":"b","kind":"online_course","title":"网课","date":"2024-03-01","category":"public","hours":10}]}"#;
    assert_eq!(Ledger::from_json(text).expect("read").activities.len(), 2);
}
