//! `xueshi remind`: today's reminders for the plan (the 核认 period opening or closing within 30
//! days, the current year still short after 1 October, records lacking evidence), and with
//! `--ics FILE` the dates ahead as a calendar file for the phone.

use std::path::{Path, PathBuf};

use crate::CliError;
use crate::store_cmds::open_handbook;

#[derive(clap::Args)]
pub struct RemindArgs {
    /// 把核认期限和每年 10 月 1 日的学时检查写成日历文件（.ics），可导入手机日历
    #[arg(long, value_name = "FILE")]
    ics: Option<PathBuf>,
    /// 以这一天为“今天”（YYYY-MM-DD，默认今天）
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    today: Option<chrono::NaiveDate>,
}

fn parse_date(text: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("日期“{text}”无法识别，请写成 2026-05-25"))
}

pub fn run(args: &RemindArgs, data_dir: Option<&Path>) -> Result<String, CliError> {
    let today = args.today.unwrap_or_else(|| chrono::Local::now().date_naive());
    let mut handbook = open_handbook(data_dir, None)?;
    if let Some(file) = &args.ics {
        let (calendar, events) = handbook.reminder_calendar(today)?;
        std::fs::write(file, calendar.as_bytes()).map_err(|e| {
            CliError::Input(format!("日历文件 {} 无法保存：{}", file.display(), xueshi_store::words::reason(&e)))
        })?;
        return Ok(format!("已保存日历文件 {}：{events} 个日程，导入手机日历后会按时提醒\n", file.display()));
    }
    let reminders = handbook.reminders(today)?;
    if reminders.is_empty() {
        return Ok("今天没有需要提醒的事\n".to_owned());
    }
    Ok(reminders.iter().map(|r| format!("· {}\n  {}\n", r.title, r.text)).collect())
}
