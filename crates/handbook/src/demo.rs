//! The demo data folder (“先看看示例”): `<data>/demo`, created with a marker file that proves it is
//! ours. It opens as the user left it; it is deleted and created afresh only when the user asked
//! for that (the web view confirms first), and never when the folder lacks the marker.

use std::path::Path;

use xueshi_core::Ledger;
use xueshi_core::engine::Application;
use xueshi_core::kinds::{ApplicationPath, Level};
use xueshi_store::words::reason;
use xueshi_store::{DataDir, PlannedApplication, Store};

use crate::error::{HandbookError, Result};

/// The demo ledger offered on first run.
const DEMO_LEDGER: &str = include_str!("../../../demo/ledger.json");

/// Written first into a demo folder this app creates; without it the folder is not touched.
const MARKER: &str = "学时手册示例数据.txt";
const MARKER_TEXT: &str = "这个文件夹是学时手册“先看看示例”创建的示例数据，与您自己的记录无关，可以随时删除。\n";

/// The demo folder of the user's data folder `home`.
pub fn folder(home: &DataDir) -> DataDir {
    DataDir::new(home.root().join("demo"))
}

/// Opens the demo in `dir`: as it was left, or created when missing; with `reset`, deleted and
/// created afresh first. A `dir` that exists without the marker is refused and left alone.
pub fn open(dir: &DataDir, reset: bool) -> Result<Store> {
    let root = dir.root();
    if std::fs::symlink_metadata(root).is_err() {
        return create(dir);
    }
    if !is_ours(root) {
        return Err(HandbookError::File(format!(
            "文件夹{}不是学时手册创建的示例数据。为免误删，学时手册没有打开也没有改动它；\
                 如果不再需要它，请自行移走或改名，然后再看示例。",
            xueshi_store::words::place(root)
        )));
    }
    if !reset {
        return Ok(Store::open(dir)?);
    }
    remove(root)?;
    create(dir)
}

/// A real folder (not a link) holding the marker with its text.
fn is_ours(root: &Path) -> bool {
    std::fs::symlink_metadata(root).is_ok_and(|m| m.is_dir())
        && std::fs::read_to_string(root.join(MARKER)).is_ok_and(|text| text == MARKER_TEXT)
}

fn remove(root: &Path) -> Result<()> {
    std::fs::remove_dir_all(root).map_err(|e| {
        HandbookError::File(format!("无法清理示例数据：{}。请关闭正在使用其中文件的程序后重试。", reason(&e)))
    })
}

/// Creates the folder, marks it as ours before anything else, and fills it with the demo ledger;
/// a failure halfway removes the (marked) folder again.
fn create(dir: &DataDir) -> Result<Store> {
    let root = dir.root();
    let io = |e: std::io::Error| HandbookError::File(format!("无法创建示例数据：{}", reason(&e)));
    std::fs::create_dir_all(root).map_err(io)?;
    std::fs::write(root.join(MARKER), MARKER_TEXT).map_err(io)?;
    fill(dir).inspect_err(|_| {
        let _ = std::fs::remove_dir_all(root);
    })
}

fn fill(dir: &DataDir) -> Result<Store> {
    let mut store = Store::open(dir)?;
    let file = dir.root().join("demo-ledger.json");
    std::fs::write(&file, DEMO_LEDGER).map_err(|e| HandbookError::File(format!("无法创建示例数据：{}", reason(&e))))?;
    store.import_ledger(&file)?;
    let ledger = Ledger::from_json(DEMO_LEDGER)?;
    store.set_profile(&ledger.profile)?;
    store.plan_application(&PlannedApplication::new(
        Application::new(2026, Level::AssociateSenior, ApplicationPath::Standard),
        None,
    ))?;
    Ok(store)
}
