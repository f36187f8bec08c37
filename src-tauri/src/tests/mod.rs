//! The commands under Tauri's mock runtime: the same IPC path the web view uses, on a temporary
//! data folder. The rulings of issue 9 (platform, task, the unit's window, cities) are in `rule_fidelity`.

mod certificates;
mod messages;
mod rule_fidelity;

/// An export to a file of this name panics (the check is compiled into test builds only).
pub const PANIC_MARKER: &str = "测试注入的崩溃.zip";

use serde_json::{Value, json};
use tauri::test::{INVOKE_KEY, MockRuntime, mock_builder, mock_context, noop_assets};
use tauri::webview::InvokeRequest;
use tauri::{App, Manager, WebviewWindow, WebviewWindowBuilder};
use xueshi_store::DataDir;

struct TestApp {
    _app: App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    dir: std::path::PathBuf,
}

impl TestApp {
    fn new(name: &str) -> TestApp {
        let dir = std::env::temp_dir().join(format!("xueshi-app-test-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let app =
            crate::build(mock_builder(), DataDir::new(&dir)).build(mock_context(noop_assets())).expect("app builds");
        let window = WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("window builds");
        TestApp { _app: app, window, dir }
    }

    fn invoke(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        self.send(cmd, args.into(), Default::default())
    }

    /// Calls `cmd` with a raw body (a file's bytes) and these headers, as `invoke(cmd, bytes, {headers})` does.
    fn invoke_raw(&self, cmd: &str, body: Vec<u8>, headers: &[(&'static str, &str)]) -> Result<Value, Value> {
        let mut map = tauri::http::HeaderMap::new();
        for (name, value) in headers {
            map.insert(*name, value.parse().expect("header"));
        }
        self.send(cmd, tauri::ipc::InvokeBody::Raw(body), map)
    }

    fn send(&self, cmd: &str, body: tauri::ipc::InvokeBody, headers: tauri::http::HeaderMap) -> Result<Value, Value> {
        tauri::test::get_ipc_response(
            &self.window,
            InvokeRequest {
                cmd: cmd.into(),
                callback: tauri::ipc::CallbackFn(0),
                error: tauri::ipc::CallbackFn(1),
                url: "tauri://localhost".parse().expect("url"),
                body,
                headers,
                invoke_key: INVOKE_KEY.to_owned(),
            },
        )
        .map(|r| r.deserialize().expect("JSON response"))
    }

    fn ok(&self, cmd: &str, args: Value) -> Value {
        self.invoke(cmd, args).unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
    }

    fn set_up(&self) {
        self.ok("save_profile", json!({"profile": {"name": "李老师", "employer": "某中学", "city": "长沙"}}));
        self.ok(
            "save_plan",
            json!({"plan": {"year": 2026, "level": "associate_senior", "path": "standard", "rules": null}}),
        );
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn year(snapshot: &Value, y: i64) -> &Value {
    snapshot["assessment"]["years"]
        .as_array()
        .and_then(|ys| ys.iter().find(|r| r["year"] == y))
        .expect("year in window")
}

#[test]
fn an_empty_data_folder_starts_with_the_first_run_setup() {
    let app = TestApp::new("empty");
    let s = app.ok("snapshot", json!({}));
    assert_eq!(s["first_run"], true);
    assert_eq!(s["activities"], json!([]));
    assert!(s["assessment"].is_null());
    assert_eq!(s["rules"].as_array().map(Vec::len), Some(6));
}

#[test]
fn after_setup_the_dashboard_assesses_the_planned_application_under_the_governing_notice() {
    let app = TestApp::new("setup");
    app.set_up();
    let s = app.ok("snapshot", json!({}));
    assert_eq!(s["first_run"], false);
    assert_eq!(s["selection"]["id"], "hunan-2026");
    assert_eq!(s["assessment"]["window"], json!([2021, 2022, 2023, 2024, 2025]));
}

#[test]
fn the_first_screen_made_while_the_window_opens_is_what_the_window_would_get_and_a_change_drops_it() {
    let app = TestApp::new("ahead");
    app.set_up();
    let state = app._app.state::<crate::AppState>();
    let made_now = app.ok("first_screen", json!({}));
    state.prepare_first_screen();
    assert_eq!(app.ok("first_screen", json!({})), made_now);
    assert_eq!(made_now["complete"], false);

    state.prepare_first_screen();
    app.ok("save_profile", json!({"profile": {"name": "王老师", "employer": "某中学", "city": "长沙"}}));
    assert_eq!(app.ok("first_screen", json!({}))["profile"]["name"], "王老师");
}

#[test]
fn saving_a_training_and_a_paper_updates_the_years_hours_at_once() {
    let app = TestApp::new("records");
    app.set_up();
    let training = json!({"kind": "training", "title": "数字化转型研修班", "date": "2025-05-12", "category": "professional", "days": 2});
    let s = app.ok("save_activity", json!({"fields": training}))["snapshot"].clone();
    assert_eq!(year(&s, 2025)["professional"], 16);
    let paper = json!({"kind": "paper", "title": "论文", "date": "2025-09-01", "role": "first", "venue": "domestic"});
    let saved = app.ok("save_activity", json!({"fields": paper}));
    let s = &saved["snapshot"];
    assert_eq!(year(s, 2025)["professional"], 46);
    assert_eq!(s["activities"].as_array().map(Vec::len), Some(2));
    let id = saved["id"].as_str().expect("the new record's id is the answer").to_owned();
    let paper_row = s["activities"].as_array().into_iter().flatten().find(|a| a["fields"]["kind"] == "paper");
    assert_eq!(paper_row.map(|a| &a["fields"]["id"]), Some(&json!(id)));
    let s = app.ok("remove_activity", json!({"id": id}));
    assert_eq!(year(&s, 2025)["professional"], 16, "the paper's 30 hours are gone");
}

#[test]
fn a_training_of_zero_days_is_refused_with_a_clear_message_and_nothing_is_saved() {
    let app = TestApp::new("zero");
    app.set_up();
    let bad = json!({"kind": "training", "title": "空培训", "date": "2025-05-12", "category": "public", "days": 0});
    let err = app.invoke("save_activity", json!({"fields": bad})).expect_err("refused");
    assert_eq!(err["code"], "input");
    assert!(err["message"].as_str().is_some_and(|m| m.contains("天数")), "{err}");
    assert_eq!(app.ok("snapshot", json!({}))["activities"], json!([]));
}

#[test]
fn the_preview_shows_the_hours_and_clause_before_saving() {
    let app = TestApp::new("preview");
    app.set_up();
    let fields = json!({"kind": "conference", "title": "研讨会", "date": "2024-10-10", "category": "professional", "days": 1, "half_days": 1});
    let p = app.ok("preview_activity", json!({"fields": fields}));
    assert!(p["error"].is_null(), "{p}");
    let clauses: Vec<&str> =
        p["credits"].as_array().into_iter().flatten().filter_map(|c| c["clause"].as_str()).collect();
    assert_eq!(clauses, ["hunan-2026/conversion.1.day", "hunan-2026/conversion.1.half_day"]);
    assert_eq!(p["hours"], json!(12), "the engine's total for the record: a day 8 and a half day 4");
    assert_eq!(app.ok("snapshot", json!({}))["activities"], json!([]), "a preview saves nothing");
    let p = app.ok("preview_activity", json!({"fields": {"kind": "paper", "title": "", "date": "2024-10-10"}}));
    assert_eq!(p["error"], "请填写“名称”");
}

#[test]
fn a_junior_plan_is_assessed_with_the_latest_stated_window_and_says_it_is_assumed() {
    let app = TestApp::new("junior");
    app.ok("save_plan", json!({"plan": {"year": 2026, "level": "junior", "path": "standard", "rules": null}}));
    let s = app.ok("snapshot", json!({}));
    assert_eq!(s["assessment"]["window"], json!([2026]), "{s}");
    let warnings = s["assessment"]["warnings"].as_array().cloned().unwrap_or_default();
    assert!(warnings.iter().any(|w| w["message"].as_str().is_some_and(|m| m.contains("推定"))), "{warnings:?}");
}

#[test]
fn a_path_with_no_window_for_the_level_is_explained_not_crashed() {
    let app = TestApp::new("phd-senior");
    app.ok("save_plan", json!({"plan": {"year": 2026, "level": "senior", "path": "phd", "rules": null}}));
    let s = app.ok("snapshot", json!({}));
    assert!(s["assessment"].is_null());
    assert!(s["assessment_error"].as_str().is_some_and(|m| m.contains("正高级")), "{s}");
}

#[test]
fn the_demo_opens_in_its_own_folder_and_closing_it_returns_to_the_users_data() {
    let app = TestApp::new("demo");
    let s = app.ok("open_demo", json!({}));
    assert_eq!(s["demo"], true);
    assert_eq!(s["profile"]["name"], "王晓梅");
    assert_eq!(s["assessment"]["compliant"], false);
    let s = app.ok("close_demo", json!({}));
    assert_eq!((s["demo"].as_bool(), s["activities"].as_array().map(Vec::len)), (Some(false), Some(0)));
}

#[test]
fn comparing_rule_sets_assesses_the_same_records_under_each() {
    let app = TestApp::new("compare");
    app.set_up();
    app.ok(
        "save_activity",
        json!({"fields": {"kind": "training", "title": "班", "date": "2025-05-12", "category": "public", "days": 3}}),
    );
    let list = app.ok("compare_rules", json!({"ids": ["hunan-2026", "hunan-2020"]}));
    let hours: Vec<&Value> = list.as_array().into_iter().flatten().map(|a| &a["years"][4]["public"]).collect();
    assert_eq!(hours, [&json!(24), &json!(30)]);
}

#[test]
fn the_submission_package_is_written_where_the_save_seam_points() {
    let app = TestApp::new("export");
    app.set_up();
    app.ok("save_activity", json!({"fields": {"kind": "training", "title": "研修班", "date": "2025-05-12", "category": "professional", "days": 2}}));
    let out = app.dir.join("材料包.zip");
    app._app.state::<crate::AppState>().save_exports_to(out.clone());
    let summary = app.ok("export_package", json!({"maskId": true, "incompletePage": true}));
    assert_eq!(summary["path"], out.display().to_string());
    assert!(summary["pdf_pages"].as_u64().is_some_and(|n| n >= 1), "{summary}");
    let report = xueshi_export::verify_package(&out, None);
    assert!(report.differences.is_empty(), "{:?}", report.differences);
}

#[test]
fn the_evidence_book_alone_is_written_beside_the_save_seams_path() {
    let app = TestApp::new("book");
    app.set_up();
    app.ok("save_activity", json!({"fields": {"kind": "training", "title": "研修班", "date": "2025-05-12", "category": "professional", "days": 2}}));
    app._app.state::<crate::AppState>().save_exports_to(app.dir.join("材料包.zip"));
    let summary = app.ok("export_evidence_book", json!({"maskId": true}));
    let out = app.dir.join("材料包.pdf");
    assert_eq!(summary["path"], out.display().to_string());
    assert!(summary["pages"].as_u64().is_some_and(|n| n >= 3), "cover, 目录 and the record: {summary}");
    assert!(std::fs::read(&out).expect("written").starts_with(b"%PDF-"));
}

#[test]
fn the_upload_kit_is_written_in_a_new_folder_beside_the_seams_path() {
    let app = TestApp::new("kit");
    app.set_up();
    app.ok("save_activity", json!({"fields": {"kind": "training", "title": "研修班", "date": "2025-05-12", "category": "professional", "days": 2}}));
    app._app.state::<crate::AppState>().save_exports_to(app.dir.join("材料包.zip"));
    let summary = app.ok("export_upload_kit", json!({"maskId": true, "limitMb": 5}));
    let path = std::path::PathBuf::from(summary["path"].as_str().expect("path"));
    assert_eq!(path.parent(), Some(app.dir.as_path()));
    assert!(path.file_name().is_some_and(|n| n.to_string_lossy().starts_with("分年度上传材料-")), "{summary}");
    assert_eq!(summary["limit"], "5 MB");
    assert!(path.join("上传清单.pdf").is_file());
    assert!(path.join("2025年/2025年_继续教育佐证材料.pdf").is_file(), "{summary}");
    let refused = app.invoke("export_upload_kit", json!({"maskId": true, "limitMb": 500})).expect_err("refused");
    assert!(refused.to_string().contains("1 到 100 MB"), "{refused}");
}

#[test]
fn a_spreadsheet_with_a_bad_row_imports_nothing_unless_bad_rows_are_skipped() {
    let app = TestApp::new("sheet");
    app.set_up();
    let csv = app.dir.join("登记表.csv");
    std::fs::write(
        &csv,
        "年度,类别,形式,名称,起止日期,天数,学时,施教机构\n2025,专业,培训,研修班,2025.5.12-2025.5.13,2,,湖南大学\n2025,公需,网络课程,公需课,2025-02-30,,10,平台\n",
    )
    .expect("csv written");
    let mut handbook = xueshi_handbook::Handbook::open(DataDir::new(&app.dir)).expect("handbook");
    let err =
        crate::error::AppError::from(handbook.import_file(&csv, false).expect_err("a bad row refuses the import"));
    assert!(err.message.contains("第 3 行") && err.message.contains("跳过有问题的行"), "{}", err.message);
    let message = handbook.import_file(&csv, true).expect("imports the good row").summary();
    assert!(message.starts_with("已从表格导入 1 条记录"), "{message}");
}

#[test]
fn a_command_whose_work_panics_answers_in_chinese_and_the_next_command_still_works() {
    let app = TestApp::new("panic");
    app.set_up();
    let handle = app._app.handle().clone();
    let err = tauri::async_runtime::block_on(crate::commands::change(&handle, |_| panic!("模拟的程序错误")))
        .expect_err("a panic is an error, not a crash");
    assert_eq!(err.code, xueshi_handbook::ErrorCode::Internal);
    assert!(err.message.starts_with("程序内部出错") && err.message.contains("请重试"), "{}", err.message);
    assert!(!err.message.contains("panic"), "{}", err.message);
    let s = app.ok("snapshot", json!({}));
    assert_eq!(s["profile"]["name"], "李老师", "the session was reopened from disk");
    let s = app.ok("save_profile", json!({"profile": {"name": "王老师", "employer": "某中学", "city": "长沙"}}));
    assert_eq!(s["profile"]["name"], "王老师");
}

#[test]
fn an_export_whose_work_panics_answers_in_chinese_and_the_next_export_works() {
    let app = TestApp::new("export-panic");
    app.set_up();
    let state = app._app.state::<crate::AppState>();
    state.save_exports_to(app.dir.join(PANIC_MARKER));
    let err = app.invoke("export_package", json!({"maskId": true, "incompletePage": true})).expect_err("refused");
    assert_eq!(err["code"], "internal");
    assert!(err["message"].as_str().is_some_and(|m| m.starts_with("程序内部出错") && !m.contains("panic")), "{err}");
    let out = app.dir.join("材料包.zip");
    state.save_exports_to(out.clone());
    let summary = app.ok("export_package", json!({"maskId": true, "incompletePage": true}));
    assert_eq!(summary["path"], out.display().to_string());
}

#[test]
fn a_plain_cargo_build_serves_the_front_end_from_inside_the_binary() {
    // tauri-build sets cfg(dev), under which the window loads build.devUrl (the Vite dev server),
    // whenever the custom-protocol feature is off; `cargo build --release -p xueshi-app` must not.
    let dev = std::hint::black_box(cfg!(dev));
    assert!(!dev, "a build without --no-default-features would load http://localhost:5173");
}

#[test]
fn a_demo_folder_without_the_demo_marker_is_never_deleted() {
    let app = TestApp::new("demo-foreign");
    let mine = app.dir.join("demo").join("我的文件.txt");
    std::fs::create_dir_all(mine.parent().expect("folder")).expect("folder made");
    std::fs::write(&mine, "用户自己的文件").expect("written");
    for reset in [false, true] {
        let err = app.invoke("open_demo", json!({"reset": reset})).expect_err("refused");
        assert!(err["message"].as_str().is_some_and(|m| m.contains("不是学时手册创建的示例")), "{err}");
        assert_eq!(std::fs::read_to_string(&mine).expect("still there"), "用户自己的文件");
    }
    assert_eq!(app.ok("snapshot", json!({}))["demo"], false);
}

#[test]
fn changes_made_in_the_demo_are_kept_and_the_demo_is_reset_only_when_asked() {
    let app = TestApp::new("demo-changes");
    let shipped = app.ok("open_demo", json!({"reset": false}))["activities"].as_array().map(Vec::len);
    let training =
        json!({"kind": "training", "title": "我加的培训", "date": "2025-05-12", "category": "public", "days": 1});
    let changed =
        app.ok("save_activity", json!({"fields": training}))["snapshot"]["activities"].as_array().map(Vec::len);
    assert_eq!(changed, shipped.map(|n| n + 1));
    app.ok("close_demo", json!({}));
    let s = app.ok("open_demo", json!({"reset": false}));
    assert_eq!(s["activities"].as_array().map(Vec::len), changed, "opening the demo again keeps the change");
    let s = app.ok("open_demo", json!({"reset": true}));
    assert_eq!((s["demo"].as_bool(), s["activities"].as_array().map(Vec::len)), (Some(true), shipped));
}

/// Unix only: creating a directory link on Windows needs a privilege the test runner may lack.
#[cfg(unix)]
#[test]
fn a_demo_folder_that_is_a_link_is_refused_even_when_its_target_looks_like_a_demo() {
    let app = TestApp::new("demo-link");
    app.ok("open_demo", json!({"reset": false}));
    app.ok("close_demo", json!({}));
    let elsewhere = app.dir.join("别处");
    std::fs::rename(app.dir.join("demo"), &elsewhere).expect("moved");
    std::os::unix::fs::symlink(&elsewhere, app.dir.join("demo")).expect("linked");
    let err = app.invoke("open_demo", json!({"reset": true})).expect_err("refused");
    assert!(err["message"].as_str().is_some_and(|m| m.contains("不是学时手册创建的示例")), "{err}");
    assert!(elsewhere.join("ledger.sqlite3").is_file(), "the link's target is untouched");
}
