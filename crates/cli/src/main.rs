//! `xueshi`: the capabilities of 学时手册 from a terminal. Exit 0 when an assessment was produced, a
//! rule file is valid or a change was saved; 2 with a clear message for bad input; 1 when `verify`
//! finds a problem.

mod activity_args;
mod evidence_report;
mod exchange_cmds;
mod export_cmds;
mod packaged_window;
mod render;
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

/// The window typed after `--window` (`2023-2026`), checked against the application year.
pub(crate) fn parse_window(text: &str, apply_year: i32) -> Result<YearSpan, CliError> {
    let span = YearSpan::parse(text).ok_or_else(|| {
        CliError::Input(format!("认定跨度“{}”无法识别，请写成 起始年度-结束年度，如 2023-2026", text.trim()))
    })?;
    span.check(apply_year).map_err(CliError::Input)?;
    Ok(span)
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
    #[error("没有 id 为 `{0}` 的规则集；用 `xueshi rules list` 查看可用的规则集")]
    UnknownRules(String),
    #[error("{0} 年之前没有收录任何通知，请用 --rules 指定规则集")]
    NoDefault(i32),
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Input(String),
    /// `verify` found problems: the report is printed, the exit code is 1.
    #[error("{0}")]
    Problems(String),
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
        Command::Store(c) => store_cmds::run(c, data_dir),
        Command::Exchange(c) => exchange_cmds::run(c, data_dir),
        Command::Package(c) => export_cmds::run(c, data_dir),
        Command::Rules { command: RulesCommand::List } => Ok(render::rules_list(&RuleBook::builtin()?)),
        Command::Rules { command: RulesCommand::Show { id, json } } => {
            let mut book = RuleBook::builtin()?;
            let set = lookup(&mut book, &id)?;
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
    let Some(ledger_file) = &args.ledger else {
        return store_cmds::assess_stored(args, data_dir);
    };
    let (Some(apply_year), Some(level)) = (args.apply_year, args.level) else {
        return Err(CliError::Input("请用 --apply-year 和 --level 指定参评年度和级别".into()));
    };
    let ledger = Ledger::from_json(&read(ledger_file)?)?;
    let mut application = Application::new(apply_year, level, args.path.unwrap_or(ApplicationPath::Standard));
    if let Some(text) = &args.window {
        application.window = Some(parse_window(text, apply_year)?);
    }
    assessment_output(&ledger, &application, args.rules.as_deref(), args.json, |_, _| String::new())
}

/// The assessment of `ledger` as printed by `assess`: JSON, or the Chinese report followed by
/// what `more` adds to it.
pub(crate) fn assessment_output(
    ledger: &Ledger,
    application: &Application,
    rules_choice: Option<&str>,
    json: bool,
    more: impl FnOnce(&xueshi_core::Assessment, &RuleSet) -> String,
) -> Result<String, CliError> {
    let mut book = RuleBook::builtin()?;
    let selection = match rules_choice {
        Some(id) => {
            let set = lookup(&mut book, id)?;
            Selection {
                id: set.id.clone(), assumed: false, reason: format!("按指定的规则集《{}》评估", set.name)
            }
        }
        None => book
            .default_for(application.year, ledger.profile.city.as_deref())
            .ok_or(CliError::NoDefault(application.year))?,
    };
    let rules = book.get(&selection.id).ok_or_else(|| CliError::UnknownRules(selection.id.clone()))?;
    let assessment = assess(ledger, rules, application)?;
    let text = if json {
        let mut value = serde_json::to_value(&assessment).unwrap_or_default();
        if let Some(map) = value.as_object_mut() {
            map.insert("rules_reason".into(), selection.reason.clone().into());
            map.insert("rules_assumed".into(), selection.assumed.into());
        }
        format!("{}\n", serde_json::to_string_pretty(&value).unwrap_or_default())
    } else {
        render::assessment(&assessment, ledger, &selection) + &more(&assessment, rules)
    };
    Ok(text)
}

/// A set by id, or a rule file by path (added to the book).
pub(crate) fn lookup<'b>(book: &'b mut RuleBook, id_or_file: &str) -> Result<&'b RuleSet, CliError> {
    let id = if id_or_file.ends_with(".toml") || Path::new(id_or_file).is_file() {
        let path = Path::new(id_or_file);
        book.add_file(&path.display().to_string(), &read(path)?)?
    } else {
        id_or_file.to_owned()
    };
    book.get(&id).ok_or(CliError::UnknownRules(id))
}

pub(crate) fn read(path: &Path) -> Result<String, CliError> {
    std::fs::read_to_string(path).map_err(|source| CliError::Read { path: path.display().to_string(), source })
}

pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> String {
    format!("{}\n", serde_json::to_string_pretty(value).unwrap_or_default())
}
