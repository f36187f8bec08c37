//! The cells each 形式 needs (天数, 学时, 级别, 角色/排名, 等级…), read into the ledger's fields.
//! Cells in columns that the row's 形式 does not use are not imported (the template says so).

use serde_json::json;
use xueshi_core::kinds::{ActivityKind, PatentType};

use super::header::Column;
use super::row::RowReader;
use super::source::Cell;
use super::vocab::{self, normalize_value};

/// Units people type after a number: `3天`, `24学时`, `2门`.
const UNIT_WORDS: &[&str] = &[
    "天",
    "个",
    "次",
    "个晚上",
    "晚",
    "个半天",
    "学时",
    "课时",
    "学分",
    "分",
    "小时",
    "门",
    "科",
    "个模块",
    "模块",
    "项",
];

/// Reads the kind's own fields into the row's map.
pub(crate) fn read_detail(r: &mut RowReader<'_>, kind: ActivityKind, patent: Option<PatentType>) {
    use ActivityKind as K;
    match kind {
        K::Training | K::Conference | K::Practice => {
            count(r, Column::Days, "days");
            count(r, Column::HalfDays, "half_days");
            count(r, Column::Evenings, "evenings");
            // The 学时 on the proof, where it states them (2017 credits those).
            hours(r);
        }
        K::OnlineCourse => hours(r),
        K::StaffTraining => {
            hours(r);
            word(r, Column::Platform, "platform", |t| vocab::platform(t).map(|v| v.code()));
        }
        K::ExpertService => {
            count(r, Column::Days, "days");
            hours(r);
        }
        K::ResearchProject => {
            word(r, Column::Level, "level", |t| vocab::project_level(t).map(|v| v.code()));
            word(r, Column::Role, "role", |t| vocab::project_role(t).map(|v| v.code()));
        }
        K::Book => word(r, Column::Role, "role", |t| vocab::book_role(t).map(|v| v.code())),
        K::Paper => {
            word(r, Column::Role, "role", |t| vocab::paper_role(t).map(|v| v.code()));
            word(r, Column::Venue, "venue", |t| vocab::venue(t).map(|v| v.code()));
        }
        K::Patent => {
            patent_type(r, patent);
            rank(r);
        }
        K::Award => {
            word(r, Column::Level, "level", |t| vocab::project_level(t).map(|v| v.code()));
            if let Some(cell) = r.cell(Column::Grade) {
                match vocab::grade(&cell.display()) {
                    Ok(g) => r.put("grade", json!(g)),
                    Err(message) => r.fail(Column::Grade, message),
                }
            }
            rank(r);
        }
        K::DigitalExam | K::QualificationExam | K::DegreeCourse => {
            count(r, Column::Units, "units");
        }
        K::SkillContest => {
            word(r, Column::Level, "level", |t| vocab::contest_level(t).map(|v| v.code()));
            word(r, Column::Grade, "medal", |t| vocab::medal(t).map(|v| v.code()));
        }
        K::AidPosting => aid_task(r),
        K::OverseasExchange | K::PriorCertificate => {}
    }
}

/// 任务类型, or the task the 形式 names (`援疆`); the two must agree.
fn aid_task(r: &mut RowReader<'_>) {
    let from_kind = r.text(Column::Kind).and_then(|t| vocab::task_of_kind(&t).map(|task| (t, task)));
    let from_column = match r.text(Column::Task) {
        None => None,
        Some(text) => match vocab::aid_task(&text) {
            Ok(t) => Some(t),
            Err(message) => return r.fail(Column::Task, message),
        },
    };
    match (from_kind, from_column) {
        (Some((word, a)), Some(b)) if a != b => r.fail(Column::Task, format!("与形式“{}”不一致", word.trim())),
        (Some((_, t)), _) | (None, Some(t)) => r.put("task", json!(t.code())),
        (None, None) => {}
    }
}

/// A word from a closed vocabulary; an empty cell is left for the core to ask for.
fn word(r: &mut RowReader<'_>, column: Column, field: &str, parse: fn(&str) -> Result<&'static str, String>) {
    let Some(text) = r.text(column) else { return };
    match parse(&text) {
        Ok(code) => r.put(field, json!(code)),
        Err(message) => r.fail(column, message),
    }
}

fn patent_type(r: &mut RowReader<'_>, from_kind: Option<PatentType>) {
    let from_column = match r.text(Column::PatentType) {
        None => None,
        Some(text) => match vocab::patent_type(&text) {
            Ok(t) => Some(t),
            Err(message) => return r.fail(Column::PatentType, message),
        },
    };
    match (from_kind, from_column) {
        (Some(a), Some(b)) if a != b => r.fail(Column::PatentType, format!("与形式“{}”不一致", a.label())),
        (Some(t), _) | (None, Some(t)) => r.put("patent_type", json!(t.code())),
        (None, None) => {}
    }
}

/// A place among the names (`1`, `第二`, `第2发明人`, `2/5`), from the 角色/排名 column.
fn rank(r: &mut RowReader<'_>) {
    let Some(cell) = r.cell(Column::Role) else { return };
    let n = match cell {
        Cell::Number(n) if n.fract() == 0.0 && *n >= 1.0 && *n <= 1e6 => Some(*n as u32),
        Cell::Number(_) => None,
        other => vocab::ordinal(&other.display()),
    };
    match n {
        Some(n) => r.put("rank", json!(n)),
        None => r.fail(Column::Role, format!("无法识别排名“{}”，请填本人排第几，如 1 或 第一", cell.display())),
    }
}

/// A number typed in a cell, with an optional unit after it (`3天`).
fn number(cell: &Cell) -> Option<f64> {
    match cell {
        Cell::Number(n) => Some(*n),
        Cell::Text(t) => {
            let key = normalize_value(t);
            let end = key.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-')).unwrap_or(key.len());
            let (digits, unit) = key.split_at(end);
            if !unit.is_empty() && !UNIT_WORDS.contains(&unit) {
                return vocab::chinese_number(&key).map(f64::from);
            }
            digits.parse::<f64>().ok().filter(|n| n.is_finite())
        }
        _ => None,
    }
}

fn count(r: &mut RowReader<'_>, column: Column, field: &str) {
    let Some(cell) = r.cell(column) else { return };
    match number(cell) {
        Some(n) if n.fract() == 0.0 && (0.0..=1e6).contains(&n) => r.put(field, json!(n as u32)),
        Some(n) if n < 0.0 => r.fail(column, "不能是负数"),
        Some(_) if column == Column::Days => r.fail(column, "天数应为整数；半天请记在“半天数”列"),
        Some(_) => r.fail(column, "应为整数"),
        None => r.fail(column, format!("“{}”不是数字", cell.display())),
    }
}

fn hours(r: &mut RowReader<'_>) {
    let Some(cell) = r.cell(Column::Hours) else { return };
    match number(cell) {
        Some(n) => r.put("hours", json!(n)),
        None => r.fail(Column::Hours, format!("“{}”不是数字", cell.display())),
    }
}
