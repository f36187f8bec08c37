//! The store's integration tests, one test binary (a binary per file linked the crate and its
//! dependencies once each: slow on the 2-core CI machine and in the Windows lane). A new test file
//! in this folder is one more `mod` line below; `common` holds the helpers they share.

mod common;

mod all_data;
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

// The check that every test file of this folder is declared above (shared by every crate).
include!("../../../../tests/every_test_file_is_a_module.rs");
