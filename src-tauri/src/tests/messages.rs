//! Every error the app can show, as the web view receives it, scanned for English and internals:
//! one representative value of each variant of the handbook's, the store's, the export's and the
//! core's error types (a `match` without a wildcard numbers the variants, so that a new variant
//! does not compile until it is numbered here, and the test fails until it has a sample), turned
//! into the app's `{code, message}` and read as a user reads it.

use std::io;
use std::path::{Path, PathBuf};

use xueshi_core::engine::AssessError;
use xueshi_core::fields::Problem;
use xueshi_core::{LedgerError, RuleError};
use xueshi_durable::FileInUse;
use xueshi_export::{ExportError, MissingGlyph};
use xueshi_handbook::HandbookError;
use xueshi_store::moving::{MoveError, MoveStep};
use xueshi_store::spreadsheet::{BadRows, RowError, SpreadsheetError};
use xueshi_store::{Refusal, StoreError};

use crate::error::AppError;

/// The Latin words a message may hold: names the user meets outside the app, as Windows and the
/// office programs print them. Each is a name, none is an English phrase.
const ALLOWED: &[&str] = &[
    // File formats, as the file manager names them and the file dialogs filter them.
    "PDF", "JPEG", "PNG", "HEIC", "WebP", "OFD", "Word", "Excel", "WPS",
    // A size, as the file manager shows it (the upload limit is set in MB).
    "MB", // The folder beside the program that the user creates to add a font: they must type its name.
    "fonts",
];

/// Latin words of two letters or more that are not allowed; a word right after a dot is a file
/// extension (`.xlsx`, part of a file name the user sees in the file manager) and not counted.
fn english(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_') {
            i += 1;
        }
        let word: String = chars[start..i].iter().collect();
        let letters = word.chars().filter(char::is_ascii_alphabetic).count();
        let extension = start > 0 && chars[start - 1] == '.';
        if letters >= 2 && !extension && !ALLOWED.contains(&word.as_str()) {
            found.push(word);
        }
    }
    found
}

/// A file the user chose, in a folder of theirs (the user's own names are Chinese here, so that
/// any Latin word found is the program's).
fn chosen() -> PathBuf {
    Path::new("资料").join("结业证书.pdf")
}

/// The system's refusal as it comes: with its English (Linux) or its number.
fn system_error() -> io::Error {
    io::Error::other("No such file or directory (os error 2)")
}

fn store_variant(e: &StoreError) -> usize {
    match e {
        StoreError::Io { .. } => 0,
        StoreError::Sqlite(_) => 1,
        StoreError::Migration(_) => 2,
        StoreError::NewerDatabase { .. } => 3,
        StoreError::NotOurDatabase { .. } => 4,
        StoreError::Corrupt { .. } => 5,
        StoreError::Unrestorable { .. } => 6,
        StoreError::DiskFull { .. } => 7,
        StoreError::NotWritable { .. } => 8,
        StoreError::DataDirIsFile { .. } => 9,
        StoreError::Ledger(_) => 10,
        StoreError::NoSuchActivity(_) => 11,
        StoreError::DuplicateActivity(_) => 12,
        StoreError::NoSuchEvidence(_) => 13,
        StoreError::MissingBlob { .. } => 14,
        StoreError::DamagedEvidenceRecord { .. } => 15,
        StoreError::Refused(_) => 16,
        StoreError::Exchange(_) => 17,
        StoreError::NotACity(_) => 18,
        StoreError::Spreadsheet(_) => 19,
        StoreError::BadRows(_) => 20,
        StoreError::FileInUse(_) => 21,
        StoreError::Move(_) => 22,
    }
}
const STORE_VARIANTS: usize = 23;

fn refusal_variant(e: &Refusal) -> usize {
    match e {
        Refusal::Directory(_) => 0,
        Refusal::NotAFile(_) => 1,
        Refusal::Unreadable { .. } => 2,
        Refusal::Empty(_) => 3,
        Refusal::TooLarge { .. } => 4,
        Refusal::UnsupportedType(_) => 5,
        Refusal::Program(_) => 6,
        Refusal::NoMaterial => 7,
        Refusal::Material(_) => 8,
    }
}
const REFUSAL_VARIANTS: usize = 9;

fn spreadsheet_variant(e: &SpreadsheetError) -> usize {
    match e {
        SpreadsheetError::Unreadable { .. } => 0,
        SpreadsheetError::NotASpreadsheet { .. } => 1,
        SpreadsheetError::Html { .. } => 2,
        SpreadsheetError::Encoding { .. } => 3,
        SpreadsheetError::NoHeader { .. } => 4,
        SpreadsheetError::MissingColumns { .. } => 5,
        SpreadsheetError::FileTooLarge { .. } => 6,
        SpreadsheetError::Unpacked { .. } => 7,
        SpreadsheetError::TooBig { .. } => 8,
    }
}
const SPREADSHEET_VARIANTS: usize = 9;

fn export_variant(e: &ExportError) -> usize {
    match e {
        ExportError::Cancelled => 0,
        ExportError::Io { .. } => 1,
        ExportError::EvidenceUnreadable { .. } => 2,
        ExportError::EvidenceChanged { .. } => 3,
        ExportError::EvidenceType { .. } => 4,
        ExportError::NoFont => 5,
        ExportError::BadFont { .. } => 6,
        ExportError::MissingGlyphs(_) => 7,
        ExportError::Typeset(_) => 8,
        ExportError::EvidenceBook(_) => 9,
        ExportError::KitFolderNotEmpty(_) => 10,
        ExportError::Spreadsheet(_) => 11,
        ExportError::Zip(_) => 12,
        ExportError::NotAPackage { .. } => 13,
        ExportError::BadManifest(_) => 14,
        ExportError::FileInUse(_) => 15,
    }
}
const EXPORT_VARIANTS: usize = 16;

fn handbook_variant(e: &HandbookError) -> usize {
    match e {
        HandbookError::Store(_) => 0,
        HandbookError::Ledger(_) => 1,
        HandbookError::Rules(_) => 2,
        HandbookError::Assess(_) => 3,
        HandbookError::Export(_) => 4,
        HandbookError::UnknownRules(_) => 5,
        HandbookError::NoRulesForYear(_) => 6,
        HandbookError::NoPlan => 7,
        HandbookError::File(_) => 8,
        HandbookError::Input(_) => 9,
    }
}
const HANDBOOK_VARIANTS: usize = 10;

fn assess_variant(e: &AssessError) -> usize {
    match e {
        AssessError::NoWindow { .. } => 0,
    }
}
const ASSESS_VARIANTS: usize = 1;

fn problem_variant(p: Problem) -> usize {
    match p {
        Problem::Missing => 0,
        Problem::Empty => 1,
        Problem::Request => 2,
        Problem::Invalid => 3,
    }
}
const PROBLEM_VARIANTS: usize = 4;

/// A ledger error of each kind of problem, with and without a field the format names, and a part
/// of a record's evidence and a field no record has (a hand-edited file).
fn ledger_samples() -> Vec<LedgerError> {
    let record = || Some("2025-001".to_owned());
    vec![
        LedgerError::new(record(), Some("venue"), "缺少此项").of_kind(Problem::Missing),
        LedgerError::new(record(), Some("title"), "不能为空").of_kind(Problem::Empty),
        LedgerError::new(record(), Some("end_date"), "请填写结束日期：全年认定要看外派时长").of_kind(Problem::Request),
        LedgerError::new(
            record(),
            Some("date"),
            xueshi_core::fields::parse_date("2024-02-30").expect_err("no such day"),
        ),
        LedgerError::new(record(), Some("evidence[0].sha256"), "无效，文件可能被改动过"),
        LedgerError::new(None, Some("profile.certificate_number"), "太长"),
        LedgerError::new(None, None, "文件内容不是学时手册的记录格式"),
        xueshi_core::Ledger::from_json("{不是").expect_err("not a ledger"),
        xueshi_core::Ledger::from_json(r#"{"format": "别的", "version": 1}"#).expect_err("not ours"),
    ]
}

fn row_error() -> RowError {
    RowError {
        sheet: Some("学时".into()), row: 3, column: Some("起止日期".into()), message: "不是有效日期".into()
    }
}

fn spreadsheet_samples() -> Vec<SpreadsheetError> {
    let file = || "学时登记表.xlsx".to_owned();
    vec![
        SpreadsheetError::Unreadable { file: file(), detail: "中的工作表“学时”".into() },
        SpreadsheetError::Unreadable { file: file(), detail: String::new() },
        SpreadsheetError::NotASpreadsheet { file: file() },
        SpreadsheetError::Html { file: file() },
        SpreadsheetError::Encoding { file: file() },
        SpreadsheetError::NoHeader { file: file() },
        SpreadsheetError::MissingColumns { sheet: Some("学时".into()), row: 2, missing: vec!["名称".into()] },
        SpreadsheetError::FileTooLarge { file: file(), limit_mib: 20 },
        SpreadsheetError::Unpacked { file: file(), member_mib: 50, total_mib: 200 },
        SpreadsheetError::TooBig { sheet: None, row: 20_001, column: 3, max_rows: 20_000, max_columns: 200 },
    ]
}

fn refusal_samples() -> Vec<Refusal> {
    vec![
        Refusal::Directory(Path::new("资料").to_owned()),
        Refusal::NotAFile(chosen()),
        Refusal::Unreadable { path: chosen(), source: system_error() },
        Refusal::Empty(chosen()),
        Refusal::too_large(&chosen(), 73_400_320, 50 * 1024 * 1024),
        Refusal::UnsupportedType(chosen()),
        Refusal::Program(chosen()),
        Refusal::NoMaterial,
        Refusal::Material(xueshi_core::text::accept("material", &"证".repeat(200)).expect_err("too long")),
    ]
}

fn store_samples() -> Vec<StoreError> {
    let database = || Path::new("数据").join("ledger.sqlite3");
    let backup = || Path::new("数据").join("backups").join("ledger-20250512-140300-01-daily.sqlite3");
    let vault_file = || Path::new("数据").join("evidence").join("ab").join("ab".repeat(32));
    let mut out = vec![
        StoreError::Io { action: "读取", path: chosen(), source: system_error() },
        StoreError::Io {
            action: "写入", path: vault_file(), source: io::Error::from(io::ErrorKind::PermissionDenied)
        },
        StoreError::Sqlite(rusqlite::Error::QueryReturnedNoRows),
        StoreError::Migration(rusqlite_migration::Error::InvalidUserVersion),
        StoreError::NewerDatabase { path: database(), found: 9, known: 4 },
        StoreError::NewerDatabase { path: backup(), found: 9, known: 4 },
        StoreError::NotOurDatabase { path: chosen() },
        StoreError::Corrupt { path: database(), detail: "文件已损坏".into() },
        StoreError::Unrestorable { path: backup(), detail: "多出了学时手册没有的触发器".into() },
        StoreError::DiskFull { place: "数据文件夹".into() },
        StoreError::NotWritable { place: "数据文件夹".into() },
        StoreError::DataDirIsFile { path: chosen() },
        StoreError::NoSuchActivity("2025-001".into()),
        StoreError::DuplicateActivity("2025-001".into()),
        StoreError::NoSuchEvidence(7),
        StoreError::MissingBlob { activity: "2025-001".into(), sha256: "ab".repeat(32) },
        StoreError::DamagedEvidenceRecord { activity: "2025-001".into(), file: "结业证书.pdf".into() },
        StoreError::Exchange("压缩包中没有学时记录，不是学时手册导出的全部数据，没有导入".into()),
        StoreError::NotACity("北京".into()),
        StoreError::BadRows(BadRows { bad_rows: 3, listed: vec![row_error()] }),
        StoreError::FileInUse(FileInUse { path: Path::new("资料").join("申报材料包.zip") }),
    ];
    out.extend(move_samples().into_iter().map(StoreError::Move));
    out.extend(ledger_samples().into_iter().map(StoreError::Ledger));
    out.extend(refusal_samples().into_iter().map(StoreError::Refused));
    out.extend(spreadsheet_samples().into_iter().map(StoreError::Spreadsheet));
    out
}

fn move_samples() -> Vec<MoveError> {
    let folder = || Path::new("资料").join("学时手册数据");
    vec![
        MoveError::GivenExplicitly,
        MoveError::NotEmpty(folder()),
        MoveError::Nested(folder()),
        MoveError::Same(folder()),
        MoveError::NotAbsolute(Path::new("学时手册数据").to_owned()),
        MoveError::CopyDiffers(folder().join("证明材料.pdf")),
        MoveError::NoDataThere(folder()),
        MoveError::DatabaseCopyDiffers,
        MoveError::ChangedMeanwhile,
        MoveError::Stopped(MoveStep::Copied),
    ]
}

fn export_samples() -> Vec<ExportError> {
    vec![
        ExportError::Cancelled,
        ExportError::Io {
            what: "写入学时汇总表",
            path: Path::new("资料").join("学时汇总表.pdf"),
            source: system_error(),
        },
        ExportError::Io {
            what: "创建临时文件",
            path: Path::new("资料").join(".xueshi-1234.partial"),
            source: system_error(),
        },
        ExportError::EvidenceUnreadable {
            activity: "2025-001".into(),
            file: "结业证书.pdf".into(),
            source: system_error(),
        },
        ExportError::EvidenceChanged {
            activity: "2025-001".into(),
            file: "结业证书.pdf".into(),
            expected: "ab".repeat(32),
            actual: "cd".repeat(32),
        },
        ExportError::EvidenceType { activity: "2025-001".into(), file: "证书.exe".into(), reason: "是程序" },
        ExportError::NoFont,
        ExportError::BadFont {
            path: Path::new("字体").join("宋体.ttf"), reason: "不是可用的字体文件".into()
        },
        ExportError::MissingGlyphs(vec![
            MissingGlyph { field: "姓名".into(), character: '𠀀' },
            MissingGlyph { field: "记录 2025-001 的名称".into(), character: '😀' },
            MissingGlyph { field: "备注".into(), character: '\u{e000}' },
            MissingGlyph { field: "备注".into(), character: '\u{2fff}' },
        ]),
        ExportError::Typeset("unknown variable: summary".into()),
        ExportError::EvidenceBook("failed to decode image".into()),
        ExportError::EvidenceBook("有证明材料没有处理完，请重新导出。".into()),
        ExportError::KitFolderNotEmpty("分年度上传材料".into()),
        ExportError::Spreadsheet("XlsxError: worksheet name already in use".into()),
        ExportError::Zip("invalid Zip archive: Could not find EOCD".into()),
        ExportError::NotAPackage {
            path: Path::new("资料").join("申报材料包.zip"),
            reason: "invalid Zip archive".into(),
        },
        ExportError::BadManifest("没有清单，这不是学时手册导出的申报材料包".into()),
        ExportError::FileInUse(FileInUse { path: Path::new("资料").join("申报材料包.zip") }),
    ]
}

fn rule_error() -> RuleError {
    RuleError {
        file: "我的规则.toml".into(), line: 3, column: 1, field: String::new(), message: "主题不能为空".into()
    }
}

fn handbook_samples() -> Vec<HandbookError> {
    let mut out: Vec<HandbookError> = Vec::new();
    out.extend(store_samples().into_iter().map(HandbookError::Store));
    out.extend(ledger_samples().into_iter().map(HandbookError::Ledger));
    out.push(HandbookError::Rules(rule_error()));
    out.push(HandbookError::Assess(AssessError::NoWindow {
        id: "hunan-2024".into(),
        rules: "湖南省专业技术人员继续教育学时认定".into(),
        level: "正高级",
        path: String::new(),
    }));
    out.extend(export_samples().into_iter().map(HandbookError::Export));
    out.push(HandbookError::UnknownRules("hunan-2024".into()));
    out.push(HandbookError::NoRulesForYear(1999));
    out.push(HandbookError::NoPlan);
    out.push(HandbookError::File("无法读取规则文件“我的规则.toml”：找不到这个文件或文件夹".into()));
    out.push(HandbookError::input("请选择活动形式"));
    out
}

/// Which variants the samples reach, for each enum.
#[derive(Default)]
struct Reached {
    handbook: Vec<usize>,
    store: Vec<usize>,
    refusal: Vec<usize>,
    spreadsheet: Vec<usize>,
    export: Vec<usize>,
    assess: Vec<usize>,
    problem: Vec<usize>,
}

impl Reached {
    fn note(&mut self, e: &HandbookError) {
        self.handbook.push(handbook_variant(e));
        match e {
            HandbookError::Store(s) => self.note_store(s),
            HandbookError::Ledger(l) => self.problem.push(problem_variant(l.problem)),
            HandbookError::Assess(a) => self.assess.push(assess_variant(a)),
            HandbookError::Export(x) => self.export.push(export_variant(x)),
            _ => {}
        }
    }

    fn note_store(&mut self, e: &StoreError) {
        self.store.push(store_variant(e));
        match e {
            StoreError::Refused(r) => self.refusal.push(refusal_variant(r)),
            StoreError::Spreadsheet(s) => self.spreadsheet.push(spreadsheet_variant(s)),
            StoreError::Ledger(l) => self.problem.push(problem_variant(l.problem)),
            _ => {}
        }
    }
}

fn assert_every_variant(name: &str, reached: &[usize], count: usize) {
    for n in 0..count {
        assert!(reached.contains(&n), "{name}: variant {n} has no sample in tests/messages.rs");
    }
    assert!(reached.iter().all(|n| *n < count), "{name}: a variant is numbered past the count");
}

#[test]
fn the_samples_reach_every_variant_of_every_error_the_app_shows() {
    let mut reached = Reached::default();
    for e in handbook_samples() {
        reached.note(&e);
    }
    assert_every_variant("HandbookError", &reached.handbook, HANDBOOK_VARIANTS);
    assert_every_variant("StoreError", &reached.store, STORE_VARIANTS);
    assert_every_variant("Refusal", &reached.refusal, REFUSAL_VARIANTS);
    assert_every_variant("SpreadsheetError", &reached.spreadsheet, SPREADSHEET_VARIANTS);
    assert_every_variant("ExportError", &reached.export, EXPORT_VARIANTS);
    assert_every_variant("AssessError", &reached.assess, ASSESS_VARIANTS);
    assert_every_variant("Problem", &reached.problem, PROBLEM_VARIANTS);
}

#[test]
fn no_message_the_app_shows_holds_english_a_hash_a_byte_count_or_a_rule_id() {
    let mut messages: Vec<String> = handbook_samples().into_iter().map(|e| AppError::from(e).message).collect();
    messages.push(AppError::crashed().message);
    messages.push(row_error().to_string());
    let hash = "ab".repeat(32);
    let mut bad = Vec::new();
    for m in &messages {
        let words = english(m);
        if !words.is_empty() || m.contains(&hash[..16]) || m.contains("字节") || m.contains("hunan-") {
            bad.push(format!("{m}\n    ↳ {words:?}"));
        }
    }
    assert!(bad.is_empty(), "{} messages with English or internals:\n{}", bad.len(), bad.join("\n"));
}

#[test]
fn every_reason_the_system_gives_is_said_in_chinese() {
    use io::ErrorKind as K;
    let kinds = [
        K::NotFound,
        K::PermissionDenied,
        K::AlreadyExists,
        K::StorageFull,
        K::ReadOnlyFilesystem,
        K::InvalidData,
        K::UnexpectedEof,
        K::Interrupted,
        K::IsADirectory,
        K::InvalidFilename,
        K::Other,
    ];
    for kind in kinds {
        let said = xueshi_durable::words::reason(&io::Error::new(kind, "some English words"));
        assert!(english(&said).is_empty() && !said.is_empty(), "{kind:?}: {said}");
    }
    for code in [2, 3, 5, 32, 112] {
        let said = xueshi_durable::words::reason(&io::Error::from_raw_os_error(code));
        assert!(english(&said).is_empty(), "os error {code}: {said}");
    }
}

#[test]
fn the_scan_finds_english_but_not_a_file_extension_or_an_allowed_name() {
    assert_eq!(english("数据库出错 (database error)"), vec!["database", "error"]);
    assert_eq!(english("字段 days：应为 YYYY-MM-DD"), vec!["days", "YYYY", "MM", "DD"]);
    assert!(english("另存为 .xlsx 文件；PDF、Excel，5 MB，2025-001").is_empty());
}
