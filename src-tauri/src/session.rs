//! The open data folder and the rule book, and everything the screens ask of them. No Tauri types
//! here: the commands in `commands.rs` are a few lines each that call these methods.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::{Local, NaiveDate};
use xueshi_core::engine::{Application, Assessment, assess};
use xueshi_core::kinds::ActivityKind;
use xueshi_core::{Hours, Ledger, RuleBook, RuleSet};
use xueshi_store::viewing::viewing_dir;
use xueshi_store::{BackupReason, DataDir, PlannedApplication, Store, StoreError};

use crate::dto::{
    ActivityFields, ActivityView, Deadline, EvidenceView, MaterialChoice, PlanDto, Preview, ProfileDto, RuleSummary,
    Selection, Snapshot, ThemeView, VerifyView,
};
use crate::error::{AppError, AppResult};
use crate::export_job::ExportJob;

/// One open data folder.
pub struct Session {
    store: Store,
    book: RuleBook,
    rule_errors: Vec<String>,
    /// The user's own folder, to return to after the demo.
    home: DataDir,
    demo: bool,
}

impl Session {
    /// Opens the user's data folder (created when missing) and loads their own rule files.
    pub fn open(home: DataDir) -> AppResult<Session> {
        Session::with_store(Store::open(&home)?, home)
    }

    /// A session on a store already open (the tests open one for viewing only).
    fn with_store(store: Store, home: DataDir) -> AppResult<Session> {
        let mut session = Session { store, book: RuleBook::builtin()?, rule_errors: Vec::new(), home, demo: false };
        session.load_user_rules();
        Ok(session)
    }

    /// The folder of the user's own rule files.
    fn rules_dir(&self) -> PathBuf {
        self.store.data_dir().root().join("rules")
    }

    fn load_user_rules(&mut self) {
        self.rule_errors.clear();
        let Ok(entries) = std::fs::read_dir(self.rules_dir()) else { return };
        let mut files: Vec<PathBuf> =
            entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "toml")).collect();
        files.sort();
        for path in files {
            let name = path.display().to_string();
            match std::fs::read_to_string(&path) {
                Ok(text) => {
                    if let Err(e) = self.book.add_file(&name, &text) {
                        self.rule_errors.push(e.to_string());
                    }
                }
                Err(e) => self.rule_errors.push(format!("无法读取 {name}：{e}")),
            }
        }
    }

    fn plan(&self) -> AppResult<Option<PlannedApplication>> {
        Ok(self.store.applications()?.into_iter().next())
    }

    /// The rule set in force for the plan: the user's choice, else the one governing its year.
    fn selection(&self, plan: &PlannedApplication) -> Option<Selection> {
        if let Some(id) = &plan.rules
            && let Some(set) = self.book.get(id)
        {
            return Some(Selection {
                id: id.clone(),
                assumed: false,
                reason: format!("按您选择的{}评估", set.display_name()),
            });
        }
        let city = self.store.profile().ok().and_then(|p| p.city);
        self.book.default_for(plan.application.year, city.as_deref()).map(|s| Selection {
            id: s.id,
            assumed: s.assumed,
            reason: s.reason,
        })
    }

    fn rules_in_force(&self) -> AppResult<Option<(&RuleSet, Selection)>> {
        let Some(plan) = self.plan()? else { return Ok(None) };
        Ok(self.selection(&plan).and_then(|s| self.book.get(&s.id).map(|set| (set, s))))
    }

    /// Everything the screens show.
    pub fn snapshot(&self) -> AppResult<Snapshot> {
        let profile = self.store.profile()?;
        let plan = self.plan()?;
        let ledger = self.store.ledger()?;
        let mut by_activity: HashMap<String, Vec<EvidenceView>> = HashMap::new();
        for e in self.store.all_evidence()? {
            by_activity.entry(e.activity.clone()).or_default().push(EvidenceView::from(e));
        }
        let mut activities = Vec::with_capacity(ledger.activities.len());
        for a in &ledger.activities {
            let evidence = by_activity.remove(&a.id).unwrap_or_default();
            activities.push(ActivityView { fields: ActivityFields::from_activity(a), year: a.year(), evidence });
        }
        let today = Local::now().date_naive();
        let (mut assessment, mut assessment_error, mut selection, mut deadline) = (None, None, None, None);
        let (mut themes, mut materials, mut credited_kinds) = (Vec::new(), Vec::new(), Vec::new());
        if let Some(p) = &plan {
            selection = self.selection(p);
            match selection.as_ref().and_then(|s| self.book.get(&s.id)) {
                Some(set) => {
                    match assess(&ledger, set, &p.application) {
                        Ok(a) => assessment = Some(a),
                        Err(e) => assessment_error = Some(e.to_string()),
                    }
                    deadline = next_deadline(set, p.application.year, today);
                    themes = set.themes.iter().map(|t| ThemeView { year: t.year, topics: t.topics.clone() }).collect();
                    materials = material_choices(set);
                    credited_kinds = ActivityKind::ALL.iter().copied().filter(|k| set.credits_kind(*k)).collect();
                }
                None => {
                    assessment_error =
                        Some(format!("{} 年之前没有收录任何通知，请在“规则”中选择一个规则集", p.application.year));
                }
            }
        }
        Ok(Snapshot {
            data_dir: self.store.data_dir().root().display().to_string(),
            demo: self.demo,
            first_run: plan.is_none() && profile.name.is_none(),
            profile: ProfileDto::from_profile(&profile),
            plan: plan.as_ref().map(crate::plan::plan_dto),
            activities,
            assessment,
            assessment_error,
            cities: xueshi_core::cities::HUNAN_CITIES.iter().map(|(short, _)| (*short).to_owned()).collect(),
            rules: self.book.sets().into_iter().map(summary).collect(),
            selection,
            deadline,
            themes,
            materials,
            credited_kinds,
            rule_errors: self.rule_errors.clone(),
            today: today.format("%Y-%m-%d").to_string(),
            read_only: self.store.open_report().read_only.map(|reason| reason.notice().to_owned()),
        })
    }

    pub fn save_profile(&mut self, profile: &ProfileDto) -> AppResult<()> {
        Ok(self.store.set_profile(&profile.to_profile()?)?)
    }

    /// Keeps one planned application: the one the dashboard is about.
    /// The unit's own window, if typed, must be one `YearSpan::check` accepts.
    pub fn save_plan(&mut self, plan: &PlanDto) -> AppResult<()> {
        let planned = crate::plan::planned(plan)?;
        if let Some(id) = &plan.rules
            && self.book.get(id).is_none()
        {
            return Err(AppError::new("rules", format!("没有 id 为 {id} 的规则集")));
        }
        let key = |a: &Application| (a.year, a.level, a.path);
        for old in self.store.applications()? {
            if key(&old.application) != key(&planned.application) {
                self.store.remove_application(&old.application)?;
            }
        }
        Ok(self.store.plan_application(&planned)?)
    }

    /// Adds a new record (no id) or replaces an existing one; returns its id.
    pub fn save_activity(&mut self, fields: &ActivityFields) -> AppResult<String> {
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

    pub fn remove_activity(&mut self, id: &str) -> AppResult<()> {
        Ok(self.store.remove_activity(id)?)
    }

    /// What a record being typed will earn under the rule set in force, with the clause.
    pub fn preview(&self, fields: &ActivityFields) -> AppResult<Preview> {
        let activity = match fields.to_activity(fields.id.as_deref().unwrap_or("preview")) {
            Ok(a) => a,
            Err(e) => {
                return Ok(Preview {
                    credits: Vec::new(),
                    hours: Hours::ZERO,
                    warnings: Vec::new(),
                    error: Some(e.message),
                });
            }
        };
        let Some((set, _)) = self.rules_in_force()? else {
            return Ok(Preview { credits: Vec::new(), hours: Hours::ZERO, warnings: Vec::new(), error: None });
        };
        let ledger = Ledger { profile: Default::default(), activities: vec![activity] };
        let plan = self.plan()?.map(|p| p.application);
        let application = plan.unwrap_or(Application::new(
            set.governs.first().copied().unwrap_or(2026),
            xueshi_core::kinds::Level::Senior,
            xueshi_core::kinds::ApplicationPath::Standard,
        ));
        match assess(&ledger, set, &application) {
            Ok(a) => Ok(Preview {
                hours: a.records.first().map_or(Hours::ZERO, |r| r.hours),
                credits: a.credits,
                warnings: a.warnings.iter().filter(|w| w.activity.is_some()).map(|w| w.message.to_string()).collect(),
                error: None,
            }),
            Err(e) => {
                Ok(Preview { credits: Vec::new(), hours: Hours::ZERO, warnings: vec![e.to_string()], error: None })
            }
        }
    }

    pub fn attach(&mut self, activity: &str, files: &[PathBuf], material: &str) -> AppResult<usize> {
        for file in files {
            self.store.attach(activity, file, material)?;
        }
        Ok(files.len())
    }

    pub fn detach(&mut self, seq: i64) -> AppResult<()> {
        Ok(self.store.detach(seq)?)
    }

    /// A read-only copy of an attached file under its own name (in this run's folder of the temp
    /// dir), to open it with the system's program without exposing the vault's copy.
    pub fn evidence_copy(&self, seq: i64) -> AppResult<PathBuf> {
        let dir = viewing_dir(&std::env::temp_dir());
        self.store.evidence_copy_for_viewing(seq, &dir).map_err(|e| match e {
            StoreError::NoSuchEvidence(_) => AppError::input("没有这份证明材料"),
            StoreError::MissingBlob { .. } => AppError::new("file", "证据库中找不到这个文件，请在“设置”中检查证据库"),
            other => other.into(),
        })
    }

    /// The same records under other rule sets, side by side.
    pub fn compare(&self, ids: &[String]) -> AppResult<Vec<Assessment>> {
        let plan = self.plan()?.ok_or_else(|| AppError::input("请先设置参评计划"))?;
        let ledger = self.store.ledger()?;
        ids.iter()
            .map(|id| {
                let set =
                    self.book.get(id).ok_or_else(|| AppError::new("rules", format!("没有 id 为 {id} 的规则集")))?;
                Ok(assess(&ledger, set, &plan.application)?)
            })
            .collect()
    }

    /// Checks a user's rule file and keeps a copy in the data folder so it loads next time.
    pub fn add_rule_file(&mut self, path: &Path) -> AppResult<String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| AppError::new("file", format!("无法读取 {}：{e}", path.display())))?;
        let name = path.file_name().map_or_else(|| "rules.toml".into(), |n| n.to_string_lossy().into_owned());
        let id = self.book.add_file(&name, &text)?;
        let dir = self.rules_dir();
        std::fs::create_dir_all(&dir).map_err(|e| AppError::new("file", format!("无法创建 {}：{e}", dir.display())))?;
        let dest = dir.join(format!("{id}.toml"));
        std::fs::write(&dest, text).map_err(|e| AppError::new("file", format!("无法保存 {}：{e}", dest.display())))?;
        Ok(id)
    }

    pub fn backup_now(&self) -> AppResult<PathBuf> {
        Ok(self.store.backup(BackupReason::Manual)?)
    }

    pub fn restore(&mut self, file: &Path) -> AppResult<PathBuf> {
        Ok(self.store.restore(file)?.previous)
    }

    pub fn verify(&self) -> AppResult<VerifyView> {
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

    /// Imports a ledger file (.json or .zip with its evidence) or a spreadsheet (.xlsx .xls .ods
    /// .csv, see docs/导入模板.md). A spreadsheet with bad rows imports nothing unless
    /// `skip_bad_rows`; the message then lists the rows to fix.
    pub fn import_file(&mut self, path: &Path, skip_bad_rows: bool) -> AppResult<String> {
        let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
        if !matches!(ext.as_str(), "xlsx" | "xlsm" | "xls" | "ods" | "csv" | "et") {
            let r = self.store.import_ledger(path)?;
            return Ok(format!("已导入 {} 条记录、{} 个证明材料文件", r.activities, r.files));
        }
        let sheet = xueshi_store::spreadsheet::read_spreadsheet_file(path).map_err(|e| match e {
            StoreError::Spreadsheet(e) => AppError::input(e.to_string()),
            e => e.into(),
        })?;
        let bad = sheet.bad_row_count();
        let activities = sheet.into_result(skip_bad_rows).map_err(|errors| {
            let shown = xueshi_store::spreadsheet::describe_problems(&errors, bad);
            AppError::input(format!(
                "表格中有 {bad} 行有问题，没有导入任何记录。请改正后重新导入，或选择“跳过有问题的行”：\n{shown}"
            ))
        })?;
        let present = self.store.add_activities(&activities)?;
        let mut message = format!("已导入 {} 条记录", activities.len() - present.len());
        if !present.is_empty() {
            message.push_str(&format!("；{} 条以前已导入过，没有重复添加", present.len()));
        }
        if skip_bad_rows && bad > 0 {
            message.push_str(&format!("；跳过了 {bad} 行有问题的行"));
        }
        Ok(message)
    }

    /// What an export of the planned application needs, detached from this session.
    pub fn export_job(&self) -> AppResult<ExportJob> {
        let plan = self.plan()?.ok_or_else(|| AppError::input("请先设置参评计划"))?;
        let selection = self.selection(&plan).ok_or_else(|| AppError::new("rules", "没有适用于参评年度的规则集"))?;
        let rules = self.book.get(&selection.id).cloned().ok_or_else(|| AppError::new("rules", "规则集未能载入"))?;
        let ledger = self.store.ledger()?;
        let assessment = assess(&ledger, &rules, &plan.application)?;
        let a = &plan.application;
        let who = ledger.profile.name.clone().unwrap_or_else(|| "未填写姓名".into());
        Ok(ExportJob {
            suggested_name: format!("学时材料包-{who}-{}年{}.zip", a.year, a.level.label()),
            ledger,
            rules,
            assessment,
            evidence_dir: self.store.data_dir().evidence(),
            font_dir: None,
        })
    }

    /// Switches to the demo data folder: as the user left it, or with `reset` as shipped (the web
    /// view asks first). A `demo` folder this app did not create is refused, never deleted.
    pub fn open_demo(&mut self, reset: bool) -> AppResult<()> {
        if self.demo {
            // Close the demo's database first: its files cannot be deleted while open on Windows.
            self.close_demo()?;
        }
        self.store = crate::demo::open(&crate::demo::folder(&self.home), reset)?;
        self.demo = true;
        Ok(())
    }

    /// Returns from the demo to the user's own folder.
    pub fn close_demo(&mut self) -> AppResult<()> {
        self.store = Store::open(&self.home)?;
        self.demo = false;
        Ok(())
    }
}

fn summary(s: &RuleSet) -> RuleSummary {
    RuleSummary {
        id: s.id.clone(),
        display: s.display_name(),
        doc_number: s.doc_number.clone(),
        governs: s.governs.clone(),
        city: s.city.clone(),
        builtin: s.builtin,
        note: s.note.clone(),
    }
}

/// The first certification period of the application year that has not ended yet.
fn next_deadline(set: &RuleSet, year: i32, today: NaiveDate) -> Option<Deadline> {
    let mut periods: Vec<_> = set
        .periods
        .iter()
        .filter_map(|p| p.dates(year).map(|(from, to)| (from, to, p)))
        .filter(|(_, to, _)| *to >= today)
        .collect();
    periods.sort_by_key(|(_, to, _)| *to);
    let (from, to, p) = periods.into_iter().next()?;
    Some(Deadline {
        who: p.who.clone(),
        from: from.format("%Y-%m-%d").to_string(),
        to: to.format("%Y-%m-%d").to_string(),
        days_left: i32::try_from((to - today).num_days()).unwrap_or(i32::MAX),
        quote: p.quote.clone(),
    })
}

fn material_choices(set: &RuleSet) -> Vec<MaterialChoice> {
    ActivityKind::ALL
        .iter()
        .filter_map(|kind| {
            let rule = set.evidence_for(*kind)?;
            let mut materials: Vec<String> = Vec::new();
            for m in rule.sets.iter().flatten().flatten() {
                if !materials.contains(m) {
                    materials.push(m.clone());
                }
            }
            Some(MaterialChoice { kind: *kind, materials })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn the_next_deadline_is_the_first_period_of_the_year_not_yet_over() {
        let book = RuleBook::builtin().expect("rules");
        let set = book.get("hunan-2021").expect("set");
        let d = next_deadline(set, 2021, day("2021-03-01")).expect("a deadline");
        assert_eq!((d.from.as_str(), d.to.as_str(), d.days_left), ("2021-07-01", "2021-08-31", 183));
        assert!(next_deadline(set, 2021, day("2021-09-01")).is_none(), "all periods of 2021 are over");
    }

    #[test]
    fn opening_evidence_gives_a_read_only_copy_under_its_own_name_and_never_the_vault_file() {
        let dir = std::env::temp_dir().join(format!("xueshi-session-open-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let mut s = Session::open(DataDir::new(&dir)).expect("opens");
        let ledger = Ledger::from_json(
            r#"{"format": "xueshi-ledger", "version": 1, "profile": {}, "activities": [{"id": "2025-001",
                "kind": "training", "title": "研修班", "date": "2025-05-12", "category": "professional", "days": 2}]}"#,
        )
        .expect("ledger");
        s.store.add_activity(&ledger.activities[0]).expect("added");
        let pdf = b"%PDF-1.4\n% certificate\n%%EOF\n";
        let name = "结业证书.pdf";
        let attached =
            s.store.attach_reader("2025-001", &mut &pdf[..], name, Path::new(name), "结业证书").expect("attached");
        let copy = s.evidence_copy(attached.seq).expect("a copy");
        assert_eq!(copy.file_name().and_then(|n| n.to_str()), Some(name));
        assert!(std::fs::metadata(&copy).expect("copy").permissions().readonly());
        assert_ne!(Some(copy.clone()), s.store.blob_path(&attached.sha256));
        assert_eq!(s.evidence_copy(9999).expect_err("no such evidence").message, "没有这份证明材料");
        if let Some(folder) = copy.parent() {
            let _ = std::fs::remove_dir_all(folder);
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_folder_that_opened_for_viewing_only_says_so_in_the_snapshot_and_a_normal_one_does_not() {
        let dir = std::env::temp_dir().join(format!("xueshi-session-read-only-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let home = DataDir::new(&dir);
        let normal = Session::open(home.clone()).expect("opens");
        assert_eq!(normal.snapshot().expect("snapshot").read_only, None);
        drop(normal);
        let options = xueshi_store::Options { read_only: true, ..Default::default() };
        let store = Store::open_with(&home, options).expect("opens for viewing");
        let viewing = Session::with_store(store, home).expect("session");
        let notice = viewing.snapshot().expect("snapshot").read_only.expect("a notice");
        assert!(notice.contains("不能保存修改"), "{notice}");
        drop(viewing);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_material_choices_list_each_material_of_the_alternative_sets_once() {
        let book = RuleBook::builtin().expect("rules");
        let choices = material_choices(book.get("hunan-2026").expect("set"));
        let training = choices.iter().find(|c| c.kind == ActivityKind::Training).expect("training");
        assert_eq!(training.materials.iter().filter(|m| *m == "培训通知").count(), 1);
        assert!(training.materials.contains(&"结业证书".to_owned()), "from the second set");
    }
}
