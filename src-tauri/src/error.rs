//! The one error that crosses the IPC boundary: `{kind, message}`, the message in Chinese and
//! saying what to do.

use serde::Serialize;
use ts_rs::TS;
use xueshi_store::StoreError;

/// What went wrong, for the user, as the web view receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[error("{message}")]
pub struct AppError {
    /// `input` (the user can fix it in the form), `rules`, `storage`, `file`, `dialog`, `internal`.
    pub kind: String,
    pub message: String,
}

impl AppError {
    pub fn new(kind: &str, message: impl Into<String>) -> AppError {
        AppError { kind: kind.to_owned(), message: message.into() }
    }

    pub fn input(message: impl Into<String>) -> AppError {
        AppError::new("input", message)
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> AppError {
        let kind = match &e {
            StoreError::Ledger(_) | StoreError::DuplicateActivity(_) | StoreError::Refused(_) => "input",
            StoreError::Io { .. } => "file",
            _ => "storage",
        };
        AppError::new(kind, e.to_string())
    }
}

impl From<xueshi_core::LedgerError> for AppError {
    fn from(e: xueshi_core::LedgerError) -> AppError {
        AppError::input(e.to_string())
    }
}

impl From<xueshi_core::RuleError> for AppError {
    fn from(e: xueshi_core::RuleError) -> AppError {
        AppError::new("rules", format!("规则文件无效：{e}"))
    }
}

impl From<xueshi_core::engine::AssessError> for AppError {
    fn from(e: xueshi_core::engine::AssessError) -> AppError {
        AppError::new("rules", e.to_string())
    }
}

pub type AppResult<T> = Result<T, AppError>;
