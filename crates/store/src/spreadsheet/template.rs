//! The import template the user saves from 设置: a workbook whose first sheet 学时记录 holds the
//! header row of the columns most records need, named as the importer names them, each with a note
//! saying what to write, and a second sheet 填写说明 with the accepted 形式 and examples written as
//! sentences (no header row there: importing the template imports only the rows the user typed).

use std::path::Path;

use rust_xlsxwriter::{Format, Note, Workbook, XlsxError};

use super::header::Column;
use super::vocab::kind_choices;
use crate::error::{Result, StoreError};

/// The sheet the user fills in.
pub const TEMPLATE_SHEET: &str = "学时记录";
/// The sheet of instructions, which the importer skips (it has no header row).
pub const INSTRUCTIONS_SHEET: &str = "填写说明";

/// The template's columns, in order, with what each note says.
const COLUMNS: &[(Column, &str, f64)] = &[
    (Column::Serial, "随意填写，不导入。", 6.0),
    (Column::Year, "四位年份，如 2023。学时认定单填它覆盖的年度，如 2018-2022。可不填。", 8.0),
    (Column::Category, "公需 或 专业。培训、学术会议、网络课程等要填；论文、课题等成果不填。", 8.0),
    (Column::Kind, "如 培训、网络课程、学术会议、论文、课题、专利、获奖、学时认定单。全部写法见“填写说明”。", 12.0),
    (Column::Title, "必填：培训、课程、论文、课题或奖项的名称。", 30.0),
    (Column::Dates, "一个日期或一段日期，如 2023.10.7-2023.10.9、2023年3月1日。", 24.0),
    (Column::Days, "培训、会议、实践的整天数，如 3。", 8.0),
    (Column::Hours, "证书上载明的学时，如 24 或 12.5（网络课程必填）。", 8.0),
    (Column::Provider, "主办单位、培训机构、刊物名称或发证单位。可不填。", 20.0),
    (Column::Level, "课题、获奖：省部级 或 市厅级；技能大赛：国家级 或 省级。", 10.0),
    (Column::Role, "课题、著作、论文填角色（如 主持人、第一作者）；专利、获奖填本人排第几。", 12.0),
    (Column::Venue, "论文：国内 或 国外。", 10.0),
    (Column::Grade, "获奖：一等奖、二等奖、三等奖；技能大赛：金奖、银奖、铜奖。", 10.0),
    (Column::Note, "可不填，如证书编号。", 24.0),
];

/// The lines of 填写说明.
fn instructions() -> Vec<String> {
    vec![
        "学时手册导入模板：在“学时记录”工作表中一行填一条记录，填好后在学时手册的“设置 → 数据与备份 → 导入…”中选择这个文件。".to_owned(),
        "把鼠标放在“学时记录”的列名上可以看到这一列填什么。用不到的列可以空着，也可以删去；列的顺序可以调整。".to_owned(),
        format!("“形式”一列可以填：{}。", kind_choices()),
        "日期可以写成 2023.10.7、2023-10-07、2023年10月7日；一段日期写成 2023.10.7-2023.10.9。".to_owned(),
        "学时由学时手册按当年的规定计算：培训填天数即可，网络课程填证书上的学时。".to_owned(),
        "例 1：2023 年，公需，培训，数字经济专题培训，2023.10.7-2023.10.9，3 天，湖南省人社厅。".to_owned(),
        "例 2：2023 年，专业，网络课程，临床用药进展，2023.3.1，24 学时，某继续教育平台。".to_owned(),
        "例 3：论文，基层慢病管理研究，2023.5.20，中国全科医学，第一作者，国内。".to_owned(),
        "例 4：课题，县域医共体研究，2023.12.15，省卫健委，市厅级，主持人，备注写“已结题”。".to_owned(),
        "例 5：获奖，市科技进步奖，2023.11.20，市人民政府，市厅级，排名 2，二等奖。".to_owned(),
        "例 6：年度填 2018-2022，形式填 学时认定单，名称填 学时认定单（2018-2022），日期填认定单的日期。".to_owned(),
        "有错误的行不会导入，导入结果会说明是哪一行、哪一列、该怎么改；改好后重新导入即可，已导入的行不会重复添加。".to_owned(),
    ]
}

fn failed(path: &Path) -> impl Fn(XlsxError) -> StoreError + '_ {
    move |e| StoreError::Exchange(format!("导入模板无法保存到“{}”：{e}", path.display()))
}

/// Writes the template to `path` (an `.xlsx`) through a temporary file moved into place at the end.
pub fn write_template(path: &Path) -> Result<()> {
    save(path, &[])
}

/// The template with `rows` filled in under the header (cells in the template's column order).
fn save(path: &Path, rows: &[&[&str]]) -> Result<()> {
    let mut book = Workbook::new();
    let header =
        Format::new().set_bold().set_background_color("E8F1EE").set_border_bottom(rust_xlsxwriter::FormatBorder::Thin);
    let sheet = book.add_worksheet();
    sheet.set_name(TEMPLATE_SHEET).map_err(failed(path))?;
    for (i, (column, note, width)) in COLUMNS.iter().enumerate() {
        let col = u16::try_from(i).unwrap_or(u16::MAX);
        sheet.write_string_with_format(0, col, column.template_name(), &header).map_err(failed(path))?;
        sheet.set_column_width(col, *width).map_err(failed(path))?;
        let note = Note::new(*note).set_author("学时手册").add_author_prefix(false);
        sheet.insert_note(0, col, &note).map_err(failed(path))?;
    }
    for (r, cells) in rows.iter().enumerate() {
        for (c, text) in cells.iter().enumerate().filter(|(_, t)| !t.is_empty()) {
            let (row, col) = (u32::try_from(r + 1).unwrap_or(u32::MAX), u16::try_from(c).unwrap_or(u16::MAX));
            sheet.write_string(row, col, *text).map_err(failed(path))?;
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(failed(path))?;
    let help = book.add_worksheet();
    help.set_name(INSTRUCTIONS_SHEET).map_err(failed(path))?;
    help.set_column_width(0, 110.0).map_err(failed(path))?;
    for (row, line) in instructions().iter().enumerate() {
        help.write_string(u32::try_from(row).unwrap_or(u32::MAX), 0, line).map_err(failed(path))?;
    }
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let partial = path.with_file_name(format!(".{name}.{}.partial", std::process::id()));
    if let Err(e) = book.save(&partial) {
        let _ = std::fs::remove_file(&partial);
        return Err(failed(path)(e));
    }
    if let Err(e) = xueshi_durable::sync_file(&partial) {
        let _ = std::fs::remove_file(&partial);
        return Err(crate::error::io("保存导入模板", path)(e));
    }
    crate::error::replace("保存导入模板", &partial, path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{DataDir, Store};

    #[test]
    fn the_empty_template_imports_nothing_and_skips_its_instructions() {
        let tmp = tempfile::tempdir().expect("tmp");
        let file = tmp.path().join("学时记录导入模板.xlsx");
        write_template(&file).expect("written");
        let mut store = Store::open(&DataDir::new(tmp.path().join("数据"))).expect("opens");
        let done = store.import_spreadsheet(&file, false).expect("imports");
        assert_eq!(done.added, 0);
        assert!(done.ignored_columns.is_empty(), "every column is one the importer knows: {:?}", done.ignored_columns);
        assert!(done.skipped_sheets.iter().any(|s| s.contains(INSTRUCTIONS_SHEET)), "{:?}", done.skipped_sheets);
    }

    #[test]
    fn rows_filled_in_as_the_instructions_say_import_as_records() {
        let tmp = tempfile::tempdir().expect("tmp");
        let file = tmp.path().join("模板.xlsx");
        let training: &[&str] =
            &["1", "2023", "公需", "培训", "数字经济专题培训", "2023.10.7-2023.10.9", "3", "", "湖南省人社厅"];
        let paper: &[&str] =
            &["2", "", "", "论文", "基层慢病管理研究", "2023.5.20", "", "", "中国全科医学", "", "第一作者", "国内"];
        save(&file, &[training, paper]).expect("written");
        let mut store = Store::open(&DataDir::new(tmp.path().join("数据"))).expect("opens");
        let done = store.import_spreadsheet(&file, false).expect("imports");
        assert_eq!(done.added, 2);
        let titles: Vec<String> = store.ledger().expect("ledger").activities.into_iter().map(|a| a.title).collect();
        assert!(titles.contains(&"数字经济专题培训".to_owned()) && titles.contains(&"基层慢病管理研究".to_owned()));
    }
}
