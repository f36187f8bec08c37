//! A ledger `.json` given by a bare name (`xueshi import 记录.json` in its folder) finds the files
//! beside it: the folder "" is the current one, not a name leading outside. The test changes the
//! process's current folder, which every test of this binary shares: it does so in a process of
//! its own (`common::in_a_process_of_its_own`).

use std::path::Path;

use crate::common::{data_dir, file, in_a_process_of_its_own, pdf, quiet};
use xueshi_store::Store;

#[test]
fn a_ledger_named_without_its_folder_imports_the_files_beside_it() {
    if !in_a_process_of_its_own(module_path!(), "a_ledger_named_without_its_folder_imports_the_files_beside_it") {
        return;
    }
    let tmp = tempfile::tempdir().expect("tmp");
    file(tmp.path(), "证书.pdf", &pdf("旁边的"));
    let json = r#"{"format":"xueshi-ledger","version":1,"activities":[
        {"id":"r1","kind":"online_course","title":"网课","date":"2024-03-01","category":"public","hours":10,
         "evidence":[{"file":"证书.pdf","material":"结业证书"}]}]}"#;
    file(tmp.path(), "记录.json", json.as_bytes());
    let (_t, dir) = data_dir();
    let mut store = Store::open_with(&dir, quiet()).expect("opens");
    std::env::set_current_dir(tmp.path()).expect("cd");
    let report = store.import_ledger(Path::new("记录.json")).expect("imported");
    assert_eq!(report.files, 1);
}
