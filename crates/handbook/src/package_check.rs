//! Checking a submission package: against its own manifest, and against the records it was made
//! from (a data folder's, or a ledger file with its folder of evidence) — the file list, every
//! evidence file, the summaries typeset again, the assessment — saying what was not checked.

use std::path::Path;

use xueshi_core::kinds::{ApplicationPath, Level};
use xueshi_core::{Application, Ledger, assess};
use xueshi_export::{DataReference, Difference, VerifyReport, read_manifest, verify_package, verify_package_against};

use crate::export_job::EvidenceAt;
use crate::rules::Rules;

/// What a check found, and what it could not check (besides what the report itself lists).
pub struct PackageCheck {
    pub report: VerifyReport,
    pub unchecked: Vec<String>,
}

impl PackageCheck {
    /// Whether a difference is between the package and today's records (rather than damage to the
    /// package itself): then exporting again after a change is the likely answer.
    pub fn records_differ(&self) -> bool {
        self.report.differences.iter().any(|d| {
            matches!(
                d,
                Difference::DiffersFromRecords { .. }
                    | Difference::MissingFromPackage { .. }
                    | Difference::NotInRecords { .. }
                    | Difference::Assessment { .. }
            )
        })
    }
}

/// The records a package is checked against: the ledger and where its evidence is (`None`: the
/// files cannot be compared, with the reason), or why there are no records (`Err`).
pub type Records = Result<(Ledger, Result<EvidenceAt, String>), String>;

/// Checks `file`. The rule set the manifest names is looked up in `rules` (the built-in sets and
/// the user's rule files); the application and the unit's window are the manifest's.
pub fn check_package(file: &Path, rules: &Rules, records: Records, font: Option<&Path>) -> PackageCheck {
    let mut unchecked = Vec::new();
    let report = match prepare(file, rules, records) {
        Ok((ledger, evidence, application, set)) => match assess(&ledger, set, &application) {
            Ok(assessment) => match evidence {
                Ok(evidence) => {
                    let source = evidence.source();
                    let data = DataReference {
                        ledger: &ledger,
                        rules: set,
                        assessment: &assessment,
                        evidence: source.as_ref(),
                        font_path: font,
                    };
                    verify_package_against(file, &data)
                }
                Err(why) => {
                    unchecked.push(format!("证明材料和学时汇总表：{why}"));
                    verify_package(file, Some(&assessment))
                }
            },
            Err(e) => {
                unchecked.push(format!("评估结果、文件列表和学时汇总表：{e}"));
                verify_package(file, None)
            }
        },
        Err(why) => {
            if !why.is_empty() {
                unchecked.push(format!("评估结果、文件列表和学时汇总表：{why}"));
            }
            verify_package(file, None)
        }
    };
    unchecked.extend(report.unchecked.iter().cloned());
    PackageCheck { report, unchecked }
}

/// The records, their evidence, the application and the rule set the manifest names; or why the
/// package can only be checked against its own manifest (empty when the package is unreadable,
/// which `verify_package` reports itself).
#[allow(clippy::type_complexity)]
fn prepare<'r>(
    file: &Path,
    rules: &'r Rules,
    records: Records,
) -> Result<(Ledger, Result<EvidenceAt, String>, Application, &'r xueshi_core::RuleSet), String> {
    let manifest = read_manifest(file).map_err(|_| String::new())?;
    let (Some(level), Some(path)) =
        (Level::from_code(&manifest.application.level), ApplicationPath::from_code(&manifest.application.path))
    else {
        return Err("清单中的参评级别或途径无法识别".into());
    };
    let Some(set) = rules.book.get(&manifest.rules.id) else {
        return Err(format!(
            "申报材料包所用的规则集《{}》既不是内置规则集，也不在数据文件夹保存的规则文件中，无法重新评估和核对",
            manifest.rules.name
        ));
    };
    let (ledger, evidence) = records?;
    let application = Application::new(manifest.application.year, level, path);
    let application = crate::packaged_window::as_packaged(application, &manifest.assessment);
    Ok((ledger, evidence, application, set))
}
