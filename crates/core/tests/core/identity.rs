//! 预审 of the text read from evidence files: a 身份证号 or a labelled 姓名 that is not the
//! profile's is found, names the record and the file, and masks the numbers; a file that names the
//! person, a profile without the field, or a text without a label or number gives nothing.

use serde_json::{Value, json};
use xueshi_core::engine::{Application, assess};
use xueshi_core::id_number;
use xueshi_core::kinds::{ApplicationPath, FindingKind, Level};
use xueshi_core::review::{EvidenceText, Finding, review};
use xueshi_core::{Ledger, RuleBook};

const OWN_ID: &str = "430102198805161237";
const OTHER_ID: &str = "430103199001011234";

/// The identity findings for one training whose certificate `结业证书.pdf` reads `text`, with
/// `profile` as the person.
fn identity_findings(profile: Value, text: &str) -> Vec<Finding> {
    let book = RuleBook::builtin().expect("rules");
    let rules = book.get("hunan-2024").expect("set");
    let ledger = Ledger::from_value(&json!({"format":"xueshi-ledger","version":1,"profile":profile,"activities":[
        {"id":"t1","kind":"training","title":"数字化研修班","date":"2023-05-12","end_date":"2023-05-13",
         "category":"professional","days":2,
         "evidence":[{"file":"证明/结业证书.pdf","material":"结业证书","sha256":"a".repeat(64)}]}]}))
    .expect("valid ledger");
    let assessment =
        assess(&ledger, rules, &Application::new(2024, Level::Senior, ApplicationPath::Standard)).expect("assessment");
    let texts = [EvidenceText { activity: "t1".into(), file: "证明/结业证书.pdf".into(), text: text.into() }];
    review(&ledger, rules, &assessment, &texts)
        .into_iter()
        .filter(|f| matches!(f.kind, FindingKind::EvidenceIdMismatch | FindingKind::EvidenceNameMismatch))
        .collect()
}

fn wang() -> Value {
    json!({"name":"王晓梅","id_number":OWN_ID})
}

#[test]
fn the_check_character_makes_a_number_an_id_number_and_the_mask_keeps_six_and_four() {
    assert!(id_number::is_valid(OWN_ID) && id_number::is_valid("11010519491231002x"));
    assert!(!id_number::is_valid("430102198805161234") && !id_number::is_valid("43010219880516123"));
    assert_eq!(id_number::find_in("证号４３０１０２１９８８０５１６１２３７，另 430102198805161234"), [OWN_ID]);
    assert_eq!(id_number::mask(OWN_ID), "430102********1237");
}

#[test]
fn an_id_number_in_a_certificate_that_is_not_the_profiles_is_found_masked_with_the_record_and_file() {
    let found = identity_findings(wang(), &format!("结业证书\n学员姓名：王晓梅\n身份证号：{OTHER_ID}\n"));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].kind, found[0].records.as_slice()), (FindingKind::EvidenceIdMismatch, &["t1".to_owned()][..]));
    let message = &found[0].message;
    assert!(
        message.starts_with("2023年5月12日《数字化研修班》的“结业证书.pdf”上的身份证号是 430103********1234"),
        "{message}"
    );
    assert!(message.contains("个人信息中是 430102********1237（从第 6 位起不同）"), "{message}");
    assert!(!message.contains(OTHER_ID) && !message.contains(OWN_ID) && !message.contains("证明/"), "{message}");
    assert!(found[0].action.contains("个人信息"), "{}", found[0].action);
}

#[test]
fn a_labelled_name_that_is_not_the_profiles_is_found_with_both_names() {
    for text in ["学员姓名：李四\n身份证号：", "姓 名 李四 性别 男", "证书\n姓名:李四性别：女", "参训人员姓名： 李 四"]
    {
        let found = identity_findings(wang(), text);
        let kinds: Vec<FindingKind> = found.iter().map(|f| f.kind).collect();
        if text.contains("李 四") {
            assert_eq!(kinds, [], "a name spaced apart is not taken for another: {text}");
            continue;
        }
        assert_eq!(kinds, [FindingKind::EvidenceNameMismatch], "{text}");
        assert!(found[0].message.ends_with("上写的姓名是“李四”，个人信息中是“王晓梅”"), "{}", found[0].message);
    }
}

#[test]
fn a_certificate_that_names_the_person_is_not_questioned_however_its_label_is_spaced() {
    for text in [
        format!("结业证书\n学员姓名：王晓梅\n身份证号：{OWN_ID}"),
        format!("姓 名 王 晓 梅 身份证号 {}", OWN_ID.to_lowercase()),
        format!("姓名：王晓梅 签发人姓名：赵六\n负责人 身份证号 {OTHER_ID} 学员身份证号 {OWN_ID}"),
    ] {
        assert_eq!(identity_findings(wang(), &text), [], "{text}");
    }
}

#[test]
fn nothing_is_found_when_the_profile_lacks_the_name_and_the_id_number() {
    let text = format!("学员姓名：李四\n身份证号：{OTHER_ID}");
    assert_eq!(identity_findings(json!({}), &text), []);
    let only_name = identity_findings(json!({"name":"王晓梅"}), &text);
    assert_eq!(only_name.iter().map(|f| f.kind).collect::<Vec<_>>(), [FindingKind::EvidenceNameMismatch]);
}

#[test]
fn a_text_without_a_label_or_a_valid_id_number_gives_nothing() {
    for text in [
        "请核对姓名与身份证号是否一致",
        "姓名 性别 工作单位 学时",
        "李四同志参加了培训，证书编号 430102198805161234",
        "",
    ] {
        assert_eq!(identity_findings(wang(), text), [], "{text}");
    }
}
