//! Evidence sources: a SHA-256 read from the ledger or the database becomes a vault path only when
//! it is 64 lowercase hex digits; anything else (a path, non-ASCII text, uppercase) is a clear
//! error naming the record, never a path and never a panic.

use std::cell::RefCell;
use std::ops::ControlFlow;
use std::path::PathBuf;

use crate::common::Fixture;
use xueshi_export::{ExportError, PackageInput, PathLookupSource, export_package};

/// Exports the demo with one evidence entry's SHA-256 replaced by `crafted`, through a vault that
/// would serve any path it is asked for; returns the error and the values it was asked for.
fn export_with_sha(crafted: &str) -> (ExportError, Vec<String>) {
    let mut f = Fixture::demo();
    let evidence_dir = f.evidence_dir();
    let activity = f.ledger.activities.iter_mut().find(|a| !a.evidence.is_empty()).expect("evidence");
    let id = activity.id.clone();
    for e in &mut activity.evidence {
        e.sha256 = Some(crafted.to_owned());
    }
    let asked = RefCell::new(Vec::new());
    let source = PathLookupSource::new(|sha: &str| {
        asked.borrow_mut().push(sha.to_owned());
        Some(PathBuf::from(sha)).filter(|p| p.is_file()).or_else(|| Some(evidence_dir.join(&id)))
    });
    let input = PackageInput { ledger: &f.ledger, rules: &f.rules, assessment: &f.assessment, options: &f.options };
    let error = export_package(&input, &source, &f.out(), &mut |_| ControlFlow::Continue(())).expect_err("refused");
    assert!(!f.out().exists(), "no package is left");
    let asked = asked.borrow().clone();
    (error, asked)
}

#[test]
fn a_sha256_that_is_a_path_is_refused_before_it_reaches_the_vault() {
    for crafted in ["../../../../etc/passwd", "/etc/passwd", "C:\\Windows\\win.ini", "..\\..\\secret.txt"] {
        let (error, asked) = export_with_sha(crafted);
        assert!(asked.iter().all(|a| a != crafted), "{crafted} was looked up as a path: {asked:?}");
        let message = error.to_string();
        assert!(message.contains("校验值") && message.contains("记录"), "{message}");
    }
}

#[test]
fn a_non_ascii_or_uppercase_sha256_is_an_error_not_a_panic() {
    let non_ascii = "é".repeat(32);
    let upper = "A".repeat(64);
    for crafted in [non_ascii.as_str(), upper.as_str(), "abc", ""] {
        let (error, asked) = export_with_sha(crafted);
        assert!(asked.is_empty(), "{crafted:?} was looked up: {asked:?}");
        assert!(error.to_string().contains("校验值"), "{error}");
    }
}
