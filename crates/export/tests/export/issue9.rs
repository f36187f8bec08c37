//! Issue 9 in 学时汇总表 (PDF and XLSX): a reviewer sees the platform of a staff training, the
//! task of a posting and the 学时 on a training's proof next to the record, and every general
//! remark of the assessment — the 推定 assumptions included.

use std::io::Cursor;

use crate::common::{Fixture, demo_json, pdf_text, zip_member};
use calamine::{DataType, Reader, Xlsx};
use serde_json::json;
use xueshi_core::Application;
use xueshi_core::kinds::{ApplicationPath, Level};
use xueshi_export::XLSX_NAME;

/// Every cell of a sheet of the workbook, as text.
fn sheet_cells(f: &Fixture, sheet: &str) -> Vec<Vec<String>> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(zip_member(&f.out(), XLSX_NAME))).expect("xlsx");
    let range = book.worksheet_range(sheet).expect("sheet");
    range.rows().map(|r| r.iter().map(|c| c.as_string().unwrap_or_default()).collect()).collect()
}

/// The demo ledger with a staff training on the unified platform, a 三援 posting and the 学时
/// stated on the proof of a training.
fn with_the_new_facts() -> Fixture {
    let mut value = demo_json();
    let activities = value["activities"].as_array_mut().expect("activities");
    for a in activities.iter_mut().filter(|a| a["id"] == "2021-02") {
        a["hours"] = json!(56);
    }
    activities.push(json!({"id": "2025-04", "kind": "staff_training", "title": "事业单位工作人员在线培训",
        "date": "2025-03-01", "category": "public", "hours": 20, "platform": "unified"}));
    activities.push(json!({"id": "2022-04", "kind": "aid_posting", "title": "援疆支教", "date": "2022-02-01",
        "end_date": "2022-12-31", "task": "sanyuan"}));
    Fixture::from_json(value)
}

#[test]
fn the_pdf_shows_the_platform_the_task_and_the_hours_on_the_proof_beside_their_records() {
    let f = with_the_new_facts();
    f.export(&f.out()).expect("export");
    let Some(text) = pdf_text(&f, true) else { return };
    for needle in
        ["培训平台：统一平台（国家级继续教育基地的平台）", "任务类型：三援（援藏、援疆、援外）", "证明载明56学时"]
    {
        assert!(text.contains(needle), "{needle} not in the PDF text");
    }
}

#[test]
fn the_xlsx_shows_them_in_the_records_remark_column() {
    let f = with_the_new_facts();
    f.export(&f.out()).expect("export");
    let rows = sheet_cells(&f, "明细");
    assert_eq!(rows[0].get(10).map(String::as_str), Some("记录说明"));
    let remark = |id: &str| rows.iter().find(|r| r.get(9).is_some_and(|c| c == id)).and_then(|r| r.get(10).cloned());
    assert_eq!(remark("2025-04").as_deref(), Some("培训平台：统一平台（国家级继续教育基地的平台）"));
    assert_eq!(remark("2022-04").as_deref(), Some("任务类型：三援（援藏、援疆、援外）"));
    assert_eq!(remark("2021-02").as_deref(), Some("证明载明 56 学时"));
    assert_eq!(remark("2021-01").as_deref(), Some(""), "an online course has nothing more to say");
}

#[test]
fn every_general_remark_of_the_assessment_the_presumed_window_included_is_in_the_pdf_and_the_xlsx() {
    let application = Application::new(2026, Level::Intermediate, ApplicationPath::Standard);
    let f = Fixture::for_application(demo_json(), "hunan-2026", &application);
    let general: Vec<String> =
        f.assessment.warnings.iter().filter(|w| w.activity.is_none()).map(|w| w.message.to_string()).collect();
    assert!(general.iter().any(|w| w.contains("推定")), "the presumed window is said: {general:?}");
    f.export(&f.out()).expect("export");
    let summary: Vec<String> = sheet_cells(&f, "汇总").into_iter().flatten().collect();
    for w in &general {
        assert!(summary.contains(&format!("说明：{w}")), "{w} not in the XLSX");
    }
    let Some(text) = pdf_text(&f, true) else { return };
    for w in &general {
        let w: String = w.split_whitespace().collect();
        assert!(text.contains(&w), "{w} not in the PDF text");
    }
}
