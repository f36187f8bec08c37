//! The limits that keep a crafted spreadsheet from taking the computer's memory: the file's size,
//! the bytes its ZIP members unpack to (counted while unpacking, never taken from the headers),
//! the rows and columns holding values (checked cell by cell, before any range is allocated),
//! and how many bad rows a message lists.

use std::io::{Cursor, Read};
use std::path::Path;

use calamine::Data;

use super::source::{Cell, Row, Sheet, cell_of};
use super::{RowError, SheetImport, SpreadsheetError};
use crate::error::{StoreError, io};

/// Spreadsheets larger than this are surely not a list of one person's records.
pub const MAX_SPREADSHEET_BYTES: u64 = 64 * 1024 * 1024;
/// Rows and columns a worksheet may use (a career's records fit many times over).
pub const MAX_ROWS: usize = 20_000;
pub const MAX_COLUMNS: usize = 200;
/// What one member of an XLSX/XLSB/ODS file, and all of them together, may unpack to.
pub const MAX_UNPACKED_MEMBER: u64 = 100 * 1024 * 1024;
pub const MAX_UNPACKED_TOTAL: u64 = 200 * 1024 * 1024;
/// Rows with problems kept and listed in a message; the others are counted.
pub const LISTED_BAD_ROWS: usize = 20;

const MIB: u64 = 1024 * 1024;

/// Reads the spreadsheet at `path` (at most [`MAX_SPREADSHEET_BYTES`], counted while reading) and
/// its records: what the app and the command line both call.
pub fn read_spreadsheet_file(path: &Path) -> Result<SheetImport, StoreError> {
    let file = std::fs::File::open(path).map_err(io("读取", path))?;
    let mut bytes = Vec::new();
    file.take(MAX_SPREADSHEET_BYTES + 1).read_to_end(&mut bytes).map_err(io("读取", path))?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    if bytes.len() as u64 > MAX_SPREADSHEET_BYTES {
        return Err(SpreadsheetError::FileTooLarge { file: name, limit_mib: MAX_SPREADSHEET_BYTES / MIB }.into());
    }
    Ok(super::read_spreadsheet(&name, &bytes)?)
}

/// Unpacks every member of the ZIP `bytes` into nothing, counting, and refuses a member over
/// [`MAX_UNPACKED_MEMBER`] or a total over [`MAX_UNPACKED_TOTAL`].
pub(crate) fn check_unpacked_size(file_name: &str, bytes: &[u8]) -> Result<(), SpreadsheetError> {
    let unreadable = |detail: String| SpreadsheetError::Unreadable { file: file_name.to_owned(), detail };
    let too_much = || SpreadsheetError::Unpacked {
        file: file_name.to_owned(),
        member_mib: MAX_UNPACKED_MEMBER / MIB,
        total_mib: MAX_UNPACKED_TOTAL / MIB,
    };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| unreadable(String::new()))?;
    let mut total = 0u64;
    for i in 0..archive.len() {
        let member = archive.by_index(i).map_err(|_| unreadable(String::new()))?;
        let n = std::io::copy(&mut member.take(MAX_UNPACKED_MEMBER + 1), &mut std::io::sink())
            .map_err(|_| unreadable(String::new()))?;
        total += n;
        if n > MAX_UNPACKED_MEMBER || total > MAX_UNPACKED_TOTAL {
            return Err(too_much());
        }
    }
    Ok(())
}

/// Builds a worksheet from its cells as a reader yields them (position, value), refusing a value
/// beyond [`MAX_ROWS`] × [`MAX_COLUMNS`] before storing it. Empty cells (formatting only) are
/// skipped wherever they are.
pub(crate) fn sheet_from_cells(
    name: &str,
    mut next: impl FnMut() -> Result<Option<((u32, u32), Data)>, String>,
    file_name: &str,
) -> Result<Option<Sheet>, SpreadsheetError> {
    let mut grid: Vec<Vec<Cell>> = Vec::new();
    let mut first_row = usize::MAX;
    loop {
        let cell = next().map_err(|_| SpreadsheetError::Unreadable {
            file: file_name.to_owned(),
            detail: format!("中的工作表“{name}”"),
        })?;
        let Some(((row, column), value)) = cell else { break };
        if matches!(value, Data::Empty) {
            continue;
        }
        let (row, column) = (row as usize, column as usize);
        if row >= MAX_ROWS || column >= MAX_COLUMNS {
            return Err(SpreadsheetError::TooBig {
                sheet: Some(name.to_owned()),
                row: row + 1,
                column: column + 1,
                max_rows: MAX_ROWS,
                max_columns: MAX_COLUMNS,
            });
        }
        if grid.len() <= row {
            grid.resize_with(row + 1, Vec::new);
        }
        let cells = &mut grid[row];
        if cells.len() <= column {
            cells.resize(column + 1, Cell::Empty);
        }
        cells[column] = cell_of(&value);
        first_row = first_row.min(row);
    }
    if first_row == usize::MAX {
        return Ok(None);
    }
    let rows = grid.into_iter().enumerate().skip(first_row).map(|(i, cells)| Row { number: i + 1, cells }).collect();
    Ok(Some(Sheet { name: Some(name.to_owned()), rows }))
}

/// Refuses a sheet (a CSV, or a workbook read whole) with more rows or columns than the caps.
pub(crate) fn check_sheet(sheet: &Sheet) -> Result<(), SpreadsheetError> {
    let last_row = sheet.rows.last().map_or(0, |r| r.number);
    let widest = sheet.rows.iter().map(|r| r.cells.iter().rposition(|c| !c.is_empty()).map_or(0, |i| i + 1)).max();
    let widest = widest.unwrap_or(0);
    if last_row > MAX_ROWS || widest > MAX_COLUMNS {
        return Err(SpreadsheetError::TooBig {
            sheet: sheet.name.clone(),
            row: last_row,
            column: widest,
            max_rows: MAX_ROWS,
            max_columns: MAX_COLUMNS,
        });
    }
    Ok(())
}

/// The problems of the first [`LISTED_BAD_ROWS`] bad rows, one a line, and how many other rows
/// have problems (`bad_rows` in all).
pub fn describe_problems(errors: &[RowError], bad_rows: usize) -> String {
    let mut lines: Vec<String> = errors.iter().map(|e| format!("  {e}")).collect();
    let listed = errors.iter().map(|e| (e.sheet.as_deref(), e.row)).collect::<std::collections::BTreeSet<_>>().len();
    if bad_rows > listed {
        lines.push(format!("  ……另有 {} 行有问题", bad_rows - listed));
    }
    lines.join("\n")
}
