//! A planned title application as the engine takes it: the year, level and path, and the window
//! the user's own unit states, if entered.

use serde::Serialize;

use crate::kinds::{ApplicationPath, Level};

/// A planned title application.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Application {
    pub year: i32,
    pub level: Level,
    pub path: ApplicationPath,
    /// The years to check as the user's unit states them (its own notice), overriding the rule
    /// set's window; `None`: the rule set's window, or a labelled default where it has none.
    pub window: Option<YearSpan>,
}

impl Application {
    /// An application checked by the rule set's own window.
    pub fn new(year: i32, level: Level, path: ApplicationPath) -> Application {
        Application { year, level, path, window: None }
    }
}

/// The calendar years `from`…`to` (both included) that are checked.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct YearSpan {
    pub from: i32,
    pub to: i32,
}

/// Years from `from` to `to` in the one style of every screen, message, terminal and PDF:
/// `2021—2025年` (an em dash, 年 once at the end); one year alone is `2025年`.
pub fn year_range(from: i32, to: i32) -> String {
    if from == to { format!("{from}年") } else { format!("{from}—{to}年") }
}

impl std::fmt::Display for YearSpan {
    /// `2021—2025年`, as [`year_range`] writes it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&year_range(self.from, self.to))
    }
}

/// The longest window a unit's notice plausibly states, in years.
const MAX_WINDOW_YEARS: i32 = 10;

impl YearSpan {
    /// Reads `2021-2024` (also with `–`, `~` or `至`, or one year `2024`).
    pub fn parse(text: &str) -> Option<YearSpan> {
        let text = text.trim();
        let (from, to) = match text.split_once(['-', '–', '~', '～', '至']) {
            Some((a, b)) => (a.trim().trim_end_matches('年'), b.trim().trim_end_matches('年')),
            None => (text.trim_end_matches('年'), text.trim_end_matches('年')),
        };
        Some(YearSpan { from: from.parse().ok()?, to: to.parse().ok()? })
    }

    /// Whether the span can be the window of an application in `apply_year`; the reason if not.
    pub fn check(&self, apply_year: i32) -> Result<(), String> {
        if self.from > self.to {
            return Err(format!("认定跨度的起始年度 {} 晚于结束年度 {}", self.from, self.to));
        }
        if self.to > apply_year {
            return Err(format!("认定跨度不能晚于申报年度 {apply_year} 年（填写的是 {self}）"));
        }
        if self.to - self.from + 1 > MAX_WINDOW_YEARS {
            return Err(format!("认定跨度最多 {MAX_WINDOW_YEARS} 个年度（填写的是 {self}）"));
        }
        Ok(())
    }

    /// The years, in order.
    pub fn years(&self) -> Vec<i32> {
        (self.from..=self.to).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_ranged_with_an_em_dash_and_one_nian_at_the_end() {
        assert_eq!(year_range(2021, 2025), "2021—2025年");
        assert_eq!(year_range(2025, 2025), "2025年");
        assert_eq!(YearSpan { from: 2023, to: 2026 }.to_string(), "2023—2026年");
        let late = YearSpan { from: 2024, to: 2027 }.check(2026).expect_err("after the application");
        assert!(late.ends_with("（填写的是 2024—2027年）"), "{late}");
    }
}
