//! Credits one activity under a rule set: which clause applies to each quantity of the record
//! (days, half days, hours, units, the record itself, a posting period, certified years).

use chrono::{Datelike, Months, NaiveDate};

use crate::hours::Hours;
use crate::kinds::Category;
use crate::ledger::{Activity, Detail};
use crate::rules::{CategoryRule, Conditions, Conversion, RuleSet, Unit};

/// What a credit counts towards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CreditKind {
    Hours(Category),
    /// The whole year is complete (三援, overseas exchange).
    FullYear,
    /// The year is covered by an earlier 学时认定单.
    PriorCertificate,
}

/// One credit produced by one clause for one year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawCredit<'r> {
    pub year: i32,
    pub kind: CreditKind,
    pub hours: Hours,
    pub clause: &'r Conversion,
    /// e.g. `2 天 × 8 学时`
    pub basis: String,
}

/// The outcome for one activity: its credits, and why something was not credited.
#[derive(Debug, Default)]
pub struct Outcome<'r> {
    pub credits: Vec<RawCredit<'r>>,
    pub problems: Vec<String>,
}

/// A quantity of a record that some clause may credit.
enum Quantity {
    Count(u32),
    Hours(Hours),
    Item,
    Posting(NaiveDate, NaiveDate),
    Years(i32, i32),
}

fn quantities(activity: &Activity) -> Vec<(Unit, Quantity)> {
    let mut out = Vec::new();
    let mut count = |unit, n: u32| {
        if n > 0 {
            out.push((unit, Quantity::Count(n)));
        }
    };
    match &activity.detail {
        Detail::Sessions {
            days,
            half_days,
            evenings,
        } => {
            count(Unit::PerDay, *days);
            count(Unit::PerHalfDay, *half_days);
            count(Unit::PerEvening, *evenings);
        }
        Detail::Units { units } => count(Unit::PerUnit, *units),
        Detail::ExpertService { days, hours } => {
            count(Unit::PerDay, *days);
            if !hours.is_zero() {
                out.push((Unit::PerHour, Quantity::Hours(*hours)));
            }
        }
        Detail::Hours { hours } => out.push((Unit::PerHour, Quantity::Hours(*hours))),
        Detail::Posting => {
            let end = activity.end_date.unwrap_or(activity.date);
            out.push((Unit::FullYear, Quantity::Posting(activity.date, end)));
        }
        Detail::PriorCertificate { from_year, to_year } => {
            out.push((Unit::CoversYears, Quantity::Years(*from_year, *to_year)));
        }
        Detail::Research { .. }
        | Detail::Book { .. }
        | Detail::Paper { .. }
        | Detail::Patent { .. }
        | Detail::Award { .. }
        | Detail::SkillContest { .. } => out.push((Unit::PerItem, Quantity::Item)),
    }
    out
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
        && when
            .grade
            .as_ref()
            .is_none_or(|g| a.grade().is_some_and(|x| g.contains(&x)))
        && when
            .rank_max
            .is_none_or(|max| a.rank().is_some_and(|r| r <= max))
}

/// Does a posting from `start` to `end` (inclusive) last at least `months` months?
fn lasts_at_least(start: NaiveDate, end: NaiveDate, months: u32) -> bool {
    let after_end = end.succ_opt().unwrap_or(end);
    start
        .checked_add_months(Months::new(months))
        .is_some_and(|d| d <= after_end)
}

/// Does it last strictly longer than `months` months?
fn lasts_longer_than(start: NaiveDate, end: NaiveDate, months: u32) -> bool {
    let after_end = end.succ_opt().unwrap_or(end);
    start
        .checked_add_months(Months::new(months))
        .is_some_and(|d| d < after_end)
}

/// Credits one activity: for each quantity, the first clause (in file order) whose kinds, unit
/// and conditions match.
pub fn credit<'r>(activity: &Activity, rules: &'r RuleSet) -> Outcome<'r> {
    let mut outcome = Outcome::default();
    if !rules.credits_kind(activity.kind) {
        outcome.problems.push(format!(
            "《{}》的折算细则不认定“{}”，此记录不计学时",
            rules.name,
            activity.kind.label()
        ));
        return outcome;
    }
    for (unit, quantity) in quantities(activity) {
        let clause = rules.conversions.iter().find(|c| {
            c.kinds.contains(&activity.kind) && c.unit == unit && matches(&c.when, activity)
        });
        let Some(clause) = clause else {
            outcome
                .problems
                .push(no_clause_message(activity, rules, unit));
            continue;
        };
        let category = match (clause.category, activity.category) {
            (CategoryRule::Declared, Some(c)) => c,
            _ => Category::Professional,
        };
        let year = activity.year();
        match quantity {
            Quantity::Count(n) => outcome.credits.push(RawCredit {
                year,
                kind: CreditKind::Hours(category),
                hours: clause.hours * n,
                clause,
                basis: format!("{n} {} × {} 学时", unit.label(), clause.hours),
            }),
            Quantity::Hours(h) => outcome.credits.push(RawCredit {
                year,
                kind: CreditKind::Hours(category),
                hours: clause.hours * h,
                clause,
                basis: format!("{h} 学时 × {}", clause.hours),
            }),
            Quantity::Item => outcome.credits.push(RawCredit {
                year,
                kind: CreditKind::Hours(category),
                hours: clause.hours,
                clause,
                basis: format!("每项 {} 学时", clause.hours),
            }),
            Quantity::Posting(start, end) => {
                let min = clause.min_months.unwrap_or(12);
                if !lasts_at_least(start, end, min) {
                    outcome.problems.push(format!(
                        "外派/交流时间不足 {min} 个月（{} 至 {}），不能按全年认定",
                        start.format("%Y年%-m月%-d日"),
                        end.format("%Y年%-m月%-d日")
                    ));
                    continue;
                }
                let years = match clause.all_years_over_months {
                    Some(m) if lasts_longer_than(start, end, m) => start.year()..=end.year(),
                    _ => start.year()..=start.year(),
                };
                for y in years {
                    outcome.credits.push(RawCredit {
                        year: y,
                        kind: CreditKind::FullYear,
                        hours: clause.hours,
                        clause,
                        basis: format!("视为完成 {y} 年度继续教育"),
                    });
                }
            }
            Quantity::Years(from, to) => {
                for y in from..=to {
                    outcome.credits.push(RawCredit {
                        year: y,
                        kind: CreditKind::PriorCertificate,
                        hours: clause.hours,
                        clause,
                        basis: format!("{from}–{to} 年学时认定单"),
                    });
                }
            }
        }
    }
    outcome
}

/// Explains, in the user's terms, why no clause credits this quantity of the record.
fn no_clause_message(activity: &Activity, rules: &RuleSet, unit: Unit) -> String {
    let mut facts = vec![activity.kind.label().to_owned()];
    facts.extend(activity.role_code().map(|_| role_label(activity)));
    if let Detail::Paper { venue, .. } = &activity.detail {
        facts.push(venue.label().to_owned());
    }
    if let Detail::Patent { patent_type, rank } = &activity.detail {
        facts.push(format!("{}，排名第 {rank}", patent_type.label()));
    }
    if let Detail::Award { level, grade, rank } = &activity.detail {
        facts.push(format!("{}{grade}等奖，排名第 {rank}", level.label()));
    }
    if let Detail::SkillContest { level, medal } = &activity.detail {
        facts.push(format!("{}{}", level.label(), medal.label()));
    }
    if let Detail::Research { level, .. } = &activity.detail {
        facts.push(level.label().to_owned());
    }
    let unit_covered = rules
        .conversions
        .iter()
        .any(|c| c.kinds.contains(&activity.kind) && c.unit == unit);
    if unit_covered {
        format!(
            "《{}》的折算细则中没有与此记录相符的条款（{}），不计学时",
            rules.name,
            facts.join("，")
        )
    } else {
        format!(
            "《{}》的折算细则不按“{}”折算{}，这部分不计学时",
            rules.name,
            unit.label(),
            activity.kind.label()
        )
    }
}

fn role_label(activity: &Activity) -> String {
    match &activity.detail {
        Detail::Research { role, .. } => role.label().to_owned(),
        Detail::Book { role } => role.label().to_owned(),
        Detail::Paper { role, .. } => role.label().to_owned(),
        _ => String::new(),
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
    fn over_one_year_is_strictly_more_than_twelve_months() {
        assert!(!lasts_longer_than(d(2022, 1, 1), d(2022, 12, 31), 12));
        assert!(lasts_longer_than(d(2022, 1, 1), d(2023, 1, 1), 12));
    }
}
