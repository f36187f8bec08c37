//! A large evidence book is written as one book per year, each with its own cover, 目录,
//! bookmarks and page labels; a small one stays whole.

use hayro_syntax::Pdf;
use hayro_syntax::object::Dict;
use xueshi_export::{BookSplit, FolderSource, PackageInput, ReportData, render_evidence_books};

use crate::common::{Fixture, demo_json, fonts, have};
use crate::evidence_book::{book_fixture, children};

#[test]
fn a_book_over_the_page_limit_is_written_one_book_per_year() {
    let (f, _) = book_fixture();
    let input = PackageInput { ledger: &f.ledger, rules: &f.rules, assessment: &f.assessment, options: &f.options };
    let source = FolderSource::new(f.evidence_dir());
    let years: Vec<i32> =
        ReportData::build(&f.ledger, &f.rules, &f.assessment, &f.options).years.iter().map(|y| y.year).collect();
    assert!(years.len() > 1, "the demo spans several years");

    let small = render_evidence_books(&input, &source, &mut fonts(), BookSplit::OverPages(usize::MAX)).expect("book");
    assert_eq!(small.parts.len(), 1, "under the limit the book stays whole");
    assert_eq!(small.parts[0].year, None);
    let whole = &small.parts[0];
    assert_eq!(small.parts[0].package_name(), "证明材料汇编.pdf");

    let split = render_evidence_books(&input, &source, &mut fonts(), BookSplit::OverPages(1)).expect("books");
    assert_eq!(
        split.parts.iter().map(|p| p.year).collect::<Vec<_>>(),
        years.iter().map(|y| Some(*y)).collect::<Vec<_>>()
    );
    assert_eq!(split.problems, small.problems, "the problems are said once");
    assert_eq!(
        split.parts.iter().map(|p| p.pages).sum::<usize>(),
        whole.pages + 2 * (years.len() - 1),
        "a cover and 目录 each"
    );
    let first = &split.parts[0];
    assert_eq!(first.package_name(), format!("证明材料汇编/{}年.pdf", years[0]));

    for part in &split.parts {
        let year = part.year.expect("a year's book");
        let pdf = Pdf::new(part.bytes.clone()).expect("a readable PDF");
        assert_eq!(pdf.pages().len(), part.pages);
        let xref = pdf.xref();
        let catalog = xref.get::<Dict<'_>>(xref.root_id()).expect("catalog");
        assert!(catalog.get::<Dict<'_>>(b"PageLabels").is_some(), "{year}: the PDF has page labels");
        let outlines = catalog.get::<Dict<'_>>(b"Outlines").expect("bookmarks");
        let top: Vec<String> = children(&outlines).into_iter().map(|(t, _)| t).collect();
        assert_eq!(top, vec![format!("{year} 年度")], "{year}: only its year is bookmarked");
    }
    if !have("pdftotext") {
        eprintln!("pdftotext (poppler-utils) is not installed: skipping the cover check");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("book.pdf");
    std::fs::write(&file, &first.bytes).expect("write");
    let out =
        std::process::Command::new("pdftotext").arg("-enc").arg("UTF-8").arg(&file).arg("-").output().expect("run");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let pages: Vec<&str> = text.split('\u{c}').filter(|p| !p.trim().is_empty()).collect();
    assert!(pages[0].contains(&format!("继续教育证明材料汇编（{}年）", years[0])), "the cover: {}", pages[0]);
    let n = first.pages;
    assert!(pages[n - 1].contains(&format!("第 {n} 页 / 共 {n} 页")), "its own page count");
    assert!(pages[1].contains("目") && !pages[1].contains(&format!("{} 年度", years[1])), "its 目录 has no other year");
}

/// The text of `pdf` without white space (typst breaks lines), or None without poppler-utils.
fn text_of(pdf: &[u8]) -> Option<String> {
    if !have("pdftotext") {
        eprintln!("pdftotext (poppler-utils) is not installed: skipping the text check");
        return None;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("book.pdf");
    std::fs::write(&file, pdf).expect("write");
    let out =
        std::process::Command::new("pdftotext").arg("-enc").arg("UTF-8").arg(&file).arg("-").output().expect("run");
    Some(String::from_utf8(out.stdout).expect("utf-8").split_whitespace().collect())
}

#[test]
fn a_record_credited_in_several_years_points_from_a_later_years_book_to_the_file_with_its_evidence() {
    let mut value = demo_json();
    value["activities"].as_array_mut().expect("activities").push(serde_json::json!({
        "id": "2022-09", "kind": "aid_posting", "title": "援疆支教", "date": "2022-03-01", "end_date": "2023-08-31",
        "task": "sanyuan", "evidence": [{ "file": "派遣文件.pdf", "material": "派遣文件" }]
    }));
    let f = Fixture::from_json(value);
    let credited: Vec<i32> =
        f.assessment.credits.iter().filter(|c| &*c.activity == "2022-09").map(|c| c.year).collect();
    assert_eq!(credited, [2022, 2023], "a posting of more than a year completes each of its years");
    let input = PackageInput { ledger: &f.ledger, rules: &f.rules, assessment: &f.assessment, options: &f.options };
    let source = FolderSource::new(f.evidence_dir());

    let whole = render_evidence_books(&input, &source, &mut fonts(), BookSplit::Whole).expect("book");
    let by_year = render_evidence_books(&input, &source, &mut fonts(), BookSplit::ByYear).expect("books");
    let Some(whole) = text_of(&whole.parts[0].bytes) else { return };
    assert!(whole.contains("本记录的证明材料见2022年度。"), "the whole book points to the year above");
    let part = |year| by_year.parts.iter().find(|p| p.year == Some(year)).expect("the year's book");
    let Some(later) = text_of(&part(2023).bytes) else { return };
    assert!(
        later.contains("本记录的证明材料见2022年度的证明材料汇编（同一文件夹中的“2022年.pdf”）。"),
        "the 2023 book names the file that shows the evidence"
    );
    let Some(first) = text_of(&part(2022).bytes) else { return };
    assert!(first.contains("派遣文件") && !first.contains("本记录的证明材料见"), "2022's book shows the files");
}
