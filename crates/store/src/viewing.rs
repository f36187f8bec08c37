//! Copies of evidence for viewing with the system's program: the vault keeps files under their
//! hash without an extension (Windows and macOS choose the program by extension) and its copy
//! must never be edited, so "打开" gets a read-only copy under its original, Windows-safe name in a
//! per-process folder of the temp dir (`xueshi-open-<pid>/<n>/…`), swept at the next start.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::{Result, StoreError, io};
use crate::open::Store;
use crate::vault::{BUFFER, FileType, hex};

/// The start of the name of every process's folder of viewing copies in the temp dir.
pub const VIEWING_PREFIX: &str = "xueshi-open-";

/// Longest file name of a copy, in bytes (with the folders in the temp dir this stays within
/// Windows' 260-character paths).
const MAX_NAME_BYTES: usize = 150;

/// This process's folder of viewing copies inside `temp` (the OS temp dir).
pub fn viewing_dir(temp: &Path) -> PathBuf {
    temp.join(format!("{VIEWING_PREFIX}{}", std::process::id()))
}

/// Removes the viewing copies that earlier runs left in `temp` (not this process's own folder,
/// which may be in use). A folder that cannot be removed (a viewer still holds a file in it on
/// Windows) stays until a later start. Returns the folders removed.
pub fn sweep_viewing_copies(temp: &Path) -> Vec<PathBuf> {
    let own = viewing_dir(temp);
    let Ok(entries) = std::fs::read_dir(temp) else { return Vec::new() };
    let mut removed = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let ours = entry.file_name().to_str().is_some_and(|n| n.starts_with(VIEWING_PREFIX));
        if !ours || path == own || !entry.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        make_writable(&path);
        if std::fs::remove_dir_all(&path).is_ok() {
            removed.push(path);
        }
    }
    removed
}

/// Clears the read-only mark of the copies in `dir` (Windows refuses to delete read-only files).
fn make_writable(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        match entry.file_type() {
            Ok(t) if t.is_dir() => make_writable(&path),
            Ok(t) if t.is_file() => {
                if let Ok(meta) = entry.metadata() {
                    let mut perms = meta.permissions();
                    #[allow(clippy::permissions_set_readonly_false)]
                    perms.set_readonly(false);
                    let _ = std::fs::set_permissions(&path, perms);
                }
            }
            _ => {}
        }
    }
}

impl Store {
    /// Copies evidence `seq` out of the vault into a new folder inside `dir` under its original
    /// name (made safe for Windows, with the extension of its type), marks the copy read-only
    /// and returns its path. The vault's file is only read, and checked against its SHA-256.
    pub fn evidence_copy_for_viewing(&self, seq: i64, dir: &Path) -> Result<PathBuf> {
        let e = self.all_evidence()?.into_iter().find(|e| e.seq == seq).ok_or(StoreError::NoSuchEvidence(seq))?;
        let Some(sha) = e.sha256 else {
            let only_a_name = io::Error::new(io::ErrorKind::NotFound, "这份材料只有名称，没有保存文件");
            return Err(io("打开证明材料", Path::new(&e.file_name))(only_a_name));
        };
        let Some(source) = self.blob_path(&sha) else {
            return Err(StoreError::DamagedEvidenceRecord { activity: e.activity, file: e.file_name });
        };
        let source = Some(source).filter(|p| p.is_file());
        let source =
            source.ok_or_else(|| StoreError::MissingBlob { activity: e.activity.clone(), sha256: sha.clone() })?;
        let file_type = e.file_type.as_deref().and_then(FileType::from_code);
        let name = viewing_name(&e.file_name, file_type);
        let folder = new_folder(dir)?;
        let copy = folder.join(name);
        let mut from = File::open(&source).map_err(io("读取", &source))?;
        let digest = copy_hashing(&mut from, &copy).map_err(io("复制证明材料到", &copy))?;
        if digest != sha {
            let _ = std::fs::remove_file(&copy);
            let changed = io::Error::new(
                io::ErrorKind::InvalidData,
                "数据文件夹中这份证明材料的内容与添加时不同（已损坏或被改动），没有打开；请在“设置”中检查数据和证明材料",
            );
            return Err(io("打开证明材料", &source)(changed));
        }
        let mut perms = std::fs::metadata(&copy).map_err(io("读取", &copy))?.permissions();
        perms.set_readonly(true);
        std::fs::set_permissions(&copy, perms).map_err(io("把副本设为只读", &copy))?;
        Ok(copy)
    }
}

/// A new folder for a file to open with the system's program (a copy, a PDF made to print), in
/// this process's folder of `temp` (the OS temp dir), swept like the copies at a later start.
pub fn new_viewing_folder(temp: &Path) -> Result<PathBuf> {
    new_folder(&viewing_dir(temp))
}

/// A new numbered folder inside `dir`, so that a copy never has to replace an earlier one that a
/// viewer may still hold open (or that is read-only).
fn new_folder(dir: &Path) -> Result<PathBuf> {
    std::fs::create_dir_all(dir).map_err(io("创建临时文件夹", dir))?;
    let mut n = 1u32;
    loop {
        let folder = dir.join(n.to_string());
        match std::fs::create_dir(&folder) {
            Ok(()) => return Ok(folder),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 100_000 => n += 1,
            Err(e) => return Err(io("创建临时文件夹", &folder)(e)),
        }
    }
}

/// Copies `from` to the new file `to` and returns the SHA-256 of what was copied.
fn copy_hashing(from: &mut File, to: &Path) -> io::Result<String> {
    let mut out = File::create_new(to)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; BUFFER];
    loop {
        let n = match from.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        hasher.update(&buf[..n]);
        out.write_all(&buf[..n])?;
    }
    out.flush()?;
    Ok(hex(&hasher.finalize()))
}

/// The extensions that open a file of this type.
fn extensions(file_type: FileType) -> &'static [&'static str] {
    match file_type {
        FileType::Pdf => &["pdf"],
        FileType::Jpeg => &["jpg", "jpeg", "jpe", "jfif"],
        FileType::Png => &["png"],
        FileType::Heic => &["heic", "heif"],
        FileType::Webp => &["webp"],
        FileType::Ofd => &["ofd"],
        FileType::Doc => &["doc"],
        FileType::Docx => &["docx"],
        FileType::Xls => &["xls"],
        FileType::Xlsx => &["xlsx"],
        FileType::Wps => &["wps"],
        FileType::Et => &["et"],
    }
}

/// `name` as a file name Windows accepts (no `<>:"/\|?*` or control characters, no device name
/// such as `CON` or `LPT1`, no trailing dot or space, not too long), ending in an extension of
/// its type, so that the system opens it with the right program and never runs it.
pub fn viewing_name(name: &str, file_type: Option<FileType>) -> String {
    let mut safe: String =
        name.chars().map(|c| if c.is_control() || "<>:\"/\\|?*".contains(c) { '_' } else { c }).collect();
    safe = safe.trim().trim_end_matches(['.', ' ']).to_owned();
    if let Some(t) = file_type {
        let ext = safe.rsplit_once('.').map(|(_, e)| e.to_lowercase()).unwrap_or_default();
        if !extensions(t).contains(&ext.as_str()) {
            safe = format!("{safe}.{}", t.code());
        }
    }
    let (stem, ext) = match safe.rsplit_once('.') {
        Some((s, e)) if !e.is_empty() && e.len() <= 10 => (s.to_owned(), format!(".{e}")),
        _ => (safe.clone(), String::new()),
    };
    let mut stem = stem.trim().to_owned();
    while stem.len() + ext.len() > MAX_NAME_BYTES {
        stem.pop();
    }
    let stem = stem.trim_end_matches(['.', ' ']);
    let stem = if stem.is_empty() { "证明材料" } else { stem };
    let device = stem.split('.').next().unwrap_or_default().trim_end().to_ascii_uppercase();
    let reserved = matches!(device.as_str(), "CON" | "PRN" | "AUX" | "NUL" | "CONIN$" | "CONOUT$")
        || (device.len() == 4
            && (device.starts_with("COM") || device.starts_with("LPT"))
            && device[3..].chars().all(|c| c.is_ascii_digit()))
        || ((device.starts_with("COM") || device.starts_with("LPT"))
            && matches!(device.get(3..), Some("¹" | "²" | "³")));
    if reserved { format!("_{stem}{ext}") } else { format!("{stem}{ext}") }
}
