//! The core's integration tests, one test binary (a binary per file linked the crate and its
//! dependencies once each: slow on the 2-core CI machine and in the Windows lane). A new test file
//! in this folder is one more `mod` line below.

mod clauses;
mod engine;
mod identity;
mod ledger_format;
mod pasted_text;
mod properties;
mod review;
mod rule_files;
mod rule_platforms;
mod rulings;

// The check that every test file of this folder is declared above (shared by every crate).
include!("../../../../tests/every_test_file_is_a_module.rs");
