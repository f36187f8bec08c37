//! Issue 9 in the store: the profile's city is one of Hunan's 14 市州 in its short form, a plan
//! keeps the unit's own window and where it comes from, and the new record fields (the platform
//! of a staff training, the task of a posting, the 学时 on a training's proof) survive the
//! database, the ledger JSON and a backup.

use crate::common::{add_without_evidence, data_dir, every_kind, open, quiet};
use rusqlite::Connection;
use rusqlite_migration::Migrations;
use xueshi_core::engine::YearSpan;
use xueshi_core::kinds::{AidTask, ApplicationPath, Level, Platform};
use xueshi_core::{Application, Detail, Hours, Ledger};
use xueshi_store::{BackupReason, DataDir, MIGRATIONS, PlannedApplication, Store};

#[test]
fn a_city_written_with_shi_is_saved_in_its_short_form() {
    let (_tmp, dir) = data_dir();
    let mut store = open(&dir);
    let mut profile = store.profile().expect("profile");
    profile.city = Some(" 湖南省常德市 ".into());
    store.set_profile(&profile).expect("saved");
    assert_eq!(store.profile().expect("profile").city.as_deref(), Some("常德"));
}

#[test]
fn a_city_outside_hunan_is_refused_with_the_fourteen_choices_and_nothing_is_saved() {
    let (_tmp, dir) = data_dir();
    let mut store = open(&dir);
    let mut profile = store.profile().expect("profile");
    profile.name = Some("湘小明".into());
    profile.city = Some("北京".into());
    let err = store.set_profile(&profile).expect_err("refused").to_string();
    assert!(err.contains("北京") && err.contains("不是湖南省的市州"), "{err}");
    assert!(err.contains(&xueshi_core::cities::choices()), "{err}");
    assert_eq!(store.profile().expect("profile").name, None, "nothing saved");
}

#[test]
fn an_empty_city_is_no_city() {
    let (_tmp, dir) = data_dir();
    let mut store = open(&dir);
    let mut profile = store.profile().expect("profile");
    profile.city = None;
    store.set_profile(&profile).expect("saved");
    assert_eq!(store.profile().expect("profile").city, None);
}

fn intermediate_2026() -> Application {
    Application::new(2026, Level::Intermediate, ApplicationPath::Standard)
}

#[test]
fn a_plan_keeps_the_units_window_and_where_it_comes_from() {
    let (_tmp, dir) = data_dir();
    let mut store = open(&dir);
    let mut application = intermediate_2026();
    application.window = Some(YearSpan { from: 2023, to: 2026 });
    let plan =
        PlannedApplication { application, rules: None, window_source: Some("本院2026年职称评审通知".into()) };
    store.plan_application(&plan).expect("planned");
    drop(store);
    let store = open(&dir);
    assert_eq!(store.applications().expect("plans"), [plan]);
}

#[test]
fn a_window_that_does_not_end_by_the_application_year_is_refused_and_no_plan_is_kept() {
    let (_tmp, dir) = data_dir();
    let mut store = open(&dir);
    let mut application = intermediate_2026();
    application.window = Some(YearSpan { from: 2025, to: 2027 });
    let plan = PlannedApplication { application, rules: None, window_source: Some("本院通知".into()) };
    let err = store.plan_application(&plan).expect_err("refused").to_string();
    assert!(!err.is_empty() && !err.is_ascii(), "a Chinese reason: {err}");
    assert!(store.applications().expect("plans").is_empty());
}

/// A data folder whose database was written at schema version 1 with `city` in the profile.
fn schema_1_with_city(city: &str) -> (tempfile::TempDir, DataDir) {
    let (tmp, dir) = data_dir();
    std::fs::create_dir_all(dir.root()).expect("folder");
    let mut conn = Connection::open(dir.database()).expect("database created");
    Migrations::from_slice(&MIGRATIONS[..1]).to_latest(&mut conn).expect("migration 1 applies");
    conn.execute("INSERT INTO profile (id, name, city) VALUES (1, '湘小红', ?1)", [city]).expect("profile written");
    (tmp, dir)
}

#[test]
fn a_schema_1_database_with_changde_shi_opens_with_changde() {
    let (_tmp, dir) = schema_1_with_city("常德市");
    let store = open(&dir);
    assert_eq!(store.profile().expect("profile").city.as_deref(), Some("常德"));
}

#[test]
fn a_schema_1_database_with_beijing_opens_with_no_city_and_the_change_log_keeps_beijing() {
    let (_tmp, dir) = schema_1_with_city("北京");
    let store = open(&dir);
    let profile = store.profile().expect("profile");
    assert_eq!((profile.name.as_deref(), profile.city), (Some("湘小红"), None));
    let changes = store.changes(50).expect("log");
    let cleared = changes
        .iter()
        .find(|c| c.entity == "profile" && c.action == "update")
        .expect("the migration's change is logged");
    assert_eq!(cleared.before.as_ref().and_then(|b| b["city"].as_str()), Some("北京"));
    assert!(cleared.after.as_ref().is_some_and(|a| a["city"].is_null()));
}

/// The three new facts as `every_kind.json` has them.
fn assert_new_fields(ledger: &Ledger) {
    let detail = |id: &str| ledger.activities.iter().find(|a| a.id == id).map(|a| a.detail.clone());
    assert_eq!(
        detail("2024-001"),
        Some(Detail::Sessions { days: 3, half_days: 1, evenings: 2, hours: Some(Hours::whole(24)) })
    );
    assert_eq!(detail("2024-005"), Some(Detail::Hours { hours: Hours::whole(12), platform: Some(Platform::Unified) }));
    assert_eq!(detail("2023-004"), Some(Detail::Posting { task: Some(AidTask::Sanyuan) }));
}

#[test]
fn the_platform_the_task_and_the_hours_on_the_proof_are_stored_and_read_back() {
    let (_tmp, dir) = data_dir();
    let mut store = open(&dir);
    add_without_evidence(&mut store, &every_kind());
    drop(store);
    assert_new_fields(&open(&dir).ledger().expect("ledger"));
}

#[test]
fn the_new_fields_survive_a_ledger_json_export_and_import() {
    let tmp = tempfile::tempdir().expect("tmp");
    let source = DataDir::new(tmp.path().join("源"));
    let mut store = Store::open_with(&source, quiet()).expect("opens");
    add_without_evidence(&mut store, &every_kind());
    let out = tmp.path().join("导出");
    store.export_folder(&out).expect("exported");
    let json = std::fs::read_to_string(out.join("ledger.json")).expect("ledger.json written");
    assert!(json.contains("\"platform\": \"unified\"") && json.contains("\"task\": \"sanyuan\""), "{json}");
    let (_t2, empty) = data_dir();
    let mut copy = Store::open_with(&empty, quiet()).expect("opens");
    copy.import_ledger(&out).expect("imported");
    assert_new_fields(&copy.ledger().expect("ledger"));
}

#[test]
fn the_new_fields_survive_a_backup_and_its_restore() {
    let (_tmp, dir) = data_dir();
    let mut store = Store::open_with(&dir, quiet()).expect("opens");
    add_without_evidence(&mut store, &every_kind());
    let mut application = intermediate_2026();
    application.window = Some(YearSpan { from: 2023, to: 2026 });
    let plan = PlannedApplication { application, rules: None, window_source: Some("本单位通知".into()) };
    store.plan_application(&plan).expect("planned");
    let saved = store.backup(BackupReason::Manual).expect("backed up");
    for a in every_kind().activities {
        store.remove_activity(&a.id).expect("removed");
    }
    store.remove_application(&plan.application).expect("plan removed");
    store.restore(&saved).expect("restored");
    assert_new_fields(&store.ledger().expect("ledger"));
    assert_eq!(store.applications().expect("plans"), [plan]);
}
