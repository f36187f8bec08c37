//! Export of all data: the stored ledger as `xueshi-ledger` JSON with its evidence files alongside,
//! and the plans, confirmations, settings and the user's rule files (`extras.rs`), into a folder
//! or a .zip: `ledger.json`, `evidence/<record id>/<original file name>`, `handbook.json` and
//! `rules/<name>.toml`. Each evidence entry's `file` is that relative path, so importing the export
//! and exporting again gives the same JSON and files.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use xueshi_core::Ledger;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::extras::{EXTRAS_FILE, Extras, ExtrasCount, RULES_DIR};
use super::names::{MAX_FILE_UNITS, MAX_FOLDER_UNITS, safe_name, unique};
use super::{EVIDENCE_DIR, LEDGER_FILE};
use crate::error::{Result, StoreError, io, replace};
use crate::open::Store;
use crate::paths::sync_dir;
use crate::vault::hex;

/// What an export wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportReport {
    pub activities: usize,
    /// Evidence files written (a file used twice by one record is written once).
    pub files: usize,
    pub bytes: u64,
    /// Plans, confirmations, settings and rule files written.
    pub extras: ExtrasCount,
}

/// The exported ledger, and for every file to write: its path in the export and where it comes
/// from.
struct Plan {
    ledger: Ledger,
    files: BTreeMap<String, Planned>,
    extras: Extras,
}

impl Plan {
    fn report(&self) -> ExportReport {
        ExportReport {
            activities: self.ledger.activities.len(),
            extras: self.extras.count(),
            ..ExportReport::default()
        }
    }

    /// `handbook.json` and the rule files: path in the export, content.
    fn extra_members(&self) -> Vec<(String, Vec<u8>)> {
        let mut members = vec![(EXTRAS_FILE.to_owned(), self.extras.to_json().into_bytes())];
        for f in &self.extras.rule_files {
            members.push((format!("{RULES_DIR}/{}", f.name), f.text.clone().into_bytes()));
        }
        members
    }
}

/// A vault file to export, with what it must hash to and whose it is (for messages).
struct Planned {
    path: PathBuf,
    sha256: String,
    activity: String,
    file: String,
}

impl Planned {
    fn damaged(&self) -> StoreError {
        StoreError::Exchange(format!(
            "记录 {} 的证明材料“{}”在数据文件夹中的副本已损坏（内容与添加时不同），没有导出：请在“设置”中检查数据和证明材料，重新添加这个文件的原件后再导出",
            self.activity, self.file
        ))
    }
}

impl Store {
    fn export_plan(&self) -> Result<Plan> {
        let mut ledger = self.ledger()?;
        let vault = self.dir.evidence();
        let mut files = BTreeMap::new();
        let mut folders = BTreeSet::new();
        for activity in &mut ledger.activities {
            if activity.evidence.iter().all(|e| e.sha256.is_none()) {
                continue;
            }
            let folder = unique(safe_name(&activity.id, MAX_FOLDER_UNITS), &folders);
            folders.insert(folder.to_lowercase());
            let mut names: BTreeMap<String, String> = BTreeMap::new();
            let mut taken = BTreeSet::new();
            for e in &mut activity.evidence {
                let Some(hash) = e.sha256.clone() else { continue };
                if !crate::vault::is_sha256(&hash) {
                    return Err(StoreError::DamagedEvidenceRecord {
                        activity: activity.id.clone(),
                        file: e.file.clone(),
                    });
                }
                let name = match names.get(&format!("{hash}/{}", e.file)) {
                    Some(n) => n.clone(),
                    None => {
                        let n = unique(safe_name(&e.file, MAX_FILE_UNITS), &taken);
                        taken.insert(n.to_lowercase());
                        names.insert(format!("{hash}/{}", e.file), n.clone());
                        n
                    }
                };
                let relative = format!("{EVIDENCE_DIR}/{folder}/{name}");
                let path = crate::vault::blob_path(&vault, &hash);
                let planned = Planned { path, sha256: hash, activity: activity.id.clone(), file: e.file.clone() };
                files.insert(relative.clone(), planned);
                e.file = relative;
            }
        }
        Ok(Plan { ledger, files, extras: self.extras()? })
    }

    /// Writes `ledger.json`, `evidence/…`, `handbook.json` and `rules/…` into the folder `dest` (created; must be empty),
    /// through a temporary folder beside it renamed at the end, so that a failed export (a damaged
    /// vault file, a full disk) leaves nothing under the final name.
    pub fn export_folder(&self, dest: &Path) -> Result<ExportReport> {
        let existed = dest.exists();
        let name = dest.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        // Leftovers of an export that was killed: inside an empty folder, and beside a new one.
        if existed {
            remove_leftovers(dest, "xueshi-export");
        } else if let Some(parent) = dest.parent().filter(|p| !p.as_os_str().is_empty()) {
            remove_leftovers(parent, &name);
        }
        if existed && std::fs::read_dir(dest).map_err(io("读取文件夹", dest))?.next().is_some() {
            return Err(StoreError::Exchange(format!(
                "导出文件夹“{}”不是空的，请选择一个新的或空的文件夹",
                dest.display()
            )));
        }
        let plan = self.export_plan()?;
        let pid = std::process::id();
        if existed {
            // An empty folder the user chose (perhaps the root of a USB stick): written inside it
            // under a hidden name, then its entries moved up, `ledger.json` last.
            let partial = dest.join(format!(".xueshi-export-{pid}.partial"));
            let result = write_folder(&plan, &partial).and_then(|report| {
                for entry in [EVIDENCE_DIR, RULES_DIR, EXTRAS_FILE] {
                    if partial.join(entry).exists() {
                        std::fs::rename(partial.join(entry), dest.join(entry)).map_err(io("保存", dest))?;
                    }
                }
                std::fs::rename(partial.join(LEDGER_FILE), dest.join(LEDGER_FILE)).map_err(io("保存", dest))?;
                std::fs::remove_dir(&partial).map_err(io("清理临时文件夹", &partial))?;
                sync_dir(dest).map_err(io("写入", dest))?;
                Ok(report)
            });
            if result.is_err() {
                let _ = std::fs::remove_dir_all(&partial);
                if !dest.join(LEDGER_FILE).exists() {
                    let _ = std::fs::remove_dir_all(dest.join(EVIDENCE_DIR));
                    let _ = std::fs::remove_dir_all(dest.join(RULES_DIR));
                    let _ = std::fs::remove_file(dest.join(EXTRAS_FILE));
                }
            }
            return result;
        }
        let partial = dest.with_file_name(format!(".{name}.{pid}.partial"));
        let _ = std::fs::remove_dir_all(&partial);
        let result = write_folder(&plan, &partial).and_then(|report| {
            std::fs::rename(&partial, dest).map_err(io("保存", dest))?;
            if let Some(parent) = dest.parent().filter(|p| !p.as_os_str().is_empty()) {
                sync_dir(parent).map_err(io("写入", parent))?;
            }
            Ok(report)
        });
        if result.is_err() {
            let _ = std::fs::remove_dir_all(&partial);
        }
        result
    }

    /// Writes the same content as `export_folder` into the .zip file `dest`, through a hidden
    /// temporary file beside it renamed at the end, so that a failed export never leaves a broken
    /// archive; one that a killed export left is removed by the next export of the same name.
    pub fn export_zip(&self, dest: &Path) -> Result<ExportReport> {
        let name = dest.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if let Some(parent) = dest.parent().filter(|p| !p.as_os_str().is_empty()) {
            remove_stale_files(parent, &name);
        }
        let plan = self.export_plan()?;
        let partial = dest.with_file_name(format!(".{name}.{}.partial", std::process::id()));
        let result = write_zip(&plan, &partial);
        match result {
            Ok(report) => {
                replace("保存", &partial, dest)?;
                Ok(report)
            }
            Err(e) => {
                let _ = std::fs::remove_file(&partial);
                Err(e)
            }
        }
    }
}

/// Removes the hidden folders `.<name>.<process id>.partial` in `dir` that an export killed half
/// way left behind.
fn remove_leftovers(dir: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let prefix = format!(".{name}");
    for entry in entries.flatten() {
        let entry_name = entry.file_name().to_string_lossy().into_owned();
        let pid = entry_name
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".partial"))
            .and_then(|rest| rest.strip_prefix(['.', '-']));
        let ours = pid.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
        if ours && entry.file_type().is_ok_and(|t| t.is_dir()) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// How long a temporary archive must have gone unwritten before another export takes it for the
/// leftover of a killed one (a running export writes to it continuously).
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(600);

/// Removes the hidden files `.<name>.<process id>.partial` in `dir` that a killed ZIP export left
/// behind: only ours by name, and only when nothing has written to them for a while.
fn remove_stale_files(dir: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let entry_name = entry.file_name().to_string_lossy().into_owned();
        let pid = entry_name.strip_prefix(&prefix).and_then(|rest| rest.strip_suffix(".partial"));
        let ours = pid.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
        let stale = entry
            .metadata()
            .ok()
            .filter(|m| m.is_file())
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE_AFTER);
        if ours && stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

fn write_folder(plan: &Plan, dest: &Path) -> Result<ExportReport> {
    let mut report = plan.report();
    std::fs::create_dir_all(dest).map_err(io("创建文件夹", dest))?;
    // Gone at the end if another program took this folder for a leftover and removed it meanwhile
    // (the folders below are created again as files are written, this mark is not).
    let mark = dest.join(".xueshi-export-in-progress");
    write_synced(&mark, b"")?;
    for (relative, planned) in &plan.files {
        let target = dest.join(relative);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(io("创建文件夹", parent))?;
        }
        report.bytes += copy_file(planned, &target)?;
        report.files += 1;
    }
    for (relative, bytes) in plan.extra_members() {
        let target = dest.join(relative);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(io("创建文件夹", parent))?;
        }
        write_synced(&target, &bytes)?;
    }
    let json_path = dest.join(LEDGER_FILE);
    write_synced(&json_path, plan.ledger.to_json_pretty().as_bytes())?;
    if std::fs::remove_file(&mark).is_err() {
        return Err(StoreError::Exchange(format!(
            "导出时文件夹“{}”中的临时文件被另一个程序删除了（是否同时向同一位置导出了两次？），这次导出不完整，已放弃，请重新导出",
            dest.display()
        )));
    }
    sync_dir(dest).map_err(io("写入", dest))?;
    Ok(report)
}

fn zip_error(path: &Path) -> impl Fn(zip::result::ZipError) -> StoreError + '_ {
    move |_| {
        StoreError::Exchange(format!(
            "无法写入压缩包{}，请检查磁盘空间和文件夹的写入权限后重试",
            xueshi_durable::words::place(path)
        ))
    }
}

fn write_zip(plan: &Plan, path: &Path) -> Result<ExportReport> {
    let file = File::create(path).map_err(io("创建", path))?;
    let mut zip = ZipWriter::new(file);
    let mut report = plan.report();
    let json = plan.ledger.to_json_pretty();
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    zip.start_file(LEDGER_FILE, deflated).map_err(zip_error(path))?;
    zip.write_all(json.as_bytes()).map_err(io("写入", path))?;
    for (relative, planned) in &plan.files {
        let source = &planned.path;
        let file = File::open(source).map_err(io("读取", source))?;
        let size = file.metadata().map_err(io("读取", source))?.len();
        let mut input = Hashing { inner: file, hasher: Sha256::new() };
        // PDF, JPEG, DOCX … are compressed already: store them as they are.
        let stored = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Stored)
            .large_file(size >= u64::from(u32::MAX));
        zip.start_file(relative.as_str(), stored).map_err(zip_error(path))?;
        report.bytes += std::io::copy(&mut input, &mut zip).map_err(io("写入", path))?;
        if hex(&input.hasher.finalize()) != planned.sha256 {
            return Err(planned.damaged());
        }
        report.files += 1;
    }
    for (relative, bytes) in plan.extra_members() {
        zip.start_file(relative.as_str(), deflated).map_err(zip_error(path))?;
        zip.write_all(&bytes).map_err(io("写入", path))?;
    }
    let file = zip.finish().map_err(zip_error(path))?;
    file.sync_all().map_err(io("写入", path))?;
    Ok(report)
}

/// Hashes what is read through it.
struct Hashing<R> {
    inner: R,
    hasher: Sha256,
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }
}

/// Copies a vault file, checking its hash on the way, and flushes the copy through the handle
/// that wrote it (Windows refuses to flush a file opened only for reading, and a copy keeps a
/// read-only source's read-only flag).
fn copy_file(planned: &Planned, target: &Path) -> Result<u64> {
    let source = &planned.path;
    let file = File::open(source).map_err(io("复制", source))?;
    let mut input = Hashing { inner: file, hasher: Sha256::new() };
    let mut output = File::create(target).map_err(io("写入", target))?;
    let bytes = std::io::copy(&mut input, &mut output).map_err(io("写入", target))?;
    if hex(&input.hasher.finalize()) != planned.sha256 {
        return Err(planned.damaged());
    }
    output.sync_all().map_err(io("写入", target))?;
    Ok(bytes)
}

fn write_synced(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut f = File::create(path).map_err(io("写入", path))?;
    f.write_all(bytes).and_then(|()| f.sync_all()).map_err(io("写入", path))
}
