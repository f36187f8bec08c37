//! Today's reminders as one system notification, given once a day: the app's start and the quiet
//! check at login (`xueshi-app --check-reminders`) both ask, and whichever shows it first keeps it
//! as told (one not shown is asked again next time); a reminder that turns up later the same day
//! (a record saved without evidence) is told then.

use chrono::NaiveDate;
use serde::Serialize;

use crate::Handbook;
use crate::error::Result;
use crate::reminders::{Reminder, ReminderKind};

/// Where the store keeps what was told, and on which day: `2026-05-25 period_opens,year_short`.
const TOLD_KEY: &str = "reminders_told";

/// What a system notification says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notice {
    pub title: String,
    pub body: String,
}

/// One notification for `reminders`: the reminder itself when there is one; else how many, each
/// title on a line of the body.
pub fn notice_of(reminders: &[Reminder]) -> Option<Notice> {
    match reminders {
        [] => None,
        [one] => Some(Notice { title: one.title.clone(), body: one.text.clone() }),
        many => Some(Notice {
            title: format!("学时手册有 {} 条提醒", many.len()),
            body: many.iter().map(|r| format!("· {}", r.title)).collect::<Vec<_>>().join("\n"),
        }),
    }
}

fn code(kind: ReminderKind) -> &'static str {
    match kind {
        ReminderKind::PeriodOpens => "period_opens",
        ReminderKind::PeriodCloses => "period_closes",
        ReminderKind::YearShort => "year_short",
        ReminderKind::EvidenceMissing => "evidence_missing",
    }
}

/// A notification to show, and what to keep as told once it is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    pub notice: Notice,
    told: String,
}

impl Handbook {
    /// The notification for today's reminders not yet told today; none when all were, or there
    /// are none. Once it is shown, [`Handbook::notice_shown`] keeps them as told.
    pub fn reminder_notice(&mut self, today: NaiveDate) -> Result<Option<Pending>> {
        let reminders = self.reminders(today)?;
        let day = today.format("%Y-%m-%d").to_string();
        let stored = self.store().setting(TOLD_KEY)?.unwrap_or_default();
        let told: Vec<&str> = match stored.split_once(' ') {
            Some((on, kinds)) if on == day => kinds.split(',').collect(),
            _ => Vec::new(),
        };
        let new: Vec<Reminder> = reminders.into_iter().filter(|r| !told.contains(&code(r.kind))).collect();
        let all: Vec<&str> = told.iter().copied().chain(new.iter().map(|r| code(r.kind))).collect();
        Ok(notice_of(&new).map(|notice| Pending { notice, told: format!("{day} {}", all.join(",")) }))
    }

    /// Keeps the reminders of `shown` as told today.
    pub fn notice_shown(&mut self, shown: &Pending) -> Result<()> {
        Ok(self.store_mut().set_setting(TOLD_KEY, &shown.told)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reminders::tests::handbook;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    /// The notification of `today`, kept as told.
    fn tell(h: &mut Handbook, today: &str) -> Option<Notice> {
        let pending = h.reminder_notice(day(today)).expect("notice")?;
        h.notice_shown(&pending).expect("kept as told");
        Some(pending.notice)
    }

    #[test]
    fn todays_reminders_are_told_once_however_often_the_app_starts() {
        let (_dir, mut h) = handbook();
        let first = tell(&mut h, "2026-04-25").expect("something to tell");
        assert_eq!(first.title, "学时手册有 2 条提醒");
        assert_eq!(first.body, "· 2026年的学时核认还有 30 天开始\n· 1 条记录还缺证明材料");
        assert_eq!(tell(&mut h, "2026-04-25"), None);
    }

    #[test]
    fn a_notification_that_could_not_be_shown_is_tried_again_at_the_next_start() {
        let (_dir, mut h) = handbook();
        let lost = h.reminder_notice(day("2026-04-25")).expect("notice").expect("something to tell");
        assert_eq!(tell(&mut h, "2026-04-25"), Some(lost.notice));
    }

    #[test]
    fn the_next_day_they_are_told_again() {
        let (_dir, mut h) = handbook();
        assert!(tell(&mut h, "2026-04-25").is_some());
        let next = tell(&mut h, "2026-04-26").expect("told again");
        assert!(next.body.contains("还有 29 天开始"), "{next:?}");
    }

    #[test]
    fn a_reminder_that_turns_up_later_the_same_day_is_told_on_its_own() {
        let (_dir, mut h) = handbook();
        let mut settings = h.settings().expect("settings");
        settings.remind_evidence = false;
        h.save_settings(&settings).expect("saved");
        let first = tell(&mut h, "2026-04-25").expect("the period");
        assert_eq!(first.title, "2026年的学时核认还有 30 天开始");
        settings.remind_evidence = true;
        h.save_settings(&settings).expect("saved");
        let later = tell(&mut h, "2026-04-25").expect("the evidence");
        assert_eq!(later.title, "1 条记录还缺证明材料");
        assert!(later.body.contains("数字化转型研修班"), "{later:?}");
    }

    #[test]
    fn with_every_reminder_switched_off_nothing_is_told() {
        let (_dir, mut h) = handbook();
        let mut settings = h.settings().expect("settings");
        (settings.remind_period, settings.remind_short_year, settings.remind_evidence) = (false, false, false);
        h.save_settings(&settings).expect("saved");
        assert_eq!(tell(&mut h, "2026-04-25"), None);
    }
}
