//! A record's problem as the form (or the command line's flags) shows it: the field by its
//! Chinese name, as a request to fix it.

use xueshi_core::LedgerError;
use xueshi_core::field_names::field_label;
use xueshi_core::fields::Problem;

/// `请填写“刊物”`, `“日期”… 不是有效日期`: the field named as the form labels it, worded by the
/// kind of problem (never by parsing the text).
pub fn form_message(e: &LedgerError) -> String {
    let Some(field) = e.field.as_deref() else { return e.message.clone() };
    let label = field_label(field).unwrap_or("此项");
    match e.problem {
        Problem::Missing | Problem::Empty => format!("请填写“{label}”"),
        Problem::Request => e.message.clone(),
        Problem::Invalid => format!("“{label}”{}", e.message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(activity: &str) -> LedgerError {
        let text =
            format!(r#"{{"format": "xueshi-ledger", "version": 1, "profile": {{}}, "activities": [{activity}]}}"#);
        xueshi_core::Ledger::from_json(&text).expect_err("refused")
    }

    #[test]
    fn a_missing_field_reads_as_a_request_to_fill_it_in() {
        let e = read(r#"{"id": "r1", "kind": "paper", "title": "论文", "date": "2025-01-01", "role": "first"}"#);
        assert_eq!(form_message(&e), "请填写“刊物”");
    }

    #[test]
    fn a_request_is_shown_as_the_core_words_it_and_a_bad_value_is_prefixed_with_its_field() {
        let e = read(
            r#"{"id": "r1", "kind": "training", "title": "班", "date": "2025-01-01", "category": "public", "days": 0}"#,
        );
        assert_eq!(form_message(&e), "请填写天数、半天数或晚上数，或证明上载明的学时，至少一项大于 0");
        let e = read(r#"{"id": "r1", "kind": "paper", "title": "论文", "date": "2024-02-30", "role": "first"}"#);
        assert_eq!(form_message(&e), "“日期”“2024-02-30”不是有效日期，应写成 2025-05-12 这样的年-月-日");
    }
}
