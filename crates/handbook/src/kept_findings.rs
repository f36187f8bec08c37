//! The 预审 findings the applicant keeps as they are, with an explanation: chosen in the export
//! dialog (or by number on the command line) and printed as an appendix of the PDF summary. The
//! choice names a finding by what it is about (kind, records, year), and the appendix takes the
//! wording of the same finding from a fresh 预审, so that it always says what is true now.

use serde::Deserialize;
use xueshi_core::kinds::FindingKind;
use xueshi_core::review::Finding;
use xueshi_export::KeptFinding;

/// One finding the applicant keeps, and why.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct KeepFinding {
    pub kind: FindingKind,
    /// The ids of the records it concerns, as the 预审 gave them.
    pub records: Vec<String>,
    pub year: Option<i32>,
    /// The applicant's explanation (may be empty).
    #[serde(default)]
    pub note: String,
}

/// The longest explanation kept, in characters: a table cell of the appendix, not a letter.
pub const NOTE_MAX_CHARS: usize = 200;

impl KeepFinding {
    /// The choice for `finding`, with `note`.
    pub fn of(finding: &Finding, note: &str) -> KeepFinding {
        KeepFinding { kind: finding.kind, records: finding.records.clone(), year: finding.year, note: note.to_owned() }
    }

    fn is(&self, finding: &Finding) -> bool {
        self.kind == finding.kind && self.records == finding.records && self.year == finding.year
    }
}

/// The appendix's entries: each of `findings` the applicant keeps, in the 预审's order, with its
/// explanation (trimmed, at most [`NOTE_MAX_CHARS`]). A choice matching no finding (fixed since
/// the dialog showed it) is left out: there is nothing left to explain.
pub fn kept_findings(findings: &[Finding], kept: &[KeepFinding]) -> Vec<KeptFinding> {
    findings
        .iter()
        .filter_map(|finding| {
            let choice = kept.iter().find(|k| k.is(finding))?;
            Some(KeptFinding {
                kind: finding.kind.label().to_owned(),
                message: finding.message.clone(),
                note: choice.note.trim().chars().take(NOTE_MAX_CHARS).collect(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(kind: FindingKind, records: &[&str], message: &str) -> Finding {
        Finding {
            kind,
            records: records.iter().map(|r| (*r).to_owned()).collect(),
            year: None,
            message: message.to_owned(),
            action: "核对".to_owned(),
        }
    }

    #[test]
    fn a_kept_finding_takes_the_reviews_wording_and_the_applicants_note() {
        let findings = [
            finding(FindingKind::SameFile, &["a", "b"], "两条记录用了同一文件"),
            finding(FindingKind::PaperWithoutIssn, &["c"], "论文没有刊号"),
        ];
        let kept = [KeepFinding::of(&findings[1], "  内部刊物，单位已盖章证明  ")];
        assert_eq!(
            kept_findings(&findings, &kept),
            [KeptFinding {
                kind: FindingKind::PaperWithoutIssn.label().to_owned(),
                message: "论文没有刊号".to_owned(),
                note: "内部刊物，单位已盖章证明".to_owned(),
            }]
        );
    }

    #[test]
    fn a_choice_for_a_finding_fixed_since_is_left_out() {
        let before = finding(FindingKind::SameFile, &["a", "b"], "两条记录用了同一文件");
        let now = [finding(FindingKind::SameFile, &["a", "c"], "两条记录用了同一文件")];
        assert!(kept_findings(&now, &[KeepFinding::of(&before, "")]).is_empty());
    }

    #[test]
    fn kept_findings_follow_the_reviews_order_and_long_notes_are_cut() {
        let findings = [finding(FindingKind::SameFile, &["a"], "一"), finding(FindingKind::SameFile, &["b"], "二")];
        let long = "说".repeat(NOTE_MAX_CHARS + 50);
        let kept = [KeepFinding::of(&findings[1], &long), KeepFinding::of(&findings[0], "")];
        let appendix = kept_findings(&findings, &kept);
        assert_eq!(appendix.iter().map(|k| k.message.as_str()).collect::<Vec<_>>(), ["一", "二"]);
        assert_eq!(appendix[1].note.chars().count(), NOTE_MAX_CHARS);
    }
}
