//! A data folder that cannot be written — a full disk, a read-only folder or medium — opens for
//! viewing only: opening is tried as usual (it writes: the WAL index, the daily backup, sweeps),
//! and when that fails because nothing can be written, the database is opened read-only with no
//! backup, no sweep and no migration. Viewing, checking, assessing and exporting elsewhere work;
//! a change is refused with a message saying why and what to do.

use std::io;
use std::path::Path;

use rusqlite::{Connection, ErrorCode, OpenFlags};

use crate::error::{Result, StoreError};

/// SQLite's extended code for "the WAL index could not be extended" (a full disk).
const SQLITE_IOERR_SHMSIZE: i32 = 4874;

/// Why the data folder is open for viewing only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadOnly {
    /// The disk holding the data folder is full.
    DiskFull,
    /// The folder, its disk or its permissions do not allow writing.
    NotWritable,
    /// Asked for (`Options::read_only`).
    Requested,
}

impl ReadOnly {
    /// What to tell the user when the folder was opened this way.
    pub fn notice(self) -> &'static str {
        match self {
            ReadOnly::DiskFull => {
                "磁盘已满：数据文件夹本次只能查看，不能保存修改，也没有做今天的备份。可以查看、检查、评估，并导出到别的磁盘；请删除不需要的文件腾出空间后再修改记录"
            }
            ReadOnly::NotWritable => {
                "数据文件夹是只读的（文件夹或磁盘不允许写入）：本次只能查看，不能保存修改，也没有做今天的备份。可以查看、检查、评估，并导出到别的文件夹；请检查文件夹的权限，或把数据文件夹复制到可以写入的地方"
            }
            ReadOnly::Requested => "数据文件夹以只读方式打开：不能保存修改，也没有做今天的备份",
        }
    }
}

/// Whether an I/O error means the disk is full or the place cannot be written. Permission
/// errors count only when `permissions` (at opening; elsewhere Windows also reports a file held
/// open by another program as access denied).
pub(crate) fn classify_io(e: &io::Error, permissions: bool) -> Option<ReadOnly> {
    match e.kind() {
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => return Some(ReadOnly::DiskFull),
        io::ErrorKind::ReadOnlyFilesystem => return Some(ReadOnly::NotWritable),
        io::ErrorKind::PermissionDenied if permissions => return Some(ReadOnly::NotWritable),
        _ => {}
    }
    windows_code(e.raw_os_error())
}

/// ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL and ERROR_WRITE_PROTECT, whatever kind std gives them.
#[cfg(windows)]
fn windows_code(code: Option<i32>) -> Option<ReadOnly> {
    match code {
        Some(39 | 112) => Some(ReadOnly::DiskFull),
        Some(19) => Some(ReadOnly::NotWritable),
        _ => None,
    }
}

#[cfg(not(windows))]
fn windows_code(_code: Option<i32>) -> Option<ReadOnly> {
    None
}

/// Whether an SQLite error means the disk is full or the database cannot be written. "Cannot
/// open" counts only when `opening` (a database in a read-only folder cannot even be read
/// through the usual connection).
pub(crate) fn classify_sqlite(e: &rusqlite::Error, opening: bool) -> Option<ReadOnly> {
    let rusqlite::Error::SqliteFailure(f, _) = e else {
        return None;
    };
    match f.code {
        ErrorCode::DiskFull => Some(ReadOnly::DiskFull),
        ErrorCode::SystemIoFailure if f.extended_code == SQLITE_IOERR_SHMSIZE => Some(ReadOnly::DiskFull),
        ErrorCode::ReadOnly => Some(ReadOnly::NotWritable),
        ErrorCode::CannotOpen if opening => Some(ReadOnly::NotWritable),
        _ => None,
    }
}

/// Whether an error met while opening means the folder cannot be written (and why).
pub(crate) fn unwritable(e: &StoreError) -> Option<ReadOnly> {
    match e {
        StoreError::Io { source, .. } => classify_io(source, true),
        StoreError::Sqlite(e) => classify_sqlite(e, true),
        StoreError::Migration(rusqlite_migration::Error::RusqliteError { err, .. }) => classify_sqlite(err, true),
        StoreError::DiskFull { .. } => Some(ReadOnly::DiskFull),
        StoreError::NotWritable { .. } => Some(ReadOnly::NotWritable),
        _ => None,
    }
}

/// Opens `db` for reading only. SQLite's read-only connection (which respects other programs'
/// locks and reads through the WAL) is tried first; when it cannot work — in a read-only folder
/// it cannot create the WAL index, on a full disk it cannot extend it — and no WAL holds pages
/// beyond the main file, the file is read as it is (`immutable`): with no WAL, no program is
/// writing it, as a writer would need to create one where nothing can be written.
pub(crate) fn connect_read_only(db: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let usual = Connection::open_with_flags(db, flags).and_then(|c| readable(&c).map(|()| c));
    let err = match usual {
        Ok(conn) => return finish(conn),
        Err(e) => e,
    };
    if wal_holds_pages(db) {
        return Err(err.into());
    }
    let uri = format!("file:{}?immutable=1", uri_path(db));
    let conn = Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)?;
    readable(&conn)?;
    finish(conn)
}

fn readable(conn: &Connection) -> rusqlite::Result<()> {
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get::<_, i64>(0)).map(|_| ())
}

fn finish(conn: Connection) -> Result<Connection> {
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(conn)
}

/// Whether `ledger.sqlite3-wal` exists and is not empty.
fn wal_holds_pages(db: &Path) -> bool {
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0)
}

/// A path written for an SQLite `file:` URI: `%`, `?` and `#` escaped, `/` separators.
fn uri_path(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '?' => out.push_str("%3f"),
            '#' => out.push_str("%23"),
            c => out.push(c),
        }
    }
    if out.starts_with('/') {
        out
    } else if out.as_bytes().get(1) == Some(&b':') {
        format!("/{out}")
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sqlite(code: i32) -> rusqlite::Error {
        rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None)
    }

    #[test]
    fn a_full_disk_is_recognised_from_the_os_and_from_sqlite() {
        assert_eq!(classify_io(&io::Error::from(io::ErrorKind::StorageFull), false), Some(ReadOnly::DiskFull));
        #[cfg(unix)]
        assert_eq!(classify_io(&io::Error::from_raw_os_error(28), false), Some(ReadOnly::DiskFull));
        #[cfg(windows)]
        assert_eq!(classify_io(&io::Error::from_raw_os_error(112), false), Some(ReadOnly::DiskFull));
        assert_eq!(classify_sqlite(&sqlite(13), false), Some(ReadOnly::DiskFull));
        // "disk I/O error" when the WAL index cannot grow.
        assert_eq!(classify_sqlite(&sqlite(SQLITE_IOERR_SHMSIZE), false), Some(ReadOnly::DiskFull));
    }

    #[test]
    fn a_read_only_place_is_recognised_and_a_denied_permission_only_when_opening() {
        #[cfg(unix)]
        assert_eq!(classify_io(&io::Error::from_raw_os_error(30), false), Some(ReadOnly::NotWritable));
        let denied = io::Error::from(io::ErrorKind::PermissionDenied);
        assert_eq!(classify_io(&denied, true), Some(ReadOnly::NotWritable));
        assert_eq!(classify_io(&denied, false), None);
        assert_eq!(classify_sqlite(&sqlite(8), false), Some(ReadOnly::NotWritable));
        assert_eq!(classify_sqlite(&sqlite(14), true), Some(ReadOnly::NotWritable));
        assert_eq!(classify_sqlite(&sqlite(14), false), None);
        assert_eq!(classify_sqlite(&sqlite(5), true), None, "busy is not read-only");
    }
}
