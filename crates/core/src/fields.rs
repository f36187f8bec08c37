//! A reader over one JSON object that turns every missing, mistyped or unknown field into an error
//! naming the record and the field (by its Chinese name), with the kind of problem it is.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde_json::{Map, Value};

use crate::hours::Hours;
use crate::text;

/// The most 学时 one record may count: more is a typing mistake (a whole year asks for 90).
const MAX_RECORD_HOURS: f64 = 1000.0;

/// What kind of problem a ledger error is, so that a form can word it without parsing the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// The field is required and absent.
    Missing,
    /// The field is required and blank.
    Empty,
    /// The message is itself a request saying what to fill in (`请填写结束日期：…`).
    Request,
    /// The value is wrong in the way the message says (`不是有效日期…`), or the file is malformed.
    Invalid,
}

/// Why a ledger could not be read: which record, which field, what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.describe())]
pub struct LedgerError {
    /// The activity id, when the problem is inside an activity (or its position, `#3`).
    pub activity: Option<String>,
    /// The field, e.g. `days` or `profile.name`.
    pub field: Option<String>,
    pub problem: Problem,
    pub message: String,
}

impl LedgerError {
    /// A value that is wrong as `message` says.
    pub fn new(activity: Option<String>, field: Option<&str>, message: impl Into<String>) -> Self {
        LedgerError { activity, field: field.map(str::to_owned), problem: Problem::Invalid, message: message.into() }
    }

    /// The same error, of another kind.
    pub fn of_kind(self, problem: Problem) -> Self {
        LedgerError { problem, ..self }
    }

    fn describe(&self) -> String {
        let mut out = String::from("学时记录文件有误");
        if let Some(a) = &self.activity {
            out.push_str(&format!("：记录 {}", text::abbreviate(a, 40)));
        }
        if let Some(f) = &self.field {
            out.push_str(&format!("，{}", crate::field_names::field_words(f)));
        }
        out.push_str(&format!("：{}", self.message));
        out
    }
}

/// Reads the fields of one object, remembering which were used so that unknown ones can be refused.
pub struct Fields<'a> {
    map: &'a Map<String, Value>,
    owner: Option<String>,
    prefix: &'static str,
    used: BTreeSet<&'a str>,
}

impl<'a> Fields<'a> {
    pub fn new(map: &'a Map<String, Value>, owner: Option<String>, prefix: &'static str) -> Self {
        Fields { map, owner, prefix, used: BTreeSet::new() }
    }

    pub fn error(&self, field: &str, message: impl Into<String>) -> LedgerError {
        LedgerError::new(self.owner.clone(), Some(&format!("{}{field}", self.prefix)), message)
    }

    fn get(&mut self, field: &'a str) -> Option<&'a Value> {
        self.used.insert(field);
        self.map.get(field).filter(|v| !v.is_null())
    }

    fn missing(&self, field: &str) -> LedgerError {
        self.error(field, "缺少此项").of_kind(Problem::Missing)
    }

    /// A text field, cleaned of invisible characters and within its length (see [`crate::text`]).
    pub fn opt_str(&mut self, field: &'a str) -> Result<Option<String>, LedgerError> {
        match self.get(field) {
            None => Ok(None),
            Some(Value::String(s)) => {
                text::accept(&format!("{}{field}", self.prefix), s).map(Some).map_err(|m| self.error(field, m))
            }
            Some(_) => Err(self.error(field, "应为文字")),
        }
    }

    pub fn str(&mut self, field: &'a str) -> Result<String, LedgerError> {
        let value = self.opt_str(field)?.ok_or_else(|| self.missing(field))?;
        if value.trim().is_empty() {
            return Err(self.error(field, "不能为空").of_kind(Problem::Empty));
        }
        Ok(value)
    }

    pub fn opt_date(&mut self, field: &'a str) -> Result<Option<NaiveDate>, LedgerError> {
        let Some(text) = self.opt_str(field)? else {
            return Ok(None);
        };
        parse_date(&text).map(Some).map_err(|m| self.error(field, m))
    }

    pub fn date(&mut self, field: &'a str) -> Result<NaiveDate, LedgerError> {
        self.opt_date(field)?.ok_or_else(|| self.missing(field))
    }

    /// A whole number in `0..=max`; absent means `None`.
    pub fn opt_count(&mut self, field: &'a str, max: u32) -> Result<Option<u32>, LedgerError> {
        let Some(value) = self.get(field) else {
            return Ok(None);
        };
        let n = match value {
            Value::Number(n) => match (n.as_i64(), n.as_f64()) {
                (Some(i), _) => Some(i),
                (None, Some(f)) if f > f64::from(max) => Some(i64::MAX),
                (None, Some(f)) if f < 0.0 => Some(-1),
                (None, Some(f)) if f.fract() == 0.0 => Some(f as i64),
                _ => None,
            },
            _ => None,
        };
        match n {
            None => Err(self.error(field, "应为整数")),
            Some(n) if n < 0 => Err(self.error(field, "不能是负数")),
            Some(n) if n > i64::from(max) => Err(self.error(field, format!("数值过大，最多 {max}"))),
            Some(n) => Ok(Some(n as u32)),
        }
    }

    pub fn count(&mut self, field: &'a str, max: u32) -> Result<u32, LedgerError> {
        self.opt_count(field, max)?.ok_or_else(|| self.missing(field))
    }

    pub fn opt_hours(&mut self, field: &'a str) -> Result<Option<Hours>, LedgerError> {
        let Some(value) = self.get(field) else {
            return Ok(None);
        };
        let Some(f) = value.as_f64() else {
            return Err(self.error(field, "应为数字"));
        };
        if f > MAX_RECORD_HOURS {
            return Err(self.error(field, format!("数值过大，一条记录最多 {MAX_RECORD_HOURS} 学时")));
        }
        Hours::from_f64(f).map(Some).map_err(|e| self.error(field, e.to_string()))
    }

    /// A value from a closed vocabulary, parsed by `parse`; `choices` lists what is accepted.
    pub fn code<T>(&mut self, field: &'a str, parse: fn(&str) -> Option<T>, choices: &str) -> Result<T, LedgerError> {
        let text = self.opt_str(field)?.ok_or_else(|| self.missing(field))?;
        parse(&text).ok_or_else(|| self.error(field, format!("不能是“{text}”，可选：{choices}")))
    }

    /// The raw value, for nested structures read by the caller.
    pub fn raw(&mut self, field: &'a str) -> Option<&'a Value> {
        self.get(field)
    }

    /// Refuses any field that was not read: a typo must not silently lose data.
    pub fn finish(self) -> Result<(), LedgerError> {
        match self.map.keys().find(|k| !self.used.contains(k.as_str())) {
            Some(unknown) => Err(self.error(unknown, "无法识别的字段")),
            None => Ok(()),
        }
    }
}

/// Parses a strict `YYYY-MM-DD` date between 1950 and 2100.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let bad = || format!("“{text}”不是有效日期，应写成 2025-05-12 这样的年-月-日");
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return Err(bad());
    }
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| bad())?;
    if !(1950..=2100).contains(&chrono::Datelike::year(&date)) {
        return Err(format!("“{text}”的年份不在 {} 之间", crate::engine::year_range(1950, 2100)));
    }
    Ok(date)
}
