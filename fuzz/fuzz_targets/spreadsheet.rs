//! Spreadsheet import (`read_spreadsheet`: XLSX, XLSB, ODS, XLS or CSV told by content): any
//! bytes are either refused, or read into records and row problems. Every problem is a Chinese
//! message; every record read is a valid ledger record (it writes to JSON and reads back the
//! same) that can be assessed without a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;
use xueshi_core::{Activity, ActivityDraft, Ledger};
use xueshi_store::spreadsheet::read_spreadsheet;

mod common;

fuzz_target!(|data: &[u8]| {
    match read_spreadsheet("fuzz.xlsx", data) {
        Ok(import) => {
            for e in &import.errors {
                common::assert_user_message("row problem", &e.to_string());
            }
            for a in &import.activities {
                let serde_json::Value::Object(map) = a.to_json_value() else {
                    panic!("a record's JSON is not an object")
                };
                match Activity::try_from(ActivityDraft::new("fuzz", map.clone())) {
                    Ok(again) => assert_eq!(&again, a, "an imported record read back from its JSON differs"),
                    Err(e) => panic!("an imported record's own JSON is refused: {e}\n{map:?}"),
                }
            }
            let ledger = Ledger { profile: Default::default(), activities: import.activities };
            common::assess_with_builtin_rules(&ledger, data.len());
        }
        Err(e) => common::assert_user_message("read_spreadsheet", &e.to_string()),
    }
});
