//! The export of all data carries, beside the records and their files, the plans, the yearly
//! confirmations, the settings and the user's rule files, so that moving to a new computer loses
//! nothing; an import into a folder that has its own keeps them and names the differences.

use std::path::Path;

use chrono::NaiveDate;
use xueshi_core::Application;
use xueshi_core::engine::YearSpan;
use xueshi_core::kinds::{ApplicationPath, Level};
use xueshi_store::exchange::{Kept, RuleFile};
use xueshi_store::{DataDir, PlannedApplication, Store, YearConfirmation};

use crate::common::{data_dir, quiet, tree};
use crate::exchange::filled_store;

const OWN_RULES: &str = "id = \"my-2027\"\nname = \"自定规则\"\nissuer = \"某单位\"\ngoverns = [2027]\nextends = \"hunan-2026\"\nsource = \"本单位通知\"\n";

fn plan(year: i32, window: Option<(i32, i32)>, rules: Option<&str>) -> PlannedApplication {
    let mut application = Application::new(year, Level::AssociateSenior, ApplicationPath::Standard);
    application.window = window.map(|(from, to)| YearSpan { from, to });
    PlannedApplication {
        application,
        rules: rules.map(str::to_owned),
        window_source: window.map(|_| "本院2026年职称评审通知".to_owned()),
    }
}

fn confirmation(year: i32, note: &str) -> YearConfirmation {
    YearConfirmation {
        year,
        confirmed: true,
        date: NaiveDate::from_ymd_opt(year + 1, 3, 1),
        note: Some(note.to_owned()),
    }
}

fn write_rule_file(dir: &DataDir, name: &str, text: &str) {
    std::fs::create_dir_all(dir.rules()).expect("rules folder");
    std::fs::write(dir.rules().join(name), text).expect("rule file");
}

/// A store with records and files, two plans, two confirmations, a setting and a rule file.
fn everything(tmp: &Path) -> (DataDir, Store) {
    let (dir, mut store) = filled_store(tmp);
    store.plan_application(&plan(2026, Some((2021, 2025)), None)).expect("planned");
    store.plan_application(&plan(2027, None, Some("my-2027"))).expect("planned");
    store.confirm_year(&confirmation(2023, "人事处已盖章")).expect("confirmed");
    store.confirm_year(&confirmation(2024, "人事处已盖章")).expect("confirmed");
    store.set_setting("upload_limit_mb", "8").expect("set");
    write_rule_file(&dir, "my-2027.toml", OWN_RULES);
    (dir, store)
}

#[test]
fn moving_all_data_to_a_new_computer_through_the_zip_loses_nothing() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (_dir, store) = everything(tmp.path());
    let zip = tmp.path().join("学时手册全部数据.zip");
    let exported = store.export_zip(&zip).expect("exported");
    assert_eq!((exported.extras.plans, exported.extras.confirmations), (2, 2));
    assert_eq!((exported.extras.settings, exported.extras.rule_files), (1, 1));

    let (_t2, new_computer) = data_dir();
    let mut copy = Store::open_with(&new_computer, quiet()).expect("opens");
    let imported = copy.import_ledger(&zip).expect("imported");
    assert_eq!(imported.extras, exported.extras, "everything the export carried was added");
    assert!(imported.kept.is_empty());

    assert_eq!(copy.ledger().expect("ledger"), store.ledger().expect("ledger"));
    assert_eq!(copy.applications().expect("plans"), store.applications().expect("plans"));
    assert_eq!(copy.year_confirmations().expect("c"), store.year_confirmations().expect("c"));
    assert_eq!(copy.settings_all().expect("settings"), store.settings_all().expect("settings"));
    assert_eq!(
        copy.rule_files().expect("rules"),
        vec![RuleFile { name: "my-2027.toml".into(), text: OWN_RULES.into() }]
    );
    assert!(copy.verify().expect("verified").is_ok(), "every evidence file arrived whole");
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    store.export_folder(&a).expect("exported");
    copy.export_folder(&b).expect("exported");
    assert_eq!(tree(&a), tree(&b), "the two data folders export the same bytes");
}

#[test]
fn an_import_into_a_folder_with_its_own_plans_and_settings_keeps_them_and_names_each_difference() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (_dir, store) = everything(tmp.path());
    let folder = tmp.path().join("导出");
    store.export_folder(&folder).expect("exported");

    let (_t2, other) = data_dir();
    let mut here = Store::open_with(&other, quiet()).expect("opens");
    here.plan_application(&plan(2026, Some((2022, 2025)), None)).expect("own plan");
    here.confirm_year(&confirmation(2024, "另一条说明")).expect("own confirmation");
    here.set_setting("upload_limit_mb", "3").expect("own setting");
    write_rule_file(&other, "my-2027.toml", &OWN_RULES.replace("某单位", "另一个单位"));

    let imported = here.import_ledger(&folder).expect("imported");
    assert_eq!(
        imported.kept,
        vec![
            Kept::Plan { year: 2026, level: Level::AssociateSenior },
            Kept::Confirmation { year: 2024 },
            Kept::Setting { key: "upload_limit_mb".into() },
            Kept::RuleFile { name: "my-2027.toml".into() },
        ]
    );
    assert_eq!((imported.extras.plans, imported.extras.confirmations), (1, 1), "the 2027 plan and 2023 are new");
    assert_eq!((imported.extras.settings, imported.extras.rule_files), (0, 0));
    let plans = here.applications().expect("plans");
    assert_eq!(plans[0].application.window, Some(YearSpan { from: 2022, to: 2025 }), "the folder's own plan kept");
    assert_eq!(here.setting("upload_limit_mb").expect("read"), Some("3".into()));
    assert!(here.rule_files().expect("rules")[0].text.contains("另一个单位"));
}

#[test]
fn an_export_whose_rule_file_would_not_load_is_refused_whole() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (_dir, store) = everything(tmp.path());
    let folder = tmp.path().join("导出");
    store.export_folder(&folder).expect("exported");
    std::fs::write(folder.join("rules").join("my-2027.toml"), "id = \"hunan-2026\"\n").expect("spoiled");

    let (_t2, other) = data_dir();
    let mut here = Store::open_with(&other, quiet()).expect("opens");
    let e = here.import_ledger(&folder).expect_err("refused").to_string();
    assert!(e.contains("规则文件“my-2027.toml”无效") && e.contains("未导入任何内容"), "{e}");
    assert!(here.ledger().expect("ledger").activities.is_empty(), "no record added");
    assert!(here.applications().expect("plans").is_empty(), "no plan added");
    assert!(!other.rules().exists(), "no rule file written");
}

#[test]
fn a_rule_file_name_leading_out_of_the_export_is_refused_before_anything_is_read() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (_dir, store) = everything(tmp.path());
    let folder = tmp.path().join("导出");
    store.export_folder(&folder).expect("exported");
    let listing = folder.join("handbook.json");
    let text = std::fs::read_to_string(&listing).expect("read");
    std::fs::write(&listing, text.replace("\"my-2027.toml\"", "\"../../secret.toml\"")).expect("forged");

    let (_t2, other) = data_dir();
    let mut here = Store::open_with(&other, quiet()).expect("opens");
    let e = here.import_ledger(&folder).expect_err("refused").to_string();
    assert!(e.contains("规则文件名") && e.contains("不可用"), "{e}");
    assert!(here.ledger().expect("ledger").activities.is_empty());
}

#[test]
fn a_plain_ledger_without_the_extras_still_imports() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (_dir, store) = everything(tmp.path());
    let folder = tmp.path().join("导出");
    store.export_folder(&folder).expect("exported");
    std::fs::remove_file(folder.join("handbook.json")).expect("removed");

    let (_t2, other) = data_dir();
    let mut here = Store::open_with(&other, quiet()).expect("opens");
    let imported = here.import_ledger(&folder).expect("imported");
    assert_eq!(imported.activities, 18);
    assert_eq!(imported.extras, Default::default());
    assert!(here.applications().expect("plans").is_empty());
}
