//! The export crate's integration tests, one test binary (a binary per file linked the crate and its
//! dependencies once each: slow on the 2-core CI machine and in the Windows lane). A new test file
//! in this folder is one more `mod` line below; `common` holds the helpers they share.

mod common;

mod book_split;
mod evidence_book;
mod file_types;
mod fonts;
mod forged_package;
mod forged_zip;
mod held_open;
mod issue9;
mod leftovers;
mod package;
mod pdf;
mod reproducible;
mod source;
mod summary_alone;
mod upload_kit;
mod verify;
mod xlsx;
mod zip64;

// The check that every test file of this folder is declared above (shared by every crate).
include!("../../../../tests/every_test_file_is_a_module.rs");
