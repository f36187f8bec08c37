//! The user's records: the profile and the activities with their evidence, read as the core's
//! `Ledger` and changed one transaction per call (the change log is written by triggers).

use std::collections::{BTreeMap, HashMap};

use rusqlite::{OptionalExtension, Transaction, params, params_from_iter};
use xueshi_core::{Activity, Evidence, Ledger, Profile};

use crate::error::{Result, StoreError};
use crate::open::Store;
use crate::rows::{COLUMNS, activity_from_map, to_map, values};

/// One evidence file as stored: what the ledger format says about it, plus where it lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredEvidence {
    /// The row number, to detach it.
    pub seq: i64,
    pub activity: String,
    pub file_name: String,
    pub material: String,
    pub sha256: Option<String>,
    /// Detected type (`pdf`, `jpeg` …) and size, when the file is in the vault.
    pub file_type: Option<String>,
    pub size: Option<u64>,
    pub attached_at: String,
}

impl Store {
    pub fn profile(&self) -> Result<Profile> {
        let row = self
            .conn
            .query_row(
                "SELECT name, id_number, employer, current_title, title_date, certificate_number,
                        city FROM profile WHERE id = 1",
                [],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get::<_, Option<String>>(4)?,
                        r.get(5)?,
                        r.get(6)?,
                    ))
                },
            )
            .optional()?;
        let Some((name, id_number, employer, current_title, title_date, certificate_number, city)) = row else {
            return Ok(Profile::default());
        };
        let title_date = match title_date {
            Some(t) => Some(
                xueshi_core::fields::parse_date(&t)
                    .map_err(|m| xueshi_core::LedgerError::new(None, Some("profile.title_date"), m))?,
            ),
            None => None,
        };
        Ok(Profile { name, id_number, employer, current_title, title_date, certificate_number, city })
    }

    pub fn set_profile(&mut self, p: &Profile) -> Result<()> {
        let tx = self.conn.transaction()?;
        write_profile(&tx, p)?;
        tx.commit()?;
        Ok(())
    }

    /// The whole ledger: profile and every activity in the order they were added.
    pub fn ledger(&self) -> Result<Ledger> {
        Ok(Ledger { profile: self.profile()?, activities: self.activities(None)? })
    }

    /// The whole ledger and every evidence entry with its file's type and size, each table read
    /// once (what a screen showing the records and their files needs).
    pub fn ledger_with_evidence(&self) -> Result<(Ledger, Vec<StoredEvidence>)> {
        let stored = self.all_evidence()?;
        let mut by_activity: HashMap<&str, Vec<Evidence>> = HashMap::new();
        for e in &stored {
            let evidence =
                Evidence { file: e.file_name.clone(), material: e.material.clone(), sha256: e.sha256.clone() };
            by_activity.entry(e.activity.as_str()).or_default().push(evidence);
        }
        let sql = format!("SELECT {} FROM activities ORDER BY seq", COLUMNS.join(", "));
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([], |r| to_map(r, 0))?;
        let mut activities = Vec::new();
        for row in rows {
            let mut activity = activity_from_map(row?)?;
            activity.evidence = by_activity.remove(activity.id.as_str()).unwrap_or_default();
            activities.push(activity);
        }
        Ok((Ledger { profile: self.profile()?, activities }, stored))
    }

    /// The activities, all or those of one year, with their evidence.
    pub fn activities(&self, year: Option<i32>) -> Result<Vec<Activity>> {
        let sql = format!(
            "SELECT seq, {} FROM activities WHERE ?1 IS NULL OR substr(date, 1, 4) = ?1
             ORDER BY seq",
            COLUMNS.join(", ")
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let year_text = year.map(|y| format!("{y:04}"));
        let rows = stmt.query_map([year_text], |r| Ok((r.get::<_, i64>(0)?, to_map(r, 1)?)))?;
        let mut evidence = self.evidence_by_activity()?;
        let mut out = Vec::new();
        for row in rows {
            let (seq, map) = row?;
            let mut activity = activity_from_map(map)?;
            activity.evidence = evidence.remove(&seq).unwrap_or_default();
            out.push(activity);
        }
        Ok(out)
    }

    pub fn activity(&self, id: &str) -> Result<Activity> {
        let sql = format!("SELECT seq, {} FROM activities WHERE id = ?1", COLUMNS.join(", "));
        let (seq, map) = self
            .conn
            .query_row(&sql, [id], |r| Ok((r.get::<_, i64>(0)?, to_map(r, 1)?)))
            .optional()?
            .ok_or_else(|| StoreError::NoSuchActivity(id.to_owned()))?;
        let mut activity = activity_from_map(map)?;
        activity.evidence = self.evidence_by_activity()?.remove(&seq).unwrap_or_default();
        Ok(activity)
    }

    /// Adds a new activity. Its evidence entries must either name files already in the vault (by
    /// SHA-256) or have no hash (a file named but not supplied).
    pub fn add_activity(&mut self, a: &Activity) -> Result<()> {
        let tx = self.conn.transaction()?;
        insert_activity(&tx, a)?;
        tx.commit()?;
        Ok(())
    }

    /// Adds a new activity under the next free id of its year (`2024-001` …), chosen inside the
    /// same transaction: two programs adding at once never pick the same id. Returns the id.
    pub fn add_activity_numbered(&mut self, a: &Activity) -> Result<String> {
        let tx = self.conn.transaction()?;
        let mut numbered = a.clone();
        numbered.id = next_free_id(&tx, chrono::Datelike::year(&a.date))?;
        insert_activity(&tx, &numbered)?;
        tx.commit()?;
        Ok(numbered.id)
    }

    /// Adds many activities in one transaction (all or none). Those whose id is already stored
    /// are left as they are and returned: a spreadsheet imported twice adds its records once.
    pub fn add_activities(&mut self, list: &[Activity]) -> Result<Vec<String>> {
        let tx = self.conn.transaction()?;
        let mut present = Vec::new();
        for a in list {
            if activity_seq(&tx, &a.id).is_ok() {
                present.push(a.id.clone());
            } else {
                insert_activity(&tx, a)?;
            }
        }
        tx.commit()?;
        Ok(present)
    }

    /// Replaces the fields of activity `id` with those of `new` (which may carry a new id); the
    /// evidence attached to it is kept, whatever `new.evidence` says.
    pub fn update_activity(&mut self, id: &str, new: &Activity) -> Result<()> {
        let tx = self.conn.transaction()?;
        let seq = activity_seq(&tx, id)?;
        if new.id != id && activity_seq(&tx, &new.id).is_ok() {
            return Err(StoreError::DuplicateActivity(new.id.clone()));
        }
        let assignments: Vec<String> = COLUMNS.iter().enumerate().map(|(i, c)| format!("{c} = ?{}", i + 1)).collect();
        let sql = format!(
            "UPDATE activities SET {}, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
             WHERE seq = ?{}",
            assignments.join(", "),
            COLUMNS.len() + 1
        );
        let mut vals = values(new);
        vals.push(rusqlite::types::Value::Integer(seq));
        tx.execute(&sql, params_from_iter(vals))?;
        tx.commit()?;
        Ok(())
    }

    /// Removes an activity and its evidence entries. The change log keeps both; the vault keeps
    /// the files until `vacuum`.
    pub fn remove_activity(&mut self, id: &str) -> Result<()> {
        let tx = self.conn.transaction()?;
        let seq = activity_seq(&tx, id)?;
        tx.execute("DELETE FROM activities WHERE seq = ?1", [seq])?;
        tx.commit()?;
        Ok(())
    }

    /// A free id for a new record of `year`: `2024-001`, `2024-002` …
    /// (Another program may take it before this one adds a record under it: to add a record
    /// under the next free id, use `add_activity_numbered`.)
    pub fn next_activity_id(&self, year: i32) -> Result<String> {
        next_free_id(&self.conn, year)
    }

    /// Every evidence entry of one activity, with vault details.
    pub fn evidence_of(&self, id: &str) -> Result<Vec<StoredEvidence>> {
        let seq = activity_seq(&self.conn, id)?;
        self.query_evidence("WHERE e.activity = ?1", [seq])
    }

    /// The evidence of every record in one query, ordered by record and attachment (the app's
    /// list of 1,000 records must not make 1,000 queries).
    pub fn all_evidence(&self) -> Result<Vec<StoredEvidence>> {
        self.query_evidence("", [])
    }

    fn query_evidence<P: rusqlite::Params>(&self, filter: &str, params: P) -> Result<Vec<StoredEvidence>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT e.seq, a.id, e.file_name, e.material, e.sha256, f.file_type, f.size,
                    e.attached_at
             FROM evidence e JOIN activities a ON a.seq = e.activity
             LEFT JOIN evidence_files f ON f.sha256 = e.sha256
             {filter} ORDER BY e.activity, e.seq"
        ))?;
        let rows = stmt.query_map(params, |r| {
            Ok(StoredEvidence {
                seq: r.get(0)?,
                activity: r.get(1)?,
                file_name: r.get(2)?,
                material: r.get(3)?,
                sha256: r.get(4)?,
                file_type: r.get(5)?,
                size: r.get::<_, Option<i64>>(6)?.map(|s| s.max(0) as u64),
                attached_at: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Removes one evidence entry from its activity (the file stays in the vault until `vacuum`).
    pub fn detach(&mut self, evidence_seq: i64) -> Result<()> {
        let tx = self.conn.transaction()?;
        if tx.execute("DELETE FROM evidence WHERE seq = ?1", [evidence_seq])? == 0 {
            return Err(StoreError::NoSuchEvidence(evidence_seq));
        }
        tx.commit()?;
        Ok(())
    }

    fn evidence_by_activity(&self) -> Result<BTreeMap<i64, Vec<Evidence>>> {
        let mut stmt = self.conn.prepare("SELECT activity, file_name, material, sha256 FROM evidence ORDER BY seq")?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, i64>(0)?, Evidence { file: r.get(1)?, material: r.get(2)?, sha256: r.get(3)? }))
        })?;
        let mut out: BTreeMap<i64, Vec<Evidence>> = BTreeMap::new();
        for row in rows {
            let (seq, e) = row?;
            out.entry(seq).or_default().push(e);
        }
        Ok(out)
    }
}

fn next_free_id(conn: &rusqlite::Connection, year: i32) -> Result<String> {
    let mut n = 1;
    loop {
        let id = format!("{year}-{n:03}");
        let taken: bool =
            conn.query_row("SELECT EXISTS (SELECT 1 FROM activities WHERE id = ?1)", [&id], |r| r.get(0))?;
        if !taken {
            return Ok(id);
        }
        n += 1;
    }
}

pub(crate) fn activity_seq(conn: &rusqlite::Connection, id: &str) -> Result<i64> {
    conn.query_row("SELECT seq FROM activities WHERE id = ?1", [id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| StoreError::NoSuchActivity(id.to_owned()))
}

/// Writes the profile, its city in the short form of one of Hunan's 14 市州 (常德市 → 常德); a
/// city that is none of them is refused, naming the choices.
pub(crate) fn write_profile(tx: &Transaction<'_>, p: &Profile) -> Result<()> {
    let city = match p.city.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(written) => {
            Some(xueshi_core::cities::normalize(written).ok_or_else(|| StoreError::NotACity(written.to_owned()))?)
        }
    };
    tx.execute(
        "INSERT INTO profile (id, name, id_number, employer, current_title, title_date,
                              certificate_number, city)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (id) DO UPDATE SET name = ?1, id_number = ?2, employer = ?3,
             current_title = ?4, title_date = ?5, certificate_number = ?6, city = ?7",
        params![
            p.name,
            p.id_number,
            p.employer,
            p.current_title,
            p.title_date.map(|d| d.format("%Y-%m-%d").to_string()),
            p.certificate_number,
            city
        ],
    )?;
    Ok(())
}

/// Inserts an activity and its evidence entries inside the caller's transaction.
pub(crate) fn insert_activity(tx: &Transaction<'_>, a: &Activity) -> Result<i64> {
    if activity_seq(tx, &a.id).is_ok() {
        return Err(StoreError::DuplicateActivity(a.id.clone()));
    }
    let placeholders: Vec<String> = (1..=COLUMNS.len()).map(|i| format!("?{i}")).collect();
    let sql = format!("INSERT INTO activities ({}) VALUES ({})", COLUMNS.join(", "), placeholders.join(", "));
    tx.execute(&sql, params_from_iter(values(a)))?;
    let seq = tx.last_insert_rowid();
    for e in &a.evidence {
        insert_evidence(tx, seq, &a.id, &e.file, &e.material, e.sha256.as_deref())?;
    }
    Ok(seq)
}

pub(crate) fn insert_evidence(
    tx: &Transaction<'_>,
    activity_seq: i64,
    activity_id: &str,
    file_name: &str,
    material: &str,
    sha256: Option<&str>,
) -> Result<i64> {
    if let Some(hash) = sha256 {
        let known: bool =
            tx.query_row("SELECT EXISTS (SELECT 1 FROM evidence_files WHERE sha256 = ?1)", [hash], |r| r.get(0))?;
        if !known {
            return Err(StoreError::MissingBlob { activity: activity_id.to_owned(), sha256: hash.to_owned() });
        }
    }
    tx.execute(
        "INSERT INTO evidence (activity, file_name, material, sha256) VALUES (?1, ?2, ?3, ?4)",
        params![activity_seq, file_name, material, sha256],
    )?;
    Ok(tx.last_insert_rowid())
}
