//! The closed vocabularies of the domain (activity kinds, title levels, application paths,
//! categories, roles…), each with its stable ASCII name used in files and its Chinese label.

/// Declares a closed vocabulary: variants, their file names and Chinese labels.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $code:literal / $label:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[cfg_attr(feature = "ts", derive(ts_rs::TS))]
        pub enum $name { $(#[cfg_attr(feature = "ts", ts(rename = $code))] $variant,)+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The stable ASCII name used in ledger and rule files.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code,)+ }
            }

            /// The Chinese name shown to the user.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label,)+ }
            }

            /// Parses the ASCII name.
            pub fn from_code(code: &str) -> Option<$name> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }

            /// All accepted names, for error messages: `a | b | c`.
            pub fn codes() -> String {
                $name::ALL.iter().map(|v| v.code()).collect::<Vec<_>>().join(" | ")
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = <String as serde::Deserialize>::deserialize(d)?;
                $name::from_code(&text).ok_or_else(|| {
                    serde::de::Error::custom(format!(
                        "未知的取值 `{text}`，可选：{}", $name::codes()
                    ))
                })
            }
        }
    };
}
pub(crate) use vocabulary;

vocabulary! {
    /// What kind of continuing-education activity a record is.
    ActivityKind {
        Training = "training" / "培训班/研修班/进修班",
        Conference = "conference" / "学术会议/讲座/访问/交流",
        Practice = "practice" / "继续教育实践活动",
        OnlineCourse = "online_course" / "网络课程",
        StaffTraining = "staff_training" / "事业单位工作人员培训",
        ResearchProject = "research_project" / "课题研究与项目开发",
        Book = "book" / "著作/译作/教材",
        Paper = "paper" / "论文",
        Patent = "patent" / "专利",
        Award = "award" / "科技（社科）奖项",
        DigitalExam = "digital_exam" / "计算机/数字技术应用能力考试",
        QualificationExam = "qualification_exam" / "职业资格考试",
        DegreeCourse = "degree_course" / "学历（学位）教育课程",
        AidPosting = "aid_posting" / "三援/东西部扶贫协作等特定任务",
        ExpertService = "expert_service" / "专家服务基层",
        OverseasExchange = "overseas_exchange" / "海外交换（交流）",
        SkillContest = "skill_contest" / "技能大赛",
        PriorCertificate = "prior_certificate" / "以前年度学时认定单",
    }
}

vocabulary! {
    /// The title level applied for.
    Level {
        Junior = "junior" / "初级",
        Intermediate = "intermediate" / "中级",
        AssociateSenior = "associate_senior" / "副高级",
        Senior = "senior" / "正高级",
    }
}

vocabulary! {
    /// A special path to a title with its own window.
    ApplicationPath {
        Standard = "standard" / "常规",
        Phd = "phd" / "博士参评副高",
        MasterMedical = "master_medical" / "硕士参评医学类副高",
    }
}

vocabulary! {
    /// 公需科目 or 专业科目.
    Category {
        Public = "public" / "公需科目",
        Professional = "professional" / "专业科目",
    }
}

vocabulary! {
    /// The level of a research project or an award.
    ProjectLevel {
        Provincial = "provincial" / "省部级及以上",
        Municipal = "municipal" / "市厅级",
    }
}

vocabulary! {
    /// The level of a skill contest.
    ContestLevel {
        National = "national" / "国际/国家级",
        Provincial = "provincial" / "省级",
    }
}

vocabulary! {
    /// One's role in a research project.
    ProjectRole {
        Host = "host" / "主持人",
        Main = "main" / "主要完成人（除主持人外署名前三）",
        Participant = "participant" / "其他参与人",
    }
}

vocabulary! {
    /// One's place among a book's authors.
    BookRole {
        First = "first" / "独立或第一作者",
        Other = "other" / "其他作者",
    }
}

vocabulary! {
    /// One's place among a paper's authors.
    PaperRole {
        First = "first" / "独立或第一作者",
        Corresponding = "corresponding" / "通讯作者",
        Other = "other" / "其他作者",
    }
}

vocabulary! {
    /// Where a paper was published.
    Venue {
        Domestic = "domestic" / "国内统一刊号刊物",
        International = "international" / "国外刊物",
    }
}

vocabulary! {
    /// The type of a patent.
    PatentType {
        Invention = "invention" / "发明专利",
        UtilityModel = "utility_model" / "实用新型专利",
        Design = "design" / "外观设计专利",
    }
}

vocabulary! {
    /// A medal at a skill contest.
    Medal {
        Gold = "gold" / "金奖",
        Silver = "silver" / "银奖",
        Bronze = "bronze" / "铜奖",
    }
}

vocabulary! {
    /// Where a 事业单位工作人员培训 was done: the 2026 notice credits it only on the unified platform.
    Platform {
        Unified = "unified" / "统一平台（国家级继续教育基地的平台）",
        Other = "other" / "其他平台",
    }
}

vocabulary! {
    /// Which special task a posting was: 三援, 东西部扶贫协作, or another provincial special task.
    AidTask {
        Sanyuan = "sanyuan" / "三援（援藏、援疆、援外）",
        EastWest = "east_west" / "东西部扶贫协作",
        Other = "other" / "其他省级以上特定任务",
    }
}

vocabulary! {
    /// What a credit counts towards: hours of a part, a whole year, or a year an earlier 学时认定单
    /// covers.
    CreditCategory {
        Public = "public" / "公需科目",
        Professional = "professional" / "专业科目",
        FullYear = "full_year" / "全年认定",
        PriorCertificate = "prior_certificate" / "学时认定单",
    }
}

vocabulary! {
    /// What the pre-review (预审) found that a reviewer would question.
    FindingKind {
        SameFile = "same_file" / "同一文件用于多条记录",
        SameCertificate = "same_certificate" / "同一证书编号用于多条记录",
        OverlappingDates = "overlapping_dates" / "培训日期重叠",
        DayOverLimit = "day_over_limit" / "单日学时超过折算上限",
        OutsideWindow = "outside_window" / "不在认定跨度内",
        PaperWithoutIssn = "paper_without_issn" / "论文未填刊号",
        EvidenceNameMismatch = "evidence_name_mismatch" / "证明材料上的姓名与本人不符",
        EvidenceIdMismatch = "evidence_id_mismatch" / "证明材料上的身份证号与本人不符",
        YearWithoutEvidence = "year_without_evidence" / "有学时无证明材料",
    }
}

impl CreditCategory {
    /// The name in a table's narrow column: 公需, 专业, 全年认定, 认定单.
    pub fn short_label(self) -> &'static str {
        match self {
            CreditCategory::Public => "公需",
            CreditCategory::Professional => "专业",
            CreditCategory::FullYear => "全年认定",
            CreditCategory::PriorCertificate => "认定单",
        }
    }

    /// Whether the credit is hours that add up (公需 or 专业), not a whole year.
    pub fn counts_hours(self) -> bool {
        matches!(self, CreditCategory::Public | CreditCategory::Professional)
    }
}

impl ActivityKind {
    /// Kinds whose 公需/专业 category the record itself declares; every other kind counts as 专业科目
    /// or completes a whole year.
    pub fn declares_category(self) -> bool {
        matches!(
            self,
            ActivityKind::Training
                | ActivityKind::Conference
                | ActivityKind::Practice
                | ActivityKind::OnlineCourse
                | ActivityKind::StaffTraining
                | ActivityKind::ExpertService
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_parses_back_to_its_variant() {
        for kind in ActivityKind::ALL {
            assert_eq!(ActivityKind::from_code(kind.code()), Some(*kind));
        }
        for level in Level::ALL {
            assert_eq!(Level::from_code(level.code()), Some(*level));
        }
    }

    #[test]
    fn a_short_credit_label_is_the_start_of_its_long_one_or_the_label_itself() {
        for c in CreditCategory::ALL {
            let (short, long) = (c.short_label(), c.label());
            assert!(long.starts_with(short) || long.ends_with(short), "{short} / {long}");
        }
    }

    #[test]
    fn an_unknown_code_is_refused_with_the_choices() {
        let err = serde_json::from_str::<Level>("\"expert\"").unwrap_err().to_string();
        assert!(err.contains("junior | intermediate | associate_senior | senior"), "{err}");
    }
}
