//! The one-time move of the data folder from the first releases' location
//! (`<OS app-data folder>/com.xueshi.app`) to the current one (`…/cn.xueshi.handbook`): a single
//! rename within the same parent folder, so the data is either all moved or not moved at all.

use std::io;
use std::path::{Path, PathBuf};

use crate::paths::{APP_IDENTIFIER, DataDir, sync_dir};

/// The identifier of the first releases; their data folder is moved once to the new name.
pub const OLD_APP_IDENTIFIER: &str = "com.xueshi.app";

/// The data folder to use, and what happened on the way to an old one.
#[derive(Debug)]
pub struct Located {
    pub dir: DataDir,
    pub relocation: Relocation,
}

/// What `settle_in` did with a data folder at the old location.
#[derive(Debug)]
pub enum Relocation {
    /// Nothing to move: the folder was given explicitly, there is no old database, or the new
    /// location already holds one (the old folder is then left untouched).
    Nothing,
    /// The old folder now is the new one. `set_aside`: a folder without a database that was in
    /// the way at the new location (on Linux the web view keeps its cache there), renamed to this.
    Moved { from: PathBuf, to: PathBuf, set_aside: Option<PathBuf> },
    /// The rename failed (on Windows, e.g., while an old copy of the program still runs): the old
    /// folder, unchanged, is used this time and the move is tried again at the next start.
    Failed { from: PathBuf, to: PathBuf, error: io::Error },
    /// The user moved the data folder to `at` (移动数据文件夹), and it is not there now (a drive
    /// not plugged in, a folder deleted or renamed): nothing may be opened or created there.
    MovedFolderMissing { at: PathBuf },
}

impl Relocation {
    /// What to tell the user, or `None` when nothing happened.
    pub fn notice(&self) -> Option<String> {
        match self {
            Relocation::Nothing => None,
            Relocation::Moved { from, to, set_aside } => {
                let mut text = format!("数据文件夹已从 {} 移到 {}。", from.display(), to.display());
                if let Some(aside) = set_aside {
                    text.push_str(&format!("新位置原有的、不含学时记录的文件夹已改名为 {}。", aside.display()));
                }
                Some(text)
            }
            Relocation::MovedFolderMissing { at } => Some(format!(
                "数据文件夹已移到 {}，但现在那里找不到学时手册的数据（移动硬盘或 U 盘没有接上，或文件夹被删除、改了名）。\
                 请接上那个磁盘，或把文件夹改回原名，然后重新打开学时手册。如果那里的数据确实已经不在了，删除 {} 旁边的“{}”文件后，\
                 学时手册会回到默认的数据文件夹（可以从备份或导出的全部数据恢复）",
                at.display(),
                APP_IDENTIFIER,
                crate::moving::POINTER_NAME
            )),
            Relocation::Failed { from, to, error } => Some(format!(
                "数据文件夹需要从 {} 移到 {}，但这次没能移动（{}）。这次继续使用原来的文件夹，数据没有任何改动。\
                 可能还有一个学时手册开着：请关闭所有学时手册窗口后重新打开，程序会再移动一次。",
                from.display(),
                to.display(),
                xueshi_durable::words::reason(error)
            )),
        }
    }
}

/// The default data folder inside `base` (the OS app-data folder): `base/cn.xueshi.handbook`,
/// after moving `base/com.xueshi.app` there when that one holds a database and the new one does
/// not. When the move fails, the old folder is returned as it was.
pub fn settle_in(base: &Path) -> Located {
    settle_with(base, &mut |from, to| std::fs::rename(from, to))
}

/// `settle_in` with the rename to use (tests make it fail).
fn settle_with(base: &Path, rename: &mut dyn FnMut(&Path, &Path) -> io::Result<()>) -> Located {
    let new = DataDir::new(base.join(APP_IDENTIFIER));
    let old = DataDir::new(base.join(OLD_APP_IDENTIFIER));
    if new.database().exists() || !old.database().is_file() {
        return Located { dir: new, relocation: Relocation::Nothing };
    }
    let failed = |error| Located {
        relocation: Relocation::Failed { from: old.root().to_owned(), to: new.root().to_owned(), error },
        dir: old.clone(),
    };
    // Something without a database is in the way: an empty folder goes, anything else is kept
    // under another name.
    let mut set_aside = None;
    if std::fs::symlink_metadata(new.root()).is_ok() && std::fs::remove_dir(new.root()).is_err() {
        let aside = free_name(base);
        if let Err(error) = rename(new.root(), &aside) {
            return failed(error);
        }
        set_aside = Some(aside);
    }
    match rename(old.root(), new.root()) {
        Ok(()) => {
            let _ = sync_dir(base);
            let relocation = Relocation::Moved { from: old.root().to_owned(), to: new.root().to_owned(), set_aside };
            Located { dir: new, relocation }
        }
        Err(error) => {
            if let Some(aside) = &set_aside {
                let _ = rename(aside, new.root());
            }
            failed(error)
        }
    }
}

/// `base/cn.xueshi.handbook.before-move`, numbered when that name is taken.
fn free_name(base: &Path) -> PathBuf {
    let mut n = 1u32;
    loop {
        let suffix = if n == 1 { String::new() } else { format!("-{n}") };
        let candidate = base.join(format!("{APP_IDENTIFIER}.before-move{suffix}"));
        if std::fs::symlink_metadata(&candidate).is_err() {
            return candidate;
        }
        n += 1;
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::{Options, Store};

    /// An old data folder in `base` made by the store itself: a database with a profile, one
    /// evidence file in the vault and a backup.
    fn old_folder(base: &Path) -> DataDir {
        filled(DataDir::new(base.join(OLD_APP_IDENTIFIER)))
    }

    /// `dir` made by the store itself: a database with a profile (王晓梅), one evidence file in
    /// the vault and a backup.
    pub(crate) fn filled(dir: DataDir) -> DataDir {
        let quiet = Options { daily_backup: false, ..Options::default() };
        let mut store = Store::open_with(&dir, quiet).expect("the data folder opens");
        let profile = xueshi_core::Profile { name: Some("王晓梅".into()), ..Default::default() };
        store.set_profile(&profile).expect("profile saved");
        drop(store);
        std::fs::create_dir_all(dir.backups()).expect("backups folder");
        std::fs::copy(dir.database(), dir.backups().join("ledger-20260101-manual.sqlite3")).expect("a backup");
        let blob = dir.evidence().join("ab").join("ab".repeat(32));
        std::fs::create_dir_all(blob.parent().expect("a parent")).expect("vault folder");
        std::fs::write(&blob, b"%PDF-1.4 certificate").expect("blob written");
        dir
    }

    fn backups_in(dir: &DataDir) -> Vec<String> {
        let names = std::fs::read_dir(dir.backups()).into_iter().flatten().flatten();
        names.map(|e| e.file_name().to_string_lossy().into_owned()).collect()
    }

    #[test]
    fn an_old_data_folder_is_moved_once_with_its_database_evidence_and_backups() {
        let base = tempfile::tempdir().expect("temp");
        let old = old_folder(base.path());
        let backups = backups_in(&old);
        let located = settle_in(base.path());
        assert!(matches!(located.relocation, Relocation::Moved { set_aside: None, .. }), "{:?}", located.relocation);
        assert_eq!(located.dir.root(), base.path().join(APP_IDENTIFIER));
        assert!(!old.root().exists(), "the old folder is gone");
        let store = Store::open_with(&located.dir, Options { daily_backup: false, ..Options::default() })
            .expect("the moved folder opens");
        assert_eq!(store.profile().expect("profile").name.as_deref(), Some("王晓梅"));
        let blob = located.dir.evidence().join("ab").join("ab".repeat(32));
        assert_eq!(std::fs::read(blob).expect("evidence moved"), b"%PDF-1.4 certificate");
        assert!(backups.contains(&"ledger-20260101-manual.sqlite3".to_owned()));
        assert_eq!(backups_in(&located.dir), backups, "backups moved");
        assert!(located.relocation.notice().is_some_and(|n| n.contains("已从")));
        let again = settle_in(base.path());
        assert!(matches!(again.relocation, Relocation::Nothing), "the move happens once");
        assert_eq!(again.dir, located.dir);
    }

    #[test]
    fn the_new_folder_wins_when_both_hold_a_database_and_the_old_one_is_left_untouched() {
        let base = tempfile::tempdir().expect("temp");
        let old = old_folder(base.path());
        let new = DataDir::new(base.path().join(APP_IDENTIFIER));
        drop(Store::open_with(&new, Options { daily_backup: false, ..Options::default() }).expect("opens"));
        let before = std::fs::read(old.database()).expect("old database");
        let located = settle_in(base.path());
        assert!(matches!(located.relocation, Relocation::Nothing));
        assert_eq!(located.dir, new);
        assert_eq!(std::fs::read(old.database()).expect("old database"), before);
        assert!(old.evidence().join("ab").join("ab".repeat(32)).is_file());
    }

    #[test]
    fn without_an_old_database_the_new_folder_is_used_and_nothing_is_moved() {
        let base = tempfile::tempdir().expect("temp");
        std::fs::create_dir_all(base.path().join(OLD_APP_IDENTIFIER).join("EBWebView")).expect("old cache");
        let located = settle_in(base.path());
        assert!(matches!(located.relocation, Relocation::Nothing));
        assert_eq!(located.dir.root(), base.path().join(APP_IDENTIFIER));
        assert!(base.path().join(OLD_APP_IDENTIFIER).join("EBWebView").is_dir());
    }

    #[test]
    fn a_new_folder_holding_only_the_web_views_cache_is_set_aside_and_the_data_moved_in() {
        let base = tempfile::tempdir().expect("temp");
        old_folder(base.path());
        let cache = base.path().join(APP_IDENTIFIER).join("WebKitCache");
        std::fs::create_dir_all(&cache).expect("cache");
        let located = settle_in(base.path());
        let aside = base.path().join(format!("{APP_IDENTIFIER}.before-move"));
        assert!(
            matches!(&located.relocation, Relocation::Moved { set_aside: Some(a), .. } if *a == aside),
            "{:?}",
            located.relocation
        );
        assert!(aside.join("WebKitCache").is_dir(), "the cache is kept aside");
        assert!(located.dir.database().is_file());
    }

    #[test]
    fn an_empty_new_folder_is_simply_replaced_by_the_old_one() {
        let base = tempfile::tempdir().expect("temp");
        old_folder(base.path());
        std::fs::create_dir(base.path().join(APP_IDENTIFIER)).expect("empty new folder");
        let located = settle_in(base.path());
        assert!(matches!(located.relocation, Relocation::Moved { set_aside: None, .. }));
        assert!(located.dir.database().is_file());
    }

    #[test]
    fn a_failed_move_keeps_using_the_old_folder_unchanged_and_says_so() {
        let base = tempfile::tempdir().expect("temp");
        let old = old_folder(base.path());
        let cache = base.path().join(APP_IDENTIFIER).join("WebKitCache");
        std::fs::create_dir_all(&cache).expect("cache");
        let mut refuse_the_data = |from: &Path, to: &Path| {
            if from == old.root() {
                Err(io::Error::new(io::ErrorKind::PermissionDenied, "拒绝访问。 (os error 5)"))
            } else {
                std::fs::rename(from, to)
            }
        };
        let located = settle_with(base.path(), &mut refuse_the_data);
        assert!(matches!(located.relocation, Relocation::Failed { .. }));
        assert_eq!(located.dir, old);
        assert!(cache.is_dir(), "what was set aside is put back");
        let notice = located.relocation.notice().expect("a notice");
        assert!(notice.contains("继续使用原来的文件夹") && notice.contains("没有访问权限"), "{notice}");
        let store = Store::open_with(&located.dir, Options { daily_backup: false, ..Options::default() })
            .expect("the old folder still opens");
        assert_eq!(store.profile().expect("profile").name.as_deref(), Some("王晓梅"));
    }
}
