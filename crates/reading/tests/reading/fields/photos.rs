//! Certificates as PP-OCR read the photos and scans the OCR helper's accuracy test draws
//! (crates/ocr/tests/ocr/fields): what that recognizer does to a certificate's text, kept here
//! so the extraction is tested on it without the models.

use xueshi_core::kinds::ActivityKind::{OnlineCourse, Training};
use xueshi_reading::ProfileHint;

use super::corpus::{Certificate, Expected};

/// A 研修班's 结业证书 photographed: the recognizer leaves out the 〇 of a year in Chinese digits
/// (二〇二四 read 二二四), and the quoted title runs on to the next line.
pub const YEAR_WITHOUT_ZERO: Certificate = Certificate {
    text: "结业证书
兹证明梁宇同志于二二四年四月十四日至十九日在湖南省继续教育中心参加“高校辅导员
素质能力提升专题研修班”学习，学时：45，经考核合格，特发此证。
证书编号：2024HN75005
湖南省继续教育中心
发证日期：2024.04.27",
    profile: ProfileHint { name: Some("梁宇"), id_number: None },
    expected: Expected {
        name: Some(("梁宇", Some(true))),
        certificate_number: Some("2024HN75005"),
        title: Some("高校辅导员素质能力提升专题研修班"),
        provider: Some("湖南省继续教育中心"),
        date: Some("2024-04-14"),
        end_date: Some("2024-04-19"),
        hours: Some(45.0),
        credits: None,
        kind: Some(Training),
        id_number: None,
    },
};

/// A website's 学时证明 (a 人才网, not a 平台): an online course all the same.
pub const WEBSITE_PROOF: Certificate = Certificate {
    text: "继续教育学时证明
姓名：朱静
身份证号：43010219690422541X
课程名称：数字经济与创新驱动
学习时间：2023年7月22日至9月6日
共计二十七学时
证明编号：2023HN60809
湖南人才网
2023-09-07",
    profile: ProfileHint { name: Some("朱静"), id_number: Some("43010219690422541X") },
    expected: Expected {
        name: Some(("朱静", Some(true))),
        certificate_number: Some("2023HN60809"),
        title: Some("数字经济与创新驱动"),
        provider: Some("湖南人才网"),
        date: Some("2023-07-22"),
        end_date: Some("2023-09-06"),
        hours: Some(27.0),
        credits: None,
        kind: Some(OnlineCourse),
        id_number: Some(("43010219690422541X", Some(true))),
    },
};

/// A noisy photo of a 结业证书: the opening quote at the end of a line is lost, the closing one kept.
pub const OPENING_QUOTE_LOST: Certificate = Certificate {
    text: "结业证书
学员姓名：毛英
身份证号：430111196711248005
于二〇二三年十一月十八日至二〇二三年十一月二十四日参加湖南省教育科学研究院举办的
教育科研方法专题培训班”，共计十六学时，经考核合格，特发此证。
证书编号：2023CS60026
湖南省教育科学研究院
发证日期：2023.11.28",
    profile: ProfileHint { name: Some("毛英"), id_number: Some("430111196711248005") },
    expected: Expected {
        name: Some(("毛英", Some(true))),
        certificate_number: Some("2023CS60026"),
        title: Some("教育科研方法专题培训班"),
        provider: Some("湖南省教育科学研究院"),
        date: Some("2023-11-18"),
        end_date: Some("2023-11-24"),
        hours: Some(16.0),
        credits: None,
        kind: Some(Training),
        id_number: Some(("430111196711248005", Some(true))),
    },
};

/// An image-only PDF of a website's 学时证明: the closing quote read as a single one (“…’).
pub const CLOSING_QUOTE_MISREAD: Certificate = Certificate {
    text: "继续教育学时证明
学员：梁玲
身份证号：430302197612283760
该学员于2023年3月3日在湖南人才网完成“知识产权保护实务’
在线学习，共计27学时，成绩合格。
编号：（2023）湘继教结字第0356号
湖南人才网
发证日期：二〇二三年三月十二日",
    profile: ProfileHint { name: Some("梁玲"), id_number: Some("430302197612283760") },
    expected: Expected {
        name: Some(("梁玲", Some(true))),
        certificate_number: Some("（2023）湘继教结字第0356号"),
        title: Some("知识产权保护实务"),
        provider: Some("湖南人才网"),
        date: Some("2023-03-03"),
        end_date: None,
        hours: Some(27.0),
        credits: None,
        kind: Some(OnlineCourse),
        id_number: Some(("430302197612283760", Some(true))),
    },
};

/// Every certificate of this part of the corpus, named.
pub const ALL: &[(&str, &Certificate)] = &[
    ("YEAR_WITHOUT_ZERO", &YEAR_WITHOUT_ZERO),
    ("WEBSITE_PROOF", &WEBSITE_PROOF),
    ("OPENING_QUOTE_LOST", &OPENING_QUOTE_LOST),
    ("CLOSING_QUOTE_MISREAD", &CLOSING_QUOTE_MISREAD),
];
