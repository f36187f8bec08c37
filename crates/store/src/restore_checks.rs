//! What a database must be before it may replace the user's: exactly the schema this program's
//! migrations build (no trigger, view, index or table of its own, none redefined), every foreign
//! key satisfied, every value within its column's constraints and every stored SHA-256 a real one (64 lowercase hex digits, never a path).
//! A crafted backup could otherwise carry a trigger that later erases the change log, or a
//! "hash" that makes an export read any file on the computer.

use std::collections::BTreeMap;
use std::path::Path;

use rusqlite::Connection;
use rusqlite_migration::Migrations;

use crate::error::{Result, StoreError};
use crate::migrations::MIGRATIONS;
use crate::vault::is_sha256;

/// At most this many problems are named in the message (the rest are counted).
const NAMED: usize = 10;

/// Checks `conn` (the database in `file`, at schema `version`) as described above.
pub(crate) fn check(conn: &Connection, file: &Path, version: i64) -> Result<()> {
    let mut problems = schema_differences(conn, version)?;
    if problems.is_empty() {
        // The tables are this program's: these queries mean what they say.
        problems.extend(bad_hashes(conn)?);
        problems.extend(broken_references(conn)?);
    }
    problems.extend(integrity_problems(conn)?);
    if problems.is_empty() {
        return Ok(());
    }
    let more = problems.len().saturating_sub(NAMED);
    problems.truncate(NAMED);
    let mut detail = problems.join("；");
    if more > 0 {
        detail.push_str(&format!("；另有 {more} 处问题"));
    }
    Err(StoreError::Unrestorable { path: file.to_owned(), detail })
}

/// What `PRAGMA integrity_check` finds (on a writable connection it checks CHECK, NOT NULL
/// and the STRICT column types too), in words.
fn integrity_problems(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let lines = stmt.query_map([], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
    if lines.len() == 1 && lines[0] == "ok" {
        return Ok(Vec::new());
    }
    Ok(lines.iter().map(|line| integrity_words(line)).collect())
}

/// SQLite's line in words the user can read (the table and column are the program's own names,
/// left out).
fn integrity_words(line: &str) -> String {
    let words = if line.starts_with("CHECK constraint failed in ") {
        "有超出允许范围的值"
    } else if line.starts_with("NULL value in ") {
        "有不允许的空值"
    } else if line.starts_with("non-") && line.contains(" value in ") {
        "有类型不对的值"
    } else {
        "文件已损坏"
    };
    words.to_owned()
}

/// `sqlite_schema` as (type, name) → SQL text, leaving out the row numbers of the pages.
type Schema = BTreeMap<(String, String), Option<String>>;

fn schema_of(conn: &Connection) -> Result<Schema> {
    let mut stmt = conn.prepare("SELECT type, name, sql FROM sqlite_schema")?;
    let rows = stmt.query_map([], |r| Ok(((r.get(0)?, r.get(1)?), r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The objects that differ from those the migrations up to `version` create, each named.
fn schema_differences(conn: &Connection, version: i64) -> Result<Vec<String>> {
    let mut expected_db = Connection::open_in_memory()?;
    let upto = usize::try_from(version).unwrap_or(0).min(MIGRATIONS.len());
    Migrations::from_slice(&MIGRATIONS[..upto]).to_latest(&mut expected_db)?;
    let expected = schema_of(&expected_db)?;
    let found = schema_of(conn)?;
    let mut out = Vec::new();
    for ((kind, name), sql) in &found {
        match expected.get(&(kind.clone(), name.clone())) {
            None => out.push(format!("多出了学时手册没有的{}", kind_label(kind))),
            Some(want) if want != sql => out.push(format!("有{}的定义与学时手册的不同", kind_label(kind))),
            Some(_) => {}
        }
    }
    for (kind, name) in expected.keys() {
        if !found.contains_key(&(kind.clone(), name.clone())) {
            out.push(format!("缺少学时手册的{}", kind_label(kind)));
        }
    }
    Ok(out)
}

fn kind_label(kind: &str) -> &str {
    match kind {
        "table" => "表",
        "index" => "索引",
        "trigger" => "触发器",
        "view" => "视图",
        _ => "数据结构",
    }
}

/// Stored SHA-256 values that are not 64 lowercase hex digits, named by record and file.
fn bad_hashes(conn: &Connection) -> Result<Vec<String>> {
    let mut out = Vec::new();
    let mut stmt = conn.prepare(
        "SELECT a.id, e.file_name, e.sha256 FROM evidence e LEFT JOIN activities a ON a.seq = e.activity
         WHERE e.sha256 IS NOT NULL ORDER BY e.seq",
    )?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, Option<String>>(0)?, r.get::<_, String>(1)?, value_text(r.get_ref(2)?))))?;
    for row in rows {
        let (activity, file, hash) = row?;
        if !hash.as_deref().is_some_and(is_sha256) {
            out.push(format!("记录 {} 的证明材料“{file}”的校验值无效", activity.as_deref().unwrap_or("（不存在）")));
        }
    }
    let mut stmt = conn.prepare("SELECT sha256 FROM evidence_files")?;
    let hashes = stmt.query_map([], |r| value_text(r.get_ref(0)?).ok_or(rusqlite::Error::InvalidQuery))?;
    let mut bad_files = 0usize;
    for hash in hashes {
        if !hash.ok().as_deref().is_some_and(is_sha256) {
            bad_files += 1;
        }
    }
    if bad_files > 0 {
        out.push(format!("有 {bad_files} 份证明材料的校验值无效"));
    }
    Ok(out)
}

/// A column's value as text when it is text (valid UTF-8); `None` for anything else.
fn value_text(value: rusqlite::types::ValueRef<'_>) -> Option<String> {
    match value {
        rusqlite::types::ValueRef::Text(t) => std::str::from_utf8(t).ok().map(str::to_owned),
        _ => None,
    }
}

/// Rows whose foreign key names a row that does not exist (`PRAGMA foreign_key_check`), counted
/// (the tables are the program's own names, of no use to the user).
fn broken_references(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
    let broken = stmt.query_map([], |_| Ok(()))?.collect::<rusqlite::Result<Vec<()>>>()?.len();
    Ok(if broken == 0 {
        Vec::new()
    } else {
        vec![format!("有 {broken} 处数据引用了不存在的记录或材料")]
    })
}
