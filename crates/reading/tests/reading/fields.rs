//! The fields a certificate's text suggests: each certificate of the corpus read field by field,
//! the accuracy over the whole corpus, where each field was read, the JSON `xueshi scan --json`
//! prints, and arbitrary text read without a panic.

mod corpus;
mod photos;

use corpus::{Certificate, Expected};
use proptest::prelude::*;
use xueshi_reading::{CertificateFields, ProfileHint, TextLine, extract_fields, lines_of, pdf_lines, pdf_text};

/// The fields of a reading, each as text to compare (`None` when absent).
fn read(fields: &CertificateFields) -> Vec<(&'static str, Option<String>)> {
    let text = |s: &Option<xueshi_reading::Suggested<String>>| s.as_ref().map(|s| s.value.clone());
    let person = |s: &Option<xueshi_reading::Suggested<String>>| {
        s.as_ref().map(|s| format!("{} (profile's: {:?})", s.value, s.matches_profile))
    };
    vec![
        ("name", person(&fields.name)),
        ("certificate_number", text(&fields.certificate_number)),
        ("title", text(&fields.title)),
        ("provider", text(&fields.provider)),
        ("date", fields.date.as_ref().map(|d| d.value.to_string())),
        ("end_date", fields.end_date.as_ref().map(|d| d.value.to_string())),
        ("hours", fields.hours.as_ref().map(|h| h.value.to_string())),
        ("credits", fields.credits.as_ref().map(|c| c.value.to_string())),
        ("kind", fields.kind.as_ref().map(|k| k.value.code().to_owned())),
        ("id_number", person(&fields.id_number)),
    ]
}

/// The fields expected, in the same form as [`read`].
fn expected(e: &Expected) -> Vec<(&'static str, Option<String>)> {
    let person = |p: Option<(&str, Option<bool>)>| p.map(|(v, m)| format!("{v} (profile's: {m:?})"));
    let text = |t: Option<&str>| t.map(str::to_owned);
    vec![
        ("name", person(e.name)),
        ("certificate_number", text(e.certificate_number)),
        ("title", text(e.title)),
        ("provider", text(e.provider)),
        ("date", text(e.date)),
        ("end_date", text(e.end_date)),
        ("hours", e.hours.map(|h| h.to_string())),
        ("credits", e.credits.map(|c| c.to_string())),
        ("kind", e.kind.map(|k| k.code().to_owned())),
        ("id_number", person(e.id_number)),
    ]
}

fn extract(certificate: &Certificate) -> CertificateFields {
    extract_fields(&lines_of(certificate.text), &certificate.profile)
}

/// Asserts that every field of `certificate` is read as expected, naming each one that is not.
fn reads_every_field(certificate: &Certificate) {
    let fields = extract(certificate);
    let wrong: Vec<String> = read(&fields)
        .into_iter()
        .zip(expected(&certificate.expected))
        .filter(|(got, want)| got != want)
        .map(|((field, got), (_, want))| format!("{field}: read {got:?}, expected {want:?}"))
        .collect();
    assert!(wrong.is_empty(), "{}\n\n{}", wrong.join("\n"), certificate.text);
}

#[test]
fn a_seminar_certificate_as_the_pdf_reader_gives_it_is_read_field_by_field() {
    reads_every_field(&corpus::STSONG);
}

#[test]
fn the_same_certificate_through_an_ocr_with_full_width_characters_spaces_and_misread_characters_reads_the_same() {
    reads_every_field(&corpus::STSONG_OCR);
}

#[test]
fn a_platforms_proof_of_hours_is_an_online_course_titled_by_the_programme_not_the_list_of_courses() {
    reads_every_field(&corpus::PLATFORM);
}

#[test]
fn the_platforms_proof_through_an_ocr_reads_l_as_1_and_o_as_0_in_dates_numbers_and_the_id_number() {
    reads_every_field(&corpus::PLATFORM_OCR);
}

#[test]
fn the_2017_qualification_certificate_keeps_its_city_in_the_number_and_reads_a_spaced_two_character_name() {
    reads_every_field(&corpus::QUALIFIED_2017);
}

#[test]
fn a_conference_with_credits_but_no_rate_gives_credits_and_no_hours() {
    reads_every_field(&corpus::CONFERENCE);
}

#[test]
fn a_staff_training_platforms_certificate_is_staff_training() {
    reads_every_field(&corpus::STAFF);
}

#[test]
fn a_university_seminar_through_an_ocr_is_read_with_its_seal_line_as_provider() {
    reads_every_field(&corpus::UNIVERSITY_OCR);
}

#[test]
fn credits_become_hours_at_the_rate_the_certificate_states_and_someone_elses_name_and_id_are_flagged() {
    reads_every_field(&corpus::CREDITS);
}

#[test]
fn a_certificate_in_chinese_numerals_gives_its_dates_and_hours() {
    reads_every_field(&corpus::NUMERALS);
}

#[test]
fn a_list_of_courses_gives_its_total_and_the_date_of_issue_but_no_title() {
    reads_every_field(&corpus::COURSE_LIST);
}

#[test]
fn a_certificate_with_only_a_date_of_issue_gives_that_date_alone() {
    reads_every_field(&corpus::ISSUE_ONLY);
}

#[test]
fn an_id_number_with_a_wrong_check_character_is_not_suggested() {
    reads_every_field(&corpus::HOSPITAL);
}

#[test]
fn slashed_dates_half_width_colons_and_lesson_hours_are_read() {
    reads_every_field(&corpus::SLASHES);
}

#[test]
fn a_lectures_dotted_date_is_the_lecture_not_the_date_of_issue() {
    reads_every_field(&corpus::LECTURE);
}

#[test]
fn a_period_that_goes_on_after_zhi_on_the_next_line_ends_there_and_the_lower_seal_is_the_provider() {
    reads_every_field(&corpus::NEXT_LINE);
}

#[test]
fn a_photographed_conference_certificate_reads_a_dash_taken_for_yi_in_its_number() {
    reads_every_field(&corpus::CONFERENCE_OCR);
}

#[test]
fn a_national_platforms_proof_gives_decimal_hours_and_the_teacher_it_addresses() {
    reads_every_field(&corpus::DECIMAL);
}

#[test]
fn a_national_bases_certificate_with_spaces_around_its_numbers_finds_the_profiles_name_in_the_text() {
    reads_every_field(&corpus::BASE);
}

#[test]
fn an_earlier_years_hours_certificate_is_a_prior_certificate_with_the_total_of_its_hours() {
    reads_every_field(&corpus::PRIOR);
}

#[test]
fn a_masked_id_number_is_no_id_number_and_a_first_line_naming_the_years_training_is_the_title() {
    reads_every_field(&corpus::MASKED);
}

#[test]
fn a_conference_named_in_a_sentence_is_titled_without_its_bracketed_dates() {
    reads_every_field(&corpus::NATIONAL_CONFERENCE);
}

#[test]
fn a_period_in_months_only_leaves_the_date_of_issue_as_the_date() {
    reads_every_field(&corpus::MONTHS);
}

#[test]
fn a_labelled_title_keeps_its_dash_and_loses_its_quotes_and_the_organiser_is_preferred_to_the_host() {
    reads_every_field(&corpus::NATIONAL_PLAN);
}

#[test]
fn spaced_labels_full_width_digits_and_a_decimal_point_are_read_through() {
    reads_every_field(&corpus::SPACED_LABELS);
}

#[test]
fn a_bilingual_conference_certificate_is_titled_by_its_chinese_name_line() {
    reads_every_field(&corpus::BILINGUAL);
}

#[test]
fn a_label_with_one_misread_character_still_gives_the_certificate_number() {
    reads_every_field(&corpus::MISREAD_LABELS);
}

#[test]
fn a_number_written_like_an_official_documents_is_the_certificate_number() {
    reads_every_field(&corpus::DOCUMENT_NUMBER);
}

#[test]
fn an_iso_date_alone_at_the_bottom_is_the_date_of_issue_and_the_platform_the_provider() {
    reads_every_field(&corpus::TEACHERS_PLATFORM);
}

#[test]
fn a_quoted_title_that_runs_onto_the_next_line_is_read_whole_and_a_seals_mark_is_left_out() {
    reads_every_field(&corpus::BROKEN_QUOTE);
}

#[test]
fn spaces_around_the_dashes_of_a_number_are_dropped() {
    reads_every_field(&corpus::SPACED_NUMBER);
}

#[test]
fn a_total_after_its_label_is_the_hours_of_a_table_of_courses() {
    reads_every_field(&corpus::TOTAL_AFTER);
}

#[test]
fn a_year_in_chinese_digits_whose_zero_the_ocr_left_out_is_read_with_it() {
    reads_every_field(&photos::YEAR_WITHOUT_ZERO);
}

#[test]
fn a_websites_proof_of_hours_is_an_online_course_like_a_platforms() {
    reads_every_field(&photos::WEBSITE_PROOF);
}

#[test]
fn a_title_whose_opening_quote_the_ocr_lost_at_the_end_of_a_line_is_read_from_the_next() {
    reads_every_field(&photos::OPENING_QUOTE_LOST);
}

#[test]
fn a_title_closed_by_a_quote_the_ocr_misread_is_read_to_that_quote() {
    reads_every_field(&photos::CLOSING_QUOTE_MISREAD);
}

#[test]
fn at_least_95_percent_of_the_fields_of_the_corpus_are_read_right() {
    let (mut right, mut counted, mut wrong) = (0, 0, Vec::new());
    for (name, certificate) in corpus::ALL.iter().chain(photos::ALL) {
        for ((field, got), (_, want)) in read(&extract(certificate)).into_iter().zip(expected(&certificate.expected)) {
            // A field counts when the certificate gives it or when one is read that it does not give.
            if want.is_some() || got.is_some() {
                counted += 1;
                if got == want {
                    right += 1;
                } else {
                    wrong.push(format!("{name}.{field}: read {got:?}, expected {want:?}"));
                }
            }
        }
    }
    let accuracy = f64::from(right) / f64::from(counted.max(1));
    println!("fields read right: {right} of {counted} ({:.1} %)", accuracy * 100.0);
    assert!(counted >= 230, "the corpus gives {counted} fields");
    assert!(accuracy >= 0.95, "{right} of {counted} fields right:\n{}", wrong.join("\n"));
}

#[test]
fn the_certificate_pdf_read_by_hayro_gives_the_same_fields_as_its_text() {
    let pdf = include_bytes!("../../../../tests/fixtures/certificate-stsong.pdf");
    let text = pdf_text(pdf).expect("readable").expect("a text layer");
    let fields = extract_fields(&lines_of(&text), &corpus::STSONG.profile);
    assert_eq!(read(&fields), expected(&corpus::STSONG.expected));
}

#[test]
fn the_certificate_pdf_read_line_by_line_with_positions_gives_the_same_fields_and_where_they_are() {
    let pdf = include_bytes!("../../../../tests/fixtures/certificate-stsong.pdf");
    let lines = pdf_lines(pdf).expect("readable").expect("a text layer");
    let fields = extract_fields(&lines, &corpus::STSONG.profile);
    assert_eq!(read(&fields), expected(&corpus::STSONG.expected));
    let at = |line: Option<usize>| lines[line.expect("read")].bbox.expect("a position");
    let (heading, name, number) =
        (at(Some(0)), at(fields.name.map(|s| s.line)), at(fields.certificate_number.map(|s| s.line)));
    assert!(heading[1] < name[1] && name[1] < number[1], "top to bottom: {heading:?} {name:?} {number:?}");
    for [left, top, right, bottom] in lines.iter().filter_map(|l| l.bbox) {
        assert!((0.0..=1.0).contains(&left) && left < right && right <= 1.0, "{left} {right}");
        assert!((0.0..=1.0).contains(&top) && top < bottom && bottom <= 1.0, "{top} {bottom}");
    }
}

#[test]
fn each_field_says_which_line_it_was_read_from() {
    let fields = extract(&corpus::STSONG);
    let line = |s: Option<usize>| s.expect("read");
    assert_eq!(line(fields.name.map(|s| s.line)), 1);
    assert_eq!(line(fields.id_number.map(|s| s.line)), 2);
    assert_eq!(line(fields.date.map(|s| s.line)), 3);
    assert_eq!(line(fields.end_date.map(|s| s.line)), 3);
    assert_eq!(line(fields.title.map(|s| s.line)), 3);
    assert_eq!(line(fields.hours.map(|s| s.line)), 4);
    assert_eq!(line(fields.certificate_number.map(|s| s.line)), 5);
    assert_eq!(line(fields.provider.map(|s| s.line)), 6);
    assert_eq!(line(fields.kind.map(|s| s.line)), 3, "研修班 says more than 结业证书");
    let next_line = extract(&corpus::NEXT_LINE);
    assert_eq!(next_line.date.map(|d| d.line), Some(1));
    assert_eq!(next_line.end_date.map(|d| d.line), Some(2), "the end is on the line after 至");
}

#[test]
fn the_json_gives_dates_as_text_hours_as_a_number_the_kind_as_its_code_and_leaves_out_what_is_absent() {
    let json = serde_json::to_value(extract(&corpus::STSONG)).expect("serialisable");
    let fields = json.as_object().expect("an object");
    let keys: Vec<&str> = fields.keys().map(String::as_str).collect();
    let mut want =
        ["name", "certificate_number", "title", "provider", "date", "end_date", "hours", "kind", "id_number"];
    want.sort_unstable();
    assert_eq!(keys, want, "credits, which the certificate does not give, is left out");
    assert_eq!(json["date"]["value"], "2024-05-12");
    assert_eq!(json["end_date"]["value"], "2024-05-13");
    assert_eq!(json["hours"]["value"], 16.0);
    assert_eq!(json["kind"]["value"], "training");
    assert_eq!(json["name"]["value"], "王晓梅");
    assert_eq!(json["name"]["matches_profile"], true);
    assert_eq!(json["certificate_number"]["line"], 5);
    assert!(json["title"].get("matches_profile").is_none(), "only the profile's fields are compared");
    let confidence = json["title"]["confidence"].as_f64().expect("a number");
    assert!((0.0..=1.0).contains(&confidence), "{confidence}");
}

#[test]
fn lines_skip_empty_ones_and_a_form_feed_starts_a_new_page() {
    let lines = lines_of("结业证书\n\n  学员姓名：王晓梅  \r\n\u{c}第二页\n");
    let got: Vec<(&str, usize)> = lines.iter().map(|l| (l.text.as_str(), l.page)).collect();
    assert_eq!(got, [("结业证书", 0), ("学员姓名：王晓梅", 0), ("第二页", 1)]);
    assert!(lines.iter().all(|l| l.bbox.is_none()));
}

#[test]
fn with_boxes_the_lowest_organisation_on_the_page_is_the_provider_whatever_the_order_of_the_lines() {
    let line =
        |text: &str, top: f32| TextLine { text: text.to_owned(), page: 0, bbox: Some([0.1, top, 0.9, top + 0.03]) };
    let lines = [
        line("湖南师范大学继续教育学院", 0.85),
        line("结业证书", 0.08),
        line("湖南师范大学", 0.15),
        line("于2024年5月12日至5月13日参加“小学数学教学研修班”，共计16学时。", 0.4),
    ];
    let fields = extract_fields(&lines, &ProfileHint::default());
    let provider = fields.provider.expect("a provider");
    assert_eq!((provider.value.as_str(), provider.line), ("湖南师范大学继续教育学院", 0));
    assert_eq!(fields.title.map(|t| t.line), Some(3));
}

#[test]
fn impossible_dates_and_ranges_that_end_before_they_begin_are_not_suggested() {
    let fields = extract_fields(&lines_of("培训时间：2023年2月30日\n发证日期：2023年13月1日"), &ProfileHint::default());
    assert_eq!((fields.date, fields.end_date), (None, None));
    let fields = extract_fields(&lines_of("于2024年6月12日至5月13日参加培训"), &ProfileHint::default());
    assert_eq!(fields.date.map(|d| d.value.to_string()), Some("2024-06-12".to_owned()));
    assert_eq!(fields.end_date, None);
}

#[test]
fn the_length_of_an_hour_and_a_rate_of_credits_are_not_hours() {
    let read_hours = |text: &str| extract_fields(&lines_of(text), &ProfileHint::default()).hours.map(|h| h.value);
    assert_eq!(read_hours("共计16学时（1学时=45分钟）"), Some(16.0));
    assert_eq!(read_hours("每学时为45分钟，本次培训共计24学时"), Some(24.0));
    assert_eq!(read_hours("1学分=10学时"), None, "a rate alone gives no hours");
    assert_eq!(read_hours("获得2学分（每学分折合10学时）"), Some(20.0));
    assert_eq!(read_hours("获得2.5学分"), None, "学分 without a rate are not turned into hours");
    assert_eq!(read_hours("完成培训四十八课时"), Some(48.0));
}

#[test]
fn without_a_profile_names_and_id_numbers_are_read_but_not_compared() {
    let fields = extract(&Certificate { profile: ProfileHint::default(), ..corpus::STSONG });
    let name = fields.name.expect("a name");
    assert_eq!((name.value.as_str(), name.matches_profile), ("王晓梅", None));
    assert_eq!(fields.id_number.map(|i| i.matches_profile), Some(None));
}

#[test]
fn a_name_is_never_invented_from_the_profile_when_the_text_does_not_give_it() {
    let profile = ProfileHint { name: Some("王晓梅"), id_number: Some("430102198805161237") };
    let fields = extract_fields(&lines_of("结业证书\n于2024年5月12日参加“数字化教学能力提升研修班”"), &profile);
    assert_eq!((fields.name, fields.id_number), (None, None));
}

proptest! {
    #[test]
    fn any_text_is_read_without_a_panic(text in "\\PC{0,400}") {
        let lines = lines_of(&text);
        let fields = extract_fields(&lines, &ProfileHint { name: Some("王晓梅"), id_number: Some("430102198805161237") });
        check_suggestions(&fields, lines.len());
    }

    #[test]
    fn text_made_of_certificate_words_and_digits_is_read_without_a_panic(
        parts in proptest::collection::vec(proptest::sample::select(PIECES.to_vec()), 0..60),
        boxes in proptest::collection::vec(proptest::option::of(proptest::array::uniform4(proptest::num::f32::ANY)), 0..8),
    ) {
        let text: String = parts.concat();
        let lines: Vec<TextLine> = text
            .split('\n')
            .enumerate()
            .map(|(i, t)| TextLine { text: t.to_owned(), page: i % 3, bbox: boxes.get(i).copied().flatten() })
            .collect();
        let fields = extract_fields(&lines, &ProfileHint::default());
        check_suggestions(&fields, lines.len());
    }
}

/// The pieces the second property's texts are made of: the words, numerals and marks the
/// extraction looks for, and what an OCR confuses them with.
const PIECES: &[&str] = &[
    "\n",
    " ",
    "　",
    "：",
    ":",
    "年",
    "月",
    "日",
    "曰",
    "至",
    "到",
    "—",
    "-",
    "~",
    ".",
    "/",
    "学时",
    "学分",
    "课时",
    "=",
    "每",
    "折合",
    "共计",
    "合计",
    "证书编号",
    "编号",
    "No.",
    "姓名",
    "兹证明",
    "同志",
    "身份证号",
    "“",
    "”",
    "《",
    "》",
    "（",
    "）",
    "参加",
    "主办的",
    "由",
    "主办",
    "大学",
    "中心",
    "平台",
    "培训班",
    "研修班",
    "会议",
    "网络培训",
    "发证日期",
    "于",
    "〇",
    "零",
    "一",
    "二",
    "三",
    "十",
    "百",
    "两",
    "O",
    "l",
    "I",
    "|",
    "0",
    "1",
    "2",
    "9",
    "2024",
    "12",
    "31",
    "0.5",
    "１",
    "４",
    "430102198805161237",
    "X",
    "·",
    "第",
    "个",
    "王晓梅",
    "，",
    "。",
    "盖章",
    "(",
    ")",
    "\u{200b}",
];

/// Every suggestion is as sure as 0 to 1 and points to one of the lines given.
fn check_suggestions(fields: &CertificateFields, lines: usize) {
    let mut seen = Vec::new();
    let mut note = |confidence: f32, line: usize| seen.push((confidence, line));
    for s in [&fields.name, &fields.certificate_number, &fields.title, &fields.provider, &fields.id_number]
        .into_iter()
        .flatten()
    {
        note(s.confidence, s.line);
    }
    for s in [&fields.date, &fields.end_date].into_iter().flatten() {
        note(s.confidence, s.line);
    }
    for s in [&fields.hours, &fields.credits].into_iter().flatten() {
        note(s.confidence, s.line);
        assert!(s.value.is_finite() && s.value > 0.0, "{}", s.value);
    }
    if let Some(s) = &fields.kind {
        note(s.confidence, s.line);
    }
    for (confidence, line) in seen {
        assert!((0.0..=1.0).contains(&confidence) && line < lines, "{confidence} {line} of {lines}");
    }
    if let (Some(date), Some(end)) = (&fields.date, &fields.end_date) {
        assert!(end.value >= date.value, "{} after {}", date.value, end.value);
    }
}

/// The longest texts a PDF can give (MAX_CHARS of them) are read whole, with sane suggestions; how
/// fast is the benchmark's to say (`cargo bench -p xueshi-reading`), not a timed test's.
#[test]
fn the_longest_text_a_pdf_gives_is_read_whole_with_sane_suggestions() {
    let certificate = corpus::PLATFORM_OCR.text;
    let many_lines: String = certificate.chars().cycle().take(xueshi_reading::MAX_CHARS).collect();
    let one_line: String = many_lines.replace('\n', " ");
    let quotes_and_digits: String = "“1学时2024年".chars().cycle().take(xueshi_reading::MAX_CHARS).collect();
    for text in [many_lines, one_line, quotes_and_digits] {
        let fields = extract_fields(&lines_of(&text), &corpus::LI);
        check_suggestions(&fields, lines_of(&text).len());
    }
}
