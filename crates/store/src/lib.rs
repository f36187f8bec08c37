//! 学时手册 storage: everything that reads or writes files for the core. One data folder per user
//! holds the SQLite ledger (`ledger.sqlite3`), the evidence vault (`evidence/`) and `backups/`.
//!
//! ```text
//! let store = Store::open(&DataDir::locate(None)?)?;   // moves an old folder once; migrates, backs up, sweeps
//! store.add_activity(&activity)?;                      // one transaction, change-logged
//! let ledger = store.ledger()?;                        // core `Ledger`, ready for `assess`
//! ```

pub mod app_log;
mod backup;
mod error;
pub mod exchange;
mod migrations;
pub mod moving;
mod open;
mod paths;
mod planning;
mod read_only;
mod records;
pub mod relocate;
mod restore_checks;
mod rows;
mod settings;
pub mod spreadsheet;
pub mod vault;
pub mod viewing;

pub use backup::{BackupInfo, BackupReason, RestoreReport};
pub use error::{Refusal, Result, StoreError};
pub use exchange::{ExportReport, ExtrasCount, ImportReport};
pub use migrations::{APPLICATION_ID, MIGRATIONS, latest as latest_schema_version};
pub use open::{DEFAULT_MAX_EVIDENCE_BYTES, OpenReport, Options, Store};
pub use paths::{APP_IDENTIFIER, DATA_DIR_ENV, DataDir};
pub use planning::{Change, PlannedApplication, YearConfirmation};
pub use read_only::ReadOnly;
pub use records::StoredEvidence;
pub use vault::{Attached, FileType, MissingFile, VacuumReport, VerifyReport};
/// How a file and a failed file operation are named in a message (shared with the export).
pub use xueshi_durable::words;
