//! A data folder that cannot be written (a full disk, a read-only folder or medium) still opens
//! for viewing: `list`, `verify`, `assess` and `export` to another place work, with a warning that
//! nothing can be saved and no backup was made; a change is refused with a Chinese message that
//! says why and what to do. A `--data-dir` that is a file is a clear message too.
//!
//! The full disk and the read-only folder are real: a 2 MiB tmpfs filled up, and a read-only
//! bind mount (Linux, as root). Where `mount` is not allowed the two tests say so and skip; the
//! store's own tests cover the read-only opening itself on every system.

#[cfg(target_os = "linux")]
use std::path::Path;
#[cfg(target_os = "linux")]
use std::process::{Command, Output};

#[cfg(target_os = "linux")]
use crate::common::add_training;
use crate::common::xueshi;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[cfg(target_os = "linux")]
fn ok(data: &Path, args: &[&str]) -> Output {
    let out = xueshi(data, args);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}{}", text(&out.stdout), text(&out.stderr));
    out
}

/// A message a user can read: Chinese, without SQLite's or the OS's English.
fn assert_plain_chinese(message: &str) {
    for english in ["disk I/O error", "readonly", "read-only", "No space", "os error", "database"] {
        assert!(!message.contains(english), "English in the message: {message}");
    }
}

#[cfg(target_os = "linux")]
/// A data folder with two records and one attached PDF.
fn fill_data_folder(data: &Path, scratch: &Path) {
    ok(data, &["init"]);
    for title in ["骨干教师培训", "学科带头人研修"] {
        let out = add_training(data, title, "3");
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    }
    let pdf = scratch.join("证书.pdf");
    std::fs::write(&pdf, b"%PDF-1.4\n% certificate\n%%EOF\n").expect("pdf");
    ok(data, &["attach", "2024-001", &pdf.display().to_string(), "--material", "结业证书"]);
}

#[cfg(target_os = "linux")]
/// Unmounts on drop, so that a failing test leaves no mount behind.
struct Mounted(std::path::PathBuf);

#[cfg(target_os = "linux")]
impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[cfg(target_os = "linux")]
fn mount(args: &[&str], target: &Path) -> Option<Mounted> {
    std::fs::create_dir_all(target).expect("mount point");
    let status = Command::new("mount").args(args).arg(target).output();
    match status {
        Ok(out) if out.status.success() => Some(Mounted(target.to_owned())),
        Ok(out) => {
            println!("skipped: mount {args:?} is not allowed here: {}", text(&out.stderr).trim());
            None
        }
        Err(e) => {
            println!("skipped: mount cannot run here: {e}");
            None
        }
    }
}

#[cfg(target_os = "linux")]
/// What the user can still do in a folder that cannot be written: every reading command works
/// and warns; a change is refused saying `why`.
fn viewing_works_and_changes_are_refused(data: &Path, elsewhere: &Path, why: &str) {
    let list = ok(data, &["list"]);
    assert!(text(&list.stdout).contains("骨干教师培训"), "{}", text(&list.stdout));
    let warning = text(&list.stderr);
    assert!(warning.contains(why) && warning.contains("备份"), "a warning on stderr: {warning}");
    assert_plain_chinese(&warning);
    ok(data, &["verify"]);
    ok(data, &["assess", "--apply-year", "2026", "--level", "senior"]);
    let zip = elsewhere.join("导出.zip");
    ok(data, &["export", &zip.display().to_string()]);
    assert!(zip.is_file(), "exported to another place");
    let package = elsewhere.join("申报材料包.zip");
    ok(data, &["export", "--apply-year", "2026", "--level", "senior", "--out", &package.display().to_string()]);
    assert!(package.is_file(), "the submission package is made in another place");

    let add = xueshi(data, &["add", "--kind", "training", "--title", "新培训", "--date", "2024-07-01", "--days", "1"]);
    assert_eq!(add.status.code(), Some(2), "a change is refused");
    let message = text(&add.stderr);
    assert!(message.contains(why), "{message}");
    assert_plain_chinese(&message);
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_still_lets_the_user_view_check_assess_and_export_elsewhere() {
    let tmp = tempfile::tempdir().expect("tmp");
    let disk = tmp.path().join("小磁盘");
    let Some(_mounted) = mount(&["-t", "tmpfs", "-o", "size=2m", "tmpfs"], &disk) else {
        return;
    };
    let data = disk.join("学时数据");
    fill_data_folder(&data, tmp.path());
    // Fill the disk to the last byte.
    let filler = disk.join("大文件");
    let mut file = std::fs::File::create(&filler).expect("filler");
    let block = vec![0u8; 4096];
    while std::io::Write::write_all(&mut file, &block).is_ok() {}
    drop(file);
    viewing_works_and_changes_are_refused(&data, tmp.path(), "磁盘已满");
}

#[cfg(target_os = "linux")]
#[test]
fn a_read_only_folder_still_lets_the_user_view_check_assess_and_export_elsewhere() {
    let tmp = tempfile::tempdir().expect("tmp");
    let source = tmp.path().join("源");
    fill_data_folder(&source.join("学时数据"), tmp.path());
    let view = tmp.path().join("只读");
    let Some(_bound) = mount(&["--bind", &source.display().to_string()], &view) else {
        return;
    };
    let remounted = Command::new("mount").args(["-o", "remount,bind,ro"]).arg(&view).output();
    if !remounted.as_ref().is_ok_and(|o| o.status.success()) {
        println!("skipped: a read-only remount is not allowed here: {remounted:?}");
        return;
    }
    let data = view.join("学时数据");
    viewing_works_and_changes_are_refused(&data, tmp.path(), "只读");
}

#[test]
fn a_data_folder_that_is_a_file_is_named_in_a_chinese_message() {
    let tmp = tempfile::tempdir().expect("tmp");
    let file = tmp.path().join("ledger.json");
    std::fs::write(&file, "{}").expect("file");
    for args in [&["list"][..], &["init"][..], &["add", "--kind", "training", "--title", "x", "--date", "2024-01-01"]] {
        let out = xueshi(&file, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let message = text(&out.stderr);
        assert!(message.contains("是一个文件") && message.contains("--data-dir"), "{args:?}: {message}");
        assert_plain_chinese(&message);
    }
}
