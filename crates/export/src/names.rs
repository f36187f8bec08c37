//! File and folder names that open correctly on Windows, macOS and Linux: characters Windows
//! forbids replaced by their full-width look-alikes, control and direction-override characters
//! removed, no trailing dots or spaces, no reserved device names (CON, NUL, COM1 …), no `.` or
//! `..`, and a length limit counted in characters (never cutting a character in half).

/// Every path inside a package stays within this many UTF-16 units (Windows counts those), so
/// that the package can be unpacked into a folder with a long path and stay under 260.
pub const MAX_PATH_CHARS: usize = 150;

/// Device names Windows reserves, with or without an extension.
const RESERVED: &[&str] = &[
    "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7",
    "COM8", "COM9", "COM¹", "COM²", "COM³", "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8",
    "LPT9", "LPT¹", "LPT²", "LPT³",
];

/// A character as it may appear in a name: `None` to drop it.
fn replacement(c: char) -> Option<char> {
    Some(match c {
        '<' => '＜',
        '>' => '＞',
        ':' => '：',
        '"' => '＂',
        '/' => '／',
        '\\' => '＼',
        '|' => '｜',
        '?' => '？',
        '*' => '＊',
        // Tabs and line breaks become spaces (runs are collapsed later).
        '\t' | '\n' | '\r' => ' ',
        c if c.is_control() => return None,
        // Zero-width, invisible and direction-override characters can disguise an extension.
        c if xueshi_core::text::is_default_ignorable(c) => return None,
        // The full-width space is kept as an ordinary one, so trimming sees it.
        '\u{3000}' => ' ',
        c => c,
    })
}

/// `text` with the characters Windows forbids replaced, control characters dropped, white space
/// collapsed and the ends tidied, at most `max_chars` UTF-16 units long (possibly empty). For
/// parts of a name; [`sanitize_component`] makes a whole one.
pub fn clean(text: &str, max_chars: usize) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().filter_map(replacement) {
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(c);
    }
    let mut out = truncate_units(out.trim_end(), max_chars);
    tidy_ends(&mut out);
    out
}

/// One safe path component made from `text`, at most `max_chars` UTF-16 units long, or
/// `fallback` when nothing usable is left.
pub fn sanitize_component(text: &str, max_chars: usize, fallback: &str) -> String {
    let mut out = clean(text, max_chars);
    if out.is_empty() {
        return fallback.to_owned();
    }
    if is_reserved(&out) {
        out.insert(0, '_');
        out = truncate_units(&out, max_chars);
        tidy_ends(&mut out);
    }
    out
}

/// A file name made of `stem` and an optional `.ext`, the extension kept whole when truncating.
pub fn file_name(stem: &str, extension: Option<&str>, max_chars: usize) -> String {
    match extension {
        Some(ext) => {
            let room = max_chars.saturating_sub(ext.len() + 1).max(1);
            format!("{}.{ext}", sanitize_component(stem, room, "材料"))
        }
        None => sanitize_component(stem, max_chars, "材料"),
    }
}

/// The extension of a user's file name, when it looks like one (1–8 ASCII letters or digits),
/// in lowercase.
pub fn extension_of(file: &str) -> Option<String> {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let (stem, ext) = name.rsplit_once('.')?;
    (!stem.is_empty() && (1..=8).contains(&ext.len()) && ext.chars().all(|c| c.is_ascii_alphanumeric()))
        .then(|| ext.to_ascii_lowercase())
}

/// `name (2)`, `name (3).pdf` …: the `n`-th variant of a name, before its extension.
pub fn numbered(name: &str, n: usize) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && !ext.contains(' ') => format!("{stem} ({n}).{ext}"),
        _ => format!("{name} ({n})"),
    }
}

/// The length Windows sees (UTF-16 units).
pub fn units(text: &str) -> usize {
    text.encode_utf16().count()
}

fn truncate_units(text: &str, max: usize) -> String {
    let mut used = 0;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        used += c.len_utf16();
        if used > max {
            break;
        }
        out.push(c);
    }
    out
}

/// Removes leading and trailing spaces and dots (Windows drops trailing ones; leading dots hide
/// files elsewhere, and `.`/`..` would leave the folder).
fn tidy_ends(text: &mut String) {
    let trimmed = text.trim_matches(|c: char| c == ' ' || c == '.');
    if trimmed.len() != text.len() {
        *text = trimmed.to_owned();
    }
}

fn is_reserved(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).trim_end();
    RESERVED.iter().any(|r| r.eq_ignore_ascii_case(stem))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_windows_forbids_become_full_width_look_alikes() {
        assert_eq!(sanitize_component(r#"a<b>c:d"e/f\g|h?i*j"#, 100, "x"), "a＜b＞c：d＂e／f＼g｜h？i＊j");
    }

    #[test]
    fn control_and_direction_characters_are_removed_and_spaces_collapsed() {
        assert_eq!(sanitize_component("证书\u{202E}fdp.exe\u{0}\t\t说明", 100, "x"), "证书fdp.exe 说明");
    }

    #[test]
    fn every_isolate_mark_and_invisible_character_is_removed() {
        let name = "证\u{2067}书\u{061C}\u{2060}\u{00AD}\u{180E}\u{FEFF}.pdf";
        assert_eq!(sanitize_component(name, 100, "x"), "证书.pdf");
    }

    #[test]
    fn trailing_dots_and_spaces_and_leading_dots_are_dropped() {
        assert_eq!(sanitize_component("..研修班. . ", 100, "x"), "研修班");
        assert_eq!(sanitize_component("..", 100, "未命名"), "未命名");
    }

    #[test]
    fn reserved_device_names_are_prefixed_whatever_their_case_or_extension() {
        assert_eq!(sanitize_component("con", 100, "x"), "_con");
        assert_eq!(sanitize_component("NUL.txt", 100, "x"), "_NUL.txt");
        assert_eq!(sanitize_component("Com1 .pdf", 100, "x"), "_Com1 .pdf");
        assert_eq!(sanitize_component("CONSOLE", 100, "x"), "CONSOLE");
    }

    #[test]
    fn long_names_are_cut_by_characters_and_keep_their_extension() {
        let long = "数字化转型".repeat(20);
        let cut = sanitize_component(&long, 40, "x");
        assert_eq!(cut.chars().count(), 40);
        let name = file_name(&long, Some("pdf"), 30);
        assert!(name.ends_with(".pdf") && units(&name) <= 30, "{name}");
    }

    #[test]
    fn a_rare_character_counts_as_two_units_and_is_never_split() {
        let name = sanitize_component("𠀾𠀾𠀾", 5, "x");
        assert_eq!(name, "𠀾𠀾");
    }

    #[test]
    fn extensions_are_taken_only_when_they_look_like_one() {
        assert_eq!(extension_of("扫描件/结业证书.PDF").as_deref(), Some("pdf"));
        assert_eq!(extension_of("C:\\证书\\照片.jpeg").as_deref(), Some("jpeg"));
        assert_eq!(extension_of("说明.这不是扩展名"), None);
        assert_eq!(extension_of(".bashrc"), None);
        assert_eq!(extension_of("无扩展名"), None);
    }

    #[test]
    fn numbered_variants_go_before_the_extension() {
        assert_eq!(numbered("结业证书.pdf", 2), "结业证书 (2).pdf");
        assert_eq!(numbered("签到表", 3), "签到表 (3)");
    }
}
