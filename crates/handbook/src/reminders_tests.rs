use super::*;
use crate::dto::PlanDto;
use xueshi_store::DataDir;

/// A data folder with a 2026 副高 plan (2021—2025年, 核认 5月25日至7月25日) and one two-day
/// training of 2025 with no evidence.
pub(crate) fn handbook() -> (tempfile::TempDir, Handbook) {
    let dir = tempfile::Builder::new().prefix("xueshi-reminders-").tempdir().expect("temp dir");
    let mut h = Handbook::open(DataDir::new(dir.path())).expect("opens");
    let ledger = Ledger::from_json(
        r#"{"format": "xueshi-ledger", "version": 1, "profile": {}, "activities": [{"id": "2025-001",
            "kind": "training", "title": "数字化转型研修班", "date": "2025-05-12", "category": "professional", "days": 2}]}"#,
    )
    .expect("ledger");
    h.store_mut().add_activity(&ledger.activities[0]).expect("added");
    let plan: PlanDto = serde_json::from_value(serde_json::json!({
        "year": 2026, "level": "associate_senior", "path": "standard", "rules": null
    }))
    .expect("plan");
    h.save_plan(&plan).expect("plan saved");
    (dir, h)
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

fn kinds(reminders: &[Reminder]) -> Vec<ReminderKind> {
    reminders.iter().map(|r| r.kind).collect()
}

#[test]
fn the_period_read_from_the_2026_notice_is_announced_30_days_before_it_opens() {
    let (_dir, mut h) = handbook();
    let before = h.reminders(date("2026-04-24")).expect("reminders");
    assert!(!kinds(&before).contains(&ReminderKind::PeriodOpens), "{before:?}");
    let soon = h.reminders(date("2026-04-25")).expect("reminders");
    let opens = soon.iter().find(|r| r.kind == ReminderKind::PeriodOpens).expect("opening announced");
    assert_eq!(opens.title, "2026年的学时核认还有 30 天开始");
    assert!(opens.text.contains("5月25日至7月25日"), "{}", opens.text);
}

#[test]
fn while_the_period_is_open_its_closing_is_announced_in_its_last_30_days() {
    let (_dir, mut h) = handbook();
    let early = h.reminders(date("2026-06-01")).expect("reminders");
    assert!(
        !kinds(&early).iter().any(|k| matches!(k, ReminderKind::PeriodOpens | ReminderKind::PeriodCloses)),
        "{early:?}"
    );
    let late = h.reminders(date("2026-07-20")).expect("reminders");
    let closes = late.iter().find(|r| r.kind == ReminderKind::PeriodCloses).expect("closing announced");
    assert_eq!(closes.title, "2026年的学时核认还有 5 天截止");
    let after = h.reminders(date("2026-07-26")).expect("reminders");
    assert!(!kinds(&after).contains(&ReminderKind::PeriodCloses), "{after:?}");
}

#[test]
fn a_record_without_evidence_is_mentioned_once_it_ended_more_than_30_days_ago() {
    let (_dir, mut h) = handbook();
    let recent = h.reminders(date("2025-06-10")).expect("reminders");
    assert!(!kinds(&recent).contains(&ReminderKind::EvidenceMissing), "{recent:?}");
    let later = h.reminders(date("2025-07-01")).expect("reminders");
    let missing = later.iter().find(|r| r.kind == ReminderKind::EvidenceMissing).expect("mentioned");
    assert_eq!(missing.title, "1 条记录还缺证明材料");
    assert!(missing.text.starts_with("“数字化转型研修班”结束已超过 30 天"), "{}", missing.text);
}

#[test]
fn the_current_year_still_short_after_the_first_of_october_is_named_with_its_shortfall() {
    let (_dir, mut h) = handbook();
    let september = h.reminders(date("2025-09-30")).expect("reminders");
    assert!(!kinds(&september).contains(&ReminderKind::YearShort), "{september:?}");
    let october = h.reminders(date("2025-10-01")).expect("reminders");
    let short = october.iter().find(|r| r.kind == ReminderKind::YearShort).expect("short year");
    // 16 hours of the 90 a year: 74 missing.
    assert_eq!(short.title, "2025年度还差 74 学时");
}

#[test]
fn each_kind_can_be_switched_off_and_stays_off() {
    let (_dir, mut h) = handbook();
    let off = Settings { remind_period: false, remind_evidence: false, ..h.settings().expect("settings") };
    h.save_settings(&off).expect("saved");
    assert!(!h.settings().expect("settings").remind_period);
    let left = h.reminders(date("2025-10-01")).expect("reminders");
    assert_eq!(kinds(&left), [ReminderKind::YearShort]);
    assert!(h.reminders(date("2026-04-25")).expect("reminders").is_empty());
}

#[test]
fn without_a_plan_there_is_nothing_to_remind() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = Handbook::open(DataDir::new(dir.path())).expect("opens");
    assert!(h.reminders(date("2026-05-01")).expect("reminders").is_empty());
}

#[test]
fn the_calendar_holds_the_period_with_a_reminder_a_week_before_and_the_october_checks_ahead() {
    let (_dir, mut h) = handbook();
    let (ics, events) = h.reminder_calendar(date("2025-03-01")).expect("calendar");
    // 2025's October check and the 2026 period (the earlier years' Octobers are past).
    assert_eq!(events, 2, "{ics}");
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
    for line in
        ["DTSTART;VALUE=DATE:20260525", "DTEND;VALUE=DATE:20260726", "DTSTART;VALUE=DATE:20251001", "BEGIN:VALARM"]
    {
        assert!(ics.contains(line), "{line} missing from\n{ics}");
    }
    assert!(ics.contains("SUMMARY:继续教育学时核认（2026年参评）"), "{ics}");
}

#[test]
fn a_calendar_with_nothing_ahead_is_refused_with_the_reason() {
    let (_dir, mut h) = handbook();
    let err = h.reminder_calendar(date("2026-11-29")).expect_err("nothing ahead");
    assert!(err.to_string().starts_with("2026年参评的计划中没有今后的日期"), "{err}");
}
