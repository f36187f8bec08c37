//! The spreadsheet columns of issue 9: 培训平台 of a staff training, 任务类型 of a posting, and the
//! 学时 on the proof of a training, meeting or practice — each in words or codes, an unknown value
//! named with its choices.

use crate::common::{problems, titled};
use xueshi_core::kinds::{AidTask, Platform};
use xueshi_core::{Detail, Hours};
use xueshi_store::spreadsheet::read_spreadsheet;

const CSV: &str = "形式,名称,起止日期,类别,天数,学时,培训平台,任务类型
培训,全科医师转岗培训,2017.5.8-2017.5.9,专业,2,16,,
学术会议,学术年会,2017.9.1,专业,,8,,
实践活动,基层实践,2017.10.1,专业,1,6学时,,
事业单位培训,在线培训,2026.3.1,公需,,20,统一平台,
事业单位培训,单位自办培训,2026.4.1,公需,,10,other,
事业单位培训,省平台培训,2026.5.1,公需,,10,其他平台,
三援,东西部协作,2023.3.1-2023.12.31,,,,,东西部扶贫协作
三援,三援医疗队,2023.3.1-2023.12.31,,,,,sanyuan
援疆,援疆支教,2023.12.31-2024.6.30,,,,,
特定任务,省定任务,2024.1.1-2024.12.31,,,,,其他
三援,没有任务类型,2024.1.1-2024.12.31,,,,,
事业单位培训,平台写错,2026.6.1,公需,,10,省平台,
三援,任务写错,2024.1.1-2024.12.31,,,,,援朝
援藏,形式与任务不一致,2024.1.1-2024.12.31,,,,,东西部扶贫协作
";

#[test]
fn a_training_a_meeting_and_a_practice_keep_the_hours_on_their_proof() {
    let import = read_spreadsheet("登记表.csv", CSV.as_bytes()).unwrap();
    let sessions = |title: &str| titled(&import.activities, title).detail.clone();
    assert_eq!(
        sessions("全科医师转岗培训"),
        Detail::Sessions { days: 2, half_days: 0, evenings: 0, hours: Some(Hours::whole(16)) }
    );
    assert_eq!(
        sessions("学术年会"),
        Detail::Sessions { days: 0, half_days: 0, evenings: 0, hours: Some(Hours::whole(8)) }
    );
    assert_eq!(
        sessions("基层实践"),
        Detail::Sessions { days: 1, half_days: 0, evenings: 0, hours: Some(Hours::whole(6)) }
    );
}

#[test]
fn the_platform_of_a_staff_training_is_read_in_words_or_codes() {
    let import = read_spreadsheet("登记表.csv", CSV.as_bytes()).unwrap();
    let platform = |title: &str| match titled(&import.activities, title).detail {
        Detail::Hours { platform, .. } => platform,
        ref other => panic!("{other:?}"),
    };
    assert_eq!(platform("在线培训"), Some(Platform::Unified));
    assert_eq!(platform("单位自办培训"), Some(Platform::Other));
    assert_eq!(platform("省平台培训"), Some(Platform::Other));
}

#[test]
fn the_task_of_a_posting_is_read_in_words_or_codes_or_from_a_kind_that_names_it() {
    let import = read_spreadsheet("登记表.csv", CSV.as_bytes()).unwrap();
    let task = |title: &str| titled(&import.activities, title).detail.clone();
    assert_eq!(task("东西部协作"), Detail::Posting { task: Some(AidTask::EastWest) });
    assert_eq!(task("三援医疗队"), Detail::Posting { task: Some(AidTask::Sanyuan) });
    assert_eq!(task("援疆支教"), Detail::Posting { task: Some(AidTask::Sanyuan) }, "援疆 is one of the 三援");
    assert_eq!(task("省定任务"), Detail::Posting { task: Some(AidTask::Other) });
    assert_eq!(task("没有任务类型"), Detail::Posting { task: None }, "the template's word 三援 does not decide it");
}

#[test]
fn an_unknown_platform_or_task_is_named_with_the_choices() {
    let import = read_spreadsheet("登记表.csv", CSV.as_bytes()).unwrap();
    assert_eq!(
        problems(&import.errors),
        vec![
            (13, Some("培训平台"), "无法识别“省平台”，可填：统一平台、其他平台"),
            (14, Some("任务类型"), "无法识别“援朝”，可填：三援、东西部扶贫协作、其他"),
            (15, Some("任务类型"), "与形式“援藏”不一致"),
        ]
    );
    assert_eq!(import.activities.len(), 11);
}

#[test]
fn the_new_columns_are_found_under_their_usual_headers() {
    let csv = "学习形式,培训名称,学习时间,科目类别,学时数,平台,任务\n\
               事业单位工作人员培训,在线培训,2026.3.1,公需,20,统一平台,\n\
               对口支援,支援,2023.3.1-2023.12.31,,,,三援\n";
    let import = read_spreadsheet("登记表.csv", csv.as_bytes()).unwrap();
    assert!(import.errors.is_empty(), "{:#?}", import.errors);
    assert_eq!(
        import.activities[0].detail,
        Detail::Hours { hours: Hours::whole(20), platform: Some(Platform::Unified) }
    );
    assert_eq!(import.activities[1].detail, Detail::Posting { task: Some(AidTask::Sanyuan) });
}
