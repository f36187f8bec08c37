//! Where evidence files come from. The export only needs to open each file for reading; the
//! store implements this over its vault (files by SHA-256), and [`FolderSource`] serves a plain
//! folder next to a ledger file.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};

use xueshi_core::Evidence;

/// An evidence file opened for reading.
pub struct Opened {
    pub reader: Box<dyn Read>,
    /// The size in bytes, when known before reading (decides ZIP64 for files of 4 GiB or more).
    pub size: Option<u64>,
}

impl Opened {
    /// Opens a file on disk.
    pub fn file(path: &Path) -> io::Result<Opened> {
        let file = File::open(path)?;
        let meta = file.metadata()?;
        if !meta.is_file() {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, "不是普通文件"));
        }
        Ok(Opened { size: Some(meta.len()), reader: Box::new(file) })
    }
}

/// Opens evidence files for an export.
pub trait EvidenceSource {
    /// Opens the content of `evidence`, attached to record `activity` (found by its `sha256`, or
    /// by its `file` name).
    fn open(&self, activity: &str, evidence: &Evidence) -> io::Result<Opened>;

    /// The size of the content, for the progress bar; also checks, before the long copy starts,
    /// that every file can be found. By default the file is opened to ask.
    fn size(&self, activity: &str, evidence: &Evidence) -> io::Result<u64> {
        Ok(self.open(activity, evidence)?.size.unwrap_or(0))
    }

    /// Whether the entry has content at all. An entry known by name only (imported without its
    /// file) is left out of the package and listed as not included, rather than failing it.
    fn has_content(&self, _activity: &str, _evidence: &Evidence) -> bool {
        true
    }
}

/// Evidence files in a plain folder, found by the `file` name of each entry (a relative path
/// inside the folder; anything that would leave the folder is refused): first in the record's own
/// subfolder `<folder>/<record id>/<file>`, then in `<folder>/<file>`.
#[derive(Debug, Clone)]
pub struct FolderSource {
    root: PathBuf,
}

impl FolderSource {
    pub fn new(root: impl Into<PathBuf>) -> FolderSource {
        FolderSource { root: root.into() }
    }
}

impl EvidenceSource for FolderSource {
    fn open(&self, activity: &str, evidence: &Evidence) -> io::Result<Opened> {
        let inside = |p: &Path| p.components().all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
        let relative = Path::new(&evidence.file);
        if !inside(relative) {
            return Err(io::Error::new(io::ErrorKind::PermissionDenied, "文件名指向材料文件夹之外，已拒绝"));
        }
        let own = Path::new(activity).join(relative);
        if inside(Path::new(activity)) && self.root.join(&own).is_file() {
            return Opened::file(&self.root.join(own));
        }
        Opened::file(&self.root.join(relative))
    }
}

/// Whether `text` is a SHA-256 as the vault names files: 64 lowercase hex digits.
pub fn is_sha256(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// `sha` when it is a SHA-256 (see [`is_sha256`]); otherwise an error quoting (the start of) it.
/// A value from the ledger or the database becomes a path only after this check.
fn checked_sha256(sha: &str) -> io::Result<&str> {
    if is_sha256(sha) {
        return Ok(sha);
    }
    // The value itself is left out: it is no use to the user, and may be a crafted path.
    Err(io::Error::new(io::ErrorKind::InvalidData, "记录中这份材料的校验值无效，数据可能被改动过"))
}

/// Evidence files found through a function from SHA-256 to a path, e.g. the vault's
/// `Store::blob_path`.
pub struct PathLookupSource<F: Fn(&str) -> Option<PathBuf>> {
    lookup: F,
}

impl<F: Fn(&str) -> Option<PathBuf>> PathLookupSource<F> {
    pub fn new(lookup: F) -> Self {
        PathLookupSource { lookup }
    }
}

impl<F: Fn(&str) -> Option<PathBuf>> EvidenceSource for PathLookupSource<F> {
    fn has_content(&self, _activity: &str, evidence: &Evidence) -> bool {
        evidence.sha256.is_some()
    }

    fn open(&self, _activity: &str, evidence: &Evidence) -> io::Result<Opened> {
        let sha = evidence
            .sha256
            .as_deref()
            .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "这份材料只登记了名称，没有保存文件"))?;
        checked_sha256(sha)?;
        let path =
            (self.lookup)(sha).ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "数据文件夹中没有这份材料"))?;
        Opened::file(&path)
    }
}
