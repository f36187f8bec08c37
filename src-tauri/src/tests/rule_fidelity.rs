//! Issue 9 in the app: a staff training's platform, a posting's task and a training's own hours
//! reach the store and back; the plan keeps the unit's own window with where it comes from; the
//! city is one of Hunan's 14 市州; a 中级 or 初级 plan is assessed with a stated 推定.

use serde_json::{Value, json};

use super::{TestApp, year};

fn plan(app: &TestApp, plan: Value) -> Result<Value, Value> {
    app.invoke("save_plan", json!({ "plan": plan }))
}

#[test]
fn a_plan_with_the_units_own_window_and_its_source_round_trips_and_is_assessed_with_it() {
    let app = TestApp::new("unit-window");
    app.set_up();
    let s = plan(
        &app,
        json!({"year": 2026, "level": "associate_senior", "path": "standard", "rules": null,
               "window_from": 2022, "window_to": 2026, "window_source": "本院2026年职称评审通知"}),
    )
    .expect("saved");
    assert_eq!(s["plan"]["window_from"], 2022);
    assert_eq!(s["plan"]["window_to"], 2026);
    assert_eq!(s["plan"]["window_source"], "本院2026年职称评审通知");
    assert_eq!(s["assessment"]["window"], json!([2022, 2023, 2024, 2025, 2026]));
    assert_eq!(s["assessment"]["window_basis"], "unit");
    let s = plan(&app, json!({"year": 2026, "level": "associate_senior", "path": "standard", "rules": null}))
        .expect("the window removed again");
    assert!(s["plan"]["window_from"].is_null() && s["plan"]["window_source"].is_null(), "{}", s["plan"]);
    assert_eq!(s["assessment"]["window"], json!([2021, 2022, 2023, 2024, 2025]));
}

#[test]
fn a_window_ending_after_the_application_year_is_refused_with_the_reason_in_chinese() {
    let app = TestApp::new("bad-window");
    app.set_up();
    let err = plan(
        &app,
        json!({"year": 2026, "level": "intermediate", "path": "standard", "rules": null,
               "window_from": 2024, "window_to": 2027, "window_source": null}),
    )
    .expect_err("refused");
    assert_eq!(err["code"], "input");
    assert!(err["message"].as_str().is_some_and(|m| m.contains("认定跨度不能晚于申报年度 2026 年")), "{err}");
    let s = app.ok("snapshot", json!({}));
    assert_eq!(s["plan"]["level"], "associate_senior", "the earlier plan is kept");
}

#[test]
fn a_window_with_one_end_or_a_source_without_a_window_is_refused_not_half_saved() {
    let app = TestApp::new("half-window");
    app.set_up();
    let one_end = json!({"year": 2026, "level": "intermediate", "path": "standard", "rules": null,
                         "window_from": 2023, "window_to": null, "window_source": null});
    let err = plan(&app, one_end).expect_err("refused");
    assert!(err["message"].as_str().is_some_and(|m| m.contains("起止年度")), "{err}");
    let source_only = json!({"year": 2026, "level": "intermediate", "path": "standard", "rules": null,
                             "window_from": null, "window_to": null, "window_source": "本院通知"});
    let err = plan(&app, source_only).expect_err("refused");
    assert!(err["message"].as_str().is_some_and(|m| m.contains("出处")), "{err}");
}

#[test]
fn an_intermediate_plan_for_2026_is_assessed_over_2023_to_2026_with_a_stated_assumption() {
    let app = TestApp::new("intermediate");
    app.set_up();
    let s =
        plan(&app, json!({"year": 2026, "level": "intermediate", "path": "standard", "rules": null})).expect("saved");
    assert!(s["assessment_error"].is_null(), "{}", s["assessment_error"]);
    assert_eq!(s["assessment"]["window"], json!([2023, 2024, 2025, 2026]));
    assert_eq!(s["assessment"]["window_basis"], "borrowed");
    let warnings = s["assessment"]["warnings"].as_array().cloned().unwrap_or_default();
    assert!(
        warnings.iter().any(|w| w["activity"].is_null() && w["message"].as_str().is_some_and(|m| m.contains("推定"))),
        "{warnings:?}"
    );
}

#[test]
fn a_staff_trainings_platform_is_kept_and_decides_its_hours_under_the_2026_notice() {
    let app = TestApp::new("platform");
    app.set_up();
    let training = json!({"kind": "staff_training", "title": "事业单位人员培训", "date": "2025-06-01",
                          "category": "public", "hours": 20, "platform": "unified"});
    let s = app.ok("save_activity", json!({"fields": training}))["snapshot"].clone();
    assert_eq!(s["activities"][0]["fields"]["platform"], "unified");
    assert_eq!(year(&s, 2025)["public"], 20);
    let mut other = s["activities"][0]["fields"].clone();
    other["platform"] = json!("other");
    let s = app.ok("save_activity", json!({"fields": other}))["snapshot"].clone();
    assert_eq!(s["activities"][0]["fields"]["platform"], "other");
    assert_eq!(year(&s, 2025)["public"], 0);
}

#[test]
fn the_preview_of_a_training_on_another_platform_shows_the_engines_warning() {
    let app = TestApp::new("platform-preview");
    app.set_up();
    let fields = json!({"kind": "staff_training", "title": "培训", "date": "2025-06-01", "category": "public",
                        "hours": 20, "platform": "other"});
    let p = app.ok("preview_activity", json!({"fields": fields}));
    assert!(p["error"].is_null(), "{p}");
    let hours: f64 = p["credits"].as_array().into_iter().flatten().filter_map(|c| c["hours"].as_f64()).sum();
    assert_eq!(hours, 0.0, "{p}");
    assert!(p["warnings"].as_array().is_some_and(|w| !w.is_empty()), "{p}");
}

#[test]
fn a_postings_task_and_a_trainings_own_hours_are_kept() {
    let app = TestApp::new("task");
    app.set_up();
    let posting = json!({"kind": "aid_posting", "title": "援疆", "date": "2024-02-01", "end_date": "2024-12-31",
                         "task": "sanyuan"});
    let s = app.ok("save_activity", json!({"fields": posting}))["snapshot"].clone();
    assert_eq!(s["activities"][0]["fields"]["task"], "sanyuan");
    let training = json!({"kind": "training", "title": "研修班", "date": "2025-05-12", "category": "professional",
                          "days": 2, "hours": 14});
    let s = app.ok("save_activity", json!({"fields": training}))["snapshot"].clone();
    let kept = s["activities"].as_array().into_iter().flatten().find(|a| a["fields"]["kind"] == "training");
    assert_eq!(kept.and_then(|a| a["fields"]["hours"].as_f64()), Some(14.0));
}

#[test]
fn the_city_is_chosen_from_the_fourteen_and_saved_by_its_short_name() {
    let app = TestApp::new("city");
    let s = app.ok("snapshot", json!({}));
    let cities: Vec<&str> = s["cities"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
    assert_eq!(cities.len(), 14);
    assert!(cities.contains(&"常德") && cities.contains(&"湘西"), "{cities:?}");
    let s = app.ok("save_profile", json!({"profile": {"name": "李老师", "city": "常德市"}}));
    assert_eq!(s["profile"]["city"], "常德");
    let err = app.invoke("save_profile", json!({"profile": {"name": "李老师", "city": "武汉"}})).expect_err("refused");
    assert!(err["message"].as_str().is_some_and(|m| m.contains("长沙")), "{err}");
}
