//! Save an edit → the dashboard's numbers, with 1,000 records: the `save_activity` command through
//! Tauri's mock runtime, the same IPC path the web view uses (arguments parsed, the record saved
//! in SQLite, the snapshot rebuilt and assessed, the answer serialized to JSON). Not included: the
//! web view's own part (the message crossing to the page, `JSON.parse`, Vue's update). Also the
//! snapshot alone, and the answer's size. Target: under 16 ms.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::{Value, json};
use tauri::test::{INVOKE_KEY, MockRuntime, mock_builder, mock_context, noop_assets};
use tauri::webview::InvokeRequest;
use tauri::{WebviewWindow, WebviewWindowBuilder};
use xueshi_handbook::Handbook;
use xueshi_handbook::dto::PlanDto;
use xueshi_store::DataDir;

/// The ledger of `scripts/bench-startup.sh`: 1,000 records of four kinds over 2021–2025.
fn ledger() -> Value {
    let kinds = [
        json!({"kind": "training", "category": "professional", "days": 2}),
        json!({"kind": "online_course", "category": "public", "hours": 6.5}),
        json!({"kind": "conference", "category": "professional", "days": 1, "half_days": 1}),
        json!({"kind": "paper", "role": "first", "venue": "domestic"}),
    ];
    let activities: Vec<Value> = (0..1000)
        .map(|i| {
            let mut a = kinds[i % kinds.len()].clone();
            let year = 2021 + i % 5;
            a["id"] = json!(format!("r{i:04}"));
            a["title"] = json!(format!("第 {i} 条继续教育记录"));
            a["date"] = json!(format!("{year}-{:02}-{:02}", 1 + i % 12, 1 + i % 28));
            a["provider"] = json!("湖南大学继续教育基地");
            a
        })
        .collect();
    json!({"format": "xueshi-ledger", "version": 1, "profile": {"name": "测试用户"}, "activities": activities})
}

/// A data folder holding the 1,000 records and a plan for 2026, 副高级.
fn data_folder(dir: &Path) {
    let file = dir.join("ledger.json");
    std::fs::write(&file, ledger().to_string()).expect("ledger written");
    let mut handbook = Handbook::open(DataDir::new(dir.join("data"))).expect("data folder");
    handbook.import_file(&file, false).expect("imported");
    let plan: PlanDto =
        serde_json::from_value(json!({"year": 2026, "level": "associate_senior", "path": "standard", "rules": null}))
            .expect("plan");
    handbook.save_plan(&plan).expect("plan saved");
}

fn invoke(window: &WebviewWindow<MockRuntime>, cmd: &str, body: Value) -> String {
    let answer = tauri::test::get_ipc_response(
        window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: tauri::ipc::CallbackFn(0),
            error: tauri::ipc::CallbackFn(1),
            url: "tauri://localhost".parse().expect("url"),
            body: body.into(),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_owned(),
        },
    );
    match answer.unwrap_or_else(|e| panic!("{cmd} failed: {e}")) {
        tauri::ipc::InvokeResponseBody::Json(text) => text,
        tauri::ipc::InvokeResponseBody::Raw(bytes) => String::from_utf8(bytes).expect("UTF-8"),
    }
}

fn round_trip(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    data_folder(dir.path());
    let app = xueshi_app::build(mock_builder(), DataDir::new(dir.path().join("data")))
        .build(mock_context(noop_assets()))
        .expect("app builds");
    let window = WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("window builds");

    let snapshot = invoke(&window, "snapshot", json!({}));
    let parsed: Value = serde_json::from_str(&snapshot).expect("JSON");
    assert_eq!(parsed["activities"].as_array().map(Vec::len), Some(1000));
    let fields = parsed["activities"][500]["fields"].clone();
    let size = |part: &Value| serde_json::to_string(part).map_or(0, |s| s.len());
    eprintln!(
        "snapshot: {} bytes (activities {}, assessment {} of which credits {}, evidence {}, records {})",
        snapshot.len(),
        size(&parsed["activities"]),
        size(&parsed["assessment"]),
        size(&parsed["assessment"]["credits"]),
        size(&parsed["assessment"]["evidence"]),
        size(&parsed["assessment"]["records"]),
    );

    let mut group = c.benchmark_group("1,000 records");
    group.sample_size(30);
    group.bench_function("snapshot", |b| b.iter(|| black_box(invoke(&window, "snapshot", json!({})))));
    let mut days = 2;
    group.bench_function("save_activity (edit) → snapshot", |b| {
        b.iter(|| {
            days = 5 - days; // 2 ↔ 3 days: every save changes the record and the year's hours
            let mut edited = fields.clone();
            edited["days"] = json!(days);
            black_box(invoke(&window, "save_activity", json!({"fields": edited})))
        })
    });
    group.finish();
}

criterion_group!(benches, round_trip);
criterion_main!(benches);
