//! 学时汇总表.pdf: selectable Chinese text with the person's name and each year's totals, embedded
//! subset fonts, a small file, the 身份证号 masked on request, and a character that no font has
//! reported by field instead of silently dropped.

use crate::common;

use crate::common::{Fixture, demo_json, pdf_text, zip_member};
use xueshi_export::{ExportError, ExportOptions, FontSet, PDF_NAME, ReportData, render_pdf};

#[test]
fn the_pdf_text_has_the_name_and_every_years_totals_and_status() {
    let f = Fixture::demo();
    f.export(&f.out()).expect("export");
    let Some(text) = pdf_text(&f, false) else { return };
    for needle in
        ["王晓梅", "430102198805161234", "长沙市第一中学", "湘继教-2019-0316", "2021年4月12日", "学时认定汇总"]
    {
        assert!(text.contains(needle), "{needle} not in the PDF text");
    }
    for y in &f.assessment.years {
        let totals =
            format!("本年度合计：公需科目{}学时，专业科目{}学时，合计{}学时", y.public, y.professional, y.total);
        assert!(text.contains(&totals), "{totals} not in the PDF text");
        assert!(text.contains(&y.status.replace(' ', "")), "{} not in the PDF text", y.status);
    }
    assert!(text.contains("附：证明材料不完整的记录"));
}

#[test]
fn the_id_number_is_masked_when_asked() {
    let mut f = Fixture::demo();
    f.options.mask_id = true;
    f.export(&f.out()).expect("export");
    let Some(text) = pdf_text(&f, false) else { return };
    assert!(text.contains("430102********1234"));
    assert!(!text.contains("430102198805161234"));
}

#[test]
fn the_fonts_are_embedded_as_subsets_and_a_five_year_pdf_stays_small() {
    let f = Fixture::demo();
    let report = f.export(&f.out()).expect("export");
    let pdf = zip_member(&f.out(), PDF_NAME);
    assert!(pdf.len() < 2 * 1024 * 1024, "{} bytes", pdf.len());
    assert!(report.pdf_pages >= 3, "details, summary and the incomplete-evidence page");
    // Subset fonts are named with a six-letter tag: ABCDEF+NotoSerifCJKsc-Regular.
    let tagged = pdf
        .windows(2)
        .enumerate()
        .any(|(i, w)| w == b"+N" && i >= 6 && pdf[i - 6..i].iter().all(u8::is_ascii_uppercase));
    assert!(tagged, "no subset font in the PDF");
}

/// A character that none of the fonts on this machine has, fallbacks included.
fn uncovered(fonts: &mut FontSet) -> char {
    let candidates = ['\u{30000}', '\u{31350}', '\u{2EBF0}', '\u{F0000}', '\u{E000}'];
    fonts.load_fallbacks(&candidates);
    candidates.into_iter().find(|c| !fonts.covers(*c)).expect("some character is in no font")
}

#[test]
fn a_name_character_that_no_font_has_is_reported_with_its_field_and_nothing_is_written() {
    let mut fonts = common::fonts();
    let rare = uncovered(&mut fonts);
    let mut value = demo_json();
    value["profile"]["name"] = format!("王{rare}梅").into();
    value["activities"][1]["provider"] = format!("湖南{rare}大学").into();
    let f = Fixture::from_json(value);
    let err = f.export(&f.out()).expect_err("missing glyph");
    let ExportError::MissingGlyphs(missing) = &err else { panic!("{err:?}") };
    let fields: Vec<&str> = missing.iter().map(|m| m.field.as_str()).collect();
    assert!(fields.contains(&"姓名"), "{fields:?}");
    assert!(fields.contains(&"记录 2021-02 的施教机构"), "{fields:?}");
    assert!(missing.iter().all(|m| m.character == rare));
    let message = err.to_string();
    assert!(message.contains(&format!("姓名中的“{rare}”（生僻字）")), "{message}");
    assert!(common::files_in(f.dir.path()).is_empty());
}

#[test]
fn user_text_that_looks_like_markup_is_printed_as_text() {
    let mut value = demo_json();
    value["profile"]["name"] = "#panic(\"x\") *粗体* $x$ [链接](y) // 注释".into();
    let f = Fixture::from_json(value);
    f.export(&f.out()).expect("export: user text is data, not markup");
    let Some(text) = pdf_text(&f, false) else { return };
    assert!(text.contains("#panic(\"x\")*粗体*$x$[链接](y)//注释"), "the name is printed verbatim");
}

#[test]
fn rendering_twice_gives_the_same_pages_and_evicts_typst_caches() {
    let f = Fixture::demo();
    let mut fonts = common::fonts();
    let report = ReportData::build(&f.ledger, &f.rules, &f.assessment, &ExportOptions::default());
    let a = render_pdf(&report, &mut fonts).expect("first");
    let b = render_pdf(&report, &mut fonts).expect("second");
    assert_eq!(a.pages, b.pages);
    assert!(a.bytes.starts_with(b"%PDF-"));
}

#[test]
fn a_character_the_main_font_lacks_is_taken_from_another_system_font_when_one_has_it() {
    let fonts = common::fonts();
    assert_eq!(fonts.faces.len(), 1, "only one system CJK font is loaded up front: {:?}", fonts.faces);
    let candidates: Vec<char> =
        (0x20000u32..0x2A6E0).step_by(37).filter_map(char::from_u32).filter(|c| !fonts.covers(*c)).collect();
    let mut probe = fonts.clone();
    probe.load_fallbacks(&candidates);
    let found = candidates.into_iter().find(|c| probe.covers(*c));
    let Some(rare) = found else {
        eprintln!("no second CJK font on this machine has a character the first lacks: skipping");
        return;
    };
    let mut value = demo_json();
    value["profile"]["name"] = format!("王{rare}").into();
    let f = Fixture::from_json(value);
    let report = f.export(&f.out()).expect("the fallback font has the character");
    assert!(report.fonts.len() >= 2, "{:?}", report.fonts);
    let Some(text) = pdf_text(&f, false) else { return };
    assert!(text.contains(&format!("王{rare}")), "the rare character is in the PDF text");
}
