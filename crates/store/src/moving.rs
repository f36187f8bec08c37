//! 移动数据文件夹: the user's data folder moved elsewhere (e.g. to D:, which survives a reinstall
//! of C:), safely. A journal beside the default folder names the move; the data is copied, every
//! copied file is checked against its original by SHA-256 and the database by SQLite's own check;
//! then a pointer file (the switch, one atomic rename) makes the new folder the one the app opens;
//! only then is the old one removed. A program stopped at any moment leaves the data whole in one
//! of the two places, and the next start ([`recover`]) finishes or undoes the move.

use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::Connection;
use rusqlite::backup::Backup;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::app_log::{LOG_NAME, OLD_LOG_NAME};
use crate::error::{Result, StoreError, io, replace};
use crate::paths::{APP_IDENTIFIER, DataDir, sync_dir};
use crate::{Store, exchange};

/// Beside the default data folder: the folder the data was moved to (one line, UTF-8).
pub const POINTER_NAME: &str = "cn.xueshi.handbook.location";
/// Beside the default data folder while a move is under way: where from and where to.
pub const JOURNAL_NAME: &str = "cn.xueshi.handbook.moving";
/// The database's own files: copied through SQLite, never file by file.
const DATABASE_FILES: [&str; 3] = ["ledger.sqlite3", "ledger.sqlite3-wal", "ledger.sqlite3-shm"];

/// The steps of a move, for a progress display (and for the tests that stop a move at each).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoveStep {
    /// The journal is written: the move has begun.
    Begun,
    /// The database and every file are copied into the new folder.
    Copied,
    /// Every copy is checked.
    Checked,
    /// The new folder is the one the app opens.
    Switched,
}

impl MoveStep {
    /// The step in a word, as a progress display says it.
    pub fn label(self) -> &'static str {
        match self {
            MoveStep::Begun => "开始",
            MoveStep::Copied => "复制",
            MoveStep::Checked => "核对",
            MoveStep::Switched => "切换",
        }
    }
}

/// Why the data folder could not be moved. The data is where it was, untouched.
#[derive(Debug, thiserror::Error)]
pub enum MoveError {
    #[error(
        "这个数据文件夹是启动学时手册时专门指定的（命令行参数或环境变量），不能在程序里移动：请把整个文件夹复制到新位置，再改为指定新位置启动"
    )]
    GivenExplicitly,
    #[error("新位置{}已有文件。请选择一个空文件夹，或一个还不存在的文件夹", crate::words::place(.0))]
    NotEmpty(PathBuf),
    #[error("新位置{}在现在的数据文件夹里面（或反过来），请选择别处", crate::words::place(.0))]
    Nested(PathBuf),
    #[error("新位置{}就是现在的数据文件夹", crate::words::place(.0))]
    Same(PathBuf),
    #[error("新位置应是一个完整的文件夹路径（例如 D:\\学时手册数据），而不是“{}”", .0.display())]
    NotAbsolute(PathBuf),
    #[error(
        "复制后检查时发现{}与原文件不同（可能是磁盘或 U 盘有问题）。没有移动，数据仍在原来的位置；请换一个位置再试",
        crate::words::place(.0)
    )]
    CopyDiffers(PathBuf),
    #[error("{}里没有学时手册的数据。请选择以前的数据文件夹本身（例如移到 D 盘的“学时手册数据”文件夹）", crate::words::place(.0))]
    NoDataThere(PathBuf),
    #[error(
        "复制到新位置的数据库与原来的不一致（可能是磁盘或 U 盘有问题）。没有移动，数据仍在原来的位置；请换一个位置再试"
    )]
    DatabaseCopyDiffers,
    #[error(
        "移动时另一个程序（例如命令行版的学时手册）改动了数据。没有移动，数据仍在原来的位置；请关闭其他学时手册程序后再试"
    )]
    ChangedMeanwhile,
    /// A test stopped the move after this step (as a power cut would).
    #[error("移动在“{}”之后停止，下次打开时会完成或撤销", .0.label())]
    Stopped(MoveStep),
}

#[derive(Debug, Serialize, Deserialize)]
struct Journal {
    from: PathBuf,
    to: PathBuf,
}

/// The default data folder in `base` (the OS app-data folder).
fn default_root(base: &Path) -> PathBuf {
    base.join(APP_IDENTIFIER)
}

/// The folder the pointer in `base` names, if any.
pub fn pointed(base: &Path) -> Option<PathBuf> {
    let text = std::fs::read_to_string(base.join(POINTER_NAME)).ok()?;
    let line = text.lines().next()?.trim();
    let path = PathBuf::from(line);
    (!line.is_empty() && path.is_absolute()).then_some(path)
}

/// The data folder the app opens in `base`: the pointer's, else the default one.
fn current(base: &Path) -> PathBuf {
    pointed(base).unwrap_or_else(|| default_root(base))
}

/// Writes `text` to `base/name` through a temporary file (one rename: all or nothing).
fn write_atomically(base: &Path, name: &str, text: &str) -> Result<()> {
    let target = base.join(name);
    let temp = base.join(format!("{name}.{}.partial", std::process::id()));
    std::fs::write(&temp, text).map_err(io("保存数据文件夹的位置", &temp))?;
    xueshi_durable::sync_file(&temp).map_err(io("保存数据文件夹的位置", &temp))?;
    replace("保存数据文件夹的位置", &temp, &target)?;
    sync_dir(base).map_err(io("保存数据文件夹的位置", base))
}

/// Our own entries of a data folder other than the database: what a move copies and removes.
/// (The default folder also holds the web view's own files on Linux: they stay.)
fn our_entries() -> [&'static str; 5] {
    ["evidence", "backups", exchange::RULES_DIR, LOG_NAME, OLD_LOG_NAME]
}

/// Every file under `root`'s entries of ours, relative to `root`, sorted.
fn files_of(root: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut stack: Vec<PathBuf> = our_entries().iter().map(PathBuf::from).collect();
    while let Some(relative) = stack.pop() {
        let path = root.join(&relative);
        let Ok(meta) = std::fs::symlink_metadata(&path) else { continue };
        if meta.is_dir() {
            for entry in std::fs::read_dir(&path).map_err(io("读取文件夹", &path))? {
                let entry = entry.map_err(io("读取文件夹", &path))?;
                stack.push(relative.join(entry.file_name()));
            }
        } else if meta.is_file() {
            files.push(relative);
        }
    }
    files.sort();
    Ok(files)
}

fn sha256_of(path: &Path) -> Result<[u8; 32]> {
    let mut file = std::fs::File::open(path).map_err(io("读取文件", path))?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 1 << 16];
    loop {
        let n = file.read(&mut buffer).map_err(io("读取文件", path))?;
        if n == 0 {
            return Ok(hasher.finalize().into());
        }
        hasher.update(&buffer[..n]);
    }
}

/// Whether `to` is a folder the data may be moved into: absent, an empty folder, or the default
/// folder without data of ours (on Linux the web view keeps its own files there).
fn check_target(from: &Path, to: &Path, base: &Path) -> std::result::Result<(), MoveError> {
    if !to.is_absolute() {
        return Err(MoveError::NotAbsolute(to.to_owned()));
    }
    let (from_c, to_c) = (canonical(from), canonical(to));
    if from_c == to_c {
        return Err(MoveError::Same(to.to_owned()));
    }
    if to_c.starts_with(&from_c) || from_c.starts_with(&to_c) {
        return Err(MoveError::Nested(to.to_owned()));
    }
    if to == default_root(base) {
        let ours = DATABASE_FILES.iter().chain(our_entries().iter()).any(|name| to.join(name).exists());
        return if ours { Err(MoveError::NotEmpty(to.to_owned())) } else { Ok(()) };
    }
    match std::fs::read_dir(to) {
        Ok(mut entries) => match entries.next() {
            Some(_) => Err(MoveError::NotEmpty(to.to_owned())),
            None => Ok(()),
        },
        Err(_) if std::fs::symlink_metadata(to).is_ok() => Err(MoveError::NotEmpty(to.to_owned())),
        Err(_) => Ok(()),
    }
}

/// `path` with symbolic links and `..` resolved as far as it exists (the rest appended).
fn canonical(path: &Path) -> PathBuf {
    let mut existing = path.to_owned();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.file_name().map(ToOwned::to_owned), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                existing = parent.to_owned();
            }
            _ => break,
        }
    }
    let mut out = std::fs::canonicalize(&existing).unwrap_or(existing);
    out.extend(rest.iter().rev());
    out
}

impl Store {
    /// Moves this store's data folder to `to` (absent or empty), telling `step` after each step
    /// (a `Break` stops the move there, as a power cut would: tests). Returns the new data folder;
    /// the old one is removed by [`finish_move`] once this store is closed and the new one opened.
    pub fn move_data_folder(
        &self,
        to: &Path,
        step: &mut dyn FnMut(MoveStep) -> std::ops::ControlFlow<()>,
    ) -> Result<DataDir> {
        let Some(base) = self.dir.pointer_base().map(Path::to_owned) else {
            return Err(MoveError::GivenExplicitly.into());
        };
        let from = self.dir.root().to_owned();
        check_target(&from, to, &base)?;
        let stop = |s: MoveStep, step: &mut dyn FnMut(MoveStep) -> std::ops::ControlFlow<()>| match step(s) {
            std::ops::ControlFlow::Continue(()) => Ok(()),
            std::ops::ControlFlow::Break(()) => Err(StoreError::from(MoveError::Stopped(s))),
        };
        let journal = serde_json::to_string(&Journal { from: from.clone(), to: to.to_owned() })
            .map_err(|e| StoreError::Exchange(format!("无法记录移动：{e}")))?;
        write_atomically(&base, JOURNAL_NAME, &journal)?;
        let result = (|| {
            stop(MoveStep::Begun, step)?;
            let version = self.data_version()?;
            let files = self.copy_into(to)?;
            stop(MoveStep::Copied, step)?;
            check_copies(&from, to, &files)?;
            self.check_database_copy(to)?;
            stop(MoveStep::Checked, step)?;
            // No other program may write between the check and the switch.
            self.conn.execute_batch("BEGIN IMMEDIATE")?;
            let switched = (|| {
                if self.data_version()? != version {
                    return Err(MoveError::ChangedMeanwhile.into());
                }
                switch_to(&base, to)
            })();
            let _ = self.conn.execute_batch("ROLLBACK");
            switched?;
            stop(MoveStep::Switched, step)
        })();
        match result {
            Ok(()) => Ok(DataDir::found(to, &base)),
            // A stop is a power cut: nothing is tidied (the next start does it).
            Err(StoreError::Move(MoveError::Stopped(s))) => Err(MoveError::Stopped(s).into()),
            Err(e) => {
                if current(&base) != to {
                    undo(&base, to);
                }
                Err(e)
            }
        }
    }

    fn data_version(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// Copies the database (through SQLite) and our files into `to`; returns the files copied.
    fn copy_into(&self, to: &Path) -> Result<Vec<PathBuf>> {
        std::fs::create_dir_all(to).map_err(io("创建文件夹", to))?;
        let database = to.join(DATABASE_FILES[0]);
        let partial = to.join("ledger.sqlite3.partial");
        {
            let mut copy = Connection::open(&partial)?;
            Backup::new(&self.conn, &mut copy)?.step(-1)?;
        }
        xueshi_durable::sync_file(&partial).map_err(io("复制数据库", &partial))?;
        replace("复制数据库", &partial, &database)?;
        let from = self.dir.root();
        let files = files_of(from)?;
        for relative in &files {
            let (source, target) = (from.join(relative), to.join(relative));
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent).map_err(io("创建文件夹", parent))?;
            }
            std::fs::copy(&source, &target).map_err(io("复制文件", &source))?;
            xueshi_durable::sync_file(&target).map_err(io("复制文件", &target))?;
        }
        sync_dir(to).map_err(io("复制文件", to))?;
        Ok(files)
    }

    /// The copied database opens, passes SQLite's integrity check and holds as many rows as this one.
    fn check_database_copy(&self, to: &Path) -> Result<()> {
        let path = to.join(DATABASE_FILES[0]);
        let copy = Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let check: String = copy.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        let count = |conn: &Connection, table: &str| -> Result<i64> {
            Ok(conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
        };
        for table in ["activities", "evidence", "evidence_files", "applications", "year_confirmations", "settings"] {
            if check != "ok" || count(&copy, table)? != count(&self.conn, table)? {
                return Err(MoveError::DatabaseCopyDiffers.into());
            }
        }
        Ok(())
    }
}

/// Every copied file has the SHA-256 of its original.
fn check_copies(from: &Path, to: &Path, files: &[PathBuf]) -> Result<()> {
    for relative in files {
        if sha256_of(&from.join(relative))? != sha256_of(&to.join(relative))? {
            return Err(MoveError::CopyDiffers(to.join(relative)).into());
        }
    }
    Ok(())
}

/// Makes `to` the folder the app opens: the pointer names it (none when it is the default one).
fn switch_to(base: &Path, to: &Path) -> Result<()> {
    if to == default_root(base) {
        match std::fs::remove_file(base.join(POINTER_NAME)) {
            Ok(()) => sync_dir(base).map_err(io("保存数据文件夹的位置", base)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(io("保存数据文件夹的位置", base)(e)),
        }
    } else {
        let text = format!("{}\n", to.display());
        write_atomically(base, POINTER_NAME, &text)
    }
}

/// 使用已有的数据文件夹: after the system was reinstalled, the folder the data had been moved to
/// (on D:) becomes again the one the app opens in `base`. Its database must pass the checks a
/// backup passes before it is restored; the folder in use now is left as it is.
pub fn use_existing(base: &Path, folder: &Path) -> Result<DataDir> {
    if !folder.is_absolute() {
        return Err(MoveError::NotAbsolute(folder.to_owned()).into());
    }
    let dir = DataDir::found(folder, base);
    if !dir.database().is_file() {
        return Err(MoveError::NoDataThere(folder.to_owned()).into());
    }
    crate::backup::check_restorable(&dir.database())?;
    switch_to(base, folder)?;
    Ok(dir)
}

/// A move that did not switch: the new folder's copies go, the journal goes.
fn undo(base: &Path, to: &Path) {
    remove_ours(base, to);
    let _ = std::fs::remove_file(base.join(JOURNAL_NAME));
}

/// Removes the database and our entries from `from` (the folder itself too, when that leaves it
/// empty and it is not the default one), then the journal: the end of a move.
fn remove_old(base: &Path, from: &Path) {
    remove_ours(base, from);
    let _ = std::fs::remove_file(base.join(JOURNAL_NAME));
    let _ = sync_dir(base);
}

/// Removes our data from `root`: the database, a partial copy of it and our entries; then
/// `root` itself when nothing else is left in it and it is not the default folder.
fn remove_ours(base: &Path, root: &Path) {
    for name in DATABASE_FILES.iter().chain(&["ledger.sqlite3.partial"]) {
        let _ = std::fs::remove_file(root.join(name));
    }
    for name in our_entries() {
        let path = root.join(name);
        let _ = std::fs::remove_dir_all(&path).or_else(|_| std::fs::remove_file(&path));
    }
    if root != default_root(base) {
        let _ = std::fs::remove_dir(root);
    }
}

/// After a move switched and the new folder's store is open: removes the old folder's data.
pub fn finish_move(base: &Path) {
    recover(base);
}

/// At start: a move the journal in `base` names is finished (it had switched: the old data is
/// removed) or undone (it had not: the new folder's copies are removed). Nothing without a journal.
pub fn recover(base: &Path) {
    let Ok(text) = std::fs::read_to_string(base.join(JOURNAL_NAME)) else { return };
    let Ok(journal) = serde_json::from_str::<Journal>(&text) else {
        let _ = std::fs::remove_file(base.join(JOURNAL_NAME));
        return;
    };
    let now = current(base);
    if now == journal.to && DataDir::new(&journal.to).database().is_file() {
        remove_old(base, &journal.from);
    } else if now == journal.from {
        undo(base, &journal.to);
    } else {
        // The pointer names neither (changed by hand): touch nothing but the journal.
        let _ = std::fs::remove_file(base.join(JOURNAL_NAME));
    }
}

#[cfg(test)]
#[path = "moving_tests.rs"]
mod tests;
