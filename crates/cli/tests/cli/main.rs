//! The command line's integration tests, one test binary (a binary per file linked the crate and
//! its dependencies once each: slow on the 2-core CI machine and in the Windows lane). They run the
//! real `xueshi` (`common` starts it, makes data folders and reads its output). A new test file in
//! this folder is one more `mod` line below.

mod common;

mod cli;
mod crash;
mod exchange_cli;
mod export_package;
mod outside_cases;
mod pasted_text;
mod rule_fidelity_cli;
mod same_answer;
mod store_cli;
mod two_programs;
mod unwritable_folder;

/// A test file in this folder without its `mod` line above would be neither built nor run.
#[test]
fn every_test_file_in_this_folder_is_a_module_of_this_binary() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cli");
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
            "tests/cli/{module} is not declared in tests/cli/main.rs: add `{line}`"
        );
    }
}
