//! Planned title applications, the unit's yearly confirmation of the 登记手册, and the change log.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};
use xueshi_core::Application;
use xueshi_core::kinds::{ApplicationPath, Level};

use crate::error::{Result, StoreError};
use crate::open::Store;

/// A planned application, with the rule set chosen for it (`None`: the default for its year).
/// `application.window` is the window the user's own unit states, if entered, and
/// `window_source` where it comes from (e.g. 本院2026年职称评审通知).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedApplication {
    pub application: Application,
    pub rules: Option<String>,
    pub window_source: Option<String>,
}

impl PlannedApplication {
    /// A plan checked by the rule set's own window.
    pub fn new(application: Application, rules: Option<String>) -> PlannedApplication {
        PlannedApplication { application, rules, window_source: None }
    }
}

/// Whether the unit confirmed the 登记手册 for a year (年度验证).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearConfirmation {
    pub year: i32,
    pub confirmed: bool,
    pub date: Option<NaiveDate>,
    pub note: Option<String>,
}

/// One entry of the change log: a row inserted, updated or deleted, before and after as JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub seq: i64,
    /// UTC time, `2026-11-21T14:50:00.123Z`.
    pub at: String,
    /// The table: `activities`, `evidence`, `evidence_files`, `profile`, …
    pub entity: String,
    pub key: String,
    /// `insert`, `update` or `delete`.
    pub action: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

fn bad_value(what: &str, value: &str) -> StoreError {
    StoreError::Exchange(format!("数据库中的{what} `{value}` 无法识别"))
}

impl Store {
    /// Adds or replaces the plan for (year, level, path).
    pub fn plan_application(&mut self, plan: &PlannedApplication) -> Result<()> {
        let a = &plan.application;
        if let Some(w) = a.window {
            w.check(a.year).map_err(StoreError::Exchange)?;
        }
        let source = match (&a.window, &plan.window_source) {
            (Some(_), Some(text)) => {
                Some(xueshi_core::text::accept("window_source", text).map_err(StoreError::Exchange)?)
            }
            _ => None,
        };
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO applications (year, level, path, rules, window_from, window_to, window_source)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (year, level, path) DO UPDATE SET rules = ?4, window_from = ?5, window_to = ?6,
                window_source = ?7",
            params![
                a.year,
                a.level.code(),
                a.path.code(),
                plan.rules,
                a.window.map(|w| w.from),
                a.window.map(|w| w.to),
                source
            ],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Removes a plan; returns whether there was one.
    pub fn remove_application(&mut self, a: &Application) -> Result<bool> {
        let tx = self.conn.transaction()?;
        let n = tx.execute(
            "DELETE FROM applications WHERE year = ?1 AND level = ?2 AND path = ?3",
            params![a.year, a.level.code(), a.path.code()],
        )?;
        tx.commit()?;
        Ok(n > 0)
    }

    /// The planned applications, by year.
    pub fn applications(&self) -> Result<Vec<PlannedApplication>> {
        let mut stmt = self.conn.prepare(
            "SELECT year, level, path, rules, window_from, window_to, window_source FROM applications
             ORDER BY year, seq",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                (r.get::<_, i32>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, Option<String>>(3)?),
                (r.get::<_, Option<i32>>(4)?, r.get::<_, Option<i32>>(5)?, r.get::<_, Option<String>>(6)?),
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let ((year, level, path, rules), (from, to, window_source)) = row?;
            let mut application = Application::new(
                year,
                Level::from_code(&level).ok_or_else(|| bad_value("级别", &level))?,
                ApplicationPath::from_code(&path).ok_or_else(|| bad_value("途径", &path))?,
            );
            if let (Some(from), Some(to)) = (from, to) {
                let span = xueshi_core::engine::YearSpan { from, to };
                span.check(year).map_err(StoreError::Exchange)?;
                application.window = Some(span);
            }
            let window_source = window_source.filter(|_| application.window.is_some());
            out.push(PlannedApplication { application, rules, window_source });
        }
        Ok(out)
    }

    /// Records whether the unit confirmed the 登记手册 for `c.year` (replacing an earlier entry).
    pub fn confirm_year(&mut self, c: &YearConfirmation) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO year_confirmations (year, confirmed, date, note) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (year) DO UPDATE SET confirmed = ?2, date = ?3, note = ?4",
            params![c.year, c.confirmed, c.date.map(|d| d.format("%Y-%m-%d").to_string()), c.note],
        )?;
        tx.commit()?;
        Ok(())
    }

    pub fn year_confirmation(&self, year: i32) -> Result<Option<YearConfirmation>> {
        Ok(self.year_confirmations()?.into_iter().find(|c| c.year == year))
    }

    pub fn year_confirmations(&self) -> Result<Vec<YearConfirmation>> {
        let mut stmt = self.conn.prepare("SELECT year, confirmed, date, note FROM year_confirmations ORDER BY year")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i32>(0)?,
                r.get::<_, bool>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (year, confirmed, date, note) = row?;
            let date = match date {
                Some(t) => Some(NaiveDate::parse_from_str(&t, "%Y-%m-%d").map_err(|_| bad_value("日期", &t))?),
                None => None,
            };
            out.push(YearConfirmation { year, confirmed, date, note });
        }
        Ok(out)
    }

    /// The newest `limit` changes, newest first.
    pub fn changes(&self, limit: usize) -> Result<Vec<Change>> {
        let mut stmt = self.conn.prepare(
            "SELECT seq, at, entity, key, action, before, after FROM change_log
             ORDER BY seq DESC LIMIT ?1",
        )?;
        let parse = |t: Option<String>| t.and_then(|t| serde_json::from_str(&t).ok());
        let rows = stmt.query_map([i64::try_from(limit).unwrap_or(i64::MAX)], |r| {
            Ok(Change {
                seq: r.get(0)?,
                at: r.get(1)?,
                entity: r.get(2)?,
                key: r.get(3)?,
                action: r.get(4)?,
                before: parse(r.get(5)?),
                after: parse(r.get(6)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The most recent removed copy of activity `id`, as the change log kept it.
    pub fn removed_activity(&self, id: &str) -> Result<Option<serde_json::Value>> {
        let text: Option<String> = self
            .conn
            .query_row(
                "SELECT before FROM change_log WHERE entity = 'activities' AND action = 'delete'
                 AND key = ?1 ORDER BY seq DESC LIMIT 1",
                [id],
                |r| r.get(0),
            )
            .optional()?;
        Ok(text.and_then(|t| serde_json::from_str(&t).ok()))
    }
}
