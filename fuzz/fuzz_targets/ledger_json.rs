//! The ledger JSON reader (`Ledger::from_json`, used by import, the command line and backups):
//! any text is either refused with a Chinese message naming what is wrong, or read into a ledger
//! that writes back to JSON and reads back the same, and that can be assessed without a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;
use xueshi_core::Ledger;

mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match Ledger::from_json(text) {
        Ok(ledger) => {
            let written = ledger.to_json_pretty();
            match Ledger::from_json(&written) {
                Ok(again) => assert_eq!(again, ledger, "the ledger read back from its own JSON differs"),
                Err(e) => panic!("the ledger's own JSON is refused: {e}\n{written}"),
            }
            common::assess_with_builtin_rules(&ledger, data.len());
        }
        Err(e) => common::assert_user_message("Ledger::from_json", &e.to_string()),
    }
});
