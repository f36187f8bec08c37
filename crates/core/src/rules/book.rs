//! The collection of rule sets the app knows (the built-in notices plus any file the user loads),
//! inheritance through `extends`, and the choice of the default set for an application year.

use std::collections::BTreeMap;

use super::load::{Parsed, parse};
use super::{BasePlatform, RuleError, RuleSet, Window};
use crate::kinds::{ApplicationPath, Level};

/// The built-in rule files, compiled into the program.
const BUILTIN: &[(&str, &str)] = &[
    ("hunan-2017.toml", include_str!("../../../../rules/hunan-2017.toml")),
    ("hunan-2020.toml", include_str!("../../../../rules/hunan-2020.toml")),
    ("hunan-2021.toml", include_str!("../../../../rules/hunan-2021.toml")),
    ("hunan-2024.toml", include_str!("../../../../rules/hunan-2024.toml")),
    ("changde-2024.toml", include_str!("../../../../rules/changde-2024.toml")),
    ("hunan-2026.toml", include_str!("../../../../rules/hunan-2026.toml")),
];

/// All known rule sets, resolved.
#[derive(Debug, Clone, Default)]
pub struct RuleBook {
    parsed: BTreeMap<String, (Parsed, bool)>,
    sets: BTreeMap<String, RuleSet>,
}

/// The rule set chosen for an application year, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    pub id: String,
    /// True when no set governs the year and an earlier one is assumed to still apply.
    pub assumed: bool,
    /// Why this set was chosen, in Chinese.
    pub reason: String,
}

impl RuleBook {
    /// The built-in notices. They are checked by the test suite, so an error here is a build defect.
    pub fn builtin() -> Result<RuleBook, RuleError> {
        let mut book = RuleBook::default();
        for (file, text) in BUILTIN {
            let parsed = parse(file, text)?;
            book.parsed.insert(parsed.id.clone(), (parsed, true));
        }
        book.resolve_all()?;
        Ok(book)
    }

    /// The texts of the built-in files, e.g. to show or export them.
    pub fn builtin_files() -> &'static [(&'static str, &'static str)] {
        BUILTIN
    }

    /// Adds a user's rule file. It may extend a built-in set, and replaces a user's set with the
    /// same id; the id of a built-in set is refused. Returns the id it defines. On error the book
    /// is unchanged.
    pub fn add_file(&mut self, file: &str, text: &str) -> Result<String, RuleError> {
        let mut ids = self.add_files(&[(file, text)])?;
        Ok(ids.pop().unwrap_or_default())
    }

    /// Adds several of the user's rule files at once (they may extend each other), as `(name,
    /// text)` pairs. Returns their ids in order. On error the book is unchanged.
    pub fn add_files(&mut self, files: &[(&str, &str)]) -> Result<Vec<String>, RuleError> {
        self.add_parsed(files, false)
    }

    /// Adds files; `may_replace_builtin` only to check a built-in file itself.
    fn add_parsed(&mut self, files: &[(&str, &str)], may_replace_builtin: bool) -> Result<Vec<String>, RuleError> {
        let mut next = self.clone();
        let mut ids = Vec::new();
        for (file, text) in files {
            let parsed = parse(file, text)?;
            if !may_replace_builtin && next.parsed.get(&parsed.id).is_some_and(|(_, builtin)| *builtin) {
                return Err(parsed.id_taken);
            }
            ids.push(parsed.id.clone());
            next.parsed.insert(parsed.id.clone(), (parsed, false));
        }
        next.resolve_all()?;
        *self = next;
        Ok(ids)
    }

    /// Checks one file on its own against the built-ins, without keeping it. A file with a
    /// built-in id (a built-in file being edited) is checked in place of that set; as a user's own
    /// file it would be refused by [`RuleBook::add_files`].
    pub fn check_file(file: &str, text: &str) -> Result<RuleSet, RuleError> {
        let mut book = RuleBook::builtin()?;
        let id = book.add_parsed(&[(file, text)], true)?.pop().unwrap_or_default();
        book.sets.remove(&id).ok_or_else(|| RuleError {
            file: file.to_owned(),
            line: 1,
            column: 1,
            field: "id".into(),
            message: "规则集未能载入".into(),
        })
    }

    pub fn get(&self, id: &str) -> Option<&RuleSet> {
        self.sets.get(id)
    }

    /// All sets, ordered by the first year they govern, then id.
    pub fn sets(&self) -> Vec<&RuleSet> {
        let mut all: Vec<&RuleSet> = self.sets.values().collect();
        all.sort_by_key(|s| (s.governs.iter().min().copied(), s.city.is_some(), s.id.clone()));
        all
    }

    /// The set that governs certification in `year`: the one stating that year (a city's own set
    /// when `city` matches), else the latest earlier one, which is then marked as assumed.
    pub fn default_for(&self, year: i32, city: Option<&str>) -> Option<Selection> {
        let latest = self.sets.values().flat_map(|s| s.governs.iter().copied()).filter(|y| *y <= year).max()?;
        let candidates: Vec<&RuleSet> = self.sets.values().filter(|s| s.governs.contains(&latest)).collect();
        let city_match = candidates.iter().find(|s| s.city.is_some() && s.city.as_deref() == city);
        let chosen = city_match.or_else(|| candidates.iter().find(|s| s.city.is_none())).or(candidates.first())?;
        let assumed = latest != year;
        let reason = if assumed {
            format!("{year} 年没有收录对应的通知，沿用最近一年（{latest} 年）的{}，这是推定", chosen.display_name())
        } else {
            format!("{year} 年的认定按{}执行", chosen.display_name())
        };
        Some(Selection { id: chosen.id.clone(), assumed, reason })
    }

    /// The national bases' platforms to check a link against under `set` (the set in force): its
    /// own list (or its parent's), else — a set listing none, or no set in force — the list of the
    /// most recent built-in notice that has one. Each platform names the notice it comes from.
    pub fn platforms_for<'a>(&'a self, set: Option<&'a RuleSet>) -> &'a [BasePlatform] {
        if let Some(set) = set.filter(|s| !s.platforms.is_empty()) {
            return &set.platforms;
        }
        self.sets
            .values()
            .filter(|s| s.builtin && !s.platforms.is_empty())
            .max_by_key(|s| (s.governs.iter().max().copied(), s.city.is_none()))
            .map_or(&[], |s| s.platforms.as_slice())
    }

    fn resolve_all(&mut self) -> Result<(), RuleError> {
        let mut sets = BTreeMap::new();
        for id in self.parsed.keys() {
            let mut chain = Vec::new();
            sets.insert(id.clone(), self.resolve(id, &mut chain)?);
        }
        let borrowed: Vec<(String, Vec<Window>)> =
            sets.values().map(|s| (s.id.clone(), borrowed_windows(s, &sets))).collect();
        for (id, windows) in borrowed {
            if let Some(set) = sets.get_mut(&id) {
                set.borrowed_windows = windows;
            }
        }
        self.sets = sets;
        Ok(())
    }

    /// Resolves one set; `chain` holds the ids being resolved, to detect cycles.
    fn resolve(&self, id: &str, chain: &mut Vec<String>) -> Result<RuleSet, RuleError> {
        let Some((own, builtin)) = self.parsed.get(id) else {
            return Err(RuleError {
                file: String::new(),
                line: 1,
                column: 1,
                field: String::new(),
                message: format!("找不到规则集 `{id}`"),
            });
        };
        chain.push(id.to_owned());
        let parent = match &own.extends {
            None => None,
            Some((parent_id, missing)) => {
                if chain.contains(parent_id) {
                    let mut err = missing.clone();
                    err.message = format!("继承关系成环：{} → {parent_id}", chain.join(" → "));
                    return Err(err);
                }
                if !self.parsed.contains_key(parent_id) {
                    return Err(missing.clone());
                }
                Some(self.resolve(parent_id, chain)?)
            }
        };
        chain.pop();
        merge(own, *builtin, parent)
    }
}

/// For each level with no standard window in `set`, the window of the most recent built-in set
/// that states one (not itself an assumption, where there is such a one), marked as assumed with a
/// note saying where it comes from and how to enter the unit's own window instead. 29号 leaves
/// 中级 and 初级 to the cities and units, so a level is never refused.
fn borrowed_windows(set: &RuleSet, sets: &BTreeMap<String, RuleSet>) -> Vec<Window> {
    let mut out = Vec::new();
    for level in Level::ALL {
        if set.own_window(*level, ApplicationPath::Standard).is_some() {
            continue;
        }
        let donor = sets
            .values()
            .filter(|s| s.builtin && s.id != set.id)
            .filter_map(|s| s.own_window(*level, ApplicationPath::Standard).map(|w| (s, w)))
            .filter(|(s, w)| w.origin.set == s.id)
            .max_by_key(|(s, w)| (!w.assumed, s.governs.iter().max().copied(), s.city.is_some()));
        let Some((donor, window)) = donor else { continue };
        let mut borrowed = window.clone();
        borrowed.levels = vec![*level];
        borrowed.assumed = true;
        borrowed.also_checked = Vec::new();
        borrowed.note = Some(format!(
            "{}没有规定{}职称的认定跨度（中级、初级职称的认定跨度由各市州、单位规定）；暂按收录的最近一份规定了它的通知{}：“{}”；请以本单位的通知为准：可在申报计划中填写本单位规定的认定跨度",
            set.display_name(),
            level.label(),
            donor.display_name(),
            window.quote
        ));
        out.push(borrowed);
    }
    out
}

/// Fills in what `own` does not state from its resolved parent.
fn merge(own: &Parsed, builtin: bool, parent: Option<RuleSet>) -> Result<RuleSet, RuleError> {
    let requirement = match (&own.requirement, &parent) {
        (Some(r), _) => r.clone(),
        (None, Some(p)) => p.requirement.clone(),
        (None, None) => {
            return Err(RuleError {
                file: own.file.clone(),
                line: 1,
                column: 1,
                field: "requirement".into(),
                message: "缺少 [requirement]（年度学时要求），也没有可继承的规则集".into(),
            });
        }
    };
    let mut windows = own.windows.clone();
    let mut conversions = own.conversions.clone();
    let mut evidence = own.evidence.clone();
    let mut themes = own.themes.clone();
    let mut periods = own.periods.clone();
    let mut advice = own.advice.clone();
    let mut platforms = own.platforms.clone();
    if let Some(p) = parent {
        for mut w in p.windows {
            w.levels.retain(|l| !own.windows.iter().any(|o| o.path == w.path && o.levels.contains(l)));
            if !w.levels.is_empty() {
                windows.push(w);
            }
        }
        for mut c in p.conversions {
            c.kinds.retain(|k| !own.conversions.iter().any(|o| o.kinds.contains(k)));
            if !c.kinds.is_empty() {
                conversions.push(c);
            }
        }
        for mut e in p.evidence {
            e.kinds.retain(|k| !own.evidence.iter().any(|o| o.kinds.contains(k)));
            if !e.kinds.is_empty() {
                evidence.push(e);
            }
        }
        for mut a in p.advice {
            a.kinds.retain(|k| !own.advice.iter().any(|o| o.kinds.contains(k)));
            if !a.kinds.is_empty() {
                advice.push(a);
            }
        }
        themes.extend(p.themes.into_iter().filter(|t| !own.themes.iter().any(|o| o.year == t.year)));
        if periods.is_empty() {
            periods = p.periods;
        }
        if platforms.is_empty() {
            platforms = p.platforms;
        }
    }
    themes.sort_by_key(|t| t.year);
    Ok(RuleSet {
        id: own.id.clone(),
        name: own.name.clone(),
        issuer: own.issuer.clone(),
        doc_number: own.doc_number.clone(),
        date: own.date,
        governs: own.governs.clone(),
        extends: own.extends.as_ref().map(|(p, _)| p.clone()),
        city: own.city.clone(),
        source: own.source.clone(),
        note: own.note.clone(),
        file: own.file.clone(),
        builtin,
        requirement,
        windows,
        conversions,
        evidence,
        themes,
        periods,
        advice,
        platforms,
        borrowed_windows: Vec::new(),
    })
}
