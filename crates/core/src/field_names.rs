//! The Chinese name of every field of the ledger format and of the profile — in general (for
//! messages) and as the form of each activity kind names it — and the names of an award's grades.
//! The forms, the messages and the bindings of the desktop app all take their wording from here.

use crate::kinds::{ActivityKind, vocabulary};
use crate::ledger_json::kind_fields;

vocabulary! {
    /// A field of a record in the ledger format, with its general Chinese name (used where the kind
    /// is not known, e.g. in a message about a file); in the order the record form offers them.
    LedgerField {
        Kind = "kind" / "形式",
        Title = "title" / "名称",
        Date = "date" / "日期",
        Category = "category" / "类别",
        EndDate = "end_date" / "结束日期",
        Days = "days" / "天数",
        HalfDays = "half_days" / "半天数",
        Evenings = "evenings" / "晚上数",
        Hours = "hours" / "学时",
        Level = "level" / "级别",
        Role = "role" / "角色/作者身份",
        Venue = "venue" / "刊物",
        PatentType = "patent_type" / "专利类型",
        Rank = "rank" / "排名（第几位）",
        Grade = "grade" / "等级",
        Units = "units" / "通过数量",
        Medal = "medal" / "奖项",
        FromYear = "from_year" / "认定起始年度",
        ToYear = "to_year" / "认定截止年度",
        Platform = "platform" / "培训平台",
        Task = "task" / "任务类型",
        Provider = "provider" / "主办单位/机构",
        Note = "note" / "备注",
        Evidence = "evidence" / "证明材料",
        Id = "id" / "记录编号",
    }
}

vocabulary! {
    /// A field of the profile (`profile.…` in the ledger format), in the order the settings offer them.
    ProfileField {
        Name = "name" / "姓名",
        Employer = "employer" / "工作单位",
        CurrentTitle = "current_title" / "现职称",
        TitleDate = "title_date" / "取得时间",
        IdNumber = "id_number" / "身份证号",
        CertificateNumber = "certificate_number" / "登记手册编号",
        City = "city" / "所在市州",
    }
}

/// The grades of an award (`grade` 1, 2, 3), as the form offers them.
pub const AWARD_GRADES: [(u8, &str); 3] = [(1, "一等奖"), (2, "二等奖"), (3, "三等奖")];

/// The name of an award's grade, `二等奖` for 2; `None` for a grade the ledger does not accept.
pub fn grade_label(grade: u8) -> Option<&'static str> {
    AWARD_GRADES.iter().find(|(g, _)| *g == grade).map(|(_, label)| *label)
}

/// The Chinese name of a field as a message names it: `venue` → 刊物, `profile.name` → 姓名;
/// `None` for a name that is no field of the ledger format.
pub fn field_label(field: &str) -> Option<&'static str> {
    match field.strip_prefix("profile.") {
        Some(name) => ProfileField::from_code(name).map(ProfileField::label),
        None => LedgerField::from_code(field).map(LedgerField::label),
    }
}

/// A field as a message about a ledger file names it: its Chinese name, the parts of a record's
/// evidence (`evidence[2].file` → 第 3 份证明材料的文件名) and of the file itself by what they are,
/// and a name that is no field of the format (a typo in a hand-made file) quoted as written.
pub fn field_words(field: &str) -> String {
    if let Some(label) = field_label(field) {
        return label.to_owned();
    }
    if let Some(rest) = field.strip_prefix("evidence[")
        && let Some((index, part)) = rest.split_once(']')
        && let Ok(i) = index.parse::<usize>()
    {
        let which = format!("第 {} 份证明材料", i + 1);
        return match part.trim_start_matches('.') {
            "" => which,
            "file" => format!("{which}的文件名"),
            "material" => format!("{which}的类别"),
            "sha256" => format!("{which}的校验值"),
            other => format!("{which}中的“{other}”项"),
        };
    }
    match field {
        "format" => "文件格式".to_owned(),
        "version" => "文件版本".to_owned(),
        "profile" => "个人信息".to_owned(),
        "activities" => "记录列表".to_owned(),
        "material" => "证明材料的类别".to_owned(),
        "window_source" => "认定跨度的出处".to_owned(),
        other => format!("“{}”项", other.strip_prefix("profile.").unwrap_or(other)),
    }
}

impl LedgerField {
    /// The name the form of `kind` gives this field: what the record's date means (开始日期,
    /// 完成日期, 结题日期…), which hours it asks (证书学时, 线上服务学时…), what its title and
    /// provider are; the general name where the kind does not change it.
    pub fn label_for(self, kind: ActivityKind) -> &'static str {
        use ActivityKind as K;
        use LedgerField as F;
        match (self, kind) {
            (F::Title, _) => title_label(kind),
            (F::Date, _) => date_label(kind),
            (F::Provider, _) => provider_label(kind),
            (F::EndDate, K::AidPosting) => "外派结束日期",
            (F::Days, K::ExpertService) => "现场服务天数",
            (F::Hours, K::Training | K::Conference | K::Practice) => "证明上载明的学时",
            (F::Hours, K::OnlineCourse | K::StaffTraining) => "证书学时",
            (F::Hours, K::ExpertService) => "线上服务学时",
            (F::Level, K::ResearchProject) => "课题级别",
            (F::Level, K::Award) => "奖项级别",
            (F::Level, K::SkillContest) => "大赛级别",
            (F::Role, K::ResearchProject) => "本人角色",
            (F::Role, K::Book) => "作者排名",
            (F::Role, K::Paper) => "作者身份",
            (F::Units, K::DigitalExam) => "通过模块/科目数",
            (F::Units, K::QualificationExam) => "通过考试科目数",
            (F::Units, K::DegreeCourse) => "通过课程数",
            _ => self.label(),
        }
    }
}

/// The fields a record of `kind` may carry, in the order its form offers them: the common ones
/// (类别 only for a kind that declares it), then the kind's own (`kind_fields`).
pub fn record_fields(kind: ActivityKind) -> Vec<LedgerField> {
    use LedgerField as F;
    let category = kind.declares_category().then_some(F::Category);
    let own = kind_fields(kind).iter().filter_map(|name| F::from_code(name));
    [F::Kind, F::Title, F::Date]
        .into_iter()
        .chain(category)
        .chain([F::EndDate])
        .chain(own)
        .chain([F::Provider, F::Note, F::Evidence, F::Id])
        .collect()
}

fn title_label(kind: ActivityKind) -> &'static str {
    use ActivityKind as K;
    match kind {
        K::Training | K::StaffTraining => "培训名称",
        K::Conference => "会议/讲座名称",
        K::Practice => "实践活动名称",
        K::OnlineCourse | K::DegreeCourse => "课程名称",
        K::ResearchProject => "课题名称",
        K::Book => "书名",
        K::Paper => "论文题目",
        K::Patent => "专利名称",
        K::Award => "奖项及成果名称",
        K::DigitalExam | K::QualificationExam => "考试名称",
        K::AidPosting => "任务名称（如 援疆）",
        K::ExpertService => "服务内容",
        K::OverseasExchange => "交流项目",
        K::SkillContest => "大赛名称",
        K::PriorCertificate => "认定单名称",
    }
}

fn date_label(kind: ActivityKind) -> &'static str {
    use ActivityKind as K;
    match kind {
        K::Training | K::Conference | K::Practice | K::OverseasExchange => "开始日期",
        K::OnlineCourse | K::StaffTraining => "完成日期",
        K::ResearchProject => "结题日期",
        K::Book => "出版日期",
        K::Paper => "发表日期",
        K::Patent => "授权日期",
        K::Award | K::SkillContest => "获奖日期",
        K::DigitalExam | K::QualificationExam | K::DegreeCourse => "通过日期",
        K::AidPosting => "外派开始日期",
        K::ExpertService => "服务日期",
        K::PriorCertificate => "开具日期",
    }
}

fn provider_label(kind: ActivityKind) -> &'static str {
    use ActivityKind as K;
    match kind {
        K::Training | K::StaffTraining => "施教机构",
        K::Conference | K::SkillContest => "主办单位",
        K::Practice => "组织单位",
        K::OnlineCourse => "学习平台/施教机构",
        K::ResearchProject => "立项单位",
        K::Book => "出版社",
        K::Paper => "刊物名称",
        K::Patent => "专利号",
        K::Award => "颁奖单位",
        K::DigitalExam | K::QualificationExam => "考试机构",
        K::DegreeCourse => "学校",
        K::AidPosting => "派出单位",
        K::ExpertService => "服务单位",
        K::OverseasExchange => "邀请方",
        K::PriorCertificate => "开具单位",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger_json::COMMON_FIELDS;

    #[test]
    fn every_field_of_every_kind_has_a_chinese_name() {
        for kind in ActivityKind::ALL {
            for name in COMMON_FIELDS.iter().chain(kind_fields(*kind)) {
                let field = LedgerField::from_code(name).unwrap_or_else(|| panic!("{name} of {kind} has no name"));
                let label = field.label_for(*kind);
                assert!(!label.is_empty() && !label.is_ascii(), "{name} of {kind}: {label}");
            }
        }
    }

    #[test]
    fn a_form_offers_exactly_the_fields_its_kind_accepts() {
        for kind in ActivityKind::ALL {
            let offered: Vec<&str> = record_fields(*kind).iter().map(|f| f.code()).collect();
            for name in kind_fields(*kind) {
                assert!(offered.contains(name), "{kind} lacks {name}");
            }
            assert_eq!(offered.contains(&"category"), kind.declares_category(), "{kind}");
            assert_eq!(
                offered.len(),
                COMMON_FIELDS.len() - 1 + kind_fields(*kind).len() + usize::from(kind.declares_category())
            );
        }
    }

    #[test]
    fn the_hours_and_the_date_are_named_by_what_the_kind_asks() {
        assert_eq!(LedgerField::Hours.label_for(ActivityKind::OnlineCourse), "证书学时");
        assert_eq!(LedgerField::Hours.label_for(ActivityKind::ExpertService), "线上服务学时");
        assert_eq!(LedgerField::Date.label_for(ActivityKind::Training), "开始日期");
        assert_eq!(LedgerField::Date.label_for(ActivityKind::OnlineCourse), "完成日期");
        assert_eq!(LedgerField::Rank.label_for(ActivityKind::Patent), LedgerField::Rank.label());
    }

    #[test]
    fn a_message_names_record_and_profile_fields_in_chinese() {
        assert_eq!(field_label("venue"), Some("刊物"));
        assert_eq!(field_label("profile.name"), Some("姓名"));
        assert_eq!(field_label("profile.title_date"), Some("取得时间"));
        assert_eq!(field_label("profile.venue"), None);
        assert_eq!(field_label("colour"), None);
    }

    #[test]
    fn a_message_names_the_parts_of_evidence_and_of_the_file_in_chinese_and_quotes_an_unknown_name() {
        assert_eq!(field_words("venue"), "刊物");
        assert_eq!(field_words("evidence[0].sha256"), "第 1 份证明材料的校验值");
        assert_eq!(field_words("evidence[2]"), "第 3 份证明材料");
        assert_eq!(field_words("version"), "文件版本");
        assert_eq!(field_words("profile.colour"), "“colour”项");
    }

    #[test]
    fn an_award_grade_is_named_as_the_notice_names_it() {
        assert_eq!(grade_label(2), Some("二等奖"));
        assert_eq!(grade_label(0), None);
        assert_eq!(grade_label(4), None);
    }
}
