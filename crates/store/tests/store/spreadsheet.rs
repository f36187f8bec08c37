//! Importing records from spreadsheets as users make them: CSV from Excel/WPS in UTF-8 or GBK, XLSX
//! with a merged title row, date cells, serial numbers and dates typed as text.

use crate::common::{problems, titled};
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use xueshi_core::kinds::{ActivityKind, Category, PaperRole, PatentType, Venue};
use xueshi_core::{Detail, Hours};
use xueshi_store::spreadsheet::{SpreadsheetError, read_spreadsheet};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// (row, column, start of the message) of each problem, for compact assertions.
const UTF8_CSV: &str = "\u{feff}2023年度继续教育学时登记表,,,,,,,,,,,,,,
序号,年度,类别（公需/专业）,学习形式,培训名称,学习时间,天数,学时,主办单位,级别,角色/排名,等级,刊物类别,备注,审核意见
1,2023,公需科目,面授培训,数字经济专题培训,2023.10.7-2023.10.9,3,,湖南省人社厅,,,,,,通过
2,2023,专业,网络课程,\"专业课程, 第一讲\",2023年3月1日,,24学时,某平台,,,,,,
3,2023,,论文,基层医疗论文,2023/5/20,,,中国全科医学,,通讯作者,,国内刊物,,
4,2022,专业,培训,年度不符的培训,2023-06-01,2,,,,,,,,
5,2023,专业,培训,没有天数的培训,2023-06-01,,,,,,,,,
6,2023,专业,课题,县级课题,2023-07-01,,,,县级,主持人,,,,
,,,,,,,,,,,,,,
7,2023,公需,获奖,科技进步奖,2023-12-01,,,,省部级,2,一等奖,,,
合计,,,,,,5,40,,,,,,,
";

#[test]
fn a_utf8_csv_with_a_title_row_gives_its_good_rows_and_names_each_bad_cell() {
    let import = read_spreadsheet("登记表.csv", UTF8_CSV.as_bytes()).unwrap();
    assert_eq!(import.activities.len(), 3, "{:#?}", import.errors);

    let training = titled(&import.activities, "数字经济专题培训");
    assert_eq!(training.kind, ActivityKind::Training);
    assert_eq!(training.category, Some(Category::Public));
    assert_eq!(training.date, day(2023, 10, 7));
    assert_eq!(training.end_date, Some(day(2023, 10, 9)));
    assert_eq!(training.provider.as_deref(), Some("湖南省人社厅"));
    assert_eq!(training.detail, Detail::Sessions { days: 3, half_days: 0, evenings: 0, hours: None });

    let course = titled(&import.activities, "专业课程, 第一讲");
    assert_eq!(course.kind, ActivityKind::OnlineCourse);
    assert_eq!(course.date, day(2023, 3, 1));
    assert_eq!(course.detail, Detail::Hours { hours: Hours::whole(24), platform: None });

    let paper = titled(&import.activities, "基层医疗论文");
    assert_eq!(paper.category, None);
    assert_eq!(paper.detail, Detail::Paper { role: PaperRole::Corresponding, venue: Venue::Domestic });

    assert_eq!(
        problems(&import.errors),
        vec![
            (6, Some("年度"), "年度 2022 与日期 2023年6月1日 不在同一年"),
            (7, Some("天数"), "请填写天数、半天数或晚上数，或证明上载明的学时，至少一项大于 0"),
            (8, Some("级别"), "无法识别“县级”，可填：省部级、市厅级"),
            (10, Some("类别（公需/专业）"), "获奖一律计入专业科目，类别请填“专业”或留空"),
        ]
    );
    assert!(import.errors.iter().all(|e| e.sheet.is_none()));
    assert_eq!(import.ignored_columns, vec!["审核意见".to_owned()]);
    assert_eq!(import.errors[0].to_string(), "第 6 行“年度”列：年度 2022 与日期 2023年6月1日 不在同一年");
}

#[test]
fn a_gbk_csv_from_excel_on_chinese_windows_is_decoded() {
    let text = "姓名：张三,,,,\r\n形式,名称,起止日期,天数,类别\r\n\
                培训,湖南省继续教育培训,2023年10月7日至9日,3,专业\r\n\
                专家服务,送技术下乡,2023.11.2,2,公需\r\n";
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(text);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&bytes).is_err(), "the test file must really be GBK");

    let import = read_spreadsheet("gbk.csv", &bytes).unwrap();
    assert!(import.errors.is_empty(), "{:#?}", import.errors);
    let training = titled(&import.activities, "湖南省继续教育培训");
    assert_eq!(training.date, day(2023, 10, 7));
    assert_eq!(training.end_date, Some(day(2023, 10, 9)));
    let service = titled(&import.activities, "送技术下乡");
    assert_eq!(service.kind, ActivityKind::ExpertService);
    assert_eq!(service.category, Some(Category::Public));
    assert_eq!(service.detail, Detail::ExpertService { days: 2, hours: Hours::ZERO });
}

/// A workbook as people make them: a merged title, a second title line, then the header on row 3.
fn workbook() -> Vec<u8> {
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let sheet = book.add_worksheet();
    sheet.set_name("2023年").unwrap();
    sheet.merge_range(0, 0, 0, 12, "2023年度专业技术人员继续教育登记表", &Format::new()).unwrap();
    sheet.write_string(1, 0, "填表单位：某医院").unwrap();
    let headers = [
        "序号",
        "年度",
        "形式",
        "名称",
        "开始日期",
        "结束日期",
        "天数",
        "学时",
        "类别",
        "专利类型",
        "角色/排名",
        "等级",
        "级别",
    ];
    for (col, h) in headers.iter().enumerate() {
        sheet.write_string(2, col as u16, *h).unwrap();
    }
    // (row, kind, title, start, end, days, hours, category, rank, grade, level); a start or end
    // given as (y, m, d) is a date cell, "#n" a bare serial number, anything else text.
    type Line = (
        u32,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
    );
    let lines: [Line; 9] = [
        (3, "培训", "研修班", "2023-10-07", "2023-10-09", "3", "", "专业", "", "", ""),
        (4, "网络课程", "在线学习", "#45000", "", "", "12.5", "公需", "", "", ""),
        (5, "发明专利", "一种装置", "t2023年5月6日", "", "", "", "", "第二发明人", "", ""),
        (6, "学时认定单", "学时认定单（2018-2022）", "", "", "", "", "", "", "", ""),
        (7, "技能大赛", "技能赛", "t2023.8.1", "", "", "", "", "", "金牌", "国家级"),
        (8, "培训", "日期不存在", "t2023.13.1", "", "1", "", "专业", "", "", ""),
        (9, "获奖", "特等奖", "2023-01-01", "", "", "", "", "第一", "特等奖", "省级"),
        (10, "三援", "援疆", "2023-02-01", "", "", "", "", "", "", ""),
        (11, "培训", "倒着的日期", "2023-10-09", "2023-10-07", "1", "", "专业", "", "", ""),
    ];
    for (row, kind, title, start, end, days, hours, category, rank, grade, level) in lines {
        sheet.write_number(row, 0, f64::from(row - 2)).unwrap();
        for (col, value) in [(2, kind), (3, title), (8, category), (10, rank), (11, grade), (12, level)] {
            if !value.is_empty() {
                sheet.write_string(row, col, value).unwrap();
            }
        }
        for (col, value) in [(6, days), (7, hours)] {
            if let Ok(n) = value.parse::<f64>() {
                sheet.write_number(row, col, n).unwrap();
            }
        }
        for (col, value) in [(4, start), (5, end)] {
            if let Some(serial) = value.strip_prefix('#') {
                sheet.write_number(row, col, serial.parse::<f64>().unwrap()).unwrap();
            } else if let Some(text) = value.strip_prefix('t') {
                sheet.write_string(row, col, text).unwrap();
            } else if !value.is_empty() {
                let d = NaiveDate::parse_from_str(value, "%Y-%m-%d").unwrap();
                let cell = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8);
                sheet.write_datetime_with_format(row, col, cell.unwrap(), &date).unwrap();
            }
        }
    }
    sheet.write_string(6, 1, "2018-2022").unwrap();
    let notes = book.add_worksheet();
    notes.set_name("说明").unwrap();
    notes.write_string(0, 0, "本表用于登记继续教育学时").unwrap();
    book.save_to_buffer().unwrap()
}

#[test]
fn an_xlsx_with_a_merged_title_reads_date_cells_serials_and_text_dates() {
    let import = read_spreadsheet("登记表.xlsx", &workbook()).unwrap();
    assert_eq!(import.activities.len(), 5, "{:#?}", import.errors);
    assert_eq!(import.skipped_sheets, vec!["说明".to_owned()]);

    let training = titled(&import.activities, "研修班");
    assert_eq!((training.date, training.end_date), (day(2023, 10, 7), Some(day(2023, 10, 9))));
    let online = titled(&import.activities, "在线学习");
    assert_eq!(online.date, day(2023, 3, 15), "serial 45000 is 2023-03-15");
    assert_eq!(online.detail, Detail::Hours { hours: Hours::from_hundredths(1250), platform: None });
    let patent = titled(&import.activities, "一种装置");
    assert_eq!(patent.date, day(2023, 5, 6));
    assert_eq!(patent.detail, Detail::Patent { patent_type: PatentType::Invention, rank: 2 });
    let certificate = titled(&import.activities, "学时认定单（2018-2022）");
    assert_eq!(certificate.date, day(2022, 12, 31));
    assert_eq!(certificate.detail, Detail::PriorCertificate { from_year: 2018, to_year: 2022 });
    assert_eq!(titled(&import.activities, "技能赛").level_code(), Some("national"));

    assert!(import.errors.iter().all(|e| e.sheet.as_deref() == Some("2023年")));
    assert_eq!(
        problems(&import.errors),
        vec![
            (9, Some("开始日期"), "“2023.13.1”中的日期 2023年13月1日 不存在"),
            (10, Some("等级"), "无法识别“特等奖”，可填：一等奖、二等奖、三等奖"),
            (11, Some("结束日期"), "请填写结束日期：全年认定要看外派时长"),
            (12, Some("结束日期"), "结束日期早于开始日期"),
        ]
    );
}

#[test]
fn a_thousand_rows_are_all_read_and_the_bad_ones_block_the_import_unless_skipped() {
    let mut csv = String::from("形式,名称,起止日期,学时,类别\n");
    for i in 1..=1000 {
        let date = if i % 97 == 0 { "2023.2.30".to_owned() } else { format!("2023.{}.{}", i % 12 + 1, i % 28 + 1) };
        csv.push_str(&format!("网络课程,课程{i},{date},{},专业\n", i % 8 + 1));
    }
    let import = read_spreadsheet("big.csv", csv.as_bytes()).unwrap();
    assert_eq!(import.activities.len(), 990);
    let bad_rows: Vec<usize> = import.errors.iter().map(|e| e.row).collect();
    assert_eq!(bad_rows, (1..=10).map(|k| 97 * k + 1).collect::<Vec<_>>());
    assert!(import.errors.iter().all(|e| e.column.as_deref() == Some("起止日期")));
    assert_eq!(import.bad_row_count(), 10);
    let ids: std::collections::BTreeSet<_> = import.activities.iter().map(|a| &a.id).collect();
    assert_eq!(ids.len(), 990, "every generated id is distinct");

    assert_eq!(import.clone().into_result(false).unwrap_err().len(), 10);
    let kept = import.into_result(true).unwrap();
    assert_eq!(kept.len(), 990);
    assert_eq!(kept[0].title, "课程1");
}

#[test]
fn files_that_are_not_spreadsheets_or_lack_columns_are_refused_as_a_whole() {
    let html = read_spreadsheet("导出.xls", b"<html><table><tr><td>1</td></tr></table></html>");
    assert!(matches!(html, Err(SpreadsheetError::Html { .. })), "{html:?}");
    let notes = read_spreadsheet("a.csv", "这是一份说明\n没有表格\n".as_bytes());
    assert!(matches!(notes, Err(SpreadsheetError::NoHeader { .. })), "{notes:?}");
    let no_kind = read_spreadsheet("a.csv", "名称,起止日期,学时\n课程,2023.1.1,3\n".as_bytes()).unwrap_err();
    assert_eq!(no_kind.to_string(), "表格的表头（第 1 行）缺少必需的列：形式");
    let broken = read_spreadsheet("坏.xlsx", b"PK\x03\x04 not really a zip").unwrap_err();
    assert!(matches!(broken, SpreadsheetError::Unreadable { .. }), "{broken:?}");
}

fn ids(csv: &str) -> Vec<String> {
    let import = read_spreadsheet("ids.csv", csv.as_bytes()).unwrap();
    assert!(import.errors.is_empty(), "{:#?}", import.errors);
    import.activities.into_iter().map(|a| a.id).collect()
}

#[test]
fn generated_ids_depend_on_what_a_row_says_so_importing_again_gives_the_same_ids() {
    let first = ids("形式,名称,起止日期,学时,类别\n\
                     网络课程,课程甲,2023.3.1,10,专业\n\
                     网络课程,课程甲,2023.3.1,10,专业\n\
                     网络课程,课程乙,2023.3.2,10,专业\n");
    let (a, b) = (&first[0], &first[2]);
    assert!(a.starts_with("import-") && a.len() == "import-".len() + 16, "{a}");
    assert_eq!(first[1], format!("{a}-2"), "an identical row gets a numbered id");
    assert_ne!(a, b);

    let again = ids("某单位登记表\n形式,名称,日期,学时,类别\n\
                     网络课程,课程乙,2023年3月2日,10学时,专业科目\n\
                     网络课程,课程甲,2023-03-01,10,专业\n");
    assert_eq!(again, vec![b.clone(), a.clone()], "typed differently, in another order: same ids");
}

#[test]
fn an_id_column_is_kept_and_an_id_used_twice_is_a_row_error() {
    let csv = "编号,形式,名称,起止日期,学时,类别\n\
               c1,网络课程,甲,2023.3.1,1,专业\n\
               c1,网络课程,乙,2023.3.2,1,专业\n\
               ,网络课程,丙,2023.3.3,1,专业\n";
    let import = read_spreadsheet("ids.csv", csv.as_bytes()).unwrap();
    assert_eq!(import.activities[0].id, "c1");
    assert_eq!(import.activities[0].title, "甲");
    assert!(import.activities[1].id.starts_with("import-"));
    assert_eq!(problems(&import.errors), vec![(3, Some("编号"), "编号“c1”与第 2 行重复")]);
}

#[test]
fn a_year_without_a_date_an_unknown_kind_and_missing_columns_are_reported_per_row() {
    let csv = "年度,形式,名称,起止日期,半天数,晚上数,类别\n\
               2023,培训,只有年度,,1,,专业\n\
               2023,自学,读书,2023.5.1,1,,专业\n\
               2023,学术会议,讲座,2023.5.2,,2,公需\n\
               ,学时认定单,认定单,,,,\n\
               2023,课题,课题乙,2023.6.1,,,\n\
               2023,培训,,2023.5.3,1.5,,专业\n";
    let import = read_spreadsheet("rows.csv", csv.as_bytes()).unwrap();
    assert_eq!(import.activities.len(), 1);
    let lecture = &import.activities[0];
    assert_eq!(lecture.kind, ActivityKind::Conference);
    assert_eq!(lecture.detail, Detail::Sessions { days: 0, half_days: 0, evenings: 2, hours: None });

    let found = problems(&import.errors);
    assert_eq!(found[0], (2, Some("起止日期"), "只填年度不够，请填写具体日期，如 2023.10.7"));
    assert_eq!((found[1].0, found[1].1), (3, Some("形式")));
    assert!(found[1].2.starts_with("无法识别形式“自学”，可填：培训、网络课程、学术会议"), "{}", found[1].2);
    assert_eq!(found[2], (5, Some("年度"), "学时认定单请在此列填写认定单覆盖的年度，如 2018-2022"));
    assert_eq!(found[3], (6, Some("级别"), "课题需要填写此项"), "a column the sheet lacks is named too");
    assert_eq!(found[4], (7, Some("名称"), "请填写名称"));
    assert_eq!(found[5], (7, Some("半天数"), "应为整数"), "every bad cell of a row is reported");
    assert_eq!(found.len(), 6);
    assert_eq!(import.bad_row_count(), 5);
}

#[test]
fn the_example_table_of_the_template_document_imports_without_errors() {
    let doc = include_str!("../../../../docs/导入模板.md");
    let csv: String = doc
        .lines()
        .skip_while(|l| !l.starts_with("| 序号"))
        .take_while(|l| l.starts_with('|'))
        .filter(|l| !l.starts_with("|---"))
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split('|').map(str::trim).collect();
            cells.join(",") + "\n"
        })
        .collect();
    let import = read_spreadsheet("模板示例.csv", csv.as_bytes()).unwrap();
    assert!(import.errors.is_empty(), "{:#?}", import.errors);
    assert_eq!(import.activities.len(), 6);
    let kinds: Vec<ActivityKind> = import.activities.iter().map(|a| a.kind).collect();
    use ActivityKind as K;
    assert_eq!(kinds, [K::Training, K::OnlineCourse, K::Paper, K::ResearchProject, K::Award, K::PriorCertificate]);
}

#[test]
fn csv_rows_are_numbered_as_a_spreadsheet_shows_them_with_blank_lines_and_cells_of_two_lines() {
    let csv = "形式,名称,起止日期,学时,类别\r\n\r\n网络课程,\"两行\r\n的名称\",2023.1.1,1,专业\r\n网络课程,坏日期,2023.1.32,1,专业\r\n";
    let import = read_spreadsheet("rows.csv", csv.as_bytes()).unwrap();
    assert_eq!(import.activities[0].title, "两行 的名称", "a title is one line");
    assert_eq!(problems(&import.errors), vec![(4, Some("起止日期"), "“2023.1.32”中的日期 2023年1月32日 不存在")]);
}

/// A minimal OpenDocument spreadsheet: header row, then rows of (形式, 名称, 起止日期 cell, 学时, 类别).
fn ods(rows: &[[(&str, &str); 5]]) -> Vec<u8> {
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    let cell = |(kind, value): (&str, &str)| match kind {
        "date" => format!(
            r#"<table:table-cell office:value-type="date" office:date-value="{value}"><text:p>{value}</text:p></table:table-cell>"#
        ),
        "float" => format!(
            r#"<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>"#
        ),
        _ => format!(r#"<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>"#),
    };
    let header = [("s", "形式"), ("s", "名称"), ("s", "起止日期"), ("s", "学时"), ("s", "类别")];
    let table: String = std::iter::once(&header)
        .chain(rows)
        .map(|row| format!("<table:table-row>{}</table:table-row>", row.map(cell).concat()))
        .collect();
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="学时">{table}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, data) in [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("META-INF/manifest.xml", manifest),
        ("content.xml", content.as_str()),
    ] {
        zip.start_file(name, stored).unwrap();
        zip.write_all(data.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn an_ods_from_libreoffice_or_wps_reads_its_date_cells() {
    let bytes = ods(&[
        [("s", "网络课程"), ("s", "ODS 课程"), ("date", "2023-10-07"), ("float", "6"), ("s", "专业")],
        [("s", "网络课程"), ("s", "无学时"), ("date", "2023-10-08"), ("s", ""), ("s", "专业")],
    ]);
    let import = read_spreadsheet("登记表.ods", &bytes).unwrap();
    let course = titled(&import.activities, "ODS 课程");
    assert_eq!(course.date, day(2023, 10, 7));
    assert_eq!(course.detail, Detail::Hours { hours: Hours::whole(6), platform: None });
    assert_eq!(problems(&import.errors), vec![(3, Some("学时"), "网络课程需要填写此项")]);
    assert_eq!(import.errors[0].sheet.as_deref(), Some("学时"));
}
