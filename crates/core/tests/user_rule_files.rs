//! A user's own rule file may add a set or extend a built-in one, but never take the id of an
//! official notice (it would silently replace it in every assessment), and its mistakes are
//! reported in a few words, whatever number it holds.

use xueshi_core::RuleBook;

const OWN: &str = r#"
id = "mine-2027"
name = "某市2027年通知"
issuer = "某市人社局"
governs = [2027]
extends = "hunan-2026"
source = "mine.txt"
"#;

fn builtin() -> RuleBook {
    RuleBook::builtin().expect("built-in rules load")
}

#[test]
fn a_user_rule_file_cannot_take_the_id_of_a_built_in_notice() {
    let mut book = builtin();
    let official = book.get("hunan-2024").expect("built in").clone();
    let text =
        OWN.replace("mine-2027", "hunan-2024").replace("extends = \"hunan-2026\"\n", "extends = \"hunan-2021\"\n");
    let err = book.add_file("mine.toml", &text).expect_err("shadowing refused");
    assert_eq!((err.file.as_str(), err.line, err.field.as_str()), ("mine.toml", 2, "id"));
    assert!(err.message.contains("内置") && err.message.contains("hunan-2024"), "{err}");
    assert_eq!(book.get("hunan-2024"), Some(&official), "the official notice is unchanged");
}

#[test]
fn a_built_in_file_being_edited_can_still_be_checked() {
    let (file, text) = RuleBook::builtin_files().iter().find(|(f, _)| *f == "hunan-2024.toml").expect("built in");
    let set = RuleBook::check_file(file, text).expect("a built-in file checks");
    assert_eq!(set.id, "hunan-2024");
}

#[test]
fn a_user_file_may_be_loaded_again_under_its_own_id() {
    let mut book = builtin();
    book.add_file("mine.toml", OWN).expect("first load");
    book.add_file("mine.toml", &OWN.replace("某市2027年通知", "某市2027年通知（修订）")).expect("reloaded");
    assert_eq!(book.get("mine-2027").map(|s| s.name.as_str()), Some("某市2027年通知（修订）"));
}

#[test]
fn an_absurd_number_of_hours_is_reported_in_a_few_characters() {
    let text = format!(
        "{OWN}\n[requirement]\nid = \"r\"\ntotal = 1e308\nprofessional = 1\nboth_parts = false\nquote = \"q\"\n"
    );
    let err = RuleBook::check_file("mine.toml", &text).expect_err("refused");
    assert!(err.message.contains("1e308") && err.message.contains("1000"), "{err}");
    assert!(err.to_string().len() < 200, "{} bytes: {err}", err.to_string().len());
}
