//! The rule-file loader (a user's `.toml` added to the built-in rule book): any text is either
//! refused with a Chinese message pointing at a line and column inside the file, or becomes a rule
//! set under which the demo ledger is assessed for every level and path without a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut book = common::builtin_book().clone();
    match book.add_file("fuzz.toml", text) {
        Ok(id) => {
            let Some(rules) = book.get(&id) else { panic!("the added rule set {id:?} is not in the book") };
            common::assess_everywhere(common::demo_ledger(), rules, data.len());
        }
        Err(e) => {
            common::assert_user_message("RuleBook::add_file", &e.to_string());
            let lines = text.lines().count().max(1);
            assert!(e.line >= 1 && e.column >= 1, "the error points before the file: {e:?}");
            assert!(e.line <= lines + 1, "the error points after the file's {lines} lines: {e:?}");
        }
    }
});
