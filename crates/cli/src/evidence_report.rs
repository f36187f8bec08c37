//! Evidence completeness of every record, for `xueshi assess` on the stored ledger: which of the
//! rule set's alternative material sets is complete, or the closest one and what it lacks.

use xueshi_core::engine::{Assessment, Completeness};
use xueshi_core::{Activity, Ledger, RuleSet};

/// The requirements of alternative set `index` for `activity`'s kind: `A、B 或 C、D`.
fn describe_set(rules: &RuleSet, activity: &Activity, index: usize) -> String {
    rules
        .evidence_for(activity.kind)
        .and_then(|rule| rule.sets.get(index))
        .map(|set| set.iter().map(|req| req.join(" 或 ")).collect::<Vec<_>>().join("、"))
        .unwrap_or_default()
}

/// One block per record: its files, then the verdict against the rule set's material sets.
pub fn per_activity(a: &Assessment, rules: &RuleSet, ledger: &Ledger) -> String {
    let mut out = String::from("\n证明材料（逐条）：\n");
    for status in &a.evidence {
        let Some(activity) = ledger.activities.iter().find(|x| *x.id == *status.activity) else {
            continue;
        };
        out.push_str(&format!("  [{}] {}\n", activity.id, activity.title));
        out.push_str(&format!("      已有：{}\n", files(activity)));
        let set = status.set.map(|i| i + 1).unwrap_or(0);
        let described = status.set.map(|i| describe_set(rules, activity, i)).unwrap_or_default();
        let verdict = match status.status {
            Completeness::Complete => format!("齐全（第 {set} 组：{described}）"),
            Completeness::Incomplete => {
                format!(
                    "不全，还缺 {}（最接近的是第 {set} 组：{described}）",
                    status.missing.iter().map(|m| &**m).collect::<Vec<_>>().join("、")
                )
            }
            Completeness::NoRule => "规则未列出此类记录的证明材料".to_owned(),
        };
        out.push_str(&format!("      结论：{verdict}\n"));
        if !status.unrecognised.is_empty() {
            out.push_str(&format!("      不在规则所列材料中：{}\n", status.unrecognised.join("、")));
        }
    }
    out
}

fn files(activity: &Activity) -> String {
    if activity.evidence.is_empty() {
        return "（无）".to_owned();
    }
    activity
        .evidence
        .iter()
        .map(|e| {
            let stored = if e.sha256.is_some() { "" } else { "，文件未存入数据文件夹" };
            format!("{}（{}{stored}）", e.material, e.file)
        })
        .collect::<Vec<_>>()
        .join("；")
}
