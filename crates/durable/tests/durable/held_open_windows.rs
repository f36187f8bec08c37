//! Windows only: moving a finished file onto one that another program holds open (a PDF viewer
//! or a virus scanner) is retried for a moment, and reported by name when the file stays open.
#![cfg(windows)]

use std::fs::{File, OpenOptions};
use std::os::windows::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use xueshi_durable::{FileInUse, ReplaceError, replace_file, replace_file_within, sync_file};

/// `FILE_SHARE_READ` alone: how viewers open a document (others may read it, not delete or
/// replace it).
const FILE_SHARE_READ: u32 = 1;

struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
        let dir = std::env::temp_dir().join(format!("学时 数据-{name}-{}-{stamp}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("scratch folder");
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Opens `path` the way a document viewer does.
fn hold_open(path: &Path) -> File {
    OpenOptions::new().read(true).share_mode(FILE_SHARE_READ).open(path).expect("held open")
}

fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_file_another_program_keeps_open_is_reported_by_name_and_the_temporary_file_is_removed() {
    let dir = Scratch::new("held");
    let (temp, target) = (dir.0.join(".材料包.zip.part"), dir.0.join("申报材料包.zip"));
    std::fs::write(&target, b"old").expect("old");
    std::fs::write(&temp, b"new").expect("new");
    let viewer = hold_open(&target);
    let started = Instant::now();
    let err = replace_file_within(&temp, &target, Duration::from_millis(300)).expect_err("held open");
    assert!(started.elapsed() >= Duration::from_millis(300), "retried for the whole time");
    let ReplaceError::InUse(FileInUse { path }) = &err else { panic!("{err:?}") };
    assert_eq!(path, &target);
    let message = err.to_string();
    assert!(message.contains("申报材料包.zip") && message.contains("请关闭打开它的程序后重试"), "{message}");
    drop(viewer);
    assert_eq!(files(&dir.0), ["申报材料包.zip"], "the temporary file is removed");
    assert_eq!(std::fs::read(&target).expect("read"), b"old", "the old file is untouched");
}

#[test]
fn a_file_let_go_after_a_moment_is_replaced_by_the_retry() {
    let dir = Scratch::new("released");
    let (temp, target) = (dir.0.join("ledger.partial"), dir.0.join("ledger.sqlite3"));
    std::fs::write(&target, b"old").expect("old");
    std::fs::write(&temp, b"new").expect("new");
    let scanner = hold_open(&target);
    let release = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(200));
        drop(scanner);
    });
    replace_file(&temp, &target).expect("replaced once the file was let go");
    release.join().expect("released");
    assert_eq!(std::fs::read(&target).expect("read"), b"new");
    assert_eq!(files(&dir.0), ["ledger.sqlite3"]);
}

#[test]
fn a_finished_file_is_flushed_although_windows_refuses_to_flush_a_read_only_handle() {
    let dir = Scratch::new("sync");
    let path = dir.0.join("备份.sqlite3");
    std::fs::write(&path, b"data").expect("written");
    let refused = File::open(&path).and_then(|f| f.sync_all()).expect_err("read-only handle");
    assert_eq!(refused.raw_os_error(), Some(5), "{refused}");
    sync_file(&path).expect("flushed through a handle opened for writing");
}
