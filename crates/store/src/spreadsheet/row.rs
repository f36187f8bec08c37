//! Turns one data row into an `Activity`: reads the cells the row's 形式 needs, reports every bad
//! cell, then lets the core validate the record and names the column of anything it refuses.

use chrono::{Datelike, NaiveDate};
use serde_json::{Map, Value, json};
use xueshi_core::fields::Problem;
use xueshi_core::kinds::ActivityKind;
use xueshi_core::{Activity, ActivityDraft, LedgerError};

use super::RowError;
use super::dates::{self, Years};
use super::header::{Column, Header};
use super::source::{Cell, Row};
use super::vocab::{self, normalize_value};

/// The id given to a row before its generated one is known.
pub(crate) const PENDING_ID: &str = "import-pending";

/// What one row gave.
pub(crate) enum Outcome {
    /// Nothing to import: an empty row, or a 合计 row.
    Blank,
    /// A valid record; `generated_id` when the sheet gave it no 编号.
    Activity {
        activity: Box<Activity>,
        generated_id: bool,
    },
    Errors(Vec<RowError>),
}

/// Reads the cells of one row, collecting errors as it goes.
pub(crate) struct RowReader<'a> {
    pub header: &'a Header,
    row: &'a Row,
    sheet: Option<&'a str>,
    pub errors: Vec<RowError>,
    pub map: Map<String, Value>,
}

impl<'a> RowReader<'a> {
    /// The first non-empty cell of the column (a column may appear twice).
    pub fn cell(&self, column: Column) -> Option<&'a Cell> {
        self.header.positions(column).iter().filter_map(|(i, _)| self.row.cells.get(*i)).find(|c| !c.is_empty())
    }

    pub fn text(&self, column: Column) -> Option<String> {
        self.cell(column).map(Cell::display)
    }

    pub fn fail(&mut self, column: Column, message: impl Into<String>) {
        self.errors.push(RowError {
            sheet: self.sheet.map(str::to_owned),
            row: self.row.number,
            column: Some(self.header.name(column)),
            message: message.into(),
        });
    }

    pub fn put(&mut self, field: &str, value: Value) {
        self.map.insert(field.to_owned(), value);
    }

    fn is_blank(&self) -> bool {
        let total = self
            .row
            .cells
            .iter()
            .find(|c| !c.is_empty())
            .map(|c| normalize_value(&c.display()))
            .is_some_and(|t| ["合计", "总计", "小计", "累计"].contains(&t.as_str()));
        total || self.header.columns().filter(|c| *c != Column::Serial).all(|c| self.cell(c).is_none())
    }
}

/// Reads one data row.
pub(crate) fn read_row(header: &Header, row: &Row, sheet: Option<&str>) -> Outcome {
    let mut r = RowReader { header, row, sheet, errors: Vec::new(), map: Map::new() };
    if r.is_blank() {
        return Outcome::Blank;
    }
    let kind = read_kind(&mut r);
    let id = r.text(Column::Id);
    let generated_id = id.is_none();
    r.put("id", json!(id.unwrap_or_else(|| PENDING_ID.to_owned())));
    match r.text(Column::Title) {
        Some(title) => r.put("title", json!(title)),
        None => r.fail(Column::Title, "请填写名称"),
    }
    for (column, field) in [(Column::Provider, "provider"), (Column::Note, "note")] {
        if let Some(text) = r.text(column) {
            r.put(field, json!(text));
        }
    }
    let span = read_dates(&mut r);
    let years = r.cell(Column::Year).map(dates::years);
    let years = match years {
        Some(Err(message)) => {
            r.fail(Column::Year, message);
            Err(())
        }
        Some(Ok(y)) => Ok(Some(y)),
        None => Ok(None),
    };
    if let Some((kind, patent_type)) = kind {
        r.put("kind", json!(kind.code()));
        place_in_time(&mut r, kind, span, years);
        read_category(&mut r, kind);
        super::detail::read_detail(&mut r, kind, patent_type);
    }
    if !r.errors.is_empty() {
        return Outcome::Errors(r.errors);
    }
    let owner = format!("第 {} 行", row.number);
    match Activity::try_from(ActivityDraft::new(owner, r.map.clone())) {
        Ok(activity) => Outcome::Activity { activity: Box::new(activity), generated_id },
        Err(e) => {
            let kind = kind.map(|(k, _)| k);
            let (column, message) = translate(&r, &e, kind);
            match column {
                Some(c) => r.fail(c, message),
                None => {
                    r.errors.push(RowError { sheet: sheet.map(str::to_owned), row: row.number, column: None, message })
                }
            }
            Outcome::Errors(r.errors)
        }
    }
}

fn read_kind(r: &mut RowReader<'_>) -> Option<(ActivityKind, Option<xueshi_core::kinds::PatentType>)> {
    let Some(text) = r.text(Column::Kind) else {
        r.fail(Column::Kind, format!("请填写形式，可填：{}", vocab::kind_choices()));
        return None;
    };
    let kind = vocab::kind(&text);
    if kind.is_none() {
        r.fail(Column::Kind, format!("无法识别形式“{text}”，可填：{}", vocab::kind_choices()));
    }
    kind
}

/// The dates: from 起止日期, else from 开始日期/结束日期. `Err` when a cell was bad (reported).
fn read_dates(r: &mut RowReader<'_>) -> Result<Option<dates::Span>, ()> {
    let mut span = None;
    if let Some(cell) = r.cell(Column::Dates) {
        match dates::span(cell) {
            Ok(s) => span = Some(s),
            Err(message) => {
                r.fail(Column::Dates, message);
                return Err(());
            }
        }
    } else if let Some(cell) = r.cell(Column::Start) {
        match dates::single(cell) {
            Ok(d) => span = Some((d, None)),
            Err(message) => {
                r.fail(Column::Start, message);
                return Err(());
            }
        }
    }
    if let (Some((start, None)), Some(cell)) = (span, r.cell(Column::End)) {
        match dates::single(cell) {
            Ok(end) => span = Some((start, Some(end))),
            Err(message) => {
                r.fail(Column::End, message);
                return Err(());
            }
        }
    }
    Ok(span)
}

/// The column that holds the start date in this sheet, and the one that holds the end date.
fn date_columns(r: &RowReader<'_>) -> (Column, Column) {
    if r.cell(Column::Dates).is_some() || !r.header.has(Column::Start) {
        let end = if r.cell(Column::End).is_some() { Column::End } else { Column::Dates };
        (Column::Dates, end)
    } else {
        (Column::Start, Column::End)
    }
}

/// Sets `date`/`end_date` (and the years of a 学时认定单), checking 年度 against the date.
fn place_in_time(
    r: &mut RowReader<'_>,
    kind: ActivityKind,
    span: Result<Option<dates::Span>, ()>,
    years: Result<Option<Years>, ()>,
) {
    let (date_column, _) = date_columns(r);
    let (Ok(span), Ok(years)) = (span, years) else {
        return;
    };
    let text = |d: NaiveDate| json!(d.format("%Y-%m-%d").to_string());
    if let Some((_, Some(end))) = span {
        r.put("end_date", text(end));
    }
    if kind == ActivityKind::PriorCertificate {
        let Some(years) = years else {
            r.fail(Column::Year, "学时认定单请在此列填写认定单覆盖的年度，如 2018-2022");
            return;
        };
        r.put("from_year", json!(years.from));
        r.put("to_year", json!(years.to));
        // Without its date of issue, a 学时认定单 is placed on the last day of the years it covers.
        let date = span.map(|(d, _)| d).or_else(|| NaiveDate::from_ymd_opt(years.to, 12, 31));
        if let Some(date) = date {
            r.put("date", text(date));
        }
        return;
    }
    let Some((date, _)) = span else {
        let message = if years.is_some() {
            "只填年度不够，请填写具体日期，如 2023.10.7"
        } else {
            "请填写日期，如 2023.10.7 或 2023.10.7-2023.10.9"
        };
        r.fail(date_column, message);
        return;
    };
    r.put("date", text(date));
    match years {
        Some(y) if y.from != y.to => r.fail(Column::Year, "年度只能填一个年份（只有学时认定单可填年度范围）"),
        Some(y) if y.from != date.year() => {
            r.fail(Column::Year, format!("年度 {} 与日期 {} 不在同一年", y.from, date.format("%Y年%-m月%-d日")))
        }
        _ => {}
    }
}

/// 公需/专业, required where the kind declares it; elsewhere only 专业 (or nothing) is accepted.
fn read_category(r: &mut RowReader<'_>, kind: ActivityKind) {
    let category = match r.text(Column::Category) {
        None => None,
        Some(text) => match vocab::category(&text) {
            Ok(c) => Some(c),
            Err(message) => {
                r.fail(Column::Category, message);
                return;
            }
        },
    };
    use xueshi_core::kinds::Category;
    match (kind.declares_category(), category) {
        (true, Some(c)) => r.put("category", json!(c.code())),
        (true, None) => r.fail(Column::Category, "请填写类别：公需或专业"),
        (false, Some(Category::Public)) => {
            r.fail(Column::Category, format!("{}一律计入专业科目，类别请填“专业”或留空", vocab::kind_name(kind)))
        }
        (false, _) => {}
    }
}

/// Names the column of a field the core refused, and words its message for a spreadsheet.
fn translate(r: &RowReader<'_>, e: &LedgerError, kind: Option<ActivityKind>) -> (Option<Column>, String) {
    let (date_column, end_column) = date_columns(r);
    let column = e.field.as_deref().and_then(|field| match field {
        "id" => Some(Column::Id),
        "kind" => Some(Column::Kind),
        "title" => Some(Column::Title),
        "date" => Some(date_column),
        "end_date" => Some(end_column),
        "provider" => Some(Column::Provider),
        "note" => Some(Column::Note),
        "category" => Some(Column::Category),
        "days" => Some(Column::Days),
        "half_days" => Some(Column::HalfDays),
        "evenings" => Some(Column::Evenings),
        "hours" => Some(Column::Hours),
        "level" => Some(Column::Level),
        "role" | "rank" => Some(Column::Role),
        "venue" => Some(Column::Venue),
        "patent_type" => Some(Column::PatentType),
        "grade" | "medal" => Some(Column::Grade),
        "units" => Some(Column::Units),
        "platform" => Some(Column::Platform),
        "task" => Some(Column::Task),
        "from_year" | "to_year" => Some(Column::Year),
        _ => None,
    });
    let message = match (e.problem, kind) {
        (Problem::Missing, Some(k)) => format!("{}需要填写此项", vocab::kind_name(k)),
        (Problem::Missing | Problem::Empty, _) => "请填写此项".to_owned(),
        _ => e.message.clone(),
    };
    (column, message)
}
