//! What an export of all data carries beside the records and their files, so that moving to a new
//! computer loses nothing: the planned applications, the unit's yearly confirmations and the
//! settings (`handbook.json`), and the user's own rule files (`rules/<name>.toml`). An import adds
//! what the data folder lacks and keeps what it already has, naming each difference.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};
use xueshi_core::Application;
use xueshi_core::engine::YearSpan;
use xueshi_core::kinds::{ApplicationPath, Level};

use crate::error::{Result, StoreError, io};
use crate::open::Store;
use crate::planning::{PlannedApplication, YearConfirmation};

/// The member beside `ledger.json` that holds plans, confirmations and settings.
pub const EXTRAS_FILE: &str = "handbook.json";
/// The folder (in the data folder and in an export) of the user's own rule files.
pub const RULES_DIR: &str = "rules";
const FORMAT: &str = "xueshi-handbook";
const VERSION: u32 = 1;
/// A rule file is a page of TOML; the built-in ones are under 100 KiB.
pub(crate) const MAX_RULE_FILE_BYTES: u64 = 4 * 1024 * 1024;
pub(crate) const MAX_EXTRAS_BYTES: u64 = 16 * 1024 * 1024;
const MAX_RULE_FILES: usize = 200;

/// A rule file of the user's, by its file name in `rules/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleFile {
    pub name: String,
    pub text: String,
}

/// Plans, confirmations, settings and rule files of a data folder.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extras {
    pub applications: Vec<PlannedApplication>,
    pub confirmations: Vec<YearConfirmation>,
    pub settings: BTreeMap<String, String>,
    pub rule_files: Vec<RuleFile>,
}

/// Something an import found different from what the data folder has; the folder's is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kept {
    Plan { year: i32, level: Level },
    Confirmation { year: i32 },
    Setting { key: String },
    RuleFile { name: String },
}

/// How much of each an export wrote or an import added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExtrasCount {
    pub plans: usize,
    pub confirmations: usize,
    pub settings: usize,
    pub rule_files: usize,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExtrasJson {
    format: String,
    version: u32,
    #[serde(default)]
    applications: Vec<PlanJson>,
    #[serde(default)]
    year_confirmations: Vec<ConfirmationJson>,
    #[serde(default)]
    settings: BTreeMap<String, String>,
    /// The names of the rule files under `rules/`.
    #[serde(default)]
    rule_files: Vec<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanJson {
    year: i32,
    level: String,
    path: String,
    rules: Option<String>,
    window_from: Option<i32>,
    window_to: Option<i32>,
    window_source: Option<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfirmationJson {
    year: i32,
    confirmed: bool,
    date: Option<String>,
    note: Option<String>,
}

fn bad(what: impl std::fmt::Display) -> StoreError {
    StoreError::Exchange(format!("导入的数据中{what}，未导入任何内容"))
}

/// Whether `name` may be a rule file's name in `rules/`: letters, digits, `-`, `_` and `.`,
/// ending in `.toml`, not hidden; no separators, so it can never name a place outside the folder.
pub(crate) fn is_rule_file_name(name: &str) -> bool {
    name.len() <= 100
        && name.ends_with(".toml")
        && name.len() > ".toml".len()
        && !name.starts_with('.')
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

impl Extras {
    pub fn count(&self) -> ExtrasCount {
        ExtrasCount {
            plans: self.applications.len(),
            confirmations: self.confirmations.len(),
            settings: self.settings.len(),
            rule_files: self.rule_files.len(),
        }
    }

    /// `handbook.json`'s text.
    pub(crate) fn to_json(&self) -> String {
        let json = ExtrasJson {
            format: FORMAT.to_owned(),
            version: VERSION,
            applications: self
                .applications
                .iter()
                .map(|p| PlanJson {
                    year: p.application.year,
                    level: p.application.level.code().to_owned(),
                    path: p.application.path.code().to_owned(),
                    rules: p.rules.clone(),
                    window_from: p.application.window.map(|w| w.from),
                    window_to: p.application.window.map(|w| w.to),
                    window_source: p.window_source.clone(),
                })
                .collect(),
            year_confirmations: self
                .confirmations
                .iter()
                .map(|c| ConfirmationJson {
                    year: c.year,
                    confirmed: c.confirmed,
                    date: c.date.map(|d| d.format("%Y-%m-%d").to_string()),
                    note: c.note.clone(),
                })
                .collect(),
            settings: self.settings.clone(),
            rule_files: self.rule_files.iter().map(|f| f.name.clone()).collect(),
        };
        serde_json::to_string_pretty(&json).unwrap_or_default()
    }

    /// Reads `handbook.json`, every value checked as if typed; `rule_file` reads a listed rule
    /// file's text (`None` when the export lacks it).
    pub(crate) fn from_json(text: &str, mut rule_file: impl FnMut(&str) -> Result<Option<String>>) -> Result<Extras> {
        let json: ExtrasJson = serde_json::from_str(text)
            .map_err(|e| bad(format_args!("的参评计划和设置无法读取（第 {} 行第 {} 列）", e.line(), e.column())))?;
        if json.format != FORMAT || json.version != VERSION {
            return Err(StoreError::Exchange(
                "导入的数据来自更新版本的学时手册（或不是学时手册导出的）：请先升级学时手册再导入，未导入任何内容"
                    .to_owned(),
            ));
        }
        let mut extras = Extras { settings: json.settings, ..Extras::default() };
        for p in json.applications {
            let level = Level::from_code(&p.level).ok_or_else(|| bad("有无法识别的参评级别"))?;
            let path = ApplicationPath::from_code(&p.path).ok_or_else(|| bad("有无法识别的参评途径"))?;
            let mut application = Application::new(p.year, level, path);
            if let (Some(from), Some(to)) = (p.window_from, p.window_to) {
                let span = YearSpan { from, to };
                span.check(p.year).map_err(|e| bad(format_args!("{} 年参评计划的认定跨度有误：{e}", p.year)))?;
                application.window = Some(span);
            }
            let window_source = match p.window_source.filter(|_| application.window.is_some()) {
                Some(t) => Some(xueshi_core::text::accept("window_source", &t).map_err(StoreError::Exchange)?),
                None => None,
            };
            extras.applications.push(PlannedApplication { application, rules: p.rules, window_source });
        }
        for c in json.year_confirmations {
            let date = match c.date {
                Some(t) => Some(
                    NaiveDate::parse_from_str(&t, "%Y-%m-%d")
                        .map_err(|_| bad(format_args!("{} 年度验证的日期无法识别", c.year)))?,
                ),
                None => None,
            };
            extras.confirmations.push(YearConfirmation { year: c.year, confirmed: c.confirmed, date, note: c.note });
        }
        if json.rule_files.len() > MAX_RULE_FILES {
            return Err(bad(format_args!("的自定义规则文件超过 {MAX_RULE_FILES} 个")));
        }
        for name in json.rule_files {
            if !is_rule_file_name(&name) {
                return Err(bad(format_args!("的规则文件名“{name}”不可用")));
            }
            let text = rule_file(&name)?.ok_or_else(|| bad(format_args!("缺少清单中列出的规则文件“{name}”")))?;
            extras.rule_files.push(RuleFile { name, text });
        }
        Ok(extras)
    }
}

/// Refuses rule files that would not load beside the built-in notices (as the app loads them).
pub(crate) fn check_rule_files(files: &[RuleFile]) -> Result<()> {
    if files.is_empty() {
        return Ok(());
    }
    let mut book = xueshi_core::RuleBook::builtin().map_err(|e| StoreError::Exchange(e.to_string()))?;
    for f in files {
        book.add_file(&f.name, &f.text).map_err(|e| bad(format_args!("的规则文件“{}”无效（{e}）", f.name)))?;
    }
    Ok(())
}

impl Store {
    /// Every setting stored, by key.
    pub fn settings_all(&self) -> Result<BTreeMap<String, String>> {
        let mut stmt = self.conn.prepare("SELECT key, value FROM settings ORDER BY key")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The user's rule files in the data folder's `rules/`, by name.
    pub fn rule_files(&self) -> Result<Vec<RuleFile>> {
        let folder = self.dir.rules();
        let entries = match std::fs::read_dir(&folder) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(io("读取文件夹", &folder)(e)),
        };
        let mut files = Vec::new();
        for entry in entries {
            let entry = entry.map_err(io("读取文件夹", &folder))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if !is_rule_file_name(&name) || !entry.file_type().is_ok_and(|t| t.is_file()) {
                continue;
            }
            let path = entry.path();
            let text = std::fs::read_to_string(&path).map_err(io("读取规则文件", &path))?;
            files.push(RuleFile { name, text });
        }
        files.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(files)
    }

    /// What an export of all data carries beside the records.
    pub(crate) fn extras(&self) -> Result<Extras> {
        Ok(Extras {
            applications: self.applications()?,
            confirmations: self.year_confirmations()?,
            settings: self.settings_all()?,
            rule_files: self.rule_files()?,
        })
    }
}

/// A plan's stored columns beside its key: rules, window from, window to, window source.
type PlanColumns = (Option<String>, Option<i32>, Option<i32>, Option<String>);

/// Adds to the data folder, inside the import's transaction, the plans, confirmations and settings
/// it lacks; those it has and that differ are kept and listed.
pub(crate) fn add_extras(tx: &Transaction, extras: &Extras, kept: &mut Vec<Kept>) -> Result<ExtrasCount> {
    let mut added = ExtrasCount::default();
    for p in &extras.applications {
        let a = &p.application;
        let stored: Option<PlanColumns> = tx
            .query_row(
                "SELECT rules, window_from, window_to, window_source FROM applications
                 WHERE year = ?1 AND level = ?2 AND path = ?3",
                params![a.year, a.level.code(), a.path.code()],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let incoming: PlanColumns =
            (p.rules.clone(), a.window.map(|w| w.from), a.window.map(|w| w.to), p.window_source.clone());
        match stored {
            None => {
                tx.execute(
                    "INSERT INTO applications (year, level, path, rules, window_from, window_to, window_source)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![a.year, a.level.code(), a.path.code(), incoming.0, incoming.1, incoming.2, incoming.3],
                )?;
                added.plans += 1;
            }
            Some(s) if s != incoming => kept.push(Kept::Plan { year: a.year, level: a.level }),
            Some(_) => {}
        }
    }
    for c in &extras.confirmations {
        let date = c.date.map(|d| d.format("%Y-%m-%d").to_string());
        let stored: Option<(bool, Option<String>, Option<String>)> = tx
            .query_row("SELECT confirmed, date, note FROM year_confirmations WHERE year = ?1", [c.year], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        match stored {
            None => {
                tx.execute(
                    "INSERT INTO year_confirmations (year, confirmed, date, note) VALUES (?1, ?2, ?3, ?4)",
                    params![c.year, c.confirmed, date, c.note],
                )?;
                added.confirmations += 1;
            }
            Some(s) if s != (c.confirmed, date, c.note.clone()) => kept.push(Kept::Confirmation { year: c.year }),
            Some(_) => {}
        }
    }
    for (key, value) in &extras.settings {
        let stored: Option<String> =
            tx.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0)).optional()?;
        match stored {
            None => {
                tx.execute("INSERT INTO settings (key, value) VALUES (?1, ?2)", params![key, value])?;
                added.settings += 1;
            }
            Some(s) if s != *value => kept.push(Kept::Setting { key: key.clone() }),
            Some(_) => {}
        }
    }
    Ok(added)
}

/// Writes the rule files the data folder's `rules/` lacks (each through a temporary file, so a
/// crash never leaves half of one); a file of the same name with other content is kept and listed.
pub(crate) fn add_rule_files(folder: &Path, files: &[RuleFile], kept: &mut Vec<Kept>) -> Result<usize> {
    let mut added = 0;
    for f in files {
        let target = folder.join(&f.name);
        match std::fs::read(&target) {
            Ok(existing) if existing == f.text.as_bytes() => continue,
            Ok(_) => {
                kept.push(Kept::RuleFile { name: f.name.clone() });
                continue;
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(io("读取规则文件", &target)(e)),
        }
        std::fs::create_dir_all(folder).map_err(io("创建文件夹", folder))?;
        let partial = folder.join(format!(".{}.{}.partial", f.name, std::process::id()));
        let written = std::fs::File::create(&partial).and_then(|mut file| {
            use std::io::Write;
            file.write_all(f.text.as_bytes())?;
            file.sync_all()
        });
        if let Err(e) = written {
            let _ = std::fs::remove_file(&partial);
            return Err(io("保存规则文件", &target)(e));
        }
        crate::error::replace("保存规则文件", &partial, &target)?;
        added += 1;
    }
    if added > 0 {
        crate::paths::sync_dir(folder).map_err(io("保存规则文件", folder))?;
    }
    Ok(added)
}
