//! SHA-256 in lowercase hex, computed while data streams through (one read of each file).

use std::io::{self, Read, Write};

use sha2::{Digest, Sha256};

/// Copy buffer size: large enough for throughput, small enough to keep memory flat.
pub const BUFFER: usize = 256 * 1024;

/// Lowercase hex of `bytes` (sha2 0.11 digests no longer format with `{:x}`).
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0xf)]));
    }
    out
}

/// SHA-256 and size of in-memory content.
pub fn digest(bytes: &[u8]) -> (String, u64) {
    (hex(&Sha256::digest(bytes)), bytes.len() as u64)
}

/// Why a streamed copy stopped.
pub enum CopyError {
    Read(io::Error),
    Write(io::Error),
    Cancelled,
}

/// Copies `reader` to `writer` in chunks, hashing on the way; after each chunk `tick` gets the
/// byte count of the chunk and may stop the copy. Returns the SHA-256 and the size.
pub fn copy_hashed(
    reader: &mut dyn Read,
    writer: &mut dyn Write,
    buffer: &mut [u8],
    mut tick: impl FnMut(u64) -> bool,
) -> Result<(String, u64), CopyError> {
    let mut hasher = Sha256::new();
    let mut size = 0u64;
    loop {
        let n = match reader.read(buffer) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(CopyError::Read(e)),
        };
        let chunk = &buffer[..n];
        hasher.update(chunk);
        writer.write_all(chunk).map_err(CopyError::Write)?;
        size += n as u64;
        if !tick(n as u64) {
            return Err(CopyError::Cancelled);
        }
    }
    Ok((hex(&hasher.finalize()), size))
}

/// SHA-256 and size of everything `reader` yields.
pub fn hash_reader(reader: &mut dyn Read) -> io::Result<(String, u64)> {
    let mut buffer = vec![0u8; BUFFER];
    match copy_hashed(reader, &mut io::sink(), &mut buffer, |_| true) {
        Ok(done) => Ok(done),
        Err(CopyError::Read(e) | CopyError::Write(e)) => Err(e),
        Err(CopyError::Cancelled) => Err(io::Error::other("cancelled")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_of_abc_is_the_published_test_vector() {
        let (sha, size) = digest(b"abc");
        assert_eq!(sha, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert_eq!(size, 3);
        let (streamed, _) = hash_reader(&mut &b"abc"[..]).unwrap();
        assert_eq!(streamed, sha);
    }
}
