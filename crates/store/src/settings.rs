//! The user's settings, kept as named text values in the `settings` table; what each one means,
//! its type, default and allowed range belong to the application layer (`xueshi_handbook::Settings`).

use rusqlite::{OptionalExtension, params};

use crate::error::Result;
use crate::open::Store;

impl Store {
    /// The value stored under `key`, or `None` when the user never set it.
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self.conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0)).optional()?)
    }

    /// Stores `value` under `key`, replacing what was there.
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2",
            params![key, value],
        )?;
        Ok(())
    }
}
