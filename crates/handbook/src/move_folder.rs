//! 移动数据文件夹 as both shells offer it: the folder the user chose (the data goes into it when it
//! is empty, else into a new 学时手册数据 folder inside it), moved by the store, then reopened there;
//! and 使用已有的数据文件夹, the way back to a moved folder after the system was reinstalled.

use std::path::{Path, PathBuf};

use xueshi_store::{Store, moving};

use crate::Handbook;
use crate::error::{HandbookError, Result};

/// The folder made inside a chosen folder that already holds files (e.g. `D:\` itself).
pub const MOVED_FOLDER_NAME: &str = "学时手册数据";

/// Where the data goes when the user chose `chosen`: `chosen` itself when it is missing or empty,
/// else `chosen/学时手册数据`.
pub fn move_target(chosen: &Path) -> PathBuf {
    let has_files = std::fs::read_dir(chosen).is_ok_and(|mut entries| entries.next().is_some());
    if has_files { chosen.join(MOVED_FOLDER_NAME) } else { chosen.to_owned() }
}

impl Handbook {
    /// Moves the data folder to `chosen` (see [`move_target`]) and goes on there; returns the new
    /// folder. On any failure the data is where it was and the app goes on with it.
    pub fn move_data_folder(&mut self, chosen: &Path) -> Result<PathBuf> {
        if self.demo {
            return Err(HandbookError::input("正在看示例：请先点“退出示例”，再移动自己的数据文件夹"));
        }
        let to = move_target(chosen);
        let new = self.store.move_data_folder(&to, &mut |_| std::ops::ControlFlow::Continue(()))?;
        // The old folder's database closes here; the next start would open the new one anyway.
        self.store = Store::open(&new)?;
        self.home = new.clone();
        if let Some(base) = new.pointer_base() {
            moving::finish_move(base);
        }
        Ok(new.root().to_owned())
    }

    /// Opens the data folder `folder` made earlier (moved to D: before the system was reinstalled)
    /// and keeps it as the data folder; the one in use until now is left as it is.
    pub fn use_existing_data_folder(&mut self, folder: &Path) -> Result<PathBuf> {
        if self.demo {
            return Err(HandbookError::input("正在看示例：请先点“退出示例”，再选择数据文件夹"));
        }
        let Some(base) = self.store.data_dir().pointer_base().map(Path::to_owned) else {
            return Err(xueshi_store::StoreError::from(moving::MoveError::GivenExplicitly).into());
        };
        let dir = moving::use_existing(&base, folder)?;
        self.store = Store::open(&dir)?;
        self.home = dir;
        Ok(self.home.root().to_owned())
    }
}
