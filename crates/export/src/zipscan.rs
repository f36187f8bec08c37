//! The ZIP's structure read byte by byte, independently of the `zip` crate (which reads the
//! central directory only, and keeps one of two members with the same name): the central
//! directory parsed here, then every local header walked in order from the start of the file.
//! Finds names listed twice, members that have a local header but no directory entry, names that
//! would leave the folder they are unpacked into, and bytes that belong to no member. Linear in
//! the number of members.

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};

use crate::verify::Difference;

const LOCAL: &[u8; 4] = b"PK\x03\x04";
const CENTRAL: &[u8; 4] = b"PK\x01\x02";
const END: &[u8; 4] = b"PK\x05\x06";
const END64: &[u8; 4] = b"PK\x06\x06";
const LOCATOR64: &[u8; 4] = b"PK\x06\x07";
const DESCRIPTOR: &[u8; 4] = b"PK\x07\x08";
/// The end record (22 bytes) and the longest comment.
const END_SEARCH: u64 = 22 + 0xFFFF;
/// At most this many structural findings are listed (a hostile file could make millions).
const MAX_FINDINGS: usize = 200;

/// One entry of the central directory.
struct Listed {
    name: String,
    offset: u64,
    compressed: u64,
}

/// Reads `len` bytes at `at`.
fn read_at(file: &mut File, at: u64, len: usize) -> std::io::Result<Vec<u8>> {
    file.seek(SeekFrom::Start(at))?;
    let mut buf = vec![0; len];
    file.read_exact(&mut buf)?;
    Ok(buf)
}

fn le16(b: &[u8], at: usize) -> u64 {
    b.get(at..at + 2).map_or(0, |s| u64::from(u16::from_le_bytes([s[0], s[1]])))
}

fn le32(b: &[u8], at: usize) -> u64 {
    b.get(at..at + 4).map_or(0, |s| u64::from(u32::from_le_bytes([s[0], s[1], s[2], s[3]])))
}

fn le64(b: &[u8], at: usize) -> u64 {
    b.get(at..at + 8).map_or(0, |s| {
        let mut a = [0u8; 8];
        a.copy_from_slice(s);
        u64::from_le_bytes(a)
    })
}

/// Whether a member name would leave the folder it is unpacked into, or means something else on
/// Windows: absolute (`/x`), a backslash anywhere (a separator there: `\x`, `a\..\x`), a colon
/// (`C:x`, or an alternate data stream `x.pdf:y`), a `..` component, or a NUL. The exporter
/// writes none of these.
pub fn unsafe_name(name: &str) -> bool {
    name.starts_with('/') || name.contains(['\\', ':', '\0']) || name.split('/').any(|part| part == "..")
}

/// Where the central directory starts and ends, and how many entries it has.
struct Directory {
    start: u64,
    end: u64,
    entries: u64,
}

fn find_directory(file: &mut File, len: u64) -> Result<Directory, String> {
    let from = len.saturating_sub(END_SEARCH);
    let tail = read_at(file, from, usize::try_from(len - from).unwrap_or(0)).map_err(|e| e.to_string())?;
    let at = (0..tail.len().saturating_sub(21))
        .rev()
        .find(|&i| tail[i..].starts_with(END))
        .ok_or_else(|| "找不到 ZIP 目录的结尾记录".to_owned())?;
    let end = &tail[at..];
    let record_at = from + at as u64;
    if record_at + 22 + le16(end, 20) != len {
        return Err("ZIP 目录的结尾记录之后还有多余的内容".to_owned());
    }
    let (mut entries, mut size, mut start) = (le16(end, 10), le32(end, 12), le32(end, 16));
    let mut directory_end = record_at;
    // A ZIP64 end record (written when a count, size or offset needs it, and by some writers
    // always) sits between the directory and the end record, found through its locator.
    let locator = if record_at >= 20 { read_at(file, record_at - 20, 20).ok() } else { None };
    if let Some(locator) = locator.filter(|l| l.starts_with(LOCATOR64)) {
        let at64 = le64(&locator, 8);
        let record = read_at(file, at64, 56).map_err(|e| e.to_string())?;
        if !record.starts_with(END64) || at64.saturating_add(56) > record_at - 20 {
            return Err("ZIP64 目录结尾记录无效".to_owned());
        }
        (entries, size, start) = (le64(&record, 32), le64(&record, 40), le64(&record, 48));
        directory_end = at64;
    }
    if start.checked_add(size) != Some(directory_end) {
        return Err("ZIP 目录的位置或大小与结尾记录不符".to_owned());
    }
    Ok(Directory { start, end: directory_end, entries })
}

/// The zip64 extra field's values for the fields that are 0xFFFFFFFF, in the standard order.
fn zip64_extra(extra: &[u8], fields: &mut [&mut u64]) {
    let mut at = 0;
    while at + 4 <= extra.len() {
        let (id, size) = (le16(extra, at), usize::try_from(le16(extra, at + 2)).unwrap_or(0));
        let body = extra.get(at + 4..at + 4 + size).unwrap_or(&[]);
        if id == 1 {
            let mut pos = 0;
            for field in fields.iter_mut() {
                if **field == 0xFFFF_FFFF {
                    **field = le64(body, pos);
                    pos += 8;
                }
            }
            return;
        }
        at += 4 + size;
    }
}

fn read_directory(file: &mut File, dir: &Directory) -> Result<Vec<Listed>, String> {
    let size = usize::try_from(dir.end - dir.start).map_err(|_| "ZIP 目录过大".to_owned())?;
    let bytes = read_at(file, dir.start, size).map_err(|e| format!("无法读取 ZIP 目录：{e}"))?;
    let mut out = Vec::new();
    let mut at = 0usize;
    while at < bytes.len() {
        let head = bytes.get(at..at + 46).filter(|h| h.starts_with(CENTRAL));
        let Some(head) = head else { return Err(format!("ZIP 目录第 {} 项无效", out.len() + 1)) };
        let (name_len, extra_len, comment_len) = (le16(head, 28), le16(head, 30), le16(head, 32));
        let name_end = at + 46 + usize::try_from(name_len).unwrap_or(0);
        let extra_end = name_end + usize::try_from(extra_len).unwrap_or(0);
        let (Some(name), Some(extra)) = (bytes.get(at + 46..name_end), bytes.get(name_end..extra_end)) else {
            return Err(format!("ZIP 目录第 {} 项被截断", out.len() + 1));
        };
        let (mut uncompressed, mut compressed, mut offset) = (le32(head, 24), le32(head, 20), le32(head, 42));
        zip64_extra(extra, &mut [&mut uncompressed, &mut compressed, &mut offset]);
        out.push(Listed { name: String::from_utf8_lossy(name).into_owned(), offset, compressed });
        at = extra_end + usize::try_from(comment_len).unwrap_or(0);
    }
    if out.len() as u64 != dir.entries {
        return Err(format!("ZIP 目录有 {} 项，结尾记录却说有 {} 项", out.len(), dir.entries));
    }
    Ok(out)
}

/// Every structural problem of the ZIP `file` of `len` bytes, as differences.
pub fn scan(file: &mut File, len: u64) -> Vec<Difference> {
    let mut found = Vec::new();
    let dir = match find_directory(file, len) {
        Ok(d) => d,
        Err(reason) => return vec![Difference::Structure { reason }],
    };
    let listed = match read_directory(file, &dir) {
        Ok(l) => l,
        Err(reason) => return vec![Difference::Structure { reason }],
    };
    // Names compared as Windows does (ignoring case): two that differ only in case overwrite
    // each other when unpacked there.
    let mut names = HashSet::with_capacity(listed.len());
    let mut reported = HashSet::new();
    let mut by_offset: HashMap<u64, usize> = HashMap::with_capacity(listed.len());
    for (i, l) in listed.iter().enumerate() {
        if unsafe_name(&l.name) {
            found.push(Difference::UnsafePath { path: l.name.clone() });
        }
        let folded = l.name.to_lowercase();
        if !l.name.ends_with('/') && !names.insert(folded.clone()) && reported.insert(folded) {
            found.push(Difference::Duplicate { path: l.name.clone() });
        }
        if by_offset.insert(l.offset, i).is_some() {
            found.push(Difference::Structure {
                reason: format!("“{}”与另一个文件共用同一段内容", l.name)
            });
        }
    }
    walk_local_headers(file, &dir, &listed, &by_offset, &mut found);
    if found.len() > MAX_FINDINGS {
        let more = found.len() - MAX_FINDINGS;
        found.truncate(MAX_FINDINGS);
        found.push(Difference::Structure { reason: format!("……另有 {more} 处") });
    }
    found
}

/// Walks the local headers from offset 0 to the central directory, each member's data skipped
/// by its listed (or, for an unlisted one, its local) compressed size.
fn walk_local_headers(
    file: &mut File,
    dir: &Directory,
    listed: &[Listed],
    by_offset: &HashMap<u64, usize>,
    found: &mut Vec<Difference>,
) {
    let mut offsets: Vec<u64> = by_offset.keys().copied().collect();
    offsets.sort_unstable();
    let mut visited = 0usize;
    let mut pos = 0u64;
    while pos < dir.start && found.len() <= MAX_FINDINGS {
        let next_listed = |p: u64| offsets.get(offsets.partition_point(|&o| o <= p)).copied();
        let head = match read_at(file, pos, 30) {
            Ok(h) if h.starts_with(LOCAL) => h,
            _ => {
                found.push(Difference::Structure {
                    reason: format!("第 {pos} 字节处的内容不属于任何文件")
                });
                match next_listed(pos) {
                    Some(o) => {
                        pos = o;
                        continue;
                    }
                    None => break,
                }
            }
        };
        let (flags, name_len, extra_len) = (le16(&head, 6), le16(&head, 26), le16(&head, 28));
        let (mut compressed, mut uncompressed) = (le32(&head, 18), le32(&head, 22));
        let variable = read_at(file, pos + 30, usize::try_from(name_len + extra_len).unwrap_or(0)).unwrap_or_default();
        let name_bytes = variable.get(..usize::try_from(name_len).unwrap_or(0)).unwrap_or(&[]);
        let name = String::from_utf8_lossy(name_bytes).into_owned();
        let extra = variable.get(name_bytes.len()..).unwrap_or(&[]);
        zip64_extra(extra, &mut [&mut uncompressed, &mut compressed]);
        let data_at = pos + 30 + name_len + extra_len;
        let size = match by_offset.get(&pos) {
            Some(&i) => {
                visited += 1;
                if listed[i].name != name {
                    found.push(Difference::Structure {
                        reason: format!("目录中的“{}”在文件内部的名字是“{name}”", listed[i].name),
                    });
                }
                listed[i].compressed
            }
            None => {
                found.push(Difference::Hidden { path: name.clone(), offset: pos });
                if unsafe_name(&name) {
                    found.push(Difference::UnsafePath { path: name });
                }
                if flags & 0x08 != 0 {
                    // The size is only after the data: continue at the next listed member.
                    match next_listed(pos) {
                        Some(o) => {
                            pos = o;
                            continue;
                        }
                        None => break,
                    }
                }
                compressed
            }
        };
        pos = data_at.saturating_add(size);
        if flags & 0x08 != 0 {
            pos = skip_descriptor(file, pos, uncompressed == 0xFFFF_FFFF || size >= 0xFFFF_FFFF);
        }
    }
    if pos > dir.start {
        found.push(Difference::Structure { reason: "最后一个文件的内容与 ZIP 目录重叠".to_owned() });
    }
    if visited < by_offset.len() {
        found.push(Difference::Structure {
            reason: format!("ZIP 目录中有 {} 个文件不在它所说的位置", by_offset.len() - visited),
        });
    }
}

/// The position after a data descriptor at `pos` (with or without its signature).
fn skip_descriptor(file: &mut File, pos: u64, zip64: bool) -> u64 {
    let signed = read_at(file, pos, 4).is_ok_and(|s| s == DESCRIPTOR);
    pos + if signed { 4 } else { 0 } + if zip64 { 20 } else { 12 }
}

#[cfg(test)]
mod tests {
    use super::unsafe_name;

    #[test]
    fn names_that_leave_the_folder_on_any_system_are_unsafe() {
        for name in ["/x", "\\x", "C:x", "c:\\x", "a/../../x", "a\\..\\x", "x\0.pdf", "a\\b.pdf", "x.pdf:y"] {
            assert!(unsafe_name(name), "{name}");
        }
        for name in ["2023年/专业科目/证书.pdf", "学时汇总表.pdf", "a..b/c", "...pdf"] {
            assert!(!unsafe_name(name), "{name}");
        }
    }
}
