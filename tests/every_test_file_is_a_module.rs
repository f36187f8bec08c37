// Included by the `main.rs` of every crate's one integration-test binary
// (`crates/<crate>/tests/<crate>/main.rs`): the check that no test file of that folder is left out.

/// A test file in this folder without its `mod` line in `main.rs` would be neither built nor run.
#[test]
fn every_test_file_in_this_folder_is_a_module_of_this_binary() {
    let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let crate_folder = manifest.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let folder = manifest.join("tests").join(&crate_folder);
    let declared = std::fs::read_to_string(folder.join("main.rs")).expect("the binary's main.rs");
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
            "tests/{crate_folder}/{module} is not declared in tests/{crate_folder}/main.rs: add `{line}`"
        );
    }
}
