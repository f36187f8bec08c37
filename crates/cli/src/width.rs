//! Column alignment for terminal tables where a Chinese character takes two columns.

/// Display width: East Asian wide characters count 2, characters drawn as nothing (zero-width
/// space, byte order mark …) 0.
pub fn width(text: &str) -> usize {
    text.chars()
        .map(|c| {
            if xueshi_core::text::is_default_ignorable(c) {
                0
            } else if is_wide(c) {
                2
            } else {
                1
            }
        })
        .sum()
}

fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

/// Pads `text` on the right to `cols` display columns.
pub fn pad(text: &str, cols: usize) -> String {
    let w = width(text);
    format!("{text}{}", " ".repeat(cols.saturating_sub(w)))
}

/// Lays out rows as aligned columns separated by two spaces.
pub fn table(rows: &[Vec<String>]) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> =
        (0..cols).map(|i| rows.iter().filter_map(|r| r.get(i)).map(|c| width(c)).max().unwrap_or(0)).collect();
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row.iter().enumerate().map(|(i, c)| pad(c, widths[i])).collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_characters_take_two_columns() {
        assert_eq!(width("达标"), 4);
        assert_eq!(pad("达标", 6), "达标  ");
    }

    #[test]
    fn invisible_characters_take_no_column() {
        assert_eq!(width("证\u{200B}书\u{FEFF}"), 4);
        assert_eq!(pad("a\u{200D}", 3), "a\u{200D}  ");
    }

    #[test]
    fn a_table_aligns_mixed_text() {
        let t = table(&[vec!["年度".into(), "状态".into()], vec!["2021".into(), "达标".into()]]);
        assert_eq!(t, "年度  状态\n2021  达标\n");
    }
}
