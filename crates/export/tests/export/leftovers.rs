//! Temporary files of an export never pile up: a failed export removes its own, and the next
//! export removes those a killed one left beside the package (`.<name>.<pid>-<stamp>-<n>.part`),
//! but never a user's file, nor one an export still running holds.

use std::fs::{File, FileTimes};
use std::time::{Duration, SystemTime};

use crate::common::{Fixture, files_in};

/// A file as a killed export leaves it, last written `age` ago.
fn leftover(f: &Fixture, name: &str, age: Duration) -> File {
    let path = f.dir.path().join(name);
    let file = File::options().create(true).truncate(true).write(true).read(true).open(&path).expect("create");
    let when = SystemTime::now() - age;
    file.set_times(FileTimes::new().set_modified(when).set_accessed(when)).expect("times");
    file
}

#[test]
fn the_next_export_removes_the_temporary_files_of_a_killed_one_and_nothing_else() {
    let f = Fixture::demo();
    let hour = Duration::from_secs(3600);
    drop(leftover(&f, ".学时材料包.zip.4242-1764300000000000000-0.part", hour));
    drop(leftover(&f, ".学时材料包.zip.4243-1764300000000000001-3.part", hour));
    // Not ours: other names, another package's, and a fresh one (an export just finishing).
    drop(leftover(&f, ".学时材料包.zip.笔记.part", hour));
    drop(leftover(&f, "学时材料包.zip.part", hour));
    drop(leftover(&f, ".别的材料包.zip.4244-1764300000000000002-0.part", hour));
    drop(leftover(&f, ".学时材料包.zip.4245-1764300000000000003-0.part", Duration::ZERO));
    // One that a running export holds (locked), however old.
    let held = leftover(&f, ".学时材料包.zip.4246-1764300000000000004-0.part", hour);
    held.lock().expect("lock");

    f.export(&f.out()).expect("export");
    let mut expected = vec![
        ".学时材料包.zip.4245-1764300000000000003-0.part",
        ".学时材料包.zip.4246-1764300000000000004-0.part",
        ".学时材料包.zip.笔记.part",
        ".别的材料包.zip.4244-1764300000000000002-0.part",
        "学时材料包.zip",
        "学时材料包.zip.part",
    ];
    expected.sort_unstable();
    assert_eq!(files_in(f.dir.path()), expected);
    drop(held);
}

#[test]
fn a_failed_export_leaves_no_temporary_file() {
    let mut f = Fixture::demo();
    let first = f.ledger.activities.iter().find(|a| !a.evidence.is_empty()).expect("evidence").id.clone();
    let file = f.ledger.activities.iter().find(|a| a.id == first).expect("record").evidence[0].file.clone();
    // The evidence file vanishes: the export fails during the copy.
    std::fs::remove_file(f.evidence_dir().join(&first).join(&file)).expect("remove");
    f.options.incomplete_evidence_page = false;
    f.export(&f.out()).expect_err("a file is missing");
    assert_eq!(files_in(f.dir.path()), Vec::<String>::new());
}
