//! 学时手册 core: the domain types, the portable ledger format, the rule files and the assessment
//! engine. Pure: no I/O besides parsing strings; no SQLite, no Tauri.

pub mod cities;
pub mod draft;
pub mod engine;
pub mod field_names;
pub mod fields;
pub mod hours;
pub mod id_number;
pub mod kinds;
pub mod ledger;
pub mod ledger_json;
pub mod review;
pub mod rules;
pub mod text;

pub use draft::ActivityDraft;
pub use engine::{Application, Assessment, YearSpan, assess, year_range};
pub use fields::LedgerError;
pub use hours::Hours;
pub use ledger::{Activity, Detail, Evidence, Ledger, Profile};
pub use rules::{RuleBook, RuleError, RuleSet};
