//! `xueshi export --keep-finding N[:说明]`: the 预审 findings the applicant keeps, named by their
//! number in `xueshi review` (the same request gives the same findings in the same order).

use xueshi_core::review::Finding;
use xueshi_handbook::KeepFinding;

use crate::CliError;

/// The findings `args` name (`3`, `3:说明`, `3：说明`), each with its explanation.
pub fn choices(args: &[String], findings: &[Finding]) -> Result<Vec<KeepFinding>, CliError> {
    args.iter().map(|arg| choice(arg, findings)).collect()
}

fn choice(arg: &str, findings: &[Finding]) -> Result<KeepFinding, CliError> {
    let (number, note) = match arg.split_once([':', '：']) {
        Some((number, note)) => (number, note),
        None => (arg, ""),
    };
    let n: usize = number
        .trim()
        .parse()
        .map_err(|_| CliError::Input(format!("--keep-finding 应写预审问题的编号，如 2 或“2:说明”，而不是“{arg}”")))?;
    match n.checked_sub(1).and_then(|i| findings.get(i)) {
        Some(finding) => Ok(KeepFinding::of(finding, note)),
        None if findings.is_empty() => {
            Err(CliError::Input(format!("--keep-finding {n}：预审没有发现问题，不需要说明")))
        }
        None => Err(CliError::Input(format!(
            "--keep-finding {n}：预审只发现 {} 个问题，编号从 1 到 {}（用 xueshi review 查看）",
            findings.len(),
            findings.len()
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use xueshi_core::kinds::FindingKind;

    fn findings() -> Vec<Finding> {
        ["一", "二"]
            .iter()
            .map(|m| Finding {
                kind: FindingKind::SameFile,
                records: vec![(*m).to_owned()],
                year: None,
                message: (*m).to_owned(),
                action: String::new(),
            })
            .collect()
    }

    #[test]
    fn a_number_names_the_reviews_finding_and_what_follows_a_colon_is_the_note() {
        let kept = choices(&["2：单位已出具证明".to_owned(), "1".to_owned()], &findings()).unwrap();
        assert_eq!(kept, [KeepFinding::of(&findings()[1], "单位已出具证明"), KeepFinding::of(&findings()[0], "")]);
    }

    #[test]
    fn a_number_beyond_the_findings_says_how_many_there_are() {
        let error = choices(&["3".to_owned()], &findings()).unwrap_err().to_string();
        assert_eq!(error, "--keep-finding 3：预审只发现 2 个问题，编号从 1 到 2（用 xueshi review 查看）");
        let error = choices(&["二".to_owned()], &findings()).unwrap_err().to_string();
        assert!(error.contains("应写预审问题的编号"), "{error}");
    }
}
