//! What a record being typed will earn under the rule set in force, before it is saved.

use xueshi_core::engine::assess;
use xueshi_core::{Hours, Ledger};

use crate::Handbook;
use crate::dto::{ActivityFields, Preview};
use crate::error::Result;

impl Handbook {
    /// The credits, hours and the record's own warnings; a record that is not valid yet gives its
    /// first problem, worded for the form. Without a plan or a rule set in force: nothing to show.
    pub fn preview(&self, fields: &ActivityFields) -> Result<Preview> {
        let empty = |error: Option<String>, warnings: Vec<String>| Preview {
            credits: Vec::new(),
            clauses: Default::default(),
            hours: Hours::ZERO,
            warnings,
            error,
        };
        let activity = match fields.to_activity(fields.id.as_deref().unwrap_or("preview")) {
            Ok(a) => a,
            Err(e) => return Ok(empty(Some(e.to_string()), Vec::new())),
        };
        let Some((set, application)) = self.current_rules()? else { return Ok(empty(None, Vec::new())) };
        let ledger = Ledger { profile: Default::default(), activities: vec![activity] };
        match assess(&ledger, set, &application) {
            Ok(a) => Ok(Preview {
                hours: a.records.first().map_or(Hours::ZERO, |r| r.hours),
                credits: a.credits,
                clauses: a.clauses,
                warnings: a.warnings.iter().filter(|w| w.activity.is_some()).map(|w| w.message.to_string()).collect(),
                error: None,
            }),
            Err(e) => Ok(empty(None, vec![e.to_string()])),
        }
    }
}
