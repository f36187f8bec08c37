//! `xueshi export --apply-year Y --level L --out FILE.zip`: the submission package (学时汇总表 PDF
//! and XLSX, evidence files, manifest) of the stored records or of a ledger file with a folder of
//! evidence; `--summary FILE.pdf`, 学时汇总表 alone (to print or hand in by itself); and
//! `xueshi verify-package FILE.zip`, which checks a package against its manifest
//! and, with the data folder (or `--ledger` and `--evidence-dir`), against the records: file list,
//! evidence hashes, the summaries typeset again, and the assessment. It says what it did not check.

use std::io::IsTerminal;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use xueshi_core::kinds::{ApplicationPath, Level};
use xueshi_core::{Application, Ledger};
use xueshi_export::Progress;
use xueshi_handbook::{EvidenceAt, ExportJob, PackageChoices, Records, Request, check_package};

use crate::{CliError, parse_level, parse_path, parse_window, read, rule_book, store_cmds};

/// The options of `xueshi export` that make a submission package.
#[derive(Args, Debug, Default, Clone)]
pub struct PackageArgs {
    /// 参评年度（导出申报材料包；可省略而使用 `xueshi plan` 登记的参评计划）
    #[arg(long, value_name = "Y", value_parser = clap::value_parser!(i32).range(1990..=2100))]
    pub apply_year: Option<i32>,
    /// 参评级别：junior | intermediate | associate_senior | senior
    #[arg(long, value_name = "L", value_parser = parse_level)]
    pub level: Option<Level>,
    /// 参评途径：standard | phd | master_medical（默认 standard）
    #[arg(long, value_name = "P", value_parser = parse_path)]
    pub path: Option<ApplicationPath>,
    /// 规则集 id 或规则文件路径（默认：参评年度适用的规则集）
    #[arg(long, value_name = "ID|FILE")]
    pub rules: Option<String>,
    /// 认定跨度，按本单位职称评审通知填写，如 2023-2026（默认：参评计划中的跨度，或规则集所定、推定的跨度）
    #[arg(long, value_name = "FROM-TO")]
    pub window: Option<String>,
    /// 申报材料包（.zip）的保存位置
    #[arg(long, value_name = "FILE.zip")]
    pub out: Option<PathBuf>,
    /// 单独保存学时汇总表（.pdf），可打印或单独提交；可与 --out 同用
    #[arg(long, value_name = "FILE.pdf")]
    pub summary: Option<PathBuf>,
    /// 单独导出证明材料汇编（.pdf）的保存位置（材料包中也有一份）
    #[arg(long, value_name = "FILE.pdf")]
    pub evidence_book: Option<PathBuf>,
    /// 导出分年度上传材料（网上核认系统按年度上传）的文件夹：须为新文件夹或空文件夹
    #[arg(long, value_name = "DIR")]
    pub upload_kit: Option<PathBuf>,
    /// 与 --upload-kit 同用：每个上传文件的大小上限（MB，1–100，默认 5）
    #[arg(long, value_name = "N", requires = "upload_kit")]
    pub upload_limit_mb: Option<u32>,
    /// 在 PDF 和 Excel 中隐去身份证号的中间部分（如 430102********1234）
    #[arg(long)]
    pub mask_id: bool,
    /// 不附“证明材料不完整的记录”一页
    #[arg(long)]
    pub no_incomplete_page: bool,
    /// 保留预审发现的第 N 个问题，在学时汇总表的附录中列出并说明（“N:说明”）；可写多次，编号见 xueshi review
    #[arg(long, value_name = "N[:说明]")]
    pub keep_finding: Vec<String>,
    /// 学时记录文件（xueshi-ledger JSON），代替数据文件夹中保存的记录
    #[arg(long, value_name = "FILE", requires = "evidence_dir")]
    pub ledger: Option<PathBuf>,
    /// 与 --ledger 同用：证明材料所在的文件夹（按记录中的文件名查找，先找“记录编号/文件名”）
    #[arg(long, value_name = "DIR")]
    pub evidence_dir: Option<PathBuf>,
    /// 字体文件或文件夹（优先于程序旁 fonts 文件夹和系统字体）
    #[arg(long, value_name = "FILE|DIR")]
    pub font: Option<PathBuf>,
}

impl PackageArgs {
    /// Whether the user asked for a submission package rather than a ledger export.
    pub fn requested(&self) -> bool {
        self.out.is_some()
            || self.summary.is_some()
            || self.evidence_book.is_some()
            || self.upload_kit.is_some()
            || self.apply_year.is_some()
            || self.level.is_some()
            || self.window.is_some()
    }
}

#[derive(Subcommand)]
pub enum PackageCommand {
    /// 检查申报材料包：ZIP 结构、每个文件与清单（大小、SHA-256）是否一致；有数据文件夹时，再与其中的记录核对文件列表和每个证明材料，重新生成学时汇总表逐字节比较，并重新评估
    VerifyPackage {
        /// 申报材料包（.zip）
        file: PathBuf,
        /// 用这个学时记录文件核对（默认：数据文件夹中保存的记录）
        #[arg(long, value_name = "FILE")]
        ledger: Option<PathBuf>,
        /// 与 --ledger 同用：证明材料所在的文件夹（与导出时相同）
        #[arg(long, value_name = "DIR", requires = "ledger")]
        evidence_dir: Option<PathBuf>,
        /// 字体文件或文件夹（与导出时相同）
        #[arg(long, value_name = "FILE|DIR")]
        font: Option<PathBuf>,
    },
}

pub fn run(command: PackageCommand, explicit: Option<&Path>) -> Result<String, CliError> {
    match command {
        PackageCommand::VerifyPackage { file, ledger, evidence_dir, font } => {
            let given =
                Given { ledger: ledger.as_deref(), evidence_dir: evidence_dir.as_deref(), font: font.as_deref() };
            verify(&file, &given, explicit)
        }
    }
}

/// The export asked for: the stored records (for the given or the planned application), or a
/// ledger file with its folder of evidence (for the given application).
pub(crate) fn job(args: &PackageArgs, explicit: Option<&Path>) -> Result<ExportJob, CliError> {
    let window = args.window.as_deref().map(parse_window).transpose()?;
    let request =
        Request { year: args.apply_year, level: args.level, path: args.path, window, rules: args.rules.clone() };
    let (Some(file), Some(folder)) = (&args.ledger, &args.evidence_dir) else {
        return Ok(store_cmds::open_handbook(explicit, None)?.export_job(&request)?);
    };
    let ledger = Ledger::from_json(&read(file)?)?;
    let (Some(year), Some(level)) = (args.apply_year, args.level) else {
        return Err(CliError::Input("用 --ledger 导出时，请用 --apply-year 和 --level 指定参评年度和级别".into()));
    };
    let mut application = Application::new(year, level, args.path.unwrap_or(ApplicationPath::Standard));
    if let Some(span) = window {
        span.check(year).map_err(CliError::Input)?;
        application.window = Some(span);
    }
    let mut rules = rule_book(explicit)?;
    let (set, selection) = rules.resolve(args.rules.as_deref(), year, ledger.profile.city.as_deref())?;
    let set = set.clone();
    Ok(ExportJob::for_ledger(ledger, application, set, selection, folder)?)
}

/// `xueshi export --apply-year …` with any of `--out FILE.zip`, `--summary FILE.pdf`,
/// `--evidence-book FILE.pdf` and `--upload-kit DIR`: each one asked for is made, in that order.
pub fn export(args: &PackageArgs, explicit: Option<&Path>) -> Result<String, CliError> {
    if args.out.is_none() && args.summary.is_none() && args.evidence_book.is_none() && args.upload_kit.is_none() {
        return Err(CliError::Input(
            "请用 --out 指定申报材料包的保存位置（.zip），或用 --summary 指定学时汇总表的保存位置（.pdf），\
             或用 --evidence-book 指定证明材料汇编的保存位置（.pdf），或用 --upload-kit 指定分年度上传材料的文件夹"
                .into(),
        ));
    }
    let named = |path: &Option<PathBuf>, extension: &str| match path {
        Some(p) if !p.extension().is_some_and(|e| e.eq_ignore_ascii_case(extension)) => {
            Err(CliError::Input(format!("{} 应以 .{extension} 结尾", p.display())))
        }
        _ => Ok(()),
    };
    named(&args.out, "zip")?;
    named(&args.summary, "pdf")?;
    named(&args.evidence_book, "pdf")?;
    let mut text = String::new();
    if args.out.is_some() || args.summary.is_some() {
        text.push_str(&summary_and_package(args, explicit)?);
    }
    if let Some(book) = &args.evidence_book {
        text.push_str(&crate::book_cmd::export_book(args, book, explicit)?);
    }
    if let Some(dir) = &args.upload_kit {
        text.push_str(&crate::kit_cmd::export_kit(args, dir, explicit)?);
    }
    Ok(text)
}

/// `--summary FILE.pdf` and/or `--out FILE.zip`.
fn summary_and_package(args: &PackageArgs, explicit: Option<&Path>) -> Result<String, CliError> {
    let job = job(args, explicit)?;
    let choices = PackageChoices {
        mask_id: args.mask_id,
        incomplete_page: !args.no_incomplete_page,
        font_path: args.font.clone(),
        kept: crate::keep_finding::choices(&args.keep_finding, &job.findings)?,
    };
    let mut text = String::new();
    if let Some(summary) = &args.summary {
        let report = job.summary_pdf(summary, &choices)?;
        text.push_str(&format!("已生成学时汇总表 {}（PDF {} 页）\n", report.path.display(), report.pages));
    }
    match &args.out {
        Some(out) => text.push_str(&package(&job, out, &choices)?),
        None => text.push_str(&format!("规则：{}\n", job.assessment.rules_display)),
    }
    Ok(text)
}

/// Writes the package of `job` to `out`, showing progress on a terminal; returns what to print.
fn package(job: &ExportJob, out: &Path, choices: &PackageChoices) -> Result<String, CliError> {
    let show = std::io::stderr().is_terminal();
    let mut last = None;
    let report = job.run(out, choices, &mut |p: Progress| {
        if show && last != Some((p.stage, p.files_done)) {
            last = Some((p.stage, p.files_done));
            eprint!("\r\x1b[2K{}（{}/{}）", p.stage.label(), p.files_done, p.files_total);
        }
        ControlFlow::Continue(())
    });
    if show {
        eprintln!();
    }
    let report = report?;
    let assessment = &job.assessment;
    let reason = &job.selection.reason;
    let evidence = report.files.iter().filter(|f| f.role == "evidence").count();
    let mut text = format!(
        "已生成申报材料包 {}（{} 字节）：学时汇总表 PDF {} 页、Excel 表，证明材料汇编 {} 页，{} 个证明材料文件，清单 manifest.json\n",
        report.path.display(),
        report.size,
        report.pdf_pages,
        report.evidence_book_pages,
        evidence
    );
    for p in &report.evidence_book_problems {
        text.push_str(&format!("注意：{p}（汇编中在它的位置有一页说明）\n"));
    }
    text.push_str(&format!("规则：{}", assessment.rules_display));
    if !reason.is_empty() {
        text.push_str(&format!("（{reason}）"));
    }
    text.push_str(&format!(
        "\n认定年度 {}：{}\n",
        match (assessment.window.first(), assessment.window.last()) {
            (Some(first), Some(last)) => xueshi_core::year_range(*first, *last),
            _ => String::new(),
        },
        if assessment.compliant { "各年度均达标" } else { "有年度未达标，详见学时汇总表" }
    ));
    text.push_str(&format!("字体：{}\n", report.fonts.join("；")));
    if !report.not_included.is_empty() {
        text.push_str(&format!(
            "注意：以下 {} 个证明材料只登记了文件名、没有存入文件，未放入申报材料包（已记在清单的 not_included 中）：\n",
            report.not_included.len()
        ));
        for n in &report.not_included {
            text.push_str(&format!("  记录 {} 的{}：{}\n", n.activity, n.material, n.original_name));
        }
    }
    Ok(text)
}

/// What `verify-package` was given besides the package.
struct Given<'a> {
    ledger: Option<&'a Path>,
    evidence_dir: Option<&'a Path>,
    font: Option<&'a Path>,
}

/// The records to check a package against: a ledger file with (or without) its evidence folder,
/// else the data folder's.
fn records(given: &Given<'_>, explicit: Option<&Path>) -> Records {
    match given.ledger {
        Some(file) => {
            let ledger = read(file).and_then(|text| Ok(Ledger::from_json(&text)?)).map_err(|e| e.to_string())?;
            let evidence = given
                .evidence_dir
                .map(|d| EvidenceAt::Folder(d.to_owned()))
                .ok_or_else(|| "用 --ledger 时请同时用 --evidence-dir 指定证明材料所在的文件夹".to_owned());
            Ok((ledger, evidence))
        }
        None => {
            let store = store_cmds::open(explicit).map_err(|e| format!("没有可用的数据文件夹，无法核对（{e}）"))?;
            let ledger = store.ledger().map_err(|e| e.to_string())?;
            Ok((ledger, Ok(EvidenceAt::Vault(store.data_dir().evidence()))))
        }
    }
}

fn verify(file: &Path, given: &Given<'_>, explicit: Option<&Path>) -> Result<String, CliError> {
    let rules = rule_book(explicit)?;
    let check = check_package(file, &rules, records(given, explicit), given.font);
    let report = &check.report;
    let mut text = String::new();
    for d in &report.differences {
        text.push_str(&format!("✗ {d}\n"));
    }
    let listed = report.manifest.as_ref().map_or(0, |m| m.files.len());
    text.push_str(&format!("{} / {listed} 个文件与清单一致\n", report.matching));
    let checked = report.checked();
    if !checked.is_empty() {
        text.push_str("检查了：\n");
        for c in checked {
            text.push_str(&format!("  ✓ {c}\n"));
        }
    }
    if report.manifest.is_some() && !check.unchecked.is_empty() {
        text.push_str("未检查：\n");
        for u in &check.unchecked {
            text.push_str(&format!("  - {u}\n"));
        }
    }
    if !report.is_ok() {
        if check.records_differ() {
            text.push_str("如果导出申报材料包之后修改过记录或证明材料，请重新导出申报材料包再检查。\n");
        }
        return Err(CliError::Problems(format!(
            "{text}申报材料包有 {} 处问题：{}\n",
            report.differences.len(),
            file.display()
        )));
    }
    if report.fully_checked() {
        Ok(format!("{text}申报材料包完好：{}\n", file.display()))
    } else {
        Ok(format!("{text}申报材料包与它自己的清单一致，但上面“未检查”的各项没有核对：{}\n", file.display()))
    }
}
