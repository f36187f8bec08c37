//! The command line's integration tests, one test binary (a binary per file linked the crate and
//! its dependencies once each: slow on the 2-core CI machine and in the Windows lane). They run the
//! real `xueshi` (`common` starts it, makes data folders and reads its output). A new test file in
//! this folder is one more `mod` line below.

mod common;

mod cli;
mod crash;
mod evidence_book_cli;
mod exchange_cli;
mod export_package;
mod outside_cases;
mod pasted_text;
mod remind_cli;
mod review_cli;
mod rule_fidelity_cli;
mod same_answer;
mod scan_cli;
mod scan_qr_cli;
mod store_cli;
mod two_programs;
mod unwritable_folder;
mod upload_kit_cli;

// The check that every test file of this folder is declared above (shared by every crate).
include!("../../../../tests/every_test_file_is_a_module.rs");
