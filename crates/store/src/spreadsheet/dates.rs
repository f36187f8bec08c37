//! Dates as people type them in spreadsheets: date cells and Excel serial numbers, `2023.10.7`,
//! `2023-10-07`, `2023/10/7`, `2023年10月7日`, `20231007`, and ranges such as
//! `2023.10.7-2023.10.9`, `2023.10.7-10.9` or `2023年10月7日至9日`; and years (`2023`, `2018-2022`).

use chrono::{Datelike, Duration, NaiveDate};

use super::header::half_width;
use super::source::Cell;

/// Excel serial numbers of 1950-01-01 and 2100-12-31: numbers between them in a date column are
/// dates whose cell lost its date format.
const SERIAL_MIN: f64 = 18_264.0;
const SERIAL_MAX: f64 = 73_415.0;

/// A start date and, for a range, an end date.
pub(crate) type Span = (NaiveDate, Option<NaiveDate>);

/// Reads a date or a range of dates from a cell.
pub(crate) fn span(cell: &Cell) -> Result<Span, String> {
    match cell {
        Cell::Date(d) => Ok((*d, None)),
        Cell::Number(n) => serial(*n).map(|d| (d, None)),
        Cell::Text(t) => text_span(t),
        Cell::Invalid(t) => Err(format!("“{t}”不是日期")),
        Cell::Empty => Err("请填写日期".to_owned()),
    }
}

/// Reads a single date (a 开始日期 or 结束日期 cell).
pub(crate) fn single(cell: &Cell) -> Result<NaiveDate, String> {
    match span(cell)? {
        (d, None) => Ok(d),
        (_, Some(_)) => Err("这里只填一个日期".to_owned()),
    }
}

fn serial(n: f64) -> Result<NaiveDate, String> {
    // 8-digit numbers are dates typed without separators: 20231007.
    if n.fract() == 0.0 && (19_500_101.0..=21_001_231.0).contains(&n) {
        return text_span(&format!("{}", n as i64)).map(|(d, _)| d);
    }
    if !(SERIAL_MIN..=SERIAL_MAX).contains(&n) {
        return Err(format!("“{n}”不是日期"));
    }
    // Excel day 1 is 1900-01-01 and counts the non-existent 1900-02-29: from day 61 on, day n is
    // 1899-12-30 plus n days.
    NaiveDate::from_ymd_opt(1899, 12, 30)
        .and_then(|epoch| epoch.checked_add_signed(Duration::days(n.floor() as i64)))
        .ok_or_else(|| format!("“{n}”不是日期"))
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Token {
    Number(u32, usize),
    /// `.`, `/`, `-`, `年`, `月`: inside a date (a `-` may also join two dates).
    DatePart(char),
    /// `日`, `号`: the end of a date.
    DayEnd,
    /// `至`, `到`, `~`, dashes: between two dates.
    To,
}

fn tokens(text: &str) -> Option<Vec<Token>> {
    let mut out = Vec::new();
    let mut chars = text.chars().map(half_width).peekable();
    while let Some(c) = chars.next() {
        let token = match c {
            '0'..='9' => {
                let mut digits = String::from(c);
                while let Some(d) = chars.next_if(char::is_ascii_digit) {
                    digits.push(d);
                }
                Token::Number(digits.parse().ok()?, digits.len())
            }
            '.' | '/' | '-' | '年' | '月' => Token::DatePart(c),
            '日' | '号' => Token::DayEnd,
            '至' | '到' | '~' | '—' | '–' | '－' | '―' | '～' => Token::To,
            c if c.is_whitespace() => continue,
            _ => return None,
        };
        // `——` is one separator.
        if token == Token::To && out.last() == Some(&Token::To) {
            continue;
        }
        out.push(token);
    }
    Some(out)
}

/// Reads numbers separated by date parts, at most `max` of them, from `tokens[at..]`.
fn date_numbers(tokens: &[Token], mut at: usize, max: usize) -> (Vec<(u32, usize)>, usize) {
    let mut numbers = Vec::new();
    while let Some(Token::Number(n, len)) = tokens.get(at) {
        numbers.push((*n, *len));
        at += 1;
        if numbers.len() == max {
            break;
        }
        // After a year or a month, a dash is inside the date; after the day (`max` reached) it
        // joins two dates.
        match tokens.get(at) {
            Some(Token::DatePart(_)) => at += 1,
            _ => break,
        }
    }
    if let Some(Token::DayEnd) = tokens.get(at) {
        at += 1;
    }
    (numbers, at)
}

fn ymd(y: u32, m: u32, d: u32, text: &str) -> Result<NaiveDate, String> {
    NaiveDate::from_ymd_opt(y as i32, m, d).ok_or_else(|| format!("“{text}”中的日期 {y}年{m}月{d}日 不存在"))
}

/// Parses a date or a range of dates typed as text.
pub(crate) fn text_span(text: &str) -> Result<Span, String> {
    let text = text.trim();
    let unknown =
        || format!("无法识别日期“{text}”，请写成 2023.10.7、2023-10-07、2023年10月7日 或 2023.10.7-2023.10.9");
    // A date-time typed or exported as text: drop the time of day.
    let text_no_time = match text.split_once([' ', 'T']) {
        Some((day, time)) if time.contains(':') => day,
        _ => text,
    };
    let tokens = tokens(text_no_time).ok_or_else(unknown)?;
    // 20231007 or 20231007-20231009
    let compact = |n: u32| ymd(n / 10_000, n / 100 % 100, n % 100, text);
    if let [Token::Number(n, 8), rest @ ..] = tokens.as_slice() {
        let start = compact(*n)?;
        return match rest {
            [] => Ok((start, None)),
            [Token::To | Token::DatePart('-'), Token::Number(m, 8)] => Ok((start, Some(compact(*m)?))),
            _ => Err(unknown()),
        };
    }
    let (first, at) = date_numbers(&tokens, 0, 3);
    let start = match first.as_slice() {
        [(y, 4), (m, _), (d, _)] => ymd(*y, *m, *d, text)?,
        [(_, 4), (_, _)] | [(_, 4)] => {
            return Err(format!("“{text}”缺少日，请写到具体哪一天，如 2023.10.7"));
        }
        _ => return Err(unknown()),
    };
    if at == tokens.len() {
        return Ok((start, None));
    }
    if !matches!(tokens.get(at), Some(Token::To | Token::DatePart('-'))) {
        return Err(unknown());
    }
    let (second, end_at) = date_numbers(&tokens, at + 1, 3);
    if end_at != tokens.len() {
        return Err(unknown());
    }
    let end = match second.as_slice() {
        [(y, 4), (m, _), (d, _)] => ymd(*y, *m, *d, text)?,
        [(m, _), (d, _)] => ymd(start.year() as u32, *m, *d, text)?,
        [(d, _)] => ymd(start.year() as u32, start.month(), *d, text)?,
        _ => return Err(unknown()),
    };
    Ok((start, Some(end)))
}

/// The 年度 cell: one year, or for a 学时认定单 a range of years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Years {
    pub from: i32,
    pub to: i32,
}

/// Reads `2023`, `2023年`, `2023年度`, `2018-2022`, `2018年至2022年`.
pub(crate) fn years(cell: &Cell) -> Result<Years, String> {
    let text = cell.display();
    let bad = || format!("无法识别年度“{text}”，请填四位年份，如 2023（学时认定单可填 2018-2022）");
    let cleaned: String =
        text.chars().map(half_width).filter(|c| !matches!(c, '年' | '度') && !c.is_whitespace()).collect();
    let parts: Vec<&str> =
        cleaned.split(['-', '至', '到', '~', '—', '–', '－', '～']).filter(|p| !p.is_empty()).collect();
    let year = |p: &str| p.parse::<i32>().ok().filter(|y| p.len() == 4 && (1950..=2100).contains(y));
    match parts.as_slice() {
        [y] => year(y).map(|y| Years { from: y, to: y }).ok_or_else(bad),
        [a, b] => match (year(a), year(b)) {
            (Some(from), Some(to)) if from <= to => Ok(Years { from, to }),
            (Some(_), Some(_)) => Err(format!("年度“{text}”的结束年份早于开始年份")),
            _ => Err(bad()),
        },
        _ => Err(bad()),
    }
}
