//! The fields a certificate's text suggests for a new record: text in (the lines of a 结业证书,
//! 学时证明 or 合格证明, read from a PDF or by OCR), suggested fields out, each with how sure it is
//! and the line it came from. Pure: nothing is read or stored here, and nothing is invented — a
//! field the text does not give is absent. The text may be an OCR's: full-width characters, stray
//! spaces, 〇/O/0 and l/1 confused are read through (see [`text`]).

mod dates;
mod hours;
mod kind;
mod number;
mod numerals;
mod people;
mod provider;
mod text;
mod title;

use chrono::NaiveDate;
use serde::Serialize;
use xueshi_core::kinds::ActivityKind;

/// One line of a certificate's text, as a reader or an OCR gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    pub text: String,
    /// The page it is on, from 0.
    pub page: usize,
    /// Where on the page: left, top, right, bottom as fractions (0..=1) of the page's width and
    /// height from its top-left corner; `None` when unknown (plain text).
    pub bbox: Option<[f32; 4]>,
}

/// A value read from the text, how sure the reading is, and where it was read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggested<T> {
    pub value: T,
    /// From 0 (a guess) to 1 (certain).
    pub confidence: f32,
    /// The index, in the lines given, of the line it was read from.
    pub line: usize,
    /// For the fields the profile also has (姓名, 身份证号): whether the value is the profile's;
    /// `None` for the other fields and when the profile has no such value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matches_profile: Option<bool>,
}

impl<T> Suggested<T> {
    pub(crate) fn new(value: T, confidence: f32, line: usize) -> Suggested<T> {
        Suggested { value, confidence: confidence.clamp(0.0, 1.0), line, matches_profile: None }
    }
}

/// The fields a certificate suggests for a record; a field the text does not give is `None`
/// (and left out when serialised). Dates serialise as `YYYY-MM-DD`, the kind as the ledger's code.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CertificateFields {
    /// The person named (学员姓名, 兹证明 X 同志 …), compared with the profile's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<Suggested<String>>,
    /// The certificate's number, dashes written `-` and letters in capitals (as the 预审 reads a
    /// number from a record's 备注).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub certificate_number: Option<Suggested<String>>,
    /// The course, programme or conference, without its quotes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Suggested<String>>,
    /// The issuing or organising body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<Suggested<String>>,
    /// The first day of the study period; the date of issue (less sure) when no period is given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Suggested<NaiveDate>>,
    /// The last day of the study period, when it is a range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<Suggested<NaiveDate>>,
    /// 学时: as printed, or 学分 converted at the rate the certificate states.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours: Option<Suggested<f64>>,
    /// 学分 as printed (whether or not the certificate says how many 学时 one is).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credits: Option<Suggested<f64>>,
    /// The likely kind of record.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<Suggested<ActivityKind>>,
    /// A 身份证号 with a valid check character. Personal data: the caller keeps it only when
    /// `matches_profile` is `Some(true)`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id_number: Option<Suggested<String>>,
}

impl CertificateFields {
    /// Each field made as much less sure as its line was to whoever read it (`sure_of(line)`, 0..=1):
    /// a line an OCR was unsure of gives an unsure field.
    pub fn scale_confidence(&mut self, sure_of: impl Fn(usize) -> f32) {
        fn scale<T>(field: &mut Option<Suggested<T>>, sure_of: &impl Fn(usize) -> f32) {
            if let Some(s) = field {
                s.confidence = (s.confidence * sure_of(s.line).clamp(0.0, 1.0)).clamp(0.0, 1.0);
            }
        }
        scale(&mut self.name, &sure_of);
        scale(&mut self.certificate_number, &sure_of);
        scale(&mut self.title, &sure_of);
        scale(&mut self.provider, &sure_of);
        scale(&mut self.date, &sure_of);
        scale(&mut self.end_date, &sure_of);
        scale(&mut self.hours, &sure_of);
        scale(&mut self.credits, &sure_of);
        scale(&mut self.kind, &sure_of);
        scale(&mut self.id_number, &sure_of);
    }
}

/// What the profile says of its person, to recognise them on a certificate.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ProfileHint<'a> {
    pub name: Option<&'a str>,
    pub id_number: Option<&'a str>,
}

/// The lines of a plain text, empty lines left out; a form feed starts a new page.
pub fn lines_of(text: &str) -> Vec<TextLine> {
    let mut lines = Vec::new();
    for (page, text) in text.split('\u{c}').enumerate() {
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            lines.push(TextLine { text: line.to_owned(), page, bbox: None });
        }
    }
    lines
}

/// The fields `lines` suggest, `profile` telling whose certificate it should be.
pub fn extract_fields(lines: &[TextLine], profile: &ProfileHint) -> CertificateFields {
    let lines = text::prepare(lines);
    let period = dates::period_or_issue(&lines);
    let (hours, credits) = hours::hours_and_credits(&lines);
    CertificateFields {
        name: people::name(&lines, profile.name),
        certificate_number: number::certificate_number(&lines),
        title: title::title(&lines),
        provider: provider::provider(&lines),
        date: period.date,
        end_date: period.end_date,
        hours,
        credits,
        kind: kind::kind(&lines),
        id_number: people::id_number(&lines, profile.id_number),
    }
}

/// The best of `candidates`: the most confident, the earliest line among equals.
fn best<T>(candidates: impl IntoIterator<Item = Suggested<T>>) -> Option<Suggested<T>> {
    candidates.into_iter().fold(None, |best: Option<Suggested<T>>, c| match best {
        Some(b) if b.confidence >= c.confidence => Some(b),
        _ => Some(c),
    })
}
