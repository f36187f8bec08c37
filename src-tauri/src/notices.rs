//! Reminders as system notifications (tauri-plugin-notification): once the app has started, and
//! in the quiet check at login (`xueshi-app --check-reminders`, registered by 设置 → 提醒 through
//! tauri-plugin-autostart), which opens no window, tells what there is to tell, and exits. The
//! handbook decides what to tell and tells each reminder once a day.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::Duration;

use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;
use xueshi_handbook::reminder_notice::Notice;
use xueshi_handbook::{ErrorCode, Handbook};
use xueshi_store::DataDir;
use xueshi_store::relocate::Relocation;

use crate::error::{AppError, AppResult};
use crate::startup;
use crate::state::AppState;

/// The argument of the check at login.
pub const CHECK_ARG: &str = "--check-reminders";

/// The name of the login entry (the Windows registry's Run value, Linux's autostart file).
pub const LOGIN_ENTRY: &str = "学时手册";

/// End-to-end tests cannot see the desktop's notifications: when this variable names a file, each
/// notification is appended to it (title and body, then an empty line) instead.
#[cfg(feature = "test-seams")]
pub const NOTIFY_ENV: &str = "XUESHI_E2E_NOTIFY";

/// Whether this start is the quiet check at login.
pub fn is_check_run() -> bool {
    std::env::args().skip(1).any(|a| a == CHECK_ARG)
}

/// Shows `notice` as a system notification, and whether the desktop took it; one that cannot is
/// noted in the log.
fn show<R: Runtime>(app: &AppHandle<R>, notice: &Notice) -> bool {
    #[cfg(feature = "test-seams")]
    if let Some(file) = std::env::var_os(NOTIFY_ENV) {
        use std::io::Write;
        let written = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(file)
            .and_then(|mut f| write!(f, "{}\n{}\n\n", notice.title, notice.body));
        if let Err(e) = &written {
            startup::log(&format!("测试用的通知记录无法写入：{}", xueshi_store::words::reason(e)));
        }
        return written.is_ok();
    }
    match app.notification().builder().title(&notice.title).body(&notice.body).show() {
        Ok(()) => true,
        Err(e) => {
            startup::log(&format!("系统通知无法显示（{}）：{}", notice.title, e));
            false
        }
    }
}

/// After the start: today's reminders not yet told today, as one notification.
pub fn notify_after_start<R: Runtime>(app: &AppHandle<R>) {
    let today = chrono::Local::now().date_naive();
    let state = app.state::<AppState>();
    let kept = match state.with_handbook(|h| Ok(h.reminder_notice(today)?)) {
        Ok(Some(pending)) if show(app, &pending.notice) => state.with_handbook(|h| Ok(h.notice_shown(&pending)?)),
        Ok(_) => Ok(()),
        Err(e) => Err(e),
    };
    if let Err(e) = kept {
        startup::log(&format!("提醒未能检查：{}", e.message));
    }
}

/// Whether a desktop is there to show a notification on (at login there is; from a terminal
/// without one, or a service, there is not, and the windowing library would refuse to start).
fn desktop_present() -> bool {
    if cfg!(target_os = "linux") {
        ["DISPLAY", "WAYLAND_DISPLAY"].iter().any(|v| std::env::var_os(v).is_some_and(|d| !d.is_empty()))
    } else {
        true
    }
}

/// The quiet check at login: no window, no message box, nothing created. Without a data folder
/// with a database (not set up yet, or moved to a drive not plugged in) there is nothing to tell.
pub fn check_and_exit() -> ! {
    let Some(found) = DataDir::find(None) else { std::process::exit(0) };
    if matches!(found.relocation, Relocation::MovedFolderMissing { .. }) || !found.dir.database().is_file() {
        std::process::exit(0);
    }
    startup::set_log_folder(found.dir.clone());
    let today = chrono::Local::now().date_naive();
    let mut handbook = match Handbook::open(found.dir) {
        Ok(handbook) => handbook,
        Err(e) => quit(&format!("登录时的提醒检查未能完成：{e}")),
    };
    let pending = match handbook.reminder_notice(today) {
        Ok(Some(pending)) => pending,
        Ok(None) => std::process::exit(0),
        Err(e) => quit(&format!("登录时的提醒检查未能完成：{e}")),
    };
    if !desktop_present() {
        quit("登录时的提醒没有显示：没有桌面");
    }
    // The notification plugin needs an app; this one has no window (the configuration's is left out).
    let mut context = crate::context();
    context.config_mut().app.windows.clear();
    let built = catch_unwind(AssertUnwindSafe(|| {
        tauri::Builder::default().plugin(tauri_plugin_notification::init()).build(context)
    }));
    let app = match built {
        Ok(Ok(app)) => app,
        Ok(Err(e)) => quit(&format!("登录时的提醒无法显示：{e}")),
        Err(_) => quit("登录时的提醒无法显示：窗口系统未能启动"),
    };
    if show(app.handle(), &pending.notice) {
        // The plugin hands the notification to the desktop from a worker thread: give it time.
        std::thread::sleep(Duration::from_secs(3));
        if let Err(e) = handbook.notice_shown(&pending) {
            startup::log(&format!("登录时的提醒已显示，但未能记下：{e}"));
        }
    }
    std::process::exit(0)
}

/// Ends the check at login, with why in the log (a check at login has no one to tell).
fn quit(why: &str) -> ! {
    startup::log(why);
    std::process::exit(0)
}

/// The error when the login entry cannot be changed.
fn login_error(e: impl std::fmt::Display) -> AppError {
    startup::log(&format!("登录时检查提醒的设置未能更改：{e}"));
    AppError::new(
        ErrorCode::File,
        "登录电脑时检查提醒的设置未能更改：系统拒绝了对启动项的修改。请检查安全软件是否拦截了学时手册，再试一次",
    )
}

/// Whether the check at login is registered.
pub fn login_check_enabled<R: Runtime>(app: &AppHandle<R>) -> bool {
    use tauri_plugin_autostart::ManagerExt;
    app.autolaunch().is_enabled().unwrap_or(false)
}

/// Registers or removes the check at login.
pub fn set_login_check_enabled<R: Runtime>(app: &AppHandle<R>, on: bool) -> AppResult<bool> {
    use tauri_plugin_autostart::ManagerExt;
    let launch = app.autolaunch();
    if on { launch.enable() } else { launch.disable() }.map_err(login_error)?;
    Ok(login_check_enabled(app))
}

/// The autostart plugin, registering `xueshi-app --check-reminders` under [`LOGIN_ENTRY`].
pub fn autostart_plugin<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
    tauri_plugin_autostart::Builder::new().app_name(LOGIN_ENTRY).arg(CHECK_ARG).build()
}
