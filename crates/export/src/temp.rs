//! The package's temporary file beside the output (`.<name>.<pid>-<stamp>-<n>.part`): created
//! and locked for the export, renamed into place at the end, removed on any error or cancel. A
//! killed export cannot remove its own, so each export first removes the stale ones of the same
//! output: only names of exactly this form, only when no export holds them (the lock) and they
//! have not been written for a minute. Nothing else in the folder is touched.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use xueshi_durable::{ReplaceError, replace_file};

use crate::error::ExportError;

/// A temporary file unwritten for this long, and unlocked, belongs to no running export.
const STALE_AFTER: Duration = Duration::from_secs(60);

/// The temporary file: removed when dropped unless it was moved into place.
pub(crate) struct TempFile {
    pub path: PathBuf,
    kept: bool,
}

impl TempFile {
    pub fn create(out: &Path) -> Result<(TempFile, File), ExportError> {
        let dir = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
            _ => PathBuf::from("."),
        };
        let name = out.file_name().map_or_else(|| "package".into(), |n| n.to_string_lossy().into_owned());
        sweep_stale(&dir, &name);
        let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
        for attempt in 0..100u32 {
            let path = dir.join(format!(".{name}.{}-{stamp}-{attempt}.part", std::process::id()));
            match OpenOptions::new().write(true).read(true).create_new(true).open(&path) {
                Ok(file) => {
                    // Held while the export writes: another export's sweep leaves it alone.
                    let _ = file.try_lock();
                    return Ok((TempFile { path, kept: false }, file));
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(ExportError::io("创建临时文件", path)(e)),
            }
        }
        Err(ExportError::Io {
            what: "创建临时文件",
            path: dir,
            source: std::io::Error::from(std::io::ErrorKind::AlreadyExists),
        })
    }

    /// Moves the finished package to `out`, retrying for a moment while another program (a ZIP
    /// viewer showing the previous package, a virus scanner) holds it open.
    pub fn persist(self, out: &Path) -> Result<(), ExportError> {
        self.persist_as(out, "把申报材料包移动到")
    }

    /// [`TempFile::persist`] for another kind of file: `what` says what failed, e.g. "把学时汇总表移动到".
    pub fn persist_as(mut self, out: &Path, what: &'static str) -> Result<(), ExportError> {
        replace_file(&self.path, out).map_err(|e| match e {
            ReplaceError::InUse(e) => ExportError::FileInUse(e),
            ReplaceError::Io { path, source } => ExportError::Io { what, path, source },
        })?;
        self.kept = true;
        Ok(())
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.kept {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Whether `file` is one of our temporary names for the output named `name`:
/// `.<name>.<digits>-<digits>-<digits>.part`.
fn is_ours(file: &str, name: &str) -> bool {
    let Some(middle) = file.strip_prefix('.').and_then(|f| f.strip_prefix(name)) else { return false };
    let Some(middle) = middle.strip_prefix('.').and_then(|m| m.strip_suffix(".part")) else { return false };
    let parts: Vec<&str> = middle.split('-').collect();
    parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// Removes the temporary files a killed export of `name` left in `dir` (see the module). Best
/// effort: a file that cannot be checked or removed is left.
fn sweep_stale(dir: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        if !file_name.to_str().is_some_and(|f| is_ours(f, name)) {
            continue;
        }
        let path = entry.path();
        let Ok(file) = OpenOptions::new().read(true).write(true).open(&path) else { continue };
        let old = file
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| SystemTime::now().duration_since(t).is_ok_and(|age| age >= STALE_AFTER));
        let free = old && file.try_lock().is_ok();
        drop(file);
        if free {
            let _ = std::fs::remove_file(&path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_ours;

    #[test]
    fn only_our_exact_temporary_names_are_ours() {
        assert!(is_ours(".包.zip.12-1764300000-0.part", "包.zip"));
        for other in [
            ".包.zip.12-1764300000.part",
            ".包.zip.a-1-0.part",
            "包.zip.12-1-0.part",
            ".包.zip.12-1-0.part.txt",
            ".别的.zip.12-1-0.part",
            ".包.zip.12--0.part",
        ] {
            assert!(!is_ours(other, "包.zip"), "{other}");
        }
    }
}
