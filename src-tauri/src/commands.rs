//! The commands the web view may call. Each is a few lines: it runs the session method off the
//! main thread and returns the new snapshot, so every screen updates at once after a change.

use std::ops::ControlFlow;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;

use tauri::{AppHandle, Emitter, Manager, Runtime};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;
use xueshi_core::engine::Assessment;

use crate::dto::{ActivityFields, ExportSummary, PlanDto, Preview, ProfileDto, Snapshot, VerifyView};
use crate::error::{AppError, AppResult};
use crate::session::Session;
use crate::state::AppState;

/// End-to-end tests cannot click native dialogs: when this variable names files (separated by
/// the platform's path separator), the file dialogs pick them instead of opening.
#[cfg(feature = "test-seams")]
pub const PICK_ENV: &str = "XUESHI_E2E_PICK";
/// The same seam for the save dialog of the export: the path to write the package to.
#[cfg(feature = "test-seams")]
pub const SAVE_ENV: &str = "XUESHI_E2E_SAVE";

/// Runs blocking work in a worker thread. A panic in it (a defect) becomes `AppError::crashed`
/// for this one command instead of a failure the app cannot recover from.
pub(crate) async fn blocking<T: Send + 'static>(f: impl FnOnce() -> AppResult<T> + Send + 'static) -> AppResult<T> {
    match tauri::async_runtime::spawn_blocking(move || catch_unwind(AssertUnwindSafe(f))).await {
        Ok(Ok(result)) => result,
        Ok(Err(_)) | Err(_) => Err(AppError::crashed()),
    }
}

/// Runs blocking work on the session in a worker thread.
pub(crate) async fn on_session<R: Runtime, T: Send + 'static>(
    app: &AppHandle<R>,
    f: impl FnOnce(&mut Session) -> AppResult<T> + Send + 'static,
) -> AppResult<T> {
    let app = app.clone();
    blocking(move || app.state::<AppState>().with_session(f)).await
}

/// A change followed by the new snapshot.
pub(crate) async fn change<R: Runtime>(
    app: &AppHandle<R>,
    f: impl FnOnce(&mut Session) -> AppResult<()> + Send + 'static,
) -> AppResult<Snapshot> {
    on_session(app, move |s| {
        f(s)?;
        s.snapshot()
    })
    .await
}

/// Files chosen in a native dialog (or the test seam); empty when the user cancels.
fn pick<R: Runtime>(app: &AppHandle<R>, title: &str, filters: &[(&str, &[&str])], many: bool) -> Vec<PathBuf> {
    #[cfg(feature = "test-seams")]
    if let Some(list) = std::env::var_os(PICK_ENV) {
        return std::env::split_paths(&list).collect();
    }
    let mut dialog = app.dialog().file().set_title(title);
    for (name, extensions) in filters {
        dialog = dialog.add_filter(*name, extensions);
    }
    let picked = if many { dialog.blocking_pick_files() } else { dialog.blocking_pick_file().map(|f| vec![f]) };
    picked.unwrap_or_default().into_iter().filter_map(|f| f.into_path().ok()).collect()
}

const EVIDENCE_TYPES: &[&str] =
    &["pdf", "jpg", "jpeg", "png", "heic", "webp", "ofd", "doc", "docx", "xls", "xlsx", "wps", "et"];

#[tauri::command]
pub async fn snapshot<R: Runtime>(app: AppHandle<R>) -> AppResult<Snapshot> {
    on_session(&app, |s| s.snapshot()).await
}

#[tauri::command]
pub async fn save_profile<R: Runtime>(app: AppHandle<R>, profile: ProfileDto) -> AppResult<Snapshot> {
    change(&app, move |s| s.save_profile(&profile)).await
}

#[tauri::command]
pub async fn save_plan<R: Runtime>(app: AppHandle<R>, plan: PlanDto) -> AppResult<Snapshot> {
    change(&app, move |s| s.save_plan(&plan)).await
}

#[tauri::command]
pub async fn save_activity<R: Runtime>(app: AppHandle<R>, fields: ActivityFields) -> AppResult<Snapshot> {
    change(&app, move |s| s.save_activity(&fields).map(drop)).await
}

#[tauri::command]
pub async fn remove_activity<R: Runtime>(app: AppHandle<R>, id: String) -> AppResult<Snapshot> {
    change(&app, move |s| s.remove_activity(&id)).await
}

#[tauri::command]
pub async fn preview_activity<R: Runtime>(app: AppHandle<R>, fields: ActivityFields) -> AppResult<Preview> {
    on_session(&app, move |s| s.preview(&fields)).await
}

#[tauri::command]
pub async fn attach_by_dialog<R: Runtime>(
    app: AppHandle<R>,
    activity: String,
    material: String,
) -> AppResult<Snapshot> {
    let files = pick(&app, "选择证明材料", &[("证明材料", EVIDENCE_TYPES)], true);
    change(&app, move |s| s.attach(&activity, &files, &material).map(drop)).await
}

#[tauri::command]
pub async fn attach_dropped<R: Runtime>(
    app: AppHandle<R>,
    token: u32,
    activity: String,
    material: String,
) -> AppResult<Snapshot> {
    let files = app.state::<AppState>().take_dropped(token)?;
    change(&app, move |s| s.attach(&activity, &files, &material).map(drop)).await
}

#[tauri::command]
pub async fn detach_evidence<R: Runtime>(app: AppHandle<R>, seq: i64) -> AppResult<Snapshot> {
    change(&app, move |s| s.detach(seq)).await
}

/// Opens a read-only copy of an attached file, under its own name, with the system's program.
#[tauri::command]
pub async fn open_evidence<R: Runtime>(app: AppHandle<R>, seq: i64) -> AppResult<()> {
    let path = on_session(&app, move |s| s.evidence_copy(seq)).await?;
    app.opener()
        .open_path(path.display().to_string(), None::<&str>)
        .map_err(|e| AppError::new("file", format!("无法用系统程序打开文件：{e}")))
}

#[tauri::command]
pub async fn compare_rules<R: Runtime>(app: AppHandle<R>, ids: Vec<String>) -> AppResult<Vec<Assessment>> {
    on_session(&app, move |s| s.compare(&ids)).await
}

#[tauri::command]
pub async fn load_rule_file<R: Runtime>(app: AppHandle<R>) -> AppResult<Snapshot> {
    let files = pick(&app, "载入规则文件", &[("规则文件", &["toml"])], false);
    change(&app, move |s| files.first().map_or(Ok(()), |f| s.add_rule_file(f).map(drop))).await
}

#[tauri::command]
pub async fn backup_now<R: Runtime>(app: AppHandle<R>) -> AppResult<String> {
    on_session(&app, |s| s.backup_now().map(|p| p.display().to_string())).await
}

#[tauri::command]
pub async fn restore_backup<R: Runtime>(app: AppHandle<R>) -> AppResult<Snapshot> {
    let files = pick(&app, "选择要恢复的备份", &[("学时手册备份", &["sqlite3", "db"])], false);
    change(&app, move |s| files.first().map_or(Ok(()), |f| s.restore(f).map(drop))).await
}

#[tauri::command]
pub async fn verify_vault<R: Runtime>(app: AppHandle<R>) -> AppResult<VerifyView> {
    on_session(&app, |s| s.verify()).await
}

#[tauri::command]
pub async fn import_file<R: Runtime>(app: AppHandle<R>, skip_bad_rows: bool) -> AppResult<String> {
    let types: &[(&str, &[&str])] = &[("学时记录或表格", &["json", "zip", "xlsx", "xls", "ods", "csv", "et"])];
    let files = pick(&app, "导入学时记录或表格", types, false);
    match files.first().cloned() {
        Some(f) => on_session(&app, move |s| s.import_file(&f, skip_bad_rows)).await,
        None => Ok(String::new()),
    }
}

#[tauri::command]
pub async fn open_demo<R: Runtime>(app: AppHandle<R>, reset: Option<bool>) -> AppResult<Snapshot> {
    change(&app, move |s| s.open_demo(reset.unwrap_or(false))).await
}

#[tauri::command]
pub async fn close_demo<R: Runtime>(app: AppHandle<R>) -> AppResult<Snapshot> {
    change(&app, |s| s.close_demo()).await
}

/// Writes the submission package where the user chooses, reporting `export-progress` events;
/// `null` when the user cancels the dialog.
#[tauri::command]
pub async fn export_package<R: Runtime>(
    app: AppHandle<R>,
    mask_id: bool,
    incomplete_page: bool,
) -> AppResult<Option<ExportSummary>> {
    let mut job = on_session(&app, |s| s.export_job()).await?;
    job.font_dir = app.path().resource_dir().ok().map(|d| d.join("fonts")).filter(|d| d.is_dir());
    let out = match app.state::<AppState>().fixed_save_path() {
        Some(p) => Some(p),
        None => app
            .dialog()
            .file()
            .set_title("保存申报材料包")
            .set_file_name(&job.suggested_name)
            .add_filter("ZIP 压缩包", &["zip"])
            .blocking_save_file()
            .and_then(|f| f.into_path().ok()),
    };
    let Some(out) = out else { return Ok(None) };
    app.state::<AppState>().request_cancel(false);
    let worker = app.clone();
    let summary = blocking(move || {
        job.run(&out, mask_id, incomplete_page, &mut |p| {
            let _ = worker.emit("export-progress", p);
            if worker.state::<AppState>().cancel_requested() {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        })
    })
    .await?;
    app.state::<AppState>().set_last_export(PathBuf::from(&summary.path));
    Ok(Some(summary))
}

#[tauri::command]
pub async fn cancel_export<R: Runtime>(app: AppHandle<R>) -> AppResult<()> {
    app.state::<AppState>().request_cancel(true);
    Ok(())
}

/// Shows the last package in the system's file manager.
#[tauri::command]
pub async fn reveal_export<R: Runtime>(app: AppHandle<R>) -> AppResult<()> {
    let path = app.state::<AppState>().last_export().ok_or_else(|| AppError::input("还没有导出过材料包"))?;
    app.opener().reveal_item_in_dir(&path).map_err(|e| AppError::new("file", format!("无法打开文件夹：{e}")))
}

/// Called by the web view once the first screen is on display: ends the startup probe.
#[tauri::command]
pub async fn first_screen_rendered() -> AppResult<()> {
    if crate::probe().as_deref() == Some("1") {
        crate::finish_startup_probe("dashboard");
    }
    Ok(())
}
