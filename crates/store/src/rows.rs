//! Mapping between the core's `Activity` and a row of the `activities` table. Rows are read back
//! through `ActivityDraft`, so a record read from the database is validated exactly like one
//! read from a ledger file.

use rusqlite::Row;
use rusqlite::types::Value as Sql;
use serde_json::{Map, Value, json};
use xueshi_core::hours::Hours;
use xueshi_core::{Activity, ActivityDraft, Detail, LedgerError};

/// The columns of `activities` that hold ledger fields, in the order of `values`.
pub const COLUMNS: &[&str] = &[
    "id",
    "kind",
    "title",
    "date",
    "end_date",
    "provider",
    "note",
    "category",
    "days",
    "half_days",
    "evenings",
    "hours_x100",
    "level",
    "role",
    "venue",
    "patent_type",
    "rank",
    "grade",
    "units",
    "medal",
    "from_year",
    "to_year",
    "platform",
    "task",
];

fn text(s: &str) -> Sql {
    Sql::Text(s.to_owned())
}

fn opt_text(s: Option<&str>) -> Sql {
    s.map_or(Sql::Null, text)
}

fn int(n: impl Into<i64>) -> Sql {
    Sql::Integer(n.into())
}

/// The column values of an activity, in the order of `COLUMNS`.
pub fn values(a: &Activity) -> Vec<Sql> {
    let mut v: Vec<Sql> = vec![Sql::Null; COLUMNS.len()];
    let mut set = |name: &str, value: Sql| {
        if let Some(i) = COLUMNS.iter().position(|c| *c == name) {
            v[i] = value;
        }
    };
    set("id", text(&a.id));
    set("kind", text(a.kind.code()));
    set("title", text(&a.title));
    set("date", text(&date_text(a.date)));
    set("end_date", opt_text(a.end_date.map(date_text).as_deref()));
    set("provider", opt_text(a.provider.as_deref()));
    set("note", opt_text(a.note.as_deref()));
    set("category", opt_text(a.category.map(|c| c.code())));
    match &a.detail {
        Detail::Sessions { days, half_days, evenings, hours } => {
            set("days", int(*days));
            set("half_days", int(*half_days));
            set("evenings", int(*evenings));
            if let Some(h) = hours {
                set("hours_x100", int(h.hundredths()));
            }
        }
        Detail::Hours { hours, platform } => {
            set("hours_x100", int(hours.hundredths()));
            set("platform", opt_text(platform.map(|p| p.code())));
        }
        Detail::Research { level, role } => {
            set("level", text(level.code()));
            set("role", text(role.code()));
        }
        Detail::Book { role } => set("role", text(role.code())),
        Detail::Paper { role, venue } => {
            set("role", text(role.code()));
            set("venue", text(venue.code()));
        }
        Detail::Patent { patent_type, rank } => {
            set("patent_type", text(patent_type.code()));
            set("rank", int(*rank));
        }
        Detail::Award { level, grade, rank } => {
            set("level", text(level.code()));
            set("grade", int(*grade));
            set("rank", int(*rank));
        }
        Detail::Units { units } => set("units", int(*units)),
        Detail::Posting { task } => set("task", opt_text(task.map(|t| t.code()))),
        Detail::ExpertService { days, hours } => {
            set("days", int(*days));
            set("hours_x100", int(hours.hundredths()));
        }
        Detail::SkillContest { level, medal } => {
            set("level", text(level.code()));
            set("medal", text(medal.code()));
        }
        Detail::PriorCertificate { from_year, to_year } => {
            set("from_year", int(*from_year));
            set("to_year", int(*to_year));
        }
    }
    v
}

/// Reads the ledger fields of a row selected with `COLUMNS` (starting at column `offset`) into
/// the JSON object the ledger format uses. Zero counts are left out, as the format writes them.
pub fn to_map(row: &Row<'_>, offset: usize) -> rusqlite::Result<Map<String, Value>> {
    let mut map = Map::new();
    for (i, name) in COLUMNS.iter().enumerate() {
        let value: Sql = row.get(offset + i)?;
        let json = match value {
            Sql::Null => continue,
            Sql::Integer(0) if matches!(*name, "days" | "half_days" | "evenings" | "hours_x100") => {
                continue;
            }
            Sql::Integer(n) if *name == "hours_x100" => {
                map.insert("hours".into(), json!(Hours::from_hundredths(n)));
                continue;
            }
            Sql::Integer(n) => json!(n),
            Sql::Real(f) => json!(f),
            Sql::Text(s) => json!(s),
            Sql::Blob(_) => continue,
        };
        map.insert((*name).to_owned(), json);
    }
    Ok(map)
}

/// The activity of a row; `evidence` is filled in by the caller.
pub fn activity_from_map(map: Map<String, Value>) -> Result<Activity, LedgerError> {
    Activity::try_from(ActivityDraft::owned_by_id(map))
}

fn date_text(d: chrono::NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}
