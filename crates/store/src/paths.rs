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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir {
    root: PathBuf,
}

impl DataDir {
    pub fn new(root: impl Into<PathBuf>) -> DataDir {
        DataDir { root: root.into() }
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
        dirs::data_dir().map(|base| settle_in(&base))
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
