//! `manifest.json`: what a package holds and what it claims. App version, the rule set with its
//! documents, the application, the full assessment, and every other file with its size and
//! SHA-256, so that `verify_package` (or a reviewer with `certutil -hashfile f SHA256`) can check it.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use serde::{Deserialize, Serialize};
use xueshi_core::{Assessment, RuleSet};

use crate::KeptFinding;
use crate::error::ExportError;
use crate::report::ReportData;

pub const MANIFEST_NAME: &str = "manifest.json";
pub const MANIFEST_FORMAT: &str = "xueshi-package";
const MANIFEST_VERSION: u32 = 1;
/// A manifest larger than this is not one of ours.
const MAX_MANIFEST_BYTES: u64 = 256 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub version: u32,
    pub app_version: String,
    /// When the package was made (local time, RFC 3339).
    pub created: String,
    pub application: ManifestApplication,
    pub rules: ManifestRules,
    /// The assessment as `xueshi assess --json` prints it.
    pub assessment: serde_json::Value,
    pub files: Vec<ManifestFile>,
    /// Evidence entries known by name only, whose files are not in the package.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_included: Vec<NotIncluded>,
    /// What the PDF and XLSX were made with, so that they can be made again and compared byte
    /// for byte (absent in packages of earlier versions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub typeset: Option<Typeset>,
}

/// The inputs of the summaries besides the data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Typeset {
    /// The 制表日期 printed, `YYYY-MM-DD` (also the PDF's creation date).
    pub date: String,
    pub mask_id: bool,
    pub incomplete_evidence_page: bool,
    /// The faces the PDF was typeset with, in order.
    pub fonts: Vec<RecordedFont>,
    /// The 预审 findings printed in the summary's appendix (absent: none, and in packages made
    /// before the appendix existed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kept_findings: Vec<KeptFinding>,
}

/// One font face: its family, the file's name (not its folder) and the face's index in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordedFont {
    pub family: String,
    pub file: String,
    pub index: u32,
}

/// An evidence entry whose file could not be included because the app never had it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotIncluded {
    pub activity: String,
    pub material: String,
    pub original_name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestApplication {
    pub year: i32,
    pub level: String,
    pub path: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestRules {
    pub id: String,
    pub name: String,
    pub doc_number: Option<String>,
    /// Every document whose clauses the assessment applied.
    pub documents: Vec<String>,
}

/// One file of the package.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestFile {
    pub path: String,
    pub size: u64,
    pub sha256: String,
    /// `summary` (the PDF and XLSX), `evidence_book` (证明材料汇编.pdf, absent in packages of
    /// earlier versions) or `evidence`.
    pub role: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub material: Option<String>,
    /// The file's name as the user knew it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_name: Option<String>,
}

impl Manifest {
    pub(crate) fn new(
        rules: &RuleSet,
        assessment: &Assessment,
        report: &ReportData,
        files: Vec<ManifestFile>,
        not_included: Vec<NotIncluded>,
        typeset: Typeset,
    ) -> Self {
        Manifest {
            format: MANIFEST_FORMAT.to_owned(),
            version: MANIFEST_VERSION,
            app_version: crate::APP_VERSION.to_owned(),
            created: chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
            application: ManifestApplication {
                year: assessment.apply_year,
                level: assessment.level.code().to_owned(),
                path: assessment.path.code().to_owned(),
            },
            rules: ManifestRules {
                id: rules.id.clone(),
                name: rules.name.clone(),
                doc_number: rules.doc_number.clone(),
                documents: report.rules.documents.clone(),
            },
            assessment: assessment_value(assessment),
            files,
            not_included,
            typeset: Some(typeset),
        }
    }

    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        // A structure of strings, numbers and JSON values always serializes.
        let mut bytes = serde_json::to_vec_pretty(self).unwrap_or_default();
        bytes.push(b'\n');
        bytes
    }
}

/// The assessment as JSON, the form kept in the manifest and compared by `verify_package`.
pub fn assessment_value(assessment: &Assessment) -> serde_json::Value {
    serde_json::to_value(assessment).unwrap_or(serde_json::Value::Null)
}

/// Reads the manifest of a package, e.g. to know which application and rule set to assess
/// afresh before verifying.
pub fn read_manifest(path: &Path) -> Result<Manifest, ExportError> {
    let file = File::open(path).map_err(ExportError::io("打开申报材料包", path))?;
    let mut archive = zip::ZipArchive::new(file)
        .map_err(|e| ExportError::NotAPackage { path: path.to_owned(), reason: e.to_string() })?;
    read_manifest_from(&mut archive)
}

pub(crate) fn read_manifest_from(archive: &mut zip::ZipArchive<File>) -> Result<Manifest, ExportError> {
    let mut entry = archive
        .by_name(MANIFEST_NAME)
        .map_err(|_| ExportError::BadManifest("没有清单，这不是学时手册导出的申报材料包".to_owned()))?;
    if entry.size() > MAX_MANIFEST_BYTES {
        return Err(ExportError::BadManifest("清单过大，这不是学时手册导出的申报材料包".to_owned()));
    }
    let mut text = Vec::with_capacity(usize::try_from(entry.size()).unwrap_or(0));
    entry
        .read_to_end(&mut text)
        .map_err(|e| ExportError::BadManifest(format!("无法读取：{}", xueshi_durable::words::reason(&e))))?;
    let manifest: Manifest = serde_json::from_slice(&text)
        .map_err(|_| ExportError::BadManifest("内容有误，文件可能已损坏或被改动过".to_owned()))?;
    if manifest.format != MANIFEST_FORMAT {
        return Err(ExportError::BadManifest("格式不对，这不是学时手册导出的申报材料包".to_owned()));
    }
    if manifest.version > MANIFEST_VERSION {
        return Err(ExportError::BadManifest(
            "这个申报材料包由更新版本的学时手册导出，请安装最新版本的学时手册后再核对".to_owned(),
        ));
    }
    Ok(manifest)
}
