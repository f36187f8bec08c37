//! The records: profile, activities of every kind, planned applications, yearly confirmations and
//! the change log, through the library API.

use crate::common::{data_dir, every_kind, open};
use chrono::NaiveDate;
use xueshi_core::kinds::{ApplicationPath, Level};
use xueshi_core::{Activity, Application, Ledger};
use xueshi_store::{PlannedApplication, StoreError, YearConfirmation};

fn store_with_every_kind() -> (tempfile::TempDir, xueshi_store::Store, Ledger) {
    let (tmp, dir) = data_dir();
    let mut store = open(&dir);
    let ledger = every_kind();
    store.set_profile(&ledger.profile).expect("profile saved");
    for a in &ledger.activities {
        let mut bare = a.clone();
        bare.evidence.clear();
        store.add_activity(&bare).expect("activity added");
    }
    (tmp, store, ledger)
}

fn without_evidence(ledger: &Ledger) -> Ledger {
    let mut l = ledger.clone();
    for a in &mut l.activities {
        a.evidence.clear();
    }
    l
}

#[test]
fn every_kind_and_field_of_the_ledger_format_is_stored_and_read_back_unchanged() {
    let (_tmp, store, ledger) = store_with_every_kind();
    assert_eq!(store.ledger().expect("ledger read"), without_evidence(&ledger));
}

#[test]
fn records_survive_closing_and_reopening_the_data_folder() {
    let (tmp, dir) = data_dir();
    let ledger = every_kind();
    {
        let mut store = open(&dir);
        store.set_profile(&ledger.profile).expect("profile saved");
        store.add_activity(&without_evidence(&ledger).activities[0]).expect("added");
    }
    let store = open(&dir);
    assert_eq!(store.profile().expect("profile"), ledger.profile);
    assert_eq!(store.activities(None).expect("list").len(), 1);
    drop(tmp);
}

#[test]
fn listing_one_year_gives_only_that_years_records() {
    let (_tmp, store, _) = store_with_every_kind();
    let ids: Vec<String> = store.activities(Some(2023)).expect("list").into_iter().map(|a| a.id).collect();
    assert_eq!(ids, ["2023-001", "2023-002", "2023-003", "2023-004", "2023-005", "2023-006", "2023-007"]);
}

#[test]
fn adding_a_record_with_an_id_already_used_is_refused_and_changes_nothing() {
    let (_tmp, mut store, ledger) = store_with_every_kind();
    let mut copy = ledger.activities[1].clone();
    copy.title = "另一条".into();
    copy.id = ledger.activities[0].id.clone();
    let err = store.add_activity(&copy).expect_err("duplicate refused");
    assert!(matches!(err, StoreError::DuplicateActivity(ref id) if id == "2024-001"));
    assert_eq!(store.activity("2024-001").expect("still there").title, "湖南省骨干教师培训");
}

#[test]
fn editing_a_record_changes_its_fields_and_can_rename_it() {
    let (_tmp, mut store, ledger) = store_with_every_kind();
    let mut edited: Activity = ledger.activities[0].clone();
    edited.evidence.clear();
    edited.id = "2024-培训".into();
    edited.title = "湖南省骨干教师培训（改）".into();
    store.update_activity("2024-001", &edited).expect("edited");
    assert_eq!(store.activity("2024-培训").expect("renamed"), edited);
    assert!(matches!(store.activity("2024-001"), Err(StoreError::NoSuchActivity(_))));
}

#[test]
fn renaming_a_record_to_an_id_in_use_is_refused() {
    let (_tmp, mut store, ledger) = store_with_every_kind();
    let mut edited = without_evidence(&ledger).activities[0].clone();
    edited.id = "2024-002".into();
    assert!(matches!(store.update_activity("2024-001", &edited), Err(StoreError::DuplicateActivity(_))));
}

#[test]
fn removing_a_record_keeps_what_was_removed_in_the_change_log() {
    let (_tmp, mut store, _) = store_with_every_kind();
    store.remove_activity("2024-004").expect("removed");
    assert!(matches!(store.activity("2024-004"), Err(StoreError::NoSuchActivity(_))));
    let kept = store.removed_activity("2024-004").expect("log read").expect("logged");
    assert_eq!(kept["title"], "公需科目网络课程");
    assert_eq!(kept["hours_x100"], 3050);
}

#[test]
fn removing_a_record_that_does_not_exist_is_a_clear_error() {
    let (_tmp, mut store, _) = store_with_every_kind();
    let err = store.remove_activity("没有").expect_err("refused");
    assert!(err.to_string().contains("没有编号为“没有”的记录"));
}

#[test]
fn the_change_log_records_every_insert_update_and_delete() {
    let (_tmp, mut store, ledger) = store_with_every_kind();
    let mut edited = without_evidence(&ledger).activities[1].clone();
    edited.title = "改过的标题".into();
    store.update_activity("2024-002", &edited).expect("edited");
    store.remove_activity("2024-002").expect("removed");
    let changes = store.changes(3).expect("log");
    let actions: Vec<(&str, &str)> = changes.iter().map(|c| (c.entity.as_str(), c.action.as_str())).collect();
    assert_eq!(actions, [("activities", "delete"), ("activities", "update"), ("activities", "insert")]);
    assert_eq!(changes[1].before.as_ref().expect("before")["title"], "全省教学研讨会");
    assert_eq!(changes[1].after.as_ref().expect("after")["title"], "改过的标题");
}

#[test]
fn new_ids_are_numbered_within_the_year_and_skip_those_in_use() {
    let (_tmp, store, _) = store_with_every_kind();
    assert_eq!(store.next_activity_id(2024).expect("id"), "2024-011");
    assert_eq!(store.next_activity_id(2025).expect("id"), "2025-001");
}

#[test]
fn planned_applications_are_kept_and_replaced_per_year_level_and_path() {
    let (_tmp, dir) = data_dir();
    let mut store = open(&dir);
    let app = Application::new(2026, Level::AssociateSenior, ApplicationPath::Standard);
    store.plan_application(&PlannedApplication::new(app, None)).expect("planned");
    store.plan_application(&PlannedApplication::new(app, Some("hunan-2026".into()))).expect("replaced");
    let plans = store.applications().expect("plans");
    assert_eq!(plans, [PlannedApplication::new(app, Some("hunan-2026".into()))]);
    assert!(store.remove_application(&app).expect("removed"));
    assert!(store.applications().expect("plans").is_empty());
}

#[test]
fn a_years_confirmation_by_the_unit_is_recorded_with_date_and_note() {
    let (_tmp, dir) = data_dir();
    let mut store = open(&dir);
    let c = YearConfirmation {
        year: 2024,
        confirmed: true,
        date: NaiveDate::from_ymd_opt(2025, 1, 10),
        note: Some("人事科盖章".into()),
    };
    store.confirm_year(&c).expect("confirmed");
    assert_eq!(store.year_confirmation(2024).expect("read"), Some(c));
    assert_eq!(store.year_confirmation(2023).expect("read"), None);
}

#[test]
fn an_id_another_program_takes_after_it_was_offered_is_not_used_twice() {
    let (_tmp, dir) = data_dir();
    let mut mine = open(&dir);
    let mut other = open(&dir);
    let mut record = every_kind().activities[0].clone();
    record.evidence.clear();
    let year = chrono::Datelike::year(&record.date);
    let offered = mine.next_activity_id(year).expect("offered");
    record.id = offered.clone();
    other.add_activity(&record).expect("the other program saves first under that id");
    let saved = mine.add_activity_numbered(&record).expect("saved under the next free id");
    assert_ne!(saved, offered);
    assert_eq!(saved, format!("{year}-002"));
    assert_eq!(mine.activities(None).expect("listed").len(), 2);
}
