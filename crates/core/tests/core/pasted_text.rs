//! Text pasted from WeChat or a web page carries invisible characters (zero-width spaces, a byte
//! order mark, soft hyphens, direction marks): every field is cleaned as it is read, so nothing
//! invisible reaches the database, the PDF or a file name. Text fields have sensible lengths.

use serde_json::{Value, json};
use xueshi_core::Ledger;

fn ledger(profile: Value, activity: Value) -> Result<Ledger, xueshi_core::LedgerError> {
    Ledger::from_value(&json!({"format":"xueshi-ledger","version":1,"profile":profile,"activities":[activity]}))
}

fn training(title: &str) -> Value {
    json!({"id":"a1","kind":"training","title":title,"date":"2024-05-01","category":"public","days":1})
}

#[test]
fn zero_width_characters_and_a_byte_order_mark_pasted_into_a_title_are_removed() {
    let read =
        ledger(json!({}), training("\u{FEFF}数字化\u{200B}转型\u{200C}研修\u{200D}班\u{2060}\u{00AD}")).expect("valid");
    assert_eq!(read.activities[0].title, "数字化转型研修班");
}

#[test]
fn direction_overrides_and_control_characters_are_removed_from_a_title() {
    let read = ledger(json!({}), training("\u{202E}培训\u{1b}[31m班\u{2066}\u{200F}\u{7}")).expect("valid");
    assert_eq!(read.activities[0].title, "培训[31m班");
}

#[test]
fn non_breaking_spaces_become_ordinary_spaces_and_the_ends_are_trimmed() {
    let read = ledger(json!({}), training("\u{3000} 中南大学\u{A0}研修班\u{202F}2024 \u{A0}")).expect("valid");
    assert_eq!(read.activities[0].title, "中南大学 研修班 2024");
}

#[test]
fn a_full_width_space_inside_a_name_is_kept() {
    let read = ledger(json!({"name":"王\u{3000}芳\u{200B}"}), training("培训")).expect("valid");
    assert_eq!(read.profile.name.as_deref(), Some("王\u{3000}芳"));
}

#[test]
fn a_note_keeps_its_line_breaks_but_a_title_does_not() {
    let mut activity = training("第一行\r\n第二行");
    activity["note"] = json!("第一行\r\n第二行\u{2028}第三行\t完");
    let read = ledger(json!({}), activity).expect("valid");
    assert_eq!(read.activities[0].title, "第一行 第二行");
    assert_eq!(read.activities[0].note.as_deref(), Some("第一行\n第二行\n第三行 完"));
}

#[test]
fn a_title_of_nothing_but_invisible_characters_is_empty() {
    let err = ledger(json!({}), training("\u{200B}\u{FEFF} ")).expect_err("refused");
    assert_eq!(err.field.as_deref(), Some("title"));
    assert!(err.message.contains("不能为空"), "{err}");
}

#[test]
fn an_evidence_file_name_is_kept_exactly_as_it_is_on_disk() {
    let mut activity = training("培训");
    activity["evidence"] = json!([{"file":"证书\u{200B}.pdf","material":"结业证书\u{200B}"}]);
    let read = ledger(json!({}), activity).expect("valid");
    assert_eq!(read.activities[0].evidence[0].file, "证书\u{200B}.pdf");
    assert_eq!(read.activities[0].evidence[0].material, "结业证书");
}

#[test]
fn a_title_over_two_hundred_characters_is_refused_naming_the_field_in_chinese() {
    let err = ledger(json!({}), training(&"长".repeat(201))).expect_err("refused");
    assert_eq!(err.field.as_deref(), Some("title"));
    assert!(err.message.contains("名称") && err.message.contains("200"), "{err}");
    assert!(ledger(json!({}), training(&"长".repeat(200))).is_ok(), "200 characters are allowed");
}

#[test]
fn an_eight_megabyte_title_is_refused_without_repeating_it() {
    let err = ledger(json!({}), training(&"x".repeat(8 << 20))).expect_err("refused");
    assert!(err.to_string().len() < 300, "the message stays short: {} bytes", err.to_string().len());
}

#[test]
fn every_text_field_has_a_limit_named_in_chinese() {
    let long = "字".repeat(5000);
    let cases: Vec<(Value, Value, &str)> = vec![
        (json!({"name": long}), training("培训"), "姓名"),
        (json!({"employer": long}), training("培训"), "工作单位"),
        (json!({"certificate_number": long}), training("培训"), "登记手册编号"),
        (json!({"id_number": long}), training("培训"), "身份证号"),
        (
            json!({}),
            json!({"id":"a1","kind":"training","title":"t","date":"2024-05-01","category":"public","days":1,"provider":long}),
            "施教机构",
        ),
        (
            json!({}),
            json!({"id":"a1","kind":"training","title":"t","date":"2024-05-01","category":"public","days":1,"note":long}),
            "备注",
        ),
        (
            json!({}),
            json!({"id":long,"kind":"training","title":"t","date":"2024-05-01","category":"public","days":1}),
            "编号",
        ),
        (json!({}), json!({"id":"a1","kind":long,"title":"t","date":"2024-05-01"}), "形式"),
        (json!({}), json!({"id":"a1","kind":"training","title":"t","date":long,"category":"public","days":1}), "日期"),
    ];
    for (profile, activity, label) in cases {
        let err = ledger(profile, activity).expect_err("refused");
        let text = err.to_string();
        assert!(text.contains(label) && text.contains("最多"), "{label}: {text}");
        assert!(text.len() < 400, "{label}: the value is not repeated ({} bytes)", text.len());
    }
}

#[test]
fn an_absurd_number_of_days_says_it_is_too_large_not_that_it_is_not_whole() {
    let mut activity = training("培训");
    activity["days"] = json!(1e308);
    let err = ledger(json!({}), activity).expect_err("refused");
    assert!(err.message.contains("过大") && err.message.contains("366"), "{err}");
}

#[test]
fn absurd_hours_are_refused_with_the_range() {
    let activity =
        json!({"id":"a1","kind":"online_course","title":"t","date":"2024-05-01","category":"public","hours":1e308});
    let err = ledger(json!({}), activity).expect_err("refused");
    assert!(err.message.contains("过大") && err.message.contains("1000"), "{err}");
    assert!(err.to_string().len() < 200, "{err}");
}
