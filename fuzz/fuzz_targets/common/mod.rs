//! What every fuzz target checks besides "no panic": a refusal is a Chinese message the user can
//! read, and whatever was accepted can be assessed under the rules without panicking.

#![allow(dead_code)]

use std::sync::OnceLock;

use xueshi_core::kinds::{ApplicationPath, Level};
use xueshi_core::{Application, Ledger, RuleBook, RuleSet, assess};

/// The built-in rule book, loaded once per fuzzing process.
pub fn builtin_book() -> &'static RuleBook {
    static BOOK: OnceLock<RuleBook> = OnceLock::new();
    BOOK.get_or_init(|| match RuleBook::builtin() {
        Ok(book) => book,
        Err(e) => panic!("the built-in rules do not load: {e}"),
    })
}

/// The demo ledger (one record of most kinds), to assess under fuzzed rule files.
pub fn demo_ledger() -> &'static Ledger {
    static LEDGER: OnceLock<Ledger> = OnceLock::new();
    LEDGER.get_or_init(|| match Ledger::from_json(include_str!("../../../demo/ledger.json")) {
        Ok(ledger) => ledger,
        Err(e) => panic!("demo/ledger.json does not load: {e}"),
    })
}

/// A message shown to the user: not empty, and with Chinese in it.
pub fn assert_user_message(what: &str, message: &str) {
    assert!(
        message.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{what}: the message has no Chinese: {message:?}"
    );
}

/// Assesses `ledger` under `rules` for every level and path the rules define, for the year `seed`
/// picks in the rules' range. Only panics matter: a missing window is an ordinary refusal.
pub fn assess_everywhere(ledger: &Ledger, rules: &RuleSet, seed: usize) {
    let governs: Vec<i32> = rules.governs.clone();
    let year = if governs.is_empty() { 2024 } else { governs[seed % governs.len()] };
    for level in Level::ALL {
        for path in ApplicationPath::ALL {
            let application = Application::new(year, *level, *path);
            if let Err(e) = assess(ledger, rules, &application) {
                assert_user_message("assess", &e.to_string());
            }
        }
    }
}

/// Assesses `ledger` under the built-in rules the app would pick for it.
pub fn assess_with_builtin_rules(ledger: &Ledger, seed: usize) {
    let book = builtin_book();
    let year = ledger.activities.iter().map(|a| a.year()).max().unwrap_or(2024);
    let city = ledger.profile.city.as_deref();
    if let Some(selection) = book.default_for(year, city)
        && let Some(rules) = book.get(&selection.id)
    {
        assess_everywhere(ledger, rules, seed);
    }
}
