//! The rule book of a data folder: the built-in notices and the user's own rule files in
//! `<data>/rules/*.toml`, and which set is in force for an application, with its one-sentence reason.

use std::path::{Path, PathBuf};

use xueshi_core::rules::Selection;
use xueshi_core::{RuleBook, RuleSet};
use xueshi_store::DataDir;
use xueshi_store::words::{place, reason};

use crate::error::{HandbookError, Result};

/// The built-in notices plus the user's rule files, and the problems of the files that did not load.
#[derive(Debug, Clone)]
pub struct Rules {
    pub book: RuleBook,
    /// One line per rule file of the user's that could not be read or is invalid.
    pub errors: Vec<String>,
}

/// The folder of the user's own rule files.
pub fn rules_dir(dir: &DataDir) -> PathBuf {
    dir.rules()
}

impl Rules {
    /// Loads the built-in notices and every `.toml` in the data folder's `rules/` (in name order);
    /// a file that does not load is listed in `errors` and the others still load.
    pub fn load(dir: &DataDir) -> Result<Rules> {
        let mut rules = Rules { book: RuleBook::builtin()?, errors: Vec::new() };
        let Ok(entries) = std::fs::read_dir(rules_dir(dir)) else { return Ok(rules) };
        let mut files: Vec<PathBuf> =
            entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "toml")).collect();
        files.sort();
        for path in files {
            let name =
                path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
            match std::fs::read_to_string(&path) {
                Ok(text) => {
                    if let Err(e) = rules.book.add_file(&name, &text) {
                        rules.errors.push(e.to_string());
                    }
                }
                Err(e) => rules.errors.push(format!("无法读取规则文件“{name}”：{}", reason(&e))),
            }
        }
        Ok(rules)
    }

    /// The set with id `chosen`, else the set governing `year` (a city's own when `city`
    /// matches), with the one-sentence reason.
    pub fn in_force(&self, chosen: Option<&str>, year: i32, city: Option<&str>) -> Result<(&RuleSet, Selection)> {
        let selection = match chosen {
            Some(id) => {
                let set = self.book.get(id).ok_or_else(|| HandbookError::UnknownRules(id.to_owned()))?;
                Selection {
                    id: id.to_owned(), assumed: false, reason: format!("按您选择的{}评估", set.display_name())
                }
            }
            None => self.book.default_for(year, city).ok_or(HandbookError::NoRulesForYear(year))?,
        };
        let set = self.book.get(&selection.id).ok_or_else(|| HandbookError::UnknownRules(selection.id.clone()))?;
        Ok((set, selection))
    }

    /// The id a choice names: a set's id as given, or the id of a rule file (a path ending in
    /// `.toml`, or an existing file), which joins the book for this run only.
    pub fn choose(&mut self, choice: &str) -> Result<String> {
        let path = Path::new(choice);
        if !choice.ends_with(".toml") && !path.is_file() {
            return Ok(choice.to_owned());
        }
        let text = read(path)?;
        Ok(self.book.add_file(&path.display().to_string(), &text)?)
    }

    /// The set `choice` names (an id, or a rule file's path: see [`Rules::choose`]), else the one
    /// governing `year` for `city`, with the reason.
    pub fn resolve(&mut self, choice: Option<&str>, year: i32, city: Option<&str>) -> Result<(&RuleSet, Selection)> {
        let chosen = choice.map(|c| self.choose(c)).transpose()?;
        self.in_force(chosen.as_deref(), year, city)
    }

    /// Checks a user's rule file and keeps a copy in the data folder so it loads next time.
    pub fn add_file(&mut self, dir: &DataDir, path: &Path) -> Result<String> {
        let text = read(path)?;
        let name = path.file_name().map_or_else(|| "rules.toml".into(), |n| n.to_string_lossy().into_owned());
        let id = self.book.add_file(&name, &text)?;
        let folder = rules_dir(dir);
        std::fs::create_dir_all(&folder)
            .map_err(|e| HandbookError::File(format!("无法在数据文件夹中保存规则文件：{}", reason(&e))))?;
        let dest = folder.join(format!("{id}.toml"));
        std::fs::write(&dest, text)
            .map_err(|e| HandbookError::File(format!("无法在数据文件夹中保存规则文件：{}", reason(&e))))?;
        Ok(id)
    }
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path)
        .map_err(|e| HandbookError::File(format!("无法读取规则文件{}：{}", place(path), reason(&e))))
}
