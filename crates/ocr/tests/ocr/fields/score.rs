//! What counts as a field read right, and the tables of how many were.
//!
//! A field is right when the value read is the value the certificate states, compared as the
//! record form takes it: names, titles and bodies as the same text once the form has cleaned it
//! (`xueshi_core::text::clean`, as a typed value is), the certificate number as the 预审 reads it
//! from the note the form writes (“证书编号：…”, `certificate_numbers`: letters in capitals,
//! dashes and brackets of any width alike), dates as the same day, 学时 and 学分 as the same
//! number, the kind as the same kind, the 身份证号 as the same 18 characters, a QR code's link as
//! the same text. A field the certificate states and the reading misses is wrong; so is a field
//! the reading gives that the certificate does not state (a range's end read where there is none).

use std::collections::BTreeMap;

use xueshi_core::review::certificate_numbers;
use xueshi_core::text::{Lines, clean};
use xueshi_reading::CertificateFields;

use crate::generator::Truth;

/// The fields compared, in the tables' order.
pub const FIELDS: [&str; 11] = [
    "name",
    "certificate_number",
    "title",
    "provider",
    "date",
    "end_date",
    "hours",
    "credits",
    "kind",
    "id_number",
    "qr",
];

/// How one field came out.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Right,
    /// Stated and read differently (or not read): what was read.
    Wrong(Option<String>),
    /// Not stated, yet read.
    Invented(String),
}

fn text(value: &str) -> String {
    clean(value, Lines::Single)
}

fn number(value: &str) -> String {
    certificate_numbers(&format!("证书编号：{value}")).into_iter().next().unwrap_or_default()
}

fn amount(value: f64) -> String {
    format!("{}", (value * 100.0).round() / 100.0)
}

/// Each field of a certificate stated or read, as compared: (stated, read).
fn compared(truth: &Truth, read: &CertificateFields, qr: &[String]) -> Vec<(Option<String>, Option<String>)> {
    let s = |f: &Option<xueshi_reading::Suggested<String>>| f.as_ref().map(|s| s.value.clone());
    let qr_read = match &truth.qr {
        Some(link) if qr.contains(link) => Some(link.clone()),
        _ => qr.first().cloned(),
    };
    vec![
        (truth.name.as_deref().map(text), s(&read.name).as_deref().map(text)),
        (truth.certificate_number.as_deref().map(number), s(&read.certificate_number).as_deref().map(number)),
        (truth.title.as_deref().map(text), s(&read.title).as_deref().map(text)),
        (truth.provider.as_deref().map(text), s(&read.provider).as_deref().map(text)),
        (truth.date.map(|d| d.to_string()), read.date.as_ref().map(|d| d.value.to_string())),
        (truth.end_date.map(|d| d.to_string()), read.end_date.as_ref().map(|d| d.value.to_string())),
        (truth.hours.map(amount), read.hours.as_ref().map(|h| amount(h.value))),
        (truth.credits.map(amount), read.credits.as_ref().map(|c| amount(c.value))),
        (truth.kind.map(|k| k.code().to_owned()), read.kind.as_ref().map(|k| k.value.code().to_owned())),
        (truth.id_number.clone(), s(&read.id_number)),
        (truth.qr.clone(), qr_read),
    ]
}

/// How each field of [`FIELDS`] came out; `None` for a field neither stated nor read.
pub fn outcomes(truth: &Truth, read: &CertificateFields, qr: &[String]) -> Vec<Option<Outcome>> {
    compared(truth, read, qr)
        .into_iter()
        .map(|(stated, read)| match (stated, read) {
            (None, None) => None,
            (None, Some(read)) => Some(Outcome::Invented(read)),
            (Some(stated), read) if read.as_ref() == Some(&stated) => Some(Outcome::Right),
            (Some(_), read) => Some(Outcome::Wrong(read)),
        })
        .collect()
}

/// Right and counted fields, by some key.
#[derive(Default)]
pub struct Tally {
    rows: BTreeMap<String, (usize, usize)>,
}

impl Tally {
    pub fn add(&mut self, key: &str, right: bool) {
        let row = self.rows.entry(key.to_owned()).or_default();
        row.0 += usize::from(right);
        row.1 += 1;
    }

    /// Right over counted, 0–1 (1 when nothing was counted).
    pub fn share(&self) -> f64 {
        let (right, all) = self.rows.values().fold((0, 0), |(r, a), (r2, a2)| (r + r2, a + a2));
        if all == 0 { 1.0 } else { right as f64 / all as f64 }
    }

    /// The table: one row per key with its right, counted and share.
    pub fn table(&self, heading: &str) -> String {
        let mut out = format!("{heading:<22} {:>5} {:>5} {:>7}\n", "right", "of", "share");
        for (key, (right, all)) in &self.rows {
            out.push_str(&format!("{key:<22} {right:>5} {all:>5} {:>6.1} %\n", 100.0 * *right as f64 / *all as f64));
        }
        out
    }
}

#[test]
fn a_field_is_right_as_the_form_would_take_it() {
    let truth = crate::generator::certificate(3).truth;
    let mut read = CertificateFields::default();
    let outcomes = outcomes(&truth, &read, &[]);
    assert!(outcomes.iter().flatten().all(|o| matches!(o, Outcome::Wrong(None))), "nothing read: all wrong");
    assert_eq!(number("hn—2024－0001"), "HN-2024-0001");
    assert_eq!(text(" 湖南大学\u{200b} "), "湖南大学");
    read.end_date = Some(xueshi_reading::Suggested {
        value: chrono::NaiveDate::MIN,
        confidence: 1.0,
        line: 0,
        matches_profile: None,
    });
    let no_range = Truth { end_date: None, ..truth };
    assert!(matches!(super::score::outcomes(&no_range, &read, &[])[5], Some(Outcome::Invented(_))));
}
