//! Spreadsheets built to exhaust memory or fill the screen: a tiny XLSX with a cell at XFD1048576,
//! a ZIP member unpacking to far more than the file, a file over the size cap, too many rows, a
//! million bad rows. Each is refused (or summarised) with a clear message before the memory goes.

use std::io::Write;

use rust_xlsxwriter::{Format, Workbook};
use xueshi_store::spreadsheet::{
    MAX_COLUMNS, MAX_ROWS, MAX_SPREADSHEET_BYTES, describe_problems, read_spreadsheet, read_spreadsheet_file,
};

const HEADER: &str = "序号,年度,类别（公需/专业）,学习形式,培训名称,学习时间,天数,学时,主办单位\n";

fn good_row(i: usize) -> String {
    format!("{i},2023,专业,网络课程,课程{i},2023-03-01,,24,某平台\n")
}

fn bad_row(i: usize) -> String {
    format!("{i},2023,专业,网络课程,课程{i},不是日期,,24,某平台\n")
}

/// An XLSX with the template's header and one good record, then whatever `more` writes.
fn xlsx(more: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["学习形式", "培训名称", "学习时间", "学时", "类别"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).expect("header");
    }
    for (c, v) in ["网络课程", "一门课", "2023-03-01", "24", "专业"].iter().enumerate() {
        sheet.write_string(1, c as u16, *v).expect("cell");
    }
    more(sheet);
    book.save_to_buffer().expect("xlsx")
}

#[test]
fn a_tiny_xlsx_with_a_value_at_the_last_cell_is_refused_without_allocating_the_range() {
    let bytes = xlsx(|s| {
        s.write_string(1_048_575, 16_383, "x").expect("last cell");
    });
    assert!(bytes.len() < 10_000);
    let err = read_spreadsheet("大.xlsx", &bytes).expect_err("refused").to_string();
    assert!(err.contains("太大") && err.contains(&MAX_ROWS.to_string()), "{err}");
}

#[test]
fn a_value_beyond_the_column_cap_is_refused_naming_the_sheet() {
    let bytes = xlsx(|s| {
        s.write_string(5, MAX_COLUMNS as u16, "x").expect("cell");
    });
    let err = read_spreadsheet("宽.xlsx", &bytes).expect_err("refused").to_string();
    assert!(err.contains("Sheet1") && err.contains(&MAX_COLUMNS.to_string()), "{err}");
}

#[test]
fn formatted_but_empty_cells_far_away_do_not_count() {
    let bytes = xlsx(|s| {
        s.write_blank(1_048_575, 16_383, &Format::new().set_bold()).expect("blank");
    });
    let import = read_spreadsheet("格式.xlsx", &bytes).expect("read");
    assert_eq!(import.activities.len(), 1, "{:?}", import.errors);
}

#[test]
fn an_xlsx_member_unpacking_to_far_more_than_the_cap_is_refused() {
    let mut bytes = xlsx(|_| {});
    // Append a member of zeros by rewriting the archive with one more entry.
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(std::mem::take(&mut bytes))).expect("zip");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let entry = archive.by_index(i).expect("entry");
        out.raw_copy_file(entry).expect("copied");
    }
    let deflated = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    out.start_file("xl/media/zeros.bin", deflated).expect("member");
    let chunk = vec![0u8; 1024 * 1024];
    for _ in 0..110 {
        out.write_all(&chunk).expect("written");
    }
    let bytes = out.finish().expect("finished").into_inner();
    assert!(bytes.len() < 2 * 1024 * 1024);
    let err = read_spreadsheet("炸弹.xlsx", &bytes).expect_err("refused").to_string();
    assert!(err.contains("解压后"), "{err}");
}

#[test]
fn a_csv_with_more_rows_than_the_cap_is_refused() {
    let mut text = HEADER.to_owned();
    for i in 0..=MAX_ROWS {
        text.push_str(&good_row(i));
    }
    let err = read_spreadsheet("多.csv", text.as_bytes()).expect_err("refused").to_string();
    assert!(err.contains("太大") && err.contains(&MAX_ROWS.to_string()), "{err}");
}

#[test]
fn thousands_of_bad_rows_are_summarised_as_the_first_twenty_and_a_count() {
    let mut text = HEADER.to_owned();
    for i in 0..5_000 {
        text.push_str(&bad_row(i));
    }
    text.push_str(&good_row(9_999));
    let import = read_spreadsheet("错.csv", text.as_bytes()).expect("read");
    assert_eq!(import.bad_row_count(), 5_000);
    assert_eq!(import.activities.len(), 1);
    assert!(import.errors.len() <= 20, "{} problems kept", import.errors.len());
    assert_eq!(import.errors[0].row, 2);
    let bad = import.bad_row_count();
    let errors = import.into_result(false).expect_err("bad rows refuse the import");
    let text = describe_problems(&errors, bad);
    assert!(text.contains("另有 4980 行有问题"), "{text}");
    assert!(text.len() < 5_000, "{} bytes", text.len());
}

#[test]
fn a_spreadsheet_file_over_the_size_cap_is_refused_by_the_store_without_reading_it_all() {
    let tmp = tempfile::tempdir().expect("tmp");
    let path = tmp.path().join("大.csv");
    let mut f = std::fs::File::create(&path).expect("file");
    f.write_all(HEADER.as_bytes()).expect("header");
    let line = good_row(1);
    let mut written = HEADER.len() as u64;
    while written <= MAX_SPREADSHEET_BYTES {
        f.write_all(line.as_bytes()).expect("row");
        written += line.len() as u64;
    }
    drop(f);
    let err = read_spreadsheet_file(&path).expect_err("refused").to_string();
    assert!(err.contains("超过 64 MB"), "{err}");
    let ok = tmp.path().join("小.xlsm");
    std::fs::write(&ok, xlsx(|_| {})).expect("xlsm");
    assert_eq!(read_spreadsheet_file(&ok).expect("read").activities.len(), 1);
}

#[test]
fn a_csv_value_beyond_the_column_cap_is_refused_naming_its_own_row_and_column() {
    let mut text = HEADER.to_owned();
    text.push_str(&good_row(1));
    text.push_str(&format!("{}{}x\n", good_row(2).trim_end(), ",".repeat(300)));
    for i in 3..10 {
        text.push_str(&good_row(i));
    }
    let err = read_spreadsheet("宽.csv", text.as_bytes()).expect_err("refused").to_string();
    assert!(err.contains("第 3 行第 309 列"), "{err}");
}
