//! Turns the bytes of a file into sheets of cells: detects XLSX/XLSB/ODS (zip), XLS/ET (OLE) or CSV
//! text by content, decodes CSV text (UTF-8 with or without BOM, UTF-16 with BOM, else GB18030).

use std::io::Cursor;

use calamine::{Data, Ods, Reader, SheetType, SheetVisible, Xls, Xlsb, Xlsx, XlsxError, open_workbook_from_rs};
use chrono::NaiveDate;

use super::SpreadsheetError;
use super::limits::{MAX_COLUMNS, MAX_ROWS, check_sheet, check_unpacked_size, sheet_from_cells};

/// One cell, reduced to what the import needs.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// A cell formatted as a date or date-time (the time of day is dropped).
    Date(NaiveDate),
    /// A formula error such as `#REF!`, or a value that is not a date although formatted as one.
    Invalid(String),
}

impl Cell {
    pub(crate) fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as the user would read it, for messages and free-text fields.
    pub(crate) fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.trim().to_owned(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => xueshi_core::text::number(*n),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
            Cell::Invalid(t) => t.clone(),
        }
    }
}

/// One row with its number as the user sees it (1-based, as in Excel's row headings).
#[derive(Debug, Clone)]
pub(crate) struct Row {
    pub number: usize,
    pub cells: Vec<Cell>,
}

/// The rows of one worksheet; `name` is `None` for a CSV file.
#[derive(Debug, Clone)]
pub(crate) struct Sheet {
    pub name: Option<String>,
    pub rows: Vec<Row>,
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
const ODS_MIME: &[u8] = b"application/vnd.oasis.opendocument.spreadsheet";

/// Reads every worksheet of the file.
pub(crate) fn read_sheets(file_name: &str, bytes: &[u8]) -> Result<Vec<Sheet>, SpreadsheetError> {
    let unreadable = |detail: String| SpreadsheetError::Unreadable { file: file_name.to_owned(), detail };
    if bytes.starts_with(ZIP_MAGIC) {
        // Before calamine unpacks anything: the headers' sizes are not to be trusted.
        check_unpacked_size(file_name, bytes)?;
        let head = &bytes[..bytes.len().min(128)];
        if head.windows(ODS_MIME.len()).any(|w| w == ODS_MIME) {
            let book = open_workbook_from_rs::<Ods<_>, _>(Cursor::new(bytes)).map_err(|_| unreadable(String::new()))?;
            return workbook_sheets(book, file_name);
        }
        return match open_workbook_from_rs::<Xlsx<_>, _>(Cursor::new(bytes)) {
            Ok(book) => xlsx_sheets(book, file_name),
            Err(_) => match open_workbook_from_rs::<Xlsb<_>, _>(Cursor::new(bytes)) {
                Ok(book) => xlsb_sheets(book, file_name),
                Err(_) => Err(unreadable(String::new())),
            },
        };
    }
    if bytes.starts_with(OLE_MAGIC) {
        let book = open_workbook_from_rs::<Xls<_>, _>(Cursor::new(bytes)).map_err(|_| unreadable(String::new()))?;
        return workbook_sheets(book, file_name);
    }
    let text = decode_text(file_name, bytes)?;
    let start = text.trim_start().get(..200).unwrap_or(text.trim_start());
    let lower = start.to_ascii_lowercase();
    if lower.starts_with("<html") || lower.starts_with("<!doctype") || lower.starts_with("<table") {
        return Err(SpreadsheetError::Html { file: file_name.to_owned() });
    }
    if text.contains('\0') || lower.starts_with("%pdf") {
        return Err(SpreadsheetError::NotASpreadsheet { file: file_name.to_owned() });
    }
    let sheet = csv_sheet(&text, file_name)?;
    check_sheet(&sheet)?;
    Ok(vec![sheet])
}

/// The names of the visible worksheets of a workbook, in workbook order.
fn visible_sheets<RS, R: Reader<RS>>(book: &R) -> Vec<String>
where
    RS: std::io::Read + std::io::Seek,
{
    book.sheets_metadata()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet && s.visible == SheetVisible::Visible)
        .map(|s| s.name.clone())
        .collect()
}

/// Reads the visible worksheets of an XLSX cell by cell (never as a range sized by the sheet's
/// own claims), refusing values beyond the caps as soon as they come.
fn xlsx_sheets<RS: std::io::Read + std::io::Seek>(
    mut book: Xlsx<RS>,
    file_name: &str,
) -> Result<Vec<Sheet>, SpreadsheetError> {
    let mut sheets = Vec::new();
    for name in visible_sheets(&book) {
        let mut reader = match book.worksheet_cells_reader(&name) {
            Ok(r) => r,
            Err(XlsxError::NotAWorksheet(_)) => continue,
            Err(_) => return Err(sheet_unreadable(file_name, &name)),
        };
        let next = || {
            let cell = reader.next_cell().map_err(|e| e.to_string())?;
            Ok(cell.map(|c| (c.get_position(), Data::from(c.get_value().clone()))))
        };
        sheets.extend(sheet_from_cells(&name, next, file_name)?);
    }
    Ok(sheets)
}

/// The same for an XLSB workbook.
fn xlsb_sheets<RS: std::io::Read + std::io::Seek>(
    mut book: Xlsb<RS>,
    file_name: &str,
) -> Result<Vec<Sheet>, SpreadsheetError> {
    let mut sheets = Vec::new();
    for name in visible_sheets(&book) {
        let mut reader = match book.worksheet_cells_reader(&name) {
            Ok(r) => r,
            Err(_) => return Err(sheet_unreadable(file_name, &name)),
        };
        let next = || {
            let cell = reader.next_cell().map_err(|e| e.to_string())?;
            Ok(cell.map(|c| (c.get_position(), Data::from(c.get_value().clone()))))
        };
        sheets.extend(sheet_from_cells(&name, next, file_name)?);
    }
    Ok(sheets)
}

fn sheet_unreadable(file_name: &str, sheet: &str) -> SpreadsheetError {
    SpreadsheetError::Unreadable { file: file_name.to_owned(), detail: format!("中的工作表“{sheet}”") }
}

/// Reads the visible worksheets of a workbook (XLS, ODS: calamine has no cell reader for them),
/// in workbook order.
fn workbook_sheets<RS, R>(mut book: R, file_name: &str) -> Result<Vec<Sheet>, SpreadsheetError>
where
    RS: std::io::Read + std::io::Seek,
    R: Reader<RS>,
    R::Error: std::fmt::Display,
{
    let names = visible_sheets(&book);
    let mut sheets = Vec::with_capacity(names.len());
    for name in names {
        let range = book.worksheet_range(&name).map_err(|_| SpreadsheetError::Unreadable {
            file: file_name.to_owned(),
            detail: format!("中的工作表“{name}”"),
        })?;
        let Some((first_row, first_col)) = range.start() else {
            continue;
        };
        if range.height() > MAX_ROWS || range.width() > MAX_COLUMNS {
            let (rows, columns) = range.end().map_or((0, 0), |(r, c)| (r as usize + 1, c as usize + 1));
            return Err(SpreadsheetError::TooBig {
                sheet: Some(name),
                row: rows,
                column: columns,
                max_rows: MAX_ROWS,
                max_columns: MAX_COLUMNS,
            });
        }
        let rows = range
            .rows()
            .enumerate()
            .map(|(i, cells)| {
                let mut out = vec![Cell::Empty; first_col as usize];
                out.extend(cells.iter().map(cell_of));
                Row { number: first_row as usize + i + 1, cells: out }
            })
            .collect();
        sheets.push(Sheet { name: Some(name), rows });
    }
    Ok(sheets)
}

pub(crate) fn cell_of(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(if *b { "是" } else { "否" }.to_owned()),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(d) if dt.is_datetime() => Cell::Date(d.date()),
            _ => Cell::Invalid(dt.as_f64().to_string()),
        },
        Data::DateTimeIso(s) => {
            let day = s.get(..10).unwrap_or(s);
            NaiveDate::parse_from_str(day, "%Y-%m-%d").map_or_else(|_| Cell::Invalid(s.clone()), Cell::Date)
        }
        Data::DurationIso(s) => Cell::Invalid(s.clone()),
        Data::Error(e) => Cell::Invalid(e.to_string()),
    }
}

/// Decodes CSV text: a BOM decides; otherwise valid UTF-8 is UTF-8 and anything else GB18030, the
/// superset of the GBK that Excel and WPS write on Chinese Windows.
fn decode_text(file_name: &str, bytes: &[u8]) -> Result<String, SpreadsheetError> {
    let (encoding, bom_length) = match encoding_rs::Encoding::for_bom(bytes) {
        Some(found) => found,
        None if std::str::from_utf8(bytes).is_ok() => (encoding_rs::UTF_8, 0),
        None => (encoding_rs::GB18030, 0),
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_length..]);
    if had_errors {
        return Err(SpreadsheetError::Encoding { file: file_name.to_owned() });
    }
    Ok(text.into_owned())
}

/// Parses CSV (or tab-separated) text; rows are numbered as a spreadsheet program shows them: a
/// quoted cell spanning several lines stays one row, and blank lines count. Line ends (CRLF, LF, or
/// the lone CR of old Mac files) become LF first, also inside cells.
fn csv_sheet(text: &str, file_name: &str) -> Result<Sheet, SpreadsheetError> {
    let unreadable = |_: csv::Error| SpreadsheetError::Unreadable { file: file_name.to_owned(), detail: String::new() };
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(guess_delimiter(&text))
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut lines_inside_cells = 0usize;
    for record in reader.records() {
        let record = record.map_err(unreadable)?;
        if rows.len() > MAX_ROWS {
            break; // Refused by `check_sheet`: enough rows are read to say so.
        }
        // The position is where the reader started: before any blank lines it skipped.
        let (line, byte) = record.position().map_or((0, 0), |p| (p.line() as usize, p.byte() as usize));
        let skipped = text.get(byte..).map_or(0, |rest| rest.len() - rest.trim_start_matches('\n').len());
        let number = (line + skipped).saturating_sub(lines_inside_cells).max(rows.len() + 1);
        lines_inside_cells += record.iter().map(|f| f.matches('\n').count()).sum::<usize>();
        // Only the columns within the cap are kept (a line of a million commas stays small); a
        // value beyond it is refused naming its own row and column.
        if let Some(beyond) = record.iter().skip(MAX_COLUMNS).position(|f| !f.trim().is_empty()) {
            return Err(SpreadsheetError::TooBig {
                sheet: None,
                row: number,
                column: MAX_COLUMNS + beyond + 1,
                max_rows: MAX_ROWS,
                max_columns: MAX_COLUMNS,
            });
        }
        let cells = record
            .iter()
            .take(MAX_COLUMNS)
            .map(|f| if f.trim().is_empty() { Cell::Empty } else { Cell::Text(f.to_owned()) })
            .collect();
        rows.push(Row { number, cells });
    }
    Ok(Sheet { name: None, rows })
}

/// A tab when the first lines hold more tabs than commas (Excel's "Unicode text"), else a comma.
fn guess_delimiter(text: &str) -> u8 {
    let head: String = text.lines().take(20).collect();
    if head.matches('\t').count() > head.matches(',').count() { b'\t' } else { b',' }
}
