//! The evidence vault: files attached to records, stored once per content under their SHA-256
//! in `evidence/ab/ab12…`, with the original name, size, detected type and material recorded in
//! the database in one transaction after the file is safely in place.

mod check;
mod ingest;
mod pipe;
pub mod sniff;

use std::fs::{File, OpenOptions};
use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{OptionalExtension, params};

pub use check::{MissingFile, VacuumReport, VerifyReport};
pub use ingest::{BUFFER, Ingested, blob_path, hash_file, hex, is_sha256};
pub use sniff::FileType;

use crate::error::{Refusal, Result, StoreError, io};
use crate::open::Store;
use crate::records::{activity_seq, insert_evidence};

/// The outcome of an attach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attached {
    /// The evidence entry (to detach it).
    pub seq: i64,
    pub sha256: String,
    pub size: u64,
    pub file_type: FileType,
    /// The same content was already in the vault, so it was not stored again.
    pub deduplicated: bool,
    /// The same file was already attached to this record as this material: nothing was added.
    pub already_attached: bool,
}

impl Store {
    /// Copies `source` into the vault and attaches it to activity `activity` as `material`.
    /// Refuses a folder, a dangling or looping link, an unreadable, empty, oversized or
    /// unsupported file with a clear message; then nothing has changed.
    pub fn attach(&mut self, activity: &str, source: &Path, material: &str) -> Result<Attached> {
        let material = material_text(material)?;
        activity_seq(&self.conn, activity)?;
        let mut file = open_source(source, self.options.max_evidence_bytes)?;
        let name =
            source.file_name().map_or_else(|| source.display().to_string(), |n| n.to_string_lossy().into_owned());
        self.attach_reader(activity, &mut file, &name, source, &material)
    }

    /// Attaches content read from `reader` under the original name `name` (e.g. from an archive).
    pub fn attach_reader(
        &mut self,
        activity: &str,
        reader: &mut dyn Read,
        name: &str,
        shown: &Path,
        material: &str,
    ) -> Result<Attached> {
        let material = &material_text(material)?;
        let _guard = self.attach_lock()?;
        let stored = ingest::ingest(&self.dir.evidence(), reader, name, shown, self.options.max_evidence_bytes)?;
        let tx = self.conn.transaction()?;
        let seq = activity_seq(&tx, activity)?;
        record_blob(&tx, &stored)?;
        let existing: Option<i64> = tx
            .query_row(
                "SELECT seq FROM evidence WHERE activity = ?1 AND sha256 = ?2 AND material = ?3",
                params![seq, stored.sha256, material],
                |r| r.get(0),
            )
            .optional()?;
        let (entry, already_attached) = match existing {
            Some(e) => (e, true),
            None => (insert_evidence(&tx, seq, activity, name, material, Some(&stored.sha256))?, false),
        };
        tx.commit()?;
        Ok(Attached {
            seq: entry,
            sha256: stored.sha256,
            size: stored.size,
            file_type: stored.file_type,
            deduplicated: !stored.newly_stored,
            already_attached,
        })
    }

    /// Stores content in the vault and records it, without attaching it to a record (imports
    /// attach in their own transaction).
    pub(crate) fn store_blob(&mut self, reader: &mut dyn Read, name: &str, shown: &Path) -> Result<Ingested> {
        let _guard = self.attach_lock()?;
        ingest::ingest(&self.dir.evidence(), reader, name, shown, self.options.max_evidence_bytes)
    }

    /// The path of a stored file in the vault, to open or export it; `None` when `sha256` is not
    /// 64 lowercase hex digits (a damaged or crafted database), so that it never names a path.
    pub fn blob_path(&self, sha256: &str) -> Option<PathBuf> {
        is_sha256(sha256).then(|| blob_path(&self.dir.evidence(), sha256))
    }

    /// Removes temporary files left by attaches that died.
    pub(crate) fn sweep_vault_leftovers(&self) -> Result<Vec<PathBuf>> {
        ingest::sweep(&self.dir.evidence())
    }

    /// Held (shared) while a file is copied in and recorded; `vacuum` takes it exclusively, so it
    /// never removes a file that an attach has stored but not yet recorded.
    pub(crate) fn attach_lock(&self) -> Result<File> {
        let path = self.dir.evidence().join(".lock");
        let file =
            OpenOptions::new().create(true).truncate(false).write(true).open(&path).map_err(io("打开", &path))?;
        file.lock_shared().map_err(io("锁定", &path))?;
        Ok(file)
    }
}

pub(crate) fn record_blob(tx: &rusqlite::Transaction<'_>, stored: &Ingested) -> Result<()> {
    tx.execute(
        "INSERT INTO evidence_files (sha256, size, file_type) VALUES (?1, ?2, ?3)
         ON CONFLICT (sha256) DO NOTHING",
        params![stored.sha256, i64::try_from(stored.size).unwrap_or(i64::MAX), stored.file_type.code()],
    )?;
    Ok(())
}

/// Opens a file to attach after checking that it is a regular, non-empty file within the limit.
pub(crate) fn open_source(source: &Path, limit: u64) -> Result<File> {
    let unreadable = |e| Refusal::Unreadable { path: source.to_owned(), source: e };
    let meta = std::fs::metadata(source).map_err(unreadable)?;
    if meta.is_dir() {
        return Err(Refusal::Directory(source.to_owned()).into());
    }
    if !meta.is_file() {
        return Err(Refusal::NotAFile(source.to_owned()).into());
    }
    check_size(source, meta.len(), limit)?;
    let file = File::open(source).map_err(unreadable)?;
    // The file may have been replaced between the check and the open.
    let meta = file.metadata().map_err(unreadable)?;
    if !meta.is_file() {
        return Err(Refusal::NotAFile(source.to_owned()).into());
    }
    check_size(source, meta.len(), limit)?;
    Ok(file)
}

fn check_size(source: &Path, size: u64, limit: u64) -> Result<(), StoreError> {
    if size == 0 {
        return Err(Refusal::Empty(source.to_owned()).into());
    }
    if size > limit {
        return Err(Refusal::too_large(source, size, limit).into());
    }
    Ok(())
}

/// The material's name as typed or pasted, without invisible characters and within its length;
/// an empty one is refused.
fn material_text(material: &str) -> Result<String> {
    let material = xueshi_core::text::accept("material", material).map_err(Refusal::Material)?;
    if material.is_empty() {
        return Err(Refusal::NoMaterial.into());
    }
    Ok(material)
}
