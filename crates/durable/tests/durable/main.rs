//! The durable crate's integration tests, one test binary as in every crate: a new test file in
//! this folder is one more `mod` line below. Its only file so far holds Windows tests.

mod held_open_windows;

// The check that every test file of this folder is declared above (shared by every crate).
include!("../../../../tests/every_test_file_is_a_module.rs");
