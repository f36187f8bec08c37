//! What the command-line tests share: the real `xueshi` run on a data folder, its output as text.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs `xueshi --data-dir <data> <args>` (ignoring any `XUESHI_DATA_DIR` of the machine); an
/// export or a verification gets the bundled fonts where the system has no Chinese font.
pub fn xueshi(data: &Path, args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_xueshi"));
    command.arg("--data-dir").arg(data).args(args).env_remove("XUESHI_DATA_DIR");
    if matches!(args.first(), Some(&"export" | &"verify-package"))
        && let Some(fonts) = bundled_fonts_if_needed()
    {
        command.arg("--font").arg(fonts);
    }
    command.output().expect("xueshi runs")
}

/// Runs `xueshi` and returns what it printed, failing the test unless it succeeded.
pub fn ok(data: &Path, args: &[&str]) -> String {
    let out = xueshi(data, args);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Adds a professional training of `days` days on 2024-06-01 titled `title`.
pub fn add_training(data: &Path, title: &str, days: &str) -> Output {
    let args = ["add", "--kind", "training", "--title", title, "--date", "2024-06-01", "--category", "professional"];
    xueshi(data, &[&args[..], &["--days", days]].concat())
}

/// Everything a run printed, standard output then errors.
pub fn text(out: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

/// None (the system's fonts), except on a Windows without any Chinese font (Wine has none; every
/// real Windows has 宋体 or 微软雅黑): then the subset of Noto Serif CJK SC the app bundles.
pub fn bundled_fonts_if_needed() -> Option<PathBuf> {
    (cfg!(windows) && xueshi_export::FontSet::discover(None).is_err())
        .then(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fonts"))
}
