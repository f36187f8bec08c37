//! Readable Chinese text for the terminal: an assessment, the list of rule sets, one rule set.

use xueshi_core::Ledger;
use xueshi_core::engine::{Assessment, Completeness, WindowBasis};
use xueshi_core::kinds::ApplicationPath;
use xueshi_core::rules::guide::{GuideClause, guide};
use xueshi_core::rules::{RuleSet, Selection};

use crate::width::table;

/// The assessment as a report: header, per-year table, credits, evidence, warnings.
pub fn assessment(a: &Assessment, ledger: &Ledger, selection: &Selection) -> String {
    let mut out = String::new();
    let who = ledger.profile.name.as_deref().unwrap_or("（未填写姓名）");
    let path = match a.path {
        ApplicationPath::Standard => String::new(),
        p => format!(" · {}", p.label()),
    };
    out.push_str(&format!("继续教育学时评估：{who}，{} 年参评{}{path}\n", a.apply_year, a.level.label()));
    out.push_str(&format!("规则：{}（规则集 {}）\n", a.rules_display, a.rules));
    out.push_str(&format!("      {}\n", selection.reason));
    let (first, last) = (a.window.first().copied().unwrap_or(0), a.window.last().copied().unwrap_or(0));
    out.push_str(&format!("认定跨度：{}\n", xueshi_core::year_range(first, last)));
    let r = &a.requirement;
    let public = r.public.map(|p| format!("，公需科目不少于 {p}")).unwrap_or_default();
    let both = if r.both_parts { "，公需与专业须同时达标" } else { "" };
    out.push_str(&format!(
        "年度要求：每年不少于 {} 学时{public}，专业科目不少于 {}{both}\n\n",
        r.total, r.professional
    ));

    let mut rows = vec![vec!["年度".into(), "公需".into(), "专业".into(), "合计".into(), "状态".into()]];
    for y in &a.years {
        rows.push(vec![
            y.year.to_string(),
            y.public.to_string(),
            y.professional.to_string(),
            y.total.to_string(),
            y.status.clone(),
        ]);
    }
    out.push_str(&table(&rows));
    out.push_str(if a.compliant {
        "\n结论：各年度均达标，符合要求。\n"
    } else {
        "\n结论：尚未达标，见上表。\n"
    });

    if !a.credits.is_empty() {
        out.push_str("\n学时明细：\n");
        let mut rows = vec![vec![
            "记录".into(),
            "名称".into(),
            "年度".into(),
            "类别".into(),
            "学时".into(),
            "计算".into(),
            "依据".into(),
        ]];
        for c in &a.credits {
            let title = ledger.activities.iter().find(|x| *x.id == *c.activity).map_or("", |x| x.title.as_str());
            let year = if c.in_window { c.year.to_string() } else { format!("{}（跨度外）", c.year) };
            rows.push(vec![
                c.activity.to_string(),
                title.to_owned(),
                year,
                c.category.short_label().into(),
                c.hours.to_string(),
                c.basis.describe(),
                c.source.clause.clone(),
            ]);
        }
        out.push_str(&table(&rows));
    }

    let incomplete: Vec<_> = a.evidence.iter().filter(|e| e.status == Completeness::Incomplete).collect();
    if !incomplete.is_empty() {
        out.push_str("\n证明材料不全：\n");
        for e in incomplete {
            out.push_str(&format!("  {}：还缺 {}\n", e.activity, e.missing.join("、")));
        }
    }
    if !a.warnings.is_empty() {
        out.push_str("\n提醒：\n");
        for w in &a.warnings {
            match &w.activity {
                Some(id) => out.push_str(&format!("  [{id}] {}\n", w.message)),
                None => out.push_str(&format!("  {}\n", w.message)),
            }
        }
        if matches!(a.window_basis, WindowBasis::Borrowed | WindowBasis::Assumed) {
            out.push_str(
                "  本单位规定了认定跨度时，用 --window 起始年-结束年 评估；用 xueshi plan … --window … --window-source 出处 记入申报计划\n",
            );
        }
    }
    out
}

/// One line per rule set.
/// The built-in sets and the user's own (marked 自定), then the user's files that did not load.
pub fn rules_list(rules: &xueshi_handbook::Rules) -> String {
    let mut rows = vec![vec!["id".into(), "适用年度".into(), "文号".into(), "通知".into()]];
    for s in rules.book.sets() {
        let governs: Vec<String> = s.governs.iter().map(i32::to_string).collect();
        let city = s.city.as_deref().map(|c| format!("（{c}）")).unwrap_or_default();
        rows.push(vec![
            s.id.clone(),
            governs.join("、"),
            s.doc_number.clone().unwrap_or_else(|| "—".into()),
            format!("{}{city}{}", s.name, if s.builtin { "" } else { "（自定）" }),
        ]);
    }
    let mut out = table(&rows);
    if !rules.errors.is_empty() {
        out.push_str("\n数据文件夹中以下规则文件未能载入：\n");
        for e in &rules.errors {
            out.push_str(&format!("  {e}\n"));
        }
    }
    out
}

/// Every clause of a set, with its source sentence.
pub fn rules_show(s: &RuleSet) -> String {
    let g = guide(s);
    let mut out = format!("{}\n{}\n", s.id, g.title);
    out.push_str(&format!("发文机关：{}\n适用：{}\n", g.issuer, g.governs));
    if let Some(d) = s.date {
        out.push_str(&format!("日期：{}\n", d.format("%Y年%-m月%-d日")));
    }
    if let Some(p) = &s.extends {
        out.push_str(&format!("继承：{p}\n"));
    }
    if let Some(n) = &g.note {
        out.push_str(&format!("说明：{n}\n"));
    }
    out.push_str("\n学时要求：\n");
    guide_clause(&mut out, &g.requirement, "  ");
    out.push_str("\n认定跨度：\n");
    for w in &g.windows {
        guide_clause(&mut out, w, "  ");
    }
    out.push_str("\n各类活动：\n");
    for k in &g.kinds {
        out.push_str(&format!("  {}\n", k.kind.label()));
        for c in &k.credits {
            guide_clause(&mut out, c, "    ");
        }
        if k.credits.is_empty() {
            out.push_str("    （不折算学时）\n");
        }
        for (what, c) in [("材料", &k.materials), ("提示", &k.advice)] {
            if let Some(c) = c {
                guide_clause(&mut out, &GuideClause { rule: format!("{what}：{}", c.rule), ..c.clone() }, "    ");
            }
        }
    }
    if g.kinds.is_empty() {
        out.push_str("  （本通知没有折算细则）\n");
    }
    for (title, clauses) in [("公需科目重点内容", &g.themes), ("核认时间", &g.periods)] {
        if !clauses.is_empty() {
            out.push_str(&format!("\n{title}：\n"));
            for c in clauses {
                guide_clause(&mut out, c, "  ");
            }
        }
    }
    out.push('\n');
    out
}

/// One rule of `xueshi rules show`: `[set/id] rule（推定）`, then the notice's sentence and the note.
fn guide_clause(out: &mut String, c: &GuideClause, indent: &str) {
    let assumed = if c.assumed { "（推定）" } else { "" };
    out.push_str(&format!(
        "{indent}[{}] {}{assumed}\n{indent}  原文：{}（{}）\n",
        c.clause, c.rule, c.quote, c.citation
    ));
    if let Some(note) = &c.note {
        out.push_str(&format!("{indent}  说明：{note}\n"));
    }
}
