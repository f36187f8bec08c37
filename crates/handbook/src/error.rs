//! What can stop an operation of the application layer, typed, with a small code that each shell
//! turns into its own reaction (the app's `{code, message}`, the command line's exit status).

use xueshi_core::engine::AssessError;
use xueshi_core::{LedgerError, RuleError};
use xueshi_export::ExportError;
use xueshi_store::StoreError;

/// The kind of failure a shell reacts to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// Something the user typed or chose: they can fix it in the form.
    Input,
    /// No rule set applies, or a rule file is invalid.
    Rules,
    /// A file could not be read or written (held open, missing, no permission).
    File,
    /// The data folder's database or vault (a full disk, a damaged file).
    Storage,
    /// The user stopped it: nothing happened, and nothing is wrong.
    Cancelled,
    /// A defect of the program.
    Internal,
}

/// Why an operation did not happen. Each message is in Chinese and says what to do; the wording
/// that depends on the shell ("用 --rules 指定" or "在“规则”中选择") is the shell's.
#[derive(Debug, thiserror::Error)]
pub enum HandbookError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A record or profile as a form or the command line's flags gave it: worded with the field's
    /// Chinese name (`form::form_message`).
    #[error("{}", crate::form::form_message(.0))]
    Ledger(#[from] LedgerError),
    #[error("规则文件无效：{0}")]
    Rules(#[from] RuleError),
    #[error("{0}")]
    Assess(#[from] AssessError),
    #[error("{0}")]
    Export(#[from] ExportError),
    #[error("找不到所选的规则集（它可能已被删除），请在“规则”中重新选择")]
    UnknownRules(String),
    /// The application year precedes every notice the book holds.
    #[error("{0} 年之前没有收录任何通知，请选择一个规则集")]
    NoRulesForYear(i32),
    #[error("还没有参评计划，请先在“设置”中填写参评计划")]
    NoPlan,
    /// A file of the user's (a rule file, a spreadsheet) could not be read or kept.
    #[error("{0}")]
    File(String),
    #[error("{0}")]
    Input(String),
}

impl HandbookError {
    pub fn input(message: impl Into<String>) -> HandbookError {
        HandbookError::Input(message.into())
    }

    pub fn code(&self) -> ErrorCode {
        match self {
            HandbookError::Store(e) => store_code(e),
            HandbookError::Ledger(_) | HandbookError::Input(_) | HandbookError::NoPlan => ErrorCode::Input,
            HandbookError::Rules(_)
            | HandbookError::Assess(_)
            | HandbookError::UnknownRules(_)
            | HandbookError::NoRulesForYear(_) => ErrorCode::Rules,
            HandbookError::Export(ExportError::Cancelled) => ErrorCode::Cancelled,
            HandbookError::Export(_) | HandbookError::File(_) => ErrorCode::File,
        }
    }
}

fn store_code(e: &StoreError) -> ErrorCode {
    match e {
        StoreError::Ledger(_)
        | StoreError::DuplicateActivity(_)
        | StoreError::Refused(_)
        | StoreError::NotACity(_)
        | StoreError::Spreadsheet(_)
        | StoreError::BadRows(_)
        | StoreError::NoSuchEvidence(_)
        | StoreError::NoSuchActivity(_)
        | StoreError::Exchange(_) => ErrorCode::Input,
        StoreError::Io { .. } | StoreError::FileInUse(_) | StoreError::MissingBlob { .. } => ErrorCode::File,
        _ => ErrorCode::Storage,
    }
}

pub type Result<T, E = HandbookError> = std::result::Result<T, E>;
