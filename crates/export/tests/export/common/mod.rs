//! Shared fixtures: the demo ledger with generated evidence files, assessed for a 2026 副高级
//! application under hunan-2026, and helpers to export and read packages back.
#![allow(dead_code)]

use std::io::Read;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use serde_json::Value;
use xueshi_core::kinds::{ApplicationPath, Level};
use xueshi_core::{Application, Assessment, Ledger, RuleBook, RuleSet, assess};
use xueshi_export::{ExportError, ExportOptions, FolderSource, FontSet, PackageInput, PackageReport, export_package};

pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub ledger: Ledger,
    pub rules: RuleSet,
    pub assessment: Assessment,
    pub options: ExportOptions,
}

pub fn demo_json() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../demo/ledger.json");
    let text = std::fs::read_to_string(path).expect("demo ledger");
    let mut value: Value = serde_json::from_str(&text).expect("json");
    value["profile"]["id_number"] = "430102198805161234".into();
    value
}

/// What the fixtures write for an evidence file: `text` behind the signature of the type its
/// name says (the package names files by their content).
pub fn evidence_content(file: &str, text: &str) -> Vec<u8> {
    let ext = file.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    let mut bytes = match ext.as_str() {
        "pdf" => b"%PDF-1.7\n".to_vec(),
        "jpg" | "jpeg" => vec![0xFF, 0xD8, 0xFF, 0xE0],
        "png" => b"\x89PNG\r\n\x1a\n".to_vec(),
        _ => Vec::new(),
    };
    bytes.extend_from_slice(text.as_bytes());
    bytes
}

impl Fixture {
    /// The demo ledger (with a 身份证号 added), evidence written under `<dir>/evidence/<record>/`.
    pub fn demo() -> Fixture {
        Fixture::from_json(demo_json())
    }

    pub fn from_json(value: Value) -> Fixture {
        let application = Application::new(2026, Level::AssociateSenior, ApplicationPath::Standard);
        Fixture::for_application(value, "hunan-2026", &application)
    }

    /// The ledger `value` assessed under the built-in set `rules_id` for `application`.
    pub fn for_application(value: Value, rules_id: &str, application: &Application) -> Fixture {
        let ledger = Ledger::from_value(&value).expect("valid ledger");
        let book = RuleBook::builtin().expect("rules");
        let rules = book.get(rules_id).expect("a built-in rule set").clone();
        let assessment = assess(&ledger, &rules, application).expect("assessment");
        let dir = tempfile::tempdir().expect("temp dir");
        for a in &ledger.activities {
            for e in &a.evidence {
                let path = dir.path().join("evidence").join(&a.id).join(&e.file);
                std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
                let text = format!("证明材料：{} {} {}\n", a.id, e.material, e.file);
                std::fs::write(&path, evidence_content(&e.file, &text)).expect("write");
            }
        }
        let options = ExportOptions {
            mask_id: false,
            incomplete_evidence_page: true,
            font_path: font_path(),
            date: chrono::NaiveDate::from_ymd_opt(2026, 5, 30),
            book_split_pages: None,
            kept_findings: Vec::new(),
        };
        Fixture { dir, ledger, rules, assessment, options }
    }

    pub fn evidence_dir(&self) -> PathBuf {
        self.dir.path().join("evidence")
    }

    pub fn out(&self) -> PathBuf {
        self.dir.path().join("学时材料包.zip")
    }

    pub fn export(&self, out: &Path) -> Result<PackageReport, ExportError> {
        self.export_with(out, &mut |_| ControlFlow::Continue(()))
    }

    pub fn export_with(
        &self,
        out: &Path,
        progress: &mut dyn FnMut(xueshi_export::Progress) -> ControlFlow<()>,
    ) -> Result<PackageReport, ExportError> {
        let input = PackageInput {
            ledger: &self.ledger,
            rules: &self.rules,
            assessment: &self.assessment,
            options: &self.options,
        };
        export_package(&input, &FolderSource::new(self.evidence_dir()), out, progress)
    }
}

/// The fonts named to the export in tests: none (the system's), except on a Windows without any
/// Chinese font (Wine has none; every real Windows has 宋体 or 微软雅黑), where the export gets the
/// subset of Noto Serif CJK SC the app bundles (`fonts/`), as the app itself does.
pub fn font_path() -> Option<PathBuf> {
    static CHOICE: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    CHOICE
        .get_or_init(|| {
            (cfg!(windows) && FontSet::discover(None).is_err())
                .then(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fonts"))
        })
        .clone()
}

/// The fonts the tests' exports use (see [`font_path`]).
pub fn fonts() -> FontSet {
    FontSet::discover(font_path().as_deref()).expect("fonts")
}

/// The member names of a ZIP, in order.
pub fn zip_names(path: &Path) -> Vec<String> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).expect("open")).expect("zip");
    (0..archive.len()).map(|i| archive.by_index(i).expect("entry").name().expect("name").into_owned()).collect()
}

/// One member's content.
pub fn zip_member(path: &Path, name: &str) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).expect("open")).expect("zip");
    let mut entry = archive.by_name(name).expect("member");
    let mut bytes = Vec::new();
    entry.read_to_end(&mut bytes).expect("read");
    bytes
}

/// Files left in a folder (to check that nothing half-written stays behind).
pub fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Whether a command-line tool is installed.
pub fn have(tool: &str) -> bool {
    std::process::Command::new(tool).arg("-v").output().is_ok()
}

/// The package PDF's text as pdftotext extracts it (`-raw`: in content order), without white space
/// (it breaks table cells), or None when poppler-utils is not installed.
pub fn pdf_text(f: &Fixture, raw: bool) -> Option<String> {
    if !have("pdftotext") {
        eprintln!("pdftotext (poppler-utils) is not installed: skipping the text extraction check");
        return None;
    }
    let pdf = f.dir.path().join("汇总表.pdf");
    std::fs::write(&pdf, zip_member(&f.out(), xueshi_export::PDF_NAME)).expect("write pdf");
    let mut command = std::process::Command::new("pdftotext");
    if raw {
        command.arg("-raw");
    }
    let out = command.arg("-enc").arg("UTF-8").arg(&pdf).arg("-").output().expect("pdftotext");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    Some(String::from_utf8(out.stdout).expect("utf-8").split_whitespace().collect())
}

/// The SHA-256 of `bytes` in lowercase hex, as the vault and the manifest write it.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}
