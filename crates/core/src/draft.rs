//! A record not checked yet — typed in the app's form, given as the command line's flags, read
//! from a spreadsheet row or a database row — and its one conversion into an [`Activity`],
//! checked exactly like a record of a ledger file.

use serde_json::{Map, Value};

use crate::fields::LedgerError;
use crate::kinds::ActivityKind;
use crate::ledger::Activity;
use crate::ledger_json::{COMMON_FIELDS, kind_fields};

/// The fields of one record in the ledger format, as given; `Activity::try_from` checks them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ActivityDraft {
    /// Names the record in errors: its id, or where it came from (`第 3 行`).
    pub owner: String,
    pub fields: Map<String, Value>,
}

impl ActivityDraft {
    pub fn new(owner: impl Into<String>, fields: Map<String, Value>) -> ActivityDraft {
        ActivityDraft { owner: owner.into(), fields }
    }

    /// A draft named by its own `id` field (`?` when it has none).
    pub fn owned_by_id(fields: Map<String, Value>) -> ActivityDraft {
        let owner = fields.get("id").and_then(Value::as_str).unwrap_or("?").to_owned();
        ActivityDraft { owner, fields }
    }

    /// Without blank values and without the fields its kind does not have (a form keeps what was
    /// typed for another kind while the user switches kinds; it is not part of this record).
    pub fn fitted_to_kind(mut self) -> ActivityDraft {
        let kind = self.fields.get("kind").and_then(Value::as_str).and_then(ActivityKind::from_code);
        self.fields.retain(|k, v| {
            let blank = v.is_null() || v.as_str().is_some_and(|s| s.trim().is_empty());
            let has =
                |kind: ActivityKind| COMMON_FIELDS.contains(&k.as_str()) || kind_fields(kind).contains(&k.as_str());
            !blank && kind.is_none_or(has)
        });
        if kind.is_some_and(|k| !k.declares_category()) {
            self.fields.remove("category");
        }
        self
    }
}

impl TryFrom<ActivityDraft> for Activity {
    type Error = LedgerError;

    fn try_from(draft: ActivityDraft) -> Result<Activity, LedgerError> {
        Activity::from_map(&draft.fields, draft.owner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn draft(value: Value) -> ActivityDraft {
        ActivityDraft::new("表单", value.as_object().cloned().unwrap_or_default())
    }

    #[test]
    fn a_draft_becomes_the_activity_a_ledger_file_with_the_same_fields_gives() {
        let fields = json!({"id": "2025-001", "kind": "training", "title": "研修班", "date": "2025-05-12",
                            "category": "professional", "days": 2});
        let from_draft = Activity::try_from(draft(fields.clone())).expect("valid");
        let text = format!(r#"{{"format": "xueshi-ledger", "version": 1, "activities": [{fields}]}}"#);
        let from_file = crate::Ledger::from_json(&text).expect("valid").activities.remove(0);
        assert_eq!(from_draft, from_file);
    }

    #[test]
    fn fitting_to_the_kind_drops_blanks_and_another_kinds_fields_but_checking_does_not() {
        let fields = json!({"id": "p1", "kind": "paper", "title": "论文", "date": "2025-01-01", "role": "first",
                            "venue": "domestic", "days": 3, "category": "public", "note": " "});
        let err = Activity::try_from(draft(fields.clone())).expect_err("a paper has no days");
        assert_eq!((err.activity.as_deref(), err.field.as_deref()), (Some("表单"), Some("days")));
        let fitted = draft(fields).fitted_to_kind();
        assert!(!fitted.fields.contains_key("days") && !fitted.fields.contains_key("category"));
        assert!(!fitted.fields.contains_key("note"), "a blank note is no note");
        assert!(Activity::try_from(fitted).is_ok());
    }
}
