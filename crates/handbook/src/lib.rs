//! 学时手册's application layer, used by both shells (the desktop app in `src-tauri` and the
//! command line `xueshi`): the open data folder with the built-in and the user's rule files, the
//! rule set in force and why, plans, the preview of a record, imports, the export job, checks of
//! the data folder and of a package, and the demo. No Tauri here: the shells parse what the user
//! gave and present what comes back.

mod about;
mod data_folder;
mod demo;
pub mod dto;
mod error;
mod evidence_texts;
mod export_job;
pub mod form;
mod handbook;
mod import;
mod kept_findings;
mod move_folder;
pub mod ocr;
mod package_check;
mod packaged_window;
pub mod pasted;
pub mod plans;
mod preview;
pub mod qr;
pub mod reminder_notice;
pub mod reminders;
pub mod rules;
pub mod scan;
pub mod scan_folder;
pub mod scan_form;
mod settings;
mod snapshot;

pub use about::{About, Component, about};
pub use data_folder::{BackupEntry, ExportedAll};
pub use error::{ErrorCode, HandbookError, Result};
pub use export_job::{EvidenceAt, ExportJob, PackageChoices};
pub use handbook::{Assessed, Handbook, Request};
pub use import::{IMPORT_TEMPLATE_NAME, Imported, save_import_template};
pub use kept_findings::{KeepFinding, NOTE_MAX_CHARS, kept_findings};
pub use move_folder::{MOVED_FOLDER_NAME, move_target};
pub use package_check::{PackageCheck, Records, check_package};
pub use rules::Rules;
pub use settings::{Settings, UPLOAD_LIMIT_MB, ZOOM_PERCENTS, ZoomStep, check_upload_limit, next_zoom};
