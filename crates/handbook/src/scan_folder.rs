//! 从文件夹读取证书: the certificate files of one folder (and its subfolders two levels down),
//! each read once — its SHA-256 taken on the way — with the record it suggests or why it cannot
//! suggest one, and what it may duplicate: a record that already has this very file, a record
//! whose 备注 gives the same certificate number, another file of the folder with the same content
//! or number. Nothing is saved: the user accepts or edits each suggestion (`accept_scanned`).
//!
//! The files are read (and photos recognised, seconds each) by [`read_folder`], which needs no
//! handbook, so the app does it outside the handbook's lock, reporting its progress; the review
//! ([`Handbook::review_folder`]) then finds each file's fields and duplicates.

use std::collections::HashMap;
use std::fs::DirEntry;
use std::path::{Path, PathBuf};

use serde::Serialize;
use xueshi_core::kinds::ActivityKind;
use xueshi_core::review::certificate_numbers;

use crate::Handbook;
use crate::dto::ActivityFields;
use crate::error::{HandbookError, Result};
use crate::scan::{CertificateReader, CertificateText, read_certificate, unreadable};
use crate::scan_form::ScanForm;

/// At most this many files are read at once.
pub const MAX_FILES: usize = 200;
/// Subfolders are looked into this many levels down.
const MAX_DEPTH: usize = 2;
/// The files taken for certificates, by their extension (in lower case).
const EXTENSIONS: &[&str] = &["pdf", "png", "jpg", "jpeg", "webp", "heic", "heif"];

/// What a file of the folder may duplicate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum DuplicateKind {
    /// A record already has this very file (the same content) as evidence.
    RecordHasFile,
    /// A record's 备注 gives the same certificate number.
    RecordHasNumber,
    /// Another file of the folder has the same content.
    FolderHasFile,
    /// Another file of the folder gives the same certificate number.
    FolderHasNumber,
}

/// One thing a file may duplicate, named for the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Duplicate {
    pub kind: DuplicateKind,
    /// The record's id, for the kinds about a record.
    pub record: Option<String>,
    /// The record's title, or the other file's name in the folder.
    pub name: String,
    /// What the review table says: 已有记录“…”附有同一文件.
    pub message: String,
}

/// One certificate file of the folder.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ScannedFile {
    /// Its name inside the folder, subfolders joined by `/`.
    pub name: String,
    /// Where it is: kept by the shells, never sent to the web view.
    #[serde(skip)]
    pub path: PathBuf,
    /// Lowercase hex SHA-256 of its content; `None` when it could not be read.
    #[serde(skip)]
    pub sha256: Option<String>,
    /// What it suggests, as the record form takes it; `None` when nothing could be read.
    pub form: Option<ScanForm>,
    /// Why it suggests nothing (to be filled in by hand); `None` when it does.
    pub reason: Option<String>,
    /// How sure the least sure field read is, from 0 to 1.
    pub sure: Option<f32>,
    pub duplicates: Vec<Duplicate>,
}

impl ScannedFile {
    /// The fields to save when the user accepts the suggestion as it is.
    pub fn suggested(&self) -> Option<&ActivityFields> {
        self.form.as_ref().filter(|_| self.reason.is_none()).map(|f| &f.fields)
    }
}

/// The certificate files of a folder, sorted by name.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FolderScan {
    /// The folder's own name (never its full path).
    pub folder: String,
    pub files: Vec<ScannedFile>,
}

/// How far reading a folder has got, for a progress bar: `done` of `total` files read, `name` the
/// one being read now (empty once all are).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FolderProgress {
    pub done: u32,
    pub total: u32,
    pub name: String,
}

/// A folder's certificate files as read, before their fields are found ([`Handbook::review_folder`]).
#[derive(Debug, Clone, PartialEq)]
pub struct FolderRead {
    folder: String,
    files: Vec<FileRead>,
}

#[derive(Debug, Clone, PartialEq)]
struct FileRead {
    name: String,
    path: PathBuf,
    sha256: Option<String>,
    /// Its text, or why it has none (in words for the user).
    text: std::result::Result<CertificateText, String>,
}

/// Reads every certificate file of `dir` (see the module) with `reader`, outside the handbook,
/// telling `progress` before each file and once all are read. A file that cannot be read is kept
/// with the reason; a failure of the folder itself stops the reading.
pub fn read_folder(
    reader: &CertificateReader,
    dir: &Path,
    progress: &mut dyn FnMut(&FolderProgress),
) -> Result<FolderRead> {
    let folder = xueshi_store::words::name(dir);
    let mut found = Vec::new();
    walk(dir, &folder, "", 0, &mut found)?;
    if found.is_empty() {
        return Err(HandbookError::input(format!("文件夹{folder}中没有证书文件（PDF 或照片；子文件夹只看两层）")));
    }
    if found.len() > MAX_FILES {
        return Err(HandbookError::input(format!(
            "文件夹{folder}中有 {} 份证书文件，一次最多读取 {MAX_FILES} 份：请把它们分到几个文件夹中，逐个读取",
            found.len()
        )));
    }
    found.sort();
    let total = found.len() as u32;
    let mut files = Vec::with_capacity(found.len());
    for (done, (name, path)) in (0..).zip(found) {
        progress(&FolderProgress { done, total, name: name.clone() });
        files.push(read_file(reader, name, path)?);
    }
    progress(&FolderProgress { done: total, total, name: String::new() });
    Ok(FolderRead { folder: folder.trim_matches(['“', '”']).to_owned(), files })
}

/// One file of the folder, read once (and hashed on the way).
fn read_file(reader: &CertificateReader, name: String, path: PathBuf) -> Result<FileRead> {
    let shown = format!("“{name}”");
    let (sha256, text) = match read_certificate(&path, true) {
        Err(e) => (None, Err(unreadable(&shown, &e).to_string())),
        Ok(content) => match reader.read(&shown, &path, &content) {
            Ok(text) => (content.sha256, Ok(text)),
            Err(HandbookError::Input(reason)) => (content.sha256, Err(reason)),
            Err(e) => return Err(e),
        },
    };
    Ok(FileRead { name, path, sha256, text })
}

impl Handbook {
    /// Reads every certificate file of `dir` (see the module) and what each suggests: the
    /// reading ([`read_folder`]) and its review ([`Handbook::review_folder`]) in one call.
    pub fn scan_folder(&self, dir: &Path) -> Result<FolderScan> {
        let read = read_folder(&self.certificate_reader(), dir, &mut |_| {})?;
        self.review_folder(read)
    }

    /// What each file of a folder read outside the handbook suggests, and what it may duplicate.
    pub fn review_folder(&self, read: FolderRead) -> Result<FolderScan> {
        let mut files = read.files.into_iter().map(|f| self.review_file(f)).collect::<Result<Vec<_>>>()?;
        self.mark_duplicates(&mut files)?;
        Ok(FolderScan { folder: read.folder, files })
    }

    /// One file's suggestion; a failure of the data folder itself stops the review.
    fn review_file(&self, read: FileRead) -> Result<ScannedFile> {
        let FileRead { name, path, sha256, text } = read;
        let shown = format!("“{name}”");
        let mut file = ScannedFile { name, path, sha256, form: None, reason: None, sure: None, duplicates: Vec::new() };
        let scan = match text {
            Ok(text) => self.scan_text(text),
            Err(reason) => Err(HandbookError::Input(reason)),
        };
        match scan {
            Ok(scan) => {
                let form = ScanForm::new(scan);
                if form.sources.is_empty() {
                    file.reason = Some(format!("{shown}中没有找到可以填入记录的内容，请对照证书手动填写"));
                }
                file.sure = form.sources.iter().map(|s| s.sure).reduce(f32::min);
                file.form = Some(form);
            }
            Err(HandbookError::Input(reason)) => file.reason = Some(reason),
            Err(e) => return Err(e),
        }
        Ok(file)
    }

    /// Adds to each file what it may duplicate among the records and the other files.
    fn mark_duplicates(&self, files: &mut [ScannedFile]) -> Result<()> {
        let ledger = self.store.ledger()?;
        let mut by_hash: HashMap<&str, Vec<(&str, &str)>> = HashMap::new();
        let mut by_number: HashMap<String, Vec<(&str, &str)>> = HashMap::new();
        for a in &ledger.activities {
            for hash in a.evidence.iter().filter_map(|e| e.sha256.as_deref()) {
                push_once(by_hash.entry(hash).or_default(), (a.id.as_str(), a.title.as_str()));
            }
            for number in a.note.as_deref().map(certificate_numbers).unwrap_or_default() {
                push_once(by_number.entry(number).or_default(), (a.id.as_str(), a.title.as_str()));
            }
        }
        let numbers: Vec<Vec<String>> = files.iter().map(numbers_of).collect();
        let found: Vec<Vec<Duplicate>> = (0..files.len())
            .map(|i| {
                let file = &files[i];
                let mut dups = Vec::new();
                let same_file = file.sha256.as_deref().and_then(|h| by_hash.get(h)).cloned().unwrap_or_default();
                for (id, title) in &same_file {
                    dups.push(record(
                        DuplicateKind::RecordHasFile,
                        id,
                        title,
                        format!("已有记录“{title}”附有同一文件"),
                    ));
                }
                let mut same_number: Vec<(&str, &str)> = Vec::new();
                for n in &numbers[i] {
                    for r in by_number.get(n).into_iter().flatten() {
                        if !same_file.contains(r) {
                            push_once(&mut same_number, *r);
                        }
                    }
                }
                for (id, title) in same_number {
                    dups.push(record(
                        DuplicateKind::RecordHasNumber,
                        id,
                        title,
                        format!("与记录“{title}”证书编号相同"),
                    ));
                }
                for (j, other) in files.iter().enumerate().filter(|(j, _)| *j != i) {
                    let same = file.sha256.is_some() && file.sha256 == other.sha256;
                    let kind = if same {
                        DuplicateKind::FolderHasFile
                    } else if numbers[i].iter().any(|n| numbers[j].contains(n)) {
                        DuplicateKind::FolderHasNumber
                    } else {
                        continue;
                    };
                    let message = match kind {
                        DuplicateKind::FolderHasFile => format!("与文件夹中的“{}”相同", other.name),
                        _ => format!("与文件夹中的“{}”证书编号相同", other.name),
                    };
                    dups.push(Duplicate { kind, record: None, name: other.name.clone(), message });
                }
                dups
            })
            .collect();
        for (file, dups) in files.iter_mut().zip(found) {
            file.duplicates = dups;
        }
        Ok(())
    }

    /// Saves the record `fields` give (as suggested, or as the user edited them) and attaches
    /// `file`, the certificate they were read from, as its certificate; returns the record's id.
    /// One step: when the file cannot be attached, a new record is not kept either.
    pub fn accept_scanned(&mut self, fields: &ActivityFields, file: &Path) -> Result<String> {
        let id = self.save_activity(fields)?;
        let material = self.certificate_material(fields.kind);
        if let Err(e) = self.store.attach(&id, file, &material) {
            if fields.id.is_none() {
                self.store.remove_activity(&id)?;
            }
            return Err(e.into());
        }
        Ok(id)
    }

    /// The material a certificate is attached as: of the materials the rule set in force (else
    /// any rule set) lists for `kind`, the first that is a 证书, else the first that is a 证明.
    fn certificate_material(&self, kind: Option<ActivityKind>) -> String {
        let in_force = self.current_rules().ok().flatten().map(|(set, _)| set);
        let sets = in_force.map_or_else(|| self.rules.book.sets(), |set| vec![set]);
        let listed: Vec<&String> = sets
            .iter()
            .filter_map(|set| set.evidence_for(kind?))
            .flat_map(|rule| rule.sets.iter().flatten().flatten())
            .collect();
        ["证书", "证明"]
            .iter()
            .find_map(|word| listed.iter().find(|m| m.contains(word)))
            .map_or_else(|| "证书".to_owned(), |m| (*m).clone())
    }
}

/// The certificate numbers a file's suggestion gives, read as the 预审 reads a record's 备注.
fn numbers_of(file: &ScannedFile) -> Vec<String> {
    file.form.as_ref().and_then(|f| f.fields.note.as_deref()).map(certificate_numbers).unwrap_or_default()
}

fn record(kind: DuplicateKind, id: &str, title: &str, message: String) -> Duplicate {
    Duplicate { kind, record: Some(id.to_owned()), name: title.to_owned(), message }
}

fn push_once<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
}

/// Collects the certificate files under `dir` (named `prefix/…` in the folder `folder`), `depth`
/// levels below the folder chosen: hidden files and links are passed over.
fn walk(dir: &Path, folder: &str, prefix: &str, depth: usize, found: &mut Vec<(String, PathBuf)>) -> Result<()> {
    let shown = if prefix.is_empty() { folder.to_owned() } else { format!("“{prefix}”") };
    let failed =
        |e: std::io::Error| HandbookError::File(format!("文件夹{shown}无法读取：{}", xueshi_store::words::reason(&e)));
    for entry in std::fs::read_dir(dir).map_err(failed)? {
        let entry = entry.map_err(failed)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let kind = entry.file_type().map_err(failed)?;
        if name.starts_with('.') || kind.is_symlink() || hidden(&entry) {
            continue;
        }
        let relative = if prefix.is_empty() { name.clone() } else { format!("{prefix}/{name}") };
        if kind.is_dir() {
            if depth < MAX_DEPTH {
                walk(&entry.path(), folder, &relative, depth + 1, found)?;
            }
        } else if kind.is_file() && is_certificate_name(&name) {
            found.push((relative, entry.path()));
        }
    }
    Ok(())
}

fn is_certificate_name(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(_, ext)| EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()))
}

/// Whether Windows hides the entry (its hidden or system attribute).
#[cfg(windows)]
fn hidden(entry: &DirEntry) -> bool {
    use std::os::windows::fs::MetadataExt;
    const HIDDEN_OR_SYSTEM: u32 = 0x2 | 0x4;
    entry.metadata().is_ok_and(|m| m.file_attributes() & HIDDEN_OR_SYSTEM != 0)
}

#[cfg(not(windows))]
fn hidden(_: &DirEntry) -> bool {
    false
}

#[cfg(test)]
#[path = "scan_folder_tests.rs"]
mod tests;
