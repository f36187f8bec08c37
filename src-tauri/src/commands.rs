//! The commands the web view may call. Each is a few lines: it runs a method of the application
//! layer (`xueshi_handbook`) off the main thread and returns the new snapshot, so every screen
//! updates at once after a change.

use std::ops::ControlFlow;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use tauri::{AppHandle, Emitter, Manager, Runtime, Webview};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;
use xueshi_core::engine::Assessment;
use xueshi_core::review::Finding;
use xueshi_core::rules::guide::RuleGuide;
use xueshi_handbook::dto::{
    ActivityFields, EvidenceBookSummary, ExportProgress, ExportSummary, PlanDto, Preview, ProfileDto, SavedActivity,
    Snapshot, UploadKitSummary, VerifyView,
};
use xueshi_handbook::reminders::Reminder;
use xueshi_handbook::{BackupEntry, ErrorCode, Handbook, KeepFinding, PackageChoices, Request, Settings, ZoomStep};
use xueshi_store::spreadsheet::SPREADSHEET_EXTENSIONS;

use crate::error::{AppError, AppResult};
use crate::state::AppState;

mod certificates;
pub use certificates::*;

/// End-to-end tests cannot click native dialogs: when this variable names files (separated by
/// the platform's path separator), the file dialogs pick them instead of opening.
#[cfg(feature = "test-seams")]
pub const PICK_ENV: &str = "XUESHI_E2E_PICK";
/// The same seam for the save dialog of the export: the path to write the package to.
#[cfg(feature = "test-seams")]
pub const SAVE_ENV: &str = "XUESHI_E2E_SAVE";
/// The seam for the folder dialog of 从文件夹读取证书: the folder of certificates to read.
#[cfg(feature = "test-seams")]
pub const PICK_FOLDER_ENV: &str = "XUESHI_E2E_PICK_FOLDER";
/// The seam for "open with the system's program": the path of a file to which each file the app
/// would open is appended, one path per line, instead of opening it.
#[cfg(feature = "test-seams")]
pub const OPENED_ENV: &str = "XUESHI_E2E_OPENED";

/// Opens `path` with the system's program (the PDF viewer, the image viewer…).
fn open_with_system<R: Runtime>(app: &AppHandle<R>, path: &std::path::Path, what: &str) -> AppResult<()> {
    #[cfg(feature = "test-seams")]
    if let Some(list) = std::env::var_os(OPENED_ENV) {
        use std::io::Write;
        let seam = |e: std::io::Error| {
            AppError::new(ErrorCode::File, format!("测试记录文件无法写入：{}", xueshi_store::words::reason(&e)))
        };
        let mut file = std::fs::OpenOptions::new().create(true).append(true).open(list).map_err(seam)?;
        return writeln!(file, "{}", path.display()).map_err(seam);
    }
    app.opener().open_path(path.display().to_string(), None::<&str>).map_err(|_| {
        AppError::new(
            ErrorCode::File,
            format!("{what}无法用系统程序打开，请检查这台电脑上是否装有能打开这类文件的程序"),
        )
    })
}

/// Runs blocking work in a worker thread. A panic in it (a defect) becomes `AppError::crashed`
/// for this one command instead of a failure the app cannot recover from.
pub(crate) async fn blocking<T: Send + 'static>(f: impl FnOnce() -> AppResult<T> + Send + 'static) -> AppResult<T> {
    match tauri::async_runtime::spawn_blocking(move || catch_unwind(AssertUnwindSafe(f))).await {
        Ok(Ok(result)) => result,
        Ok(Err(_)) | Err(_) => Err(AppError::crashed()),
    }
}

/// Runs blocking work on the handbook in a worker thread.
pub(crate) async fn on_handbook<R: Runtime, T: Send + 'static>(
    app: &AppHandle<R>,
    f: impl FnOnce(&mut Handbook) -> xueshi_handbook::Result<T> + Send + 'static,
) -> AppResult<T> {
    let app = app.clone();
    blocking(move || app.state::<AppState>().with_handbook(|h| Ok(f(h)?))).await
}

/// A change followed by the new snapshot.
pub(crate) async fn change<R: Runtime>(
    app: &AppHandle<R>,
    f: impl FnOnce(&mut Handbook) -> xueshi_handbook::Result<()> + Send + 'static,
) -> AppResult<Snapshot> {
    on_handbook(app, move |h| {
        f(h)?;
        h.snapshot()
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

/// Where to save a file the user names in the save dialog (`title`, offering `name`, of one
/// `filter`); `None` when the user cancels. With the end-to-end seam, `seam` of its fixed path.
fn save_to<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    name: &str,
    filter: (&str, &[&str]),
    seam: impl FnOnce(PathBuf) -> PathBuf,
) -> Option<PathBuf> {
    if let Some(fixed) = app.state::<AppState>().fixed_save_path() {
        return Some(seam(fixed));
    }
    app.dialog()
        .file()
        .set_title(title)
        .set_file_name(name)
        .add_filter(filter.0, filter.1)
        .blocking_save_file()
        .and_then(|f| f.into_path().ok())
}

/// A folder chosen in a native dialog titled `title`; `None` when the user closes it. (With the
/// end-to-end seam: the folder of the package's fixed path.)
fn pick_folder<R: Runtime>(app: &AppHandle<R>, title: &str) -> Option<PathBuf> {
    if let Some(fixed) = app.state::<AppState>().fixed_save_path() {
        return fixed.parent().map(Path::to_path_buf);
    }
    app.dialog().file().set_title(title).blocking_pick_folder().and_then(|f| f.into_path().ok())
}

const EVIDENCE_TYPES: &[&str] =
    &["pdf", "jpg", "jpeg", "png", "heic", "webp", "ofd", "doc", "docx", "xls", "xlsx", "wps", "et"];

#[tauri::command]
pub async fn snapshot<R: Runtime>(app: AppHandle<R>) -> AppResult<Snapshot> {
    on_handbook(&app, |h| h.snapshot()).await
}

/// The first screen's snapshot: the dashboard's numbers without the records (see
/// `Handbook::first_screen`), usually made ahead while the window was created; the window asks
/// for the full one once it is drawn. The window takes the zoom the user chose last time.
#[tauri::command]
pub async fn first_screen<R: Runtime>(app: AppHandle<R>, webview: Webview<R>) -> AppResult<Snapshot> {
    let snapshot = blocking(move || app.state::<AppState>().first_screen())
        .await
        .inspect_err(|e| crate::startup::log(&format!("打开数据时出错：{}", e.message)))?;
    if snapshot.settings.zoom_percent != 100 {
        apply_zoom(&webview, snapshot.settings.zoom_percent);
    }
    Ok(snapshot)
}

/// Makes the window's content larger or smaller (Ctrl + / Ctrl − / Ctrl 0, or 设置 → 显示) and
/// keeps the zoom for the next start; the new zoom in percent.
#[tauri::command]
pub async fn zoom<R: Runtime>(app: AppHandle<R>, webview: Webview<R>, step: ZoomStep) -> AppResult<u32> {
    let percent = on_handbook(&app, move |h| h.zoom(step)).await?;
    apply_zoom(&webview, percent);
    Ok(percent)
}

/// Today's reminders for the plan (the 核认 period opening or closing within 30 days, the current
/// year still short after 1 October, records lacking evidence), as the settings allow.
#[tauri::command]
pub async fn reminders<R: Runtime>(app: AppHandle<R>) -> AppResult<Vec<Reminder>> {
    on_handbook(&app, |h| h.reminders(chrono::Local::now().date_naive())).await
}

/// Saves the plan's dates ahead as a calendar file (.ics) for the phone where the user picks;
/// the number of events, `None` when the dialog was closed.
#[tauri::command]
pub async fn save_calendar<R: Runtime>(app: AppHandle<R>) -> AppResult<Option<u32>> {
    let (calendar, events) = on_handbook(&app, |h| h.reminder_calendar(chrono::Local::now().date_naive())).await?;
    let Some(out) = save_to(&app, "保存日历文件", "学时手册提醒.ics", ("日历文件", &["ics"]), |p| {
        p.with_extension("ics")
    }) else {
        return Ok(None);
    };
    blocking(move || {
        std::fs::write(&out, calendar.as_bytes()).map_err(|e| {
            AppError::new(
                ErrorCode::File,
                format!("日历文件“{}”无法保存：{}", xueshi_store::words::name(&out), xueshi_store::words::reason(&e)),
            )
        })
    })
    .await?;
    Ok(Some(u32::try_from(events).unwrap_or(u32::MAX)))
}

/// Whether 学时手册 checks the reminders when the user logs in to the computer (设置 → 提醒).
#[tauri::command]
pub fn login_check<R: Runtime>(app: AppHandle<R>) -> bool {
    crate::notices::login_check_enabled(&app)
}

/// Registers (or removes) the check at login; whether it is registered now.
#[tauri::command]
pub fn set_login_check<R: Runtime>(app: AppHandle<R>, on: bool) -> AppResult<bool> {
    crate::notices::set_login_check_enabled(&app, on)
}

/// 关于: the version and the licences of the font and the charts, with their texts.
#[tauri::command]
pub fn about() -> xueshi_handbook::About {
    xueshi_handbook::about()
}

/// Sets the web view's zoom; a web view that cannot zoom stays as it is.
fn apply_zoom<R: Runtime>(webview: &Webview<R>, percent: u32) {
    let _ = webview.set_zoom(f64::from(percent) / 100.0);
}

/// 预审 of the current plan: what a reviewer would question (none without a plan).
#[tauri::command]
pub async fn review<R: Runtime>(app: AppHandle<R>) -> AppResult<Vec<Finding>> {
    on_handbook(&app, |h| h.review_plan()).await
}

#[tauri::command]
pub async fn save_profile<R: Runtime>(app: AppHandle<R>, profile: ProfileDto) -> AppResult<Snapshot> {
    change(&app, move |h| h.save_profile(&profile)).await
}

#[tauri::command]
pub async fn save_plan<R: Runtime>(app: AppHandle<R>, plan: PlanDto) -> AppResult<Snapshot> {
    change(&app, move |h| h.save_plan(&plan)).await
}

/// Saves a new or changed record; answers with its id and the new snapshot.
#[tauri::command]
pub async fn save_activity<R: Runtime>(app: AppHandle<R>, fields: ActivityFields) -> AppResult<SavedActivity> {
    on_handbook(&app, move |h| Ok(SavedActivity { id: h.save_activity(&fields)?, snapshot: h.snapshot()? })).await
}

#[tauri::command]
pub async fn remove_activity<R: Runtime>(app: AppHandle<R>, id: String) -> AppResult<Snapshot> {
    change(&app, move |h| h.remove_activity(&id)).await
}

/// Puts back the record removed last (撤销); answers with its id and the new snapshot.
#[tauri::command]
pub async fn undo_remove<R: Runtime>(app: AppHandle<R>) -> AppResult<SavedActivity> {
    on_handbook(&app, |h| Ok(SavedActivity { id: h.undo_remove()?, snapshot: h.snapshot()? })).await
}

#[tauri::command]
pub async fn preview_activity<R: Runtime>(app: AppHandle<R>, fields: ActivityFields) -> AppResult<Preview> {
    on_handbook(&app, move |h| h.preview(&fields)).await
}

#[tauri::command]
pub async fn attach_by_dialog<R: Runtime>(
    app: AppHandle<R>,
    activity: String,
    material: String,
) -> AppResult<Snapshot> {
    let files = pick(&app, "选择证明材料", &[("证明材料", EVIDENCE_TYPES)], true);
    change(&app, move |h| h.attach(&activity, &files, &material).map(drop)).await
}

#[tauri::command]
pub async fn attach_dropped<R: Runtime>(
    app: AppHandle<R>,
    token: u32,
    activity: String,
    material: String,
) -> AppResult<Snapshot> {
    let files = app.state::<AppState>().take_dropped(token)?;
    change(&app, move |h| h.attach(&activity, &files, &material).map(drop)).await
}

#[tauri::command]
pub async fn detach_evidence<R: Runtime>(app: AppHandle<R>, seq: i64) -> AppResult<Snapshot> {
    change(&app, move |h| h.detach(seq)).await
}

/// Opens a read-only copy of an attached file, under its own name, with the system's program.
#[tauri::command]
pub async fn open_evidence<R: Runtime>(app: AppHandle<R>, seq: i64) -> AppResult<()> {
    let path = on_handbook(&app, move |h| h.evidence_copy(seq)).await?;
    open_with_system(&app, &path, "这份证明材料")
}

#[tauri::command]
pub async fn compare_rules<R: Runtime>(app: AppHandle<R>, ids: Vec<String>) -> AppResult<Vec<Assessment>> {
    on_handbook(&app, move |h| h.compare(&ids)).await
}

/// 规则说明 of one rule set: its rules in plain Chinese beside the notice's sentences.
#[tauri::command]
pub async fn rule_guide<R: Runtime>(app: AppHandle<R>, id: String) -> AppResult<RuleGuide> {
    on_handbook(&app, move |h| h.rule_guide(&id)).await
}

#[tauri::command]
pub async fn load_rule_file<R: Runtime>(app: AppHandle<R>) -> AppResult<Snapshot> {
    let files = pick(&app, "载入规则文件", &[("规则文件", &["toml"])], false);
    change(&app, move |h| files.first().map_or(Ok(()), |f| h.add_rule_file(f).map(drop))).await
}

/// A backup now, as the list of backups shows it.
#[tauri::command]
pub async fn backup_now<R: Runtime>(app: AppHandle<R>) -> AppResult<BackupEntry> {
    on_handbook(&app, |h| h.backup_now_entry()).await
}

/// The backups, newest first, dated in Chinese.
#[tauri::command]
pub async fn list_backups<R: Runtime>(app: AppHandle<R>) -> AppResult<Vec<BackupEntry>> {
    on_handbook(&app, |h| h.backup_entries()).await
}

/// Restores one of the listed backups, named as the list named it (never a path).
#[tauri::command]
pub async fn restore_listed_backup<R: Runtime>(app: AppHandle<R>, name: String) -> AppResult<Snapshot> {
    change(&app, move |h| h.restore_entry(&name)).await
}

/// Saves the import template (an .xlsx to fill in and import) where the user chooses; what was
/// saved, or `null` when the user cancels. (With the end-to-end seam: beside the package's path.)
#[tauri::command]
pub async fn save_import_template<R: Runtime>(app: AppHandle<R>) -> AppResult<Option<String>> {
    let out =
        save_to(&app, "保存导入模板", xueshi_handbook::IMPORT_TEMPLATE_NAME, ("Excel 表格", &["xlsx"]), |p| {
            p.with_file_name(xueshi_handbook::IMPORT_TEMPLATE_NAME)
        });
    let Some(out) = out else { return Ok(None) };
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    blocking(move || Ok(xueshi_handbook::save_import_template(&out)?)).await?;
    Ok(Some(format!("导入模板已保存为“{name}”：用 Excel 或 WPS 打开，在“学时记录”中一行填一条记录，再点“导入…”")))
}

/// Opens the data folder in the system's file manager.
#[tauri::command]
pub async fn open_data_folder<R: Runtime>(app: AppHandle<R>) -> AppResult<()> {
    let folder = on_handbook(&app, |h| Ok(h.data_folder().to_owned())).await?;
    open_with_system(&app, &folder, "数据文件夹")
}

/// Moves the data folder into the folder the user picks (into a new 学时手册数据 folder there when
/// it holds files: e.g. D:\ itself) and goes on with it; `null` when the dialog was closed.
/// (With the end-to-end seam: the folder of the package's fixed path.)
#[tauri::command]
pub async fn move_data_folder<R: Runtime>(app: AppHandle<R>) -> AppResult<Option<Snapshot>> {
    let picked = pick_folder(&app, "选择数据文件夹的新位置（例如 D 盘）");
    let Some(picked) = picked else { return Ok(None) };
    let (moved, snapshot) = on_handbook(&app, move |h| Ok((h.move_data_folder(&picked)?, h.snapshot()?))).await?;
    crate::startup::set_log_folder(xueshi_store::DataDir::new(moved));
    Ok(Some(snapshot))
}

/// Goes on with a data folder made earlier, which the user picks (the one moved to D: before the
/// system was reinstalled); `null` when the dialog was closed. (With the end-to-end seam: the
/// folder of the package's fixed path.)
#[tauri::command]
pub async fn use_existing_data_folder<R: Runtime>(app: AppHandle<R>) -> AppResult<Option<Snapshot>> {
    let picked = pick_folder(&app, "选择以前的数据文件夹（例如 D 盘的“学时手册数据”）");
    let Some(picked) = picked else { return Ok(None) };
    let (used, snapshot) =
        on_handbook(&app, move |h| Ok((h.use_existing_data_folder(&picked)?, h.snapshot()?))).await?;
    crate::startup::set_log_folder(xueshi_store::DataDir::new(used));
    Ok(Some(snapshot))
}

/// Exports all data (records, evidence files, plans, confirmations, settings, rule files) into a
/// .zip the user names, and says what it holds; `null` when the user cancels the dialog. (With
/// the end-to-end seam: beside the package's fixed path.)
#[tauri::command]
pub async fn export_all_data<R: Runtime>(app: AppHandle<R>) -> AppResult<Option<String>> {
    let name = on_handbook(&app, |h| Ok(h.all_data_name())).await?;
    let out = save_to(&app, "导出全部数据", &name, ("ZIP 压缩包", &["zip"]), |p| p.with_file_name(&name));
    let Some(out) = out else { return Ok(None) };
    let done = on_handbook(&app, move |h| h.export_all(&out)).await?;
    app.state::<AppState>().set_last_export(done.path.clone());
    Ok(Some(done.summary()))
}

#[tauri::command]
pub async fn restore_backup<R: Runtime>(app: AppHandle<R>) -> AppResult<Snapshot> {
    let files = pick(&app, "选择要恢复的备份", &[("学时手册备份", &["sqlite3", "db"])], false);
    change(&app, move |h| files.first().map_or(Ok(()), |f| h.restore(f).map(drop))).await
}

#[tauri::command]
pub async fn verify_vault<R: Runtime>(app: AppHandle<R>) -> AppResult<VerifyView> {
    on_handbook(&app, |h| h.verify()).await
}

#[tauri::command]
pub async fn import_file<R: Runtime>(app: AppHandle<R>, skip_bad_rows: bool) -> AppResult<String> {
    let extensions: Vec<&str> = ["json", "zip"].into_iter().chain(SPREADSHEET_EXTENSIONS.iter().copied()).collect();
    let files = pick(&app, "导入学时记录或表格", &[("学时记录或表格", &extensions)], false);
    match files.first().cloned() {
        Some(f) => on_handbook(&app, move |h| Ok(h.import_file(&f, skip_bad_rows)?.summary())).await,
        None => Ok(String::new()),
    }
}

#[tauri::command]
pub async fn open_demo<R: Runtime>(app: AppHandle<R>, reset: Option<bool>) -> AppResult<Snapshot> {
    change(&app, move |h| h.open_demo(reset.unwrap_or(false))).await
}

#[tauri::command]
pub async fn close_demo<R: Runtime>(app: AppHandle<R>) -> AppResult<Snapshot> {
    change(&app, |h| h.close_demo()).await
}

/// Writes the submission package where the user chooses, reporting `export-progress` events;
/// `null` when the user cancels the dialog. `kept`: the 预审 findings explained in the summary's appendix.
#[tauri::command]
pub async fn export_package<R: Runtime>(
    app: AppHandle<R>,
    mask_id: bool,
    incomplete_page: bool,
    kept: Option<Vec<KeepFinding>>,
) -> AppResult<Option<ExportSummary>> {
    let job = on_handbook(&app, |h| h.export_job(&Request::default())).await?;
    let choices =
        PackageChoices { mask_id, incomplete_page, font_path: bundled_fonts(&app), kept: kept.unwrap_or_default() };
    let out = save_to(&app, "保存申报材料包", &job.suggested_name, ("ZIP 压缩包", &["zip"]), std::convert::identity);
    let Some(out) = out else { return Ok(None) };
    app.state::<AppState>().request_cancel(false);
    let worker = app.clone();
    let summary = blocking(move || {
        #[cfg(test)]
        if out.ends_with(crate::tests::PANIC_MARKER) {
            panic!("an export that panics (test)");
        }
        let report = job.run(&out, &choices, &mut |p| {
            let _ = worker.emit("export-progress", ExportProgress::from_progress(&p));
            if worker.state::<AppState>().cancel_requested() {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        })?;
        Ok(ExportSummary::from_report(&report))
    })
    .await?;
    app.state::<AppState>().set_last_export(PathBuf::from(&summary.path));
    Ok(Some(summary))
}

/// Writes 证明材料汇编.pdf alone where the user chooses; `null` when the user cancels the dialog.
/// (With the end-to-end seam: beside the package's fixed path, as `.pdf`.)
#[tauri::command]
pub async fn export_evidence_book<R: Runtime>(
    app: AppHandle<R>,
    mask_id: bool,
) -> AppResult<Option<EvidenceBookSummary>> {
    let job = on_handbook(&app, |h| h.export_job(&Request::default())).await?;
    let font_path = app.path().resource_dir().ok().map(|d| d.join("fonts")).filter(|d| d.is_dir());
    let choices = PackageChoices { mask_id, font_path, ..PackageChoices::default() };
    let out = save_to(&app, "保存证明材料汇编", &job.book_name(), ("PDF 文件", &["pdf"]), |p| {
        p.with_extension("pdf")
    });
    let Some(out) = out else { return Ok(None) };
    let summary = blocking(move || Ok(EvidenceBookSummary::new(&out, &job.run_evidence_book(&out, &choices)?))).await?;
    app.state::<AppState>().set_last_export(PathBuf::from(&summary.path));
    Ok(Some(summary))
}

/// Keeps the user's settings (the upload kit's size limit, the zoom).
#[tauri::command]
pub async fn save_settings<R: Runtime>(app: AppHandle<R>, settings: Settings) -> AppResult<Snapshot> {
    change(&app, move |h| h.save_settings(&settings)).await
}

/// Writes the per-year upload kit (a folder per year and 上传清单.pdf) into a new folder, named
/// after the application, inside the folder the user picks; each file at most `limit_mb` MB where
/// a page allows it. `None` when the dialog was closed. (With the end-to-end seam: beside the
/// package's fixed path.)
#[tauri::command]
pub async fn export_upload_kit<R: Runtime>(
    app: AppHandle<R>,
    mask_id: bool,
    limit_mb: u32,
) -> AppResult<Option<UploadKitSummary>> {
    let job = on_handbook(&app, |h| h.export_job(&Request::default())).await?;
    let font_path = app.path().resource_dir().ok().map(|d| d.join("fonts")).filter(|d| d.is_dir());
    let choices = PackageChoices { mask_id, font_path, ..PackageChoices::default() };
    let parent = pick_folder(&app, "选择保存分年度上传材料的位置（将在其中新建一个文件夹）");
    let Some(parent) = parent else { return Ok(None) };
    let out = parent.join(job.kit_name());
    let summary = blocking(move || Ok(UploadKitSummary::new(&job.run_upload_kit(&out, limit_mb, &choices)?))).await?;
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
    let path = app.state::<AppState>().last_export().ok_or_else(|| AppError::input("还没有导出过申报材料包"))?;
    app.opener()
        .reveal_item_in_dir(&path)
        .map_err(|_| AppError::new(ErrorCode::File, "无法打开文件夹，请在文件管理器中自己打开它".to_owned()))
}

/// Typesets 学时汇总表 alone and opens it with the system's PDF viewer, to print (or save) there.
#[tauri::command]
pub async fn print_summary<R: Runtime>(app: AppHandle<R>, mask_id: bool) -> AppResult<()> {
    let job = on_handbook(&app, |h| h.export_job(&Request::default())).await?;
    let font_path = bundled_fonts(&app);
    let choices = PackageChoices { mask_id, incomplete_page: true, font_path, kept: Vec::new() };
    let pdf = blocking(move || Ok(job.summary_to_view(&choices)?)).await?;
    open_with_system(&app, &pdf, "学时汇总表已生成，但")
}

/// The fonts shipped beside the app, when they are there.
fn bundled_fonts<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
    app.path().resource_dir().ok().map(|d| d.join("fonts")).filter(|d| d.is_dir())
}

/// Called by the web view once the first screen is on display: ends the startup probe. `timeline`
/// is the page's own marks (milliseconds since the page began loading) and `now` the page's clock
/// when it called; the probe prints them above its result.
#[tauri::command]
pub async fn first_screen_rendered(timeline: Option<String>, now: Option<f64>) -> AppResult<()> {
    if crate::probe().as_deref() == Some("1") {
        crate::print_page_timeline(timeline.as_deref(), now);
        crate::finish_startup_probe("dashboard");
    }
    Ok(())
}
