//! The data folder: where one user's database, evidence vault and backups live, and how its
//! location is chosen (the OS app-data folder that the desktop app uses, unless overridden).

use std::path::{Path, PathBuf};

use crate::relocate::{Located, Relocation, settle_in};

/// The app identifier; the desktop app keeps its data under the OS app-data folder of this name
/// (the first releases used `com.xueshi.app`: see `relocate.rs`).
pub const APP_IDENTIFIER: &str = "cn.xueshi.handbook";
/// The environment variable that overrides the data folder.
pub const DATA_DIR_ENV: &str = "XUESHI_DATA_DIR";

/// The data folder of one user: `ledger.sqlite3`, `evidence/`, `backups/` and `rules/`.
#[derive(Debug, Clone)]
pub struct DataDir {
    root: PathBuf,
    /// The OS app-data folder when the folder was found there (by default or through the pointer
    /// a move left): only such a folder can be moved (`moving.rs`).
    base: Option<PathBuf>,
}

/// Two data folders are the same when their roots are.
impl PartialEq for DataDir {
    fn eq(&self, other: &DataDir) -> bool {
        self.root == other.root
    }
}
impl Eq for DataDir {}

impl DataDir {
    pub fn new(root: impl Into<PathBuf>) -> DataDir {
        DataDir { root: root.into(), base: None }
    }

    /// The data folder `root`, found through the app-data folder `base`.
    pub(crate) fn found(root: &Path, base: &Path) -> DataDir {
        DataDir { root: root.to_owned(), base: Some(base.to_owned()) }
    }

    /// The app-data folder this data folder was found through; `None` when it was given (which
    /// cannot be moved from the app).
    pub fn pointer_base(&self) -> Option<&Path> {
        self.base.as_deref()
    }

    /// The folder to use: `explicit` (e.g. `--data-dir`), else `XUESHI_DATA_DIR`, else the OS
    /// app-data folder (`%APPDATA%\cn.xueshi.handbook`, `~/.local/share/cn.xueshi.handbook`, …),
    /// into which a data folder of the first releases is moved once. `None` when none is given
    /// and the OS has no app-data folder. `find` also says whether a move happened or failed.
    pub fn locate(explicit: Option<&Path>) -> Option<DataDir> {
        DataDir::find(explicit).map(|found| found.dir)
    }

    /// `locate`, with what happened to a data folder at the old location (to tell the user).
    pub fn find(explicit: Option<&Path>) -> Option<Located> {
        let given = |p: &Path| Located { dir: DataDir::new(p), relocation: Relocation::Nothing };
        if let Some(p) = explicit {
            return Some(given(p));
        }
        if let Some(p) = std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
            return Some(given(Path::new(&p)));
        }
        dirs::data_dir().map(|base| DataDir::find_in(&base))
    }

    /// The OS app-data folder the default data folder (and a moved one's pointer) is found in,
    /// unless `explicit` or `XUESHI_DATA_DIR` gives the data folder (then `None`).
    pub fn app_data_base(explicit: Option<&Path>) -> Option<PathBuf> {
        let given = explicit.is_some() || std::env::var_os(DATA_DIR_ENV).is_some_and(|v| !v.is_empty());
        if given { None } else { dirs::data_dir() }
    }

    /// The data folder in the app-data folder `base`: after finishing or undoing a move that was
    /// under way, the one a move left the pointer to, else the default one (into which a data
    /// folder of the first releases is moved once).
    pub fn find_in(base: &Path) -> Located {
        crate::moving::recover(base);
        if let Some(to) = crate::moving::pointed(base) {
            let dir = DataDir::found(&to, base);
            let relocation =
                if dir.database().is_file() { Relocation::Nothing } else { Relocation::MovedFolderMissing { at: to } };
            return Located { dir, relocation };
        }
        let mut located = settle_in(base);
        located.dir.base = Some(base.to_owned());
        located
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn database(&self) -> PathBuf {
        self.root.join("ledger.sqlite3")
    }

    pub fn evidence(&self) -> PathBuf {
        self.root.join("evidence")
    }

    pub fn backups(&self) -> PathBuf {
        self.root.join("backups")
    }

    /// The user's own rule files (`*.toml`), loaded beside the built-in notices.
    pub fn rules(&self) -> PathBuf {
        self.root.join(crate::exchange::RULES_DIR)
    }
}

/// Flushes a directory entry (after a rename or create) so the change survives a power cut.
/// Directories cannot be opened for syncing on Windows, where renames are already durable.
pub(crate) fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        std::fs::File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_explicit_folder_wins_over_everything_else_and_nothing_is_moved() {
        let found = DataDir::find(Some(Path::new("/tmp/x"))).expect("a folder");
        assert!(matches!(found.relocation, Relocation::Nothing));
        let dir = found.dir;
        assert_eq!(dir.database(), Path::new("/tmp/x/ledger.sqlite3"));
        assert_eq!(dir.evidence(), Path::new("/tmp/x/evidence"));
        assert_eq!(dir.backups(), Path::new("/tmp/x/backups"));
    }
}
