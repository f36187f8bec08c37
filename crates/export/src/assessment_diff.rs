//! The differences between the assessment a package's manifest holds and a fresh one, as
//! `years[2].total`-style fields; arrays of per-record results are matched by record. Linear in
//! the number of records. A package made before the clause table is compared in today's form.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

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

/// The assessment of a package made by an earlier version, in today's form; today's form is
/// returned as is. Before the clause table each credit carried its clause's `document` and
/// `quote`: they move to `clauses` (a credit whose document or quote disagrees with the first
/// credit of its clause keeps its own, so that the difference still shows). Before warnings were
/// marked, an assumption was a warning whose text says 推定, as those versions wrote them. Before
/// the evidence table each record's check carried its rule's `sets` with the alternatives and a
/// `met` flag per requirement: the alternatives move to `evidence_rules`, the flags to `met`.
pub(crate) fn in_todays_form(assessment: &Value) -> Cow<'_, Value> {
    let quoted = |c: &Value| c.get("quote").is_some() || c.get("document").is_some();
    let credits = assessment.get("credits").and_then(Value::as_array);
    let lift_clauses = assessment.get("clauses").is_none() && credits.is_some_and(|c| c.iter().any(quoted));
    let warnings = assessment.get("warnings").and_then(Value::as_array);
    let mark_warnings = warnings.is_some_and(|w| w.iter().any(|w| w.get("assumption").is_none()));
    let evidence = assessment.get("evidence").and_then(Value::as_array);
    let lift_evidence = assessment.get("evidence_rules").is_none()
        && evidence.is_some_and(|e| e.iter().any(|e| e.get("sets").is_some()));
    if !lift_clauses && !mark_warnings && !lift_evidence {
        return Cow::Borrowed(assessment);
    }
    let mut lifted = assessment.clone();
    if lift_clauses {
        clauses_into_table(&mut lifted);
    }
    if lift_evidence {
        evidence_into_table(&mut lifted);
    }
    if let Some(warnings) = lifted.get_mut("warnings").and_then(Value::as_array_mut) {
        for warning in warnings.iter_mut().filter_map(Value::as_object_mut) {
            if !warning.contains_key("assumption") {
                let stated = warning.get("message").and_then(Value::as_str).is_some_and(|m| m.contains("推定"));
                warning.insert("assumption".to_owned(), Value::Bool(stated));
            }
        }
    }
    Cow::Owned(lifted)
}

fn clauses_into_table(lifted: &mut Value) {
    let mut table = Map::new();
    if let Some(credits) = lifted.get_mut("credits").and_then(Value::as_array_mut) {
        for credit in credits.iter_mut().filter_map(Value::as_object_mut) {
            let Some(clause) = credit.get("clause").and_then(Value::as_str).map(str::to_owned) else { continue };
            let source = Value::Object(
                ["document", "quote"]
                    .into_iter()
                    .filter_map(|k| credit.get(k).map(|v| (k.to_owned(), v.clone())))
                    .collect(),
            );
            let first = table.entry(clause).or_insert_with(|| source.clone());
            if *first == source {
                credit.remove("document");
                credit.remove("quote");
            }
        }
    }
    if let Some(object) = lifted.as_object_mut() {
        object.insert("clauses".to_owned(), Value::Object(table));
    }
}

/// Each check's `sets` (requirements with `alternatives` and `met`) become its `met` flags, and
/// the alternatives go to `evidence_rules` under the check's clause (the first check of a clause
/// gives them: they came from the one rule).
fn evidence_into_table(lifted: &mut Value) {
    let mut table = Map::new();
    if let Some(checks) = lifted.get_mut("evidence").and_then(Value::as_array_mut) {
        for check in checks.iter_mut().filter_map(Value::as_object_mut) {
            let Some(Value::Array(sets)) = check.remove("sets") else { continue };
            let each = |key: &str| -> Value {
                let per_set = sets.iter().map(|set| {
                    let requirements = set.as_array().map(Vec::as_slice).unwrap_or_default();
                    Value::Array(requirements.iter().map(|r| r.get(key).cloned().unwrap_or(Value::Null)).collect())
                });
                Value::Array(per_set.collect())
            };
            if let Some(clause) = check.get("clause").and_then(Value::as_str) {
                table.entry(clause.to_owned()).or_insert_with(|| each("alternatives"));
            }
            check.insert("met".to_owned(), each("met"));
        }
    }
    if let Some(object) = lifted.as_object_mut() {
        object.insert("evidence_rules".to_owned(), Value::Object(table));
    }
}

/// Equal values, where 90 and 90.0 count as the same number.
fn numbers_equal(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn differences(old: &Value, new: &Value) -> Vec<String> {
        let mut out = Vec::new();
        diff("", &in_todays_form(old), new, &mut out);
        out.iter().map(|d| format!("{d:?}")).collect()
    }

    fn today() -> Value {
        json!({"credits": [
                {"activity": "a", "year": 2025, "clause": "hunan-2024/c1", "hours": 10},
                {"activity": "b", "year": 2025, "clause": "hunan-2024/c1", "hours": 6}],
               "clauses": {"hunan-2024/c1": {"document": "湘人社规〔2024〕5号", "quote": "每天按 6 学时计算"}}})
    }

    fn before_the_table(quote_of_b: &str) -> Value {
        json!({"credits": [
                {"activity": "a", "year": 2025, "clause": "hunan-2024/c1", "hours": 10,
                 "document": "湘人社规〔2024〕5号", "quote": "每天按 6 学时计算"},
                {"activity": "b", "year": 2025, "clause": "hunan-2024/c1", "hours": 6,
                 "document": "湘人社规〔2024〕5号", "quote": quote_of_b}]})
    }

    #[test]
    fn a_package_made_before_the_clause_table_matches_the_same_assessment_today() {
        assert_eq!(differences(&before_the_table("每天按 6 学时计算"), &today()), Vec::<String>::new());
    }

    #[test]
    fn a_quote_changed_in_an_old_package_is_still_a_difference() {
        let found = differences(&before_the_table("每天按 60 学时计算"), &today());
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.iter().any(|d| d.contains("credits[记录 b 2025年 hunan-2024/c1].quote")), "{found:?}");
    }

    #[test]
    fn a_package_of_today_is_compared_as_it_is() {
        let mut changed = today();
        changed["clauses"]["hunan-2024/c1"]["quote"] = json!("每天按 60 学时计算");
        let found = differences(&changed, &today());
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("clauses.hunan-2024/c1.quote"), "{found:?}");
    }

    #[test]
    fn a_package_made_before_warnings_were_marked_matches_and_a_changed_warning_still_shows() {
        let marked = json!({"warnings": [{"activity": null, "message": "认定跨度 2023–2026 年是推定", "assumption": true},
                                         {"activity": "a", "message": "不计入", "assumption": false}]});
        let unmarked = json!({"warnings": [{"activity": null, "message": "认定跨度 2023–2026 年是推定"},
                                           {"activity": "a", "message": "不计入"}]});
        assert_eq!(differences(&unmarked, &marked), Vec::<String>::new());
        let mut changed = unmarked.clone();
        changed["warnings"][1]["message"] = json!("计入");
        assert_eq!(differences(&changed, &marked).len(), 1);
    }

    #[test]
    fn a_package_made_before_the_evidence_table_matches_and_a_changed_flag_still_shows() {
        let today = json!({"evidence": [
                {"activity": "a", "clause": "hunan-2026/e1", "set": 1, "met": [[false], [true, false]]},
                {"activity": "b", "clause": "hunan-2026/e1", "set": 0, "met": [[true], [false, false]]}],
            "evidence_rules": {"hunan-2026/e1": [[["培训通知"]], [["结业证书", "学时证明"], ["培训签到表"]]]}});
        let sets = |flags: [bool; 3]| {
            json!([[{"alternatives": ["培训通知"], "met": flags[0]}],
                   [{"alternatives": ["结业证书", "学时证明"], "met": flags[1]},
                    {"alternatives": ["培训签到表"], "met": flags[2]}]])
        };
        let old = json!({"evidence": [
                {"activity": "a", "clause": "hunan-2026/e1", "set": 1, "sets": sets([false, true, false])},
                {"activity": "b", "clause": "hunan-2026/e1", "set": 0, "sets": sets([true, false, false])}]});
        assert_eq!(differences(&old, &today), Vec::<String>::new());

        let mut changed = old.clone();
        changed["evidence"][1]["sets"] = sets([true, false, true]);
        let found = differences(&changed, &today);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("evidence[记录 b hunan-2026/e1].met[1][1]"), "{found:?}");
    }
}
