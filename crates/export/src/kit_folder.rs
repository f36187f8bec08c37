//! The upload kit's folder, built beside the chosen one (`.<name>.<pid>-<stamp>.part`) and renamed
//! into place when complete: a failure leaves nothing at the chosen path, and a folder that already
//! holds files is refused, never written into (the user's files are never overwritten).

use std::path::{Path, PathBuf};

use crate::error::ExportError;

/// The temporary folder: removed with its content when dropped unless it was moved into place.
pub(crate) struct TempFolder {
    pub path: PathBuf,
    kept: bool,
}

impl TempFolder {
    /// Refuses `out` when it is a file or a folder with anything in it; otherwise creates the
    /// temporary folder beside it.
    pub fn create(out: &Path) -> Result<TempFolder, ExportError> {
        let shown = out.file_name().map_or_else(|| out.display().to_string(), |n| n.to_string_lossy().into_owned());
        if out.is_file() {
            return Err(ExportError::KitFolderNotEmpty(shown));
        }
        if out.is_dir() {
            let mut entries = std::fs::read_dir(out).map_err(ExportError::io("读取文件夹", out))?;
            if entries.next().is_some() {
                return Err(ExportError::KitFolderNotEmpty(shown));
            }
        }
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
            _ => PathBuf::from("."),
        };
        let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
        for attempt in 0..100u32 {
            let path = parent.join(format!(".{shown}.{}-{stamp}-{attempt}.part", std::process::id()));
            match std::fs::create_dir(&path) {
                Ok(()) => return Ok(TempFolder { path, kept: false }),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(ExportError::io("创建临时文件夹", path)(e)),
            }
        }
        Err(ExportError::Io {
            what: "创建临时文件夹",
            path: parent,
            source: std::io::Error::from(std::io::ErrorKind::AlreadyExists),
        })
    }

    /// Writes `bytes` as `relative` (`2023年/…pdf`) inside the folder, creating its subfolder.
    pub fn write(&self, relative: &str, bytes: &[u8]) -> Result<(), ExportError> {
        let path = relative.split('/').fold(self.path.clone(), |p, part| p.join(part));
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(ExportError::io("创建文件夹", dir))?;
        }
        std::fs::write(&path, bytes).map_err(ExportError::io("写入文件", &path))
    }

    /// Moves the finished folder to `out` (an empty folder there is replaced).
    pub fn persist(mut self, out: &Path) -> Result<(), ExportError> {
        if out.is_dir() {
            std::fs::remove_dir(out).map_err(ExportError::io("替换空文件夹", out))?;
        }
        std::fs::rename(&self.path, out).map_err(ExportError::io("把上传材料移动到", out))?;
        self.kept = true;
        Ok(())
    }
}

impl Drop for TempFolder {
    fn drop(&mut self) {
        if !self.kept {
            let _ = std::fs::remove_dir_all(&self.path);
        }
    }
}
