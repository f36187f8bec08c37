//! Two programs on one data folder at once (the desktop app and the command line, or two command
//! lines): every change each of them reports as saved is saved, a reader never sees a damaged
//! database, and backups made at the same moment both succeed.

use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

use crate::common::{add_training, data_folder_named, xueshi};

/// Records each of the two programs adds. Fewer under Windows (the lane runs these tests under
/// Wine, where every process start is slow): the locking is the same, only the count is smaller.
const EACH: usize = if cfg!(windows) { 25 } else { 100 };

/// A data folder whose name has a space.
fn setup() -> (tempfile::TempDir, PathBuf) {
    data_folder_named("数据 文件夹")
}

fn add(data: &Path, title: &str) -> Output {
    add_training(data, title, "1")
}

fn stored_ids(data: &Path) -> Vec<String> {
    let out = xueshi(data, &["list", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let items = list.as_array().cloned().or_else(|| list["activities"].as_array().cloned()).unwrap_or_default();
    items.iter().filter_map(|a| a["id"].as_str().map(str::to_owned)).collect()
}

#[test]
fn two_programs_adding_a_hundred_records_each_at_once_store_every_one() {
    let all = 2 * EACH;
    let (_tmp, data) = setup();
    let workers: Vec<_> = (0..2)
        .map(|w| {
            let data = data.clone();
            thread::spawn(move || {
                let mut failures = Vec::new();
                for i in 0..EACH {
                    let out = add(&data, &format!("培训 {w}-{i}"));
                    if out.status.code() != Some(0) {
                        failures.push(String::from_utf8_lossy(&out.stderr).into_owned());
                    }
                }
                failures
            })
        })
        .collect();
    let failures: Vec<String> = workers.into_iter().flat_map(|w| w.join().expect("worker")).collect();
    assert!(failures.is_empty(), "{} of {all} adds failed, first: {}", failures.len(), failures[0]);
    let mut ids = stored_ids(&data);
    assert_eq!(ids.len(), all, "every add that said it saved is stored");
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), all, "each record got its own id");
}

#[test]
fn listing_while_other_programs_write_never_reports_a_damaged_database() {
    let (_tmp, data) = setup();
    let writing = Arc::new(AtomicBool::new(true));
    let readers: Vec<_> = (0..2)
        .map(|_| {
            let (data, writing) = (data.clone(), Arc::clone(&writing));
            thread::spawn(move || {
                let mut problems = Vec::new();
                while writing.load(Ordering::SeqCst) {
                    let out = xueshi(&data, &["list"]);
                    if out.status.code() != Some(0) {
                        problems.push(String::from_utf8_lossy(&out.stderr).into_owned());
                    }
                }
                problems
            })
        })
        .collect();
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let data = data.clone();
            thread::spawn(move || {
                for i in 0..EACH / 2 {
                    let out = add(&data, &format!("培训 {w}-{i}"));
                    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
                }
            })
        })
        .collect();
    let written = writers.into_iter().map(|w| w.join()).collect::<Vec<_>>();
    writing.store(false, Ordering::SeqCst);
    let problems: Vec<String> = readers.into_iter().flat_map(|r| r.join().expect("reader")).collect();
    assert!(written.iter().all(Result::is_ok), "every add succeeded");
    assert!(problems.is_empty(), "list failed {} times, first: {}", problems.len(), problems[0]);
    assert_eq!(stored_ids(&data).len(), 2 * (EACH / 2));
}

#[test]
fn two_backups_made_at_the_same_moment_both_succeed() {
    let (_tmp, data) = setup();
    assert_eq!(add(&data, "培训").status.code(), Some(0));
    for round in 0..10 {
        let both: Vec<_> = (0..2)
            .map(|_| {
                let data = data.clone();
                thread::spawn(move || xueshi(&data, &["backup"]))
            })
            .collect();
        for out in both.into_iter().map(|t| t.join().expect("backup thread")) {
            assert_eq!(out.status.code(), Some(0), "round {round}: {}", String::from_utf8_lossy(&out.stderr));
        }
    }
    let backups: Vec<_> = std::fs::read_dir(data.join("backups"))
        .expect("backups folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!backups.iter().any(|n| n.ends_with(".partial")), "no half backup left: {backups:?}");
    assert_eq!(backups.iter().filter(|n| n.ends_with(".sqlite3")).count(), 10, "the newest ten are kept: {backups:?}");
}

#[test]
fn two_programs_creating_the_same_new_data_folder_at_once_both_succeed() {
    for round in 0..EACH / 3 {
        let tmp = tempfile::tempdir().expect("tmp");
        let data = tmp.path().join("新的 数据");
        let both: Vec<_> = (0..2)
            .map(|_| {
                let data = data.clone();
                thread::spawn(move || xueshi(&data, &["init"]))
            })
            .collect();
        for out in both.into_iter().map(|t| t.join().expect("init thread")) {
            assert_eq!(out.status.code(), Some(0), "round {round}: {}", String::from_utf8_lossy(&out.stderr));
        }
        assert!(stored_ids(&data).is_empty());
    }
}
