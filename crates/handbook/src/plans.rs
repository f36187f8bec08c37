//! The planned applications: the form's plan checked (the unit's own window with its 出处) and
//! saved beside the others. Which window an assessment checks and why is the engine's to say
//! (`Assessment::window_basis`, `window_reason`).

use xueshi_core::engine::{Application, YearSpan};
use xueshi_store::PlannedApplication;

use crate::Handbook;
use crate::dto::PlanDto;
use crate::error::{HandbookError, Result};

impl Handbook {
    /// Saves the plan the form edits in place of the current plan (`Handbook::current_plan`);
    /// other plans (made with the command line) stay. A rule set that is not in the book is refused.
    pub fn save_plan(&mut self, plan: &PlanDto) -> Result<()> {
        let planned = planned(plan)?;
        if let Some(id) = &plan.rules
            && self.rules.book.get(id).is_none()
        {
            return Err(HandbookError::UnknownRules(id.clone()));
        }
        let key = |a: &Application| (a.year, a.level, a.path);
        if let Some(current) = self.current_plan()?
            && key(&current.application) != key(&planned.application)
        {
            self.store.remove_application(&current.application)?;
        }
        Ok(self.store.plan_application(&planned)?)
    }

    /// Saves a plan beside the others (the command line's `plan`): the same checks as the form's.
    pub fn add_plan(&mut self, plan: &PlannedApplication) -> Result<()> {
        if let Some(id) = &plan.rules
            && self.rules.book.get(id).is_none()
        {
            return Err(HandbookError::UnknownRules(id.clone()));
        }
        Ok(self.store.plan_application(plan)?)
    }
}

/// What the form shows of a stored plan.
pub fn plan_dto(p: &PlannedApplication) -> PlanDto {
    PlanDto {
        year: p.application.year,
        level: p.application.level,
        path: p.application.path,
        rules: p.rules.clone(),
        window_from: p.application.window.map(|w| w.from),
        window_to: p.application.window.map(|w| w.to),
        window_source: p.window_source.clone(),
    }
}

/// The plan to store; a window with one end, a 出处 without a window or a window that cannot be
/// the application's (`YearSpan::check`) is refused with the reason in Chinese.
pub fn planned(plan: &PlanDto) -> Result<PlannedApplication> {
    if !(1990..=2100).contains(&plan.year) {
        return Err(HandbookError::input("参评年度应在 1990 到 2100 之间"));
    }
    let source = plan.window_source.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let window = match (plan.window_from, plan.window_to) {
        (Some(from), Some(to)) => {
            let span = YearSpan { from, to };
            span.check(plan.year).map_err(HandbookError::Input)?;
            Some(span)
        }
        (None, None) => None,
        _ => return Err(HandbookError::input("请同时填写本单位规定的认定跨度的起止年度，或都不填")),
    };
    if window.is_none() && source.is_some() {
        return Err(HandbookError::input("填写了出处，但没有填写本单位规定的认定跨度"));
    }
    let application = Application { window, ..Application::new(plan.year, plan.level, plan.path) };
    let mut planned = PlannedApplication::new(application, plan.rules.clone());
    planned.window_source = source.map(str::to_owned);
    Ok(planned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use xueshi_core::kinds::{ApplicationPath, Level};

    fn dto(from: Option<i32>, to: Option<i32>, source: Option<&str>) -> PlanDto {
        PlanDto {
            year: 2026,
            level: Level::Intermediate,
            path: ApplicationPath::Standard,
            rules: None,
            window_from: from,
            window_to: to,
            window_source: source.map(str::to_owned),
        }
    }

    #[test]
    fn a_window_starting_after_it_ends_is_refused_with_the_cores_reason() {
        let err = planned(&dto(Some(2026), Some(2023), None)).expect_err("refused");
        assert_eq!(err.to_string(), "认定跨度的起始年度 2026 晚于结束年度 2023");
    }

    #[test]
    fn a_blank_source_is_no_source_and_a_plan_round_trips_through_the_form() {
        let p = planned(&dto(Some(2023), Some(2026), Some("  "))).expect("accepted");
        assert_eq!(p.window_source, None);
        let p = planned(&dto(Some(2023), Some(2026), Some("本院2026年职称评审通知"))).expect("accepted");
        assert_eq!(plan_dto(&p), dto(Some(2023), Some(2026), Some("本院2026年职称评审通知")));
    }
}
