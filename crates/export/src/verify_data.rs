//! Checking a package against the owner's data, which a forger who re-hashes the manifest cannot
//! fake: the package's file list and every evidence file's SHA-256 against the records (the hash
//! each evidence entry was stored under), and the PDF and XLSX (and 证明材料汇编.pdf, in packages
//! that have it) typeset again from the records with the date, options and fonts the manifest
//! records, compared byte for byte.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use xueshi_core::{Assessment, Ledger, RuleSet};

use crate::book_split::{BookSplit, YEAR_BOOKS_FOLDER, render_evidence_books};
use crate::evidence_book::EVIDENCE_BOOK_NAME;
use crate::evidence_plan::plan_evidence;
use crate::fonts::FontSet;
use crate::hashing::{digest, hash_reader};
use crate::manifest::{Manifest, ManifestFile, Typeset};
use crate::package::{PDF_NAME, XLSX_NAME, recorded_fonts};
use crate::pdf::render_pdf;
use crate::report::ReportData;
use crate::source::EvidenceSource;
use crate::verify::{Difference, VerifyReport, verify_package};
use crate::xlsx::render_xlsx;
use crate::{ExportOptions, PackageInput};

/// The owner's data, as it is now, to check a package against.
pub struct DataReference<'a> {
    pub ledger: &'a Ledger,
    /// The rule set the manifest names.
    pub rules: &'a RuleSet,
    /// The assessment of `ledger` under `rules` for the manifest's application.
    pub assessment: &'a Assessment,
    /// The evidence files (the vault).
    pub evidence: &'a dyn EvidenceSource,
    /// A font file or folder, as given to the export.
    pub font_path: Option<&'a Path>,
}

/// [`verify_package`], then the package against `data`: every difference is in the report, and
/// `records_checked`, `summaries_checked` and `unchecked` say how far the comparison went.
pub fn verify_package_against(path: &Path, data: &DataReference<'_>) -> VerifyReport {
    let mut report = verify_package(path, Some(data.assessment));
    let Some(manifest) = report.manifest.take() else { return report };
    report.unchecked.clear();
    compare(&manifest, data, &mut report);
    report.manifest = Some(manifest);
    report
}

fn compare(manifest: &Manifest, data: &DataReference<'_>, report: &mut VerifyReport) {
    let typeset = manifest.typeset.as_ref();
    let date = typeset.and_then(|t| chrono::NaiveDate::parse_from_str(&t.date, "%Y-%m-%d").ok());
    let options = ExportOptions {
        mask_id: typeset.is_some_and(|t| t.mask_id),
        incomplete_evidence_page: typeset.is_none_or(|t| t.incomplete_evidence_page),
        font_path: data.font_path.map(Path::to_owned),
        date,
        book_split_pages: None,
        kept_findings: typeset.map(|t| t.kept_findings.clone()).unwrap_or_default(),
    };
    let input = PackageInput { ledger: data.ledger, rules: data.rules, assessment: data.assessment, options: &options };
    let evidence = match expected_evidence(&input, data.evidence) {
        Ok(files) => files,
        Err(reason) => {
            report.unchecked.push(format!("文件列表和证明材料：无法按数据文件夹中的记录列出（{reason}）"));
            return;
        }
    };
    compare_files(manifest, &evidence, &mut report.differences);
    report.records_checked = true;
    match (typeset, date) {
        (Some(t), Some(_)) => {
            match summaries(&input, t, &evidence, has_book(manifest).then_some((data.evidence, split_of(manifest)))) {
                Ok((pdf, xlsx, books)) => {
                    compare_summary(manifest, PDF_NAME, &pdf, &mut report.differences);
                    compare_summary(manifest, XLSX_NAME, &xlsx, &mut report.differences);
                    compare_books(manifest, &books, &mut report.differences);
                    report.summaries_checked = true;
                }
                Err(reason) => report.unchecked.push(format!("学时汇总表 PDF 和 Excel：{reason}")),
            }
        }
        (Some(_), None) => {
            report.unchecked.push("学时汇总表 PDF 和 Excel：清单中的制表日期无效，无法重新生成比较".to_owned())
        }
        (None, _) => report.unchecked.push(
            "学时汇总表 PDF 和 Excel：这个申报材料包由较早的版本导出，清单中没有重新生成所需的日期和字体，无法逐字节比较"
                .to_owned(),
        ),
    }
}

/// The evidence files the records put in a package, with the SHA-256 each was stored under
/// (or, for a file the records know by name only, its content's).
fn expected_evidence(input: &PackageInput<'_>, source: &dyn EvidenceSource) -> Result<Vec<ManifestFile>, String> {
    let plan = plan_evidence(input, source).map_err(|e| e.to_string())?;
    let mut files = Vec::with_capacity(plan.files.len());
    for (p, size) in plan.files {
        let sha256 = match &p.evidence.sha256 {
            Some(sha) => sha.to_ascii_lowercase(),
            None => {
                let mut opened = source.open(&p.activity, &p.evidence).map_err(|e| e.to_string())?;
                hash_reader(&mut opened.reader).map_err(|e| e.to_string())?.0
            }
        };
        files.push(ManifestFile {
            path: p.path,
            size,
            sha256,
            role: "evidence".to_owned(),
            activity: Some(p.activity),
            material: Some(p.evidence.material),
            original_name: Some(p.evidence.file),
        });
    }
    Ok(files)
}

/// Whether the package has an evidence book, whole or per year (packages made before it was
/// added have none).
fn has_book(manifest: &Manifest) -> bool {
    manifest.files.iter().any(is_book)
}

/// Whether `f` is an evidence book: `证明材料汇编.pdf`, or a year's `证明材料汇编/2023年.pdf`.
fn is_book(f: &ManifestFile) -> bool {
    let year_book =
        f.path.strip_prefix(YEAR_BOOKS_FOLDER).and_then(|p| p.strip_prefix('/')).and_then(|p| p.strip_suffix("年.pdf"));
    f.role == "evidence_book"
        && (f.path == EVIDENCE_BOOK_NAME
            || year_book.is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit())))
}

/// How the package's evidence book was divided: per year when it holds per-year books.
fn split_of(manifest: &Manifest) -> BookSplit {
    if manifest.files.iter().any(|f| is_book(f) && f.path != EVIDENCE_BOOK_NAME) {
        BookSplit::ByYear
    } else {
        BookSplit::Whole
    }
}

/// The manifest's file list against the records': evidence by path and SHA-256, and no other
/// files than the two summaries and the evidence book. (The package's members were checked
/// against the manifest.)
fn compare_files(manifest: &Manifest, expected: &[ManifestFile], out: &mut Vec<Difference>) {
    let listed: HashMap<&str, &ManifestFile> = manifest.files.iter().map(|f| (f.path.as_str(), f)).collect();
    let mut wanted: HashSet<&str> = HashSet::from([PDF_NAME, XLSX_NAME]);
    for f in manifest.files.iter().filter(|f| is_book(f)) {
        wanted.insert(f.path.as_str());
    }
    for e in expected {
        wanted.insert(e.path.as_str());
        match listed.get(e.path.as_str()) {
            None => out.push(Difference::MissingFromPackage { path: e.path.clone() }),
            Some(f) if !f.sha256.eq_ignore_ascii_case(&e.sha256) => out.push(Difference::DiffersFromRecords {
                path: e.path.clone(),
                detail: format!("记录中保存的 SHA-256 为 {}，申报材料包中为 {}", e.sha256, f.sha256),
            }),
            Some(_) => {}
        }
    }
    for f in &manifest.files {
        if !wanted.contains(f.path.as_str()) {
            out.push(Difference::NotInRecords { path: f.path.clone() });
        }
    }
    for name in [PDF_NAME, XLSX_NAME] {
        if !listed.contains_key(name) {
            out.push(Difference::MissingFromPackage { path: name.to_owned() });
        }
    }
}

/// What the summaries are made of again: the PDF, the XLSX and (when `book` gives the evidence)
/// the evidence books, each with its name in the package.
type Remade = (Vec<u8>, Vec<u8>, Vec<(String, Vec<u8>)>);

/// The PDF and XLSX made again from the records, with the manifest's date, options and fonts, and
/// the evidence book from the files of `book`.
fn summaries(
    input: &PackageInput<'_>,
    t: &Typeset,
    evidence: &[ManifestFile],
    book: Option<(&dyn EvidenceSource, BookSplit)>,
) -> Result<Remade, String> {
    let report = ReportData::build(input.ledger, input.rules, input.assessment, input.options);
    let mut fonts =
        FontSet::discover(input.options.font_path.as_deref()).map_err(|e| format!("无法重新排版（{e}）"))?;
    let pdf = render_pdf(&report, &mut fonts).map_err(|e| format!("无法重新排版（{e}）"))?;
    let now = recorded_fonts(&fonts);
    if now != t.fonts {
        let list = |fonts: &[crate::manifest::RecordedFont]| {
            fonts.iter().map(|f| format!("{}（{}）", f.family, f.file)).collect::<Vec<_>>().join("、")
        };
        return Err(format!(
            "这台电脑上可用的字体与导出时不同（导出时：{}；现在：{}），无法重新排版比较",
            list(&t.fonts),
            list(&now)
        ));
    }
    let xlsx = render_xlsx(&report, evidence).map_err(|e| e.to_string())?;
    let books = match book {
        Some((source, split)) => render_evidence_books(input, source, &mut fonts, split)
            .map_err(|e| format!("无法重新排版证明材料汇编（{e}）"))?
            .parts
            .into_iter()
            .map(|b| (b.package_name(), b.bytes))
            .collect(),
        None => Vec::new(),
    };
    Ok((pdf.bytes, xlsx, books))
}

/// The evidence books made again against the package's: each the same, none missing, no other.
fn compare_books(manifest: &Manifest, books: &[(String, Vec<u8>)], out: &mut Vec<Difference>) {
    for (name, book) in books {
        if !manifest.files.iter().any(|f| f.path == *name) {
            out.push(Difference::MissingFromPackage { path: name.clone() });
        }
        compare_summary(manifest, name, book, out);
    }
    for listed in manifest.files.iter().filter(|f| is_book(f) && !books.iter().any(|(n, _)| *n == f.path)) {
        out.push(Difference::NotInRecords { path: listed.path.clone() });
    }
}

fn compare_summary(manifest: &Manifest, name: &str, made: &[u8], out: &mut Vec<Difference>) {
    let Some(listed) = manifest.files.iter().find(|f| f.path == name) else { return };
    let (sha256, size) = digest(made);
    if !listed.sha256.eq_ignore_ascii_case(&sha256) || listed.size != size {
        out.push(Difference::DiffersFromRecords {
            path: name.to_owned(),
            detail: format!(
                "与按数据文件夹中的记录重新生成的结果不同（重新生成：{size} 字节 {sha256}；申报材料包中：{} 字节 {}）",
                listed.size, listed.sha256
            ),
        });
    }
}
