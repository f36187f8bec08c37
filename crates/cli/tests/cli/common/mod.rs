//! What the command-line tests share: the real `xueshi` run on a data folder, its output as text,
//! a fresh data folder in a temporary directory, the demo ledger.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The `xueshi` program under test, without any `XUESHI_DATA_DIR` of the machine.
pub fn command() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_xueshi"));
    command.env_remove("XUESHI_DATA_DIR");
    command
}

/// Runs `xueshi --data-dir <data> <args>`; an export or a verification gets the bundled fonts
/// where the system has no Chinese font.
pub fn xueshi(data: &Path, args: &[&str]) -> Output {
    let mut command = command();
    command.arg("--data-dir").arg(data).args(args);
    if matches!(args.first(), Some(&"export" | &"verify-package"))
        && let Some(fonts) = bundled_fonts_if_needed()
    {
        command.arg("--font").arg(fonts);
    }
    run(&mut command)
}

/// Runs a command to its end and returns what it printed. A start that fails before the program
/// runs is tried again, up to five times: Wine, where the Windows lane runs these tests, now and
/// then refuses to create a process when many start at once ("Internal error", os error 1359).
/// Such a failure is the test machine's, not the program's, which never ran; how the program
/// itself ends is returned as it is, never retried.
pub fn run(command: &mut Command) -> Output {
    let mut attempt = 1;
    loop {
        match command.output() {
            Ok(out) => return out,
            Err(e) if attempt < 5 => {
                eprintln!("starting xueshi failed ({e}), attempt {attempt} of 5; trying again");
                attempt += 1;
                std::thread::sleep(std::time::Duration::from_millis(200 * attempt));
            }
            Err(e) => panic!("xueshi does not start after 5 attempts: {e}"),
        }
    }
}

/// Runs `xueshi` and returns what it printed, failing the test unless it succeeded.
pub fn ok(data: &Path, args: &[&str]) -> String {
    let out = xueshi(data, args);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Runs `xueshi`, expecting it to refuse (exit 2); returns its message.
pub fn refused(data: &Path, args: &[&str]) -> String {
    let out = xueshi(data, args);
    assert_eq!(out.status.code(), Some(2), "{args:?} should be refused: {}", text(&out));
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A temporary directory holding the data folder `name`, made by `xueshi init`; the folder goes
/// when the directory guard drops.
pub fn data_folder_named(name: &str) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("a temporary directory");
    let data = tmp.path().join(name);
    ok(&data, &["init"]);
    (tmp, data)
}

/// A fresh data folder `数据`, made by `xueshi init`, in a temporary directory.
pub fn data_folder() -> (tempfile::TempDir, PathBuf) {
    data_folder_named("数据")
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

/// The repository's folder (the demo ledger, the outside cases, the fonts).
pub fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The demo ledger, `demo/ledger.json`.
pub fn demo_ledger() -> PathBuf {
    repository().join("demo/ledger.json")
}

/// None (the system's fonts), except on a Windows without any Chinese font (Wine has none; every
/// real Windows has 宋体 or 微软雅黑): then the subset of Noto Serif CJK SC the app bundles.
pub fn bundled_fonts_if_needed() -> Option<PathBuf> {
    (cfg!(windows) && xueshi_export::FontSet::discover(None).is_err()).then(|| repository().join("fonts"))
}
