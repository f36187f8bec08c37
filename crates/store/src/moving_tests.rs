//! Moving the data folder, stopped after every step as a power cut would stop it: at the next
//! start the data is whole in exactly one place, the one the app opens, and nothing is left over.

use std::ops::ControlFlow;
use std::path::Path;

use super::*;
use crate::{Options, Store};

/// An app-data folder with the default data folder in it: a profile, one evidence file, a backup,
/// a rule file and the log; and the web view's own folder, which is not ours.
fn app_data(base: &Path) -> DataDir {
    let dir = crate::relocate::tests::filled(DataDir::find_in(base).dir);
    std::fs::create_dir_all(dir.rules()).expect("rules folder");
    std::fs::write(dir.rules().join("本单位.toml"), "id = \"x\"\n").expect("rule file");
    std::fs::write(dir.log_file(), "2026-11-29 启动\n").expect("log");
    std::fs::create_dir_all(dir.root().join("WebKitCache")).expect("the web view's folder");
    dir
}

fn open(dir: &DataDir) -> Store {
    Store::open_with(dir, Options { daily_backup: false, ..Options::default() }).expect("opens")
}

/// Whether `root` holds the whole data: the profile, the evidence, the backup, the rule file, the log.
fn whole(root: &Path) -> bool {
    let dir = DataDir::new(root);
    dir.database().is_file()
        && std::fs::read(dir.evidence().join("ab").join("ab".repeat(32))).is_ok_and(|b| b == b"%PDF-1.4 certificate")
        && dir.backups().join("ledger-20260101-manual.sqlite3").is_file()
        && dir.rules().join("本单位.toml").is_file()
        && dir.log_file().is_file()
        && open(&dir).profile().is_ok_and(|p| p.name.as_deref() == Some("王晓梅"))
}

/// Whether `root` holds none of our data (the web view's folder may stay).
fn empty_of_ours(root: &Path) -> bool {
    let dir = DataDir::new(root);
    !dir.database().exists() && !dir.evidence().exists() && !dir.backups().exists() && !dir.log_file().exists()
}

#[test]
fn a_move_copies_checks_switches_and_removes_the_old_data_but_not_the_web_views_files() {
    let tmp = tempfile::tempdir().expect("temp");
    let base = tmp.path().join("AppData");
    let old = app_data(&base);
    let to = tmp.path().join("D盘").join("学时手册数据");
    let store = open(&DataDir::find_in(&base).dir);
    let mut steps = Vec::new();
    let new = store
        .move_data_folder(&to, &mut |s| {
            steps.push(s);
            ControlFlow::Continue(())
        })
        .expect("moved");
    assert_eq!(steps, [MoveStep::Begun, MoveStep::Copied, MoveStep::Checked, MoveStep::Switched]);
    drop(store);
    finish_move(&base);
    assert_eq!(new.root(), to);
    assert_eq!(DataDir::find_in(&base).dir.root(), to, "the next start opens the new folder");
    assert!(whole(&to));
    assert!(empty_of_ours(old.root()));
    assert!(old.root().join("WebKitCache").is_dir(), "the web view's files are not ours to move");
    assert!(!base.join(JOURNAL_NAME).exists());

    // And back to the default place: the pointer goes.
    let store = open(&DataDir::find_in(&base).dir);
    store.move_data_folder(old.root(), &mut |_| ControlFlow::Continue(())).expect("moved back");
    drop(store);
    finish_move(&base);
    assert!(!base.join(POINTER_NAME).exists());
    assert_eq!(DataDir::find_in(&base).dir.root(), old.root());
    assert!(whole(old.root()));
    assert!(!to.exists(), "the folder the data was moved to and from is gone");
}

#[test]
fn stopped_after_any_step_the_next_start_finds_the_data_whole_in_one_place() {
    for (stop_after, moved) in
        [(MoveStep::Begun, false), (MoveStep::Copied, false), (MoveStep::Checked, false), (MoveStep::Switched, true)]
    {
        let tmp = tempfile::tempdir().expect("temp");
        let base = tmp.path().join("AppData");
        let old = app_data(&base);
        let to = tmp.path().join("新位置");
        let store = open(&DataDir::find_in(&base).dir);
        let stopped = store.move_data_folder(&to, &mut |s| {
            if s == stop_after { ControlFlow::Break(()) } else { ControlFlow::Continue(()) }
        });
        assert!(matches!(stopped, Err(StoreError::Move(MoveError::Stopped(s))) if s == stop_after), "{stop_after:?}");
        drop(store);

        let found = DataDir::find_in(&base).dir;
        let (kept, gone) = if moved { (&to, old.root()) } else { (&old.root().to_owned(), to.as_path()) };
        assert_eq!(found.root(), kept.as_path(), "stopped after {stop_after:?}: the start opens the whole data");
        assert!(whole(kept), "stopped after {stop_after:?}");
        assert!(empty_of_ours(gone), "stopped after {stop_after:?}: no second copy is left");
        assert!(!base.join(JOURNAL_NAME).exists(), "stopped after {stop_after:?}");
    }
}

#[test]
fn a_removal_cut_short_is_finished_at_the_next_start() {
    let tmp = tempfile::tempdir().expect("temp");
    let base = tmp.path().join("AppData");
    let old = app_data(&base);
    let to = tmp.path().join("新位置");
    let store = open(&DataDir::find_in(&base).dir);
    store.move_data_folder(&to, &mut |_| ControlFlow::Continue(())).expect("moved");
    drop(store);
    // The removal began (the evidence is gone) and stopped.
    std::fs::remove_dir_all(old.evidence()).expect("part removed");
    assert_eq!(DataDir::find_in(&base).dir.root(), to);
    assert!(empty_of_ours(old.root()) && whole(&to));
}

#[test]
fn a_folder_with_files_the_folder_itself_or_one_inside_it_is_refused_and_nothing_changes() {
    let tmp = tempfile::tempdir().expect("temp");
    let base = tmp.path().join("AppData");
    let old = app_data(&base);
    let busy = tmp.path().join("有文件");
    std::fs::create_dir_all(&busy).expect("folder");
    std::fs::write(busy.join("别的.txt"), "x").expect("file");
    let store = open(&DataDir::find_in(&base).dir);
    let go = |to: &Path| store.move_data_folder(to, &mut |_| ControlFlow::Continue(())).map(|_| ()).unwrap_err();
    assert!(matches!(go(&busy), StoreError::Move(MoveError::NotEmpty(_))));
    assert!(matches!(go(old.root()), StoreError::Move(MoveError::Same(_))));
    assert!(matches!(go(&old.root().join("子文件夹")), StoreError::Move(MoveError::Nested(_))));
    assert!(matches!(go(Path::new("相对路径")), StoreError::Move(MoveError::NotAbsolute(_))));
    assert_eq!(
        go(&busy).to_string(),
        format!("新位置{}已有文件。请选择一个空文件夹，或一个还不存在的文件夹", crate::words::place(&busy))
    );
    drop(store);
    assert!(whole(old.root()) && !base.join(JOURNAL_NAME).exists() && !base.join(POINTER_NAME).exists());
}

#[test]
fn a_folder_given_at_start_is_not_moved() {
    let tmp = tempfile::tempdir().expect("temp");
    let store = open(&DataDir::new(tmp.path().join("给定的")));
    let refused = store.move_data_folder(&tmp.path().join("新"), &mut |_| ControlFlow::Continue(()));
    assert!(matches!(refused, Err(StoreError::Move(MoveError::GivenExplicitly))));
}

#[test]
fn a_moved_folder_that_is_missing_is_said_and_not_created() {
    let tmp = tempfile::tempdir().expect("temp");
    let base = tmp.path().join("AppData");
    app_data(&base);
    let to = tmp.path().join("U盘");
    let store = open(&DataDir::find_in(&base).dir);
    store.move_data_folder(&to, &mut |_| ControlFlow::Continue(())).expect("moved");
    drop(store);
    finish_move(&base);
    std::fs::remove_dir_all(&to).expect("the drive is unplugged");
    let found = DataDir::find_in(&base);
    assert!(matches!(found.relocation, crate::relocate::Relocation::MovedFolderMissing { .. }));
    let notice = found.relocation.notice().expect("a notice");
    assert!(notice.contains("移动硬盘或 U 盘没有接上"), "{notice}");
    assert!(!to.exists());
}

#[test]
fn a_move_back_to_the_default_folder_stopped_before_the_switch_keeps_the_web_views_files() {
    let tmp = tempfile::tempdir().expect("temp");
    let base = tmp.path().join("AppData");
    let default = app_data(&base);
    let away = tmp.path().join("D盘");
    let store = open(&DataDir::find_in(&base).dir);
    store.move_data_folder(&away, &mut |_| ControlFlow::Continue(())).expect("moved away");
    drop(store);
    finish_move(&base);
    let store = open(&DataDir::find_in(&base).dir);
    let stop = |s| if s == MoveStep::Checked { ControlFlow::Break(()) } else { ControlFlow::Continue(()) };
    assert!(store.move_data_folder(default.root(), &mut { stop }).is_err());
    drop(store);
    assert_eq!(DataDir::find_in(&base).dir.root(), away);
    assert!(whole(&away) && empty_of_ours(default.root()));
    assert!(default.root().join("WebKitCache").is_dir(), "the web view's files stay");
}

#[test]
fn after_a_reinstall_the_folder_on_another_drive_is_used_again_and_a_folder_without_our_data_is_refused() {
    let tmp = tempfile::tempdir().expect("temp");
    let base = tmp.path().join("AppData");
    app_data(&base);
    let drive = tmp.path().join("D盘");
    let store = open(&DataDir::find_in(&base).dir);
    store.move_data_folder(&drive, &mut |_| ControlFlow::Continue(())).expect("moved");
    drop(store);
    finish_move(&base);
    // The system is reinstalled: the app-data folder is new and empty.
    std::fs::remove_dir_all(&base).expect("C: wiped");
    let fresh = DataDir::find_in(&base).dir;
    drop(open(&fresh));
    assert_eq!(use_existing(&base, &drive).expect("used").root(), drive);
    assert_eq!(DataDir::find_in(&base).dir.root(), drive, "the next start opens it");
    assert!(whole(&drive));
    assert!(fresh.database().is_file(), "the folder in use before is left as it is");

    let empty = tmp.path().join("空文件夹");
    std::fs::create_dir_all(&empty).expect("folder");
    assert!(matches!(use_existing(&base, &empty), Err(StoreError::Move(MoveError::NoDataThere(_)))));
    let foreign = tmp.path().join("别的程序");
    std::fs::create_dir_all(&foreign).expect("folder");
    rusqlite::Connection::open(foreign.join("ledger.sqlite3"))
        .expect("db")
        .execute_batch("CREATE TABLE t(x)")
        .expect("t");
    assert!(matches!(use_existing(&base, &foreign), Err(StoreError::NotOurDatabase { .. })));
    assert_eq!(DataDir::find_in(&base).dir.root(), drive, "a refusal changes nothing");
}
