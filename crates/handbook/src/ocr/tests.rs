//! The OCR helper as the handbook runs it, with stand-in helpers (shell scripts) that answer as the
//! real one does, refuse, hang, crash or print nonsense. The real helper is run by the e2e tests,
//! the command line's tests and the Windows installer's smoke test.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use xueshi_store::DataDir;

use super::{OcrFailure, OcrHelper};
use crate::Handbook;

/// A stand-in helper running `script` (sh), in `dir`.
pub(super) fn stand_in(dir: &Path, script: &str) -> OcrHelper {
    let program = dir.join("xueshi-ocr");
    std::fs::write(&program, format!("#!/bin/sh\n{script}\n")).expect("script written");
    std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).expect("made runnable");
    OcrHelper { program, models: None, page_time_limit: Duration::from_secs(10) }
}

pub(super) fn photo(dir: &Path) -> PathBuf {
    let path = dir.join("证书照片.jpg");
    std::fs::write(&path, b"\xff\xd8\xff\xe0\0\x10JFIF\0").expect("photo written");
    path
}

pub(super) fn handbook(dir: &Path, helper: Option<OcrHelper>) -> Handbook {
    let mut handbook = Handbook::open(DataDir::new(dir.join("数据"))).expect("opens");
    handbook.set_ocr_helper(helper);
    handbook
}

pub(super) fn printing(json: &str) -> String {
    format!("cat <<'JSON'\n{json}\nJSON")
}

pub(super) const CERTIFICATE_PAGE: &str = r#"{"pages":[{"width":1000,"height":700,"lines":[
{"text":"结业证书","bbox":[0.4,0.1,0.6,0.15],"confidence":0.99},
{"text":"张三同志于2024年5月14日至5月16日参加“中小学教师信息技术应用能力提升”培训，共计24学时，成绩合格，特发此证。","bbox":[0.1,0.3,0.9,0.4],"confidence":0.5},
{"text":"证书编号：HN-2024-0001","bbox":[0.1,0.8,0.5,0.85],"confidence":0.98}],
"qr":[{"text":"https://sypx.csu.edu.cn/verify?no=HN-2024-0001","bbox":[0.8,0.8,0.95,0.95]}]}],"page_count":1}"#;

#[test]
fn the_lines_the_helper_read_come_with_their_page_box_and_confidence_and_the_qr_codes() {
    let dir = tempfile::tempdir().expect("temp");
    let text = stand_in(dir.path(), &printing(CERTIFICATE_PAGE)).read(&photo(dir.path())).expect("read");
    assert_eq!(text.lines.len(), 3);
    assert_eq!(text.lines[2].text, "证书编号：HN-2024-0001");
    assert_eq!((text.lines[2].page, text.lines[2].bbox), (0, Some([0.1, 0.8, 0.5, 0.85])));
    assert_eq!(text.confidences, [0.99, 0.5, 0.98]);
    assert_eq!(text.qr.len(), 1);
    assert_eq!(text.qr[0].1.text, "https://sypx.csu.edu.cn/verify?no=HN-2024-0001");
}

#[test]
fn a_photo_suggests_its_fields_each_as_sure_as_the_recognizer_was_of_its_line() {
    let dir = tempfile::tempdir().expect("temp");
    let handbook = handbook(dir.path(), Some(stand_in(dir.path(), &printing(CERTIFICATE_PAGE))));
    let scan = handbook.scan_certificate(&photo(dir.path())).expect("scanned");
    assert!(scan.recognised);
    let number = scan.fields.certificate_number.as_ref().expect("the number");
    assert_eq!(number.value, "HN-2024-0001");
    assert!(number.confidence > 0.5);
    let hours = scan.fields.hours.as_ref().expect("the hours");
    assert_eq!(hours.value, 24.0);
    assert!(hours.confidence <= 0.5, "the line was read at 0.5: {}", hours.confidence);
    assert_eq!(scan.qr.len(), 1);
    assert_eq!(scan.qr[0].text, "https://sypx.csu.edu.cn/verify?no=HN-2024-0001");
}

#[test]
fn a_pdf_of_several_pages_is_read_one_page_per_run_and_no_more_than_three() {
    let dir = tempfile::tempdir().expect("temp");
    let log = dir.path().join("runs.txt");
    let script = format!(
        "echo \"$3\" >> '{}'\necho '{{\"pages\":[{{\"lines\":[{{\"text\":\"第'$3'页\",\"bbox\":[0,0,1,0.1],\"confidence\":0.9}}]}}],\"page_count\":7}}'",
        log.display()
    );
    let text = stand_in(dir.path(), &script).read(&photo(dir.path())).expect("read");
    assert_eq!(std::fs::read_to_string(&log).expect("log"), "1\n2\n3\n");
    let pages: Vec<(usize, &str)> = text.lines.iter().map(|l| (l.page, l.text.as_str())).collect();
    assert_eq!(pages, [(0, "第1页"), (1, "第2页"), (2, "第3页")]);
}

#[test]
fn a_helper_that_passes_the_time_limit_is_stopped_and_said_to_have_taken_too_long() {
    let dir = tempfile::tempdir().expect("temp");
    let mut helper = stand_in(dir.path(), "sleep 30");
    helper.page_time_limit = Duration::from_millis(300);
    let started = Instant::now();
    assert_eq!(helper.read(&photo(dir.path())), Err(OcrFailure::TimedOut(0)));
    assert!(started.elapsed() < Duration::from_secs(10), "it was killed, not waited for");
}

#[test]
fn the_helpers_own_refusal_reaches_the_user_in_its_words() {
    let dir = tempfile::tempdir().expect("temp");
    let handbook = handbook(dir.path(), Some(stand_in(dir.path(), "echo '这份图片已损坏，无法读取' >&2\nexit 2")));
    let error = handbook.scan_certificate(&photo(dir.path())).expect_err("refused").to_string();
    assert_eq!(error, "“证书照片.jpg”的文字没有识别出来：这份图片已损坏，无法读取。请对照证书手动填写记录");
}

#[test]
fn nonsense_a_crash_or_boxes_off_the_page_are_not_taken_for_text() {
    let dir = tempfile::tempdir().expect("temp");
    for script in ["echo 'not json'", "kill -9 $$", "exit 3"] {
        assert_eq!(stand_in(dir.path(), script).read(&photo(dir.path())), Err(OcrFailure::Crashed), "{script}");
    }
    let odd = r#"echo '{"pages":[{"lines":[{"text":"a\u0007b","bbox":[0.5,0.5,2,0.6],"confidence":7},{"text":"  ","bbox":[0,0,1,1],"confidence":1}]}]}'"#;
    let text = stand_in(dir.path(), odd).read(&photo(dir.path())).expect("read");
    assert_eq!(text.lines.len(), 1);
    assert_eq!((text.lines[0].text.as_str(), text.lines[0].bbox, text.confidences[0]), ("ab", None, 1.0));
}

#[test]
fn a_page_with_no_text_is_said_to_have_none() {
    let dir = tempfile::tempdir().expect("temp");
    let empty = r#"echo '{"pages":[{"lines":[],"qr":[]}],"page_count":1}'"#;
    let handbook = handbook(dir.path(), Some(stand_in(dir.path(), empty)));
    let error = handbook.scan_certificate(&photo(dir.path())).expect_err("nothing read").to_string();
    assert_eq!(error, "“证书照片.jpg”中没有认出文字。请对照证书手动填写记录");
}

#[test]
fn without_the_helper_a_photo_is_filled_in_by_hand_and_the_message_says_why() {
    let dir = tempfile::tempdir().expect("temp");
    let handbook = handbook(dir.path(), None);
    let error = handbook.scan_certificate(&photo(dir.path())).expect_err("refused").to_string();
    assert!(error.starts_with("“证书照片.jpg”是照片或扫描件，需要文字识别程序"), "{error}");
    assert!(error.contains("手动填写"), "{error}");
}
