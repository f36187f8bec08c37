//! 规则说明: a rule set told in plain Chinese for the 规则 screen — how many hours a year, which
//! years are checked, what each kind of activity earns and on which conditions, which materials
//! prove it — each rule beside the notice's own sentence and citation, marked where the app's
//! reading is an inference. Made from the rule set alone: the numbers are the rule file's.

use serde::Serialize;

use crate::field_names::grade_label;
use crate::hours::Hours;
use crate::kinds::{
    ActivityKind, AidTask, ApplicationPath, BookRole, ContestLevel, Medal, PaperRole, PatentType, Platform,
    ProjectLevel, ProjectRole, Venue,
};
use crate::rules::{CategoryRule, Conditions, Conversion, Origin, RuleSet, Unit, Window};

/// A rule set in plain Chinese.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RuleGuide {
    /// The rule set's id (to ask for it again; never shown).
    pub id: String,
    /// The notice as a person names it: `《…》（湘人社办函〔2024〕21号）`.
    pub title: String,
    pub issuer: String,
    /// The application years it governs, in words (`2024年度参评`).
    pub governs: String,
    pub note: Option<String>,
    pub requirement: GuideClause,
    /// The years checked, per level and path.
    pub windows: Vec<GuideClause>,
    /// What each kind of activity earns, in the vocabulary's order; kinds the set says nothing of
    /// are left out.
    pub kinds: Vec<GuideKind>,
    /// The 核认 periods of the application year.
    pub periods: Vec<GuideClause>,
    /// The public-subject themes of each year.
    pub themes: Vec<GuideClause>,
}

/// What one kind of activity earns and how it is proven.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GuideKind {
    pub kind: ActivityKind,
    pub credits: Vec<GuideClause>,
    pub materials: Option<GuideClause>,
    /// For a kind that earns nothing: how to record it so that it counts, or why it cannot.
    pub advice: Option<GuideClause>,
}

/// One rule: the app's sentence, and the notice's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GuideClause {
    /// `set/id`, as credits name their clause (the previews link here by it).
    pub clause: String,
    /// The rule in plain Chinese.
    pub rule: String,
    /// The notice's sentence it rests on.
    pub quote: String,
    /// The document the sentence is from (`湘人社函〔2020〕11号`).
    pub citation: String,
    pub note: Option<String>,
    /// The app's reading of the sentence is an inference (explained in `note`).
    pub assumed: bool,
}

impl GuideClause {
    fn new(id: &str, origin: &Origin, rule: String, quote: &str, note: &Option<String>, assumed: bool) -> GuideClause {
        GuideClause {
            clause: format!("{}/{id}", origin.set),
            rule,
            quote: quote.to_owned(),
            citation: origin.citation(),
            note: note.clone(),
            assumed,
        }
    }
}

/// The guide to `set`.
pub fn guide(set: &RuleSet) -> RuleGuide {
    let r = &set.requirement;
    let requirement = GuideClause::new(&r.id, &r.origin, requirement_rule(set), &r.quote, &r.note, r.assumed);
    let windows = set.windows.iter().chain(&set.borrowed_windows).map(|w| window_clause(set, w)).collect();
    let kinds = ActivityKind::ALL.iter().filter_map(|&kind| kind_guide(set, kind)).collect();
    let periods = set
        .periods
        .iter()
        .map(|p| {
            let rule = format!("{}：每年 {}月{}日至{}月{}日", p.who, p.from.0, p.from.1, p.to.0, p.to.1);
            GuideClause::new(&p.id, &p.origin, rule, &p.quote, &p.note, false)
        })
        .collect();
    let themes = set
        .themes
        .iter()
        .map(|t| {
            let rule = format!("{}年度公需科目的重点内容：{}", t.year, t.topics.join("；"));
            GuideClause::new(&format!("theme.{}", t.year), &t.origin, rule, &t.quote, &None, false)
        })
        .collect();
    RuleGuide {
        id: set.id.clone(),
        title: set.display_name(),
        issuer: set.issuer.clone(),
        governs: governs_words(&set.governs),
        note: set.note.clone(),
        requirement,
        windows,
        kinds,
        periods,
        themes,
    }
}

fn governs_words(years: &[i32]) -> String {
    match (years.iter().min(), years.iter().max()) {
        (Some(&a), Some(&b)) if a == b => format!("{a}年度参评"),
        (Some(&a), Some(&b)) => format!("{}参评", crate::engine::year_range(a, b)),
        _ => "参评年度未写明".to_owned(),
    }
}

fn requirement_rule(set: &RuleSet) -> String {
    let r = &set.requirement;
    let mut rule = format!("每年不少于 {} 学时", r.total);
    match r.public {
        Some(public) => {
            rule.push_str(&format!("，其中公需科目不少于 {public} 学时、专业科目不少于 {} 学时", r.professional))
        }
        None => rule.push_str(&format!("，其中专业科目不少于 {} 学时", r.professional)),
    }
    if r.both_parts {
        rule.push_str("；公需科目和专业科目须分别达到");
    }
    rule
}

fn window_clause(set: &RuleSet, w: &Window) -> GuideClause {
    let levels = w.levels.iter().map(|l| l.label()).collect::<Vec<_>>().join("、");
    let who = match w.path {
        ApplicationPath::Standard => format!("参评{levels}"),
        path => format!("{}（参评{levels}）", path.label()),
    };
    let span = w.to - w.from + 1;
    let mut rule = if w.to == -1 {
        format!("{who}：查参评年度之前连续 {span} 个年度（不含参评当年）")
    } else if w.to == 0 {
        format!("{who}：查参评年度之前 {} 个年度和参评当年，共 {span} 个年度", -w.from)
    } else {
        format!("{who}：查参评年度前第 {} 年至前第 {} 年", -w.from, -w.to)
    };
    if let Some(&year) = set.governs.first() {
        rule.push_str(&format!("（{year}年参评查 {}）", crate::engine::year_range(year + w.from, year + w.to)));
    }
    if !w.also_checked.is_empty() {
        let more = w.also_checked.iter().map(|o| format!("前第 {} 年", -o)).collect::<Vec<_>>().join("、");
        rule.push_str(&format!("；审核时也可能查参评年度{more}"));
    }
    GuideClause::new(&w.id, &w.origin, rule, &w.quote, &w.note, w.assumed)
}

fn kind_guide(set: &RuleSet, kind: ActivityKind) -> Option<GuideKind> {
    let credits: Vec<GuideClause> = set
        .conversions
        .iter()
        .filter(|c| c.kinds.contains(&kind))
        .map(|c| {
            GuideClause::new(&c.id, &c.origin, conversion_rule(kind, c), &c.quote, &c.note, c.several_units_assumed)
        })
        .collect();
    let materials = set
        .evidence_for(kind)
        .map(|e| GuideClause::new(&e.id, &e.origin, materials_rule(&e.sets), &e.quote, &e.note, false));
    let advice =
        set.advice_for(kind).map(|a| GuideClause::new(&a.id, &a.origin, a.message.clone(), &a.quote, &a.note, false));
    (!credits.is_empty() || materials.is_some() || advice.is_some()).then_some(GuideKind {
        kind,
        credits,
        materials,
        advice,
    })
}

/// `第一作者；国内统一刊号刊物：每项 20 学时，计入专业科目`.
fn conversion_rule(kind: ActivityKind, c: &Conversion) -> String {
    let rate = rate_words(c.unit, c.hours);
    let mut rule = match conditions_words(kind, &c.when) {
        Some(when) => format!("{when}：{rate}"),
        None => rate,
    };
    if let Some(m) = c.min_months {
        rule.push_str(&format!("（须满 {m} 个月）"));
    }
    if let Some(m) = c.all_years_over_months {
        rule.push_str(&format!("；超过 {m} 个月的，所跨每个年度都视为完成"));
    }
    if c.category == CategoryRule::Professional && !matches!(c.unit, Unit::FullYear | Unit::CoversYears) {
        rule.push_str("，计入专业科目");
    }
    rule
}

fn rate_words(unit: Unit, hours: Hours) -> String {
    match unit {
        Unit::PerDay => format!("每天 {hours} 学时"),
        Unit::PerHalfDay => format!("每半天 {hours} 学时"),
        Unit::PerEvening => format!("每晚 {hours} 学时"),
        Unit::PerHour if hours == Hours::whole(1) => "按证书或平台记载的学时计".to_owned(),
        Unit::PerHour => format!("每 1 学时计 {hours} 学时"),
        Unit::PerUnit => format!("每个模块、科目或课程 {hours} 学时"),
        Unit::PerItem => format!("每项 {hours} 学时"),
        Unit::FullYear => "视为完成当年的继续教育".to_owned(),
        Unit::CoversYears => "学时认定单认定过的年度视为已认定".to_owned(),
    }
}

/// The conditions of a clause in the labels the record editor uses; `None` when it has none.
fn conditions_words(kind: ActivityKind, when: &Conditions) -> Option<String> {
    let labels = |codes: &Option<Vec<String>>, label: &dyn Fn(&str) -> Option<&'static str>| {
        codes
            .as_ref()
            .map(|codes| codes.iter().map(|c| label(c).unwrap_or(c.as_str()).to_owned()).collect::<Vec<_>>().join("或"))
    };
    let role = |code: &str| match kind {
        ActivityKind::Paper => PaperRole::from_code(code).map(PaperRole::label),
        ActivityKind::Book => BookRole::from_code(code).map(BookRole::label),
        _ => ProjectRole::from_code(code).map(ProjectRole::label),
    };
    let level = |code: &str| match kind {
        ActivityKind::SkillContest => ContestLevel::from_code(code).map(ContestLevel::label),
        _ => ProjectLevel::from_code(code).map(ProjectLevel::label),
    };
    let grades = when.grade.as_ref().map(|g| {
        g.iter()
            .map(|&n| grade_label(n).map_or_else(|| format!("{n}等奖"), str::to_owned))
            .collect::<Vec<_>>()
            .join("或")
    });
    let parts: Vec<String> = [
        labels(&when.level, &level),
        labels(&when.venue, &|c| Venue::from_code(c).map(Venue::label)),
        labels(&when.patent_type, &|c| PatentType::from_code(c).map(PatentType::label)),
        grades,
        labels(&when.medal, &|c| Medal::from_code(c).map(Medal::label)),
        labels(&when.platform, &|c| Platform::from_code(c).map(Platform::label)),
        labels(&when.task, &|c| AidTask::from_code(c).map(AidTask::label)),
        labels(&when.role, &role),
        when.rank_max.map(|n| format!("排名前 {n} 位")),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!parts.is_empty()).then(|| parts.join("，"))
}

/// `结业证书或学时证明、培训通知`; several sets as `以下任一组：1. …；2. …`.
fn materials_rule(sets: &[Vec<Vec<String>>]) -> String {
    let set_words = |set: &Vec<Vec<String>>| set.iter().map(|alts| alts.join("或")).collect::<Vec<_>>().join("、");
    match sets {
        [one] => format!("须提供：{}", set_words(one)),
        _ => {
            let listed = sets
                .iter()
                .enumerate()
                .map(|(i, s)| format!("{}. {}", i + 1, set_words(s)))
                .collect::<Vec<_>>()
                .join("；");
            format!("须提供以下任一组材料：{listed}")
        }
    }
}

#[cfg(test)]
#[path = "guide_tests.rs"]
mod tests;
