//! Copying a file into the vault: one pass over the source through bounded buffers, hashing
//! (SHA-256, `pipe`) and writing a temporary file in the vault at once, then fsync and an atomic rename to
//! the name of its hash. A temporary file is locked while it is written, so that the sweep on open
//! removes only the leftovers of attaches that died, never one in progress in another program.

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use sha2::{Digest, Sha256};

use super::pipe::{Copied, copy_and_hash, fill};
use super::sniff::FileType;
use crate::error::{Result, StoreError, io, replace};
use crate::paths::sync_dir;

/// The copy buffer: the only memory that grows with throughput, whatever the file size.
pub const BUFFER: usize = 1024 * 1024;
/// Folder of the vault holding files being written.
pub const INCOMING: &str = ".incoming";
pub const PART: &str = ".part";

/// A file now stored in the vault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ingested {
    pub sha256: String,
    pub size: u64,
    pub file_type: FileType,
    /// False when the same content was already in the vault (the copy was dropped).
    pub newly_stored: bool,
}

/// Lowercase hex of a digest (sha2 0.11 no longer formats digests with `{:x}`).
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[usize::from(b >> 4)] as char);
        s.push(DIGITS[usize::from(b & 0xF)] as char);
    }
    s
}

/// Whether `text` is a SHA-256 as the vault names files: 64 lowercase hex digits.
pub fn is_sha256(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// A name in the vault folder that is never a file (nothing is ever stored under it).
const NOT_A_HASH: &str = ".not-a-sha256";

/// Where the vault keeps the content with this hash: `evidence/ab/ab12…`. A value that is not a
/// SHA-256 (see [`is_sha256`]; a damaged or crafted database) never becomes a path outside the
/// vault: it gives `evidence/.not-a-sha256`, where no file is ever stored.
pub fn blob_path(vault: &Path, sha256: &str) -> PathBuf {
    if !is_sha256(sha256) {
        return vault.join(NOT_A_HASH);
    }
    vault.join(&sha256[..2]).join(sha256)
}

/// Removes the temporary file unless the copy completed.
struct Partial {
    path: PathBuf,
    done: bool,
}

impl Drop for Partial {
    fn drop(&mut self) {
        if !self.done {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// Stores the content of `source` (named `name`, shown as `shown` in messages) in `vault`.
/// Refuses content that is empty, larger than `limit` or not an accepted type; on any error no
/// file is left behind.
pub fn ingest(vault: &Path, source: &mut dyn Read, name: &str, shown: &Path, limit: u64) -> Result<Ingested> {
    let incoming = vault.join(INCOMING);
    std::fs::create_dir_all(&incoming).map_err(io("创建文件夹", &incoming))?;
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let tmp = incoming.join(format!("{}-{nanos}-{n}{PART}", std::process::id()));
    let mut file = OpenOptions::new().write(true).create_new(true).open(&tmp).map_err(io("写入", &tmp))?;
    let mut partial = Partial { path: tmp.clone(), done: false };
    file.try_lock().map_err(|e| StoreError::Io {
        action: "锁定临时文件",
        path: tmp.clone(),
        source: io::Error::other(e.to_string()),
    })?;

    let Copied { sha256, total, file_type } = copy_and_hash(source, &mut file, &tmp, name, shown, limit)?;
    file.sync_all().map_err(io("写入", &tmp))?;
    drop(file);

    let target = blob_path(vault, &sha256);
    // Stored once per content; a vault copy that is damaged (another size, or the same size and
    // other bytes: it is hashed again) is replaced by this one, so attaching the original repairs it.
    let intact = std::fs::metadata(&target).is_ok_and(|m| m.len() == total)
        && hash_file(&target).is_ok_and(|(hash, size)| hash == sha256 && size == total);
    let newly_stored = !intact;
    if newly_stored {
        let folder = target.parent().unwrap_or(vault).to_owned();
        let created = !folder.exists();
        std::fs::create_dir_all(&folder).map_err(io("创建文件夹", &folder))?;
        replace("保存", &tmp, &target)?;
        partial.done = true;
        sync_dir(&folder).map_err(io("保存", &folder))?;
        if created {
            sync_dir(vault).map_err(io("保存", vault))?;
        }
    }
    Ok(Ingested { sha256, size: total, file_type, newly_stored })
}

/// The SHA-256 and size of a file, read through the same bounded buffer.
pub fn hash_file(path: &Path) -> io::Result<(String, u64)> {
    let mut file = File::open(path)?;
    let mut buf = vec![0u8; BUFFER];
    let mut hasher = Sha256::new();
    let mut total = 0u64;
    loop {
        let n = fill(&mut file, &mut buf, BUFFER)?;
        if n == 0 {
            break;
        }
        total += n as u64;
        hasher.update(&buf[..n]);
    }
    Ok((hex(&hasher.finalize()), total))
}

/// Removes temporary files of attaches that are no longer running (their lock is free).
pub fn sweep(vault: &Path) -> Result<Vec<PathBuf>> {
    let incoming = vault.join(INCOMING);
    let mut swept = Vec::new();
    let Ok(entries) = std::fs::read_dir(&incoming) else {
        return Ok(swept);
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if !path.is_file() || !entry.file_name().to_string_lossy().ends_with(PART) {
            continue;
        }
        let abandoned = match OpenOptions::new().write(true).open(&path) {
            Ok(f) => f.try_lock().is_ok(),
            Err(e) => e.kind() == io::ErrorKind::NotFound,
        };
        if abandoned {
            match std::fs::remove_file(&path) {
                Ok(()) => swept.push(path),
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(io("清理未完成的添加", &path)(e)),
            }
        }
    }
    Ok(swept)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_is_lowercase_and_two_digits_per_byte() {
        assert_eq!(hex(&[0x00, 0x0f, 0xab, 0xff]), "000fabff");
    }

    #[test]
    fn the_hash_of_a_file_matches_the_known_sha256_of_its_content() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("abc");
        std::fs::write(&path, b"abc").expect("written");
        let (hash, size) = hash_file(&path).expect("hashed");
        assert_eq!(hash, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert_eq!(size, 3);
    }
}
