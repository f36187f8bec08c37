//! The database schema as an ordered list of migrations (`rusqlite_migration`, tracked in
//! `PRAGMA user_version`). Each migration is a SQL file that starts by saying why it exists.
//! Never edit a released migration: add a new one, and a fixture for it in the tests.

use rusqlite_migration::{M, Migrations};

/// `PRAGMA application_id` of a 学时手册 database: `xues` in ASCII.
pub const APPLICATION_ID: i64 = 0x7875_6573;

/// All migrations, oldest first. Migration `n` (1-based) brings the schema to `user_version = n`.
pub static MIGRATIONS: &[M<'static>] = &[
    M::up(include_str!("001_initial.sql"))
        .comment("initial schema: profile, applications, activities, evidence, confirmations, change log"),
    M::up(include_str!("002_rule_fidelity.sql"))
        .comment("platform and task of a record, the unit's own window of a plan, 市州 in short form"),
    M::up(include_str!("003_settings.sql")).comment("the user's settings: the upload kit's size limit"),
];

/// The schema version this program writes.
pub fn latest() -> i64 {
    MIGRATIONS.len() as i64
}

pub fn migrations() -> Migrations<'static> {
    Migrations::from_slice(MIGRATIONS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_migrations_are_valid_sql_applied_in_order() {
        assert!(migrations().validate().is_ok());
    }
}
