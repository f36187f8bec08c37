//! Backups with SQLite's online backup API into `backups/` (the newest ten are kept), and
//! restore from such a file, which first backs up what it replaces.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

use chrono::Local;
use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags};
use xueshi_durable::sync_file;

use crate::error::{Result, StoreError, io, replace};
use crate::migrations::{APPLICATION_ID, latest, migrations};
use crate::open::{Store, schema_version};
use crate::paths::sync_dir;

const PREFIX: &str = "ledger-";
const SUFFIX: &str = ".sqlite3";
const PARTIAL: &str = ".partial";
const LOCK: &str = ".lock";

/// Why a backup was made; part of its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupReason {
    Daily,
    BeforeMigration,
    Manual,
    BeforeRestore,
}

/// A backup in `backups/`: when it was made (local time, from its name) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupInfo {
    pub path: PathBuf,
    pub taken: chrono::NaiveDateTime,
    /// `None` for a reason this version does not know (a newer version made it).
    pub reason: Option<BackupReason>,
}

impl BackupReason {
    const ALL: [BackupReason; 4] =
        [BackupReason::Daily, BackupReason::BeforeMigration, BackupReason::Manual, BackupReason::BeforeRestore];

    fn from_code(code: &str) -> Option<BackupReason> {
        BackupReason::ALL.into_iter().find(|r| r.code() == code)
    }

    fn code(self) -> &'static str {
        match self {
            BackupReason::Daily => "daily",
            BackupReason::BeforeMigration => "before-migration",
            BackupReason::Manual => "manual",
            BackupReason::BeforeRestore => "before-restore",
        }
    }
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestoreReport {
    /// The backup of the database that was replaced.
    pub previous: PathBuf,
    /// The schema version of the restored file, when it had to be migrated.
    pub migrated_from: Option<i64>,
}

impl Store {
    /// Copies the whole database into a new file in `backups/` (through a temporary name, so a
    /// crash never leaves a half backup under a backup's name) and keeps only the newest ones.
    /// Another program's backup running at the same time is waited for.
    pub fn backup(&self, reason: BackupReason) -> Result<PathBuf> {
        let _lock = self.backup_lock(true)?;
        self.backup_locked(reason)
    }

    /// The daily backup, unless one was made today (checked while holding the lock, so that two
    /// programs opened at the same moment make one).
    pub(crate) fn backup_if_none_today(&self) -> Result<Option<PathBuf>> {
        let _lock = self.backup_lock(true)?;
        if self.backed_up_today()? {
            return Ok(None);
        }
        self.backup_locked(BackupReason::Daily).map(Some)
    }

    /// Held exclusively while a backup is written, old ones pruned or leftovers swept: two
    /// programs on one data folder never remove each other's temporary files. `None` when
    /// `wait` is false and another program holds it.
    fn backup_lock(&self, wait: bool) -> Result<Option<File>> {
        let folder = self.dir.backups();
        std::fs::create_dir_all(&folder).map_err(io("创建文件夹", &folder))?;
        let path = folder.join(LOCK);
        let file =
            OpenOptions::new().create(true).truncate(false).write(true).open(&path).map_err(io("打开备份锁", &path))?;
        if wait {
            file.lock().map_err(io("锁定备份文件夹", &path))?;
        } else if file.try_lock().is_err() {
            return Ok(None);
        }
        Ok(Some(file))
    }

    fn backup_locked(&self, reason: BackupReason) -> Result<PathBuf> {
        let folder = self.dir.backups();
        // Names sort in time order: local time to the millisecond, then a counter for ties.
        let stamp = Local::now().format("%Y%m%d-%H%M%S%3f").to_string();
        let mut n = 0;
        let target = loop {
            let candidate = folder.join(format!("{PREFIX}{stamp}-{n:02}-{}{SUFFIX}", reason.code()));
            if !candidate.exists() {
                break candidate;
            }
            n += 1;
        };
        // The temporary name is this program's own (process id) as well.
        let partial = folder.join(format!(
            "{}.{}{PARTIAL}",
            target.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
            std::process::id()
        ));
        let result = copy_database(&self.conn, &partial).and_then(|()| {
            replace("保存备份", &partial, &target)?;
            sync_dir(&folder).map_err(io("保存备份", &folder))
        });
        if let Err(e) = result {
            let _ = std::fs::remove_file(&partial);
            return Err(e);
        }
        self.prune_backups()?;
        Ok(target)
    }

    /// The backups in `backups/`, oldest first.
    pub fn backups(&self) -> Result<Vec<PathBuf>> {
        let folder = self.dir.backups();
        let mut found = Vec::new();
        let entries = match std::fs::read_dir(&folder) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(found),
            Err(e) => return Err(io("读取文件夹", &folder)(e)),
        };
        for entry in entries {
            let entry = entry.map_err(io("读取文件夹", &folder))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with(PREFIX) && name.ends_with(SUFFIX) {
                found.push(entry.path());
            }
        }
        found.sort();
        Ok(found)
    }

    /// The backups whose names this version reads, newest first.
    pub fn backup_list(&self) -> Result<Vec<BackupInfo>> {
        let mut list: Vec<BackupInfo> = self.backups()?.into_iter().filter_map(|p| backup_info(&p)).collect();
        list.reverse();
        Ok(list)
    }

    pub(crate) fn backed_up_today(&self) -> Result<bool> {
        let today = format!("{PREFIX}{}-", Local::now().format("%Y%m%d"));
        Ok(self.backups()?.iter().any(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(&today))))
    }

    fn prune_backups(&self) -> Result<()> {
        let all = self.backups()?;
        let excess = all.len().saturating_sub(self.options.keep_backups.max(1));
        for old in &all[..excess] {
            match std::fs::remove_file(old) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io("删除旧备份", old)(e)),
                _ => {}
            }
        }
        Ok(())
    }

    /// Removes half-written backups left by a crash.
    /// Skipped while another program makes a backup (its temporary file is not a leftover).
    pub(crate) fn sweep_backup_leftovers(&self) -> Result<Vec<PathBuf>> {
        let folder = self.dir.backups();
        let mut swept = Vec::new();
        let Some(_lock) = self.backup_lock(false)? else {
            return Ok(swept);
        };
        let Ok(entries) = std::fs::read_dir(&folder) else {
            return Ok(swept);
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with(PREFIX) && name.ends_with(PARTIAL) {
                let path = entry.path();
                std::fs::remove_file(&path).map_err(io("清理未完成的备份", &path))?;
                swept.push(path);
            }
        }
        Ok(swept)
    }

    /// Replaces the database with `file` (a backup or another copy of a 学时手册 database), after
    /// checking it and backing up the current one. The evidence vault is left as it is; `verify`
    /// reports files the restored records name but the vault lacks.
    pub fn restore(&mut self, file: &Path) -> Result<RestoreReport> {
        let source = check_restorable(file)?;
        let previous = self.backup(BackupReason::BeforeRestore)?;
        Backup::new(&source, &mut self.conn)?.step(-1)?;
        drop(source);
        let version = schema_version(&self.conn)?;
        let migrated_from = if version < latest() {
            migrations().to_latest(&mut self.conn)?;
            Some(version)
        } else {
            None
        };
        Ok(RestoreReport { previous, migrated_from })
    }
}

/// Reads `ledger-<YYYYmmdd>-<HHMMSSmmm>-<NN>-<reason>.sqlite3`.
fn backup_info(path: &Path) -> Option<BackupInfo> {
    let name = path.file_name()?.to_str()?;
    let rest = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    let mut parts = rest.splitn(4, '-');
    let (date, time, _counter, reason) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    let taken = chrono::NaiveDateTime::parse_from_str(&format!("{date}{}", time.get(..6)?), "%Y%m%d%H%M%S").ok()?;
    Some(BackupInfo { path: path.to_owned(), taken, reason: BackupReason::from_code(reason) })
}

/// Copies the database with the online backup API in one step (one consistent snapshot), then
/// flushes the copy to disk (through a handle opened for writing: Windows refuses otherwise).
fn copy_database(conn: &Connection, target: &Path) -> Result<()> {
    let mut dst = Connection::open(target)?;
    Backup::new(conn, &mut dst)?.step(-1)?;
    drop(dst);
    sync_file(target).map_err(io("保存备份", target))
}

/// Opens `file` read-only and checks that it is a sound 学时手册 database this program can read,
/// with nothing in it that this program did not put there (see `restore_checks`).
pub(crate) fn check_restorable(file: &Path) -> Result<Connection> {
    let not_ours = || StoreError::NotOurDatabase { path: file.to_owned() };
    if !file.is_file() {
        return Err(StoreError::Io {
            action: "读取备份文件",
            path: file.to_owned(),
            source: std::io::Error::from(std::io::ErrorKind::NotFound),
        });
    }
    let conn = Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let app_id: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0)).map_err(|_| not_ours())?;
    if app_id != APPLICATION_ID {
        return Err(not_ours());
    }
    let version = schema_version(&conn)?;
    if version > latest() {
        return Err(StoreError::NewerDatabase { path: file.to_owned(), found: version, known: latest() });
    }
    // Checked, and later restored, from a private copy: SQLite's integrity check skips CHECK
    // constraints on a read-only connection, and the file could change between check and copy.
    let mut copy = Connection::open_in_memory()?;
    Backup::new(&conn, &mut copy)?.step(-1)?;
    drop(conn);
    crate::restore_checks::check(&copy, file, version)?;
    Ok(copy)
}
