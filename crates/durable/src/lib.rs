//! The two file operations the store and the export share to make a finished file durable: flush
//! a written file to disk, and move a temporary file into place the way careful Windows programs
//! do (a short retry while another program holds the file, then a clear message).

use std::fs::OpenOptions;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub mod words;

/// How long a move is retried while another program holds the file (virus scanners, indexers
/// and cloud-sync clients let go within a moment).
pub const RETRY_FOR: Duration = Duration::from_secs(2);
/// The first pause between tries; each next pause is twice as long, up to [`LONGEST_PAUSE`].
const FIRST_PAUSE: Duration = Duration::from_millis(15);
const LONGEST_PAUSE: Duration = Duration::from_millis(400);

/// A file that could not be replaced because another program has it open.
#[derive(Debug, thiserror::Error)]
#[error(
    "文件{}正被其他程序打开或占用（例如正在查看它的 PDF 阅读器、压缩软件，或正在扫描它的杀毒软件），无法保存。请关闭打开它的程序后重试。",
    words::place(path)
)]
pub struct FileInUse {
    /// The file that was to be replaced or created.
    pub path: PathBuf,
}

/// Why a finished file could not be moved into place. In both cases the temporary file is gone.
#[derive(Debug, thiserror::Error)]
pub enum ReplaceError {
    #[error(transparent)]
    InUse(#[from] FileInUse),
    #[error(
        "无法保存文件{}：{}。请检查这个文件夹能否写入、磁盘是否已满后重试",
        words::place(path),
        words::reason(source)
    )]
    Io { path: PathBuf, source: io::Error },
}

/// Flushes the written file at `path` to disk. Opens it for writing: Windows refuses to flush
/// through a handle opened only for reading ("拒绝访问", os error 5).
pub fn sync_file(path: &Path) -> io::Result<()> {
    OpenOptions::new().write(true).open(path)?.sync_all()
}

/// Moves the finished file `temp` to `target` (replacing a file already there, atomically on one
/// volume). On Windows, a move onto a file another program holds open, or of a file a virus
/// scanner is still reading, fails with "拒绝访问" (os error 5) or a sharing violation (os error
/// 32): it is tried again for up to [`RETRY_FOR`], with growing pauses. On any failure `temp` is
/// removed, and a file held open to the end is reported as [`FileInUse`], naming `target`.
pub fn replace_file(temp: &Path, target: &Path) -> Result<(), ReplaceError> {
    replace_file_within(temp, target, RETRY_FOR)
}

/// [`replace_file`] with another limit for the retries.
pub fn replace_file_within(temp: &Path, target: &Path, limit: Duration) -> Result<(), ReplaceError> {
    let started = Instant::now();
    let mut pause = FIRST_PAUSE;
    let failure = loop {
        match std::fs::rename(temp, target) {
            Ok(()) => return Ok(()),
            Err(e) if held_open(&e) && !read_only(target) => {
                if started.elapsed() >= limit {
                    break ReplaceError::InUse(FileInUse { path: target.to_owned() });
                }
                std::thread::sleep(pause.min(limit.saturating_sub(started.elapsed())));
                pause = (pause * 2).min(LONGEST_PAUSE);
            }
            Err(source) => break ReplaceError::Io { path: target.to_owned(), source },
        }
    };
    let _ = std::fs::remove_file(temp);
    Err(failure)
}

/// Whether a failed move means "another program has one of the files open": Windows'
/// `ERROR_ACCESS_DENIED` (5) and `ERROR_SHARING_VIOLATION` (32). Elsewhere a rename never fails
/// for that reason, and these numbers mean something else.
fn held_open(e: &io::Error) -> bool {
    cfg!(windows) && matches!(e.raw_os_error(), Some(5 | 32))
}

/// A read-only target also gives "access denied" on Windows; that is not worth waiting for.
fn read_only(target: &Path) -> bool {
    std::fs::metadata(target).is_ok_and(|m| m.permissions().readonly())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh folder under the system's temporary folder, removed afterwards.
    struct Scratch(PathBuf);

    impl Scratch {
        fn new(name: &str) -> Scratch {
            let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
            let dir = std::env::temp_dir().join(format!("xueshi-durable-{name}-{}-{stamp}", std::process::id()));
            std::fs::create_dir_all(&dir).expect("scratch folder");
            Scratch(dir)
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn a_finished_file_replaces_the_old_one_and_the_temporary_name_is_gone() {
        let dir = Scratch::new("replace");
        let (temp, target) = (dir.0.join("新.part"), dir.0.join("材料包.zip"));
        std::fs::write(&target, b"old").expect("old");
        std::fs::write(&temp, b"new").expect("new");
        replace_file(&temp, &target).expect("replaced");
        assert_eq!(std::fs::read(&target).expect("read"), b"new");
        assert!(!temp.exists());
    }

    #[test]
    fn a_move_that_cannot_be_done_removes_the_temporary_file_and_names_the_target() {
        let dir = Scratch::new("fail");
        let temp = dir.0.join("新.part");
        std::fs::write(&temp, b"new").expect("new");
        let target = dir.0.join("没有这个文件夹").join("材料包.zip");
        let err = replace_file(&temp, &target).expect_err("no such folder");
        assert!(matches!(err, ReplaceError::Io { .. }), "{err:?}");
        assert!(err.to_string().contains("材料包.zip"), "{err}");
        assert!(!temp.exists());
    }

    #[test]
    fn a_written_file_is_flushed_through_a_handle_that_may_write() {
        let dir = Scratch::new("sync");
        let path = dir.0.join("备份.sqlite3");
        std::fs::write(&path, b"data").expect("written");
        sync_file(&path).expect("flushed");
        assert_eq!(std::fs::read(&path).expect("read"), b"data");
    }
}
