//! The ledger: the person's profile and activity records, as held in memory and exchanged in the
//! portable `xueshi-ledger` JSON format (see `ledger_json` for reading and writing it).

use chrono::{Datelike, NaiveDate};

use crate::hours::Hours;
use crate::kinds::{
    ActivityKind, AidTask, BookRole, Category, ContestLevel, Medal, PaperRole, PatentType, Platform, ProjectLevel,
    ProjectRole, Venue,
};

/// The person whose records these are: the first page of the 登记手册.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Profile {
    /// 姓名
    pub name: Option<String>,
    /// 身份证号: personal data, never sent anywhere.
    pub id_number: Option<String>,
    /// 工作单位
    pub employer: Option<String>,
    /// 现职称
    pub current_title: Option<String>,
    /// 现职称取得时间
    pub title_date: Option<NaiveDate>,
    /// 登记手册编号
    pub certificate_number: Option<String>,
    /// 所在市州, one of Hunan's 14 in its short form (常德, 湘西; see [`crate::cities`]): selects a
    /// city's own rule set where one exists.
    pub city: Option<String>,
}

/// All records of one person.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ledger {
    pub profile: Profile,
    pub activities: Vec<Activity>,
}

/// One evidence file attached to a record, tagged with the material it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// Path or name of the file as the user knows it.
    pub file: String,
    /// The material (结业证书, 培训通知 …) from the rule set's vocabulary.
    pub material: String,
    /// Lowercase hex SHA-256 of the content, where known.
    pub sha256: Option<String>,
}

/// One continuing-education activity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activity {
    pub id: String,
    pub kind: ActivityKind,
    pub title: String,
    /// The date that places the record in a year (start of a training, publication, grant, 结题,
    /// award, exam pass; the start of a posting).
    pub date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    /// 施教机构 / publisher / issuing body.
    pub provider: Option<String>,
    pub note: Option<String>,
    /// 公需 or 专业, for the kinds whose records declare it.
    pub category: Option<Category>,
    pub detail: Detail,
    pub evidence: Vec<Evidence>,
}

/// The fields that depend on the activity kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detail {
    /// training, conference, practice: how long it lasted, and the 学时 stated on the proof where
    /// it states them (the 2017 notice has no conversion table and credits those).
    Sessions {
        days: u32,
        half_days: u32,
        evenings: u32,
        hours: Option<Hours>,
    },
    /// online_course, staff_training: the hours on the certificate; for staff_training, the
    /// platform it was done on (the 2026 notice credits only the unified platform).
    Hours {
        hours: Hours,
        platform: Option<Platform>,
    },
    Research {
        level: ProjectLevel,
        role: ProjectRole,
    },
    Book {
        role: BookRole,
    },
    Paper {
        role: PaperRole,
        venue: Venue,
    },
    Patent {
        patent_type: PatentType,
        rank: u32,
    },
    Award {
        level: ProjectLevel,
        grade: u8,
        rank: u32,
    },
    /// digital_exam, qualification_exam, degree_course: modules, subjects or courses passed.
    Units {
        units: u32,
    },
    /// aid_posting, overseas_exchange: the period is `date`…`end_date`; for aid_posting, which
    /// special task it was (the 2026 notice credits only 三援).
    Posting {
        task: Option<AidTask>,
    },
    /// expert_service: days on site and/or hours online.
    ExpertService {
        days: u32,
        hours: Hours,
    },
    SkillContest {
        level: ContestLevel,
        medal: Medal,
    },
    /// prior_certificate: the years an earlier 学时认定单 covers.
    PriorCertificate {
        from_year: i32,
        to_year: i32,
    },
}

impl Activity {
    /// The calendar year the record counts in.
    pub fn year(&self) -> i32 {
        self.date.year()
    }

    /// The subject the record belongs to: the one it declares, or 专业科目 for the kinds that
    /// declare none (papers, projects, patents…: the ledger format refuses a category on them).
    pub fn subject(&self) -> Category {
        self.category.unwrap_or(Category::Professional)
    }

    /// The role, level, venue… of the record by their file names, for matching rule conditions.
    pub fn role_code(&self) -> Option<&'static str> {
        match &self.detail {
            Detail::Research { role, .. } => Some(role.code()),
            Detail::Book { role } => Some(role.code()),
            Detail::Paper { role, .. } => Some(role.code()),
            _ => None,
        }
    }

    pub fn level_code(&self) -> Option<&'static str> {
        match &self.detail {
            Detail::Research { level, .. } | Detail::Award { level, .. } => Some(level.code()),
            Detail::SkillContest { level, .. } => Some(level.code()),
            _ => None,
        }
    }

    pub fn venue_code(&self) -> Option<&'static str> {
        match &self.detail {
            Detail::Paper { venue, .. } => Some(venue.code()),
            _ => None,
        }
    }

    pub fn patent_type_code(&self) -> Option<&'static str> {
        match &self.detail {
            Detail::Patent { patent_type, .. } => Some(patent_type.code()),
            _ => None,
        }
    }

    pub fn medal_code(&self) -> Option<&'static str> {
        match &self.detail {
            Detail::SkillContest { medal, .. } => Some(medal.code()),
            _ => None,
        }
    }

    pub fn platform_code(&self) -> Option<&'static str> {
        match &self.detail {
            Detail::Hours { platform, .. } => platform.map(Platform::code),
            _ => None,
        }
    }

    pub fn task_code(&self) -> Option<&'static str> {
        match &self.detail {
            Detail::Posting { task } => task.map(AidTask::code),
            _ => None,
        }
    }

    pub fn grade(&self) -> Option<u8> {
        match &self.detail {
            Detail::Award { grade, .. } => Some(*grade),
            _ => None,
        }
    }

    pub fn rank(&self) -> Option<u32> {
        match &self.detail {
            Detail::Patent { rank, .. } | Detail::Award { rank, .. } => Some(*rank),
            _ => None,
        }
    }
}
