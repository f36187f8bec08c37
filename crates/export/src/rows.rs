//! The rows of 学时汇总表: which records belong to the package (and under which year and
//! category folder), each year's table of records with credited hours and basis, and the records
//! whose evidence is incomplete.

use std::collections::HashMap;

use chrono::NaiveDate;
use xueshi_core::engine::{Completeness, Credit, RecordTotal};
use xueshi_core::kinds::ActivityKind;
use xueshi_core::{Activity, Assessment, Detail, Hours, Ledger};

use crate::report::{IncompleteRecord, Row, YearTable, or_empty};

/// A record that goes into the package, with the year and category folder it is filed under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackageRecord<'a> {
    pub activity: &'a Activity,
    pub year: i32,
    pub category: &'static str,
}

/// A short word for the kind, for table cells and folder names.
pub fn kind_word(kind: ActivityKind) -> &'static str {
    match kind {
        ActivityKind::Training => "培训",
        ActivityKind::Conference => "会议",
        ActivityKind::Practice => "实践",
        ActivityKind::OnlineCourse => "网络课程",
        ActivityKind::StaffTraining => "单位培训",
        ActivityKind::ResearchProject => "课题",
        ActivityKind::Book => "著作",
        ActivityKind::Paper => "论文",
        ActivityKind::Patent => "专利",
        ActivityKind::Award => "获奖",
        ActivityKind::DigitalExam => "数字技能考试",
        ActivityKind::QualificationExam => "资格考试",
        ActivityKind::DegreeCourse => "学历课程",
        ActivityKind::AidPosting => "三援",
        ActivityKind::ExpertService => "专家服务",
        ActivityKind::OverseasExchange => "海外交流",
        ActivityKind::SkillContest => "技能大赛",
        ActivityKind::PriorCertificate => "认定单",
    }
}

/// `2024年5月16日`
pub fn chinese_date(date: NaiveDate) -> String {
    date.format("%Y年%-m月%-d日").to_string()
}

pub use xueshi_core::id_number::mask as mask_id_number;

/// The in-window credits of each record.
fn credits_by_activity(assessment: &Assessment) -> HashMap<&str, Vec<&Credit>> {
    let mut map: HashMap<&str, Vec<&Credit>> = HashMap::new();
    for c in assessment.credits.iter().filter(|c| c.in_window) {
        map.entry(&*c.activity).or_default().push(c);
    }
    map
}

/// The records that belong to the application: those credited in a year of the window, and those
/// dated in the window that earn nothing (shown with 0 so that nothing is hidden).
pub fn package_records<'a>(ledger: &'a Ledger, assessment: &Assessment) -> Vec<PackageRecord<'a>> {
    let credits = credits_by_activity(assessment);
    let window = &assessment.window;
    let mut out: Vec<PackageRecord<'a>> = ledger
        .activities
        .iter()
        .filter_map(|a| {
            let own = credits.get(a.id.as_str());
            let year =
                if window.contains(&a.year()) { a.year() } else { own.and_then(|c| c.iter().map(|c| c.year).min())? };
            let category = match (a.category, own.and_then(|c| c.first())) {
                (Some(c), _) => c.label(),
                (None, Some(c)) => c.category.label(),
                (None, None) => "专业科目",
            };
            Some(PackageRecord { activity: a, year, category })
        })
        .collect();
    out.sort_by(|a, b| (a.activity.date, &a.activity.id).cmp(&(b.activity.date, &b.activity.id)));
    out
}

pub(crate) fn year_tables(records: &[PackageRecord<'_>], assessment: &Assessment, required: &str) -> Vec<YearTable> {
    let credits = credits_by_activity(assessment);
    let totals: HashMap<&str, &RecordTotal> = assessment.records.iter().map(|t| (&*t.activity, t)).collect();
    assessment
        .years
        .iter()
        .map(|y| {
            let rows = records
                .iter()
                .filter_map(|r| {
                    let own: Vec<&Credit> = credits
                        .get(r.activity.id.as_str())
                        .map(|cs| cs.iter().copied().filter(|c| c.year == y.year).collect())
                        .unwrap_or_default();
                    (!own.is_empty() || (r.year == y.year && !credits.contains_key(r.activity.id.as_str())))
                        .then(|| row(r, &own, totals.get(r.activity.id.as_str()).copied(), assessment))
                })
                .collect();
            YearTable {
                year: y.year,
                rows,
                public: y.public.to_string(),
                professional: y.professional.to_string(),
                total: y.total.to_string(),
                required: required.to_owned(),
                status: y.status.clone(),
                met: y.met,
                numbers: [y.public.as_f64(), y.professional.as_f64(), y.total.as_f64()],
            }
        })
        .collect()
}

fn row(r: &PackageRecord<'_>, credits: &[&Credit], total: Option<&RecordTotal>, assessment: &Assessment) -> Row {
    let a = r.activity;
    // A record's 公需/专业 hours all fall in one year: the engine's in-window total is this row's.
    let hours = if credits.iter().any(|c| c.category.counts_hours()) {
        total.map_or(Hours::ZERO, |t| t.in_window)
    } else {
        Hours::ZERO
    };
    let special = credits.iter().find(|c| !c.category.counts_hours());
    let (hours_text, hours_number) = match special {
        Some(c) if hours.is_zero() => (c.category.label().to_owned(), None),
        _ => (hours.to_string(), Some(hours.as_f64())),
    };
    let category = match (a.category, credits.first()) {
        (Some(c), _) => c.label(),
        (None, Some(c)) => c.category.label(),
        (None, None) => r.category,
    };
    let basis = if credits.is_empty() {
        assessment
            .warnings
            .iter()
            .find(|w| w.activity.as_deref() == Some(a.id.as_str()))
            .map_or_else(|| "未计学时".to_owned(), |w| format!("未计学时：{}", w.message))
    } else {
        let mut parts: Vec<String> = Vec::new();
        for c in credits {
            let text = if c.source.document == assessment.document {
                c.basis.describe()
            } else {
                format!("{}：{}", c.source.document, c.basis.describe())
            };
            if !parts.contains(&text) {
                parts.push(text);
            }
        }
        parts.join("；")
    };
    Row {
        id: a.id.clone(),
        date: chinese_date(a.date),
        title: a.title.trim().to_owned(),
        kind: kind_word(a.kind).to_owned(),
        provider: or_empty(a.provider.as_deref()),
        category: category.to_owned(),
        hours: hours_text,
        basis,
        remark: remark(a),
        hours_number,
    }
}

/// What the record states that decides its credit beyond its kind and dates: the 学时 on the
/// proof of a training, meeting or practice (2017 credits those), the platform of a staff
/// training (2026 credits only the unified one), the task of a posting (2026 credits only 三援).
pub fn remark(a: &Activity) -> String {
    match &a.detail {
        Detail::Sessions { hours: Some(h), .. } => format!("证明载明 {h} 学时"),
        Detail::Hours { platform, .. } if a.kind == ActivityKind::StaffTraining => {
            format!("培训平台：{}", platform.map_or("未注明", |p| p.label()))
        }
        Detail::Posting { task } if a.kind == ActivityKind::AidPosting => {
            format!("任务类型：{}", task.map_or("未注明", |t| t.label()))
        }
        _ => String::new(),
    }
}

pub(crate) fn incomplete_records(records: &[PackageRecord<'_>], assessment: &Assessment) -> Vec<IncompleteRecord> {
    let status: HashMap<&str, _> = assessment.evidence.iter().map(|e| (&*e.activity, e)).collect();
    records
        .iter()
        .filter_map(|r| {
            let s = status.get(r.activity.id.as_str())?;
            (s.status == Completeness::Incomplete).then(|| {
                let attached: Vec<&str> = r.activity.evidence.iter().map(|e| e.material.as_str()).collect();
                IncompleteRecord {
                    id: r.activity.id.clone(),
                    year: r.year,
                    date: chinese_date(r.activity.date),
                    title: r.activity.title.trim().to_owned(),
                    attached: if attached.is_empty() { "（无）".to_owned() } else { attached.join("、") },
                    missing: s.missing.iter().map(|m| m.to_string()).collect::<Vec<_>>().join("；"),
                }
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_number_keeps_its_first_six_and_last_four_characters() {
        assert_eq!(mask_id_number("430102198805161234"), "430102********1234");
        assert_eq!(mask_id_number(" 43010219880516123X "), "430102********123X");
        assert_eq!(mask_id_number("430102880516123"), "430102*****6123");
        assert_eq!(mask_id_number("12345"), "*****");
    }

    #[test]
    fn dates_read_the_chinese_way_without_leading_zeros() {
        let date = NaiveDate::from_ymd_opt(2024, 5, 6).expect("date");
        assert_eq!(chinese_date(date), "2024年5月6日");
    }
}
