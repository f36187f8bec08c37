//! Import and export of the portable `xueshi-ledger` JSON with the evidence files alongside (a
//! folder or a .zip). Import copies every supplied file into the vault first, then adds the
//! profile, records and evidence in one transaction: it lands whole or not at all.

mod export;
mod extras;
mod names;
mod source;

use std::path::Path;

use xueshi_core::{Activity, Ledger, Profile};

pub use export::ExportReport;
pub use extras::{EXTRAS_FILE, Extras, ExtrasCount, Kept, RULES_DIR, RuleFile};

use crate::error::{Result, StoreError};
use crate::open::Store;
use crate::records::{activity_seq, insert_activity, write_profile};
use crate::vault::Ingested;
use xueshi_durable::words::place;

use self::source::{Budgeted, Source, folder_file, stays_inside};

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
    /// Plans, confirmations, settings and rule files added (an export of all data carries them).
    pub extras: ExtrasCount,
    /// Plans, confirmations, settings and rule files of the import that differ from the data
    /// folder's (the data folder's are kept).
    pub kept: Vec<Kept>,
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
        let extras = match source.read_text(EXTRAS_FILE, extras::MAX_EXTRAS_BYTES)? {
            Some(text) => Extras::from_json(&text, |name| {
                source.read_text(&format!("{RULES_DIR}/{name}"), extras::MAX_RULE_FILE_BYTES)
            })?,
            None => Extras::default(),
        };
        extras::check_rule_files(&extras.rule_files)?;
        for a in &ledger.activities {
            if activity_seq(&self.conn, &a.id).is_ok() {
                return Err(StoreError::DuplicateActivity(a.id.clone()));
            }
        }
        // Every name is checked before any file is read.
        for a in &ledger.activities {
            if let Some(e) = a.evidence.iter().find(|e| !stays_inside(&e.file)) {
                return Err(outside(a, &e.file));
            }
        }
        let mut stored: Vec<Ingested> = Vec::new();
        let result = self.import_activities(&mut source, ledger, &extras, &mut stored);
        if result.is_err() {
            self.forget_new_blobs(&stored);
        }
        let mut report = result?;
        // The records are in: a rule file that cannot be written is said, and the import can be
        // repeated for it (its records are then refused as present, the rule file added).
        report.extras.rule_files = extras::add_rule_files(&self.dir.rules(), &extras.rule_files, &mut report.kept)?;
        Ok(report)
    }

    /// Copies the files of `ledger` into the vault (listing them in `stored` as they come), then
    /// adds the profile and records in one transaction.
    fn import_activities(
        &mut self,
        source: &mut Source,
        ledger: Ledger,
        extras: &Extras,
        stored: &mut Vec<Ingested>,
    ) -> Result<ImportReport> {
        let mut report = ImportReport { activities: ledger.activities.len(), ..ImportReport::default() };
        let mut activities = ledger.activities.clone();
        for a in &mut activities {
            for i in 0..a.evidence.len() {
                let name = a.evidence[i].file.clone();
                let taken = self.take_file(source, &name).map_err(|e| match e {
                    TakeError::Outside => outside(a, &name),
                    TakeError::Store(e) => e,
                })?;
                let e = &mut a.evidence[i];
                match taken {
                    Some(ingested) => {
                        stored.push(ingested.clone());
                        if let Some(expected) = &e.sha256
                            && *expected != ingested.sha256
                        {
                            return Err(StoreError::Exchange(format!(
                                "记录 {} 的证明材料“{}”与导出时不一致（文件已被改动或换成了别的文件），没有导入",
                                a.id, e.file
                            )));
                        }
                        e.file = last_component(&e.file);
                        e.sha256 = Some(ingested.sha256.clone());
                        report.files += 1;
                    }
                    None => match &e.sha256 {
                        Some(hash) if self.has_blob(hash)? => report.files += 1,
                        Some(_) => {
                            return Err(StoreError::Exchange(format!(
                                "记录 {} 的证明材料“{}”没有随记录一起提供，没有导入。请导入完整的压缩包或文件夹",
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
        for s in stored.iter() {
            crate::vault::record_blob(&tx, s)?;
        }
        write_profile(&tx, &profile)?;
        for a in &activities {
            insert_activity(&tx, a)?;
        }
        report.extras = extras::add_extras(&tx, extras, &mut report.kept)?;
        tx.commit()?;
        Ok(report)
    }

    /// Removes from the vault the files a refused import stored there that were not there before
    /// and that no record uses.
    fn forget_new_blobs(&self, stored: &[Ingested]) {
        for s in stored.iter().filter(|s| s.newly_stored) {
            if !self.blob_is_recorded(&s.sha256).unwrap_or(true)
                && let Some(path) = self.blob_path(&s.sha256)
            {
                let _ = std::fs::remove_file(&path);
                if let Some(folder) = path.parent() {
                    // Only succeeds when the folder is now empty.
                    let _ = std::fs::remove_dir(folder);
                }
            }
        }
    }

    /// Copies the file `name` of the import into the vault; `None` when the import lacks it.
    fn take_file(&mut self, source: &mut Source, name: &str) -> Result<Option<Ingested>, TakeError> {
        match source {
            Source::Folder(base) => {
                let Some(path) = folder_file(base, name).map_err(|()| TakeError::Outside)? else {
                    return Ok(None);
                };
                let mut file = crate::vault::open_source(&path, self.options.max_evidence_bytes)?;
                Ok(Some(self.store_blob(&mut file, &last_component(name), &path)?))
            }
            Source::Zip { archive, prefix, path, budget } => {
                let entry_name = format!("{prefix}{}", name.replace('\\', "/"));
                let shown = path.join(&entry_name);
                let entry = match archive.by_name(&entry_name) {
                    Ok(e) => e,
                    Err(zip::result::ZipError::FileNotFound) => return Ok(None),
                    Err(_) => {
                        let message = format!("无法读取压缩包{}：文件已损坏或不完整", place(path));
                        return Err(StoreError::Exchange(message).into());
                    }
                };
                let limit = self.options.max_evidence_bytes;
                if entry.size() > limit {
                    return Err(StoreError::from(crate::error::Refusal::too_large(&shown, entry.size(), limit)).into());
                }
                // The size in the header is only a claim: the bytes read are counted (the vault
                // refuses more than `limit`, the budget more than the archive may hold).
                let mut counted = Budgeted { inner: entry, left: budget, archive: path, exceeded: false };
                let stored = self.store_blob(&mut counted, &last_component(name), &shown);
                if counted.exceeded {
                    return Err(StoreError::Exchange(source::too_much_unpacked(path)).into());
                }
                Ok(Some(stored?))
            }
        }
    }

    fn blob_is_recorded(&self, sha256: &str) -> Result<bool> {
        Ok(self
            .conn
            .query_row("SELECT EXISTS (SELECT 1 FROM evidence_files WHERE sha256 = ?1)", [sha256], |r| r.get(0))?)
    }

    fn has_blob(&self, sha256: &str) -> Result<bool> {
        Ok(self.blob_is_recorded(sha256)? && self.blob_path(sha256).is_some_and(|p| p.is_file()))
    }
}

/// Why a file of the import was not taken.
enum TakeError {
    /// Its name, or a link on the way, leads outside the ledger's folder.
    Outside,
    Store(StoreError),
}

impl From<StoreError> for TakeError {
    fn from(e: StoreError) -> TakeError {
        TakeError::Store(e)
    }
}

fn outside(a: &Activity, file: &str) -> StoreError {
    StoreError::Exchange(format!(
        "记录 {}（{}）的证明材料“{file}”指向记录文件所在文件夹之外（绝对路径、盘符、网络路径、“..”或指向外面的链接），为安全起见拒绝导入，没有复制任何文件",
        a.id, a.title
    ))
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
    // Each named as the profile form names it.
    use xueshi_core::field_names::ProfileField as F;
    merge(F::Name.label(), &mut current.name, incoming.name);
    merge(F::IdNumber.label(), &mut current.id_number, incoming.id_number);
    merge(F::Employer.label(), &mut current.employer, incoming.employer);
    merge(F::CurrentTitle.label(), &mut current.current_title, incoming.current_title);
    merge(F::CertificateNumber.label(), &mut current.certificate_number, incoming.certificate_number);
    merge(F::City.label(), &mut current.city, incoming.city);
    match (current.title_date, incoming.title_date) {
        (None, Some(d)) => current.title_date = Some(d),
        (Some(a), Some(b)) if a != b => conflicts.push("现职称取得时间".to_owned()),
        _ => {}
    }
    (current, conflicts)
}
