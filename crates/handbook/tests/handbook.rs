//! The application layer on a temporary data folder: opening evidence, a folder opened for viewing
//! only, the user's rule files, plans made by either shell, imports, 学时汇总表 made to print.

use std::path::Path;

use xueshi_core::Ledger;
use xueshi_core::kinds::{FindingKind, Level};
use xueshi_handbook::dto::PlanDto;
use xueshi_handbook::{Handbook, HandbookError, Imported, Request, ZoomStep};
use xueshi_store::{DataDir, PlannedApplication, Store};

fn folder(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new().prefix(&format!("xueshi-handbook-{name}-")).tempdir().expect("temp dir")
}

fn training(handbook: &mut Handbook) {
    let ledger = Ledger::from_json(
        r#"{"format": "xueshi-ledger", "version": 1, "profile": {}, "activities": [{"id": "2025-001",
            "kind": "training", "title": "研修班", "date": "2025-05-12", "category": "professional", "days": 2}]}"#,
    )
    .expect("ledger");
    handbook.store_mut().add_activity(&ledger.activities[0]).expect("added");
}

fn plan(year: i32, level: &str, rules: Option<&str>) -> PlanDto {
    serde_json::from_value(serde_json::json!({
        "year": year, "level": level, "path": "standard", "rules": rules
    }))
    .expect("plan")
}

#[test]
fn opening_evidence_gives_a_read_only_copy_under_its_own_name_and_never_the_vault_file() {
    let dir = folder("open");
    let mut h = Handbook::open(DataDir::new(dir.path())).expect("opens");
    training(&mut h);
    let pdf = b"%PDF-1.4\n% certificate\n%%EOF\n";
    let name = "结业证书.pdf";
    let attached =
        h.store_mut().attach_reader("2025-001", &mut &pdf[..], name, Path::new(name), "结业证书").expect("attached");
    let copy = h.evidence_copy(attached.seq).expect("a copy");
    assert_eq!(copy.file_name().and_then(|n| n.to_str()), Some(name));
    assert!(std::fs::metadata(&copy).expect("copy").permissions().readonly());
    assert_ne!(Some(copy.clone()), h.store().blob_path(&attached.sha256));
    assert_eq!(h.evidence_copy(9999).expect_err("no such evidence").to_string(), "没有这份证明材料");
    if let Some(viewing) = copy.parent() {
        let _ = std::fs::remove_dir_all(viewing);
    }
}

#[test]
fn a_folder_that_opened_for_viewing_only_says_so_in_the_snapshot_and_a_normal_one_does_not() {
    let dir = folder("read-only");
    let home = DataDir::new(dir.path());
    let normal = Handbook::open(home.clone()).expect("opens");
    assert_eq!(normal.snapshot().expect("snapshot").read_only, None);
    drop(normal);
    let options = xueshi_store::Options { read_only: true, ..Default::default() };
    let viewing = Handbook::open_with(home, options).expect("opens for viewing");
    let notice = viewing.snapshot().expect("snapshot").read_only.expect("a notice");
    assert!(notice.contains("不能保存修改"), "{notice}");
}

const OWN_RULES: &str = "id = \"my-2027\"\nname = \"自定规则\"\nissuer = \"某单位\"\ngoverns = [2027]\nextends = \"hunan-2026\"\nsource = \"本单位通知\"\n";

#[test]
fn a_rule_file_saved_in_the_data_folder_is_in_the_book_of_every_later_opening() {
    let dir = folder("own-rules");
    let source = dir.path().join("own-unit.toml");
    std::fs::write(&source, OWN_RULES).expect("rule file");
    let home = DataDir::new(dir.path().join("data"));
    let id = Handbook::open(home.clone()).expect("opens").add_rule_file(&source).expect("a valid rule file");
    let mut reopened = Handbook::open(home).expect("reopens");
    assert!(reopened.rules().book.get(&id).is_some(), "{id} loads from the data folder");
    reopened.save_plan(&plan(2026, "associate_senior", Some(&id))).expect("a plan naming it");
    let assessed = reopened.assess(&Request::default()).expect("assessed with the user's rules");
    assert_eq!(assessed.rules.id, id);
    assert!(assessed.selection.reason.starts_with("按您选择的"), "{}", assessed.selection.reason);
}

#[test]
fn saving_the_forms_plan_replaces_the_current_plan_and_keeps_plans_made_elsewhere() {
    let dir = folder("plans");
    let mut h = Handbook::open(DataDir::new(dir.path())).expect("opens");
    h.save_plan(&plan(2026, "associate_senior", None)).expect("the form's plan");
    let later = xueshi_core::Application::new(
        2029,
        xueshi_core::kinds::Level::Senior,
        xueshi_core::kinds::ApplicationPath::Standard,
    );
    h.add_plan(&PlannedApplication::new(later, None)).expect("a plan made with the command line");
    h.save_plan(&plan(2027, "associate_senior", None)).expect("the form's plan changed");
    let years: Vec<i32> = h.plans().expect("plans").iter().map(|p| p.application.year).collect();
    assert_eq!(years, [2027, 2029]);
    let err = h.save_plan(&plan(2027, "associate_senior", Some("no-such-set"))).expect_err("unknown set");
    assert!(matches!(err, HandbookError::UnknownRules(_)), "{err}");
}

#[test]
fn a_spreadsheet_with_a_bad_row_imports_nothing_unless_bad_rows_are_skipped_whatever_its_extension_case() {
    let dir = folder("import");
    let csv = dir.path().join("学时.CSV");
    std::fs::write(
        &csv,
        "名称,形式,起止日期,类别,天数\n研修班,培训班,2025-05-12,专业,2\n坏行,培训班,不是日期,专业,1\n",
    )
    .expect("csv");
    let mut h = Handbook::open(DataDir::new(dir.path().join("data"))).expect("opens");
    let err = h.import_file(&csv, false).expect_err("a bad row refuses the import");
    assert!(err.to_string().contains("没有导入任何记录"), "{err}");
    assert_eq!(h.store().activities(None).expect("records").len(), 0);
    let Imported::Spreadsheet(done) = h.import_file(&csv, true).expect("imports the good row") else {
        panic!("read as a spreadsheet")
    };
    assert_eq!((done.added, done.skipped_bad_rows), (1, 1));
}

#[test]
fn the_stored_records_are_assessed_for_the_plan_of_the_year_asked_for() {
    let dir = folder("assess");
    let home = DataDir::new(dir.path());
    let mut store = Store::open(&home).expect("store");
    let app = |year| {
        xueshi_core::Application::new(
            year,
            xueshi_core::kinds::Level::Intermediate,
            xueshi_core::kinds::ApplicationPath::Standard,
        )
    };
    store.plan_application(&PlannedApplication::new(app(2024), None)).expect("plan");
    store.plan_application(&PlannedApplication::new(app(2026), None)).expect("plan");
    drop(store);
    let mut h = Handbook::open(home).expect("opens");
    assert_eq!(h.assess(&Request::default()).expect("current").application.year, 2024);
    let asked = Request { year: Some(2026), ..Request::default() };
    assert_eq!(h.assess(&asked).expect("2026").application.year, 2026);
    let none = Request { year: Some(2030), ..Request::default() };
    assert!(matches!(h.assess(&none).err(), Some(HandbookError::NoPlan)));
}

#[test]
fn the_ledger_read_with_its_evidence_in_one_pass_is_the_ledger_and_the_evidence_read_apart() {
    let dir = folder("one-pass");
    let mut h = Handbook::open(DataDir::new(dir.path())).expect("opens");
    training(&mut h);
    let second = Ledger::from_json(
        r#"{"format": "xueshi-ledger", "version": 1, "profile": {"name": "李老师"}, "activities": [{"id": "2025-002",
            "kind": "paper", "title": "论文", "date": "2025-06-01", "role": "first", "venue": "domestic"}]}"#,
    )
    .expect("ledger");
    h.store_mut().add_activity(&second.activities[0]).expect("added");
    for (activity, name) in [("2025-002", "论文.pdf"), ("2025-001", "结业证书.pdf"), ("2025-002", "刊物封面.jpg")]
    {
        let body = format!("%PDF-1.4\n% {name}\n%%EOF\n");
        h.store_mut()
            .attach_reader(activity, &mut body.as_bytes(), name, Path::new(name), "结业证书")
            .expect("attached");
    }
    let (ledger, evidence) = h.store().ledger_with_evidence().expect("one pass");
    assert_eq!(ledger, h.store().ledger().expect("ledger"));
    assert_eq!(evidence, h.store().all_evidence().expect("evidence"));
    assert_eq!(ledger.activities[1].evidence.len(), 2, "the paper's two files, in the order attached");
}

#[test]
fn a_stored_plan_naming_a_file_path_is_never_read_as_a_rule_file() {
    let dir = folder("plan-path");
    let rule_file = dir.path().join("elsewhere.toml");
    std::fs::write(&rule_file, OWN_RULES).expect("a valid rule file outside the data folder");
    let home = DataDir::new(dir.path().join("data"));
    let mut store = Store::open(&home).expect("store");
    let application = xueshi_core::Application::new(
        2027,
        xueshi_core::kinds::Level::Senior,
        xueshi_core::kinds::ApplicationPath::Standard,
    );
    // As a crafted or restored database could hold it: the plan's rule set is a path.
    store
        .plan_application(&PlannedApplication::new(application, Some(rule_file.display().to_string())))
        .expect("stored");
    drop(store);
    let mut h = Handbook::open(home).expect("opens");
    let err = h.assess(&Request::default()).err().expect("refused");
    assert!(matches!(err, HandbookError::UnknownRules(_)), "{err}");
    let typed = Request { rules: Some(rule_file.display().to_string()), ..Request::default() };
    assert_eq!(h.assess(&typed).expect("a path the user typed is read").rules.id, "my-2027");
}

#[test]
fn the_summary_to_print_is_a_pdf_named_for_the_person_and_application_in_a_folder_of_its_own() {
    let dir = folder("print");
    let mut h = Handbook::open(DataDir::new(dir.path())).expect("opens");
    training(&mut h);
    h.save_plan(&plan(2026, "associate_senior", None)).expect("plan");
    let job = h.export_job(&Request::default()).expect("job");
    let fonts = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fonts");
    let choices = xueshi_handbook::PackageChoices { font_path: Some(fonts), ..Default::default() };
    let first = job.summary_to_view(&choices).expect("printed");
    let second = job.summary_to_view(&choices).expect("printed again");
    for pdf in [&first, &second] {
        assert_eq!(pdf.file_name().and_then(|n| n.to_str()), Some("学时汇总表-未填写姓名-2026年副高级.pdf"));
        assert!(std::fs::read(pdf).expect("written").starts_with(b"%PDF"));
    }
    assert_ne!(first.parent(), second.parent(), "a second print never replaces a PDF a viewer may hold open");
    for pdf in [first, second] {
        if let Some(folder) = pdf.parent() {
            let _ = std::fs::remove_dir_all(folder);
        }
    }
}

#[test]
fn the_first_screen_has_the_dashboards_numbers_without_the_records_and_is_marked_incomplete() {
    let dir = folder("first-screen");
    let mut h = Handbook::open(DataDir::new(dir.path())).expect("opens");
    training(&mut h);
    h.save_plan(&plan(2026, "associate_senior", None)).expect("plan");
    let full = h.snapshot().expect("snapshot");
    let first = h.first_screen().expect("first screen");
    assert!(full.complete && !first.complete);
    let counts: Vec<(i32, u32, u32)> = full.year_counts.iter().map(|c| (c.year, c.records, c.incomplete)).collect();
    assert_eq!(counts, [(2025, 1, 1)], "one training of 2025, without its evidence");
    assert_eq!(first.year_counts, full.year_counts);
    assert!(first.activities.is_empty() && full.activities.len() == 1);
    let (whole, light) = (full.assessment.expect("assessed"), first.assessment.expect("assessed"));
    assert_eq!(light.years, whole.years, "the year cards' numbers are all there");
    assert_eq!((light.compliant, light.missing), (whole.compliant, whole.missing));
    assert!(light.credits.is_empty() && light.evidence.is_empty() && light.records.is_empty());
    assert!(!whole.credits.is_empty() && !whole.evidence.is_empty());
}

#[test]
fn the_pre_review_of_the_stored_records_names_what_a_reviewer_would_question_under_the_plan_in_force() {
    let dir = folder("review");
    let mut h = Handbook::open(DataDir::new(dir.path())).expect("opens");
    training(&mut h);
    assert_eq!(h.review_plan().expect("no plan, nothing to review"), []);
    h.save_plan(&plan(2026, "associate_senior", None)).expect("plan");
    let findings = h.review(&Request::default()).expect("reviewed");
    assert_eq!(h.review_plan().expect("the plan's review"), findings);
    let kinds: Vec<FindingKind> = findings.iter().map(|f| f.kind).collect();
    assert_eq!(kinds, [FindingKind::YearWithoutEvidence], "{findings:?}");
    assert_eq!((findings[0].year, findings[0].records.as_slice()), (Some(2025), &["2025-001".to_owned()][..]));
    let later = Request { year: Some(2032), level: Some(Level::Senior), ..Request::default() };
    let outside = h.review(&later).expect("reviewed for a later application");
    assert_eq!(outside.iter().map(|f| f.kind).collect::<Vec<_>>(), [FindingKind::OutsideWindow], "{outside:?}");
}

#[test]
fn the_upload_limit_defaults_to_5_mb_is_kept_and_one_outside_1_to_100_is_refused() {
    let dir = folder("settings");
    let home = DataDir::new(dir.path());
    let mut h = Handbook::open(home.clone()).expect("opens");
    assert_eq!(h.settings().expect("settings").upload_limit_mb, 5);
    h.save_settings(&xueshi_handbook::Settings { upload_limit_mb: 12, ..Default::default() }).expect("saved");
    for refused in [0, 101] {
        let err = h
            .save_settings(&xueshi_handbook::Settings { upload_limit_mb: refused, ..Default::default() })
            .expect_err("refused");
        assert!(err.to_string().contains("1 到 100 MB"), "{err}");
    }
    drop(h);
    let h = Handbook::open(home).expect("opens again");
    assert_eq!(h.snapshot().expect("snapshot").settings.upload_limit_mb, 12);
}

#[test]
fn the_zoom_starts_at_100_percent_steps_and_is_there_again_at_the_next_start() {
    let dir = folder("zoom");
    let home = DataDir::new(dir.path());
    let mut h = Handbook::open(home.clone()).expect("opens");
    assert_eq!(h.settings().expect("settings").zoom_percent, 100);
    assert_eq!(h.zoom(ZoomStep::In).expect("larger"), 110);
    assert_eq!(h.zoom(ZoomStep::In).expect("larger"), 125);
    assert_eq!(h.zoom(ZoomStep::Out).expect("smaller"), 110);
    h.save_settings(&xueshi_handbook::Settings { upload_limit_mb: 7, ..h.settings().expect("settings") })
        .expect("saved");
    drop(h);
    let mut h = Handbook::open(home).expect("opens again");
    let settings = h.snapshot().expect("snapshot").settings;
    assert_eq!((settings.zoom_percent, settings.upload_limit_mb), (110, 7));
    assert_eq!(h.zoom(ZoomStep::Reset).expect("back"), 100);
}

#[test]
fn a_certificate_pdf_that_names_someone_else_is_flagged_by_the_pre_review_read_once_until_the_profile_is_theirs() {
    let dir = folder("identity");
    let mut h = Handbook::open(DataDir::new(dir.path())).expect("opens");
    training(&mut h);
    h.save_plan(&plan(2026, "associate_senior", None)).expect("plan");
    let certificate = include_bytes!("../../../tests/fixtures/certificate-stsong.pdf");
    let name = "结业证书.pdf";
    let attached = h
        .store_mut()
        .attach_reader("2025-001", &mut &certificate[..], name, Path::new(name), "结业证书")
        .expect("attached");
    let profile = |name: &str, id: &str| xueshi_core::Profile {
        name: Some(name.to_owned()),
        id_number: Some(id.to_owned()),
        ..xueshi_core::Profile::default()
    };
    h.store_mut().set_profile(&profile("李四", "430103199001011234")).expect("profile");
    let identity = |findings: Vec<xueshi_core::review::Finding>| -> Vec<(FindingKind, String)> {
        findings
            .into_iter()
            .filter(|f| matches!(f.kind, FindingKind::EvidenceNameMismatch | FindingKind::EvidenceIdMismatch))
            .map(|f| (f.kind, f.message))
            .collect()
    };
    let found = identity(h.review_plan().expect("reviewed"));
    let kinds: Vec<FindingKind> = found.iter().map(|(k, _)| *k).collect();
    assert_eq!(kinds, [FindingKind::EvidenceNameMismatch, FindingKind::EvidenceIdMismatch], "{found:?}");
    assert!(found[0].1.contains("“结业证书.pdf”上写的姓名是“王晓梅”，个人信息中是“李四”"), "{}", found[0].1);
    assert!(found[1].1.contains("上的身份证号是 430102********1237"), "{}", found[1].1);
    // Read once a session: the dashboard's next 预审 does not open the file again.
    std::fs::remove_file(xueshi_store::vault::blob_path(&DataDir::new(dir.path()).evidence(), &attached.sha256))
        .expect("the vault's copy removed");
    assert_eq!(identity(h.review_plan().expect("reviewed from what was read")), found);
    h.store_mut().set_profile(&profile("王晓梅", "430102198805161237")).expect("profile corrected");
    assert_eq!(identity(h.review_plan().expect("reviewed again")), []);
}

#[test]
fn moving_the_data_folder_goes_on_there_with_every_record_and_file_and_into_a_new_folder_inside_a_busy_one() {
    let dir = folder("move");
    let base = dir.path().join("AppData");
    let mut h = Handbook::open(DataDir::find_in(&base).dir).expect("opens");
    training(&mut h);
    let pdf = b"%PDF-1.4\n% certificate\n%%EOF\n";
    let attached = h
        .store_mut()
        .attach_reader("2025-001", &mut &pdf[..], "结业证书.pdf", Path::new("结业证书.pdf"), "结业证书")
        .expect("attached");
    let drive = dir.path().join("D盘");
    std::fs::create_dir_all(&drive).expect("a drive with files");
    std::fs::write(drive.join("别的文件.txt"), "x").expect("file");

    let moved = h.move_data_folder(&drive).expect("moved");
    assert_eq!(moved, drive.join(xueshi_handbook::MOVED_FOLDER_NAME));
    assert_eq!(h.data_folder(), moved);
    assert_eq!(h.snapshot().expect("snapshot").activities.len(), 1);
    let copy = h.evidence_copy(attached.seq).expect("the evidence opens from the new folder");
    assert_eq!(std::fs::read(&copy).expect("read"), pdf);
    drop(h);
    assert_eq!(DataDir::find_in(&base).dir.root(), moved, "the next start opens it");
    assert!(!base.join(xueshi_store::APP_IDENTIFIER).join("ledger.sqlite3").exists(), "the old data is gone");
    if let Some(viewing) = copy.parent() {
        let _ = std::fs::remove_dir_all(viewing);
    }
}

#[test]
fn the_demo_is_not_moved() {
    let dir = folder("move-demo");
    let base = dir.path().join("AppData");
    let mut h = Handbook::open(DataDir::find_in(&base).dir).expect("opens");
    h.open_demo(false).expect("the demo");
    let refused = h.move_data_folder(&dir.path().join("新")).expect_err("refused");
    assert_eq!(refused.to_string(), "正在看示例：请先点“退出示例”，再移动自己的数据文件夹");
}
