//! `xueshi`: the capabilities of 学时手册 from a terminal. Exit 0 when an assessment was produced or a
//! rule file is valid; 2 with a clear message for bad input.

mod render;
mod width;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use xueshi_core::engine::AssessError;
use xueshi_core::kinds::{ApplicationPath, Level};
use xueshi_core::rules::Selection;
use xueshi_core::{Application, Ledger, LedgerError, RuleBook, RuleError, RuleSet, assess};

#[derive(Parser)]
#[command(name = "xueshi", version, about = "学时手册：湖南专业技术人员继续教育学时的记录、折算与认定")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// 按规则评估一份学时记录文件（xueshi-ledger JSON）
    Assess(AssessArgs),
    /// 查看和检查规则文件
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
    },
}

#[derive(clap::Args)]
struct AssessArgs {
    /// 学时记录文件（xueshi-ledger JSON）
    #[arg(long, value_name = "FILE")]
    ledger: PathBuf,
    /// 参评年度
    #[arg(long, value_name = "Y", value_parser = clap::value_parser!(i32).range(1990..=2100))]
    apply_year: i32,
    /// 参评级别：junior | intermediate | associate_senior | senior
    #[arg(long, value_name = "L", value_parser = parse_level)]
    level: Level,
    /// 参评途径：standard | phd | master_medical
    #[arg(long, value_name = "P", value_parser = parse_path, default_value = "standard")]
    path: ApplicationPath,
    /// 规则集 id 或规则文件路径（默认：参评年度适用的规则集）
    #[arg(long, value_name = "ID|FILE")]
    rules: Option<String>,
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

fn parse_level(s: &str) -> Result<Level, String> {
    Level::from_code(s).ok_or_else(|| format!("未知的级别 `{s}`，可选：{}", Level::codes()))
}

fn parse_path(s: &str) -> Result<ApplicationPath, String> {
    ApplicationPath::from_code(s).ok_or_else(|| format!("未知的途径 `{s}`，可选：{}", ApplicationPath::codes()))
}

/// Everything that stops a command, each with a message for the user.
#[derive(Debug, thiserror::Error)]
enum CliError {
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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("错误：{e}");
            ExitCode::from(2)
        }
    }
}

fn run(command: Command) -> Result<String, CliError> {
    match command {
        Command::Assess(args) => assess_command(&args),
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

fn assess_command(args: &AssessArgs) -> Result<String, CliError> {
    let ledger = Ledger::from_json(&read(&args.ledger)?)?;
    let mut book = RuleBook::builtin()?;
    let selection = match &args.rules {
        Some(id) => {
            let set = lookup(&mut book, id)?;
            Selection {
                id: set.id.clone(), assumed: false, reason: format!("按指定的规则集《{}》评估", set.name)
            }
        }
        None => book
            .default_for(args.apply_year, ledger.profile.city.as_deref())
            .ok_or(CliError::NoDefault(args.apply_year))?,
    };
    let rules = book.get(&selection.id).ok_or_else(|| CliError::UnknownRules(selection.id.clone()))?;
    let application = Application { year: args.apply_year, level: args.level, path: args.path };
    let assessment = assess(&ledger, rules, &application)?;
    if args.json {
        let mut value = serde_json::to_value(&assessment).unwrap_or_default();
        if let Some(map) = value.as_object_mut() {
            map.insert("rules_reason".into(), selection.reason.clone().into());
            map.insert("rules_assumed".into(), selection.assumed.into());
        }
        Ok(format!("{}\n", serde_json::to_string_pretty(&value).unwrap_or_default()))
    } else {
        Ok(render::assessment(&assessment, &ledger, &selection))
    }
}

/// A set by id, or a rule file by path (added to the book).
fn lookup<'b>(book: &'b mut RuleBook, id_or_file: &str) -> Result<&'b RuleSet, CliError> {
    let id = if id_or_file.ends_with(".toml") || Path::new(id_or_file).is_file() {
        let path = Path::new(id_or_file);
        book.add_file(&path.display().to_string(), &read(path)?)?
    } else {
        id_or_file.to_owned()
    };
    book.get(&id).ok_or(CliError::UnknownRules(id))
}

fn read(path: &Path) -> Result<String, CliError> {
    std::fs::read_to_string(path).map_err(|source| CliError::Read { path: path.display().to_string(), source })
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    format!("{}\n", serde_json::to_string_pretty(value).unwrap_or_default())
}
