//! Reminders without a server: what to tell the user today — the 核认 period of the plan's year
//! opening or closing within 30 days (its dates read from the rule set in force), the current
//! year of the window still short after 1 October, records older than 30 days still lacking
//! evidence — each kind switched off in the settings; and the same dates ahead as an `.ics`
//! calendar for the phone (`xueshi remind --ics`, 设置 → 提醒).

use chrono::{Datelike, Duration, NaiveDate};
use icalendar::{Alarm, Calendar, Component, Event, EventLike};
use serde::Serialize;
use xueshi_core::engine::{Assessment, Completeness, YearState};
use xueshi_core::rules::RuleSet;
use xueshi_core::{Hours, Ledger};

use crate::error::{HandbookError, Result};
use crate::{Handbook, Request, Settings};

/// How many days ahead a period's opening or closing is announced, and how old a record without
/// complete evidence must be before it is mentioned.
pub const REMIND_DAYS: i64 = 30;

/// What a reminder is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum ReminderKind {
    PeriodOpens,
    PeriodCloses,
    YearShort,
    EvidenceMissing,
}

/// One reminder: a short title (the notification's) and a sentence saying what to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Reminder {
    pub kind: ReminderKind,
    pub title: String,
    pub text: String,
}

/// A day for the phone's calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarEntry {
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub title: String,
    pub text: String,
    /// Days before `first_day` the phone reminds.
    pub alarm_days_before: i64,
}

fn day(d: NaiveDate) -> String {
    format!("{}月{}日", d.month(), d.day())
}

/// The reminders of `today` for an assessed plan (`year` the application year), as `settings` allow.
pub fn reminders_for(
    ledger: &Ledger,
    rules: &RuleSet,
    assessment: &Assessment,
    year: i32,
    settings: &Settings,
    today: NaiveDate,
) -> Vec<Reminder> {
    let mut found = Vec::new();
    if settings.remind_period {
        for p in &rules.periods {
            let Some((from, to)) = p.dates(year) else { continue };
            let span = format!("{}至{}", day(from), day(to));
            let opens_in = (from - today).num_days();
            let closes_in = (to - today).num_days();
            if (0..=REMIND_DAYS).contains(&opens_in) {
                found.push(Reminder {
                    kind: ReminderKind::PeriodOpens,
                    title: match opens_in {
                        0 => format!("{year}年的学时核认今天开始"),
                        n => format!("{year}年的学时核认还有 {n} 天开始"),
                    },
                    text: format!("{}的核认期限是{year}年{span}。请在此之前备齐各年度的证明材料。", p.who),
                });
            } else if opens_in < 0 && (0..=REMIND_DAYS).contains(&closes_in) {
                found.push(Reminder {
                    kind: ReminderKind::PeriodCloses,
                    title: match closes_in {
                        0 => format!("{year}年的学时核认今天截止"),
                        n => format!("{year}年的学时核认还有 {n} 天截止"),
                    },
                    text: format!("{}的核认期限是{year}年{span}，请及时在网上核认系统中提交。", p.who),
                });
            }
        }
    }
    if settings.remind_short_year
        && let Some(october) = NaiveDate::from_ymd_opt(today.year(), 10, 1)
        && today >= october
        && let Some(y) = assessment.years.iter().find(|y| y.year == today.year() && y.state == YearState::Short)
    {
        found.push(Reminder {
            kind: ReminderKind::YearShort,
            title: format!("{}年度还差 {} 学时", y.year, y.missing),
            text: format!(
                "{}年度是参评要查的年度之一，现有公需科目 {}、专业科目 {} 学时。年底前参加培训或网络课程补上，记得保存证明材料。",
                y.year, y.public, y.professional
            ),
        });
    }
    if settings.remind_evidence {
        let old: Vec<&str> = ledger
            .activities
            .iter()
            .filter(|a| (today - a.end_date.unwrap_or(a.date)).num_days() > REMIND_DAYS)
            .filter(|a| {
                assessment
                    .evidence
                    .iter()
                    .any(|e| &*e.activity == a.id.as_str() && e.status == Completeness::Incomplete)
            })
            .map(|a| a.title.as_str())
            .collect();
        if let Some(first) = old.first() {
            let names = if old.len() == 1 {
                format!("“{first}”")
            } else {
                format!("“{first}”等 {} 条记录", old.len())
            };
            found.push(Reminder {
                kind: ReminderKind::EvidenceMissing,
                title: format!("{} 条记录还缺证明材料", old.len()),
                text: format!(
                    "{names}结束已超过 {REMIND_DAYS} 天，证明材料还不齐。趁还找得到，把结业证书、通知等附上。"
                ),
            });
        }
    }
    found
}

/// The dates from `today` on: each 核认 period of the plan's year, and 1 October of each year of
/// the window not yet over (the day to check that year's hours).
pub fn calendar_for(rules: &RuleSet, assessment: &Assessment, year: i32, today: NaiveDate) -> Vec<CalendarEntry> {
    let mut entries = Vec::new();
    for p in &rules.periods {
        let Some((from, to)) = p.dates(year) else { continue };
        if to >= today {
            entries.push(CalendarEntry {
                first_day: from,
                last_day: to,
                title: format!("继续教育学时核认（{year}年参评）"),
                text: format!("{}：{}至{}。{}", p.who, day(from), day(to), p.quote),
                alarm_days_before: 7,
            });
        }
    }
    for y in &assessment.years {
        let Some(october) = NaiveDate::from_ymd_opt(y.year, 10, 1) else { continue };
        if y.year >= today.year() && october >= today {
            let now = if y.missing > Hours::ZERO {
                format!("导出日还差 {} 学时", y.missing)
            } else {
                "导出日已达标".to_owned()
            };
            entries.push(CalendarEntry {
                first_day: october,
                last_day: october,
                title: format!("检查{}年度的继续教育学时", y.year),
                text: format!("打开学时手册看{}年度是否达标（{now}），年底前还来得及补。", y.year),
                alarm_days_before: 0,
            });
        }
    }
    entries.sort_by_key(|e| e.first_day);
    entries
}

/// The entries as an iCalendar file (all-day events, each with a reminder on the phone).
pub fn ics(entries: &[CalendarEntry]) -> String {
    let mut calendar = Calendar::new();
    calendar.name("学时手册提醒");
    for (i, e) in entries.iter().enumerate() {
        let alarm_at = Duration::days(-e.alarm_days_before) + Duration::hours(9);
        let event = Event::new()
            .uid(&format!("xueshi-{}-{i}@xueshi.local", e.first_day.format("%Y%m%d")))
            .summary(&e.title)
            .description(&e.text)
            .starts(e.first_day)
            .ends(e.last_day + Duration::days(1))
            .alarm(Alarm::display(&e.title, alarm_at))
            .done();
        calendar.push(event);
    }
    calendar.done().to_string()
}

impl Handbook {
    /// Today's reminders for the current plan (none without one).
    pub fn reminders(&mut self, today: NaiveDate) -> Result<Vec<Reminder>> {
        if self.current_plan()?.is_none() {
            return Ok(Vec::new());
        }
        let settings = self.settings()?;
        let assessed = self.assess(&Request::default())?;
        let year = assessed.application.year;
        Ok(reminders_for(&assessed.ledger, assessed.rules, &assessed.assessment, year, &settings, today))
    }

    /// The current plan's dates ahead as an `.ics` calendar, and how many events it holds; refused
    /// when none lies ahead (an empty calendar would remind of nothing).
    pub fn reminder_calendar(&mut self, today: NaiveDate) -> Result<(String, usize)> {
        let assessed = self.assess(&Request::default())?;
        let year = assessed.application.year;
        let entries = calendar_for(assessed.rules, &assessed.assessment, year, today);
        if entries.is_empty() {
            return Err(HandbookError::input(format!(
                "{year}年参评的计划中没有今后的日期：核认期限已过，认定跨度内的年度也都过了 10 月 1 日。改了参评计划后再保存日历文件"
            )));
        }
        Ok((ics(&entries), entries.len()))
    }
}

#[cfg(test)]
#[path = "reminders_tests.rs"]
pub(crate) mod tests;
