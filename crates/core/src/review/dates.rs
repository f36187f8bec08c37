//! The findings about dates: two trainings whose dates overlap, both counted by whole days, and
//! days on which the records claim more hours than the rule set's conversion of one day allows.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};

use super::{Context, Finding};
use crate::hours::Hours;
use crate::kinds::{ActivityKind, FindingKind};
use crate::ledger::Detail;
use crate::rules::{RuleSet, Unit};

/// A record counted by its days, half days or evenings in the checked years.
struct Counted {
    record: usize,
    from: NaiveDate,
    /// The last date the record states (its start date when it states no end date).
    to: NaiveDate,
    /// The days its hours are spread over: its dates, or, without an end date, as many days from
    /// its start as it claims (the kindest reading of a record that gives only its start).
    spread: i64,
    hours: Hours,
    /// Some of its hours are whole days.
    whole_days: bool,
    kind: ActivityKind,
}

/// The days a record claims, a half day counting as part of one: 2 days and 1 half day → 3.
fn days_claimed(detail: &Detail) -> i64 {
    match detail {
        Detail::Sessions { days, half_days, .. } => i64::from(*days) + i64::from(half_days.div_ceil(2)),
        Detail::ExpertService { days, .. } => i64::from(*days),
        _ => 1,
    }
}

/// The longest span of one record walked day by day; a longer span is a date typed wrong, which
/// the per-day check then reads as spread over this many days.
const LONGEST_SPAN_DAYS: i64 = 366;

pub(super) fn overlapping_and_over_limit(ctx: &Context, rules: &RuleSet, findings: &mut Vec<Finding>) {
    let counted = counted_by_sessions(ctx);
    let overlaps = overlapping(ctx, &counted, findings);
    over_limit(ctx, rules, &counted, &overlaps, findings);
}

fn counted_by_sessions(ctx: &Context) -> Vec<Counted> {
    let mut counted: BTreeMap<usize, Counted> = BTreeMap::new();
    for credit in ctx.assessment.credits.iter().filter(|c| c.in_window) {
        let unit = credit.basis.unit;
        if !matches!(unit, Unit::PerDay | Unit::PerHalfDay | Unit::PerEvening) {
            continue;
        }
        let Some(&record) = ctx.position.get(&*credit.activity) else { continue };
        let activity = &ctx.ledger.activities[record];
        let entry = counted.entry(record).or_insert_with(|| {
            let end = activity.end_date.filter(|end| *end >= activity.date);
            let to = end.unwrap_or(activity.date);
            let spread = match end {
                Some(end) => (end - activity.date).num_days() + 1,
                None => days_claimed(&activity.detail),
            };
            Counted {
                record,
                from: activity.date,
                to,
                spread: spread.clamp(1, LONGEST_SPAN_DAYS),
                hours: Hours::ZERO,
                whole_days: false,
                kind: activity.kind,
            }
        });
        entry.hours += credit.hours;
        entry.whole_days |= unit == Unit::PerDay;
    }
    counted.into_values().collect()
}

/// Pairs of records counted by whole days whose dates overlap; returns the pairs reported.
fn overlapping(ctx: &Context, counted: &[Counted], findings: &mut Vec<Finding>) -> BTreeSet<(usize, usize)> {
    let mut by_start: Vec<&Counted> = counted.iter().filter(|c| c.whole_days).collect();
    by_start.sort_by_key(|c| (c.from, c.record));
    let mut pairs = BTreeSet::new();
    for (n, a) in by_start.iter().enumerate() {
        for b in by_start[n + 1..].iter().take_while(|b| b.from <= a.to) {
            let (first, second) = (a.record.min(b.record), a.record.max(b.record));
            pairs.insert((first, second));
            let shared = dates(b.from, a.to.min(b.to));
            let message = format!(
                "{} 与 {}的日期在 {shared} 重叠，两条记录都按整天计了学时",
                ctx.names(&[first]),
                ctx.names(&[second])
            );
            findings.push(ctx.finding(
                FindingKind::OverlappingDates,
                vec![first, second],
                Some(b.from.year()),
                message,
                "同一天只能参加一项培训：如果是同一次培训，请删去重复的记录；如果是日期填错了，请改正日期",
            ));
        }
    }
    pairs
}

/// `2023年5月14日` or `2023年5月14日—2023年5月16日`, as the screens write dates.
fn dates(from: NaiveDate, to: NaiveDate) -> String {
    let day = |d: NaiveDate| d.format("%Y年%-m月%-d日").to_string();
    if from == to { day(from) } else { format!("{}—{}", day(from), day(to)) }
}

/// The most one day can earn for a kind under the set: its conversion of a day, plus that of an
/// evening where the set converts evenings; `None` where the set converts no days for the kind.
fn day_allowance(rules: &RuleSet, kind: ActivityKind) -> Option<Hours> {
    let rate = |unit: Unit| {
        rules.conversions.iter().filter(|c| c.unit == unit && c.kinds.contains(&kind)).map(|c| c.hours).max()
    };
    rate(Unit::PerDay).map(|day| day + rate(Unit::PerEvening).unwrap_or(Hours::ZERO))
}

/// Days on which the records counted by sessions claim more hours than one day allows, each
/// record's hours spread evenly over its dates; one finding per run of days with the same
/// records, unless those records are already reported as overlapping.
fn over_limit(
    ctx: &Context,
    rules: &RuleSet,
    counted: &[Counted],
    overlaps: &BTreeSet<(usize, usize)>,
    findings: &mut Vec<Finding>,
) {
    let mut per_day: BTreeMap<NaiveDate, (i64, Vec<usize>)> = BTreeMap::new();
    for c in counted {
        let share = c.hours.hundredths() / c.spread;
        for day in c.from.iter_days().take(usize::try_from(c.spread).unwrap_or(1)) {
            let entry = per_day.entry(day).or_default();
            entry.0 += share;
            entry.1.push(c.record);
        }
    }
    let kind_of: BTreeMap<usize, ActivityKind> = counted.iter().map(|c| (c.record, c.kind)).collect();
    let mut runs: Vec<(Vec<usize>, NaiveDate, NaiveDate, i64, Hours)> = Vec::new();
    for (day, (load, records)) in per_day {
        let Some(limit) = records.iter().filter_map(|r| kind_of.get(r)).filter_map(|k| day_allowance(rules, *k)).max()
        else {
            continue;
        };
        if load <= limit.hundredths() {
            continue;
        }
        let all_overlapping = records.len() > 1
            && records
                .iter()
                .enumerate()
                .all(|(n, a)| records[n + 1..].iter().all(|b| overlaps.contains(&((*a).min(*b), (*a).max(*b)))));
        if all_overlapping {
            continue;
        }
        match runs.last_mut() {
            Some(run) if run.0 == records && run.2.succ_opt() == Some(day) => {
                run.2 = day;
                run.3 = run.3.max(load);
            }
            _ => runs.push((records, day, day, load, limit)),
        }
    }
    for (records, from, to, load, limit) in runs {
        let message = format!(
            "{} 按记录计 {} 学时（{}），超过折算标准一天最多的 {limit} 学时",
            dates(from, to),
            Hours::from_hundredths(load),
            ctx.names(&records),
        );
        findings.push(ctx.finding(
            FindingKind::DayOverLimit,
            records,
            Some(from.year()),
            message,
            format!("请核对这些记录的日期和天数：按折算标准，一天的学习最多计 {limit} 学时"),
        ));
    }
}
