//! The small readers of the import: dates as typed, years, the words of each vocabulary, headers.

use chrono::NaiveDate;
use xueshi_core::kinds::{
    ActivityKind, BookRole, Category, ContestLevel, Medal, PaperRole, PatentType, ProjectLevel, ProjectRole, Venue,
};

use super::dates::{self, Years};
use super::header::normalize_header;
use super::source::Cell;
use super::vocab;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn text(t: &str) -> Cell {
    Cell::Text(t.to_owned())
}

#[test]
fn dates_are_read_in_every_way_people_type_them() {
    let single = day(2023, 10, 7);
    for typed in [
        "2023.10.7",
        "2023.10.07",
        "2023-10-07",
        "2023/10/7",
        "2023年10月7日",
        "2023年10月7号",
        "２０２３．１０．７",
        " 2023-10-07 00:00:00 ",
        "20231007",
    ] {
        assert_eq!(dates::span(&text(typed)), Ok((single, None)), "{typed}");
    }
    let range = (day(2023, 10, 7), Some(day(2023, 10, 9)));
    for typed in [
        "2023.10.7-2023.10.9",
        "2023.10.7 - 2023.10.9",
        "2023-10-07-2023-10-09",
        "2023-10-07至2023-10-09",
        "2023.10.7—10.9",
        "2023.10.7——2023.10.9",
        "2023.10.7~10.9",
        "2023年10月7日至9日",
        "2023年10月7日-10月9日",
        "2023年10月7日至2023年10月9日",
        "2023.10.7-9",
        "20231007-20231009",
    ] {
        assert_eq!(dates::span(&text(typed)), Ok(range), "{typed}");
    }
}

#[test]
fn date_cells_serials_and_numbers_typed_without_separators_are_dates() {
    assert_eq!(dates::span(&Cell::Date(day(2023, 10, 7))), Ok((day(2023, 10, 7), None)));
    assert_eq!(dates::span(&Cell::Number(45206.0)), Ok((day(2023, 10, 7), None)));
    assert_eq!(dates::span(&Cell::Number(45206.75)), Ok((day(2023, 10, 7), None)), "the time of day is dropped");
    assert_eq!(dates::span(&Cell::Number(20231007.0)), Ok((day(2023, 10, 7), None)));
    assert_eq!(dates::span(&Cell::Number(3.0)), Err("“3”不是日期".to_owned()));
}

#[test]
fn impossible_or_incomplete_dates_are_refused_with_a_reason() {
    assert_eq!(dates::span(&text("2023.2.30")), Err("“2023.2.30”中的日期 2023年2月30日 不存在".to_owned()));
    assert_eq!(dates::span(&text("2023年10月")), Err("“2023年10月”缺少日，请写到具体哪一天，如 2023.10.7".to_owned()));
    for typed in ["十月七日", "23.10.7", "2023.10.7 左右", "10/7/2023", "2023.10.7-"] {
        let err = dates::span(&text(typed)).unwrap_err();
        assert!(err.starts_with(&format!("无法识别日期“{}”", typed.trim())), "{typed}: {err}");
    }
    assert_eq!(dates::single(&text("2023.10.7-10.9")), Err("这里只填一个日期".to_owned()));
}

#[test]
fn a_year_is_four_digits_and_a_range_of_years_is_accepted() {
    assert_eq!(dates::years(&Cell::Number(2023.0)), Ok(Years { from: 2023, to: 2023 }));
    assert_eq!(dates::years(&text("2023年度")), Ok(Years { from: 2023, to: 2023 }));
    assert_eq!(dates::years(&text("2018-2022")), Ok(Years { from: 2018, to: 2022 }));
    assert_eq!(dates::years(&text("2018年至2022年")), Ok(Years { from: 2018, to: 2022 }));
    assert!(dates::years(&text("2022-2018")).unwrap_err().contains("早于"));
    assert!(dates::years(&text("23")).unwrap_err().starts_with("无法识别年度“23”"));
}

#[test]
fn the_kind_is_read_from_the_template_word_a_synonym_the_core_label_or_the_code() {
    let k = |t: &str| vocab::kind(t).map(|(k, _)| k);
    assert_eq!(k("培训"), Some(ActivityKind::Training));
    assert_eq!(k("培训班/研修班/进修班"), Some(ActivityKind::Training));
    assert_eq!(k("网络培训"), Some(ActivityKind::OnlineCourse));
    assert_eq!(k("online_course"), Some(ActivityKind::OnlineCourse));
    assert_eq!(k("科技（社科）奖项"), Some(ActivityKind::Award));
    assert_eq!(k("计算机/数字技术应用能力考试"), Some(ActivityKind::DigitalExam));
    assert_eq!(k("援疆"), Some(ActivityKind::AidPosting));
    assert_eq!(k("以前年度学时认定单"), Some(ActivityKind::PriorCertificate));
    assert_eq!(k("自学"), None);
    assert_eq!(vocab::kind("实用新型专利"), Some((ActivityKind::Patent, Some(PatentType::UtilityModel))));
    assert_eq!(vocab::kind_name(ActivityKind::DegreeCourse), "学历课程");
}

#[test]
fn the_words_of_each_vocabulary_accept_their_common_synonyms() {
    assert_eq!(vocab::category("公需科目"), Ok(Category::Public));
    assert_eq!(vocab::category(" 专业 "), Ok(Category::Professional));
    assert_eq!(vocab::project_level("省级及以上"), Ok(ProjectLevel::Provincial));
    assert_eq!(vocab::project_level("地厅级"), Ok(ProjectLevel::Municipal));
    assert_eq!(vocab::contest_level("国家级"), Ok(ContestLevel::National));
    assert_eq!(vocab::project_role("主持人（负责人）"), Ok(ProjectRole::Host));
    assert_eq!(vocab::project_role("主要完成人"), Ok(ProjectRole::Main));
    assert_eq!(vocab::book_role("独立作者"), Ok(BookRole::First));
    assert_eq!(vocab::book_role("第三作者"), Ok(BookRole::Other));
    assert_eq!(vocab::paper_role("第一作者"), Ok(PaperRole::First));
    assert_eq!(vocab::paper_role("通讯作者"), Ok(PaperRole::Corresponding));
    assert_eq!(vocab::paper_role("2"), Ok(PaperRole::Other));
    assert_eq!(vocab::venue("国外刊物"), Ok(Venue::International));
    assert_eq!(vocab::patent_type("外观设计"), Ok(PatentType::Design));
    assert_eq!(vocab::medal("铜奖"), Ok(Medal::Bronze));
    assert_eq!(vocab::grade("二等奖"), Ok(2));
    assert_eq!(vocab::grade("3"), Ok(3));
    assert_eq!(vocab::project_level("县级"), Err("无法识别“县级”，可填：省部级、市厅级".to_owned()));
}

#[test]
fn a_place_among_names_is_read_from_digits_or_chinese_numerals() {
    for (typed, place) in [("1", 1), ("第2", 2), ("第二发明人", 2), ("排名第3", 3), ("2/5", 2), ("第十二名", 12)]
    {
        assert_eq!(vocab::ordinal(typed), Some(place), "{typed}");
    }
    assert_eq!(vocab::ordinal("靠前"), None);
}

#[test]
fn headers_match_without_spaces_markers_or_remarks_in_brackets() {
    assert_eq!(normalize_header("类别（公需/专业）"), "类别");
    assert_eq!(normalize_header(" * 名 称"), "名称");
    assert_eq!(normalize_header("学时(分)"), "学时");
    assert_eq!(normalize_header("ＩＤ"), "id");
}

#[test]
fn a_number_cell_is_shown_as_typed_and_an_absurd_one_never_as_hundreds_of_digits() {
    assert_eq!(Cell::Number(12.0).display(), "12");
    assert_eq!(Cell::Number(2.5).display(), "2.5");
    assert_eq!(Cell::Number(1e308).display(), "1e308");
}
