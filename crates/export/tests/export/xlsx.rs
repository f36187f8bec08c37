//! 学时汇总表.xlsx read back with calamine: Chinese sheet names, the person, yearly totals as
//! numbers, every record, the evidence list, and column widths that fit Chinese text.

use std::io::Cursor;

use crate::common::{Fixture, zip_member};
use calamine::{Data, DataType, Reader, Xlsx};
use xueshi_export::XLSX_NAME;

fn workbook(f: &Fixture) -> Xlsx<Cursor<Vec<u8>>> {
    Xlsx::new(Cursor::new(zip_member(&f.out(), XLSX_NAME))).expect("xlsx")
}

fn text(cell: Option<&Data>) -> String {
    cell.map(ToString::to_string).unwrap_or_default()
}

#[test]
fn the_workbook_has_chinese_sheets_with_the_person_totals_records_and_files() {
    let f = Fixture::demo();
    f.export(&f.out()).expect("export");
    let mut book = workbook(&f);
    assert_eq!(book.sheet_names(), vec!["汇总", "明细", "材料"]);

    let summary = book.worksheet_range("汇总").expect("汇总");
    let rows: Vec<Vec<String>> = summary.rows().map(|r| r.iter().map(ToString::to_string).collect()).collect();
    assert!(rows.iter().any(|r| r.first().is_some_and(|c| c == "姓名") && r.get(1).is_some_and(|c| c == "王晓梅")));
    for y in &f.assessment.years {
        let row = summary
            .rows()
            .find(|r| text(r.first()) == y.year.to_string())
            .unwrap_or_else(|| panic!("{} in 汇总", y.year));
        assert_eq!(row[1], Data::Float(y.public.as_f64()));
        assert_eq!(row[2], Data::Float(y.professional.as_f64()));
        assert_eq!(row[3], Data::Float(y.total.as_f64()), "the total is a value, not a formula");
        assert_eq!(text(row.get(5)), y.status);
    }

    let detail = book.worksheet_range("明细").expect("明细");
    let titles: Vec<String> = detail.rows().map(|r| text(r.get(3))).collect();
    for a in &f.ledger.activities {
        assert!(titles.contains(&a.title), "{} in 明细", a.title);
    }
    let hours_2021: f64 = detail
        .rows()
        .filter(|r| {
            text(r.first()) == "2021" && !text(r.get(1)).contains("合计") && r.get(9).is_some_and(|c| !c.is_empty())
        })
        .filter_map(|r| r.get(7).and_then(Data::as_f64))
        .sum();
    assert!((hours_2021 - 90.0).abs() < 1e-9, "2021 rows add up to 90, got {hours_2021}");

    let files = book.worksheet_range("材料").expect("材料");
    let paths: Vec<String> = files.rows().map(|r| text(r.get(3))).collect();
    assert!(paths.iter().any(|p| p.ends_with("/结业证书.jpg")));
    assert!(files.rows().any(|r| text(r.first()) == "证明材料不完整的记录"));
}

#[test]
fn column_widths_are_set_for_chinese_text() {
    let f = Fixture::demo();
    f.export(&f.out()).expect("export");
    let bytes = zip_member(&f.out(), XLSX_NAME);
    let mut inner = zip::ZipArchive::new(Cursor::new(bytes)).expect("xlsx is a zip");
    let mut sheet = String::new();
    std::io::Read::read_to_string(&mut inner.by_name("xl/worksheets/sheet2.xml").expect("明细"), &mut sheet)
        .expect("xml");
    // 内容 (column D) holds titles of up to 26 Chinese characters: wider than autofit would make it.
    let col = sheet.split("<col ").find(|c| c.starts_with("min=\"4\"")).expect("column D width");
    let width: f64 =
        col.split("width=\"").nth(1).and_then(|w| w.split('"').next()).and_then(|w| w.parse().ok()).expect("width");
    assert!(width >= 40.0, "column D is {width} wide");
    let styles = {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut inner.by_name("xl/styles.xml").expect("styles"), &mut s).expect("xml");
        s
    };
    assert!(styles.contains("等线"), "a Chinese default font");
}
