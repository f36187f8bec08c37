//! Opening a data folder: refuse a database written by a newer program or by another program
//! without touching it, set WAL, foreign keys and a busy timeout, back up before any migration and
//! once a day, migrate, and sweep what an interrupted attach or backup left behind.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior};

use crate::backup::BackupReason;
use crate::error::{Result, StoreError, io};
use crate::migrations::{APPLICATION_ID, latest, migrations};
use crate::paths::DataDir;
use crate::read_only::{ReadOnly, connect_read_only, unwritable};

/// Evidence files larger than this are refused unless configured otherwise (200 MiB).
pub const DEFAULT_MAX_EVIDENCE_BYTES: u64 = 200 * 1024 * 1024;

/// How long a writer waits for another program's transaction before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Settings of an open store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The largest evidence file accepted, in bytes.
    pub max_evidence_bytes: u64,
    /// Make a backup on open when none was made today.
    pub daily_backup: bool,
    /// How many backups `backups/` keeps (the newest).
    pub keep_backups: usize,
    /// Open for viewing only: no backup, no sweep, no change (see `read_only.rs`; a folder that
    /// cannot be written is opened this way anyway). SQLite may still create its WAL index files.
    pub read_only: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_evidence_bytes: DEFAULT_MAX_EVIDENCE_BYTES,
            daily_backup: true,
            keep_backups: 10,
            read_only: false,
        }
    }
}

/// What opening did besides opening.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OpenReport {
    /// Whether the database file was created by this open.
    pub created: bool,
    /// The schema version found, when a migration ran.
    pub migrated_from: Option<i64>,
    /// Backups made while opening (before migrating, or the first of the day).
    pub backups: Vec<PathBuf>,
    /// Leftovers of interrupted attaches and backups that were removed.
    pub swept: Vec<PathBuf>,
    /// Why the folder is open for viewing only (no backup was made, nothing can be saved).
    pub read_only: Option<ReadOnly>,
}

/// One user's open data folder: the database connection, the vault and the backups.
pub struct Store {
    pub(crate) conn: Connection,
    pub(crate) dir: DataDir,
    pub(crate) options: Options,
    pub(crate) report: OpenReport,
}

impl Store {
    /// Opens (creating when missing) the data folder with default options.
    pub fn open(dir: &DataDir) -> Result<Store> {
        Store::open_with(dir, Options::default())
    }

    /// Opens (creating when missing) the data folder. A folder that exists but cannot be written
    /// (a full disk, a read-only folder) is opened for viewing only: see `open_report().read_only`.
    pub fn open_with(dir: &DataDir, options: Options) -> Result<Store> {
        if dir.root().exists() && !dir.root().is_dir() {
            return Err(StoreError::DataDirIsFile { path: dir.root().to_owned() });
        }
        let db = dir.database();
        let existed = db.exists();
        if existed {
            check_foreign_file(&db)?;
        }
        if options.read_only {
            return Store::open_read_only(dir, options, ReadOnly::Requested);
        }
        match Store::open_writable(dir, options.clone(), existed) {
            Err(e) if existed => match unwritable(&e) {
                // Whatever the attempt left (an empty WAL index) is harmless; on failure the
                // first error says best what went wrong.
                Some(reason) => Store::open_read_only(dir, options, reason).map_err(|_| e),
                None => Err(e),
            },
            other => other,
        }
    }

    fn open_read_only(dir: &DataDir, options: Options, reason: ReadOnly) -> Result<Store> {
        let db = dir.database();
        let conn = connect_read_only(&db)?;
        let version = schema_version(&conn)?;
        if version > latest() {
            return Err(StoreError::NewerDatabase { path: db, found: version, known: latest() });
        }
        if version < latest() {
            // It would have to be migrated, which writes.
            return Err(StoreError::NotWritable { place: "数据文件夹".to_owned() });
        }
        let report = OpenReport { read_only: Some(reason), ..OpenReport::default() };
        Ok(Store { conn, dir: dir.clone(), options, report })
    }

    fn open_writable(dir: &DataDir, options: Options, existed: bool) -> Result<Store> {
        let db = dir.database();
        for folder in [dir.root().to_owned(), dir.evidence(), dir.backups()] {
            std::fs::create_dir_all(&folder).map_err(io("创建文件夹", &folder))?;
        }
        let conn = connect(&db)?;
        let mut store = Store {
            conn,
            dir: dir.clone(),
            options,
            report: OpenReport { created: !existed, ..OpenReport::default() },
        };
        store.report.swept.extend(store.sweep_backup_leftovers()?);
        let version = schema_version(&store.conn)?;
        if version > latest() {
            return Err(StoreError::NewerDatabase { path: db, found: version, known: latest() });
        }
        if version < latest() {
            if version > 0 {
                let path = store.backup(BackupReason::BeforeMigration)?;
                store.report.backups.push(path);
            }
            if let Err(e) = migrations().to_latest(&mut store.conn) {
                // Another program opening the same folder at this moment may have migrated it
                // first (each migration is one transaction): then there is nothing left to do.
                if schema_version(&store.conn)? != latest() {
                    return Err(e.into());
                }
            }
            if version > 0 {
                store.report.migrated_from = Some(version);
            }
        } else if version > 0 && store.options.daily_backup {
            store.report.backups.extend(store.backup_if_none_today()?);
        }
        store.report.swept.extend(store.sweep_vault_leftovers()?);
        Ok(store)
    }

    pub fn data_dir(&self) -> &DataDir {
        &self.dir
    }

    pub fn options(&self) -> &Options {
        &self.options
    }

    /// What opening did: backups made, migration, leftovers swept.
    pub fn open_report(&self) -> &OpenReport {
        &self.report
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        schema_version(&self.conn)
    }

    /// The raw connection, for tests and read-only reports in this crate's callers.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

/// Opens the database read-write with the settings every connection needs.
pub(crate) fn connect(db: &Path) -> Result<Connection> {
    let mut conn = Connection::open(db)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // Every write transaction takes the write lock when it begins, so that another program's
    // write makes it wait (up to the busy timeout) instead of failing at once with "database is
    // locked" when a deferred transaction tries to upgrade from reading to writing.
    conn.set_transaction_behavior(TransactionBehavior::Immediate);
    // Switching a new database to WAL fails at once with "database is locked" (the busy handler
    // is not called) while another program is switching or creating it: wait as for any lock.
    let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
    let mode: String = loop {
        match conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)) {
            Err(rusqlite::Error::SqliteFailure(f, _))
                if f.code == ErrorCode::DatabaseBusy && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(20));
            }
            other => break other?,
        }
    };
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StoreError::Corrupt {
            path: db.to_owned(),
            detail: format!(
                "无法切换到安全写入的方式（{}）",
                if mode.is_empty() { "没有回答" } else { "磁盘或文件系统不支持" }
            ),
        });
    }
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    Ok(conn)
}

pub(crate) fn schema_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Refuses, without writing to it, a file that another program or a newer 学时手册 wrote.
///
/// The file header says it first (SQLite's magic, `application_id` at offset 68, `user_version`
/// at offset 60), read as plain bytes: another 学时手册 may be writing the database right now,
/// and reading it through SQLite without its locks (`immutable=1`) could see a half-written
/// page and call a sound database damaged. Only a header without an application id (a new
/// database whose first pages are still in the WAL, an empty one, or another program's) is
/// opened, with SQLite's ordinary read-only connection, which respects the locks and reads
/// through the WAL. The version found in a stale header is checked again after opening.
pub(crate) fn check_foreign_file(db: &Path) -> Result<()> {
    let not_ours = || StoreError::NotOurDatabase { path: db.to_owned() };
    let mut header = [0u8; 100];
    let read = read_prefix(db, &mut header).map_err(io("读取数据库", db))?;
    if read == 0 {
        return Ok(());
    }
    if read < header.len() || &header[..16] != b"SQLite format 3\0" {
        return Err(not_ours());
    }
    let field = |at: usize| i64::from(u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]]));
    let (app_id, version) = (field(68), field(60));
    if app_id == APPLICATION_ID {
        if version > latest() {
            return Err(StoreError::NewerDatabase { path: db.to_owned(), found: version, known: latest() });
        }
        return Ok(());
    }
    if app_id != 0 {
        return Err(not_ours());
    }
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // One statement, one snapshot: another program may be creating the database right now.
    let (app_id, version, objects): (i64, i64, i64) = conn
        .query_row(
            "SELECT (SELECT application_id FROM pragma_application_id()),
                    (SELECT user_version FROM pragma_user_version()),
                    (SELECT count(*) FROM sqlite_master)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .map_err(|e| match e {
            rusqlite::Error::SqliteFailure(f, _) if f.code == ErrorCode::NotADatabase => not_ours(),
            other => StoreError::Sqlite(other),
        })?;
    let empty = app_id == 0 && version == 0 && objects == 0;
    if !empty && app_id != APPLICATION_ID {
        return Err(not_ours());
    }
    if version > latest() {
        return Err(StoreError::NewerDatabase { path: db.to_owned(), found: version, known: latest() });
    }
    Ok(())
}

/// Reads the first bytes of `path` into `buf`; returns how many there were.
fn read_prefix(path: &Path, buf: &mut [u8]) -> std::io::Result<usize> {
    use std::io::Read;
    let mut file = std::fs::File::open(path)?;
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}
