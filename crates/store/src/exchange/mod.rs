//! Import and export of the portable `xueshi-ledger` JSON with the evidence files alongside (a
//! folder or a .zip). Import copies every supplied file into the vault first, then adds the
//! profile, records and evidence in one transaction: it lands whole or not at all.

mod export;
mod names;

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use xueshi_core::{Ledger, Profile};
use zip::ZipArchive;

pub use export::ExportReport;

use crate::error::{Result, StoreError, io};
use crate::open::Store;
use crate::records::{activity_seq, insert_activity, write_profile};
use crate::vault::Ingested;

pub const LEDGER_FILE: &str = "ledger.json";
pub const EVIDENCE_DIR: &str = "evidence";

/// What an import added.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub activities: usize,
    /// Evidence files copied into the vault (or found there already).
    pub files: usize,
    /// Evidence entries naming a file that was not supplied (kept as names only).
    pub names_only: usize,
    /// Profile fields of the file that differ from the stored ones (the stored ones are kept).
    pub profile_conflicts: Vec<String>,
}

/// Where the ledger and its files come from.
enum Source {
    Folder(PathBuf),
    Zip { archive: ZipArchive<File>, prefix: String, path: PathBuf },
}

impl Source {
    fn open(path: &Path) -> Result<(Source, String)> {
        if path.is_dir() {
            let json = path.join(LEDGER_FILE);
            let text = std::fs::read_to_string(&json).map_err(io("读取", &json))?;
            return Ok((Source::Folder(path.to_owned()), text));
        }
        let is_zip = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("zip"));
        if !is_zip {
            let text = std::fs::read_to_string(path).map_err(io("读取", path))?;
            let base = path.parent().map_or_else(|| PathBuf::from("."), Path::to_owned);
            return Ok((Source::Folder(base), text));
        }
        let bad = |e: zip::result::ZipError| StoreError::Exchange(format!("无法读取压缩包 {}：{e}", path.display()));
        let file = File::open(path).map_err(io("读取", path))?;
        let mut archive = ZipArchive::new(file).map_err(bad)?;
        let names: Vec<String> = archive.file_names().filter_map(|n| n.ok().map(|n| n.into_owned())).collect();
        let ledger_name = names
            .iter()
            .filter(|n| *n == LEDGER_FILE || n.ends_with(&format!("/{LEDGER_FILE}")))
            .min_by_key(|n| n.len())
            .cloned()
            .ok_or_else(|| StoreError::Exchange(format!("压缩包 {} 中没有 {LEDGER_FILE}", path.display())))?;
        let prefix = ledger_name[..ledger_name.len() - LEDGER_FILE.len()].to_owned();
        let mut text = String::new();
        archive.by_name(&ledger_name).map_err(bad)?.read_to_string(&mut text).map_err(io("读取", path))?;
        Ok((Source::Zip { archive, prefix, path: path.to_owned() }, text))
    }
}

impl Store {
    /// Imports a `xueshi-ledger` file (a folder holding `ledger.json`, the .json file itself, or a
    /// .zip) with the evidence files its records name. Refused as a whole when a record's id is
    /// already used, a file is unacceptable, or a file's content does not match its SHA-256.
    pub fn import_ledger(&mut self, path: &Path) -> Result<ImportReport> {
        // Held until the records are committed, so that `vacuum` cannot remove the files copied in.
        let _guard = self.attach_lock()?;
        let (mut source, text) = Source::open(path)?;
        let ledger = Ledger::from_json(&text)?;
        for a in &ledger.activities {
            if activity_seq(&self.conn, &a.id).is_ok() {
                return Err(StoreError::DuplicateActivity(a.id.clone()));
            }
        }
        let mut report = ImportReport { activities: ledger.activities.len(), ..ImportReport::default() };
        let mut stored: Vec<Ingested> = Vec::new();
        let mut activities = ledger.activities.clone();
        for a in &mut activities {
            for e in &mut a.evidence {
                match self.take_file(&mut source, &e.file)? {
                    Some(ingested) => {
                        if let Some(expected) = &e.sha256
                            && *expected != ingested.sha256
                        {
                            return Err(StoreError::Exchange(format!(
                                "记录 {} 的证明材料 {} 与记录中的 SHA-256 不符（文件已被改动或换成了别的文件）",
                                a.id, e.file
                            )));
                        }
                        e.file = last_component(&e.file);
                        e.sha256 = Some(ingested.sha256.clone());
                        stored.push(ingested);
                        report.files += 1;
                    }
                    None => match &e.sha256 {
                        Some(hash) if self.has_blob(hash)? => report.files += 1,
                        Some(_) => {
                            return Err(StoreError::Exchange(format!(
                                "记录 {} 的证明材料文件 {} 没有随记录文件一起提供",
                                a.id, e.file
                            )));
                        }
                        None => report.names_only += 1,
                    },
                }
            }
        }
        let current = self.profile()?;
        let (profile, conflicts) = merge_profile(current, ledger.profile);
        report.profile_conflicts = conflicts;
        let tx = self.conn.transaction()?;
        for s in &stored {
            crate::vault::record_blob(&tx, s)?;
        }
        write_profile(&tx, &profile)?;
        for a in &activities {
            insert_activity(&tx, a)?;
        }
        tx.commit()?;
        Ok(report)
    }

    /// Copies the file `name` of the import into the vault; `None` when the import lacks it.
    fn take_file(&mut self, source: &mut Source, name: &str) -> Result<Option<Ingested>> {
        match source {
            Source::Folder(base) => {
                let path = base.join(name);
                if !path.is_file() {
                    return Ok(None);
                }
                let mut file = crate::vault::open_source(&path, self.options.max_evidence_bytes)?;
                self.store_blob(&mut file, &last_component(name), &path).map(Some)
            }
            Source::Zip { archive, prefix, path } => {
                let entry_name = format!("{prefix}{}", name.replace('\\', "/"));
                let shown = path.join(&entry_name);
                let mut entry = match archive.by_name(&entry_name) {
                    Ok(e) => e,
                    Err(zip::result::ZipError::FileNotFound) => return Ok(None),
                    Err(e) => return Err(StoreError::Exchange(format!("无法读取压缩包 {}：{e}", path.display()))),
                };
                let limit = self.options.max_evidence_bytes;
                if entry.size() > limit {
                    return Err(crate::error::Refusal::too_large(&shown, entry.size(), limit).into());
                }
                self.store_blob(&mut entry, &last_component(name), &shown).map(Some)
            }
        }
    }

    fn has_blob(&self, sha256: &str) -> Result<bool> {
        let recorded: bool =
            self.conn
                .query_row("SELECT EXISTS (SELECT 1 FROM evidence_files WHERE sha256 = ?1)", [sha256], |r| r.get(0))?;
        Ok(recorded && self.blob_path(sha256).is_some_and(|p| p.is_file()))
    }
}

/// The file name at the end of a path written with `/` or `\`.
fn last_component(path: &str) -> String {
    path.rsplit(['/', '\\']).next().filter(|n| !n.is_empty()).unwrap_or(path).to_owned()
}

/// The stored profile with its empty fields filled from `incoming`; fields that both have and
/// that differ are kept as stored and named.
fn merge_profile(mut current: Profile, incoming: Profile) -> (Profile, Vec<String>) {
    let mut conflicts = Vec::new();
    let mut merge = |label: &str, mine: &mut Option<String>, theirs: Option<String>| match (&mine, theirs) {
        (None, Some(v)) => *mine = Some(v),
        (Some(a), Some(b)) if *a != b => conflicts.push(label.to_owned()),
        _ => {}
    };
    merge("姓名", &mut current.name, incoming.name);
    merge("身份证号", &mut current.id_number, incoming.id_number);
    merge("工作单位", &mut current.employer, incoming.employer);
    merge("现职称", &mut current.current_title, incoming.current_title);
    merge("登记手册证书编号", &mut current.certificate_number, incoming.certificate_number);
    merge("所在市州", &mut current.city, incoming.city);
    match (current.title_date, incoming.title_date) {
        (None, Some(d)) => current.title_date = Some(d),
        (Some(a), Some(b)) if a != b => conflicts.push("现职称取得时间".to_owned()),
        _ => {}
    }
    (current, conflicts)
}
