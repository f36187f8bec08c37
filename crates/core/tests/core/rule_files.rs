//! The built-in rule files: every quote is the notice's own words, inheritance fills in what a
//! set takes from its parent, the default set per year is the governing one, and a broken rule file
//! is refused with its file, line, column and field.

use std::path::Path;

use xueshi_core::kinds::{ActivityKind, ApplicationPath, Level};
use xueshi_core::{Hours, RuleBook, RuleError};

fn book() -> RuleBook {
    RuleBook::builtin().expect("built-in rules load")
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn source(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules/sources").join(name);
    squeeze(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

#[test]
fn every_quote_is_found_word_for_word_in_its_source_notice() {
    let book = book();
    let mut checked = 0;
    for set in book.sets() {
        let own = |origin: &str| origin == set.id;
        let text = source(&set.source);
        let mut quotes: Vec<(&str, String)> = Vec::new();
        if own(&set.requirement.origin.set) {
            quotes.push((&set.requirement.id, set.requirement.quote.clone()));
        }
        for w in set.windows.iter().filter(|w| own(&w.origin.set)) {
            let text = w.source.as_deref().map_or_else(|| text.clone(), source);
            assert!(text.contains(&squeeze(&w.quote)), "{}/{}: quote not in source", set.id, w.id);
            checked += 1;
        }
        quotes.extend(set.conversions.iter().filter(|c| own(&c.origin.set)).map(|c| (c.id.as_str(), c.quote.clone())));
        quotes.extend(set.evidence.iter().filter(|e| own(&e.origin.set)).map(|e| (e.id.as_str(), e.quote.clone())));
        quotes.extend(set.themes.iter().filter(|t| own(&t.origin.set)).map(|t| ("theme", t.quote.clone())));
        quotes.extend(set.periods.iter().filter(|p| own(&p.origin.set)).map(|p| (p.id.as_str(), p.quote.clone())));
        quotes.extend(set.advice.iter().filter(|a| own(&a.origin.set)).map(|a| (a.id.as_str(), a.quote.clone())));
        quotes.extend(set.platforms.iter().filter(|p| own(&p.origin.set)).map(|p| (p.host.as_str(), p.quote.clone())));
        for (id, quote) in quotes {
            assert!(text.contains(&squeeze(&quote)), "{}/{id}: quote not found in {}: {quote}", set.id, set.source);
            checked += 1;
        }
    }
    assert!(checked > 150, "only {checked} quotes checked");
}

#[test]
fn the_six_notices_are_built_in_with_their_document_numbers() {
    let book = book();
    let ids: Vec<&str> = book.sets().iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["hunan-2017", "hunan-2020", "hunan-2021", "hunan-2024", "changde-2024", "hunan-2026"]);
    let doc = |id: &str| book.get(id).and_then(|s| s.doc_number.clone());
    assert_eq!(doc("hunan-2017").as_deref(), Some("湘人社函〔2017〕40号"));
    assert_eq!(doc("hunan-2020").as_deref(), Some("湘人社函〔2020〕11号"));
    assert_eq!(doc("hunan-2021").as_deref(), Some("湘人社函〔2021〕29号"));
    assert_eq!(doc("hunan-2024").as_deref(), Some("湘人社办函〔2024〕21号"));
    assert_eq!(book.get("changde-2024").and_then(|s| s.city.clone()).as_deref(), Some("常德"));
}

#[test]
fn hunan_2021_takes_its_conversion_table_and_materials_from_the_2020_notice() {
    let book = book();
    let set = book.get("hunan-2021").expect("hunan-2021");
    assert_eq!(set.extends.as_deref(), Some("hunan-2020"));
    assert!(!set.conversions.is_empty());
    assert!(set.conversions.iter().all(|c| c.origin.set == "hunan-2020"));
    assert!(set.conversions.iter().all(|c| c.origin.doc_number.as_deref() == Some("湘人社函〔2020〕11号")));
    assert_eq!(set.evidence_for(ActivityKind::Training).map(|e| e.origin.set.as_str()), Some("hunan-2020"));
    // …but its requirement is its own: both parts must be met.
    assert_eq!(set.requirement.origin.set, "hunan-2021");
    assert!(set.requirement.both_parts);
    assert!(!book.get("hunan-2020").expect("2020").requirement.both_parts);
}

#[test]
fn changde_2024_adds_its_own_windows_and_staff_training_to_the_provincial_2024_set() {
    let book = book();
    let set = book.get("changde-2024").expect("changde-2024");
    let window = |level| set.window(level, ApplicationPath::Standard).map(|w| (w.from, w.to, w.origin.set.as_str()));
    assert_eq!(window(Level::Senior), Some((-5, -1, "hunan-2024")));
    assert_eq!(window(Level::Intermediate), Some((-3, 0, "changde-2024")));
    assert_eq!(window(Level::Junior), Some((0, 0, "changde-2024")));
    assert!(set.credits_kind(ActivityKind::StaffTraining));
    assert!(!book.get("hunan-2024").expect("2024").credits_kind(ActivityKind::StaffTraining));
    assert!(set.credits_kind(ActivityKind::Paper), "the table is inherited");
    assert_eq!(set.requirement.total, Hours::whole(90));
}

#[test]
fn the_default_set_is_the_one_governing_the_year_or_else_the_latest_earlier_one() {
    let book = book();
    let pick = |year, city| book.default_for(year, city).map(|s| (s.id, s.assumed));
    assert_eq!(pick(2020, None), Some(("hunan-2020".into(), false)));
    assert_eq!(pick(2021, None), Some(("hunan-2021".into(), false)));
    assert_eq!(pick(2023, None), Some(("hunan-2021".into(), true)));
    assert_eq!(pick(2024, None), Some(("hunan-2024".into(), false)));
    assert_eq!(pick(2024, Some("常德")), Some(("changde-2024".into(), false)));
    assert_eq!(pick(2025, None), Some(("hunan-2024".into(), true)));
    assert_eq!(pick(2018, None), Some(("hunan-2017".into(), true)));
    assert_eq!(pick(2026, Some("长沙")), Some(("hunan-2026".into(), false)));
    assert_eq!(pick(2030, None), Some(("hunan-2026".into(), true)));
    assert_eq!(pick(2016, None), None);
    let reason = book.default_for(2025, None).expect("2025").reason;
    assert!(reason.contains("推定") && reason.contains("2024"), "{reason}");
}

const MINIMAL: &str = r#"
id = "mine-2027"
name = "某市2027年通知"
issuer = "某市人社局"
governs = [2027]
extends = "hunan-2026"
source = "mine.txt"
"#;

fn check(text: &str) -> Result<String, RuleError> {
    RuleBook::check_file("mine.toml", text).map(|s| s.id)
}

#[test]
fn a_users_own_rule_file_can_extend_a_built_in_set_without_rebuilding() {
    let text = format!(
        "{MINIMAL}\n[[conversion]]\nid = \"c1\"\nkinds = [\"paper\"]\nunit = \"per_item\"\nhours = 40\ncategory = \"professional\"\nquote = \"论文每篇 40 学时\"\n"
    );
    let mut book = book();
    let id = book.add_file("mine.toml", &text).expect("valid file");
    let set = book.get(&id).expect("loaded");
    assert_eq!(
        set.conversions.iter().find(|c| c.kinds.contains(&ActivityKind::Paper)).map(|c| c.hours),
        Some(Hours::whole(40))
    );
    assert!(set.credits_kind(ActivityKind::SkillContest), "other clauses come from hunan-2026");
    assert_eq!(book.default_for(2027, None).map(|s| s.id), Some("mine-2027".into()));
}

#[test]
fn an_unknown_key_is_refused_with_its_line_column_and_field() {
    let text = format!("{MINIMAL}\n[requirement]\nid = \"r\"\ntotal = 90\nprofesional = 60\n");
    let err = check(&text).expect_err("typo refused");
    assert_eq!((err.file.as_str(), err.line), ("mine.toml", 12));
    assert_eq!(err.column, 1);
    assert!(err.message.contains("无法识别的字段") && err.message.contains("profesional"), "{err}");
    assert!(err.to_string().starts_with("规则文件“mine.toml”第 12 行第 1 列："), "{err}");
}

#[test]
fn a_wrong_type_is_refused_naming_the_field() {
    let text = format!(
        "{MINIMAL}\n[requirement]\nid = \"r\"\ntotal = \"ninety\"\nprofessional = 60\nboth_parts = true\nquote = \"q\"\n"
    );
    let err = check(&text).expect_err("string for a number refused");
    assert_eq!((err.line, err.field.as_str()), (11, "requirement.total"));
    assert!(err.message.contains("类型错误"), "{err}");
}

#[test]
fn negative_and_absurd_hours_are_refused() {
    let clause = |hours: &str| {
        format!(
            "{MINIMAL}\n[[conversion]]\nid = \"c1\"\nkinds = [\"paper\"]\nunit = \"per_item\"\nhours = {hours}\ncategory = \"professional\"\nquote = \"q\"\n"
        )
    };
    let negative = check(&clause("-10")).expect_err("negative refused");
    assert_eq!((negative.line, negative.column, negative.field.as_str()), (13, 9, "conversion[0].hours"));
    assert!(negative.message.contains("负数"), "{negative}");
    let absurd = check(&clause("90000")).expect_err("absurd refused");
    assert!(absurd.message.contains("过大"), "{absurd}");
}

#[test]
fn a_window_reaching_past_the_application_year_is_refused() {
    let text = format!("{MINIMAL}\n[[window]]\nid = \"w\"\nlevels = [\"senior\"]\nfrom = -5\nto = 2\nquote = \"q\"\n");
    let err = check(&text).expect_err("future window refused");
    assert_eq!(err.field, "window[0].to");
}

#[test]
fn an_unknown_activity_kind_is_refused_with_the_choices() {
    let text = format!(
        "{MINIMAL}\n[[conversion]]\nid = \"c1\"\nkinds = [\"poem\"]\nunit = \"per_item\"\nhours = 1\ncategory = \"professional\"\nquote = \"q\"\n"
    );
    let err = check(&text).expect_err("unknown kind refused");
    assert_eq!(err.field, "conversion[0].kinds");
    assert!(err.message.contains("poem") && err.message.contains("training"), "{err}");
}

#[test]
fn a_missing_parent_is_refused_at_the_extends_line() {
    let err = check(&MINIMAL.replace("hunan-2026", "hunan-2099")).expect_err("missing parent refused");
    assert_eq!((err.line, err.field.as_str()), (6, "extends"));
    assert!(err.message.contains("hunan-2099"), "{err}");
}

#[test]
fn an_extends_cycle_is_refused() {
    let mut book = book();
    let a = MINIMAL.replace("mine-2027", "cycle-a").replace("hunan-2026", "cycle-b");
    let b = MINIMAL.replace("mine-2027", "cycle-b").replace("hunan-2026", "cycle-a");
    let err = book.add_files(&[("a.toml", &a), ("b.toml", &b)]).expect_err("two-file cycle refused");
    assert!(err.message.contains("cycle-a → cycle-b") || err.message.contains("cycle-b → cycle-a"), "{err}");
    assert_eq!((err.line, err.field.as_str()), (6, "extends"));
    let text = format!("{}\n", MINIMAL.replace("mine-2027", "self-loop").replace("hunan-2026", "self-loop"));
    let err = book.add_file("loop.toml", &text).expect_err("self cycle refused");
    assert!(err.message.contains("成环") && err.message.contains("self-loop → self-loop"), "{err}");
    assert_eq!(err.field, "extends");
}

#[test]
fn a_set_with_no_requirement_and_no_parent_is_refused() {
    let err = check(&MINIMAL.replace("extends = \"hunan-2026\"\n", "")).expect_err("no requirement refused");
    assert_eq!(err.field, "requirement");
}

#[test]
fn a_broken_file_leaves_the_book_unchanged() {
    let mut book = book();
    let before = book.sets().len();
    assert!(book.add_file("bad.toml", "id = ").is_err());
    assert_eq!(book.sets().len(), before);
}

#[test]
fn an_assumption_in_a_rule_file_must_say_why() {
    let requirement = format!(
        "{MINIMAL}\n[requirement]\nid = \"r\"\ntotal = 90\nprofessional = 60\nboth_parts = true\nassumed = true\nquote = \"q\"\n"
    );
    let err = check(&requirement).expect_err("an assumed requirement without a note");
    assert!(err.message.contains("note"), "{err}");
    let several = format!(
        "{MINIMAL}\n[[conversion]]\nid = \"c\"\nkinds = [\"degree_course\"]\nunit = \"per_unit\"\nhours = 30\ncategory = \"professional\"\nseveral_units_assumed = true\nquote = \"q\"\n"
    );
    assert!(check(&several).expect_err("no note").message.contains("note"));
    let also = format!(
        "{MINIMAL}\n[[window]]\nid = \"w\"\nlevels = [\"junior\"]\nfrom = 0\nto = 0\nalso_checked = [0]\nquote = \"q\"\nnote = \"n\"\n"
    );
    assert!(check(&also).expect_err("a year already in the window").message.contains("also_checked"));
}

#[test]
fn a_rule_files_advice_is_what_the_user_reads_when_a_kind_earns_nothing() {
    let text = format!(
        "{MINIMAL}\n[[advice]]\nid = \"a\"\nkinds = [\"overseas_exchange\"]\nmessage = \"请按天数记作学术交流\"\nquote = \"q\"\n"
    );
    let mut book = book();
    let id = book.add_file("mine.toml", &text).expect("valid file");
    let set = book.get(&id).expect("loaded");
    assert_eq!(
        set.advice_for(ActivityKind::OverseasExchange).map(|a| a.message.as_str()),
        Some("请按天数记作学术交流")
    );
    assert!(set.advice_for(ActivityKind::StaffTraining).is_some(), "the rest is inherited from hunan-2026");
    let empty = format!("{MINIMAL}\n[[advice]]\nid = \"a\"\nkinds = [\"paper\"]\nmessage = \" \"\nquote = \"q\"\n");
    assert!(check(&empty).is_err());
}

#[test]
fn a_level_a_set_states_no_window_for_borrows_the_latest_stated_one_and_marks_it_assumed() {
    let book = book();
    let set = book.get("hunan-2026").expect("set");
    assert!(set.own_window(Level::Intermediate, ApplicationPath::Standard).is_none());
    let w = set.window(Level::Intermediate, ApplicationPath::Standard).expect("borrowed");
    assert_eq!((w.origin.set.as_str(), w.from, w.to, w.assumed), ("changde-2024", -3, 0, true));
    assert!(
        w.note.as_deref().is_some_and(|n| n.contains("本单位") && !n.contains("--")),
        "no command-line flag in text the app shows"
    );
    let changde = book.get("changde-2024").expect("set");
    assert!(
        changde.borrowed_windows.is_empty()
            || changde.own_window(Level::Intermediate, ApplicationPath::Standard).is_some()
    );
}

// A user's own rule file may add a set or extend a built-in one, but never take the id of an
// official notice (it would silently replace it in every assessment), and its mistakes are
// reported in a few words, whatever number it holds.

#[test]
fn a_user_rule_file_cannot_take_the_id_of_a_built_in_notice() {
    let mut book = book();
    let official = book.get("hunan-2024").expect("built in").clone();
    let text =
        MINIMAL.replace("mine-2027", "hunan-2024").replace("extends = \"hunan-2026\"\n", "extends = \"hunan-2021\"\n");
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
    let mut book = book();
    book.add_file("mine.toml", MINIMAL).expect("first load");
    book.add_file("mine.toml", &MINIMAL.replace("某市2027年通知", "某市2027年通知（修订）")).expect("reloaded");
    assert_eq!(book.get("mine-2027").map(|s| s.name.as_str()), Some("某市2027年通知（修订）"));
}

#[test]
fn an_absurd_number_of_hours_is_reported_in_a_few_characters() {
    let text = format!(
        "{MINIMAL}\n[requirement]\nid = \"r\"\ntotal = 1e308\nprofessional = 1\nboth_parts = false\nquote = \"q\"\n"
    );
    let err = RuleBook::check_file("mine.toml", &text).expect_err("refused");
    assert!(err.message.contains("1e308") && err.message.contains("1000"), "{err}");
    assert!(err.to_string().len() < 200, "{} bytes: {err}", err.to_string().len());
}
