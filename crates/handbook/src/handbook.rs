//! The open handbook: one data folder (its store) with its rule book, and everything both shells
//! ask of it. The desktop app's commands and the command line's subcommands are a few lines each
//! over these methods.

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use xueshi_core::engine::{Application, Assessment, assess};
use xueshi_core::review::{EvidenceText, Finding, review};
use xueshi_core::rules::Selection;
use xueshi_core::{Ledger, RuleSet};
use xueshi_store::viewing::viewing_dir;
use xueshi_store::{BackupReason, DataDir, Options, PlannedApplication, Store, StoreError};

use crate::dto::{ActivityFields, ProfileDto, VerifyView};
use crate::error::{HandbookError, Result};
use crate::evidence_texts::TextCache;
use crate::rules::Rules;

/// One open data folder.
pub struct Handbook {
    pub(crate) store: Store,
    pub(crate) rules: Rules,
    /// The user's own folder, to return to after the demo.
    pub(crate) home: DataDir,
    pub(crate) demo: bool,
    /// The text of evidence files read for the 预审, kept for the session.
    pub(crate) texts: RefCell<TextCache>,
    /// The record removed last, with its evidence entries, for 撤销 (this session only).
    pub(crate) removed: Option<xueshi_core::Activity>,
    /// The OCR helper installed with the program, when it is.
    pub(crate) ocr: Option<crate::ocr::OcrHelper>,
}

/// The application an assessment is about: given parts override the plan's.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub year: Option<i32>,
    pub level: Option<xueshi_core::kinds::Level>,
    pub path: Option<xueshi_core::kinds::ApplicationPath>,
    /// The unit's own window, replacing the plan's.
    pub window: Option<xueshi_core::engine::YearSpan>,
    /// A rule set id or the path of a rule file, replacing the plan's choice.
    pub rules: Option<String>,
}

/// An assessment with what it was made of.
pub struct Assessed<'h> {
    pub ledger: Ledger,
    pub application: Application,
    pub rules: &'h RuleSet,
    pub selection: Selection,
    pub assessment: Assessment,
}

impl Assessed<'_> {
    /// 预审 of the assessed records: what a reviewer would question, with the `texts` read from
    /// their evidence files.
    pub fn review(&self, texts: &[EvidenceText]) -> Vec<Finding> {
        review(&self.ledger, self.rules, &self.assessment, texts)
    }
}

impl Handbook {
    /// Opens the user's data folder (created when missing) and loads their own rule files.
    pub fn open(home: DataDir) -> Result<Handbook> {
        Handbook::open_with(home, Options::default())
    }

    pub fn open_with(home: DataDir, options: Options) -> Result<Handbook> {
        let store = Store::open_with(&home, options)?;
        Handbook::with_store(store, home)
    }

    /// A handbook on a store already open.
    pub fn with_store(store: Store, home: DataDir) -> Result<Handbook> {
        let rules = Rules::load(store.data_dir())?;
        let ocr = crate::ocr::OcrHelper::installed();
        Ok(Handbook { store, rules, home, demo: false, texts: RefCell::default(), removed: None, ocr })
    }

    /// Uses `helper` to read photos and scans (`None`: none, they are filled in by hand).
    pub fn set_ocr_helper(&mut self, helper: Option<crate::ocr::OcrHelper>) {
        self.ocr = helper;
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// The plans, by year.
    pub fn plans(&self) -> Result<Vec<PlannedApplication>> {
        Ok(self.store.applications()?)
    }

    /// The plan the dashboard is about: the earliest by year.
    pub fn current_plan(&self) -> Result<Option<PlannedApplication>> {
        Ok(self.store.applications()?.into_iter().next())
    }

    /// The rule set in force for the current plan (its chosen set, else the one its year and the
    /// profile's city select) and the plan's application; `None` without a plan or when the plan's
    /// set cannot be used (the dashboard says why).
    pub(crate) fn current_rules(&self) -> Result<Option<(&RuleSet, Application)>> {
        let Some(plan) = self.current_plan()? else { return Ok(None) };
        let city = self.store.profile()?.city;
        Ok(self
            .rules
            .in_force(plan.rules.as_deref(), plan.application.year, city.as_deref())
            .ok()
            .map(|(set, _)| (set, plan.application)))
    }

    /// The plan of `year` (the current one when `None`).
    fn plan_of(&self, year: Option<i32>) -> Result<Option<PlannedApplication>> {
        Ok(self.store.applications()?.into_iter().find(|p| year.is_none_or(|y| p.application.year == y)))
    }

    /// The application of `request`, completed from the plan of its year; an error says what to give.
    pub fn application(&self, request: &Request) -> Result<PlannedApplication> {
        let mut planned = match (request.year, request.level) {
            (Some(year), Some(level)) => PlannedApplication::new(
                Application::new(year, level, request.path.unwrap_or(xueshi_core::kinds::ApplicationPath::Standard)),
                None,
            ),
            (year, _) => self.plan_of(year)?.ok_or(HandbookError::NoPlan)?,
        };
        if let Some(window) = request.window {
            window.check(planned.application.year).map_err(HandbookError::Input)?;
            planned.application.window = Some(window);
        }
        Ok(planned)
    }

    /// The stored records assessed for `request`.
    pub fn assess(&mut self, request: &Request) -> Result<Assessed<'_>> {
        let (planned, chosen) = self.planned_with_rules(request)?;
        self.assess_planned(planned, chosen)
    }

    /// The plan for `request` and the rule set chosen for it (a rule file's path is taken from
    /// what the user typed only, never from a stored plan).
    fn planned_with_rules(&mut self, request: &Request) -> Result<(PlannedApplication, Option<String>)> {
        let planned = self.application(request)?;
        let chosen = match &request.rules {
            Some(choice) => Some(self.rules.choose(choice)?),
            None => planned.rules.clone(),
        };
        Ok((planned, chosen))
    }

    fn assess_planned(&self, planned: PlannedApplication, chosen: Option<String>) -> Result<Assessed<'_>> {
        let ledger = self.store.ledger()?;
        let (rules, selection) =
            self.rules.in_force(chosen.as_deref(), planned.application.year, ledger.profile.city.as_deref())?;
        let assessment = assess(&ledger, rules, &planned.application)?;
        Ok(Assessed { ledger, application: planned.application, rules, selection, assessment })
    }

    /// 预审: what a reviewer would question in the stored records, for `request` under the rule
    /// set and plan in force (the same as [`Handbook::assess`]).
    pub fn review(&mut self, request: &Request) -> Result<Vec<Finding>> {
        Ok(self.assess_and_review(request)?.1)
    }

    /// The assessment for `request` and its 预审, which also reads the text of the PDF evidence of
    /// the records credited in the checked years (each file once a session).
    pub fn assess_and_review(&mut self, request: &Request) -> Result<(Assessed<'_>, Vec<Finding>)> {
        let (planned, chosen) = self.planned_with_rules(request)?;
        let this: &Handbook = self;
        let assessed = this.assess_planned(planned, chosen)?;
        let texts = this.texts.borrow_mut().texts(&assessed, &this.store.data_dir().evidence());
        let findings = assessed.review(&texts);
        Ok((assessed, findings))
    }

    /// The 预审 the dashboard and the export dialog show: the current plan's; none without a plan.
    pub fn review_plan(&mut self) -> Result<Vec<Finding>> {
        if self.current_plan()?.is_none() {
            return Ok(Vec::new());
        }
        self.review(&Request::default())
    }

    pub fn save_profile(&mut self, profile: &ProfileDto) -> Result<()> {
        Ok(self.store.set_profile(&profile.to_profile()?)?)
    }

    /// Adds a new record (no id) or replaces an existing one, keeping its evidence; returns its id.
    pub fn save_activity(&mut self, fields: &ActivityFields) -> Result<String> {
        match &fields.id {
            Some(id) => {
                let mut activity = fields.to_activity(id)?;
                activity.evidence = self.store.activity(id)?.evidence;
                self.store.update_activity(id, &activity)?;
                Ok(id.clone())
            }
            // Numbered inside the saving transaction: the command line may be adding at once.
            None => Ok(self.store.add_activity_numbered(&fields.to_activity("new")?)?),
        }
    }

    /// Removes a record; until the next removal (or the end of the session) 撤销 puts it back
    /// with its evidence (the files stay in the vault until the user cleans it).
    pub fn remove_activity(&mut self, id: &str) -> Result<()> {
        let removed = self.store.activity(id)?;
        self.store.remove_activity(id)?;
        self.removed = Some(removed);
        Ok(())
    }

    /// Puts back the record removed last, with its evidence; returns its id.
    pub fn undo_remove(&mut self) -> Result<String> {
        let Some(removed) = self.removed.take() else {
            return Err(HandbookError::input("没有可以撤销的删除"));
        };
        if let Err(e) = self.store.add_activity(&removed) {
            let id = removed.id.clone();
            self.removed = Some(removed);
            return Err(match e {
                StoreError::DuplicateActivity(_) => {
                    HandbookError::input(format!("删除的记录无法恢复：编号 {id} 已被一条新记录使用"))
                }
                other => other.into(),
            });
        }
        Ok(removed.id)
    }

    pub fn attach(&mut self, activity: &str, files: &[PathBuf], material: &str) -> Result<usize> {
        for file in files {
            self.store.attach(activity, file, material)?;
        }
        Ok(files.len())
    }

    pub fn detach(&mut self, seq: i64) -> Result<()> {
        Ok(self.store.detach(seq)?)
    }

    /// A read-only copy of an attached file under its own name (in this run's folder of the temp
    /// dir), to open it with the system's program without exposing the vault's copy.
    pub fn evidence_copy(&self, seq: i64) -> Result<PathBuf> {
        let dir = viewing_dir(&std::env::temp_dir());
        self.store.evidence_copy_for_viewing(seq, &dir).map_err(|e| match e {
            StoreError::NoSuchEvidence(_) => HandbookError::input("没有这份证明材料"),
            StoreError::MissingBlob { .. } => {
                HandbookError::File("数据文件夹中找不到这份证明材料，请在“设置”中检查数据和证明材料".into())
            }
            other => other.into(),
        })
    }

    /// The same records under other rule sets, side by side.
    pub fn compare(&self, ids: &[String]) -> Result<Vec<Assessment>> {
        let plan = self.current_plan()?.ok_or(HandbookError::NoPlan)?;
        let ledger = self.store.ledger()?;
        ids.iter()
            .map(|id| {
                let set = self.rules.book.get(id).ok_or_else(|| HandbookError::UnknownRules(id.clone()))?;
                Ok(assess(&ledger, set, &plan.application)?)
            })
            .collect()
    }

    /// 规则说明 of the rule set `id` (built-in or the user's): each rule in plain Chinese beside
    /// the notice's sentence.
    pub fn rule_guide(&self, id: &str) -> Result<xueshi_core::rules::guide::RuleGuide> {
        let set = self.rules.book.get(id).ok_or_else(|| HandbookError::UnknownRules(id.to_owned()))?;
        Ok(xueshi_core::rules::guide::guide(set))
    }

    /// Checks a user's rule file and keeps a copy in the data folder so it loads next time.
    pub fn add_rule_file(&mut self, path: &Path) -> Result<String> {
        let dir = self.store.data_dir().clone();
        self.rules.add_file(&dir, path)
    }

    pub fn backup_now(&self) -> Result<PathBuf> {
        Ok(self.store.backup(BackupReason::Manual)?)
    }

    pub fn restore(&mut self, file: &Path) -> Result<PathBuf> {
        self.removed = None;
        Ok(self.store.restore(file)?.previous)
    }

    /// The database and every evidence file checked, in sentences.
    pub fn verify(&self) -> Result<VerifyView> {
        let r = self.store.verify()?;
        let mut lines = Vec::new();
        lines.extend(r.integrity.iter().map(|l| format!("数据库完整性：{l}")));
        lines.extend(r.foreign_keys.iter().map(|l| format!("数据库引用：{l}")));
        lines.extend(r.corrupt.iter().map(|m| format!("文件内容已改变：{}", m.used_by.join("、"))));
        lines.extend(r.missing.iter().map(|m| format!("文件缺失：{}", m.used_by.join("、"))));
        if !r.unreferenced.is_empty() {
            lines.push(format!("有 {} 个文件已不被任何记录使用（可清理）", r.unreferenced.len()));
        }
        if lines.is_empty() {
            lines.push(format!("一切正常：检查了数据库和 {} 个证明材料文件", r.files_checked));
        }
        Ok(VerifyView { ok: r.is_ok(), lines })
    }

    /// Switches to the demo data folder: as the user left it, or with `reset` as shipped (the
    /// shell asks first). A `demo` folder this app did not create is refused, never deleted.
    pub fn open_demo(&mut self, reset: bool) -> Result<()> {
        if self.demo {
            // Close the demo's database first: its files cannot be deleted while open on Windows.
            self.close_demo()?;
        }
        self.removed = None;
        self.store = crate::demo::open(&crate::demo::folder(&self.home), reset)?;
        self.rules = Rules::load(self.store.data_dir())?;
        self.demo = true;
        Ok(())
    }

    /// Returns from the demo to the user's own folder.
    pub fn close_demo(&mut self) -> Result<()> {
        self.removed = None;
        self.store = Store::open(&self.home)?;
        self.rules = Rules::load(self.store.data_dir())?;
        self.demo = false;
        Ok(())
    }
}
