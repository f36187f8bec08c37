//! Generates the Tauri context and the permissions of the app's own commands (each command must be
//! allowed by a capability before the web view may call it).

fn main() {
    let commands = &[
        "snapshot",
        "save_profile",
        "save_plan",
        "save_activity",
        "remove_activity",
        "preview_activity",
        "attach_by_dialog",
        "attach_dropped",
        "detach_evidence",
        "open_evidence",
        "compare_rules",
        "load_rule_file",
        "backup_now",
        "restore_backup",
        "verify_vault",
        "import_file",
        "open_demo",
        "close_demo",
        "export_package",
        "cancel_export",
        "reveal_export",
        "first_screen_rendered",
    ];
    let manifest = tauri_build::AppManifest::new().commands(commands);
    if let Err(e) = tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest)) {
        eprintln!("tauri-build failed: {e:#}");
        std::process::exit(1);
    }
}
