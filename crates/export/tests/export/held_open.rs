//! Windows only: exporting over an earlier package that a ZIP viewer or a virus scanner holds
//! open waits a moment for it, and when it stays open fails with a message naming the package,
//! leaving the earlier package as it was and no temporary file.
#![cfg(windows)]

use std::fs::{File, OpenOptions};
use std::os::windows::fs::OpenOptionsExt;
use std::path::Path;
use std::time::Duration;

use crate::common::{Fixture, files_in, zip_names};
use xueshi_export::{ExportError, PDF_NAME};

/// `FILE_SHARE_READ` alone: how viewers open a document (others may read it, not replace it).
const FILE_SHARE_READ: u32 = 1;

fn hold_open(path: &Path) -> File {
    OpenOptions::new().read(true).share_mode(FILE_SHARE_READ).open(path).expect("held open")
}

#[test]
fn a_package_a_viewer_keeps_open_is_not_replaced_and_the_message_says_to_close_it() {
    let f = Fixture::demo();
    std::fs::write(f.out(), b"an earlier package").expect("write");
    let before = files_in(f.dir.path());
    let viewer = hold_open(&f.out());
    let err = f.export(&f.out()).expect_err("held open");
    drop(viewer);
    assert!(matches!(err, ExportError::FileInUse(_)), "{err:?}");
    let message = err.to_string();
    assert!(message.contains("学时材料包.zip") && message.contains("请关闭打开它的程序后重试"), "{message}");
    assert_eq!(std::fs::read(f.out()).expect("old package"), b"an earlier package");
    assert_eq!(files_in(f.dir.path()), before, "no temporary file is left");
}

#[test]
fn a_package_let_go_after_a_moment_is_replaced() {
    let f = Fixture::demo();
    std::fs::write(f.out(), b"an earlier package").expect("write");
    let scanner = hold_open(&f.out());
    let release = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(200));
        drop(scanner);
    });
    f.export(&f.out()).expect("exported once the file was let go");
    release.join().expect("released");
    assert!(zip_names(&f.out()).contains(&PDF_NAME.to_owned()));
}
