//! 学时手册 desktop app: a thin Tauri shell. `build` wires the plugins, state and commands onto a
//! builder (tests pass `tauri::test::mock_builder()`); the work is done by the application layer
//! (`xueshi_handbook`), which the command line uses too.

mod commands;
mod drops;
pub mod error;
pub mod notices;
pub mod startup;
mod state;
mod window_fit;

#[cfg(test)]
mod bindings;
#[cfg(test)]
mod tests;

use std::sync::OnceLock;
use std::time::Instant;

use tauri::webview::PageLoadEvent;
use tauri::{Builder, DragDropEvent, Manager, Runtime, WindowEvent};
use tauri_plugin_dialog::{DialogExt, MessageDialogKind};
use xueshi_store::DataDir;

#[cfg(feature = "test-seams")]
pub use commands::{OPENED_ENV, PICK_ENV, PICK_FOLDER_ENV, SAVE_ENV};
#[cfg(feature = "test-seams")]
pub use drops::DROP_ENV;
pub use state::AppState;

/// Startup measurement (`scripts/bench-startup.sh`, builds with the test seams): with
/// `XUESHI_STARTUP_PROBE=1` the app prints the milliseconds from process start to the first screen
/// rendered and exits; with `=empty` it loads an empty page instead of the app and prints the time
/// to that page's first frame, the reference.
#[cfg(feature = "test-seams")]
pub const STARTUP_PROBE_ENV: &str = "XUESHI_STARTUP_PROBE";

static PROCESS_START: OnceLock<Instant> = OnceLock::new();

/// Records the moment the process started; call first thing in `main`.
pub fn mark_process_start() {
    let _ = PROCESS_START.get_or_init(Instant::now);
}

/// Prints the startup time (for the probe) and ends the process.
pub(crate) fn finish_startup_probe(what: &str) -> ! {
    let ms = PROCESS_START.get().map_or(0, |t| t.elapsed().as_millis());
    println!("startup {what} {ms} ms");
    std::process::exit(0);
}

/// For the startup probe: the page's marks, and when the page began loading counted from the
/// process start (the process's clock now less the page's clock when it called).
pub(crate) fn print_page_timeline(timeline: Option<&str>, now: Option<f64>) {
    let elapsed = PROCESS_START.get().map_or(0.0, |t| t.elapsed().as_secs_f64() * 1000.0);
    if let Some(now) = now {
        println!("page began loading {:.0} ms after the process started", elapsed - now);
    }
    if let Some(timeline) = timeline {
        println!("page timeline (ms since it began loading): {timeline}");
    }
}

/// The startup probe asked for, if any (never in builds without the test seams).
fn probe() -> Option<String> {
    #[cfg(feature = "test-seams")]
    return std::env::var(STARTUP_PROBE_ENV).ok().filter(|v| !v.is_empty());
    #[cfg(not(feature = "test-seams"))]
    None
}

/// Makes, of the list in `command_list.rs`, `COMMANDS` (their names) and `handler` (the invoke
/// handler calling them).
macro_rules! app_commands {
    ($($name:ident,)*) => {
        /// The names of the commands the web view may call.
        pub const COMMANDS: &[&str] = &[$(stringify!($name),)*];

        fn handler<R: Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$(commands::$name,)*]
        }
    };
}

include!("command_list.rs");

/// The app on any runtime, with its data in `home`.
pub fn build<R: Runtime>(builder: Builder<R>, home: DataDir) -> Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_notification::init())
        .plugin(notices::autostart_plugin())
        .manage(AppState::new(home))
        .setup(|app| {
            // Tauri runs this after it created the windows of the configuration.
            startup::window_created();
            #[cfg(feature = "test-seams")]
            drops::watch_test_drops(app.handle());
            if let Some(window) = app.get_webview_window("main") {
                window_fit::fit_to_screen(&window);
            }
            if let Some(warning) = startup::startup_warning() {
                app.dialog().message(warning).title("学时手册").kind(MessageDialogKind::Warning).show(|_| {});
            }
            if probe().as_deref() == Some("empty")
                && let Some(window) = app.get_webview_window("main")
            {
                let blank = "about:blank".parse().map_err(|e| format!("{e}"))?;
                window.navigate(blank)?;
            }
            Ok(())
        })
        .on_page_load(|webview, payload| {
            if probe().as_deref() != Some("empty") {
                return;
            }
            // The reference is measured, like the dashboard, to the first frame the window draws:
            // the empty page asks for its first frame and then leaves for a second empty page.
            let url = payload.url().as_str();
            if payload.event() == PageLoadEvent::Finished && url == "about:blank" {
                let _ = webview.eval("requestAnimationFrame(() => location.replace('about:blank?frame'))");
            } else if url == "about:blank?frame" {
                finish_startup_probe("empty-window");
            }
        })
        .on_window_event(|window, event| {
            if let WindowEvent::DragDrop(DragDropEvent::Drop { paths, .. }) = event {
                drops::files_dropped(window.app_handle(), paths.clone());
            }
        })
        .invoke_handler(handler())
}

/// The app's configuration and embedded front end: made in one place, so that the quiet check
/// at login does not carry a second copy of the front end.
pub(crate) fn context() -> tauri::Context<tauri::Wry> {
    tauri::generate_context!()
}

/// Starts the desktop app on the user's data folder (`XUESHI_DATA_DIR` overrides it). On
/// Windows without the WebView2 runtime, or when the window cannot be created, it tells the user
/// in a message box and exits with `startup::NO_WINDOW_EXIT_CODE`.
///
/// With `--check-reminders` (the check at login) it opens no window: see `notices`.
///
/// One app per user: a second start hands over to the running app, which brings its window to
/// the front, and exits with success before it opens a window or touches the data folder's files.
pub fn run() {
    if notices::is_check_run() {
        notices::check_and_exit();
    }
    startup::check_webview();
    let home = startup::data_folder();
    startup::guard_window_creation();
    // First of the plugins: it decides, before any window exists, whether this is the second start.
    let single = tauri_plugin_single_instance::init(|app, _args, _cwd| startup::bring_to_front(app));
    let app = match build(tauri::Builder::default().plugin(single), home).build(context()) {
        Ok(app) => app,
        Err(e) => startup::fatal(&format!("学时手册无法启动：{e}"), 1),
    };
    // This is the one running app (a second start has handed over by now): while the window is
    // created and loads the page, the data folder opens and the first screen's snapshot is made.
    let handle = app.handle().clone();
    std::thread::spawn(move || {
        handle.state::<AppState>().prepare_first_screen();
        notices::notify_after_start(&handle);
    });
    app.run(|_, event| {
        if let tauri::RunEvent::Ready = event {
            // Only the one running app sweeps: a second start must not remove the viewing
            // copies the first one has open.
            startup::sweep_viewing_copies();
        }
    });
}
