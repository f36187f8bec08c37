//! The data folder in the open: where it is, its backups listed by date in Chinese with a way to
//! restore each, and the export of all data (records, evidence files, plans, year confirmations,
//! settings and the user's rule files) that an import on another computer takes back whole.

use std::path::{Path, PathBuf};

use serde::Serialize;
use xueshi_store::exchange::Kept;
use xueshi_store::{BackupInfo, BackupReason, ExportReport, ImportReport};

use crate::Handbook;
use crate::error::{HandbookError, Result};
use crate::rules::Rules;

/// One backup as the user sees it: `2025年5月12日 14:03 · 每日自动备份`. `name` identifies it
/// when the user asks to restore it; it is not shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BackupEntry {
    pub name: String,
    pub label: String,
}

/// What an export of all data wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportedAll {
    pub path: PathBuf,
    pub report: ExportReport,
}

fn reason_label(reason: Option<BackupReason>) -> &'static str {
    match reason {
        Some(BackupReason::Daily) => "每日自动备份",
        Some(BackupReason::Manual) => "手动备份",
        Some(BackupReason::BeforeRestore) => "恢复备份前自动备份",
        Some(BackupReason::BeforeMigration) => "升级前自动备份",
        None => "备份",
    }
}

fn entry(info: &BackupInfo) -> BackupEntry {
    let name = info.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let label = format!("{} · {}", info.taken.format("%Y年%-m月%-d日 %H:%M"), reason_label(info.reason));
    BackupEntry { name, label }
}

/// The counts of plans, confirmations, settings and rule files, as a clause (`参评计划 1 条、…`);
/// empty when all are zero.
fn extras_clause(c: &xueshi_store::ExtrasCount) -> String {
    let parts: Vec<String> = [
        (c.plans, "参评计划", "条"),
        (c.confirmations, "年度验证", "条"),
        (c.settings, "设置", "项"),
        (c.rule_files, "自定义规则文件", "个"),
    ]
    .into_iter()
    .filter(|(n, ..)| *n > 0)
    .map(|(n, what, unit)| format!("{what} {n} {unit}"))
    .collect();
    parts.join("、")
}

impl ExportedAll {
    /// What was exported, in one sentence.
    pub fn summary(&self) -> String {
        let r = &self.report;
        let mut out = format!("已导出全部数据：{} 条记录、{} 个证明材料文件", r.activities, r.files);
        let extras = extras_clause(&r.extras);
        if !extras.is_empty() {
            out.push_str(&format!("，以及{extras}"));
        }
        let name = self.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        out.push_str(&format!("。已保存为“{name}”，在另一台电脑上用“导入”即可取回全部内容"));
        out
    }
}

impl Handbook {
    /// The data folder in use (the demo's while the demo is open).
    pub fn data_folder(&self) -> &Path {
        self.store.data_dir().root()
    }

    /// The backups, newest first, as the user sees them.
    pub fn backup_entries(&self) -> Result<Vec<BackupEntry>> {
        Ok(self.store.backup_list()?.iter().map(entry).collect())
    }

    /// Makes a backup now and returns it as the list shows it.
    pub fn backup_now_entry(&self) -> Result<BackupEntry> {
        let path = self.backup_now()?;
        let list = self.store.backup_list()?;
        Ok(list.iter().find(|i| i.path == path).map_or_else(
            || BackupEntry { name: String::new(), label: reason_label(Some(BackupReason::Manual)).to_owned() },
            entry,
        ))
    }

    /// The name offered when exporting all data: `学时手册全部数据_2026年11月29日.zip`.
    pub fn all_data_name(&self) -> String {
        format!("学时手册全部数据_{}.zip", chrono::Local::now().format("%Y年%-m月%-d日"))
    }

    /// Restores the backup `name` from [`Handbook::backup_entries`] (only one of those: a name is
    /// never taken as a path); what it replaces is backed up first.
    pub fn restore_entry(&mut self, name: &str) -> Result<()> {
        let list = self.store.backup_list()?;
        let info = list.iter().find(|i| i.path.file_name().is_some_and(|n| n == name)).ok_or_else(|| {
            HandbookError::input("这份备份已不在备份文件夹中（可能已被自动清理），请刷新列表后重新选择")
        })?;
        let path = info.path.clone();
        self.restore(&path)?;
        Ok(())
    }

    /// Exports all data into `dest`: a `.zip` file (which must not exist yet) or a new or empty
    /// folder.
    pub fn export_all(&self, dest: &Path) -> Result<ExportedAll> {
        let zip = dest.extension().is_some_and(|e| e.eq_ignore_ascii_case("zip"));
        if zip && dest.exists() {
            let name = dest.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            return Err(HandbookError::input(format!("“{name}”已经存在，请换一个文件名")));
        }
        let report = if zip { self.store.export_zip(dest)? } else { self.store.export_folder(dest)? };
        Ok(ExportedAll { path: dest.to_owned(), report })
    }

    /// Reloads the rule files after an import added some.
    pub(crate) fn reload_rules_after(&mut self, report: &ImportReport) -> Result<()> {
        if report.extras.rule_files > 0 {
            self.rules = Rules::load(self.store.data_dir())?;
        }
        Ok(())
    }

    /// What an import kept of the data folder's own, in words.
    pub(crate) fn kept_words(&self, kept: &[Kept]) -> Vec<String> {
        kept.iter()
            .map(|k| match k {
                Kept::Plan { year, level } => format!("{year} 年参评{}的计划", level.label()),
                Kept::Confirmation { year } => format!("{year} 年度的单位验证"),
                Kept::Setting { key } => format!("设置“{}”", crate::settings::setting_label(key)),
                Kept::RuleFile { name } => {
                    let id = name.strip_suffix(".toml").unwrap_or(name);
                    match self.rules.book.get(id) {
                        Some(set) => format!("规则文件{}", set.display_name()),
                        None => "一个自定义规则文件".to_owned(),
                    }
                }
            })
            .collect()
    }
}

/// The import's plans, confirmations, settings and rule files, and what was kept, in words.
pub(crate) fn import_extras_lines(report: &ImportReport, kept: &[String]) -> String {
    let mut out = String::new();
    let extras = extras_clause(&report.extras);
    if !extras.is_empty() {
        out.push_str(&format!("；{extras}"));
    }
    if !kept.is_empty() {
        out.push_str(&format!("\n{} 与这里已有的不同，保留了已有的", kept.join("、")));
    }
    out
}

#[cfg(test)]
#[path = "data_folder_tests.rs"]
mod tests;
