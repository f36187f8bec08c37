//! A spreadsheet imported into the store as one step: read with the size cap, parsed, the
//! all-or-skip policy applied, the records added in one transaction.

use std::path::Path;

use super::{RowError, read_spreadsheet_file};
use crate::Store;
use crate::error::{Result, StoreError};

/// What an import of a spreadsheet did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SheetImported {
    /// Records added.
    pub added: usize,
    /// Records whose id was already stored (the same sheet imported before): not added again.
    pub already_present: usize,
    /// Rows with problems that were skipped (only when the user asked to skip them).
    pub skipped_bad_rows: usize,
    /// Headers that match no template column: their cells were not imported.
    pub ignored_columns: Vec<String>,
    /// Worksheets with content but no recognisable header row: not imported.
    pub skipped_sheets: Vec<String>,
}

/// A spreadsheet with bad rows, imported without skipping them: nothing was added. Each shell
/// says how to skip them (a check box, a flag).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("表格中有 {bad_rows} 行有错误，没有导入任何记录")]
pub struct BadRows {
    pub bad_rows: usize,
    /// The problems of the first rows, in file order.
    pub listed: Vec<RowError>,
}

impl BadRows {
    /// The problems, one a line, and how many other rows have problems.
    pub fn problems(&self) -> String {
        super::describe_problems(&self.listed, self.bad_rows)
    }
}

impl Store {
    /// Imports the records of the spreadsheet at `path` (XLSX, XLSM, XLS, ET, ODS, CSV; see
    /// docs/导入模板.md). With bad rows nothing is imported (`StoreError::BadRows`) unless
    /// `skip_bad_rows`; records imported before are not added twice.
    pub fn import_spreadsheet(&mut self, path: &Path, skip_bad_rows: bool) -> Result<SheetImported> {
        let sheet = read_spreadsheet_file(path)?;
        let bad_rows = sheet.bad_row_count();
        let ignored_columns = sheet.ignored_columns.clone();
        let skipped_sheets = sheet.skipped_sheets.clone();
        let activities =
            sheet.into_result(skip_bad_rows).map_err(|listed| StoreError::BadRows(BadRows { bad_rows, listed }))?;
        let present = self.add_activities(&activities)?;
        Ok(SheetImported {
            added: activities.len() - present.len(),
            already_present: present.len(),
            skipped_bad_rows: if skip_bad_rows { bad_rows } else { 0 },
            ignored_columns,
            skipped_sheets,
        })
    }
}

/// Whether `path` is imported as a spreadsheet (by its extension) rather than as a ledger file.
pub fn is_spreadsheet(path: &Path) -> bool {
    let ext = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    SPREADSHEET_EXTENSIONS.contains(&ext.as_str())
}

/// The extensions of the spreadsheets both shells import (and offer in their file dialogs).
pub const SPREADSHEET_EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xls", "et", "ods", "csv"];
