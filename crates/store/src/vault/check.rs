//! `verify`: the database's integrity check, every vault file's hash, files the records name but
//! the vault lacks, and files no record references. `vacuum`: removes the unreferenced ones.

use std::collections::BTreeSet;
use std::fs::OpenOptions;
use std::path::{Path, PathBuf};

use super::ingest::{INCOMING, blob_path, hash_file, is_sha256};
use crate::error::{Result, StoreError, io};
use crate::open::Store;

/// A file a record names but the vault does not have, or has with other content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingFile {
    pub sha256: String,
    /// Records naming it (`id：file name`).
    pub used_by: Vec<String>,
}

/// What `verify` found. `is_ok()` when nothing needs attention.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VerifyReport {
    /// Problems reported by `PRAGMA integrity_check` (empty when it says ok).
    pub integrity: Vec<String>,
    /// Broken references reported by `PRAGMA foreign_key_check`.
    pub foreign_keys: Vec<String>,
    /// Files whose content no longer matches their hash.
    pub corrupt: Vec<MissingFile>,
    /// Files recorded but absent from the vault.
    pub missing: Vec<MissingFile>,
    /// Files in the vault that no record references (removed by `vacuum`).
    pub unreferenced: Vec<PathBuf>,
    /// Temporary files of attaches still running in another program.
    pub in_progress: Vec<PathBuf>,
    /// How many vault files were hashed, and their bytes.
    pub files_checked: usize,
    pub bytes_checked: u64,
}

impl VerifyReport {
    pub fn is_ok(&self) -> bool {
        self.integrity.is_empty()
            && self.foreign_keys.is_empty()
            && self.corrupt.is_empty()
            && self.missing.is_empty()
            && self.unreferenced.is_empty()
    }
}

/// What `vacuum` removed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VacuumReport {
    pub removed: Vec<PathBuf>,
    pub bytes: u64,
}

impl Store {
    /// Checks the database and every file of the vault. Changes nothing.
    pub fn verify(&self) -> Result<VerifyReport> {
        let mut report = VerifyReport::default();
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        for row in stmt.query_map([], |r| r.get::<_, String>(0))? {
            let line = row?;
            if line != "ok" {
                report.integrity.push(line);
            }
        }
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
        for row in stmt.query_map([], |r| {
            Ok(format!(
                "{} 第 {} 行引用了不存在的 {}",
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?
            ))
        })? {
            report.foreign_keys.push(row?);
        }

        let vault = self.dir.evidence();
        let recorded = self.recorded_blobs()?;
        for (sha256, size) in &recorded {
            if !is_sha256(sha256) {
                report
                    .integrity
                    .push("证明材料记录已损坏：有一份证明材料的校验值无效（数据库可能被改动过）".to_owned());
                continue;
            }
            let path = blob_path(&vault, sha256);
            if !path.is_file() {
                report.missing.push(self.missing_file(sha256)?);
                continue;
            }
            match hash_file(&path) {
                Ok((hash, bytes)) if hash == *sha256 && bytes == *size => {
                    report.files_checked += 1;
                    report.bytes_checked += bytes;
                }
                _ => report.corrupt.push(self.missing_file(sha256)?),
            }
        }
        let referenced = self.referenced_blobs()?;
        let damaged = referenced.iter().filter(|h| !is_sha256(h)).count();
        if damaged > 0 {
            report
                .integrity
                .push(format!("证明材料记录已损坏：{damaged} 处证明材料的校验值无效（数据库可能被改动过）"));
        }
        for path in vault_files(&vault)? {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            let known = name.as_deref().is_some_and(|n| referenced.contains(n));
            if !known {
                report.unreferenced.push(path);
            }
        }
        for path in incoming_files(&vault)? {
            report.in_progress.push(path);
        }
        Ok(report)
    }

    /// Removes vault files that no record references, and their entries. Refused while another
    /// program is attaching files.
    pub fn vacuum(&mut self) -> Result<VacuumReport> {
        let lock_path = self.dir.evidence().join(".lock");
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(io("打开", &lock_path))?;
        if lock.try_lock().is_err() {
            return Err(StoreError::Exchange("另一个学时手册窗口正在添加证明材料，请稍后再清理".into()));
        }
        let tx = self.conn.transaction()?;
        tx.execute(
            "DELETE FROM evidence_files WHERE sha256 NOT IN
                 (SELECT sha256 FROM evidence WHERE sha256 IS NOT NULL)",
            [],
        )?;
        tx.commit()?;
        let referenced = self.referenced_blobs()?;
        let mut report = VacuumReport::default();
        let vault = self.dir.evidence();
        for path in vault_files(&vault)? {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            if name.as_deref().is_some_and(|n| referenced.contains(n)) {
                continue;
            }
            let size = std::fs::metadata(&path).map_or(0, |m| m.len());
            std::fs::remove_file(&path).map_err(io("删除", &path))?;
            if let Some(folder) = path.parent() {
                // Only succeeds when the folder is now empty.
                let _ = std::fs::remove_dir(folder);
            }
            report.bytes += size;
            report.removed.push(path);
        }
        report.removed.extend(super::ingest::sweep(&vault)?);
        drop(lock);
        Ok(report)
    }

    fn recorded_blobs(&self) -> Result<Vec<(String, u64)>> {
        let mut stmt = self.conn.prepare("SELECT sha256, size FROM evidence_files ORDER BY sha256")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?.max(0) as u64)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Hashes that an evidence entry references.
    fn referenced_blobs(&self) -> Result<BTreeSet<String>> {
        let mut stmt = self.conn.prepare("SELECT DISTINCT sha256 FROM evidence WHERE sha256 IS NOT NULL")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn missing_file(&self, sha256: &str) -> Result<MissingFile> {
        let mut stmt = self.conn.prepare(
            "SELECT a.id || '：' || e.file_name FROM evidence e
             JOIN activities a ON a.seq = e.activity WHERE e.sha256 = ?1 ORDER BY e.seq",
        )?;
        let used_by = stmt.query_map([sha256], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<_>>()?;
        Ok(MissingFile { sha256: sha256.to_owned(), used_by })
    }
}

/// Every file in the vault's hash folders (and anything else that is not the vault's own).
fn vault_files(vault: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(vault) else {
        return Ok(out);
    };
    for entry in entries {
        let entry = entry.map_err(io("读取", vault))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if name == INCOMING || name == ".lock" {
            continue;
        }
        if path.is_dir() {
            for inner in std::fs::read_dir(&path).map_err(io("读取", &path))? {
                let inner = inner.map_err(io("读取", &path))?;
                if inner.path().is_file() {
                    out.push(inner.path());
                }
            }
        } else {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}

fn incoming_files(vault: &Path) -> Result<Vec<PathBuf>> {
    let folder = vault.join(INCOMING);
    let Ok(entries) = std::fs::read_dir(&folder) else {
        return Ok(Vec::new());
    };
    let mut out: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    out.sort();
    Ok(out)
}
