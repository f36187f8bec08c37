//! Parses one rule file and validates every field: the result holds only what the file itself
//! states; `book` resolves inheritance.

use std::collections::BTreeSet;

use toml::Spanned;

use super::raw::{RawConditions, RawConversion, RawPlatform, RawRuleSet};
use super::{
    Advice, BasePlatform, CategoryRule, Conditions, Conversion, EvidenceRule, Origin, Period, Requirement, RuleError,
    Theme, Unit, Window, locate,
};
use crate::fields::parse_date;
use crate::hours::Hours;
use crate::kinds::{
    ActivityKind, AidTask, ApplicationPath, BookRole, ContestLevel, Level, Medal, PaperRole, PatentType, Platform,
    ProjectLevel, ProjectRole, Venue,
};

/// Largest number of 学时 a single clause or requirement may state.
const MAX_HOURS: f64 = 1000.0;

/// What one file states, validated, before inheritance.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub file: String,
    pub id: String,
    pub name: String,
    pub issuer: String,
    pub doc_number: Option<String>,
    pub date: Option<chrono::NaiveDate>,
    pub governs: Vec<i32>,
    /// The parent id and the error to give if it cannot be found.
    pub extends: Option<(String, RuleError)>,
    /// The error to give if a built-in set already has this id.
    pub id_taken: RuleError,
    pub city: Option<String>,
    pub source: String,
    pub note: Option<String>,
    pub requirement: Option<Requirement>,
    pub windows: Vec<Window>,
    pub conversions: Vec<Conversion>,
    pub evidence: Vec<EvidenceRule>,
    pub themes: Vec<Theme>,
    pub periods: Vec<Period>,
    pub advice: Vec<Advice>,
    pub platforms: Vec<BasePlatform>,
}

/// The file being read, to turn spans into located errors.
struct Ctx<'a> {
    file: &'a str,
    text: &'a str,
}

impl Ctx<'_> {
    fn at(&self, offset: usize, message: impl Into<String>) -> RuleError {
        let loc = locate(self.text, offset);
        RuleError {
            file: self.file.to_owned(),
            line: loc.line,
            column: loc.column,
            field: loc.field,
            message: message.into(),
        }
    }

    fn err<T>(&self, spanned: &Spanned<T>, message: impl Into<String>) -> RuleError {
        self.at(spanned.span().start, message)
    }
}

/// Reads and validates one rule file. `file` names it in errors.
pub fn parse(file: &str, text: &str) -> Result<Parsed, RuleError> {
    let cx = Ctx { file, text };
    let raw: RawRuleSet = toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        cx.at(offset, translate(e.message()))
    })?;
    let id = raw.id.get_ref().clone();
    if id.is_empty() || !id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
        return Err(cx.err(&raw.id, "id 只能由小写字母、数字和 - 组成"));
    }
    let id_taken = cx.err(
        &raw.id,
        format!(
            "id `{id}` 是内置的官方通知的编号，自己的规则文件不能替换官方通知；请换一个 id（如 my-{id}），\
             需要沿用该通知时写 extends = \"{id}\""
        ),
    );
    let origin = Origin { set: id.clone(), doc_number: raw.doc_number.clone(), doc_name: raw.name.clone() };
    let date = match &raw.date {
        Some(d) => Some(parse_date(d.get_ref()).map_err(|m| cx.err(d, m))?),
        None => None,
    };
    if raw.governs.get_ref().is_empty() {
        return Err(cx.err(&raw.governs, "至少要有一个适用的认定年度"));
    }
    let mut governs = Vec::new();
    for year in raw.governs.get_ref() {
        governs.push(year_in_range(&cx, &raw.governs, *year)?);
    }
    let extends = raw.extends.as_ref().map(|e| {
        let missing = cx.err(e, format!("找不到被继承的规则集 `{}`", e.get_ref()));
        (e.get_ref().clone(), missing)
    });
    let mut ids = BTreeSet::new();
    let mut unique = |id: &Spanned<String>| -> Result<String, RuleError> {
        if id.get_ref().trim().is_empty() || !ids.insert(id.get_ref().clone()) {
            return Err(cx.err(id, format!("条款编号 `{}` 为空或重复", id.get_ref())));
        }
        Ok(id.get_ref().clone())
    };

    let requirement = match raw.requirement {
        None => None,
        Some(r) => {
            let total = hours(&cx, &r.total)?;
            let professional = hours(&cx, &r.professional)?;
            let public = r.public.as_ref().map(|p| hours(&cx, p)).transpose()?;
            if total.is_zero() {
                return Err(cx.err(&r.total, "年度总学时要求应大于 0"));
            }
            if professional > total || public.is_some_and(|p| p > total) {
                return Err(cx.err(&r.professional, "分项要求不能超过总学时要求"));
            }
            if r.assumed && r.note.as_deref().is_none_or(str::is_empty) {
                return Err(cx.err(&r.quote, "推定的要求（assumed = true）必须用 note 说明理由"));
            }
            Some(Requirement {
                id: r.id,
                total,
                public,
                professional,
                both_parts: r.both_parts,
                assumed: r.assumed,
                quote: quote(&cx, r.quote)?,
                note: r.note,
                origin: origin.clone(),
            })
        }
    };

    let mut windows = Vec::new();
    for w in raw.window {
        let id = unique(&w.id)?;
        let levels = codes(&cx, &w.levels, Level::from_code, &Level::codes())?;
        let path = match &w.path {
            None => ApplicationPath::Standard,
            Some(p) => code(&cx, p, ApplicationPath::from_code, &ApplicationPath::codes())?,
        };
        let (from, to) = (*w.from.get_ref(), *w.to.get_ref());
        if !(-20..=0).contains(&from) {
            return Err(cx.err(&w.from, "应在 -20 到 0 之间：认定跨度相对参评年度"));
        }
        if !(from..=0).contains(&to) {
            return Err(cx.err(&w.to, "应在 from 与 0 之间"));
        }
        if w.assumed && w.note.as_deref().is_none_or(str::is_empty) {
            return Err(cx.err(&w.id, "推定的跨度（assumed = true）必须用 note 说明理由"));
        }
        let mut also_checked = Vec::new();
        if let Some(list) = &w.also_checked {
            if w.note.as_deref().is_none_or(str::is_empty) {
                return Err(cx.err(list, "also_checked 必须用 note 说明为什么这些年度也可能被核查"));
            }
            for offset in list.get_ref() {
                if !(-20..=0).contains(offset) || (from..=to).contains(offset) {
                    return Err(cx.err(list, "also_checked 应在 -20 到 0 之间，且不在认定跨度内"));
                }
                also_checked.push(*offset as i32);
            }
        }
        windows.push(Window {
            id,
            levels,
            path,
            from: from as i32,
            to: to as i32,
            assumed: w.assumed,
            also_checked,
            source: w.source,
            quote: quote(&cx, w.quote)?,
            note: w.note,
            origin: origin.clone(),
        });
    }

    let mut conversions = Vec::new();
    for c in raw.conversion {
        let id = unique(&c.id)?;
        conversions.push(conversion(&cx, id, c, &origin)?);
    }

    let mut evidence = Vec::new();
    for e in raw.evidence {
        let id = unique(&e.id)?;
        let kinds = codes(&cx, &e.kinds, ActivityKind::from_code, &ActivityKind::codes())?;
        let sets = e.sets.get_ref().clone();
        let empty = sets.is_empty()
            || sets
                .iter()
                .any(|s| s.is_empty() || s.iter().any(|r| r.is_empty() || r.iter().any(|m| m.trim().is_empty())));
        if empty {
            return Err(cx.err(&e.sets, "材料组合、要求和材料名都不能为空"));
        }
        if sets.iter().map(Vec::len).sum::<usize>() > 64 {
            return Err(cx.err(&e.sets, "一条材料规则的各组要求合计最多 64 项"));
        }
        evidence.push(EvidenceRule {
            id,
            kinds,
            sets,
            quote: quote(&cx, e.quote)?,
            note: e.note,
            origin: origin.clone(),
        });
    }

    let mut themes = Vec::new();
    for t in raw.theme {
        let year = year_in_range(&cx, &t.year, *t.year.get_ref())?;
        if t.topics.is_empty() {
            return Err(cx.err(&t.year, "主题不能为空"));
        }
        themes.push(Theme { year, topics: t.topics, quote: quote(&cx, t.quote)?, origin: origin.clone() });
    }

    let mut periods = Vec::new();
    for p in raw.period {
        let id = unique(&p.id)?;
        let from = month_day(&cx, &p.from)?;
        let to = month_day(&cx, &p.to)?;
        if to < from {
            return Err(cx.err(&p.to, "结束日期早于开始日期"));
        }
        periods.push(Period {
            id,
            who: p.who,
            from,
            to,
            quote: quote(&cx, p.quote)?,
            note: p.note,
            origin: origin.clone(),
        });
    }

    let mut advice = Vec::new();
    for a in raw.advice {
        let id = unique(&a.id)?;
        let kinds = codes(&cx, &a.kinds, ActivityKind::from_code, &ActivityKind::codes())?;
        if a.message.get_ref().trim().is_empty() {
            return Err(cx.err(&a.message, "提示不能为空"));
        }
        advice.push(Advice {
            id,
            kinds,
            message: a.message.into_inner(),
            quote: quote(&cx, a.quote)?,
            note: a.note,
            origin: origin.clone(),
        });
    }

    let platforms = platforms(&cx, raw.platform, &origin)?;

    Ok(Parsed {
        file: file.to_owned(),
        id,
        name: raw.name,
        issuer: raw.issuer,
        doc_number: raw.doc_number,
        date,
        governs,
        extends,
        id_taken,
        city: raw.city,
        source: raw.source,
        note: raw.note,
        requirement,
        windows,
        conversions,
        evidence,
        themes,
        periods,
        advice,
        platforms,
    })
}

/// The national bases' platforms: each host a bare host name, none twice.
fn platforms(cx: &Ctx<'_>, raw: Vec<RawPlatform>, origin: &Origin) -> Result<Vec<BasePlatform>, RuleError> {
    let mut out: Vec<BasePlatform> = Vec::new();
    for p in raw {
        if p.base.get_ref().trim().is_empty() {
            return Err(cx.err(&p.base, "基地名称不能为空"));
        }
        let host = p.host.get_ref();
        if !is_host(host) {
            return Err(cx.err(
                &p.host,
                format!(
                    "网址 `{host}` 应是网站的主机名，只由小写字母、数字、点和 - 组成，如 sypx.csu.edu.cn（不带 http:// 和路径）"
                ),
            ));
        }
        if out.iter().any(|q| q.host == *host) {
            return Err(cx.err(&p.host, format!("网址 `{host}` 重复")));
        }
        out.push(BasePlatform {
            base: p.base.get_ref().trim().to_owned(),
            host: host.clone(),
            quote: quote(cx, p.quote)?,
            note: p.note,
            origin: origin.clone(),
        });
    }
    Ok(out)
}

/// A host name as a notice writes it: dot-separated labels of lowercase letters, digits and `-`.
fn is_host(host: &str) -> bool {
    !host.is_empty()
        && host.len() <= 253
        && host.split('.').all(|label| {
            !label.is_empty() && label.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
}

fn conversion(cx: &Ctx<'_>, id: String, c: RawConversion, origin: &Origin) -> Result<Conversion, RuleError> {
    let kinds = codes(cx, &c.kinds, ActivityKind::from_code, &ActivityKind::codes())?;
    let unit = code(cx, &c.unit, Unit::from_code, Unit::CODES)?;
    let whole_year = matches!(unit, Unit::FullYear | Unit::CoversYears);
    let category = match (&c.category, whole_year) {
        (Some(cat), _) => match cat.get_ref().as_str() {
            "declared" => CategoryRule::Declared,
            "professional" => CategoryRule::Professional,
            other => {
                return Err(cx.err(cat, format!("未知的取值 `{other}`，可选：declared | professional")));
            }
        },
        (None, true) => CategoryRule::Professional,
        (None, false) => {
            return Err(cx.err(&c.id, "缺少 category（declared 或 professional）"));
        }
    };
    let months = |m: &Option<Spanned<i64>>| -> Result<Option<u32>, RuleError> {
        match m {
            None => Ok(None),
            Some(s) if (1..=120).contains(s.get_ref()) => Ok(Some(*s.get_ref() as u32)),
            Some(s) => Err(cx.err(s, "月数应在 1 到 120 之间")),
        }
    };
    let min_months = months(&c.min_months)?;
    let all_years_over_months = months(&c.all_years_over_months)?;
    if unit == Unit::FullYear && min_months.is_none() {
        return Err(cx.err(&c.unit, "full_year 条款必须给出 min_months"));
    }
    if unit != Unit::FullYear
        && let Some(m) = c.min_months.as_ref().or(c.all_years_over_months.as_ref())
    {
        return Err(cx.err(m, "只有 full_year 条款可以有月数"));
    }
    if c.several_units_assumed && unit != Unit::PerUnit {
        return Err(cx.err(&c.unit, "several_units_assumed 只用于 per_unit 条款"));
    }
    if c.several_units_assumed && c.note.as_deref().is_none_or(str::is_empty) {
        return Err(cx.err(&c.id, "several_units_assumed = true 必须用 note 说明理由"));
    }
    Ok(Conversion {
        id,
        kinds,
        unit,
        hours: hours(cx, &c.hours)?,
        category,
        when: conditions(cx, c.when.unwrap_or_default())?,
        min_months,
        all_years_over_months,
        several_units_assumed: c.several_units_assumed,
        quote: quote(cx, c.quote)?,
        note: c.note,
        origin: origin.clone(),
    })
}

fn conditions(cx: &Ctx<'_>, w: RawConditions) -> Result<Conditions, RuleError> {
    let roles: Vec<&str> = ProjectRole::ALL
        .iter()
        .map(|r| r.code())
        .chain(BookRole::ALL.iter().map(|r| r.code()))
        .chain(PaperRole::ALL.iter().map(|r| r.code()))
        .collect();
    let levels: Vec<&str> =
        ProjectLevel::ALL.iter().map(|l| l.code()).chain(ContestLevel::ALL.iter().map(|l| l.code())).collect();
    let venues: Vec<&str> = Venue::ALL.iter().map(|v| v.code()).collect();
    let types: Vec<&str> = PatentType::ALL.iter().map(|t| t.code()).collect();
    let medals: Vec<&str> = Medal::ALL.iter().map(|m| m.code()).collect();
    let platforms: Vec<&str> = Platform::ALL.iter().map(|p| p.code()).collect();
    let tasks: Vec<&str> = AidTask::ALL.iter().map(|t| t.code()).collect();
    let grade = match &w.grade {
        None => None,
        Some(value) => Some(
            listed(cx, value)?
                .iter()
                .map(|g| match g.as_integer() {
                    Some(n @ 1..=3) => Ok(n as u8),
                    _ => Err(cx.err(value, "等级应为 1、2 或 3")),
                })
                .collect::<Result<Vec<_>, _>>()?,
        ),
    };
    let rank_max = match w.rank_max {
        None => None,
        Some(r) if (1..=1000).contains(r.get_ref()) => Some(*r.get_ref() as u32),
        Some(r) => return Err(cx.err(&r, "排名上限应在 1 到 1000 之间")),
    };
    Ok(Conditions {
        role: one_of(cx, w.role, &roles)?,
        level: one_of(cx, w.level, &levels)?,
        venue: one_of(cx, w.venue, &venues)?,
        patent_type: one_of(cx, w.patent_type, &types)?,
        grade,
        medal: one_of(cx, w.medal, &medals)?,
        platform: one_of(cx, w.platform, &platforms)?,
        task: one_of(cx, w.task, &tasks)?,
        rank_max,
    })
}

/// One value or a list of values, as a list.
fn listed(cx: &Ctx<'_>, value: &Spanned<toml::Value>) -> Result<Vec<toml::Value>, RuleError> {
    let list = match value.get_ref() {
        toml::Value::Array(items) => items.clone(),
        other => vec![other.clone()],
    };
    if list.is_empty() {
        return Err(cx.err(value, "条件列表不能为空"));
    }
    Ok(list)
}

fn one_of(
    cx: &Ctx<'_>,
    value: Option<Spanned<toml::Value>>,
    allowed: &[&str],
) -> Result<Option<Vec<String>>, RuleError> {
    let Some(value) = value else { return Ok(None) };
    let mut out = Vec::new();
    for item in listed(cx, &value)? {
        match item.as_str() {
            Some(text) if allowed.contains(&text) => out.push(text.to_owned()),
            _ => {
                return Err(cx.err(&value, format!("未知的取值 `{item}`，可选：{}", allowed.join(" | "))));
            }
        }
    }
    Ok(Some(out))
}

fn code<T>(cx: &Ctx<'_>, s: &Spanned<String>, parse: fn(&str) -> Option<T>, choices: &str) -> Result<T, RuleError> {
    parse(s.get_ref()).ok_or_else(|| cx.err(s, format!("未知的取值 `{}`，可选：{choices}", s.get_ref())))
}

fn codes<T: PartialEq>(
    cx: &Ctx<'_>,
    list: &Spanned<Vec<Spanned<String>>>,
    parse: fn(&str) -> Option<T>,
    choices: &str,
) -> Result<Vec<T>, RuleError> {
    if list.get_ref().is_empty() {
        return Err(cx.err(list, "列表不能为空"));
    }
    let mut out = Vec::new();
    for item in list.get_ref() {
        let value = code(cx, item, parse, choices)?;
        if !out.contains(&value) {
            out.push(value);
        }
    }
    Ok(out)
}

fn hours(cx: &Ctx<'_>, value: &Spanned<f64>) -> Result<Hours, RuleError> {
    let v = *value.get_ref();
    if v > MAX_HOURS {
        let shown = crate::text::number(v);
        return Err(cx.err(value, format!("数值过大：{shown} 学时超过上限 {MAX_HOURS}")));
    }
    Hours::from_f64(v).map_err(|e| cx.err(value, e.to_string()))
}

fn year_in_range<T>(cx: &Ctx<'_>, at: &Spanned<T>, year: i64) -> Result<i32, RuleError> {
    if (1990..=2100).contains(&year) {
        Ok(year as i32)
    } else {
        Err(cx.err(at, format!("年份 {year} 不在 {} 之间", crate::engine::year_range(1990, 2100))))
    }
}

fn month_day(cx: &Ctx<'_>, s: &Spanned<String>) -> Result<(u32, u32), RuleError> {
    let bad = || cx.err(s, format!("`{}` 应为 MM-DD 格式的日期", s.get_ref()));
    let (m, d) = s.get_ref().split_once('-').ok_or_else(bad)?;
    let (m, d): (u32, u32) = (m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?);
    chrono::NaiveDate::from_ymd_opt(2000, m, d).ok_or_else(bad)?;
    Ok((m, d))
}

fn quote(cx: &Ctx<'_>, q: Spanned<String>) -> Result<String, RuleError> {
    if q.get_ref().trim().is_empty() {
        return Err(cx.err(&q, "每条规则都必须引用原文句子"));
    }
    Ok(q.into_inner())
}

/// The TOML parser's English message said in Chinese, with the key it names (the key the rule
/// file's author typed).
fn translate(message: &str) -> String {
    let zh = if message.contains("unknown field") {
        "无法识别的字段"
    } else if message.contains("missing field") {
        "缺少必填字段"
    } else if message.contains("invalid type") {
        "类型错误"
    } else if message.contains("duplicate key") {
        "重复的键"
    } else {
        "规则文件格式错误"
    };
    match message.split('`').nth(1).filter(|key| !key.is_empty()) {
        Some(key) => format!("{zh}“{key}”"),
        None => zh.to_owned(),
    }
}
