//! Terminal text for the store commands: record lists, plans, the verify report, the change log.

use xueshi_core::field_names::grade_label;
use xueshi_core::{Activity, Detail};
use xueshi_store::{Change, PlannedApplication, VerifyReport};

use crate::width::table;

/// What a record counts by, in a few characters: `3 天 1 半天`, `30.5 学时`, `主持人` …
fn measure(a: &Activity) -> String {
    match &a.detail {
        Detail::Sessions { days, half_days, evenings, hours } => {
            let mut parts = Vec::new();
            for (n, unit) in [(days, "天"), (half_days, "半天"), (evenings, "晚")] {
                if *n > 0 {
                    parts.push(format!("{n} {unit}"));
                }
            }
            if let Some(h) = hours {
                parts.push(format!("证明 {h} 学时"));
            }
            parts.join(" ")
        }
        Detail::Hours { hours, platform: None } => format!("{hours} 学时"),
        Detail::Hours { hours, platform: Some(p) } => format!("{hours} 学时·{}", p.label()),
        Detail::Research { level, role } => format!("{}·{}", level.label(), role.label()),
        Detail::Book { role } => role.label().to_owned(),
        Detail::Paper { role, venue } => format!("{}·{}", venue.label(), role.label()),
        Detail::Patent { patent_type, rank } => format!("{}·第 {rank} 名", patent_type.label()),
        Detail::Award { level, grade, rank } => {
            let grade = grade_label(*grade).map_or_else(|| format!("{grade} 等奖"), str::to_owned);
            format!("{}·{grade}·第 {rank} 名", level.label())
        }
        Detail::Units { units } => format!("{units} 门/科"),
        Detail::Posting { task } => {
            let until = a.end_date.map(|end| format!("至 {end}")).unwrap_or_default();
            match task {
                Some(t) => format!("{}·{until}", t.label()),
                None => until,
            }
        }
        Detail::ExpertService { days, hours } => format!("{days} 天 {hours} 学时"),
        Detail::SkillContest { level, medal } => format!("{}·{}", level.label(), medal.label()),
        Detail::PriorCertificate { from_year, to_year } => xueshi_core::year_range(*from_year, *to_year),
    }
}

pub fn activities(list: &[Activity]) -> String {
    if list.is_empty() {
        return "（没有记录）\n".to_owned();
    }
    let mut rows =
        vec![vec!["编号".to_owned(), "日期".into(), "类别".into(), "名称".into(), "计量".into(), "材料".into()]];
    for a in list {
        rows.push(vec![
            a.id.clone(),
            a.date.to_string(),
            a.kind.label().to_owned(),
            a.title.clone(),
            measure(a),
            a.evidence.len().to_string(),
        ]);
    }
    format!("{}共 {} 条\n", table(&rows), list.len())
}

pub fn activities_json(list: &[Activity]) -> String {
    crate::to_json(&list.iter().map(Activity::to_json_value).collect::<Vec<_>>())
}

pub fn plans(plans: &[PlannedApplication]) -> String {
    if plans.is_empty() {
        return "（没有登记参评计划；用 `xueshi plan --apply-year Y --level L` 登记）\n".to_owned();
    }
    let mut rows = vec![vec![
        "年度".to_owned(),
        "级别".into(),
        "途径".into(),
        "规则集".into(),
        "认定跨度".into(),
        "跨度出处".into(),
    ]];
    for p in plans {
        rows.push(vec![
            p.application.year.to_string(),
            p.application.level.label().to_owned(),
            p.application.path.label().to_owned(),
            p.rules.clone().unwrap_or_else(|| "（按年度默认）".into()),
            p.application.window.map_or_else(|| "（按规则集）".into(), |w| w.to_string()),
            p.window_source.clone().unwrap_or_default(),
        ]);
    }
    table(&rows)
}

pub fn verify(r: &VerifyReport) -> String {
    let mut out = String::new();
    if r.integrity.is_empty() && r.foreign_keys.is_empty() {
        out.push_str("数据库完整性检查：通过\n");
    } else {
        out.push_str("数据库完整性检查：发现问题\n");
        for line in r.integrity.iter().chain(&r.foreign_keys) {
            out.push_str(&format!("  {line}\n"));
        }
    }
    out.push_str(&format!("证明材料：核对了 {} 个文件，共 {} 字节\n", r.files_checked, r.bytes_checked));
    for (title, files) in
        [("内容与记录的 SHA-256 不符（文件已损坏或被改动）", &r.corrupt), ("数据文件夹中缺少的证明材料", &r.missing)]
    {
        if !files.is_empty() {
            out.push_str(&format!("{title}：\n"));
            for f in files {
                out.push_str(&format!("  {}  用于 {}\n", f.sha256, f.used_by.join("；")));
            }
        }
    }
    if !r.unreferenced.is_empty() {
        out.push_str("没有任何记录引用的文件（`xueshi vacuum` 可删除）：\n");
        for p in &r.unreferenced {
            out.push_str(&format!("  {}\n", p.display()));
        }
    }
    if !r.in_progress.is_empty() {
        out.push_str(&format!("另有 {} 个文件正由其他程序写入\n", r.in_progress.len()));
    }
    out.push_str(if r.is_ok() { "结论：一切正常\n" } else { "结论：发现问题，见上\n" });
    out
}

pub fn changes(list: &[Change]) -> String {
    if list.is_empty() {
        return "（修改日志为空）\n".to_owned();
    }
    let mut out = String::new();
    for c in list {
        let action = match c.action.as_str() {
            "insert" => "新增",
            "update" => "修改",
            "delete" => "删除",
            other => other,
        };
        let row = c.after.as_ref().or(c.before.as_ref()).map(|v| v.to_string()).unwrap_or_default();
        out.push_str(&format!("{}  {action}  {} {}  {row}\n", c.at, c.entity, c.key));
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_award_is_listed_with_its_grade_in_words() {
        let record = serde_json::json!({"id":"a","kind":"award","title":"市科技进步奖","date":"2025-05-01",
                                        "level":"municipal","grade":2,"rank":3});
        let file = serde_json::json!({"format":"xueshi-ledger","version":1,"activities":[record]});
        let ledger = xueshi_core::Ledger::from_value(&file).expect("valid ledger");
        assert_eq!(super::measure(&ledger.activities[0]), "市厅级·二等奖·第 3 名");
    }
}
