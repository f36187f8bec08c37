//! Names of the files and folders a data-folder export writes (`evidence/<record id>/<file name>`):
//! safe on Windows, macOS and Linux, and short enough that the export unpacked into a folder with
//! a long path (`C:\Users\张三\Desktop\学时记录导出\…`) stays under Windows' 260 characters and
//! every name under the 255 bytes of Linux file systems. A name that is safe already is kept as it
//! is, so names read back from an export come out the same when exported again.

use std::collections::BTreeSet;

/// The longest file name written, in UTF-16 units (what Windows counts).
pub(crate) const MAX_FILE_UNITS: usize = 80;
/// The longest record folder written, in UTF-16 units.
pub(crate) const MAX_FOLDER_UNITS: usize = 40;
/// The longest name in UTF-8 bytes (Linux file systems allow 255; a Chinese character takes 3).
const MAX_BYTES: usize = 240;
/// Extensions kept whole when a name is cut: up to this many ASCII letters or digits.
const MAX_EXTENSION: usize = 8;

/// Device names Windows reserves, with any extension and whatever their case.
const RESERVED: &[&str] = &[
    "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7",
    "COM8", "COM9", "COM¹", "COM²", "COM³", "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8",
    "LPT9", "LPT¹", "LPT²", "LPT³",
];

/// A safe file or folder name made from `name`, at most `max_units` UTF-16 units (and
/// [`MAX_BYTES`] bytes) long: characters Windows forbids and control characters become `_`,
/// trailing dots and spaces go, a reserved device name gets a leading `_`, and a long name is
/// cut between characters, keeping its extension.
pub(crate) fn safe_name(name: &str, max_units: usize) -> String {
    // Invisible and direction-override characters are dropped: they can disguise an extension.
    let replaced: String = name
        .chars()
        .filter(|c| !xueshi_core::text::is_default_ignorable(*c))
        .map(|c| if c.is_control() || "/\\:*?\"<>|".contains(c) { '_' } else { c })
        .collect();
    let mut out = shorten(&replaced, max_units).trim_end_matches(['.', ' ']).to_owned();
    if out.is_empty() || is_reserved(&out) {
        out.insert(0, '_');
        out = shorten(&out, max_units).trim_end_matches(['.', ' ']).to_owned();
    }
    out
}

/// `name` if unused in `taken` (lowercase, as Windows compares), else `2/name`, `3/name` … (a
/// numbered subfolder keeps the original file name, which is what the ledger records after an
/// import).
pub(crate) fn unique(name: String, taken: &BTreeSet<String>) -> String {
    if !taken.contains(&name.to_lowercase()) {
        return name;
    }
    (2..).map(|n| format!("{n}/{name}")).find(|c| !taken.contains(&c.to_lowercase())).unwrap_or(name)
}

fn is_reserved(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).trim_end_matches(' ');
    RESERVED.iter().any(|r| r.eq_ignore_ascii_case(stem))
}

/// `name` cut to `max_units` UTF-16 units and [`MAX_BYTES`] bytes, keeping a short extension.
fn shorten(name: &str, max_units: usize) -> String {
    if fits(name, max_units, MAX_BYTES) {
        return name.to_owned();
    }
    let extension = name
        .rsplit_once('.')
        .map(|(_, ext)| ext)
        .filter(|ext| (1..=MAX_EXTENSION).contains(&ext.len()) && ext.chars().all(|c| c.is_ascii_alphanumeric()))
        .filter(|ext| ext.len() + 1 < name.len());
    let Some(ext) = extension else { return cut(name, max_units, MAX_BYTES) };
    let stem = &name[..name.len() - ext.len() - 1];
    let stem = cut(stem, max_units.saturating_sub(ext.len() + 1), MAX_BYTES - ext.len() - 1);
    format!("{}.{ext}", stem.trim_end_matches(['.', ' ']))
}

fn fits(text: &str, max_units: usize, max_bytes: usize) -> bool {
    text.len() <= max_bytes && text.encode_utf16().count() <= max_units
}

/// The longest beginning of `text` within both limits, never splitting a character.
fn cut(text: &str, max_units: usize, max_bytes: usize) -> String {
    let (mut units, mut out) = (0, String::new());
    for c in text.chars() {
        units += c.len_utf16();
        if units > max_units || out.len() + c.len_utf8() > max_bytes {
            break;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(text: &str) -> usize {
        text.encode_utf16().count()
    }

    #[test]
    fn unsafe_characters_and_reserved_names_are_replaced_and_safe_names_kept() {
        assert_eq!(safe_name("结业证书（2024）.pdf", MAX_FILE_UNITS), "结业证书（2024）.pdf");
        assert_eq!(safe_name("a/b:c?.pdf", MAX_FILE_UNITS), "a_b_c_.pdf");
        assert_eq!(safe_name("..", MAX_FILE_UNITS), "_");
        assert_eq!(safe_name("证书. . ", MAX_FILE_UNITS), "证书");
    }

    #[test]
    fn direction_overrides_and_invisible_characters_cannot_disguise_an_extension() {
        assert_eq!(safe_name("报告\u{202E}fdp.exe", MAX_FILE_UNITS), "报告fdp.exe");
        assert_eq!(safe_name("证\u{200B}书\u{2066}\u{FEFF}.pdf", MAX_FILE_UNITS), "证书.pdf");
        assert_eq!(safe_name("\u{202E}", MAX_FILE_UNITS), "_");
    }

    #[test]
    fn every_device_name_windows_reserves_gets_a_leading_underscore_whatever_its_case_or_extension() {
        for (name, safe) in [
            ("CON.pdf", "_CON.pdf"),
            ("con", "_con"),
            ("Aux.tar.gz", "_Aux.tar.gz"),
            ("nul .pdf", "_nul .pdf"),
            ("COM1.jpg", "_COM1.jpg"),
            ("lpt9", "_lpt9"),
            ("COM¹.pdf", "_COM¹.pdf"),
            ("CONIN$", "_CONIN$"),
            ("PRN. ", "_PRN"),
        ] {
            assert_eq!(safe_name(name, MAX_FILE_UNITS), safe, "{name}");
        }
        for kept in ["CONSOLE.pdf", "COM10.pdf", "LPT.pdf", "结业证书 CON.pdf"] {
            assert_eq!(safe_name(kept, MAX_FILE_UNITS), kept);
        }
    }

    #[test]
    fn a_long_name_is_cut_between_characters_keeping_its_extension_within_both_limits() {
        let long = format!("{}.pdf", "湖南省专业技术人员继续教育公需科目培训结业证书".repeat(10));
        let cut = safe_name(&long, MAX_FILE_UNITS);
        assert!(units(&cut) <= MAX_FILE_UNITS && cut.len() <= MAX_BYTES, "{cut}");
        assert!(cut.ends_with(".pdf") && long.starts_with(cut.trim_end_matches(".pdf")), "{cut}");
        let rare = "𠀾".repeat(100);
        let cut = safe_name(&rare, 7);
        assert_eq!(cut, "𠀾𠀾𠀾", "a character outside the BMP counts two units and is never split");
        let no_extension = "a".repeat(300);
        assert_eq!(safe_name(&no_extension, MAX_FILE_UNITS).len(), MAX_FILE_UNITS);
    }

    #[test]
    fn a_safe_name_is_its_own_safe_name() {
        let long = "研修班. ".repeat(40);
        for name in ["x|y", "CON", "..", "证书. . .pdf", long.as_str(), "a.b.c.verylongextension", "COM1 .pdf"] {
            let once = safe_name(name, MAX_FOLDER_UNITS);
            assert_eq!(safe_name(&once, MAX_FOLDER_UNITS), once, "{name}");
            assert!(!once.is_empty() && units(&once) <= MAX_FOLDER_UNITS, "{once}");
        }
    }

    #[test]
    fn a_taken_name_goes_into_a_numbered_subfolder() {
        let taken: BTreeSet<String> = ["证书.pdf".to_owned(), "2/证书.pdf".to_owned()].into();
        assert_eq!(unique("证书.pdf".into(), &taken), "3/证书.pdf");
    }
}
