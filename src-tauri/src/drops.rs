//! Files dropped on the window: kept in the app's state under a token, and their names sent to
//! the web view (which never sees the paths) to attach them or read a certificate from them.
//!
//! WebDriver cannot drag files from the desktop: in builds with the test seams,
//! `XUESHI_E2E_DROP` names a request file, and the paths written into it (one per line) are
//! dropped on the window through the same code as the mouse's drop.

use std::path::PathBuf;

use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::state::AppState;

/// The event the web view hears of a drop by.
pub const EVENT: &str = "files-dropped";

/// Sent to the web view when files are dropped on the window: their names and a token to attach
/// them by.
#[derive(Clone, Serialize)]
struct Dropped {
    token: u32,
    names: Vec<String>,
}

/// Files were dropped on the window.
pub(crate) fn files_dropped<R: Runtime>(app: &AppHandle<R>, paths: Vec<PathBuf>) {
    let names = paths.iter().filter_map(|p| p.file_name()).map(|n| n.to_string_lossy().into_owned()).collect();
    let token = app.state::<AppState>().drop_files(paths);
    let _ = app.emit(EVENT, Dropped { token, names });
}

/// The end-to-end tests' drop: the request file's name.
#[cfg(feature = "test-seams")]
pub const DROP_ENV: &str = "XUESHI_E2E_DROP";

/// Watches the request file of `XUESHI_E2E_DROP`, if set: each time it appears, its paths are
/// dropped on the window and the file is removed. The tests write it under another name and
/// rename it into place, so it is never read half-written.
#[cfg(feature = "test-seams")]
pub(crate) fn watch_test_drops<R: Runtime>(app: &AppHandle<R>) {
    let Some(request) = std::env::var_os(DROP_ENV).map(PathBuf::from) else { return };
    let app = app.clone();
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(std::time::Duration::from_millis(100));
            let Ok(text) = std::fs::read_to_string(&request) else { continue };
            if std::fs::remove_file(&request).is_err() {
                crate::startup::log("测试用的拖入请求文件无法删除，停止监视");
                return;
            }
            let paths = text.lines().filter(|l| !l.trim().is_empty()).map(PathBuf::from).collect();
            files_dropped(&app, paths);
        }
    });
}
