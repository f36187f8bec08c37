//! A certificate's suggestion as the app's record form takes it: the fields filled in as the user
//! would type them (the certificate number in 备注, where the 预审 reads it), for each field how
//! sure the reading is and which line of the certificate it came from, and what the user should
//! know before saving (a certificate naming someone else). For a kind counted by days, the days
//! a date range spans are filled in too, and said, so that the hours preview has what it needs.
//! Each QR code comes with what its link is: a listed national base's platform or another site.

use chrono::NaiveDate;
use serde::Serialize;
use xueshi_core::field_names::{LedgerField, record_fields};
use xueshi_core::kinds::ActivityKind;
use xueshi_reading::{CertificateFields, Suggested};

use crate::dto::ActivityFields;
use crate::qr::QrLink;
use crate::scan::{Scan, ScannedLine, ScannedQr};

/// Where one field of the form came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FieldSource {
    /// The form's field: kind, title, provider, date, end date, hours or note.
    pub field: LedgerField,
    /// How sure the reading is, from 0 to 1.
    pub sure: f32,
    /// The line of the certificate (an index into `lines`).
    pub line: usize,
}

/// What the form shows for a certificate: nothing of it is saved until the user saves the record.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ScanForm {
    pub fields: ActivityFields,
    pub sources: Vec<FieldSource>,
    pub lines: Vec<ScannedLine>,
    /// The QR codes found on a photo or scan.
    pub qr: Vec<FormQr>,
    /// Sentences for the user: text recognised in a photo, a certificate naming someone else, a
    /// 学分 without its 学时.
    pub notes: Vec<String>,
}

/// A QR code as the form shows it: its text (never opened), its link checked against the
/// national bases' platforms, and what to tell the user about that link.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FormQr {
    pub text: String,
    /// `None` when the text is not an http or https link: it is only shown.
    pub link: Option<QrLink>,
    /// For a link: the base whose listed platform it points to, or, neutrally, that it points
    /// elsewhere.
    pub note: Option<String>,
}

impl From<ScannedQr> for FormQr {
    fn from(qr: ScannedQr) -> FormQr {
        let note = qr.link.as_ref().map(crate::qr::note);
        FormQr { text: qr.text, link: qr.link, note }
    }
}

/// Records `s` as the source of `field` and gives its value.
fn take<T>(sources: &mut Vec<FieldSource>, field: LedgerField, s: Option<Suggested<T>>) -> Option<T> {
    let s = s?;
    sources.push(FieldSource { field, sure: s.confidence, line: s.line });
    Some(s.value)
}

/// The longest date range read as days of attendance: a longer one is a period of study, not
/// days in a classroom.
const MAX_RANGE_DAYS: i64 = 31;

/// For a kind counted by days (a training, a conference, a practice…), the days a date range on
/// the certificate spans, both ends included, as the days of attendance. Less sure than the
/// dates: a range may hold half days.
fn days_of_range(
    kind: Option<&Suggested<ActivityKind>>,
    date: Option<&Suggested<NaiveDate>>,
    end: Option<&Suggested<NaiveDate>>,
) -> Option<Suggested<f64>> {
    if !record_fields(kind?.value).contains(&LedgerField::Days) {
        return None;
    }
    let (date, end) = (date?, end?);
    let days = (end.value - date.value).num_days() + 1;
    (1..=MAX_RANGE_DAYS).contains(&days).then(|| Suggested {
        value: days as f64,
        confidence: date.confidence.min(end.confidence) * 0.8,
        line: end.line,
        matches_profile: None,
    })
}

impl ScanForm {
    pub fn new(scan: Scan) -> ScanForm {
        let CertificateFields {
            name, certificate_number, title, provider, date, end_date, hours, credits, kind, ..
        } = scan.fields;
        let mut sources = Vec::new();
        let mut notes = Vec::new();
        if scan.recognised {
            notes.push("这些内容是从照片或扫描件中识别出来的，可能认错个别字：保存前请逐项对照证书核对".to_owned());
        }
        if let Some(name) = name.as_ref().filter(|n| n.matches_profile == Some(false)) {
            notes.push(format!("证书上的姓名是“{}”，与个人信息中的不同：请确认这是您本人的证书", name.value));
        }
        if hours.is_none()
            && let Some(credits) = &credits
        {
            notes.push(format!(
                "证书写的是 {} 学分，没有写明折合多少学时：请按证书或主办单位的说明填写学时",
                credits.value
            ));
        }
        let days = days_of_range(kind.as_ref(), date.as_ref(), end_date.as_ref());
        if let Some(days) = &days {
            notes.push(format!("天数按证书上的起止日期算作 {} 天：其中如有半天或晚上的安排，请按实际改正", days.value));
        }
        let fields = ActivityFields {
            kind: take(&mut sources, LedgerField::Kind, kind),
            title: take(&mut sources, LedgerField::Title, title).unwrap_or_default(),
            provider: take(&mut sources, LedgerField::Provider, provider),
            date: take(&mut sources, LedgerField::Date, date)
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            end_date: take(&mut sources, LedgerField::EndDate, end_date).map(|d| d.format("%Y-%m-%d").to_string()),
            days: take(&mut sources, LedgerField::Days, days),
            hours: take(&mut sources, LedgerField::Hours, hours),
            note: take(&mut sources, LedgerField::Note, certificate_number).map(|n| format!("证书编号：{n}")),
            ..ActivityFields::default()
        };
        ScanForm { fields, sources, lines: scan.lines, qr: scan.qr.into_iter().map(FormQr::from).collect(), notes }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use xueshi_reading::{ProfileHint, extract_fields, lines_of};

    fn form(text: &str, profile: ProfileHint) -> ScanForm {
        let lines = lines_of(text);
        let fields = extract_fields(&lines, &profile);
        let lines = lines.into_iter().map(|l| ScannedLine { text: l.text, page: l.page, bbox: l.bbox }).collect();
        ScanForm::new(Scan { fields, lines, qr: Vec::new(), recognised: false })
    }

    const CERTIFICATE: &str = "结业证书\n学员姓名：王晓梅\n于2024年5月12日至5月13日参加“数字化教学能力提升研修班”，\n完成培训16学时，考核合格，特发此证。\n证书编号：HN-2024-0001\n湖南省专业技术人员继续教育平台";

    #[test]
    fn the_form_is_filled_as_the_user_would_type_it_with_the_number_in_the_note() {
        let form = form(CERTIFICATE, ProfileHint { name: Some("王晓梅"), id_number: None });
        assert_eq!(form.fields.kind, Some(xueshi_core::kinds::ActivityKind::Training));
        assert_eq!(form.fields.title, "数字化教学能力提升研修班");
        assert_eq!(form.fields.date, "2024-05-12");
        assert_eq!(form.fields.end_date.as_deref(), Some("2024-05-13"));
        assert_eq!(form.fields.hours, Some(16.0));
        assert_eq!(form.fields.note.as_deref(), Some("证书编号：HN-2024-0001"));
        assert_eq!(form.fields.provider.as_deref(), Some("湖南省专业技术人员继续教育平台"));
        let note = form.sources.iter().find(|s| s.field == LedgerField::Note).expect("the number's source");
        assert_eq!(form.lines[note.line].text, "证书编号：HN-2024-0001");
    }

    #[test]
    fn a_trainings_date_range_gives_its_days_and_says_so() {
        let form = form(CERTIFICATE, ProfileHint { name: Some("王晓梅"), id_number: None });
        assert_eq!(form.fields.days, Some(2.0));
        let days = form.sources.iter().find(|s| s.field == LedgerField::Days).expect("the days' source");
        assert!(form.lines[days.line].text.contains("5月13日"));
        assert_eq!(form.notes, ["天数按证书上的起止日期算作 2 天：其中如有半天或晚上的安排，请按实际改正"]);
    }

    #[test]
    fn a_range_longer_than_a_month_or_a_kind_not_counted_by_days_gives_no_days() {
        let long = CERTIFICATE.replace("至5月13日", "至7月13日");
        assert_eq!(form(&long, ProfileHint::default()).fields.days, None);
        let online =
            "学时证明\n张三于2025年3月1日至2025年3月5日在湖南省专业技术人员继续教育平台完成网络课程学习，计20学时。";
        let form = form(online, ProfileHint::default());
        assert_ne!(form.fields.kind, Some(ActivityKind::Training));
        assert_eq!(form.fields.days, None);
    }

    #[test]
    fn a_certificate_naming_someone_else_is_said_before_saving() {
        let form = form(CERTIFICATE, ProfileHint { name: Some("李四"), id_number: None });
        assert_eq!(form.notes[0], "证书上的姓名是“王晓梅”，与个人信息中的不同：请确认这是您本人的证书");
    }

    #[test]
    fn credits_without_a_rate_leave_the_hours_to_the_user_and_say_so() {
        let form = form(
            "学分证明\n兹证明张三参加“心血管新进展”学术会议，授予Ⅰ类学分2分。\n2025年3月8日",
            ProfileHint::default(),
        );
        assert_eq!(form.fields.hours, None);
        assert!(form.notes.iter().any(|n| n.contains("2 学分") && n.contains("填写学时")), "{:?}", form.notes);
    }
}
