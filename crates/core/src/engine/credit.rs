//! Credits one activity under a rule set: which clause applies to each quantity of the record
//! (days, half days, hours, units, the record itself, a posting period, certified years).

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

use crate::field_names::grade_label;
use crate::hours::Hours;
use crate::kinds::{ActivityKind, Category};
use crate::ledger::{Activity, Detail};
use crate::rules::{CategoryRule, Conditions, RuleSet, Unit};

/// What a credit counts towards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CreditKind {
    Hours(Category),
    /// The whole year is complete (三援, overseas exchange).
    FullYear,
    /// The year is covered by an earlier 学时认定单.
    PriorCertificate,
}

/// How the hours of a credit were counted: `quantity` units at `rate` 学时 each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Basis {
    pub quantity: Hours,
    pub unit: Unit,
    pub rate: Hours,
}

impl Basis {
    /// In words: `2 天 × 8 学时`, `每项 30 学时`, `视为完成本年度继续教育`.
    pub fn describe(&self) -> String {
        match self.unit {
            Unit::PerItem => format!("每项 {} 学时", self.rate),
            Unit::PerHour if self.rate == Hours::whole(1) => {
                format!("按证书 {} 学时", self.quantity)
            }
            Unit::PerHour => format!("{} 学时 × {}", self.quantity, self.rate),
            Unit::FullYear => "视为完成本年度继续教育".to_owned(),
            Unit::CoversYears => "本年度已由学时认定单认定".to_owned(),
            unit => format!("{} {} × {} 学时", self.quantity, unit.label(), self.rate),
        }
    }
}

/// One credit produced by one clause (by its index in the set) for one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawCredit {
    pub year: i32,
    pub kind: CreditKind,
    pub hours: Hours,
    pub clause: usize,
    pub basis: Basis,
}

/// The clauses of a set grouped by activity kind, in file order, built once per assessment.
pub struct ClauseIndex {
    by_kind: Vec<Vec<usize>>,
}

impl ClauseIndex {
    pub fn new(rules: &RuleSet) -> ClauseIndex {
        let mut by_kind = vec![Vec::new(); ActivityKind::ALL.len()];
        for (i, clause) in rules.conversions.iter().enumerate() {
            for kind in &clause.kinds {
                by_kind[*kind as usize].push(i);
            }
        }
        ClauseIndex { by_kind }
    }

    fn of(&self, kind: ActivityKind) -> &[usize] {
        &self.by_kind[kind as usize]
    }
}

/// A quantity of a record that some clause may credit.
#[derive(Clone, Copy)]
enum Quantity {
    Count(u32),
    Hours(Hours),
    Item,
    Posting(NaiveDate, NaiveDate),
    Years(i32, i32),
}

/// The record's creditable quantities (at most three), without allocating. A training, meeting or
/// practice is counted by its days where the set converts days for its kind, else by the 学时 on
/// its proof where the set credits those (2017).
fn quantities(activity: &Activity, by_days: bool) -> [Option<(Unit, Quantity)>; 3] {
    let count = |unit, n: u32| (n > 0).then_some((unit, Quantity::Count(n)));
    match &activity.detail {
        Detail::Sessions { hours: Some(hours), .. } if !by_days => {
            [Some((Unit::PerHour, Quantity::Hours(*hours))), None, None]
        }
        Detail::Sessions { days, half_days, evenings, .. } => {
            [count(Unit::PerDay, *days), count(Unit::PerHalfDay, *half_days), count(Unit::PerEvening, *evenings)]
        }
        Detail::Units { units } => [count(Unit::PerUnit, *units), None, None],
        Detail::ExpertService { days, hours } => {
            [count(Unit::PerDay, *days), (!hours.is_zero()).then_some((Unit::PerHour, Quantity::Hours(*hours))), None]
        }
        Detail::Hours { hours, .. } => [Some((Unit::PerHour, Quantity::Hours(*hours))), None, None],
        Detail::Posting { .. } => {
            let end = activity.end_date.unwrap_or(activity.date);
            [Some((Unit::FullYear, Quantity::Posting(activity.date, end))), None, None]
        }
        Detail::PriorCertificate { from_year, to_year } => {
            [Some((Unit::CoversYears, Quantity::Years(*from_year, *to_year))), None, None]
        }
        Detail::Research { .. }
        | Detail::Book { .. }
        | Detail::Paper { .. }
        | Detail::Patent { .. }
        | Detail::Award { .. }
        | Detail::SkillContest { .. } => [Some((Unit::PerItem, Quantity::Item)), None, None],
    }
}

/// Units that count a training's sessions.
fn is_session_unit(unit: Unit) -> bool {
    matches!(unit, Unit::PerDay | Unit::PerHalfDay | Unit::PerEvening)
}

fn matches(when: &Conditions, a: &Activity) -> bool {
    fn any(list: &Option<Vec<String>>, value: Option<&str>) -> bool {
        match list {
            None => true,
            Some(list) => value.is_some_and(|v| list.iter().any(|x| x == v)),
        }
    }
    any(&when.role, a.role_code())
        && any(&when.level, a.level_code())
        && any(&when.venue, a.venue_code())
        && any(&when.patent_type, a.patent_type_code())
        && any(&when.medal, a.medal_code())
        && any(&when.platform, a.platform_code())
        && any(&when.task, a.task_code())
        && when.grade.as_ref().is_none_or(|g| a.grade().is_some_and(|x| g.contains(&x)))
        && when.rank_max.is_none_or(|max| a.rank().is_some_and(|r| r <= max))
}

/// Does a posting from `start` to `end` (inclusive) last at least `months` months?
fn lasts_at_least(start: NaiveDate, end: NaiveDate, months: u32) -> bool {
    let after_end = end.succ_opt().unwrap_or(end);
    start.checked_add_months(Months::new(months)).is_some_and(|d| d <= after_end)
}

/// Does it last strictly longer than `months` months?
fn lasts_longer_than(start: NaiveDate, end: NaiveDate, months: u32) -> bool {
    let after_end = end.succ_opt().unwrap_or(end);
    start.checked_add_months(Months::new(months)).is_some_and(|d| d < after_end)
}

/// The calendar year that holds the larger share of the days from `start` to `end` (inclusive);
/// on a tie, the later year: the year a posting or exchange "completes" (视为完成当年).
pub fn completion_year(start: NaiveDate, end: NaiveDate) -> i32 {
    let mut best = (start.year(), 0i64);
    for y in start.year()..=end.year() {
        let first = start.max(NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or(start));
        let last = end.min(NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(end));
        let days = (last - first).num_days() + 1;
        if days >= best.1 {
            best = (y, days);
        }
    }
    best.0
}

/// What a record's crediting says about it: a message, and whether it states an assumption (推定).
pub struct Note {
    pub message: String,
    pub assumption: bool,
}

impl Note {
    fn plain(message: String) -> Note {
        Note { message, assumption: false }
    }

    fn assumption(message: String) -> Note {
        Note { message, assumption: true }
    }
}

/// Credits one activity into `credits`: for each quantity, the first clause (in file order) whose
/// kinds, unit and conditions match. Explains into `problems` what earns nothing.
pub fn credit(
    activity: &Activity,
    rules: &RuleSet,
    index: &ClauseIndex,
    credits: &mut Vec<RawCredit>,
    problems: &mut Vec<Note>,
) {
    let candidates = index.of(activity.kind);
    if candidates.is_empty() {
        problems.push(Note::plain(match rules.advice_for(activity.kind) {
            Some(advice) => advice_message(advice),
            None => format!("《{}》的折算细则不认定“{}”，此记录不计学时", rules.name, activity.kind.label()),
        }));
        return;
    }
    let by_days = candidates.iter().any(|i| is_session_unit(rules.conversions[*i].unit));
    if let Detail::Sessions { days, half_days, evenings, hours } = &activity.detail {
        let has_sessions = days + half_days + evenings > 0;
        let by_hours = candidates.iter().any(|i| rules.conversions[*i].unit == Unit::PerHour);
        if by_days && !has_sessions {
            problems.push(Note::plain(format!(
                "《{}》按天数折算“{}”，此记录只填了证明上的学时：请填写天数（或半天数），否则不计学时",
                rules.name,
                activity.kind.label()
            )));
            return;
        }
        if !by_days && by_hours && hours.is_none() {
            problems.push(Note::plain(format!(
                "《{}》没有按天数折算的细则，按证明（结业证书、学时证明）上载明的学时认定“{}”：此记录只填了天数，请填写证明上的学时，否则不计学时",
                rules.name,
                activity.kind.label()
            )));
            return;
        }
    }
    for (unit, quantity) in quantities(activity, by_days).into_iter().flatten() {
        let found = candidates.iter().copied().find(|i| {
            let c = &rules.conversions[*i];
            c.unit == unit && matches(&c.when, activity)
        });
        let Some(i) = found else {
            problems.push(Note::plain(match rules.advice_for(activity.kind) {
                Some(advice) => advice_message(advice),
                None => no_clause_message(activity, rules, candidates, unit),
            }));
            continue;
        };
        let clause = &rules.conversions[i];
        let category = match (clause.category, activity.category) {
            (CategoryRule::Declared, Some(c)) => c,
            _ => Category::Professional,
        };
        let year = activity.year();
        let one = Hours::whole(1);
        let mut push = |year, kind, hours, quantity| {
            credits.push(RawCredit {
                year,
                kind,
                hours,
                clause: i,
                basis: Basis { quantity, unit, rate: clause.hours },
            });
        };
        match quantity {
            Quantity::Count(n) => {
                if clause.several_units_assumed && n > 1 {
                    problems.push(Note::assumption(format!(
                        "此记录填写了 {n} {}，按每个 {} 学时计 {} 学时；原文“{}”没有说明同一年度通过多门是否每门都计，这是推定，请以核认部门的意见为准",
                        unit.label(),
                        clause.hours,
                        clause.hours * n,
                        clause.quote
                    )));
                }
                push(year, CreditKind::Hours(category), clause.hours * n, Hours::whole(i64::from(n)))
            }
            Quantity::Hours(h) => push(year, CreditKind::Hours(category), clause.hours * h, h),
            Quantity::Item => push(year, CreditKind::Hours(category), clause.hours, one),
            Quantity::Posting(start, end) => {
                let min = clause.min_months.unwrap_or(12);
                if !lasts_at_least(start, end, min) {
                    problems.push(Note::plain(format!(
                        "外派/交流时间不足 {min} 个月（{} 至 {}），不能按全年认定",
                        start.format("%Y年%-m月%-d日"),
                        end.format("%Y年%-m月%-d日")
                    )));
                    continue;
                }
                match clause.all_years_over_months {
                    Some(m) if lasts_longer_than(start, end, m) => {
                        for y in start.year()..=end.year() {
                            push(y, CreditKind::FullYear, clause.hours, one);
                        }
                    }
                    _ => {
                        let y = completion_year(start, end);
                        if start.year() != end.year() {
                            problems.push(Note::plain(format!(
                                "外派/交流跨 {}，按天数较多的 {y} 年视为完成当年（天数相同时取后一年）",
                                super::year_range(start.year(), end.year())
                            )));
                        }
                        push(y, CreditKind::FullYear, clause.hours, one);
                    }
                }
            }
            Quantity::Years(from, to) => {
                for y in from..=to {
                    push(y, CreditKind::PriorCertificate, clause.hours, one);
                }
            }
        }
    }
}

/// The set's advice for a record that earns nothing, with the sentence it rests on.
fn advice_message(advice: &crate::rules::Advice) -> String {
    format!("{}（依据{}：“{}”）", advice.message, advice.origin.citation(), advice.quote)
}

/// Explains, in the user's terms, why no clause credits this quantity of the record.
fn no_clause_message(activity: &Activity, rules: &RuleSet, candidates: &[usize], unit: Unit) -> String {
    let mut facts = vec![activity.kind.label().to_owned()];
    match &activity.detail {
        Detail::Research { level, role } => facts.extend([level.label().to_owned(), role.label().to_owned()]),
        Detail::Book { role } => facts.push(role.label().to_owned()),
        Detail::Paper { role, venue } => facts.extend([venue.label().to_owned(), role.label().to_owned()]),
        Detail::Patent { patent_type, rank } => facts.push(format!("{}，排名第 {rank}", patent_type.label())),
        Detail::Award { level, grade, rank } => {
            let grade = grade_label(*grade).map_or_else(|| format!("{grade}等奖"), str::to_owned);
            facts.push(format!("{}{grade}，排名第 {rank}", level.label()))
        }
        Detail::SkillContest { level, medal } => facts.push(format!("{}{}", level.label(), medal.label())),
        _ => {}
    }
    if candidates.iter().any(|i| rules.conversions[*i].unit == unit) {
        format!("《{}》的折算细则中没有与此记录相符的条款（{}），不计学时", rules.name, facts.join("，"))
    } else {
        format!("《{}》的折算细则不按“{}”折算{}，这部分不计学时", rules.name, unit.label(), activity.kind.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn six_months_means_six_calendar_months_end_inclusive() {
        assert!(lasts_at_least(d(2023, 1, 1), d(2023, 6, 30), 6));
        assert!(!lasts_at_least(d(2023, 1, 1), d(2023, 6, 29), 6));
        assert!(lasts_at_least(d(2023, 7, 15), d(2024, 1, 14), 6));
    }

    #[test]
    fn a_posting_completes_the_year_holding_most_of_its_days() {
        // 援疆 2023-12-31 to 2024-06-30: one day in 2023, 181 in 2024.
        assert_eq!(completion_year(d(2023, 12, 31), d(2024, 6, 30)), 2024);
        assert_eq!(completion_year(d(2023, 3, 1), d(2024, 1, 31)), 2023);
        assert_eq!(completion_year(d(2023, 5, 1), d(2023, 11, 30)), 2023);
    }

    #[test]
    fn on_a_tie_the_later_year_completes() {
        // 2023-07-02..2023-12-31 is 183 days, 2024-01-01..2024-07-01 is 183 days (leap year).
        assert_eq!(completion_year(d(2023, 7, 2), d(2024, 7, 1)), 2024);
    }

    #[test]
    fn over_one_year_is_strictly_more_than_twelve_months() {
        assert!(!lasts_longer_than(d(2022, 1, 1), d(2022, 12, 31), 12));
        assert!(lasts_longer_than(d(2022, 1, 1), d(2023, 1, 1), 12));
    }

    #[test]
    fn a_basis_reads_as_the_sum_a_person_would_write() {
        let b = Basis { quantity: Hours::whole(2), unit: Unit::PerDay, rate: Hours::whole(8) };
        assert_eq!(b.describe(), "2 天 × 8 学时");
        let b = Basis { quantity: Hours::from_hundredths(150), unit: Unit::PerHour, rate: Hours::whole(1) };
        assert_eq!(b.describe(), "按证书 1.5 学时");
    }
}
