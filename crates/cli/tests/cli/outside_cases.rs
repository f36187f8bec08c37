//! Runs the acceptance cases in `tests/cases/`, written from the source notices alone by someone
//! outside the team, against the real `xueshi assess --json`.

use std::path::{Path, PathBuf};

use crate::common::{command, repository, run};

use serde_json::Value;

fn cases_dir() -> PathBuf {
    repository().join("tests/cases")
}

/// Runs one case; returns the differences found.
fn run_case(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).expect("case file is readable");
    let case: Value = serde_json::from_str(&text).expect("case file is JSON");
    let dir = tempfile::tempdir().expect("a temporary directory");
    let ledger_path = dir.path().join(format!("{}.json", path.file_stem().unwrap().to_string_lossy()));
    std::fs::write(&ledger_path, case["ledger"].to_string()).expect("ledger written");
    let args = &case["args"];
    let mut cmd = command();
    cmd.arg("assess").arg("--ledger").arg(&ledger_path).arg("--json");
    cmd.arg("--apply-year").arg(args["apply_year"].to_string());
    cmd.arg("--level").arg(args["level"].as_str().unwrap());
    if let Some(p) = args["path"].as_str() {
        cmd.arg("--path").arg(p);
    }
    if let Some(r) = args["rules"].as_str() {
        cmd.arg("--rules").arg(r);
    }
    let out = run(&mut cmd);
    if !out.status.success() {
        return vec![format!("exit {:?}: {}", out.status.code(), String::from_utf8_lossy(&out.stderr))];
    }
    let got: Value = serde_json::from_slice(&out.stdout).expect("assess prints JSON");
    let mut diffs = Vec::new();
    if let Some(rules) = case["expected_rules"].as_str()
        && got["rules"] != rules
    {
        diffs.push(format!("rules: expected {rules}, got {}", got["rules"]));
    }
    let expected = &case["expected"];
    for key in ["window", "compliant"] {
        if !expected[key].is_null() && expected[key] != got[key] {
            diffs.push(format!("{key}: expected {}, got {}", expected[key], got[key]));
        }
    }
    for want in expected["years"].as_array().into_iter().flatten() {
        let year = &want["year"];
        let Some(have) = got["years"].as_array().and_then(|ys| ys.iter().find(|y| &y["year"] == year)) else {
            diffs.push(format!("year {year}: missing"));
            continue;
        };
        for (field, value) in want.as_object().into_iter().flatten() {
            if !same(value, &have[field]) {
                diffs.push(format!("year {year} {field}: expected {value}, got {}", have[field]));
            }
        }
    }
    for (id, hours) in expected["credited"].as_object().into_iter().flatten() {
        let total: f64 = got["credits"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|c| c["activity"] == id.as_str() && (c["category"] == "public" || c["category"] == "professional"))
            .map(|c| c["hours"].as_f64().unwrap_or(0.0))
            .sum();
        if (total - hours.as_f64().unwrap_or(-1.0)).abs() > 1e-9 {
            diffs.push(format!("credited {id}: expected {hours}, got {total}"));
        }
    }
    for id in expected["warned"].as_array().into_iter().flatten() {
        let warned = got["warnings"].as_array().into_iter().flatten().any(|w| &w["activity"] == id);
        if !warned {
            diffs.push(format!("warned {id}: expected a warning, got none"));
        }
    }
    // {"activity": id or null (a warning about the assessment as a whole), "contains": text}
    for want in expected["warning_text"].as_array().into_iter().flatten() {
        let text = want["contains"].as_str().unwrap_or_default();
        let found = got["warnings"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|w| w["activity"] == want["activity"] && w["message"].as_str().is_some_and(|m| m.contains(text)));
        if !found {
            diffs.push(format!("warning for {} containing “{text}”: none", want["activity"]));
        }
    }
    diffs
}

/// Numbers compare by value (90 == 90.0).
fn same(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => (x - y).abs() < 1e-9,
        _ => a == b,
    }
}

#[test]
fn every_outside_case_agrees_with_the_engine() {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(cases_dir())
        .expect("tests/cases exists")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 30, "expected the outside cases, found {}", paths.len());
    let mut failures = Vec::new();
    for path in &paths {
        let diffs = run_case(path);
        if !diffs.is_empty() {
            failures.push(format!("{}:\n  {}", path.file_name().unwrap().to_string_lossy(), diffs.join("\n  ")));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases differ:\n{}", failures.len(), paths.len(), failures.join("\n"));
}
