//! 读取证书 in the app: a certificate dropped on the window read for the new record's form, and
//! 从文件夹读取证书, the folder the user picks read for the review table (the files' paths kept in
//! the app's state under a token, never sent to the web view); a suggestion, as it is or as the
//! user edited it, saved with its certificate attached in one step.

use std::path::PathBuf;

use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, Runtime};
use tauri_plugin_dialog::DialogExt;
use ts_rs::TS;
use xueshi_handbook::dto::{ActivityFields, SavedActivity};
use xueshi_handbook::pasted::keep_pasted;
use xueshi_handbook::scan_folder::{ScannedFile, read_folder};
use xueshi_handbook::scan_form::ScanForm;

use super::{blocking, on_handbook};
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// 读取证书: the record the one certificate just dropped on the window suggests, for the form to
/// open with; the file stays waiting to be attached once the record is saved.
#[tauri::command]
pub async fn scan_dropped<R: Runtime>(app: AppHandle<R>, token: u32) -> AppResult<ScanForm> {
    let path = one_dropped(&app, token)?;
    // Read (a photo: recognised for seconds) outside the handbook's lock; its fields inside.
    let reader = on_handbook(&app, |h| Ok(h.certificate_reader())).await?;
    let text = blocking(move || Ok(reader.read_file(&path)?)).await?;
    on_handbook(&app, move |h| h.scan_form_of(text)).await
}

/// The header naming a pasted file (its name percent-encoded as UTF-8; the body is the file).
pub const PASTED_NAME_HEADER: &str = "x-xueshi-name";

/// 粘贴 (Ctrl+V on the records list): the file or picture on the clipboard, sent as the request's
/// body, kept as a file and announced as a drop, so that it is read and attached exactly as a
/// file dropped on the window.
#[tauri::command]
pub async fn paste_file<R: Runtime>(app: AppHandle<R>, request: tauri::ipc::Request<'_>) -> AppResult<()> {
    let tauri::ipc::InvokeBody::Raw(bytes) = request.body() else {
        return Err(AppError::input("粘贴的内容不是文件或图片"));
    };
    let name = request
        .headers()
        .get(PASTED_NAME_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(|v| percent_encoding::percent_decode_str(v).decode_utf8_lossy().into_owned())
        .unwrap_or_default();
    let bytes = bytes.clone();
    let path = super::blocking(move || Ok(keep_pasted(&std::env::temp_dir(), &name, &bytes)?)).await?;
    crate::drops::files_dropped(&app, vec![path]);
    Ok(())
}

/// Saves the record the certificate dropped as `token` suggested (as the user edited it) with that
/// file attached as its certificate, in one step; answers with its id and the new snapshot.
#[tauri::command]
pub async fn accept_dropped<R: Runtime>(
    app: AppHandle<R>,
    token: u32,
    fields: ActivityFields,
) -> AppResult<SavedActivity> {
    let path = one_dropped(&app, token)?;
    let saved = on_handbook(&app, move |h| {
        Ok(SavedActivity { id: h.accept_scanned(&fields, &path)?, snapshot: h.snapshot()? })
    })
    .await?;
    let _ = app.state::<AppState>().take_dropped(token);
    Ok(saved)
}

/// The one file dropped as `token`.
fn one_dropped<R: Runtime>(app: &AppHandle<R>, token: u32) -> AppResult<PathBuf> {
    let paths = app.state::<AppState>().peek_dropped(token)?;
    let [path] =
        <[PathBuf; 1]>::try_from(paths).map_err(|_| AppError::input("一次只能读取一份证书：请只拖入一个文件"))?;
    Ok(path)
}

/// The certificate files of the folder picked, for the review table.
#[derive(Debug, Clone, Serialize, TS)]
pub struct FolderReview {
    /// Names the files for `accept_scanned`.
    pub token: u32,
    /// The folder's own name.
    pub folder: String,
    /// Sorted by name; `accept_scanned` takes a file by its place here.
    pub files: Vec<ScannedFile>,
}

/// A folder chosen in the native dialog (or the end-to-end seam); `None` when the user closes it.
fn pick_certificate_folder<R: Runtime>(app: &AppHandle<R>) -> Option<PathBuf> {
    if let Some(fixed) = app.state::<AppState>().fixed_certificate_folder() {
        return Some(fixed);
    }
    app.dialog().file().set_title("选择放证书的文件夹").blocking_pick_folder().and_then(|f| f.into_path().ok())
}

/// The event telling how far reading a folder has got (`xueshi_handbook::scan_folder::FolderProgress`).
pub const FOLDER_PROGRESS: &str = "folder-progress";

/// Reads the certificates of the folder the user picks: each file's suggestion or why it has none,
/// and what it may duplicate; `null` when the dialog was closed. Nothing is saved. The files are
/// read outside the handbook's lock (the rest of the app stays usable), reporting
/// `folder-progress` events before each file.
#[tauri::command]
pub async fn scan_folder<R: Runtime>(app: AppHandle<R>) -> AppResult<Option<FolderReview>> {
    let Some(dir) = pick_certificate_folder(&app) else { return Ok(None) };
    let reader = on_handbook(&app, |h| Ok(h.certificate_reader())).await?;
    let worker = app.clone();
    let read = blocking(move || {
        Ok(read_folder(&reader, &dir, &mut |p| {
            let _ = worker.emit(FOLDER_PROGRESS, p);
        })?)
    })
    .await?;
    let scan = on_handbook(&app, move |h| h.review_folder(read)).await?;
    let token = app.state::<AppState>().keep_scanned(scan.files.iter().map(|f| f.path.clone()).collect());
    Ok(Some(FolderReview { token, folder: scan.folder, files: scan.files }))
}

/// Saves the record `fields` give for the file `index` of the folder read as `token`, with that
/// file attached as its certificate; answers with its id and the new snapshot.
#[tauri::command]
pub async fn accept_scanned<R: Runtime>(
    app: AppHandle<R>,
    token: u32,
    index: u32,
    fields: ActivityFields,
) -> AppResult<SavedActivity> {
    let file = app.state::<AppState>().scanned_file(token, index)?;
    let saved = on_handbook(&app, move |h| {
        Ok(SavedActivity { id: h.accept_scanned(&fields, &file)?, snapshot: h.snapshot()? })
    })
    .await?;
    app.state::<AppState>().scanned_saved(token, index);
    Ok(saved)
}
