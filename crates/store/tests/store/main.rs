//! The store's integration tests, one test binary (a binary per file linked the crate and its
//! dependencies once each: slow on the 2-core CI machine and in the Windows lane). A new test file
//! in this folder is one more `mod` line below; `common` holds the helpers they share.

mod common;

mod awkward_names;
mod backup;
mod exchange;
mod folder_with_space;
mod held_open;
mod hostile_import;
mod read_only;
mod records;
mod relative_ledger_path;
mod restore_checks;
mod rule_fidelity;
mod schema;
mod spreadsheet;
mod spreadsheet_issue9;
mod spreadsheet_limits;
mod stored_hashes;
mod vault;
mod viewing;
mod wal_recovery;

/// A test file in this folder without its `mod` line above would be neither built nor run.
#[test]
fn every_test_file_in_this_folder_is_a_module_of_this_binary() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/store");
    let declared = include_str!("main.rs");
    for entry in std::fs::read_dir(&folder).expect("the test folder").flatten() {
        let path = entry.path();
        let module = match path.extension() {
            Some(ext) if ext == "rs" => path.file_stem(),
            None if path.join("mod.rs").is_file() => path.file_name(),
            _ => None,
        };
        let Some(module) = module.map(|m| m.to_string_lossy().into_owned()) else { continue };
        let line = format!("mod {module};");
        assert!(
            module == "main" || declared.lines().any(|l| l.trim() == line),
            "tests/store/{module} is not declared in tests/store/main.rs: add `{line}`"
        );
    }
}
