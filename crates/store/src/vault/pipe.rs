//! The copy loop of an attach: one read of the source through a small pool of buffers, each
//! written to the vault's temporary file by this thread while another thread hashes the previous
//! one (SHA-256), so hashing costs little more than the copy. Memory stays at `DEPTH + 1` buffers
//! whatever the file size.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::Path;
use std::sync::mpsc;

use sha2::{Digest, Sha256};

use super::ingest::{BUFFER, hex};
use super::sniff::{FileType, SNIFF_LEN, detect, is_executable};
use crate::error::{Refusal, Result, StoreError, io};

/// Buffers waiting for the hasher.
const DEPTH: usize = 3;

/// What the copy produced.
pub struct Copied {
    pub sha256: String,
    pub total: u64,
    pub file_type: FileType,
}

/// Copies `source` into `file` (the temporary file `tmp`) and hashes it. Refuses content that is
/// empty, larger than `limit` or not of an accepted type (decided on the first bytes).
pub fn copy_and_hash(
    source: &mut dyn Read,
    file: &mut File,
    tmp: &Path,
    name: &str,
    shown: &Path,
    limit: u64,
) -> Result<Copied> {
    let (to_hasher, chunks) = mpsc::sync_channel::<(Vec<u8>, usize)>(DEPTH);
    let (recycle, free) = mpsc::sync_channel::<Vec<u8>>(DEPTH + 1);
    std::thread::scope(|scope| {
        let hasher = scope.spawn(move || {
            let mut h = Sha256::new();
            for (buf, n) in chunks {
                h.update(&buf[..n]);
                // The copy may have stopped early; then nobody takes the buffer back.
                let _ = recycle.send(buf);
            }
            hex(&h.finalize())
        });
        let copied = copy_loop(source, file, tmp, name, shown, limit, &to_hasher, &free);
        drop(to_hasher);
        let sha256 = hasher.join().map_err(|_| StoreError::Io {
            action: "核对",
            path: tmp.to_owned(),
            source: io::Error::other("hasher"),
        })?;
        let (total, file_type) = copied?;
        Ok(Copied { sha256, total, file_type })
    })
}

#[allow(clippy::too_many_arguments)]
fn copy_loop(
    source: &mut dyn Read,
    file: &mut File,
    tmp: &Path,
    name: &str,
    shown: &Path,
    limit: u64,
    to_hasher: &mpsc::SyncSender<(Vec<u8>, usize)>,
    free: &mpsc::Receiver<Vec<u8>>,
) -> Result<(u64, FileType)> {
    let unreadable = |source: io::Error| Refusal::Unreadable { path: shown.to_owned(), source };
    let mut spare: Vec<Vec<u8>> = (0..=DEPTH).map(|_| vec![0u8; BUFFER]).collect();
    let mut total: u64 = 0;
    let mut file_type = None;
    loop {
        let mut buf = match spare.pop() {
            Some(b) => b,
            None => free.recv().map_err(|_| StoreError::Io {
                action: "核对",
                path: tmp.to_owned(),
                source: io::Error::other("hasher stopped"),
            })?,
        };
        let filled = fill(source, &mut buf, if file_type.is_none() { SNIFF_LEN } else { 1 }).map_err(unreadable)?;
        if filled == 0 {
            break;
        }
        if file_type.is_none() {
            if is_executable(&buf[..filled], name) {
                return Err(Refusal::Program(shown.to_owned()).into());
            }
            file_type = Some(detect(&buf[..filled], name).ok_or_else(|| Refusal::UnsupportedType(shown.to_owned()))?);
        }
        total += filled as u64;
        if total > limit {
            return Err(Refusal::too_large(shown, total, limit).into());
        }
        file.write_all(&buf[..filled]).map_err(io("写入", tmp))?;
        to_hasher.send((buf, filled)).map_err(|_| StoreError::Io {
            action: "核对",
            path: tmp.to_owned(),
            source: io::Error::other("hasher stopped"),
        })?;
    }
    let file_type = file_type.ok_or_else(|| Refusal::Empty(shown.to_owned()))?;
    Ok((total, file_type))
}

/// Reads until `buf` holds at least `want` bytes (or is full), or the source ends.
pub fn fill(source: &mut dyn Read, buf: &mut [u8], want: usize) -> io::Result<usize> {
    let mut filled = 0;
    while filled < want.min(buf.len()) {
        match source.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}
