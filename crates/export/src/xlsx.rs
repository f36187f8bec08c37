//! 学时汇总表.xlsx for Excel and WPS: sheets 汇总 (person, application, yearly totals), 明细 (every
//! record per year with the year's total) and 材料 (the evidence files of the package, and what
//! incomplete records still lack). Totals are written as values (formulas would be saved with a
//! result of 0), column widths are set from the text (autofit under-sizes Chinese), and the
//! default font is 等线.

use chrono::Datelike;
use rust_xlsxwriter::{
    ColNum, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, RowNum, Workbook, Worksheet, XlsxError,
};

use crate::error::ExportError;
use crate::manifest::ManifestFile;
use crate::report::ReportData;

/// Widest column, in Excel character units; longer text wraps.
const MAX_WIDTH: f64 = 48.0;

struct Styles {
    title: Format,
    label: Format,
    header: Format,
    cell: Format,
    wrap: Format,
    number: Format,
    total: Format,
    total_number: Format,
}

impl Styles {
    fn new() -> Styles {
        let base = Format::new().set_font_name("等线").set_font_size(10.5).set_align(FormatAlign::VerticalCenter);
        let boxed = base.clone().set_border(FormatBorder::Thin);
        Styles {
            title: base.clone().set_font_size(16).set_bold(),
            label: boxed.clone().set_background_color(0xEDEDED),
            header: boxed.clone().set_bold().set_background_color(0xEDEDED).set_align(FormatAlign::Center),
            cell: boxed.clone(),
            wrap: boxed.clone().set_text_wrap(),
            number: boxed.clone().set_num_format("0.##").set_align(FormatAlign::Right),
            total: boxed.clone().set_bold().set_background_color(0xF7F7F7),
            total_number: boxed.set_bold().set_background_color(0xF7F7F7).set_num_format("0.##"),
        }
    }
}

/// Display width of text in Excel character units: a CJK (full-width) character takes two.
/// Characters an Excel cell holds at most; longer text makes the whole workbook fail.
const CELL_CHARS: usize = 32_767;
const CUT_NOTE: &str = "……（内容过长，以下从略，全文见学时汇总表 PDF）";

/// `text` as it fits in one cell: cut, with a note saying so, when it is longer than Excel allows
/// (a record with hundreds of attached materials lists them all in one cell).
fn fit_cell(text: &str) -> std::borrow::Cow<'_, str> {
    let keep = CELL_CHARS - CUT_NOTE.chars().count();
    match text.char_indices().nth(CELL_CHARS) {
        None => std::borrow::Cow::Borrowed(text),
        Some(_) => {
            let end = text.char_indices().nth(keep).map_or(text.len(), |(i, _)| i);
            std::borrow::Cow::Owned(format!("{}{CUT_NOTE}", &text[..end]))
        }
    }
}

fn text_width(text: &str) -> f64 {
    text.lines()
        .map(|line| line.chars().map(|c| if u32::from(c) >= 0x2E80 { 2.0 } else { 1.1 }).sum::<f64>())
        .fold(0.0, f64::max)
}

/// A worksheet that remembers the widest text of each column.
struct Sheet<'w> {
    ws: &'w mut Worksheet,
    widths: Vec<f64>,
}

impl<'w> Sheet<'w> {
    fn new(ws: &'w mut Worksheet, name: &str) -> Result<Sheet<'w>, XlsxError> {
        ws.set_name(name)?;
        ws.set_paper_size(9); // A4
        Ok(Sheet { ws, widths: Vec::new() })
    }

    fn grow(&mut self, col: ColNum, width: f64) {
        let i = usize::from(col);
        if self.widths.len() <= i {
            self.widths.resize(i + 1, 0.0);
        }
        self.widths[i] = self.widths[i].max(width);
    }

    fn text(&mut self, row: RowNum, col: ColNum, text: &str, format: &Format) -> Result<(), XlsxError> {
        let text = fit_cell(text);
        let text = text.as_ref();
        self.ws.write_string_with_format(row, col, text, format)?;
        self.grow(col, text_width(text));
        Ok(())
    }

    fn number(&mut self, row: RowNum, col: ColNum, value: f64, format: &Format) -> Result<(), XlsxError> {
        self.ws.write_number_with_format(row, col, value, format)?;
        self.grow(col, 6.0);
        Ok(())
    }

    fn row(&mut self, row: RowNum, cells: &[&str], format: &Format) -> Result<(), XlsxError> {
        for (col, text) in (0..).zip(cells) {
            self.text(row, col, text, format)?;
        }
        Ok(())
    }

    /// Sets every column's width from its text, capped; the title row is not measured.
    fn finish(self) -> Result<(), XlsxError> {
        for (col, width) in (0..).zip(self.widths) {
            self.ws.set_column_width(col, (width + 2.0).clamp(6.0, MAX_WIDTH))?;
        }
        Ok(())
    }
}

/// The workbook as bytes. `files` are the package's evidence files (for the 材料 sheet).
pub fn render_xlsx(report: &ReportData, files: &[ManifestFile]) -> Result<Vec<u8>, ExportError> {
    build(report, files).map_err(|e| ExportError::Spreadsheet(e.to_string()))
}

fn build(report: &ReportData, files: &[ManifestFile]) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let day = report.made_on;
    let part = |v: u32| u8::try_from(v).unwrap_or(1);
    let created =
        ExcelDateTime::from_ymd(u16::try_from(day.year()).unwrap_or(1980), part(day.month()), part(day.day()))?;
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let default = Format::new().set_font_name("等线").set_font_size(11).set_font_charset(134);
    workbook.set_default_format(&default, 19, 72)?;
    let s = Styles::new();
    summary_sheet(Sheet::new(workbook.add_worksheet(), "汇总")?, report, &s)?;
    detail_sheet(Sheet::new(workbook.add_worksheet(), "明细")?, report, &s)?;
    evidence_sheet(Sheet::new(workbook.add_worksheet(), "材料")?, report, files, &s)?;
    workbook.save_to_buffer()
}

fn summary_sheet(mut sh: Sheet<'_>, r: &ReportData, s: &Styles) -> Result<(), XlsxError> {
    sh.ws.write_string_with_format(0, 0, &r.title, &s.title)?;
    sh.ws.set_row_height(0, 24)?;
    let p = &r.person;
    let a = &r.application;
    let pairs: [(&str, &str); 11] = [
        ("姓名", &p.name),
        ("身份证号", &p.id_number),
        ("工作单位", &p.employer),
        ("现职称", &p.current_title),
        ("现职称取得时间", &p.title_date),
        ("登记证书编号", &p.certificate_number),
        ("参评年度", &a.year),
        ("参评级别", &a.level),
        ("参评途径", &a.path),
        ("认定年度", &a.window),
        ("适用规则", &r.rules.display),
    ];
    let mut row: RowNum = 2;
    for (label, value) in pairs {
        sh.text(row, 0, label, &s.label)?;
        sh.ws.merge_range(row, 1, row, 5, value, &s.cell)?;
        row += 1;
    }
    sh.text(row, 0, "年度要求", &s.label)?;
    sh.ws.merge_range(row, 1, row, 5, &r.rules.requirement, &s.wrap)?;
    sh.ws.set_row_height(row, 30)?;
    row += 2;
    sh.row(row, &["年度", "公需科目（学时）", "专业科目（学时）", "合计（学时）", "年度要求", "结论"], &s.header)?;
    for y in &r.years {
        row += 1;
        sh.text(row, 0, &y.year.to_string(), &s.cell)?;
        for (col, value) in (1..).zip(y.numbers) {
            sh.number(row, col, value, &s.number)?;
        }
        sh.text(row, 4, &y.required, &s.cell)?;
        sh.text(row, 5, &y.status, &s.cell)?;
    }
    row += 2;
    sh.ws.write_string_with_format(row, 0, format!("认定结论：{}", r.conclusion), &s.total)?;
    for note in &r.notes {
        row += 1;
        sh.ws.write_string(row, 0, format!("说明：{note}"))?;
    }
    sh.ws.write_string(row + 2, 0, format!("制表日期：{}（{}）", r.date, r.generator))?;
    sh.finish()
}

fn detail_sheet(mut sh: Sheet<'_>, r: &ReportData, s: &Styles) -> Result<(), XlsxError> {
    let header =
        ["年度", "序号", "日期", "内容", "形式", "施教机构", "类别", "学时", "折算依据", "记录编号", "记录说明"];
    sh.row(0, &header, &s.header)?;
    sh.ws.set_freeze_panes(1, 0)?;
    let mut row: RowNum = 0;
    for y in &r.years {
        let year = y.year.to_string();
        for (i, item) in y.rows.iter().enumerate() {
            row += 1;
            let number = (i + 1).to_string();
            let cells = [&year, &number, &item.date, &item.title, &item.kind, &item.provider, &item.category];
            for (col, text) in (0..).zip(cells) {
                let format = if col == 3 { &s.wrap } else { &s.cell };
                sh.text(row, col, text, format)?;
            }
            match item.hours_number {
                Some(h) => sh.number(row, 7, h, &s.number)?,
                None => sh.text(row, 7, &item.hours, &s.cell)?,
            }
            sh.text(row, 8, &item.basis, &s.wrap)?;
            sh.text(row, 9, &item.id, &s.cell)?;
            sh.text(row, 10, &item.remark, &s.wrap)?;
        }
        row += 1;
        let total = format!(
            "{} 年度合计：公需科目 {} 学时，专业科目 {} 学时；要求 {}；{}",
            y.year, y.public, y.professional, y.required, y.status
        );
        sh.ws.write_string_with_format(row, 0, &year, &s.total)?;
        sh.ws.merge_range(row, 1, row, 6, &total, &s.total)?;
        sh.ws.write_number_with_format(row, 7, y.numbers[2], &s.total_number)?;
        sh.ws.merge_range(row, 8, row, 10, "", &s.total)?;
    }
    sh.finish()
}

fn evidence_sheet(mut sh: Sheet<'_>, r: &ReportData, files: &[ManifestFile], s: &Styles) -> Result<(), XlsxError> {
    sh.row(0, &["记录编号", "材料", "原文件名", "包内路径", "大小（字节）", "SHA-256"], &s.header)?;
    sh.ws.set_freeze_panes(1, 0)?;
    let mut row: RowNum = 0;
    for f in files.iter().filter(|f| f.role == "evidence") {
        row += 1;
        sh.text(row, 0, f.activity.as_deref().unwrap_or(""), &s.cell)?;
        sh.text(row, 1, f.material.as_deref().unwrap_or(""), &s.cell)?;
        sh.text(row, 2, f.original_name.as_deref().unwrap_or(""), &s.cell)?;
        sh.text(row, 3, &f.path, &s.cell)?;
        sh.number(row, 4, f.size as f64, &s.number)?;
        sh.text(row, 5, &f.sha256, &s.cell)?;
    }
    if let Some(incomplete) = &r.incomplete {
        row += 2;
        sh.ws.write_string_with_format(row, 0, "证明材料不完整的记录", &s.total)?;
        row += 1;
        sh.row(row, &["记录编号", "年度", "日期", "内容", "已有材料", "还缺少"], &s.header)?;
        for item in incomplete {
            row += 1;
            let year = item.year.to_string();
            sh.row(row, &[&item.id, &year, &item.date, &item.title, &item.attached, &item.missing], &s.wrap)?;
        }
    }
    sh.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_fits_a_cell_is_kept_and_longer_text_is_cut_with_a_note_within_excels_limit() {
        assert_eq!(fit_cell("结业证书、培训通知"), "结业证书、培训通知");
        let exactly = "证".repeat(CELL_CHARS);
        assert_eq!(fit_cell(&exactly).chars().count(), CELL_CHARS);
        let cut = fit_cell(&"证".repeat(CELL_CHARS + 1)).into_owned();
        assert_eq!(cut.chars().count(), CELL_CHARS);
        assert!(cut.ends_with(CUT_NOTE));
    }

    #[test]
    fn a_sheet_with_a_cell_longer_than_excel_allows_is_still_written() {
        let mut book = Workbook::new();
        let mut sh = Sheet::new(book.add_worksheet(), "证明材料").expect("sheet");
        sh.text(0, 0, &"结业证书、".repeat(10_000), &Format::new()).expect("written");
        sh.finish().expect("finished");
        assert!(!book.save_to_buffer().expect("saved").is_empty());
    }
}
