//! The window a submission package was assessed with. A plan may carry the unit's own window
//! (`xueshi plan --window`); the manifest names the application's year, level and path but not
//! that window, while its assessment says the window was the unit's (`window_basis = "unit"`)
//! and lists the years checked. Verification re-assesses with that window.

use serde_json::Value;
use xueshi_core::{Application, YearSpan};

/// `application`, with the unit's window the package's assessment was made with, if it was.
pub(crate) fn as_packaged(application: Application, packaged: &Value) -> Application {
    if packaged["window_basis"] != "unit" {
        return application;
    }
    let years: Vec<i32> =
        packaged["window"].as_array().into_iter().flatten().filter_map(|y| y.as_i64()?.try_into().ok()).collect();
    let (Some(&from), Some(&to)) = (years.first(), years.last()) else {
        return application;
    };
    let span = YearSpan { from, to };
    // A forged manifest's window is not trusted further than any typed one.
    if span.check(application.year).is_err() {
        return application;
    }
    Application { window: Some(span), ..application }
}

#[cfg(test)]
mod tests {
    use serde_json::json;
    use xueshi_core::kinds::{ApplicationPath, Level};

    use super::*;

    fn intermediate_2026() -> Application {
        Application::new(2026, Level::Intermediate, ApplicationPath::Standard)
    }

    #[test]
    fn a_package_assessed_by_the_units_window_is_verified_with_that_window() {
        let packaged = json!({"window": [2023, 2024, 2025, 2026], "window_basis": "unit"});
        assert_eq!(as_packaged(intermediate_2026(), &packaged).window, Some(YearSpan { from: 2023, to: 2026 }));
    }

    #[test]
    fn a_package_assessed_by_the_rules_or_a_presumed_window_is_verified_without_one() {
        for basis in ["rules", "borrowed", "assumed"] {
            let packaged = json!({"window": [2023, 2024, 2025, 2026], "window_basis": basis});
            assert_eq!(as_packaged(intermediate_2026(), &packaged).window, None, "{basis}");
        }
    }

    #[test]
    fn a_window_no_application_could_have_is_not_taken_from_a_manifest() {
        let packaged = json!({"window": [2020, 2027], "window_basis": "unit"});
        assert_eq!(as_packaged(intermediate_2026(), &packaged).window, None);
    }
}
