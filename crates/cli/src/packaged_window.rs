//! The window a submission package was assessed with. A plan may carry the unit's own window
//! (`xueshi plan --window`); the manifest names the application's year, level and path but not
//! that window, while its assessment lists the years checked. Verification takes the window from
//! there when assessing with it — and not without it — gives the package's own assessment.

use serde_json::Value;
use xueshi_core::{Application, Ledger, RuleSet, YearSpan, assess};
use xueshi_export::assessment_value;

/// `application`, with the window of the package's assessment when that is what reproduces it.
pub fn as_packaged(ledger: &Ledger, rules: &RuleSet, application: Application, packaged: &Value) -> Application {
    let reproduces = |a: &Application| assess(ledger, rules, a).is_ok_and(|x| assessment_value(&x) == *packaged);
    if reproduces(&application) {
        return application;
    }
    let years: Vec<i32> =
        packaged["window"].as_array().into_iter().flatten().filter_map(|y| y.as_i64()?.try_into().ok()).collect();
    let (Some(&from), Some(&to)) = (years.first(), years.last()) else {
        return application;
    };
    let span = YearSpan { from, to };
    let windowed = Application { window: Some(span), ..application };
    if span.check(application.year).is_ok() && reproduces(&windowed) { windowed } else { application }
}
