//! The reading crate's integration tests, one test binary as in every crate: a new test file in
//! this folder is one more `mod` line below.

mod fields;
mod pdf_text;

// The check that every test file of this folder is declared above (shared by every crate).
include!("../../../../tests/every_test_file_is_a_module.rs");
