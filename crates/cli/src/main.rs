//! `xueshi`: the capabilities of 学时手册 from a terminal. Exit 0 when an assessment was produced, a
//! rule file is valid or a change was saved; 2 with a clear message for bad input; 1 when `verify`
//! finds a problem.

mod activity_args;
mod book_cmd;
mod evidence_report;
mod exchange_cmds;
mod export_cmds;
mod keep_finding;
mod kit_cmd;
mod remind_cmd;
mod render;
mod review_cmd;
mod scan_cmd;
mod scan_folder_cmd;
mod store_cmds;
mod width;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use xueshi_core::engine::AssessError;
use xueshi_core::kinds::{ApplicationPath, Level};
use xueshi_core::rules::Selection;
use xueshi_core::text::for_terminal;
use xueshi_core::{Application, Ledger, LedgerError, RuleBook, RuleError, RuleSet, YearSpan, assess};
use xueshi_handbook::{HandbookError, Rules};
use xueshi_store::StoreError;

#[derive(Parser)]
#[command(name = "xueshi", version, about = "学时手册：湖南专业技术人员继续教育学时的记录、折算与认定")]
struct Cli {
    /// 数据文件夹（默认：系统的应用数据文件夹，与桌面版相同；也可用环境变量 XUESHI_DATA_DIR）
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

// Parsed once per run: the size of the largest variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
enum Command {
    /// 按规则评估学时记录：已保存的记录，或用 --ledger 指定的记录文件（xueshi-ledger JSON）
    Assess(AssessArgs),
    /// 预审：列出审核时可能被质疑的问题（同一文件或证书编号用于多条记录、日期重叠、单日学时超限、不在认定跨度内、论文未填刊号、证明材料（有文字的 PDF）上的姓名或身份证号与本人不符、有学时无证明材料）；有问题也以 0 退出
    Review(AssessArgs),
    /// 提醒：核认期限将开始或截止、当年学时不足、记录缺少证明材料；--ics 保存手机日历文件
    Remind(remind_cmd::RemindArgs),
    /// 读取证书：从证书文件（带文字的 PDF）中找出可以填入记录的内容（类别、名称、日期、学时、证书编号等），不保存
    Scan(scan_cmd::ScanArgs),
    /// 查看和检查规则文件
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
    },
    #[command(flatten)]
    Store(store_cmds::StoreCommand),
    #[command(flatten)]
    Exchange(exchange_cmds::ExchangeCommand),
    #[command(flatten)]
    Package(export_cmds::PackageCommand),
}

#[derive(clap::Args)]
struct AssessArgs {
    /// 学时记录文件（xueshi-ledger JSON）；不指定时评估数据文件夹中保存的记录
    #[arg(long, value_name = "FILE")]
    ledger: Option<PathBuf>,
    /// 参评年度（评估已保存的记录时，可省略而使用 `xueshi plan` 登记的参评计划）
    #[arg(long, value_name = "Y", value_parser = clap::value_parser!(i32).range(1990..=2100))]
    apply_year: Option<i32>,
    /// 参评级别：junior | intermediate | associate_senior | senior
    #[arg(long, value_name = "L", value_parser = parse_level)]
    level: Option<Level>,
    /// 参评途径：standard | phd | master_medical（默认 standard）
    #[arg(long, value_name = "P", value_parser = parse_path)]
    path: Option<ApplicationPath>,
    /// 规则集 id 或规则文件路径（默认：参评年度适用的规则集）
    #[arg(long, value_name = "ID|FILE")]
    rules: Option<String>,
    /// 认定跨度，按本单位职称评审通知填写，如 2023-2026（默认：规则集所定的跨度；规则集未定时按推定的跨度并提醒）
    #[arg(long, value_name = "FROM-TO")]
    window: Option<String>,
    /// 输出 JSON
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
enum RulesCommand {
    /// 列出所有规则集
    List,
    /// 显示一个规则集的全部条款
    Show {
        /// 规则集 id 或规则文件路径
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// 检查一个规则文件是否有效
    Check { file: PathBuf },
}

pub(crate) fn parse_level(s: &str) -> Result<Level, String> {
    Level::from_code(s).ok_or_else(|| format!("未知的级别 `{s}`，可选：{}", Level::codes()))
}

/// The window typed after `--window` (`2023-2026`); the application layer checks it against the
/// application year.
pub(crate) fn parse_window(text: &str) -> Result<YearSpan, CliError> {
    YearSpan::parse(text).ok_or_else(|| {
        CliError::Input(format!("认定跨度“{}”无法识别，请写成 起始年度-结束年度，如 2023-2026", text.trim()))
    })
}

pub(crate) fn parse_path(s: &str) -> Result<ApplicationPath, String> {
    ApplicationPath::from_code(s).ok_or_else(|| format!("未知的途径 `{s}`，可选：{}", ApplicationPath::codes()))
}

/// Everything that stops a command, each with a message for the user.
#[derive(Debug, thiserror::Error)]
pub(crate) enum CliError {
    #[error("无法读取文件 {path}：{source}")]
    Read { path: String, source: std::io::Error },
    #[error("{0}")]
    Ledger(#[from] LedgerError),
    #[error("规则文件无效：{0}")]
    Rules(#[from] RuleError),
    #[error("{0}")]
    Assess(#[from] AssessError),
    #[error("{}", handbook_message(.0))]
    Handbook(HandbookError),
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Input(String),
    /// `verify` found problems: the report is printed, the exit code is 1.
    #[error("{0}")]
    Problems(String),
}

impl From<HandbookError> for CliError {
    fn from(e: HandbookError) -> CliError {
        match e {
            HandbookError::Store(e) => CliError::Store(e),
            e => CliError::Handbook(e),
        }
    }
}

/// The application layer's error in the command line's words (its flags and subcommands).
fn handbook_message(e: &HandbookError) -> String {
    match e {
        HandbookError::NoRulesForYear(year) => format!("{year} 年之前没有收录任何通知，请用 --rules 指定规则集"),
        HandbookError::UnknownRules(id) => {
            format!("没有 id 为 `{id}` 的规则集；用 `xueshi rules list` 查看可用的规则集")
        }
        HandbookError::NoPlan => {
            "请用 --apply-year 和 --level 指定参评年度和级别，或先用 `xueshi plan` 登记参评计划".to_owned()
        }
        e => e.to_string(),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command, cli.data_dir.as_deref()) {
        // What the user's files hold (a title, a rule file, a spreadsheet cell) may carry escape
        // sequences or direction overrides: they are printed as visible `\uXXXX` escapes.
        Ok(text) => {
            print!("{}", for_terminal(&text));
            ExitCode::SUCCESS
        }
        Err(CliError::Problems(report)) => {
            print!("{}", for_terminal(&report));
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("错误：{}", for_terminal(&e.to_string()));
            ExitCode::from(2)
        }
    }
}

fn run(command: Command, data_dir: Option<&Path>) -> Result<String, CliError> {
    match command {
        Command::Assess(args) => assess_command(&args, data_dir),
        Command::Review(args) => review_cmd::run(&args, data_dir),
        Command::Remind(args) => remind_cmd::run(&args, data_dir),
        Command::Scan(args) => scan_cmd::run(&args, data_dir),
        Command::Store(c) => store_cmds::run(c, data_dir),
        Command::Exchange(c) => exchange_cmds::run(c, data_dir),
        Command::Package(c) => export_cmds::run(c, data_dir),
        Command::Rules { command: RulesCommand::List } => Ok(render::rules_list(&rule_book(data_dir)?)),
        Command::Rules { command: RulesCommand::Show { id, json } } => {
            let mut rules = rule_book(data_dir)?;
            let id = rules.choose(&id)?;
            let set = rules.book.get(&id).ok_or(HandbookError::UnknownRules(id))?;
            Ok(if json { to_json(set) } else { render::rules_show(set) })
        }
        Command::Rules { command: RulesCommand::Check { file } } => {
            let text = read(&file)?;
            let set = RuleBook::check_file(&file.display().to_string(), &text)?;
            Ok(format!(
                "规则文件有效：{}（{}），共 {} 条折算条款、{} 个认定跨度、{} 组材料要求\n",
                set.id,
                set.name,
                set.conversions.len(),
                set.windows.len(),
                set.evidence.len()
            ))
        }
    }
}

fn assess_command(args: &AssessArgs, data_dir: Option<&Path>) -> Result<String, CliError> {
    if args.ledger.is_none() {
        return store_cmds::assess_stored(args, data_dir);
    }
    assess_ledger_file(args, data_dir, |ledger, set, selection, assessment| {
        assessment_output(ledger, set, selection, assessment, args.json, |_, _| String::new())
    })
}

/// Assesses the ledger file of `--ledger` for the application the flags give, and hands the
/// result to `output`.
pub(crate) fn assess_ledger_file(
    args: &AssessArgs,
    data_dir: Option<&Path>,
    output: impl FnOnce(&Ledger, &RuleSet, &Selection, &xueshi_core::Assessment) -> String,
) -> Result<String, CliError> {
    let Some(ledger_file) = &args.ledger else {
        return Err(CliError::Input("请用 --ledger 指定学时记录文件".into()));
    };
    let (Some(apply_year), Some(level)) = (args.apply_year, args.level) else {
        return Err(CliError::Input("请用 --apply-year 和 --level 指定参评年度和级别".into()));
    };
    let ledger = Ledger::from_json(&read(ledger_file)?)?;
    let mut application = Application::new(apply_year, level, args.path.unwrap_or(ApplicationPath::Standard));
    if let Some(text) = &args.window {
        let span = parse_window(text)?;
        span.check(apply_year).map_err(CliError::Input)?;
        application.window = Some(span);
    }
    let mut rules = rule_book(data_dir)?;
    let (set, selection) = rules.resolve(args.rules.as_deref(), apply_year, ledger.profile.city.as_deref())?;
    let assessment = assess(&ledger, set, &application)?;
    Ok(output(&ledger, set, &selection, &assessment))
}

/// The built-in notices and the rule files saved in the data folder (through the app or
/// `xueshi rules add`); only the built-in ones when there is no data folder.
pub(crate) fn rule_book(data_dir: Option<&Path>) -> Result<Rules, CliError> {
    match store_cmds::data_dir(data_dir) {
        Ok(dir) => Ok(Rules::load(&dir)?),
        Err(_) => Ok(Rules { book: RuleBook::builtin()?, errors: Vec::new() }),
    }
}

/// The assessment of `ledger` as printed by `assess`: JSON, or the Chinese report followed by
/// what `more` adds to it.
pub(crate) fn assessment_output(
    ledger: &Ledger,
    rules: &RuleSet,
    selection: &Selection,
    assessment: &xueshi_core::Assessment,
    json: bool,
    more: impl FnOnce(&xueshi_core::Assessment, &RuleSet) -> String,
) -> String {
    if json {
        let mut value = serde_json::to_value(assessment).unwrap_or_default();
        if let Some(map) = value.as_object_mut() {
            map.insert("rules_reason".into(), selection.reason.clone().into());
            map.insert("rules_assumed".into(), selection.assumed.into());
        }
        format!("{}\n", serde_json::to_string_pretty(&value).unwrap_or_default())
    } else {
        render::assessment(assessment, ledger, selection) + &more(assessment, rules)
    }
}

pub(crate) fn read(path: &Path) -> Result<String, CliError> {
    std::fs::read_to_string(path).map_err(|source| CliError::Read { path: path.display().to_string(), source })
}

pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> String {
    format!("{}\n", serde_json::to_string_pretty(value).unwrap_or_default())
}
