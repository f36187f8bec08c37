//! `xueshi remind`: the reminders of a given day for the plan, and the phone calendar (.ics).

use crate::common::{add_training, data_folder, ok};

#[test]
fn a_month_before_the_2026_period_it_is_announced_with_the_records_lacking_evidence() {
    let (_tmp, data) = data_folder();
    assert_eq!(add_training(&data, "数字化研修班", "2").status.code(), Some(0));
    ok(&data, &["plan", "--apply-year", "2026", "--level", "associate_senior"]);
    let out = ok(&data, &["remind", "--today", "2026-04-25"]);
    assert!(out.contains("· 2026年的学时核认还有 30 天开始"), "{out}");
    assert!(out.contains("5月25日至7月25日"), "{out}");
    assert!(out.contains("· 1 条记录还缺证明材料"), "{out}");
    let quiet = ok(&data, &["remind", "--today", "2026-09-01"]);
    assert!(!quiet.contains("核认"), "{quiet}");
}

#[test]
fn the_calendar_file_holds_the_period_for_the_phone() {
    let (tmp, data) = data_folder();
    ok(&data, &["plan", "--apply-year", "2026", "--level", "associate_senior"]);
    let file = tmp.path().join("学时提醒.ics");
    let out = ok(&data, &["remind", "--today", "2026-01-10", "--ics", file.to_str().expect("path")]);
    assert!(out.starts_with("已保存日历文件"), "{out}");
    let ics = std::fs::read_to_string(&file).expect("calendar");
    assert!(ics.contains("DTSTART;VALUE=DATE:20260525") && ics.contains("BEGIN:VALARM"), "{ics}");
}
