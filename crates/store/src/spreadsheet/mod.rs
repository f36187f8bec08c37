//! Importing activity records from a spreadsheet (XLSX, XLS, ODS or CSV) laid out as in
//! `docs/导入模板.md`: one record a row, under a header row of Chinese column names.
//!
//! Pure over bytes: the caller reads the file. Every bad cell becomes a [`RowError`] naming the row
//! as the user sees it and the column by its header; [`SheetImport::into_result`] applies the policy
//! that nothing is imported unless the user asks to skip the bad rows.
//!
//! Rows without an 编号 get the id `import-` + the first 16 hex digits of the SHA-256 of the
//! record's ledger JSON without its id. The id depends only on what the row says (not on its
//! position, nor on how a date was typed), so importing the same file again gives the same ids and
//! the store can recognise records it already has. Identical rows in one file get `-2`, `-3`….

mod dates;
mod detail;
mod header;
mod import;
mod limits;
mod row;
mod source;
mod template;
#[cfg(test)]
mod tests;
mod vocab;

use std::collections::{BTreeMap, BTreeSet};

use sha2::{Digest, Sha256};
use xueshi_core::Activity;

use self::row::Outcome;

pub use self::import::{BadRows, SPREADSHEET_EXTENSIONS, SheetImported, is_spreadsheet};
pub use self::limits::{
    LISTED_BAD_ROWS, MAX_COLUMNS, MAX_ROWS, MAX_SPREADSHEET_BYTES, MAX_UNPACKED_MEMBER, MAX_UNPACKED_TOTAL,
    describe_problems, read_spreadsheet_file,
};
pub use self::template::{INSTRUCTIONS_SHEET, TEMPLATE_SHEET, write_template};

/// Why a file could not be read at all (as opposed to a bad row).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpreadsheetError {
    #[error(
        "无法读取表格文件“{file}”{detail}（文件可能已损坏或设置了打开密码）。请用 Excel 或 WPS 打开它，另存为 .xlsx 文件后再导入"
    )]
    Unreadable { file: String, detail: String },
    #[error("“{file}”不是表格文件：请选择 .xlsx、.xls、.ods 或 .csv 文件")]
    NotASpreadsheet { file: String },
    #[error("“{file}”实际是网页格式，不是表格：请用 Excel 或 WPS 打开后另存为 .xlsx 文件再导入")]
    Html { file: String },
    #[error("无法识别“{file}”的文字编码：请用 Excel 或 WPS 打开它，另存为 .xlsx 文件后再导入")]
    Encoding { file: String },
    #[error("在“{file}”中找不到表头行：前 30 行中应有一行写着“名称”“形式”“起止日期”等列名（见导入模板）")]
    NoHeader { file: String },
    #[error("{}的表头（第 {row} 行）缺少必需的列：{}", sheet_prefix(.sheet), .missing.join("、"))]
    MissingColumns { sheet: Option<String>, row: usize, missing: Vec<String> },
    #[error("“{file}”超过 {limit_mib} MB，不像是学时记录表：请只保留学时记录，另存后再导入")]
    FileTooLarge { file: String, limit_mib: u64 },
    #[error(
        "“{file}”解压后的内容过大（某一部分超过 {member_mib} MB，或合计超过 {total_mib} MB），不像是学时记录表，没有读取"
    )]
    Unpacked { file: String, member_mib: u64, total_mib: u64 },
    #[error(
        "{}太大：第 {row} 行第 {column} 列还有内容，学时记录表最多 {max_rows} 行、{max_columns} 列。请删去多余的行和列（或把记录复制到一个新表格）后再导入",
        sheet_prefix(.sheet)
    )]
    TooBig { sheet: Option<String>, row: usize, column: usize, max_rows: usize, max_columns: usize },
}

fn sheet_prefix(sheet: &Option<String>) -> String {
    sheet.as_ref().map_or_else(|| "表格".to_owned(), |s| format!("工作表“{s}”"))
}

/// A problem with one cell (or one row), to show to the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.describe())]
pub struct RowError {
    /// The worksheet's name; `None` for a CSV file.
    pub sheet: Option<String>,
    /// The row number as the spreadsheet program shows it (1-based, title rows included).
    pub row: usize,
    /// The column's header as written in the file (or the template's name for a missing column).
    pub column: Option<String>,
    pub message: String,
}

impl RowError {
    fn describe(&self) -> String {
        let mut out = String::new();
        if let Some(sheet) = &self.sheet {
            out.push_str(&format!("工作表“{sheet}”"));
        }
        out.push_str(&format!("第 {} 行", self.row));
        if let Some(column) = &self.column {
            out.push_str(&format!("“{column}”列"));
        }
        out.push_str(&format!("：{}", self.message));
        out
    }
}

/// What a spreadsheet gave: the good records and the problems of the bad rows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SheetImport {
    /// Valid records, in file order.
    pub activities: Vec<Activity>,
    /// Problems, in file order; a row may have several.
    pub errors: Vec<RowError>,
    /// Headers that match no template column: their cells were not imported.
    pub ignored_columns: Vec<String>,
    /// Worksheets with content but no recognisable header row: not imported.
    pub skipped_sheets: Vec<String>,
    /// Rows with at least one problem; `errors` holds those of the first [`LISTED_BAD_ROWS`].
    bad_rows: usize,
}

impl SheetImport {
    /// The policy: with any bad row nothing is imported (`Err` with every problem), unless the user
    /// asked to skip the bad rows, in which case the good records are returned.
    pub fn into_result(self, skip_bad_rows: bool) -> Result<Vec<Activity>, Vec<RowError>> {
        if self.errors.is_empty() || skip_bad_rows { Ok(self.activities) } else { Err(self.errors) }
    }

    /// How many rows have at least one problem (more than `errors` lists when there are many).
    pub fn bad_row_count(&self) -> usize {
        self.bad_rows
    }
}

/// Reads the records of a spreadsheet file. The format is told by content, not by `file_name`
/// (used in messages only): zip → XLSX/XLSB/ODS, OLE → XLS (and WPS .et), otherwise CSV text in
/// UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK.
///
/// Every visible worksheet with a header row is read; the header is the first of the first 30 rows
/// naming at least three template columns, so title rows above it are skipped.
pub fn read_spreadsheet(file_name: &str, bytes: &[u8]) -> Result<SheetImport, SpreadsheetError> {
    let sheets = source::read_sheets(file_name, bytes)?;
    let mut import = SheetImport::default();
    let mut pending = Vec::new();
    let mut found_header = false;
    for sheet in &sheets {
        let Some((index, header)) = header::find_header(&sheet.rows) else {
            let has_content = sheet.rows.iter().any(|r| r.cells.iter().any(|c| !c.is_empty()));
            if let (Some(name), true) = (&sheet.name, has_content) {
                import.skipped_sheets.push(name.clone());
            }
            continue;
        };
        found_header = true;
        let missing = header::missing_columns(&header);
        if !missing.is_empty() {
            return Err(SpreadsheetError::MissingColumns {
                sheet: sheet.name.clone(),
                row: header.row,
                missing: missing.into_iter().map(str::to_owned).collect(),
            });
        }
        for ignored in &header.ignored {
            if !import.ignored_columns.contains(ignored) {
                import.ignored_columns.push(ignored.clone());
            }
        }
        for data_row in &sheet.rows[index + 1..] {
            match row::read_row(&header, data_row, sheet.name.as_deref()) {
                Outcome::Blank => {}
                Outcome::Errors(errors) => {
                    // Only the first rows' problems are kept (sorted and cut below); the rest are counted.
                    if import.bad_rows < LISTED_BAD_ROWS {
                        import.errors.extend(errors);
                    }
                    import.bad_rows += 1;
                }
                Outcome::Activity { activity, generated_id } => {
                    pending.push((*activity, generated_id, sheet.name.clone(), data_row.number))
                }
            }
        }
    }
    if !found_header {
        return Err(SpreadsheetError::NoHeader { file: file_name.to_owned() });
    }
    assign_ids(pending, &mut import);
    // Duplicate 编号 were found last: put every problem back in file order.
    let sheet_index = |name: &Option<String>| sheets.iter().position(|s| &s.name == name);
    import.errors.sort_by_key(|e| (sheet_index(&e.sheet), e.row));
    let mut listed = BTreeSet::new();
    import.errors.retain(|e| {
        listed.insert((e.sheet.clone(), e.row));
        listed.len() <= LISTED_BAD_ROWS
    });
    Ok(import)
}

/// Gives generated ids to rows without 编号, and refuses an 编号 used twice.
fn assign_ids(pending: Vec<(Activity, bool, Option<String>, usize)>, import: &mut SheetImport) {
    let given: BTreeSet<String> =
        pending.iter().filter(|(_, generated, ..)| !generated).map(|(a, ..)| a.id.clone()).collect();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (mut activity, generated, sheet, row) in pending {
        if generated {
            let base = content_id(&activity);
            let mut id = base.clone();
            let mut n = 1;
            while seen.contains_key(&id) || given.contains(&id) {
                n += 1;
                id = format!("{base}-{n}");
            }
            activity.id = id;
        } else if let Some(first) = seen.get(&activity.id) {
            import.bad_rows += 1;
            import.errors.push(RowError {
                sheet,
                row,
                column: Some("编号".to_owned()),
                message: format!("编号“{}”与第 {first} 行重复", activity.id),
            });
            continue;
        }
        seen.insert(activity.id.clone(), row);
        import.activities.push(activity);
    }
}

/// `import-` and 16 hex digits of the SHA-256 of the record's JSON without its id.
fn content_id(activity: &Activity) -> String {
    let mut value = activity.to_json_value();
    if let Some(map) = value.as_object_mut() {
        map.remove("id");
    }
    let digest = Sha256::digest(value.to_string().as_bytes());
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    format!("import-{hex}")
}
