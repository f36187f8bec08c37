//! Starting the desktop app without leaving the user in front of nothing: the data folder (with
//! the one-time move from the old location, and a warning when it failed), the sweep of earlier
//! runs' viewing copies, a message box instead of a panic and a hang when Windows lacks the
//! WebView2 runtime or the window cannot be created, and the log file in the data folder
//! (`学时手册.log`) that keeps each of these, and every defect caught later, for whoever helps.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock};

use xueshi_store::DataDir;
use xueshi_store::relocate::Relocation;

/// Test seam of `scripts/windows/smoke-no-webview2.sh` (builds with the test seams): skips the
/// WebView2 check so that the window creation itself fails, to prove that this failure, too, ends
/// in the message box.
#[cfg(feature = "test-seams")]
pub const SKIP_WEBVIEW2_CHECK_ENV: &str = "XUESHI_TEST_SKIP_WEBVIEW2_CHECK";

/// The exit code when the app cannot show its window (no WebView2 runtime, window not created).
pub const NO_WINDOW_EXIT_CODE: i32 = 3;

/// Set once the main window exists: from then on a panic is an ordinary one.
static WINDOW_CREATED: AtomicBool = AtomicBool::new(false);

/// A warning to show once the window is up (the data folder could not be moved).
static STARTUP_WARNING: OnceLock<String> = OnceLock::new();

/// The data folder whose log file takes what went wrong, once it is known (it changes when the
/// user moves the data folder).
static LOG_FOLDER: Mutex<Option<DataDir>> = Mutex::new(None);

/// Keeps `text` in the log file of the data folder, once the folder is known (else nowhere).
pub fn log(text: &str) {
    let folder = LOG_FOLDER.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clone();
    if let Some(dir) = folder {
        xueshi_store::app_log::log_line(&dir, text);
    }
}

/// From now on the log goes to the data folder `dir` (after the data folder moved there).
pub fn set_log_folder(dir: DataDir) {
    *LOG_FOLDER.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some(dir);
}

/// What to tell a user whose computer lacks the WebView2 runtime, or whose window failed.
pub fn no_webview_text(detail: Option<&str>) -> String {
    let mut text = String::from(match detail {
        None => "学时手册无法启动：这台电脑缺少 Microsoft Edge WebView2 运行时，学时手册需要它来显示程序界面。",
        Some(_) => {
            "学时手册无法创建程序窗口。学时手册需要 Microsoft Edge WebView2 运行时来显示程序界面，它可能缺失或已损坏。"
        }
    });
    text.push_str(
        "\n\nWindows 10 和 Windows 11 通常已自带这个组件。请从微软官网下载并安装“Microsoft Edge WebView2 运行时”（常青版），\
         或请单位的信息技术部门帮助安装，然后重新启动学时手册。",
    );
    if let Some(detail) = detail {
        text.push_str(&format!("\n\n供技术人员参考：{detail}"));
    }
    text
}

/// Tells the user `text` in a message box (and on standard error, which a user who started the
/// app from the menu never sees), keeps it in the log, and ends the process with `code`.
pub fn fatal(text: &str, code: i32) -> ! {
    eprintln!("{text}");
    log(text);
    let _ = rfd::MessageDialog::new()
        .set_title("学时手册")
        .set_description(text)
        .set_level(rfd::MessageLevel::Error)
        .set_buttons(rfd::MessageButtons::Ok)
        .show();
    std::process::exit(code)
}

/// What to tell a user whose window could not be created on Linux or macOS (no graphical
/// desktop, a broken WebKitGTK): where to start it, and what to send to whoever helps.
pub fn no_window_text(detail: &str) -> String {
    format!(
        "学时手册无法创建程序窗口。请在图形桌面中启动学时手册；如果仍然不行，请把数据文件夹中的“{}”\
         发给帮助你的人。\n\n供技术人员参考：{detail}",
        xueshi_store::app_log::LOG_NAME
    )
}

/// The user's data folder, after the one-time move of an old one; a failed move is kept to warn
/// about once the window is up.
pub fn data_folder() -> DataDir {
    let Some(found) = DataDir::find(None) else {
        fatal(
            "找不到这台电脑为程序保存数据的文件夹（系统没有提供），学时手册无法保存记录。请单位的信息技术部门检查这个用户账户的设置",
            2,
        );
    };
    if matches!(found.relocation, Relocation::MovedFolderMissing { .. })
        && let Some(notice) = found.relocation.notice()
    {
        // Not even the log goes there: nothing may be created where the data is missing.
        eprintln!("{notice}");
        return find_moved_folder(&notice);
    }
    set_log_folder(found.dir.clone());
    if let Some(notice) = found.relocation.notice() {
        eprintln!("{notice}");
        log(&notice);
        if matches!(found.relocation, Relocation::Failed { .. }) {
            let _ = STARTUP_WARNING.set(notice);
        }
    }
    found.dir
}

/// The data folder was moved and is not where it was (a drive not plugged in, a folder renamed):
/// says so and lets the user pick the folder (checked as `moving::use_existing` checks it), or
/// quit. Nothing is created in its place.
fn find_moved_folder(notice: &str) -> DataDir {
    let mut text = format!("{notice}\n\n也可以现在选择数据文件夹现在所在的位置。");
    loop {
        let choice = rfd::MessageDialog::new()
            .set_title("学时手册")
            .set_description(&text)
            .set_level(rfd::MessageLevel::Warning)
            .set_buttons(rfd::MessageButtons::OkCancelCustom("选择数据文件夹…".into(), "退出".into()))
            .show();
        let picked = match choice {
            rfd::MessageDialogResult::Custom(label) if label.starts_with("选择") => {
                rfd::FileDialog::new().set_title("选择学时手册的数据文件夹").pick_folder()
            }
            rfd::MessageDialogResult::Ok | rfd::MessageDialogResult::Yes => {
                rfd::FileDialog::new().set_title("选择学时手册的数据文件夹").pick_folder()
            }
            _ => std::process::exit(2),
        };
        let Some(folder) = picked else { continue };
        let Some(base) = DataDir::app_data_base(None) else { std::process::exit(2) };
        match xueshi_store::moving::use_existing(&base, &folder) {
            Ok(dir) => {
                set_log_folder(dir.clone());
                return dir;
            }
            Err(e) => text = format!("{e}\n\n{notice}"),
        }
    }
}

/// The warning to show once the window is up, if any.
pub fn startup_warning() -> Option<&'static str> {
    STARTUP_WARNING.get().map(String::as_str)
}

/// Removes, in the background, the copies of evidence that earlier runs opened for viewing.
pub fn sweep_viewing_copies() {
    std::thread::spawn(|| xueshi_store::viewing::sweep_viewing_copies(&std::env::temp_dir()));
}

/// Shows the main window on top (a second start of the app asked for it).
pub fn bring_to_front<R: tauri::Runtime>(app: &tauri::AppHandle<R>) {
    use tauri::Manager;
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

/// On Windows, ends the app with the message box when the WebView2 runtime is missing.
pub fn check_webview() {
    #[cfg(all(windows, feature = "test-seams"))]
    if std::env::var_os(SKIP_WEBVIEW2_CHECK_ENV).is_some() {
        return;
    }
    #[cfg(windows)]
    if let Err(e) = tauri::webview_version() {
        eprintln!("WebView2: {e}");
        fatal(&no_webview_text(None), NO_WINDOW_EXIT_CODE);
    }
}

/// Until the main window exists, a panic (Tauri panics when it cannot create the window) ends
/// the app with the message box instead of leaving a process with no window (on Linux and macOS,
/// where the box would need the graphical toolkit that just failed, with the text on standard
/// error and in the log). Later panics are defects that the command boundary catches: they are
/// kept in the log.
pub fn guard_window_creation() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        previous(info);
        let detail = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("panic");
        let place = info.location().map(|l| format!("（{}:{}）", l.file(), l.line())).unwrap_or_default();
        if WINDOW_CREATED.load(Ordering::SeqCst) {
            log(&format!("程序出错，这一操作没有完成：{detail}{place}"));
        } else if cfg!(windows) {
            fatal(&no_webview_text(Some(detail)), NO_WINDOW_EXIT_CODE);
        } else {
            let text = no_window_text(detail);
            eprintln!("{text}");
            log(&text);
            std::process::exit(NO_WINDOW_EXIT_CODE);
        }
    }));
}

/// Called when the main window exists.
pub fn window_created() {
    WINDOW_CREATED.store(true, Ordering::SeqCst);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_missing_runtime_message_names_it_and_says_how_to_get_it() {
        let text = no_webview_text(None);
        for part in [
            "Microsoft Edge WebView2 运行时",
            "Windows 10 和 Windows 11 通常已自带",
            "（常青版）",
            "信息技术部门",
            "重新启动",
        ] {
            assert!(text.contains(part), "{part} missing from {text}");
        }
        assert!(!text.contains("技术人员参考"));
    }

    #[test]
    fn on_linux_a_window_that_failed_points_to_the_desktop_and_the_log_file() {
        let text = no_window_text("Failed to initialize gtk");
        assert!(text.contains("图形桌面") && text.contains("“学时手册.log”"), "{text}");
        assert!(text.ends_with("供技术人员参考：Failed to initialize gtk"));
    }

    #[test]
    fn a_window_that_failed_is_explained_the_same_way_with_the_detail_for_the_it_department() {
        let text = no_webview_text(Some("failed to create window"));
        assert!(text.contains("无法创建程序窗口") && text.contains("（常青版）"));
        assert!(text.ends_with("供技术人员参考：failed to create window"));
    }
}
