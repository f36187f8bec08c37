//! How certificates write their values: dates (2024年5月14日, 2024-05-14, 2024.05.14,
//! 二〇二四年五月十四日) and ranges (至16日, 至6月2日, 至2024年5月16日, 2024.05.14-2024.05.16),
//! certificate numbers in the formats platforms and bodies use, and 学时 and 学分.

use chrono::{Datelike, Duration, NaiveDate};

use super::words::Lcg;

/// How a date is written.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum DateForm {
    Chinese,
    Dashed,
    Dotted,
    Numerals,
}

impl DateForm {
    pub fn random(rng: &mut Lcg) -> DateForm {
        [DateForm::Chinese, DateForm::Chinese, DateForm::Dashed, DateForm::Dotted, DateForm::Numerals][rng.below(5)]
    }
}

/// `date` written in `form`.
pub fn date(d: NaiveDate, form: DateForm) -> String {
    match form {
        DateForm::Chinese => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        DateForm::Dashed => d.format("%Y-%m-%d").to_string(),
        DateForm::Dotted => d.format("%Y.%m.%d").to_string(),
        DateForm::Numerals => {
            let year: String = d.year().to_string().chars().map(|c| digit(c.to_digit(10).unwrap_or(0))).collect();
            format!("{year}年{}月{}日", numerals(d.month()), numerals(d.day()))
        }
    }
}

/// A range from `start` to `end` written in `form`, the end's year (and month) left out when
/// the form and a coin allow it.
pub fn range(start: NaiveDate, end: NaiveDate, form: DateForm, rng: &mut Lcg) -> String {
    let short = rng.chance(0.6);
    match form {
        DateForm::Chinese if short && start.month() == end.month() && start.year() == end.year() => {
            format!("{}至{}日", date(start, form), end.day())
        }
        DateForm::Chinese if short && start.year() == end.year() => {
            format!("{}至{}月{}日", date(start, form), end.month(), end.day())
        }
        DateForm::Numerals if short && start.month() == end.month() && start.year() == end.year() => {
            format!("{}至{}日", date(start, form), numerals(end.day()))
        }
        DateForm::Dashed | DateForm::Dotted if rng.chance(0.5) => format!("{}-{}", date(start, form), date(end, form)),
        _ => format!("{}至{}", date(start, form), date(end, form)),
    }
}

fn digit(d: u32) -> char {
    ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'][d as usize % 10]
}

/// 1 to 99 in Chinese numerals: 五, 十, 十四, 二十, 三十一.
pub fn numerals(n: u32) -> String {
    match (n / 10, n % 10) {
        (0, u) => digit(u).to_string(),
        (1, 0) => "十".to_owned(),
        (1, u) => format!("十{}", digit(u)),
        (t, 0) => format!("{}十", digit(t)),
        (t, u) => format!("{}十{}", digit(t), digit(u)),
    }
}

/// A day in the years certificates are being collected for (2023–2025).
pub fn day(rng: &mut Lcg) -> NaiveDate {
    let start = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap_or_default();
    start + Duration::days(i64::from(rng.between(0, 3 * 365 - 40)))
}

/// A certificate number in one of the formats bodies use, as printed.
pub fn certificate_number(rng: &mut Lcg, year: i32) -> String {
    const PREFIXES: &[&str] = &["HN", "XJ", "HNJX", "CS", "JXJY", "ZJ"];
    const CITIES: &[&str] = &["长沙", "株洲", "湘潭", "衡阳", "岳阳", "常德", "郴州"];
    match rng.below(6) {
        0 => format!("{}-{year}-{:04}", rng.pick(PREFIXES), rng.between(1, 9999)),
        1 => format!("{}{year}{:06}", rng.pick(PREFIXES), rng.between(1, 999_999)),
        2 => format!("{year}{:02}{:06}", rng.between(1, 12), rng.between(1, 999_999)),
        3 => format!("{}-{year}-{:04}", rng.pick(CITIES), rng.between(1, 9999)),
        4 => format!("（{year}）湘继教结字第{:04}号", rng.between(1, 9999)),
        _ => format!("{year}{}{:05}", rng.pick(PREFIXES), rng.between(1, 99_999)),
    }
}

/// An amount of 学时: whole (most) or a half.
pub fn hours(rng: &mut Lcg, from: u32, to: u32) -> f64 {
    let whole = f64::from(rng.between(from, to));
    if rng.chance(0.25) { whole + 0.5 } else { whole }
}

/// `value` as printed: 24, 7.5.
pub fn amount(value: f64) -> String {
    if value.fract() == 0.0 { format!("{}", value as i64) } else { format!("{value}") }
}

/// How the 学时 (and 学分) of a certificate are stated, and what the record takes from them.
pub struct Amounts {
    /// The clause as printed.
    pub text: String,
    pub hours: Option<f64>,
    pub credits: Option<f64>,
}

/// A statement of `hours` 学时, or of 学分 with or without the rate that makes them 学时.
pub fn amounts(rng: &mut Lcg, hours: f64) -> Amounts {
    let h = amount(hours);
    let only = |text: String| Amounts { text, hours: Some(hours), credits: None };
    match rng.below(9) {
        0 | 1 => only(format!("共计{h}学时")),
        2 => only(format!("学时：{h}")),
        3 => only(format!("折合{h}学时")),
        4 => only(format!("计{h}学时")),
        5 if hours.fract() == 0.0 && hours <= 99.0 => only(format!("共计{}学时", numerals(hours as u32))),
        5 | 6 => only(format!("总学时：{h}")),
        7 => {
            let credits = hours / 10.0;
            Amounts {
                text: format!("获得{}学分（每学分折合10学时）", amount(credits)),
                hours: Some(hours),
                credits: Some(credits),
            }
        }
        _ => {
            let credits = f64::from(rng.between(1, 6)) / 2.0;
            Amounts {
                text: format!("共计{h}学时（{}学分）", amount(credits)),
                hours: Some(hours),
                credits: Some(credits),
            }
        }
    }
}

#[test]
fn values_are_written_as_certificates_write_them() {
    let d = NaiveDate::from_ymd_opt(2025, 5, 14).expect("a date");
    assert_eq!(date(d, DateForm::Numerals), "二〇二五年五月十四日");
    assert_eq!(date(d, DateForm::Dotted), "2025.05.14");
    assert_eq!(numerals(20), "二十");
    assert_eq!(numerals(31), "三十一");
    assert_eq!(amount(7.5), "7.5");
    assert_eq!(amount(24.0), "24");
}
