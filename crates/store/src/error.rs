//! Everything that can stop a store operation, each with a message the user can act on, in
//! plain Chinese: a file by its name (and folder where the user has to find it), the system's
//! reason in words, never a hash, a byte count, SQLite's or the system's English.

use std::path::{Path, PathBuf};

use xueshi_core::LedgerError;
use xueshi_durable::words::{name, place, reason};
use xueshi_durable::{FileInUse, ReplaceError, replace_file};

/// Why a store operation failed. On every error the data folder is as it was before the call.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("无法{action}{}：{}", shown(path), reason(source))]
    Io { action: &'static str, path: PathBuf, source: std::io::Error },
    #[error(
        "读写数据库时出错，这次操作没有完成。请重试；如果反复出现，请重新启动学时手册，或在“设置”中检查数据、从备份恢复"
    )]
    Sqlite(rusqlite::Error),
    #[error("数据库升级到新版本时出错，没有完成，数据未改动。请重新启动学时手册；如果仍然出错，请在“设置”中从备份恢复")]
    Migration(#[from] rusqlite_migration::Error),
    #[error(
        "{}由更新版本的学时手册写入，为免损坏，没有打开也没有改动它。请安装最新版本的学时手册后再打开",
        database(path)
    )]
    NewerDatabase { path: PathBuf, found: i64, known: i64 },
    #[error("{}不是学时手册的数据库或备份（可能是别的程序的文件），没有打开也没有改动它", database(path))]
    NotOurDatabase { path: PathBuf },
    #[error("{}已损坏：{detail}。请在“设置”中从备份恢复", database(path))]
    Corrupt { path: PathBuf, detail: String },
    #[error("{}不能用来恢复：{detail}。它可能被改动过或来自别的程序；当前数据未改动", database(path))]
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
        "{}是一个文件，不是文件夹，不能用作数据文件夹。请指定一个文件夹，学时手册会在其中保存记录、证明材料和备份",
        place(path)
    )]
    DataDirIsFile { path: PathBuf },
    #[error("{0}")]
    Ledger(#[from] LedgerError),
    #[error("没有编号为“{0}”的记录，它可能已被删除。请刷新记录列表后再试")]
    NoSuchActivity(String),
    #[error("编号“{0}”已被另一条记录使用，请换一个编号")]
    DuplicateActivity(String),
    #[error("这份证明材料已不存在（可能已被移除），请刷新后再试")]
    NoSuchEvidence(i64),
    #[error(
        "记录 {activity} 的一份证明材料在数据文件夹中找不到了（文件可能被删除或移走）。请在“设置”中检查数据，或在这条记录中重新添加这份材料"
    )]
    MissingBlob { activity: String, sha256: String },
    #[error(
        "证明材料记录已损坏：记录 {activity} 的证明材料“{file}”的校验值无效，数据库可能被改动过。未读取任何文件；请在“设置”中检查数据，或从备份恢复"
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
    #[error(transparent)]
    Move(#[from] crate::moving::MoveError),
}

/// The database a message is about, as the user knows it: the data folder's, one of the
/// automatic backups (never by its file name), or a file the user chose.
fn database(path: &Path) -> String {
    match internal(path) {
        Some(Internal::Database) => "数据文件夹中的数据库".to_owned(),
        Some(Internal::Backup) => "这份备份".to_owned(),
        _ => format!("文件{}", place(path)),
    }
}

/// A file a message names: one of the data folder's own (a database, a backup, a stored piece of
/// evidence named by its hash, a temporary file) by what it is, any other by its name and folder.
pub(crate) fn shown(path: &Path) -> String {
    match internal(path) {
        Some(Internal::Database) => "数据文件夹中的数据库".to_owned(),
        Some(Internal::Backup) => "数据文件夹中的备份".to_owned(),
        Some(Internal::Evidence) => "数据文件夹中的证明材料".to_owned(),
        Some(Internal::Other) => "数据文件夹中的文件".to_owned(),
        None => place(path),
    }
}

enum Internal {
    Database,
    Backup,
    Evidence,
    Other,
}

/// Which of the data folder's own files `path` is, by the names `paths.rs`, `backup.rs` and the
/// vault give them; `None` for a file of the user's.
fn internal(path: &Path) -> Option<Internal> {
    let file = path.file_name()?.to_string_lossy();
    // The folder itself, its parent or grandparent: `evidence/ab/<hash>`, `evidence/.incoming/…`.
    let within = |name: &str| path.ancestors().take(3).any(|p| p.file_name().is_some_and(|n| n == name));
    if file == "ledger.sqlite3" {
        Some(Internal::Database)
    } else if file.starts_with("ledger-") && (file.ends_with(".sqlite3") || file.ends_with(".partial"))
        || within("backups")
    {
        Some(Internal::Backup)
    } else if within("evidence") {
        Some(Internal::Evidence)
    } else if crate::vault::is_sha256(&file) || file.ends_with(".part") || file.starts_with('.') {
        Some(Internal::Other)
    } else {
        None
    }
}

/// Why a file was not accepted as evidence. Nothing was changed.
#[derive(Debug, thiserror::Error)]
pub enum Refusal {
    #[error("{}是文件夹，请选择其中的文件", name(.0))]
    Directory(PathBuf),
    #[error("{}不是普通文件（可能是设备或失效的快捷方式），请选择证书的 PDF 文件或照片", name(.0))]
    NotAFile(PathBuf),
    #[error("无法读取{}：{}（若是快捷方式，请检查它指向的文件）", place(path), reason(source))]
    Unreadable { path: PathBuf, source: std::io::Error },
    #[error("{}是空文件，里面没有内容，请选择证书的 PDF 文件或照片", name(.0))]
    Empty(PathBuf),
    #[error(
        "{}有 {}，超过证明材料的上限 {}。请压缩照片，或把 PDF 另存为较小的文件后再添加",
        name(path),
        size_words(*size),
        size_words(*limit)
    )]
    TooLarge { path: PathBuf, size: u64, limit: u64, limit_mib: u64 },
    #[error(
        "{}不是可接受的证明材料格式：只接受 PDF 文件、照片（JPEG、PNG、HEIC、WebP）、OFD 版式文件和 Word、Excel、WPS 文档（按文件内容识别，与扩展名无关）",
        name(.0)
    )]
    UnsupportedType(PathBuf),
    #[error("{}是程序或脚本，不能作为证明材料：请选择证书的 PDF 文件、照片或扫描件", name(.0))]
    Program(PathBuf),
    #[error("证明材料的类别不能为空，例如 结业证书、培训通知、签到表")]
    NoMaterial,
    /// The material's name is too long (the message names the field and the limit).
    #[error("{0}")]
    Material(String),
}

/// A file's size as the user's file manager shows it: `12.3 MB`, `50 MB`, `4 KB`.
fn size_words(bytes: u64) -> String {
    const MB: f64 = 1024.0 * 1024.0;
    if bytes as f64 >= MB {
        let mb = format!("{:.1}", bytes as f64 / MB);
        format!("{} MB", mb.strip_suffix(".0").unwrap_or(&mb))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
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
        Some(crate::read_only::ReadOnly::DiskFull) => StoreError::DiskFull { place: shown(&path) },
        Some(_) => StoreError::NotWritable { place: shown(&path) },
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
