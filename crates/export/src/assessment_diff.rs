//! The differences between the assessment a package's manifest holds and a fresh one, as
//! `years[2].total`-style fields; arrays of per-record results are matched by record. Linear in
//! the number of records.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use crate::verify::Difference;

/// Top-level fields of the assessment compared first, so the differences that matter lead.
const FIRST: &[&str] = &["compliant", "window", "years", "requirement", "rules"];

/// The differing leaves of two JSON values, as `years[2].total`-style paths. Arrays of records'
/// results (credits, evidence) are matched by record, not by position, so that one removed record
/// shows as one difference.
pub(crate) fn diff(path: &str, old: &Value, new: &Value, out: &mut Vec<Difference>) {
    match (old, new) {
        (Value::Object(a), Value::Object(b)) => {
            let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
            keys.sort_by_key(|k| (FIRST.iter().position(|f| f == k).unwrap_or(FIRST.len()), k.as_str()));
            keys.dedup();
            for k in keys {
                let child = if path.is_empty() { k.clone() } else { format!("{path}.{k}") };
                diff(&child, a.get(k).unwrap_or(&Value::Null), b.get(k).unwrap_or(&Value::Null), out);
            }
        }
        (Value::Array(a), Value::Array(b)) => match (keyed(a), keyed(b)) {
            (Some(ka), Some(kb)) => {
                let in_a: HashSet<&str> = ka.iter().map(|(k, _)| k.as_str()).collect();
                let in_b: HashMap<&str, &Value> = kb.iter().map(|(k, v)| (k.as_str(), *v)).collect();
                for (key, x) in &ka {
                    let field = format!("{path}[{key}]");
                    match in_b.get(key.as_str()) {
                        Some(y) => diff(&field, x, y, out),
                        None => {
                            out.push(Difference::Assessment { field, in_package: "有".into(), now: "没有".into() })
                        }
                    }
                }
                for (key, _) in kb.iter().filter(|(k, _)| !in_a.contains(k.as_str())) {
                    let field = format!("{path}[{key}]");
                    out.push(Difference::Assessment { field, in_package: "没有".into(), now: "有".into() });
                }
            }
            _ => {
                for (i, (x, y)) in a.iter().zip(b).enumerate() {
                    diff(&format!("{path}[{i}]"), x, y, out);
                }
                if a.len() != b.len() {
                    out.push(Difference::Assessment {
                        field: format!("{path} 的条数"),
                        in_package: a.len().to_string(),
                        now: b.len().to_string(),
                    });
                }
            }
        },
        (a, b) if numbers_equal(a, b) => {}
        (a, b) => {
            out.push(Difference::Assessment { field: path.to_owned(), in_package: a.to_string(), now: b.to_string() })
        }
    }
}

/// The elements of an array of per-record results by `记录 id 年 clause`, when every element has
/// a record and the keys are unique.
fn keyed(items: &[Value]) -> Option<Vec<(String, &Value)>> {
    let mut out: Vec<(String, &Value)> = Vec::with_capacity(items.len());
    let mut keys = HashSet::with_capacity(items.len());
    for item in items {
        let activity = item.get("activity")?.as_str()?;
        let mut key = format!("记录 {activity}");
        if let Some(year) = item.get("year").and_then(Value::as_i64) {
            key.push_str(&format!(" {year}年"));
        }
        if let Some(clause) = item.get("clause").and_then(Value::as_str) {
            key.push_str(&format!(" {clause}"));
        }
        if !keys.insert(key.clone()) {
            return None;
        }
        out.push((key, item));
    }
    Some(out)
}

/// Equal values, where 90 and 90.0 count as the same number.
fn numbers_equal(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}
