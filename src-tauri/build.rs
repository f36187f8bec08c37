//! Generates the Tauri context and the permissions of the app's own commands (each command must be
//! allowed by a capability before the web view may call it), from the one list of commands.

/// Makes `COMMANDS` of the list in `src/command_list.rs` (the app's `lib.rs` reads the same list).
macro_rules! app_commands {
    ($($name:ident,)*) => {
        const COMMANDS: &[&str] = &[$(stringify!($name),)*];
    };
}

include!("src/command_list.rs");

fn main() {
    println!("cargo:rerun-if-changed=src/command_list.rs");
    let manifest = tauri_build::AppManifest::new().commands(COMMANDS);
    if let Err(e) = tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest)) {
        eprintln!("tauri-build failed: {e:#}");
        std::process::exit(1);
    }
}
