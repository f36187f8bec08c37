//! Checking a package: every file against `manifest.json` (size and SHA-256, read in one stream
//! each), files the manifest lists but the package lacks, files the package has but the manifest
//! does not list, and the manifest's assessment against a fresh one. Every difference is reported.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::fs::File;
use std::path::{Path, PathBuf};

use xueshi_core::Assessment;

use crate::hashing::hash_reader;
use crate::manifest::{MANIFEST_NAME, Manifest, ManifestFile, assessment_value, read_manifest_from};

/// At most this many differences of the assessment are listed.
const MAX_ASSESSMENT_DIFFERENCES: usize = 50;

/// One way in which a package differs from what its manifest says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Difference {
    /// The package cannot be read at all, or its manifest is missing or invalid.
    Unreadable(String),
    Missing {
        path: String,
    },
    Extra {
        path: String,
    },
    Changed {
        path: String,
        expected_size: u64,
        size: u64,
        expected_sha256: String,
        sha256: String,
    },
    /// The member cannot be read back (e.g. its ZIP checksum fails).
    Damaged {
        path: String,
        reason: String,
    },
    /// A name that would leave the folder it is unpacked into (absolute, drive-prefixed, `..`).
    UnsafePath {
        path: String,
    },
    /// A name the central directory lists more than once: unpacking programs disagree on which
    /// copy they show.
    Duplicate {
        path: String,
    },
    /// A member with a local header but no entry in the central directory: invisible to this
    /// check's ZIP reader, yet some unpacking programs extract it.
    Hidden {
        path: String,
        offset: u64,
    },
    /// The ZIP's layout is not what the exporter writes (bytes outside any member, a member
    /// whose local name differs from its listed one …).
    Structure {
        reason: String,
    },
    /// A file of the package that the owner's records do not have (at that path).
    NotInRecords {
        path: String,
    },
    /// A file the owner's records would put in the package, missing from it (and its manifest).
    MissingFromPackage {
        path: String,
    },
    /// A file whose content differs from what the owner's records hold or make (the evidence's
    /// SHA-256 in the records, or the summaries typeset again).
    DiffersFromRecords {
        path: String,
        detail: String,
    },
    /// A field of the manifest's assessment differs from the fresh assessment.
    Assessment {
        field: String,
        in_package: String,
        now: String,
    },
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Difference::Unreadable(reason) => write!(f, "无法检查：{reason}"),
            Difference::Missing { path } => write!(f, "缺少文件：{path}（清单中有，申报材料包中没有）"),
            Difference::Extra { path } => write!(f, "多出文件：{path}（申报材料包中有，清单中没有）"),
            Difference::Changed { path, expected_size, size, expected_sha256, sha256 } => {
                write!(
                    f,
                    "内容已改变：{path}（清单：{expected_size} 字节 {expected_sha256}；实际：{size} 字节 {sha256}）"
                )
            }
            Difference::Damaged { path, reason } => write!(f, "文件已损坏：{path}（{reason}）"),
            Difference::UnsafePath { path } => write!(f, "不安全的路径：{path}（解压时会写到文件夹之外）"),
            Difference::Duplicate { path } => {
                write!(
                    f,
                    "重复的文件名：{path}（申报材料包中有两份同名文件（Windows 不区分大小写），不同的解压程序会取出不同的一份）"
                )
            }
            Difference::Hidden { path, offset } => {
                write!(f, "隐藏的文件：{path}（位于第 {offset} 字节，ZIP 目录中没有列出，但有的解压程序会取出它）")
            }
            Difference::Structure { reason } => write!(f, "ZIP 结构异常：{reason}"),
            Difference::NotInRecords { path } => write!(f, "数据文件夹的记录中没有：{path}（申报材料包中有）"),
            Difference::MissingFromPackage { path } => {
                write!(f, "申报材料包中缺少：{path}（按数据文件夹中的记录应当有，申报材料包和清单中都没有）")
            }
            Difference::DiffersFromRecords { path, detail } => {
                write!(f, "与数据文件夹中的记录不一致：{path}（{detail}）")
            }
            Difference::Assessment { field, in_package, now } => {
                write!(f, "评估结果不一致：{field}（申报材料包中：{in_package}；重新评估：{now}）")
            }
        }
    }
}

/// The result of `verify_package`.
#[derive(Debug, Clone, PartialEq)]
pub struct VerifyReport {
    pub path: PathBuf,
    pub manifest: Option<Manifest>,
    /// Files that match the manifest.
    pub matching: usize,
    /// Whether the assessment was compared with a fresh one.
    pub assessment_checked: bool,
    /// Whether the file list and every evidence file's SHA-256 were compared with the owner's
    /// records (`verify_package_against`).
    pub records_checked: bool,
    /// Whether the PDF and XLSX were typeset again from the records and compared byte for byte.
    pub summaries_checked: bool,
    /// What could not be checked, and why, in words.
    pub unchecked: Vec<String>,
    pub differences: Vec<Difference>,
}

impl VerifyReport {
    /// What was checked, in words, one item each.
    pub fn checked(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.manifest.is_none() {
            return out;
        }
        out.push("ZIP 结构（有无重名、隐藏或指向解压文件夹之外的文件）".to_owned());
        out.push("申报材料包中每个文件的大小和 SHA-256，与清单（manifest.json）对照".to_owned());
        if self.assessment_checked {
            out.push("清单中的评估结果，与按现有记录重新评估的结果对照".to_owned());
        }
        if self.records_checked {
            out.push("文件列表和每个证明材料的 SHA-256，与数据文件夹中的记录对照".to_owned());
        }
        if self.summaries_checked {
            out.push(
                "学时汇总表 PDF 和 Excel（以及证明材料汇编，申报材料包中有时），与按数据文件夹中的记录重新生成的结果逐字节比较"
                    .to_owned(),
            );
        }
        out
    }

    /// Whether everything was checked: the package against its manifest and the manifest against
    /// the owner's records, summaries included.
    pub fn fully_checked(&self) -> bool {
        self.manifest.is_some() && self.assessment_checked && self.records_checked && self.summaries_checked
    }

    pub fn is_ok(&self) -> bool {
        self.differences.is_empty()
    }
}

/// Checks the package at `path` against its manifest, and the manifest's assessment against
/// `fresh` when given. Never fails: problems are differences in the report.
pub fn verify_package(path: &Path, fresh: Option<&Assessment>) -> VerifyReport {
    let mut report = VerifyReport {
        path: path.to_owned(),
        manifest: None,
        matching: 0,
        assessment_checked: false,
        records_checked: false,
        summaries_checked: false,
        unchecked: Vec::new(),
        differences: Vec::new(),
    };
    let opened = File::open(path).and_then(|f| Ok((f.try_clone()?, f)));
    let (mut file, zip_file) = match opened {
        Ok(f) => f,
        Err(e) => {
            report.differences.push(Difference::Unreadable(format!("无法打开“{}”：{e}", path.display())));
            return report;
        }
    };
    let mut archive = match zip::ZipArchive::new(zip_file) {
        Ok(a) => a,
        Err(e) => {
            report.differences.push(Difference::Unreadable(format!("“{}”不是可读的 ZIP 文件：{e}", path.display())));
            return report;
        }
    };
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    report.differences.extend(crate::zipscan::scan(&mut file, len));
    let manifest = match read_manifest_from(&mut archive) {
        Ok(m) => m,
        Err(e) => {
            report.differences.push(Difference::Unreadable(e.to_string()));
            return report;
        }
    };
    check_files(&mut archive, &manifest, &mut report);
    if let Some(fresh) = fresh {
        report.assessment_checked = true;
        let mut found = Vec::new();
        let in_package = crate::assessment_diff::in_todays_form(&manifest.assessment);
        crate::assessment_diff::diff("", &in_package, &assessment_value(fresh), &mut found);
        let more = found.len().saturating_sub(MAX_ASSESSMENT_DIFFERENCES);
        report.differences.extend(found.into_iter().take(MAX_ASSESSMENT_DIFFERENCES));
        if more > 0 {
            report.differences.push(Difference::Assessment {
                field: format!("……另有 {more} 处"),
                in_package: String::new(),
                now: String::new(),
            });
        }
    }
    report.unchecked.push(
        "清单本身是否被改过：没有与数据文件夹中的记录核对时无法判断（改动一个文件后重算清单中的 SHA-256、把一个文件连同它在清单中的一行删去、或换掉学时汇总表，都查不出来）"
            .to_owned(),
    );
    report.manifest = Some(manifest);
    report
}

fn check_files(archive: &mut zip::ZipArchive<File>, manifest: &Manifest, report: &mut VerifyReport) {
    let listed: HashMap<&str, &ManifestFile> = manifest.files.iter().map(|f| (f.path.as_str(), f)).collect();
    let mut seen = HashSet::with_capacity(listed.len());
    for index in 0..archive.len() {
        let mut entry = match archive.by_index(index) {
            Ok(e) => e,
            Err(e) => {
                report.differences.push(Difference::Damaged { path: format!("#{}", index + 1), reason: e.to_string() });
                continue;
            }
        };
        let name = match entry.name() {
            Ok(n) => n.into_owned(),
            Err(e) => {
                report.differences.push(Difference::Damaged { path: format!("#{}", index + 1), reason: e.to_string() });
                continue;
            }
        };
        if entry.is_dir() || name == MANIFEST_NAME {
            continue;
        }
        let Some(expected) = listed.get(name.as_str()) else {
            report.differences.push(Difference::Extra { path: name });
            continue;
        };
        if !seen.insert(name.clone()) {
            report.differences.push(Difference::Extra { path: format!("{name}（重复）") });
            continue;
        }
        match hash_reader(&mut entry) {
            Ok((sha256, size)) if size == expected.size && sha256.eq_ignore_ascii_case(&expected.sha256) => {
                report.matching += 1;
            }
            Ok((sha256, size)) => report.differences.push(Difference::Changed {
                path: name,
                expected_size: expected.size,
                size,
                expected_sha256: expected.sha256.clone(),
                sha256,
            }),
            Err(e) => report.differences.push(Difference::Damaged { path: name, reason: e.to_string() }),
        }
    }
    for f in &manifest.files {
        if !seen.contains(&f.path) {
            report.differences.push(Difference::Missing { path: f.path.clone() });
        }
    }
    // Every package has both summaries: a manifest without them was cut down.
    for name in [crate::PDF_NAME, crate::XLSX_NAME] {
        if !listed.contains_key(name) {
            report.differences.push(Difference::Missing { path: name.to_owned() });
        }
    }
}
