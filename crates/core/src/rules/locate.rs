//! Turns a byte offset in a rule file into what a person needs to find the mistake: line, column
//! and the field's path (`conversion[3].hours`).

/// Where in a rule file something is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    /// e.g. `requirement.total`, `conversion[3].kinds`; empty at the top of the file.
    pub field: String,
}

/// Locates `offset` in `text`: 1-based line and column (in characters) and the dotted field path
/// of the key written on that line (or the nearest line above it that has a key).
pub fn locate(text: &str, offset: usize) -> Location {
    let offset = offset.min(text.len());
    let offset = (0..=offset).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..offset].chars().count() + 1;

    let lines: Vec<&str> = text.lines().collect();
    let mut key = None;
    let mut table = String::new();
    for (index, raw) in lines.iter().enumerate().take(line).rev() {
        let trimmed = raw.trim_start();
        if key.is_none()
            && !trimmed.starts_with('#')
            && !trimmed.starts_with('[')
            && let Some(eq) = trimmed.find('=')
        {
            let name = trimmed[..eq].trim().trim_matches('"');
            if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || "_-.".contains(c)) {
                key = Some(name.to_owned());
            }
        }
        if let Some(header) = table_header(trimmed) {
            table = header_path(&lines[..index], header, trimmed.starts_with("[["));
            break;
        }
    }
    let field = match (table.is_empty(), key) {
        (true, Some(k)) => k,
        (false, Some(k)) => format!("{table}.{k}"),
        (_, None) => table,
    };
    Location { line, column, field }
}

fn table_header(line: &str) -> Option<&str> {
    let inner = line.strip_prefix("[[").and_then(|l| l.split("]]").next());
    inner.or_else(|| line.strip_prefix('[').and_then(|l| l.split(']').next())).map(str::trim)
}

/// `conversion[3]` for the fourth `[[conversion]]`, `requirement` for `[requirement]`.
fn header_path(earlier: &[&str], header: &str, is_array: bool) -> String {
    if !is_array {
        return header.to_owned();
    }
    let marker = format!("[[{header}]]");
    let index = earlier.iter().filter(|l| l.trim().starts_with(&marker)).count();
    format!("{header}[{index}]")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_field_inside_the_nth_array_table() {
        let text = "id = \"x\"\n[[conversion]]\nhours = 1\n[[conversion]]\nhours = -4\n";
        let at = text.find("-4").unwrap();
        let loc = locate(text, at);
        assert_eq!((loc.line, loc.column), (5, 9));
        assert_eq!(loc.field, "conversion[1].hours");
    }

    #[test]
    fn names_a_top_level_key() {
        let text = "id = \"x\"\nextends = \"y\"\n";
        let loc = locate(text, text.find("\"y\"").unwrap());
        assert_eq!(loc.field, "extends");
        assert_eq!(loc.line, 2);
    }

    #[test]
    fn counts_columns_in_characters_not_bytes() {
        let text = "name = \"通知\" x\n";
        let loc = locate(text, text.find('x').unwrap());
        assert_eq!(loc.column, 13);
    }
}
