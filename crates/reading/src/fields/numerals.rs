//! Numbers as certificates write them: `32`, `1.5`, and in Chinese numerals — 三十二, 十四, 一百二十,
//! and digit by digit as years are written (二〇二五, 二零二五).

/// The value of a Chinese digit (〇 and 零 for 0, 两 for 2).
fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// Whether `c` may be part of a number in Chinese numerals.
pub(super) fn is_cn_numeral(c: char) -> bool {
    cn_digit(c).is_some() || matches!(c, '十' | '拾' | '百' | '佰')
}

/// The most characters a number in Chinese numerals is read from.
const MAX_CN: usize = 8;

/// The number in Chinese numerals at `chars[at..]` and where it ends: 十四 (14), 三十一 (31),
/// 一百二十 (120), 二〇二五 (2025, digit by digit); `None` when there is none.
pub(super) fn cn_number(chars: &[char], at: usize) -> Option<(u32, usize)> {
    let mut end = at;
    while end < chars.len() && end - at < MAX_CN && is_cn_numeral(chars[end]) {
        end += 1;
    }
    let run = chars.get(at..end)?;
    if run.is_empty() {
        return None;
    }
    if run.iter().all(|c| cn_digit(*c).is_some()) {
        let value = run.iter().filter_map(|c| cn_digit(*c)).fold(0u32, |v, d| v.saturating_mul(10).saturating_add(d));
        return Some((value, end));
    }
    let (mut total, mut current, mut last_unit) = (0u32, None::<u32>, u32::MAX);
    for &c in run {
        let unit = match c {
            '十' | '拾' => 10,
            '百' | '佰' => 100,
            c => {
                if current.is_some() && cn_digit(c) != Some(0) {
                    return None;
                }
                current = cn_digit(c).filter(|d| *d != 0);
                continue;
            }
        };
        if unit >= last_unit {
            return None;
        }
        total += match current {
            Some(d) => d * unit,
            None if unit == 10 => 10,
            None => return None,
        };
        current = None;
        last_unit = unit;
    }
    Some((total + current.unwrap_or(0), end))
}

/// The number in ASCII digits at `chars[at..]`, with one decimal point at most, and where it ends.
pub(super) fn arabic_number(chars: &[char], at: usize) -> Option<(f64, usize)> {
    let mut end = at;
    while chars.get(end).is_some_and(char::is_ascii_digit) {
        end += 1;
    }
    if end == at || end - at > 9 {
        return None;
    }
    if chars.get(end) == Some(&'.') && chars.get(end + 1).is_some_and(char::is_ascii_digit) {
        end += 1;
        while chars.get(end).is_some_and(char::is_ascii_digit) && end - at < 12 {
            end += 1;
        }
    }
    let text: String = chars.get(at..end)?.iter().collect();
    text.parse().ok().map(|v| (v, end))
}

/// The number, in digits or in Chinese numerals, that ends right before `end` (spaces and a
/// measure word 个 between them skipped), and where it starts; not one that is the tail of a
/// longer run of digits and letters (`HN2024` has no number 2024 before it).
pub(super) fn number_before(chars: &[char], end: usize) -> Option<(f64, usize)> {
    let mut end = end;
    while end > 0 && matches!(chars.get(end - 1), Some(' ' | '个')) {
        end -= 1;
    }
    let mut start = end;
    let arabic = |c: &char| c.is_ascii_digit() || *c == '.';
    if chars.get(end.checked_sub(1)?).is_some_and(arabic) {
        while start > 0 && chars.get(start - 1).is_some_and(arabic) {
            start -= 1;
        }
        while chars.get(start) == Some(&'.') {
            start += 1;
        }
        if start > 0 && chars.get(start - 1).is_some_and(char::is_ascii_alphabetic) {
            return None;
        }
        return arabic_number(chars, start).filter(|(_, e)| *e == end).map(|(v, _)| (v, start));
    }
    while start > 0 && end - start < MAX_CN && chars.get(start - 1).is_some_and(|c| is_cn_numeral(*c)) {
        start -= 1;
    }
    // The longest run that reads as one number.
    (start..end).find_map(|s| cn_number(chars, s).filter(|(_, e)| *e == end).map(|(v, _)| (f64::from(v), s)))
}

/// The number, in digits or Chinese numerals, at `chars[at..]` and where it ends.
pub(super) fn number_at(chars: &[char], at: usize) -> Option<(f64, usize)> {
    arabic_number(chars, at).or_else(|| cn_number(chars, at).map(|(v, e)| (f64::from(v), e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cn(text: &str) -> Option<u32> {
        let chars: Vec<char> = text.chars().collect();
        cn_number(&chars, 0).filter(|(_, end)| *end == chars.len()).map(|(v, _)| v)
    }

    #[test]
    fn chinese_numerals_read_as_written() {
        assert_eq!(cn("十"), Some(10));
        assert_eq!(cn("十四"), Some(14));
        assert_eq!(cn("二十"), Some(20));
        assert_eq!(cn("三十一"), Some(31));
        assert_eq!(cn("三十二"), Some(32));
        assert_eq!(cn("一百二十"), Some(120));
        assert_eq!(cn("一百零八"), Some(108));
        assert_eq!(cn("二〇二五"), Some(2025));
        assert_eq!(cn("二零二四"), Some(2024));
        assert_eq!(cn("十十"), None);
        assert_eq!(cn("百"), None);
    }

    #[test]
    fn the_number_before_a_unit_is_read_back_to_its_start() {
        let chars: Vec<char> = "共计三十二学时，另1.5学分，HN2024".chars().collect();
        assert_eq!(number_before(&chars, 5), Some((32.0, 2)));
        assert_eq!(number_before(&chars, 12), Some((1.5, 9)));
        assert_eq!(number_before(&chars, chars.len()), None);
    }
}
