//! Reading and writing the portable `xueshi-ledger` JSON format (version 1): the app's import,
//! export and backup format and the command line's input. Reading validates every field.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde_json::{Map, Value, json};

use crate::cities;
use crate::fields::{Fields, LedgerError, Problem};
use crate::hours::Hours;
use crate::kinds::{
    ActivityKind, AidTask, BookRole, Category, ContestLevel, Medal, PaperRole, PatentType, Platform, ProjectLevel,
    ProjectRole, Venue,
};
use crate::ledger::{Activity, Detail, Evidence, Ledger, Profile};
use crate::text;

pub const FORMAT: &str = "xueshi-ledger";
pub const VERSION: u64 = 1;

/// Upper bounds that no real record reaches; larger numbers are typing mistakes.
const MAX_SESSIONS: u32 = 366;
const MAX_UNITS: u32 = 100;
const MAX_RANK: u32 = 1000;

impl Ledger {
    /// Reads a ledger file's text; any problem names the record and field.
    pub fn from_json(text: &str) -> Result<Ledger, LedgerError> {
        let invalid = |e: serde_json::Error| {
            // The reader's own words (a key written twice) are Chinese; the parser's are English.
            let said = e.to_string();
            let own =
                said.split(" at line ").next().filter(|m| m.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
            let what = own.map_or_else(|| "文件内容的格式有误".to_owned(), str::to_owned);
            LedgerError::new(
                None,
                None,
                format!("{what}（第 {} 行第 {} 列附近），不是学时手册的记录文件，或已损坏", e.line(), e.column()),
            )
        };
        // serde_json keeps the last of two equal keys silently; a file saying two things is refused.
        serde_json::from_str::<unique_keys::UniqueKeys>(text).map_err(invalid)?;
        let value: Value = serde_json::from_str(text).map_err(invalid)?;
        Ledger::from_value(&value)
    }

    pub fn from_value(value: &Value) -> Result<Ledger, LedgerError> {
        let Value::Object(top) = value else {
            return Err(LedgerError::new(None, None, "文件内容不是学时手册的记录格式"));
        };
        let mut f = Fields::new(top, None, "");
        let format = f.opt_str("format")?;
        if format.as_deref() != Some(FORMAT) {
            return Err(f.error("format", "不对，这不是学时手册的记录文件"));
        }
        match f.raw("version").and_then(Value::as_u64) {
            Some(VERSION) => {}
            Some(v) if v > VERSION => {
                return Err(f.error("version", format!("文件版本 {v} 比本程序支持的版本 {VERSION} 新，请升级学时手册")));
            }
            _ => return Err(f.error("version", "无法识别，这不是学时手册的记录文件，或已损坏")),
        }
        let profile = match f.raw("profile") {
            None => Profile::default(),
            Some(Value::Object(map)) => read_profile(map)?,
            Some(_) => return Err(f.error("profile", "应为对象")),
        };
        let activities = match f.raw("activities") {
            None => Vec::new(),
            Some(Value::Array(items)) => read_activities(items)?,
            Some(_) => return Err(f.error("activities", "应为数组")),
        };
        f.finish()?;
        Ok(Ledger { profile, activities })
    }

    /// The ledger as `xueshi-ledger` JSON; reading it back gives the same ledger.
    pub fn to_json_value(&self) -> Value {
        json!({
            "format": FORMAT,
            "version": VERSION,
            "profile": profile_json(&self.profile),
            "activities": self.activities.iter().map(Activity::to_json_value).collect::<Vec<_>>(),
        })
    }

    pub fn to_json_pretty(&self) -> String {
        // Serializing a Value built from strings and numbers cannot fail.
        serde_json::to_string_pretty(&self.to_json_value()).unwrap_or_default()
    }
}

fn read_profile(map: &Map<String, Value>) -> Result<Profile, LedgerError> {
    let mut f = Fields::new(map, None, "profile.");
    let profile = Profile {
        name: f.opt_str("name")?,
        id_number: f.opt_str("id_number")?,
        employer: f.opt_str("employer")?,
        current_title: f.opt_str("current_title")?,
        title_date: f.opt_date("title_date")?,
        certificate_number: f.opt_str("certificate_number")?,
        city: match f.opt_str("city")? {
            None => None,
            Some(written) => Some(cities::normalize(&written).map(str::to_owned).ok_or_else(|| {
                f.error(
                    "city",
                    format!(
                        "“{}”不是湖南省的市州，请从以下选择：{}",
                        text::abbreviate(&written, 20),
                        cities::choices()
                    ),
                )
            })?),
        },
    };
    f.finish()?;
    Ok(profile)
}

fn read_activities(items: &[Value]) -> Result<Vec<Activity>, LedgerError> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let position = format!("#{}", index + 1);
        let Value::Object(map) = item else {
            return Err(LedgerError::new(Some(position), None, "应为对象"));
        };
        let owner = map.get("id").and_then(Value::as_str).map_or(position, str::to_owned);
        let activity = Activity::from_map(map, owner.clone())?;
        if !seen.insert(activity.id.clone()) {
            return Err(LedgerError::new(Some(owner), Some("id"), "记录编号重复"));
        }
        out.push(activity);
    }
    Ok(out)
}

impl Activity {
    /// Reads one activity object; `owner` names it in errors. Everything outside the ledger
    /// reader goes through [`crate::ActivityDraft`].
    pub(crate) fn from_map(map: &Map<String, Value>, owner: String) -> Result<Activity, LedgerError> {
        let mut f = Fields::new(map, Some(owner), "");
        let id = f.str("id")?;
        let kind = f.code("kind", ActivityKind::from_code, &ActivityKind::codes())?;
        if let Some(unknown) =
            map.keys().find(|k| !COMMON_FIELDS.contains(&k.as_str()) && !kind_fields(kind).contains(&k.as_str()))
        {
            return Err(f.error(unknown, format!("“{}”记录没有这个字段", kind.label())));
        }
        let title = f.str("title")?;
        let date = f.date("date")?;
        let end_date = f.opt_date("end_date")?;
        let provider = f.opt_str("provider")?;
        let note = f.opt_str("note")?;
        let category = if kind.declares_category() {
            Some(f.code("category", Category::from_code, &Category::codes())?)
        } else {
            if f.raw("category").is_some() {
                return Err(f.error("category", "此类记录一律计入专业科目，不需要填写类别"));
            }
            None
        };
        let detail = read_detail(&mut f, kind, date, end_date)?;
        let evidence = match f.raw("evidence") {
            None => Vec::new(),
            Some(Value::Array(items)) => read_evidence(items, &f)?,
            Some(_) => return Err(f.error("evidence", "应为数组")),
        };
        f.finish()?;
        Ok(Activity { id, kind, title, date, end_date, provider, note, category, detail, evidence })
    }

    pub fn to_json_value(&self) -> Value {
        let mut map = Map::new();
        map.insert("id".into(), json!(self.id));
        map.insert("kind".into(), json!(self.kind.code()));
        map.insert("title".into(), json!(self.title));
        map.insert("date".into(), json!(date_text(self.date)));
        if let Some(end) = self.end_date {
            map.insert("end_date".into(), json!(date_text(end)));
        }
        if let Some(p) = &self.provider {
            map.insert("provider".into(), json!(p));
        }
        if let Some(n) = &self.note {
            map.insert("note".into(), json!(n));
        }
        if let Some(c) = self.category {
            map.insert("category".into(), json!(c.code()));
        }
        detail_json(&self.detail, &mut map);
        if !self.evidence.is_empty() {
            let files: Vec<Value> = self
                .evidence
                .iter()
                .map(|e| {
                    let mut m = Map::new();
                    m.insert("file".into(), json!(e.file));
                    m.insert("material".into(), json!(e.material));
                    if let Some(h) = &e.sha256 {
                        m.insert("sha256".into(), json!(h));
                    }
                    Value::Object(m)
                })
                .collect();
            map.insert("evidence".into(), Value::Array(files));
        }
        Value::Object(map)
    }
}

/// Fields every record may have.
pub const COMMON_FIELDS: &[&str] =
    &["id", "kind", "title", "date", "end_date", "provider", "note", "category", "evidence"];

/// The fields of each kind besides the common ones, checked before any value so that a misspelt
/// name is reported as such (and used by the app's forms to drop fields of another kind).
pub fn kind_fields(kind: ActivityKind) -> &'static [&'static str] {
    use ActivityKind as K;
    match kind {
        K::Training | K::Conference | K::Practice => &["days", "half_days", "evenings", "hours"],
        K::OnlineCourse => &["hours"],
        K::StaffTraining => &["hours", "platform"],
        K::ResearchProject => &["level", "role"],
        K::Book => &["role"],
        K::Paper => &["role", "venue"],
        K::Patent => &["patent_type", "rank"],
        K::Award => &["level", "grade", "rank"],
        K::DigitalExam | K::QualificationExam | K::DegreeCourse => &["units"],
        K::AidPosting => &["task"],
        K::OverseasExchange => &[],
        K::ExpertService => &["days", "hours"],
        K::SkillContest => &["level", "medal"],
        K::PriorCertificate => &["from_year", "to_year"],
    }
}

fn read_detail(
    f: &mut Fields<'_>,
    kind: ActivityKind,
    date: NaiveDate,
    end_date: Option<NaiveDate>,
) -> Result<Detail, LedgerError> {
    use ActivityKind as K;
    if let Some(end) = end_date
        && end < date
    {
        return Err(f.error("end_date", "结束日期早于开始日期"));
    }
    let detail = match kind {
        K::Training | K::Conference | K::Practice => {
            let days = f.opt_count("days", MAX_SESSIONS)?.unwrap_or(0);
            let half_days = f.opt_count("half_days", MAX_SESSIONS)?.unwrap_or(0);
            let evenings = f.opt_count("evenings", MAX_SESSIONS)?.unwrap_or(0);
            let hours = f.opt_hours("hours")?.filter(|h| !h.is_zero());
            if days + half_days + evenings == 0 && hours.is_none() {
                return Err(f
                    .error("days", "请填写天数、半天数或晚上数，或证明上载明的学时，至少一项大于 0")
                    .of_kind(Problem::Request));
            }
            Detail::Sessions { days, half_days, evenings, hours }
        }
        K::OnlineCourse | K::StaffTraining => {
            let hours = f.opt_hours("hours")?.ok_or_else(|| f.error("hours", "缺少此项").of_kind(Problem::Missing))?;
            if hours.is_zero() {
                return Err(f.error("hours", "学时应大于 0"));
            }
            let platform = match kind {
                K::StaffTraining => opt_code(f, "platform", Platform::from_code, &Platform::codes())?,
                _ => None,
            };
            Detail::Hours { hours, platform }
        }
        K::ResearchProject => Detail::Research {
            level: f.code("level", ProjectLevel::from_code, &ProjectLevel::codes())?,
            role: f.code("role", ProjectRole::from_code, &ProjectRole::codes())?,
        },
        K::Book => Detail::Book { role: f.code("role", BookRole::from_code, &BookRole::codes())? },
        K::Paper => Detail::Paper {
            role: f.code("role", PaperRole::from_code, &PaperRole::codes())?,
            venue: f.code("venue", Venue::from_code, &Venue::codes())?,
        },
        K::Patent => Detail::Patent {
            patent_type: f.code("patent_type", PatentType::from_code, &PatentType::codes())?,
            rank: positive(f, "rank", MAX_RANK)?,
        },
        K::Award => {
            let level = f.code("level", ProjectLevel::from_code, &ProjectLevel::codes())?;
            let grade = f.count("grade", 3)?;
            if grade == 0 {
                return Err(f.error("grade", "等级应为 1、2 或 3（一、二、三等奖）"));
            }
            Detail::Award { level, grade: grade as u8, rank: positive(f, "rank", MAX_RANK)? }
        }
        K::DigitalExam | K::QualificationExam | K::DegreeCourse => {
            Detail::Units { units: positive(f, "units", MAX_UNITS)? }
        }
        K::AidPosting | K::OverseasExchange => {
            if end_date.is_none() {
                return Err(f.error("end_date", "请填写结束日期：全年认定要看外派时长").of_kind(Problem::Request));
            }
            let task = match kind {
                K::AidPosting => opt_code(f, "task", AidTask::from_code, &AidTask::codes())?,
                _ => None,
            };
            Detail::Posting { task }
        }
        K::ExpertService => {
            let days = f.opt_count("days", MAX_SESSIONS)?.unwrap_or(0);
            let hours = f.opt_hours("hours")?.unwrap_or(Hours::ZERO);
            if days == 0 && hours.is_zero() {
                return Err(f
                    .error("days", "请填写现场服务天数或线上服务学时，至少一项大于 0")
                    .of_kind(Problem::Request));
            }
            Detail::ExpertService { days, hours }
        }
        K::SkillContest => Detail::SkillContest {
            level: f.code("level", ContestLevel::from_code, &ContestLevel::codes())?,
            medal: f.code("medal", Medal::from_code, &Medal::codes())?,
        },
        K::PriorCertificate => {
            let from_year = f.count("from_year", 2100)? as i32;
            let to_year = f.count("to_year", 2100)? as i32;
            if from_year < 1950 {
                return Err(f.error("from_year", format!("年份应在 {} 之间", crate::engine::year_range(1950, 2100))));
            }
            if to_year < from_year {
                return Err(f.error("to_year", "结束年度早于开始年度"));
            }
            Detail::PriorCertificate { from_year, to_year }
        }
    };
    Ok(detail)
}

/// An optional value from a closed vocabulary.
fn opt_code<T>(
    f: &mut Fields<'_>,
    field: &'static str,
    parse: fn(&str) -> Option<T>,
    choices: &str,
) -> Result<Option<T>, LedgerError> {
    match f.raw(field) {
        None => Ok(None),
        Some(_) => f.code(field, parse, choices).map(Some),
    }
}

fn positive(f: &mut Fields<'_>, field: &'static str, max: u32) -> Result<u32, LedgerError> {
    let n = f.count(field, max)?;
    if n == 0 {
        return Err(f.error(field, "应大于 0"));
    }
    Ok(n)
}

fn read_evidence(items: &[Value], owner: &Fields<'_>) -> Result<Vec<Evidence>, LedgerError> {
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let Value::Object(map) = item else {
            return Err(owner.error(&format!("evidence[{i}]"), "应为对象"));
        };
        let mut f = Fields::new(map, None, "");
        let file = f.str("file").map_err(|e| owner.error(&format!("evidence[{i}].file"), e.message))?;
        let material = f.str("material").map_err(|e| owner.error(&format!("evidence[{i}].material"), e.message))?;
        let sha256 = f.opt_str("sha256").map_err(|e| owner.error(&format!("evidence[{i}].sha256"), e.message))?;
        if let Some(h) = &sha256
            && (h.len() != 64 || !h.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
        {
            return Err(owner.error(&format!("evidence[{i}].sha256"), "无效，文件可能被改动过"));
        }
        f.finish().map_err(|e| owner.error(&format!("evidence[{i}].{}", e.field.unwrap_or_default()), e.message))?;
        out.push(Evidence { file, material, sha256 });
    }
    Ok(out)
}

fn date_text(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

fn profile_json(p: &Profile) -> Value {
    let mut map = Map::new();
    let mut put = |key: &str, value: &Option<String>| {
        if let Some(v) = value {
            map.insert(key.into(), json!(v));
        }
    };
    put("name", &p.name);
    put("id_number", &p.id_number);
    put("employer", &p.employer);
    put("current_title", &p.current_title);
    put("title_date", &p.title_date.map(date_text));
    put("certificate_number", &p.certificate_number);
    put("city", &p.city);
    Value::Object(map)
}

fn detail_json(detail: &Detail, map: &mut Map<String, Value>) {
    let mut put = |k: &str, v: Value| {
        map.insert(k.into(), v);
    };
    match detail {
        Detail::Sessions { days, half_days, evenings, hours } => {
            for (k, v) in [("days", days), ("half_days", half_days), ("evenings", evenings)] {
                if *v > 0 {
                    put(k, json!(v));
                }
            }
            if let Some(h) = hours {
                put("hours", json!(h));
            }
        }
        Detail::Hours { hours, platform } => {
            put("hours", json!(hours));
            if let Some(p) = platform {
                put("platform", json!(p.code()));
            }
        }
        Detail::Research { level, role } => {
            put("level", json!(level.code()));
            put("role", json!(role.code()));
        }
        Detail::Book { role } => put("role", json!(role.code())),
        Detail::Paper { role, venue } => {
            put("role", json!(role.code()));
            put("venue", json!(venue.code()));
        }
        Detail::Patent { patent_type, rank } => {
            put("patent_type", json!(patent_type.code()));
            put("rank", json!(rank));
        }
        Detail::Award { level, grade, rank } => {
            put("level", json!(level.code()));
            put("grade", json!(grade));
            put("rank", json!(rank));
        }
        Detail::Units { units } => put("units", json!(units)),
        Detail::Posting { task } => {
            if let Some(t) = task {
                put("task", json!(t.code()));
            }
        }
        Detail::ExpertService { days, hours } => {
            if *days > 0 {
                put("days", json!(days));
            }
            if !hours.is_zero() {
                put("hours", json!(hours));
            }
        }
        Detail::SkillContest { level, medal } => {
            put("level", json!(level.code()));
            put("medal", json!(medal.code()));
        }
        Detail::PriorCertificate { from_year, to_year } => {
            put("from_year", json!(from_year));
            put("to_year", json!(to_year));
        }
    }
}

/// A pass over JSON text that refuses an object holding the same key twice (serde_json's `Value`
/// would keep the last one without a word), naming the key.
mod unique_keys {
    use std::collections::BTreeSet;
    use std::fmt;

    use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

    /// Any JSON value whose objects, at every depth, have distinct keys.
    pub struct UniqueKeys;

    impl<'de> Deserialize<'de> for UniqueKeys {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<UniqueKeys, D::Error> {
            deserializer.deserialize_any(UniqueKeysVisitor)
        }
    }

    struct UniqueKeysVisitor;

    impl<'de> Visitor<'de> for UniqueKeysVisitor {
        type Value = UniqueKeys;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a JSON value")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<UniqueKeys, A::Error> {
            let mut seen = BTreeSet::new();
            while let Some(key) = map.next_key::<String>()? {
                if !seen.insert(key.clone()) {
                    let shown: String = key.chars().filter(|c| !c.is_control()).take(60).collect();
                    return Err(de::Error::custom(format!(
                        "同一个对象中键“{shown}”出现了两次（重复的键），无法确定以哪一个为准"
                    )));
                }
                map.next_value::<UniqueKeys>()?;
            }
            Ok(UniqueKeys)
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<UniqueKeys, A::Error> {
            while seq.next_element::<UniqueKeys>()?.is_some() {}
            Ok(UniqueKeys)
        }

        fn visit_bool<E>(self, _: bool) -> Result<UniqueKeys, E> {
            Ok(UniqueKeys)
        }
        fn visit_i64<E>(self, _: i64) -> Result<UniqueKeys, E> {
            Ok(UniqueKeys)
        }
        fn visit_u64<E>(self, _: u64) -> Result<UniqueKeys, E> {
            Ok(UniqueKeys)
        }
        fn visit_f64<E>(self, _: f64) -> Result<UniqueKeys, E> {
            Ok(UniqueKeys)
        }
        fn visit_str<E>(self, _: &str) -> Result<UniqueKeys, E> {
            Ok(UniqueKeys)
        }
        fn visit_unit<E>(self) -> Result<UniqueKeys, E> {
            Ok(UniqueKeys)
        }
    }
}
