//! 学时手册 desktop app: a thin Tauri shell. `build` wires the plugins, state and commands onto a
//! builder (tests pass `tauri::test::mock_builder()`); the work is done by `session.rs` over the
//! core and store crates.

mod commands;
pub mod dto;
pub mod error;
mod export_job;
mod session;
mod state;

#[cfg(test)]
mod bindings;
#[cfg(test)]
mod tests;

use serde::Serialize;
use tauri::{Builder, DragDropEvent, Emitter, Manager, Runtime, WindowEvent};
use xueshi_store::DataDir;

pub use commands::{PICK_ENV, SAVE_ENV};
pub use session::Session;
pub use state::AppState;

/// Sent to the web view when files are dropped on the window: their names and a token to attach
/// them by (the web view never sees the paths).
#[derive(Clone, Serialize)]
struct Dropped {
    token: u32,
    names: Vec<String>,
}

/// The app on any runtime, with its data in `home`.
pub fn build<R: Runtime>(builder: Builder<R>, home: DataDir) -> Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(AppState::new(home))
        .on_window_event(|window, event| {
            if let WindowEvent::DragDrop(DragDropEvent::Drop { paths, .. }) = event {
                let names =
                    paths.iter().filter_map(|p| p.file_name()).map(|n| n.to_string_lossy().into_owned()).collect();
                let token = window.state::<AppState>().drop_files(paths.clone());
                let _ = window.emit("files-dropped", Dropped { token, names });
            }
        })
        .invoke_handler(tauri::generate_handler![
            commands::snapshot,
            commands::save_profile,
            commands::save_plan,
            commands::save_activity,
            commands::remove_activity,
            commands::preview_activity,
            commands::attach_by_dialog,
            commands::attach_dropped,
            commands::detach_evidence,
            commands::open_evidence,
            commands::compare_rules,
            commands::load_rule_file,
            commands::backup_now,
            commands::restore_backup,
            commands::verify_vault,
            commands::import_file,
            commands::open_demo,
            commands::close_demo,
            commands::export_package,
            commands::cancel_export,
            commands::reveal_export,
        ])
}

/// Starts the desktop app on the user's data folder (`XUESHI_DATA_DIR` overrides it).
pub fn run() {
    let Some(home) = DataDir::locate(None) else {
        eprintln!("找不到本机的应用数据文件夹，请用环境变量 XUESHI_DATA_DIR 指定一个文件夹");
        std::process::exit(2);
    };
    let app = build(tauri::Builder::default(), home).run(tauri::generate_context!());
    if let Err(e) = app {
        eprintln!("学时手册无法启动：{e}");
        std::process::exit(1);
    }
}
