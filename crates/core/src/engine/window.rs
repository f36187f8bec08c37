//! Which years an assessment checks: the unit's own window from the plan, the rule set's window,
//! or, for a level the set states none for, the most recent one stated (an assumption).

use serde::Serialize;

use super::{Application, AssessError, year_range};
use crate::kinds::ApplicationPath;
use crate::rules::RuleSet;

/// Where the checked years come from.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WindowBasis {
    /// The rule set states it.
    Rules,
    /// The rule set keeps an earlier or another unit's rule: an assumption.
    Assumed,
    /// The rule set states none for the level: taken from the most recent notice that does.
    Borrowed,
    /// The user entered the window their own unit states.
    Unit,
}

/// The window applied: years, clause, basis, the reason in words, and the assumption's warning.
pub struct ChosenWindow<'a> {
    pub years: Vec<i32>,
    pub clause: String,
    pub basis: WindowBasis,
    pub reason: String,
    pub rule: Option<&'a crate::rules::Window>,
}

pub fn choose_window<'a>(rules: &'a RuleSet, application: &Application) -> Result<ChosenWindow<'a>, AssessError> {
    if let Some(span) = application.window {
        let (from, to) = (span.from, span.to);
        return Ok(ChosenWindow {
            years: span.years(),
            clause: String::new(),
            basis: WindowBasis::Unit,
            reason: format!("认定跨度 {}：按申报计划中填写的本单位规定", year_range(from, to)),
            rule: None,
        });
    }
    let own = rules.own_window(application.level, application.path);
    let window = rules.window(application.level, application.path).ok_or_else(|| AssessError::NoWindow {
        id: rules.id.clone(),
        rules: rules.name.clone(),
        level: application.level.label(),
        path: match application.path {
            ApplicationPath::Standard => String::new(),
            p => format!("（{}）", p.label()),
        },
    })?;
    let years = window.years(application.year);
    let (first, last) = (years[0], years[years.len() - 1]);
    let (basis, reason) = if own.is_none() {
        (
            WindowBasis::Borrowed,
            format!(
                "认定跨度 {} 是推定：本规则集没有规定{}的认定跨度",
                year_range(first, last),
                application.level.label()
            ),
        )
    } else if window.assumed {
        (WindowBasis::Assumed, format!("认定跨度 {} 是推定", year_range(first, last)))
    } else {
        (WindowBasis::Rules, format!("认定跨度 {}：{}", year_range(first, last), window.origin.citation()))
    };
    Ok(ChosenWindow {
        years,
        clause: format!("{}/{}", window.origin.set, window.id),
        basis,
        reason,
        rule: Some(window),
    })
}
