//! Everything that can stop a store operation, each with a message the user can act on
//! (Simplified Chinese, English in brackets where it helps).

use std::path::{Path, PathBuf};

use xueshi_core::LedgerError;
use xueshi_durable::{FileInUse, ReplaceError, replace_file};

/// Why a store operation failed. On every error the data folder is as it was before the call.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("无法{action} {path}：{source}")]
    Io { action: &'static str, path: PathBuf, source: std::io::Error },
    #[error("数据库出错：{0} (database error)")]
    Sqlite(rusqlite::Error),
    #[error("数据库升级失败：{0} (migration failed)")]
    Migration(#[from] rusqlite_migration::Error),
    #[error(
        "数据库 {path} 由更新版本的学时手册写入（结构版本 {found}，本程序只认识到 {known}），为免损坏，未打开也未改动。请升级学时手册。(database written by a newer version)"
    )]
    NewerDatabase { path: PathBuf, found: i64, known: i64 },
    #[error("{path} 不是学时手册的数据库，未打开也未改动 (not a xueshi database)")]
    NotOurDatabase { path: PathBuf },
    #[error("数据库 {path} 已损坏：{detail} (integrity check failed)")]
    Corrupt { path: PathBuf, detail: String },
    #[error("{path} 不能用来恢复：{detail}。它可能被改动过或来自别的程序；当前数据未改动")]
    Unrestorable { path: PathBuf, detail: String },
    #[error(
        "磁盘已满，无法写入{place}。请删除不需要的文件腾出空间（或把数据文件夹移到空间足够的磁盘）后再试；已保存的数据没有受影响"
    )]
    DiskFull { place: String },
    #[error(
        "{place}现在是只读的，不能保存修改（磁盘已满，或文件夹、磁盘不允许写入）。请腾出磁盘空间或检查文件夹的权限后再试；仍可查看、检查和导出，已保存的数据没有受影响"
    )]
    NotWritable { place: String },
    #[error(
        "{path} 是一个文件，不是文件夹，不能用作数据文件夹。请指定一个文件夹，学时手册会在其中保存数据库、证明材料和备份"
    )]
    DataDirIsFile { path: PathBuf },
    #[error("{0}")]
    Ledger(#[from] LedgerError),
    #[error("没有编号为 `{0}` 的记录 (no such activity)")]
    NoSuchActivity(String),
    #[error("编号 `{0}` 已被另一条记录使用 (duplicate id)")]
    DuplicateActivity(String),
    #[error("没有编号为 {0} 的证明材料 (no such evidence)")]
    NoSuchEvidence(i64),
    #[error("记录 {activity} 的证明材料引用了证据库中没有的文件（SHA-256 {sha256}）")]
    MissingBlob { activity: String, sha256: String },
    #[error(
        "证明材料记录已损坏：记录 {activity} 的证明材料“{file}”记下的 SHA-256 不是 64 位小写十六进制，数据库可能被改动过。未读取任何文件；请在“设置”中检查数据，或从备份恢复"
    )]
    DamagedEvidenceRecord { activity: String, file: String },
    #[error("{0}")]
    Refused(#[from] Refusal),
    #[error("{0}")]
    Exchange(String),
    #[error("所在市州“{0}”不是湖南省的市州，请从以下选择：{choices}", choices = xueshi_core::cities::choices())]
    NotACity(String),
    #[error("{0}")]
    Spreadsheet(#[from] crate::spreadsheet::SpreadsheetError),
    #[error("{0}")]
    BadRows(crate::spreadsheet::BadRows),
    #[error(transparent)]
    FileInUse(#[from] FileInUse),
}

/// Why a file was not accepted as evidence. Nothing was changed.
#[derive(Debug, thiserror::Error)]
pub enum Refusal {
    #[error("{0} 是文件夹，请选择其中的文件 (is a directory)")]
    Directory(PathBuf),
    #[error("{0} 不是普通文件 (not a regular file)")]
    NotAFile(PathBuf),
    #[error("无法读取 {path}：{source}（若是快捷方式或符号链接，请检查它指向的文件）")]
    Unreadable { path: PathBuf, source: std::io::Error },
    #[error("{0} 是空文件 (empty file)")]
    Empty(PathBuf),
    #[error("{path} 有 {size} 字节，超过证明材料的上限 {limit} 字节（{limit_mib} MiB）(too large)")]
    TooLarge { path: PathBuf, size: u64, limit: u64, limit_mib: u64 },
    #[error(
        "{0} 不是可接受的证明材料格式：只接受 PDF、JPEG、PNG、HEIC、WebP、OFD、DOC/DOCX、XLS/XLSX、WPS 文件（按内容识别，不看扩展名）"
    )]
    UnsupportedType(PathBuf),
    #[error(
        "{0} 是程序或脚本（如 .exe .bat .js 或可执行文件的内容），不能作为证明材料：请选择证书的 PDF、照片或扫描件"
    )]
    Program(PathBuf),
    #[error("证明材料的类别不能为空，例如 结业证书、培训通知、签到表")]
    NoMaterial,
    /// The material's name is too long (the message names the field and the limit).
    #[error("{0}")]
    Material(String),
}

impl Refusal {
    pub fn too_large(path: &Path, size: u64, limit: u64) -> Refusal {
        Refusal::TooLarge { path: path.to_owned(), size, limit, limit_mib: limit / (1024 * 1024) }
    }
}

/// SQLite's errors, a full disk and a database that cannot be written said in words.
impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        let place = || "数据文件夹".to_owned();
        match crate::read_only::classify_sqlite(&e, false) {
            Some(crate::read_only::ReadOnly::DiskFull) => StoreError::DiskFull { place: place() },
            Some(_) => StoreError::NotWritable { place: place() },
            None => StoreError::Sqlite(e),
        }
    }
}

/// Shorthand for an I/O error with the action (in Chinese) and path it concerns (a full disk or
/// a read-only place said as such).
pub(crate) fn io(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> StoreError {
    let path = path.to_owned();
    move |source| match crate::read_only::classify_io(&source, false) {
        Some(crate::read_only::ReadOnly::DiskFull) => StoreError::DiskFull { place: format!(" {}", path.display()) },
        Some(_) => StoreError::NotWritable { place: path.display().to_string() },
        None => StoreError::Io { action, path, source },
    }
}

/// Moves the finished file `temp` to `target` (retrying while another program holds it open, see
/// `xueshi_durable`); on failure `temp` is gone and the error names `target`.
pub(crate) fn replace(action: &'static str, temp: &Path, target: &Path) -> Result<()> {
    replace_file(temp, target).map_err(|e| match e {
        ReplaceError::InUse(e) => StoreError::FileInUse(e),
        ReplaceError::Io { path, source } => StoreError::Io { action, path, source },
    })
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
