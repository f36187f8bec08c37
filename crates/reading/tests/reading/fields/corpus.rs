//! Certificates written for these tests, as a PDF reader or an OCR gives their text, with every
//! field a careful reader would fill in from them (and none where the text does not say).

use xueshi_core::kinds::ActivityKind::{self, Conference, OnlineCourse, PriorCertificate, StaffTraining, Training};
use xueshi_reading::ProfileHint;

/// One certificate's text, whose profile reads it, and the fields expected.
pub struct Certificate {
    pub text: &'static str,
    pub profile: ProfileHint<'static>,
    pub expected: Expected,
}

/// Every field as it should be read; `None` where the certificate does not give it.
#[derive(Default)]
pub struct Expected {
    /// The name, and whether it is the profile's.
    pub name: Option<(&'static str, Option<bool>)>,
    pub certificate_number: Option<&'static str>,
    pub title: Option<&'static str>,
    pub provider: Option<&'static str>,
    pub date: Option<&'static str>,
    pub end_date: Option<&'static str>,
    pub hours: Option<f64>,
    pub credits: Option<f64>,
    pub kind: Option<ActivityKind>,
    /// The 身份证号, and whether it is the profile's.
    pub id_number: Option<(&'static str, Option<bool>)>,
}

const WANG: ProfileHint = ProfileHint { name: Some("王晓梅"), id_number: Some("430102198805161237") };

/// The 结业证书 of tests/fixtures/certificate-stsong.pdf, as the PDF reader gives it.
pub const STSONG: Certificate = Certificate {
    text: "结业证书
学员姓名：王晓梅
身份证号：430102198805161237
于2024年5月12日至5月13日参加“数字化教学能力提升研修班”，
完成培训16学时，考核合格，特发此证。
证书编号：HN-2024-0001
湖南省专业技术人员继续教育平台",
    profile: WANG,
    expected: Expected {
        name: Some(("王晓梅", Some(true))),
        certificate_number: Some("HN-2024-0001"),
        title: Some("数字化教学能力提升研修班"),
        provider: Some("湖南省专业技术人员继续教育平台"),
        date: Some("2024-05-12"),
        end_date: Some("2024-05-13"),
        hours: Some(16.0),
        credits: None,
        kind: Some(Training),
        id_number: Some(("430102198805161237", Some(true))),
    },
};

/// The same certificate photographed: full-width digits and letters, spaces between characters,
/// 吋 read for 时 and O for 0.
pub const STSONG_OCR: Certificate = Certificate {
    text: "结 业 证 书
学员姓名 ： 王 晓 梅
身份证号：４３０１０２１９８８０５１６１２３７
于２０２４年５月１２日至５月１３日参加“数字化教学能力提升研修班”，
完成培训１６学吋，考核合格，特发此证。
证书编号：ＨＮ－２０２４－ＯＯＯ１
湖南省专业技术人员继续教育平台",
    profile: WANG,
    expected: STSONG.expected,
};

pub const LI: ProfileHint = ProfileHint { name: Some("李建国"), id_number: Some("430524197903120012") };

/// A platform's 学时证明 of a year's online courses.
pub const PLATFORM: Certificate = Certificate {
    text: "学时证明
兹证明 李建国（身份证号：430524197903120012）
于2025年3月1日至2025年6月30日在本平台参加2025年度专业技术人员继续教育网络培训，
学习课程：《人工智能与数字经济》《数据安全与个人信息保护》等8门课程，
共计获得学时32学时，考核合格。
特此证明。
证明编号：ZJJY2025060300123
湖南省专业技术人员继续教育公共服务平台
2025年7月2日",
    profile: LI,
    expected: Expected {
        name: Some(("李建国", Some(true))),
        certificate_number: Some("ZJJY2025060300123"),
        title: Some("2025年度专业技术人员继续教育网络培训"),
        provider: Some("湖南省专业技术人员继续教育公共服务平台"),
        date: Some("2025-03-01"),
        end_date: Some("2025-06-30"),
        hours: Some(32.0),
        credits: None,
        kind: Some(OnlineCourse),
        id_number: Some(("430524197903120012", Some(true))),
    },
};

/// The same 学时证明 through an OCR: spaces, full-width digits, l for 1 and O for 0.
pub const PLATFORM_OCR: Certificate = Certificate {
    text: "学 时 证 明
兹证明 李建国 （身份证号：43052419790312OO12）
于2025年3月l日至2025年6月3O日在本平台参加2025年度专业技术人员继续教育网络培训，
学习课程：《人工智能与数字经济》《数据安全与个人信息保护》等8门课程，
共计获得学时３２学时，考核合格。
特 此 证 明。
证明编号：ZJJY2O25O6O3OO123
湖南省专业技术人员继续教育公共服务平台
2025年7月2日",
    profile: LI,
    expected: PLATFORM.expected,
};

/// The 2017 notice's 继续教育合格证明, numbered “市州-年度-四位数编号”, for a profile without a 身份证号.
pub const QUALIFIED_2017: Certificate = Certificate {
    text: "湖南省专业技术人员继续教育合格证明
编号：长沙-2017-0123
姓名：张 敏    性别：女
工作单位：长沙市第一医院
培训项目：保密意识和保密常识教育
培训时间：2017年9月18日—2017年9月20日
培训学时：24学时
考核结果：合格
继续教育基地（盖章）：湖南师范大学专业技术人员继续教育基地
发证日期：2017年9月20日",
    profile: ProfileHint { name: Some("张敏"), id_number: None },
    expected: Expected {
        name: Some(("张敏", Some(true))),
        certificate_number: Some("长沙-2017-0123"),
        title: Some("保密意识和保密常识教育"),
        provider: Some("湖南师范大学专业技术人员继续教育基地"),
        date: Some("2017-09-18"),
        end_date: Some("2017-09-20"),
        hours: Some(24.0),
        credits: None,
        kind: Some(Training),
        id_number: None,
    },
};

/// A conference's 参会证明 granting 学分 without saying how many 学时 they are, dated in Chinese numerals.
pub const CONFERENCE: Certificate = Certificate {
    text: "参会证明
兹有 刘 洋 同志参加由湖南省医学会主办的
“2024年湖南省骨科学术年会”
会议时间：2024年10月18日至20日
会议地点：长沙
授予国家级继续医学教育Ⅰ类学分 6 分
湖南省医学会
二〇二四年十月二十日",
    profile: ProfileHint { name: Some("刘洋"), id_number: None },
    expected: Expected {
        name: Some(("刘洋", Some(true))),
        certificate_number: None,
        title: Some("2024年湖南省骨科学术年会"),
        provider: Some("湖南省医学会"),
        date: Some("2024-10-18"),
        end_date: Some("2024-10-20"),
        hours: None,
        credits: Some(6.0),
        kind: Some(Conference),
        id_number: None,
    },
};

/// A certificate of the 事业单位 staff-training platform, dashes between its dates.
pub const STAFF: Certificate = Certificate {
    text: "湖南省事业单位工作人员培训管理平台
培训证书
姓名：陈思远
身份证号码：43010419900101153X
培训项目：2025年度事业单位工作人员岗位培训（公需科目）
培训时间：2025年4月7日-2025年4月11日
培训学时：40学时
证书编号：SYDW-2025-004417
发证日期：2025年4月15日",
    profile: ProfileHint { name: Some("陈思远"), id_number: Some("43010419900101153x") },
    expected: Expected {
        name: Some(("陈思远", Some(true))),
        certificate_number: Some("SYDW-2025-004417"),
        title: Some("2025年度事业单位工作人员岗位培训（公需科目）"),
        provider: Some("湖南省事业单位工作人员培训管理平台"),
        date: Some("2025-04-07"),
        end_date: Some("2025-04-11"),
        hours: Some(40.0),
        credits: None,
        kind: Some(StaffTraining),
        id_number: Some(("43010419900101153X", Some(true))),
    },
};

/// A university's 研修班 certificate through an OCR: O for 0, l for 1, 曰 for 日, a No. after the label.
pub const UNIVERSITY_OCR: Certificate = Certificate {
    text: "湖南大学
结业证书
兹证明 赵 丽 同志于2O23年7月1O曰至7月l4日
参加“新时代高校辅导员能力提升高级研修班”学习，
共计 40 学时，成绩合格，准予结业。
证书编号 No.HD2023O7l5
湖南大学继续教育学院
2023年7月14日",
    profile: ProfileHint { name: Some("赵丽"), id_number: None },
    expected: Expected {
        name: Some(("赵丽", Some(true))),
        certificate_number: Some("HD20230715"),
        title: Some("新时代高校辅导员能力提升高级研修班"),
        provider: Some("湖南大学继续教育学院"),
        date: Some("2023-07-10"),
        end_date: Some("2023-07-14"),
        hours: Some(40.0),
        credits: None,
        kind: Some(Training),
        id_number: None,
    },
};

/// A platform's 学时证明 in 学分, saying how many 学时 one is, of someone else than the profile.
pub const CREDITS: Certificate = Certificate {
    text: "专业技术人员继续教育学时证明
学员：周晓红    证件号码：430105198507203223
所在单位：长沙市雨花区教育局
学习项目：2024年专业技术人员公需科目在线学习
学习时间：2024年2月20日至2024年11月30日
获得学分：3学分（1学分=10学时）
证书编号：2024-GX-0098731
湖南省专业技术人员继续教育在线学习平台
打印日期：2024年12月2日",
    profile: WANG,
    expected: Expected {
        name: Some(("周晓红", Some(false))),
        certificate_number: Some("2024-GX-0098731"),
        title: Some("2024年专业技术人员公需科目在线学习"),
        provider: Some("湖南省专业技术人员继续教育在线学习平台"),
        date: Some("2024-02-20"),
        end_date: Some("2024-11-30"),
        hours: Some(30.0),
        credits: Some(3.0),
        kind: Some(OnlineCourse),
        id_number: Some(("430105198507203223", Some(false))),
    },
};

/// A 结业证书 written in Chinese numerals, its title in a sentence without quotes.
pub const NUMERALS: Certificate = Certificate {
    text: "结业证书
王晓梅同志：
你于二〇二五年五月十二日至五月十四日参加湖南省教育厅主办的湖南省中小学骨干教师培训班学习，共计三十二学时，经考核合格，准予结业。
特发此证。
湖南省教育厅
二〇二五年五月十四日
证书编号：XJ20250514-036",
    profile: WANG,
    expected: Expected {
        name: Some(("王晓梅", Some(true))),
        certificate_number: Some("XJ20250514-036"),
        title: Some("湖南省中小学骨干教师培训班"),
        provider: Some("湖南省教育厅"),
        date: Some("2025-05-12"),
        end_date: Some("2025-05-14"),
        hours: Some(32.0),
        credits: None,
        kind: Some(Training),
        id_number: None,
    },
};

/// A platform's list of online courses with their dates and a total, no period and no title.
pub const COURSE_LIST: Certificate = Certificate {
    text: "网络培训学时证明
姓名 王晓梅  身份证号 430102198805161237
课程名称                       学时    完成日期
习近平新时代中国特色社会主义思想概论   6    2025-03-02
数字经济与数字化转型             8    2025-03-09
专业技术人员职业道德与诚信建设       4    2025-03-15
合计：18学时
中国国家人事人才培训网
2025年3月16日",
    profile: WANG,
    expected: Expected {
        name: Some(("王晓梅", Some(true))),
        certificate_number: None,
        title: None,
        provider: Some("中国国家人事人才培训网"),
        date: Some("2025-03-16"),
        end_date: None,
        hours: Some(18.0),
        credits: None,
        kind: Some(OnlineCourse),
        id_number: Some(("430102198805161237", Some(true))),
    },
};

/// A 培训合格证书 giving only the date of issue, 学时 after their label, a title with a dash.
pub const ISSUE_ONLY: Certificate = Certificate {
    text: "湖南省专业技术人员继续教育
培训合格证书
姓名：黄志强
培训内容：2023年度专业技术人员公需科目——数字技术与人工智能
学时：30
发证单位：湖南省人力资源和社会保障厅
发证日期：2023年12月20日
证书编号：GX-2023-43-07715",
    profile: ProfileHint { name: Some("黄志强"), id_number: None },
    expected: Expected {
        name: Some(("黄志强", Some(true))),
        certificate_number: Some("GX-2023-43-07715"),
        title: Some("2023年度专业技术人员公需科目——数字技术与人工智能"),
        provider: Some("湖南省人力资源和社会保障厅"),
        date: Some("2023-12-20"),
        end_date: None,
        hours: Some(30.0),
        credits: None,
        kind: Some(Training),
        id_number: None,
    },
};

/// A hospital's 进修 certificate for someone else, whose 身份证号 has a wrong check character.
pub const HOSPITAL: Certificate = Certificate {
    text: "进修结业证书
学员姓名：欧阳明轩
身份证号：430203198506123514
工作单位：株洲市中心医院
于2024年3月1日—2024年8月31日在我院心血管内科进修学习，
学习期满，考核合格，准予结业。
中南大学湘雅医院
2024年8月31日
编号：XY-JX-2024-0213",
    profile: WANG,
    expected: Expected {
        name: Some(("欧阳明轩", Some(false))),
        certificate_number: Some("XY-JX-2024-0213"),
        title: None,
        provider: Some("中南大学湘雅医院"),
        date: Some("2024-03-01"),
        end_date: Some("2024-08-31"),
        hours: None,
        credits: None,
        kind: Some(Training),
        id_number: None,
    },
};

/// A 学习证明 with labels after colons of both widths, a date with slashes and 课时.
pub const SLASHES: Certificate = Certificate {
    text: "CERTIFICATE 学习证明
学员: 王晓梅
课程: 《教育数字化转型的理论与实践》
学习时长: 12课时
完成时间: 2025/5/14
No. 2025051400087
湖南省中小学教师发展中心",
    profile: WANG,
    expected: Expected {
        name: Some(("王晓梅", Some(true))),
        certificate_number: Some("2025051400087"),
        title: Some("教育数字化转型的理论与实践"),
        provider: Some("湖南省中小学教师发展中心"),
        date: Some("2025-05-14"),
        end_date: None,
        hours: Some(12.0),
        credits: None,
        kind: Some(OnlineCourse),
        id_number: None,
    },
};

/// A lecture's 学时证明 with dotted dates, addressed to the person.
pub const LECTURE: Certificate = Certificate {
    text: "继续教育学时证明
王晓梅 同志：
您于2025.5.14参加我会举办的“人工智能赋能临床研究”专题讲座（线下），
授予继续教育学时 3 学时。
湖南省医师协会
2025.5.20",
    profile: WANG,
    expected: Expected {
        name: Some(("王晓梅", Some(true))),
        certificate_number: None,
        title: Some("人工智能赋能临床研究"),
        provider: Some("湖南省医师协会"),
        date: Some("2025-05-14"),
        end_date: None,
        hours: Some(3.0),
        credits: None,
        kind: Some(Conference),
        id_number: None,
    },
};

/// A training whose period goes on after 至 on the next line, two seals at the bottom.
pub const NEXT_LINE: Certificate = Certificate {
    text: "培训证明
兹证明王晓梅同志参加了2024年长沙市中小学班主任能力提升培训，培训时间自2024年7月8日
至2024年7月12日，共5天，计40学时。
长沙市教育局
长沙市教师发展中心
2024年7月15日",
    profile: WANG,
    expected: Expected {
        name: Some(("王晓梅", Some(true))),
        certificate_number: None,
        title: Some("2024年长沙市中小学班主任能力提升培训"),
        provider: Some("长沙市教师发展中心"),
        date: Some("2024-07-08"),
        end_date: Some("2024-07-12"),
        hours: Some(40.0),
        credits: None,
        kind: Some(Training),
        id_number: None,
    },
};

/// A conference certificate photographed: spaced letterhead, full-width digits, 一 read for a
/// dash in the number, O for 〇 in the date of issue.
pub const CONFERENCE_OCR: Certificate = Certificate {
    text: "湖 南 省 计 算 机 学 会
参 会 证 书
兹有张伟同志于２０２５年１１月８日至９日出席“第十二届湖南省人工智能学术会议”，
特发此证。
证书编号：ＨＮＣＣＦ２０２５一０３２７
二O二五年十一月九日",
    profile: ProfileHint { name: Some("张伟"), id_number: None },
    expected: Expected {
        name: Some(("张伟", Some(true))),
        certificate_number: Some("HNCCF2025-0327"),
        title: Some("第十二届湖南省人工智能学术会议"),
        provider: Some("湖南省计算机学会"),
        date: Some("2025-11-08"),
        end_date: Some("2025-11-09"),
        hours: None,
        credits: None,
        kind: Some(Conference),
        id_number: None,
    },
};

/// A national platform's 学习证明 with hours in decimals, addressed to a 老师.
pub const DECIMAL: Certificate = Certificate {
    text: "国家智慧教育公共服务平台
学习证明
王晓梅老师：
您已完成“2025年暑期教师研修”专题学习，获得学时：10.5 学时。
学习时间：2025年7月1日至2025年8月31日
证书编号：SZJY-2025-08-1234567
国家智慧教育公共服务平台
2025年9月1日",
    profile: WANG,
    expected: Expected {
        name: Some(("王晓梅", Some(true))),
        certificate_number: Some("SZJY-2025-08-1234567"),
        title: Some("2025年暑期教师研修"),
        provider: Some("国家智慧教育公共服务平台"),
        date: Some("2025-07-01"),
        end_date: Some("2025-08-31"),
        hours: Some(10.5),
        credits: None,
        kind: Some(OnlineCourse),
        id_number: None,
    },
};

/// A national base's 结业证书 with spaces around its numbers and the name without a label.
pub const BASE: Certificate = Certificate {
    text: "中国石油大学（北京）继续教育学院
专业技术人员继续教育
结 业 证 书
学员 刘志刚 于 2026 年 3 月 16 日 至 2026 年 3 月 20 日
参加 “油气储运工程新技术高级研修班” 学习，
完成规定课程 40 学时，成绩合格，特发此证。
证书编号：ZSY-2026-0316-042
二〇二六年三月二十日",
    profile: ProfileHint { name: Some("刘志刚"), id_number: None },
    expected: Expected {
        name: Some(("刘志刚", Some(true))),
        certificate_number: Some("ZSY-2026-0316-042"),
        title: Some("油气储运工程新技术高级研修班"),
        provider: Some("中国石油大学（北京）继续教育学院"),
        date: Some("2026-03-16"),
        end_date: Some("2026-03-20"),
        hours: Some(40.0),
        credits: None,
        kind: Some(Training),
        id_number: None,
    },
};

/// A unit's 学时认定单 of an earlier year: public and professional hours and their total.
pub const PRIOR: Certificate = Certificate {
    text: "专业技术人员继续教育学时认定单
姓名：孙丽娟  单位：湘潭市中心医院
认定年度：2023年
认定学时：公需科目30学时，专业科目60学时，合计90学时
认定单位（盖章）：湘潭市人力资源和社会保障局
认定日期：2024年3月5日",
    profile: ProfileHint { name: Some("孙丽娟"), id_number: None },
    expected: Expected {
        name: Some(("孙丽娟", Some(true))),
        certificate_number: None,
        title: None,
        provider: Some("湘潭市人力资源和社会保障局"),
        date: Some("2024-03-05"),
        end_date: None,
        hours: Some(90.0),
        credits: None,
        kind: Some(PriorCertificate),
        id_number: None,
    },
};

/// A 公需科目 合格证书 whose 身份证号 is masked, titled by its first line, with a QR code's caption.
pub const MASKED: Certificate = Certificate {
    text: "2024年度湖南省专业技术人员公需科目培训
合 格 证 书
证书编号:GX2024430100567890
姓名:王晓梅
身份证号:430102********1237
学时:30学时
培训方式:网络培训
完成日期:2024年9月26日
湖南省专业技术人员继续教育基地
(扫描二维码验证证书真伪)",
    profile: WANG,
    expected: Expected {
        name: Some(("王晓梅", Some(true))),
        certificate_number: Some("GX2024430100567890"),
        title: Some("2024年度湖南省专业技术人员公需科目培训"),
        provider: Some("湖南省专业技术人员继续教育基地"),
        date: Some("2024-09-26"),
        end_date: None,
        hours: Some(30.0),
        credits: None,
        kind: Some(OnlineCourse),
        id_number: None,
    },
};

/// A national conference's 参会证明: the period in brackets inside the sentence, 学分 and the 学时
/// they are worth.
pub const NATIONAL_CONFERENCE: Certificate = Certificate {
    text: "学术会议参会证明
兹证明：邓爱华（湖南省人民医院）参加了中华医学会第二十次全国检验医学学术会议（2025年4月24日—27日，长沙），
授予Ⅰ类继续医学教育学分10分，折合10学时。
中华医学会
2025年4月27日",
    profile: ProfileHint { name: Some("邓爱华"), id_number: None },
    expected: Expected {
        name: Some(("邓爱华", Some(true))),
        certificate_number: None,
        title: Some("中华医学会第二十次全国检验医学学术会议"),
        provider: Some("中华医学会"),
        date: Some("2025-04-24"),
        end_date: Some("2025-04-27"),
        hours: Some(10.0),
        credits: Some(10.0),
        kind: Some(Conference),
        id_number: None,
    },
};

/// A 进修班 certificate whose period is given in months only: the date of issue is the date.
pub const MONTHS: Certificate = Certificate {
    text: "湖南省卫生健康委员会
结业证书
学员 唐小军 同志，于2022年9月至2022年12月在我中心参加全省基层医生全科医学进修班学习，
学习期满，成绩合格，准予结业。
证书号：WJ2022-JX-1188
湖南省基层卫生人才培训中心
2022年12月30日",
    profile: ProfileHint { name: Some("唐小军"), id_number: None },
    expected: Expected {
        name: Some(("唐小军", Some(true))),
        certificate_number: Some("WJ2022-JX-1188"),
        title: Some("全省基层医生全科医学进修班"),
        provider: Some("湖南省基层卫生人才培训中心"),
        date: Some("2022-12-30"),
        end_date: None,
        hours: None,
        credits: None,
        kind: Some(Training),
        id_number: None,
    },
};

/// A 国培计划 certificate: quotes and a dash inside the labelled title, dotted dates with a short
/// end, the organiser and the host on one line.
pub const NATIONAL_PLAN: Certificate = Certificate {
    text: "湖南省“国培计划”培训
结业证书
姓名：谢雨婷            单位：益阳市赫山区第一中学
培训项目：“国培计划（2023）”——湖南省乡村小学语文骨干教师培训
培训时间：2023.10.16-10.20
培训学时：32
主办单位：湖南省教育厅    承办单位：湖南第一师范学院
证书编号：GP2023-HN-YW-0156
2023年10月20日",
    profile: ProfileHint { name: Some("谢雨婷"), id_number: None },
    expected: Expected {
        name: Some(("谢雨婷", Some(true))),
        certificate_number: Some("GP2023-HN-YW-0156"),
        title: Some("国培计划（2023）——湖南省乡村小学语文骨干教师培训"),
        provider: Some("湖南省教育厅"),
        date: Some("2023-10-16"),
        end_date: Some("2023-10-20"),
        hours: Some(32.0),
        credits: None,
        kind: Some(Training),
        id_number: None,
    },
};

/// A platform's 学时证明 through an OCR: spaced labels, full-width digits and a decimal point.
pub const SPACED_LABELS: Certificate = Certificate {
    text: "湖南省专业技术人员继续教育网络学习平台
学 时 证 明
姓  名：彭 建 华
身份证号：430681199203154416
学时数：２４．０
学习期间：２０２４年０３月０１日～２０２４年１０月３１日
证 书 编 号：ＨＮＪＸ２０２４１１０５０００８",
    profile: ProfileHint { name: Some("彭建华"), id_number: Some("430681199203154416") },
    expected: Expected {
        name: Some(("彭建华", Some(true))),
        certificate_number: Some("HNJX202411050008"),
        title: None,
        provider: Some("湖南省专业技术人员继续教育网络学习平台"),
        date: Some("2024-03-01"),
        end_date: Some("2024-10-31"),
        hours: Some(24.0),
        credits: None,
        kind: Some(OnlineCourse),
        id_number: Some(("430681199203154416", Some(true))),
    },
};

/// A bilingual conference certificate naming its holder in an English sentence.
pub const BILINGUAL: Certificate = Certificate {
    text: "CERTIFICATE OF ATTENDANCE
参会证书
This is to certify that 钟 明 attended
第五届中南地区岩土工程学术研讨会
The 5th Central South Geotechnical Engineering Symposium
2024年11月2日-3日 · 湖南 长沙
中南大学土木工程学院",
    profile: ProfileHint { name: Some("钟明"), id_number: None },
    expected: Expected {
        name: Some(("钟明", Some(true))),
        certificate_number: None,
        title: Some("第五届中南地区岩土工程学术研讨会"),
        provider: Some("中南大学土木工程学院"),
        date: Some("2024-11-02"),
        end_date: Some("2024-11-03"),
        hours: None,
        credits: None,
        kind: Some(Conference),
        id_number: None,
    },
};

/// A staff-training certificate photographed, with an OCR's wrong characters in two labels.
pub const MISREAD_LABELS: Certificate = Certificate {
    text: "湖南省事业单位工作人员培训
合格证书
姓名：罗敏
培训类别：岗前培训
学时：24学时
培训时间：2025年6月9日至6月11日
证书编亏：SY2025O6110231
发证曰期：2025年6月20日
湖南省人力资源和社会保障厅",
    profile: ProfileHint { name: Some("罗敏"), id_number: None },
    expected: Expected {
        name: Some(("罗敏", Some(true))),
        certificate_number: Some("SY202506110231"),
        title: None,
        provider: Some("湖南省人力资源和社会保障厅"),
        date: Some("2025-06-09"),
        end_date: Some("2025-06-11"),
        hours: Some(24.0),
        credits: None,
        kind: Some(StaffTraining),
        id_number: None,
    },
};

/// A society's 结业证书 numbered like an official document, without a number label.
pub const DOCUMENT_NUMBER: Certificate = Certificate {
    text: "湖南省专业技术人员继续教育
结业证书
(2025)湘继教结字第0587号
学员姓名：龚 静
工作单位：岳阳市第一人民医院
该同志于2025年8月18日至22日参加了由湖南省护理学会举办的“2025年湖南省护理管理高级研修班”，
完成全部课程40学时，经考核成绩合格，准予结业。
湖南省护理学会
2025年8月22日",
    profile: ProfileHint { name: Some("龚静"), id_number: None },
    expected: Expected {
        name: Some(("龚静", Some(true))),
        certificate_number: Some("(2025)湘继教结字第0587号"),
        title: Some("2025年湖南省护理管理高级研修班"),
        provider: Some("湖南省护理学会"),
        date: Some("2025-08-18"),
        end_date: Some("2025-08-22"),
        hours: Some(40.0),
        credits: None,
        kind: Some(Training),
        id_number: None,
    },
};

/// A teachers' online platform's 结业证书 with an ISO date alone at the bottom.
pub const TEACHERS_PLATFORM: Certificate = Certificate {
    text: "中国教师研修网
结业证书
王晓梅 老师：
恭喜您完成“2024年湖南省中小学教师信息技术应用能力提升工程2.0”网络研修，
研修时长50学时，成绩优秀。
证书编号：YXW-HN-2024-3310279
中国教师研修网
2024-12-05",
    profile: WANG,
    expected: Expected {
        name: Some(("王晓梅", Some(true))),
        certificate_number: Some("YXW-HN-2024-3310279"),
        title: Some("2024年湖南省中小学教师信息技术应用能力提升工程2.0"),
        provider: Some("中国教师研修网"),
        date: Some("2024-12-05"),
        end_date: None,
        hours: Some(50.0),
        credits: None,
        kind: Some(OnlineCourse),
        id_number: None,
    },
};

/// A photographed 学术报告会 certificate whose quoted title runs onto the next line.
pub const BROKEN_QUOTE: Certificate = Certificate {
    text: "湖南省科学技术协会
学术报告会参会证明
兹证明刘 芳同志于2023年4月15日参加“碳中和背景下的
新能源技术发展”学术报告会，计4学时。
特此证明
湖南省科学技术协会（章）
二O二三年四月十五日",
    profile: ProfileHint { name: Some("刘芳"), id_number: None },
    expected: Expected {
        name: Some(("刘芳", Some(true))),
        certificate_number: None,
        title: Some("碳中和背景下的新能源技术发展"),
        provider: Some("湖南省科学技术协会"),
        date: Some("2023-04-15"),
        end_date: None,
        hours: Some(4.0),
        credits: None,
        kind: Some(Conference),
        id_number: None,
    },
};

/// A 2018 合格证明 with spaces around the dashes of its number and the year of its title apart.
pub const SPACED_NUMBER: Certificate = Certificate {
    text: "继续教育合格证明
编号：430100 - 2018 - 0456
姓名：李 娜        身份证号：430103198711052028
参加 2018 年度公需科目“大数据时代的互联网信息安全”培训
学时：30 学时
考核结果：合格
长沙市专业技术人员继续教育基地
二〇一八年十一月十日",
    profile: ProfileHint { name: Some("李娜"), id_number: Some("430103198711052028") },
    expected: Expected {
        name: Some(("李娜", Some(true))),
        certificate_number: Some("430100-2018-0456"),
        title: Some("大数据时代的互联网信息安全"),
        provider: Some("长沙市专业技术人员继续教育基地"),
        date: Some("2018-11-10"),
        end_date: None,
        hours: Some(30.0),
        credits: None,
        kind: Some(Training),
        id_number: Some(("430103198711052028", Some(true))),
    },
};

/// A staff-training platform's table of courses whose total comes after its label.
pub const TOTAL_AFTER: Certificate = Certificate {
    text: "湖南省事业单位工作人员培训管理平台
培训学时证明
姓名：吴昊    单位：衡阳市第三中学
课程                     学时
新时代事业单位人员职业素养    8
公文写作与处理              6
学时合计：14
打印时间：2025年12月1日",
    profile: ProfileHint { name: Some("吴昊"), id_number: None },
    expected: Expected {
        name: Some(("吴昊", Some(true))),
        certificate_number: None,
        title: None,
        provider: Some("湖南省事业单位工作人员培训管理平台"),
        date: Some("2025-12-01"),
        end_date: None,
        hours: Some(14.0),
        credits: None,
        kind: Some(StaffTraining),
        id_number: None,
    },
};

/// Every certificate of the corpus, named.
pub const ALL: &[(&str, &Certificate)] = &[
    ("STSONG", &STSONG),
    ("STSONG_OCR", &STSONG_OCR),
    ("PLATFORM", &PLATFORM),
    ("PLATFORM_OCR", &PLATFORM_OCR),
    ("QUALIFIED_2017", &QUALIFIED_2017),
    ("CONFERENCE", &CONFERENCE),
    ("STAFF", &STAFF),
    ("UNIVERSITY_OCR", &UNIVERSITY_OCR),
    ("CREDITS", &CREDITS),
    ("NUMERALS", &NUMERALS),
    ("COURSE_LIST", &COURSE_LIST),
    ("ISSUE_ONLY", &ISSUE_ONLY),
    ("HOSPITAL", &HOSPITAL),
    ("SLASHES", &SLASHES),
    ("LECTURE", &LECTURE),
    ("NEXT_LINE", &NEXT_LINE),
    ("CONFERENCE_OCR", &CONFERENCE_OCR),
    ("DECIMAL", &DECIMAL),
    ("BASE", &BASE),
    ("PRIOR", &PRIOR),
    ("MASKED", &MASKED),
    ("NATIONAL_CONFERENCE", &NATIONAL_CONFERENCE),
    ("MONTHS", &MONTHS),
    ("NATIONAL_PLAN", &NATIONAL_PLAN),
    ("SPACED_LABELS", &SPACED_LABELS),
    ("BILINGUAL", &BILINGUAL),
    ("MISREAD_LABELS", &MISREAD_LABELS),
    ("DOCUMENT_NUMBER", &DOCUMENT_NUMBER),
    ("TEACHERS_PLATFORM", &TEACHERS_PLATFORM),
    ("BROKEN_QUOTE", &BROKEN_QUOTE),
    ("SPACED_NUMBER", &SPACED_NUMBER),
    ("TOTAL_AFTER", &TOTAL_AFTER),
];
