//! The app's log file in the data folder (`学时手册.log`): what went wrong where the user may not
//! have seen it — a start that failed, a defect caught at a command, a warning at startup — one
//! line each with the local date and time, so that the user can send it to whoever helps them.
//! It stays small: past 1 MB the file becomes `学时手册.old.log` (replacing an older one) and a
//! new one begins. Writing it never fails the app: a log that cannot be written is skipped.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::DataDir;

/// The log's file name in the data folder.
pub const LOG_NAME: &str = "学时手册.log";
/// The previous log, kept once the log passed [`LOG_LIMIT`].
pub const OLD_LOG_NAME: &str = "学时手册.old.log";
/// The size past which a new log begins.
pub const LOG_LIMIT: u64 = 1024 * 1024;

impl DataDir {
    /// The app's log file.
    pub fn log_file(&self) -> PathBuf {
        self.root().join(LOG_NAME)
    }
}

/// Appends `what` (one line; line breaks become spaces) with the local time to the log of `dir`.
/// Returns whether it was written.
pub fn log_line(dir: &DataDir, what: &str) -> bool {
    let now = chrono::Local::now().format("%Y-%m-%d %H:%M:%S");
    let line = what.split(['\r', '\n']).filter(|p| !p.trim().is_empty()).collect::<Vec<_>>().join(" ");
    append(&dir.log_file(), &format!("{now} {line}\n")).is_ok()
}

fn append(path: &Path, line: &str) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    if std::fs::metadata(path).is_ok_and(|m| m.len() + line.len() as u64 > LOG_LIMIT) {
        std::fs::rename(path, path.with_file_name(OLD_LOG_NAME))?;
    }
    let mut file = std::fs::OpenOptions::new().create(true).append(true).open(path)?;
    file.write_all(line.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder() -> (tempfile::TempDir, DataDir) {
        let tmp = tempfile::tempdir().expect("temp folder");
        let dir = DataDir::new(tmp.path().join("数据"));
        (tmp, dir)
    }

    #[test]
    fn each_entry_is_one_line_with_the_date_and_time_in_the_data_folder() {
        let (_tmp, dir) = folder();
        assert!(log_line(&dir, "学时手册无法启动：\n数据库已损坏"));
        assert!(log_line(&dir, "第二条"));
        let text = std::fs::read_to_string(dir.root().join("学时手册.log")).expect("log");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2, "{text}");
        assert!(lines[0].ends_with(" 学时手册无法启动： 数据库已损坏"), "{}", lines[0]);
        let stamp = &lines[0][..19];
        assert!(chrono::NaiveDateTime::parse_from_str(stamp, "%Y-%m-%d %H:%M:%S").is_ok(), "{stamp}");
    }

    #[test]
    fn past_one_megabyte_the_log_starts_anew_and_keeps_the_previous_one() {
        let (_tmp, dir) = folder();
        std::fs::create_dir_all(dir.root()).expect("folder");
        std::fs::write(dir.log_file(), vec![b'x'; LOG_LIMIT as usize - 10]).expect("a full log");
        assert!(log_line(&dir, "新的一条"));
        let old = std::fs::metadata(dir.root().join(OLD_LOG_NAME)).expect("old log kept");
        assert_eq!(old.len(), LOG_LIMIT - 10);
        let text = std::fs::read_to_string(dir.log_file()).expect("new log");
        assert!(text.ends_with(" 新的一条\n") && text.lines().count() == 1, "{text}");
    }

    #[test]
    fn a_log_that_cannot_be_written_is_skipped_without_failing() {
        let (_tmp, dir) = folder();
        // The data folder's place is taken by a file: nothing can be written under it.
        std::fs::write(dir.root(), b"not a folder").expect("file");
        assert!(!log_line(&dir, "无法写入"));
    }
}
