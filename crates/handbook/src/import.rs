//! Importing into the open data folder: a ledger file (.json, a folder or a .zip with its evidence)
//! or a spreadsheet (by its extension), with the same caps and policy in both shells.

use std::path::Path;

use xueshi_store::ImportReport;
use xueshi_store::spreadsheet::{SheetImported, is_spreadsheet};

use crate::Handbook;
use crate::error::Result;

/// What an import did; each shell words it.
#[derive(Debug, Clone)]
pub enum Imported {
    /// A ledger, with what it differed in from the data folder's own plans, confirmations,
    /// settings and rule files (kept), in words.
    Ledger(ImportReport, Vec<String>),
    Spreadsheet(SheetImported),
}

impl Handbook {
    /// Imports `path`: a spreadsheet (.xlsx .xlsm .xls .et .ods .csv, see docs/导入模板.md) with bad
    /// rows imports nothing unless `skip_bad_rows` (`StoreError::BadRows` lists them); anything
    /// else is read as a ledger file.
    pub fn import_file(&mut self, path: &Path, skip_bad_rows: bool) -> Result<Imported> {
        if is_spreadsheet(path) {
            Ok(Imported::Spreadsheet(self.store.import_spreadsheet(path, skip_bad_rows)?))
        } else {
            let report = self.store.import_ledger(path)?;
            self.reload_rules_after(&report)?;
            let kept = self.kept_words(&report.kept);
            Ok(Imported::Ledger(report, kept))
        }
    }
}

/// The name offered when saving the import template.
pub const IMPORT_TEMPLATE_NAME: &str = "学时记录导入模板.xlsx";

/// Writes the import template (an .xlsx the importer reads back) to `path`.
pub fn save_import_template(path: &Path) -> Result<()> {
    Ok(xueshi_store::spreadsheet::write_template(path)?)
}

impl Imported {
    /// What was imported, in one or more lines, as both shells say it.
    pub fn summary(&self) -> String {
        match self {
            Imported::Ledger(r, kept) => {
                let mut out = format!("已导入 {} 条记录、{} 个证明材料文件", r.activities, r.files);
                out.push_str(&crate::data_folder::import_extras_lines(r, kept));
                if r.names_only > 0 {
                    out.push_str(&format!("；{} 个证明材料只有文件名（文件未提供）", r.names_only));
                }
                if !r.profile_conflicts.is_empty() {
                    out.push_str(&format!(
                        "\n个人信息中的 {} 与已保存的不同，保留了已保存的",
                        r.profile_conflicts.join("、")
                    ));
                }
                out
            }
            Imported::Spreadsheet(r) => {
                let mut out = format!("已从表格导入 {} 条记录", r.added);
                if r.already_present > 0 {
                    out.push_str(&format!("；{} 条此前已导入，未重复添加", r.already_present));
                }
                if r.skipped_bad_rows > 0 {
                    out.push_str(&format!("；跳过了 {} 行有错误的行", r.skipped_bad_rows));
                }
                if !r.ignored_columns.is_empty() {
                    out.push_str(&format!("\n未导入的列：{}", r.ignored_columns.join("、")));
                }
                if !r.skipped_sheets.is_empty() {
                    out.push_str(&format!("\n没有表头、未导入的工作表：{}", r.skipped_sheets.join("、")));
                }
                out
            }
        }
    }
}
