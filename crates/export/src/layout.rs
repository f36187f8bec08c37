//! Where each evidence file goes in the package, so that a person finds it without the app:
//! `2023年/专业科目/2023-05-12 培训 数字化转型研修班/结业证书.pdf`. Names are made safe for
//! Windows (see `names`), unique without regard to case (` (2)`), and every path stays within
//! [`MAX_PATH_CHARS`].

use std::collections::{HashMap, HashSet};

use xueshi_core::{Assessment, Evidence, Ledger};

use crate::names::{MAX_PATH_CHARS, clean, extension_of, file_name, numbered, sanitize_component, units};
use crate::report::{kind_word, package_records};

/// Longest title part of a record folder, in characters.
const TITLE_CHARS: usize = 40;
/// Longest evidence file name, in characters (extension included).
const FILE_CHARS: usize = 48;
/// Room kept for a ` (99)` suffix.
const SUFFIX_ROOM: usize = 5;

/// One evidence file and its place in the package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedFile {
    /// The path inside the ZIP, with `/` separators.
    pub path: String,
    pub activity: String,
    pub evidence: Evidence,
    /// Stored as is (already compressed formats) rather than deflated.
    pub store: bool,
    /// The extension found from the content, when the planning looked at it.
    pub detected: Option<&'static str>,
}

/// Extensions of formats that are already compressed: deflating them again wastes time.
fn already_compressed(ext: Option<&str>) -> bool {
    !matches!(
        ext,
        Some(
            "txt"
                | "csv"
                | "doc"
                | "xls"
                | "ppt"
                | "wps"
                | "et"
                | "dps"
                | "rtf"
                | "bmp"
                | "tif"
                | "tiff"
                | "xml"
                | "html"
                | "htm"
                | "json"
                | "svg"
                | "md"
        )
    )
}

/// Names already used in one folder, compared as Windows does (without regard to case).
#[derive(Default)]
struct Taken(HashSet<String>);

impl Taken {
    /// `name`, or `name (2)`, `name (3)` … whichever is free; `variant` makes the n-th form.
    fn claim(&mut self, name: String, variant: impl Fn(&str, usize) -> String) -> String {
        let mut candidate = name.clone();
        let mut n = 1;
        while !self.0.insert(candidate.to_lowercase()) {
            n += 1;
            candidate = variant(&name, n);
        }
        candidate
    }
}

/// The path of every evidence file of the records in the package, in the order of the records,
/// each named with the extension of the user's file name.
pub fn plan_layout(ledger: &Ledger, assessment: &Assessment) -> Vec<PlannedFile> {
    let named: Result<_, std::convert::Infallible> = plan_layout_typed(ledger, assessment, |_, _| Ok(None));
    named.unwrap_or_else(|never| match never {})
}

/// [`plan_layout`] with each file's extension decided by `kind` (called once per evidence entry,
/// in order, with the record id): `Some(ext)` for the type found in its content, `None` to keep
/// the user's extension; an error stops the planning.
pub fn plan_layout_typed<E>(
    ledger: &Ledger,
    assessment: &Assessment,
    mut kind: impl FnMut(&str, &Evidence) -> Result<Option<&'static str>, E>,
) -> Result<Vec<PlannedFile>, E> {
    let mut folders: HashMap<String, Taken> = HashMap::new();
    let mut files: HashMap<String, Taken> = HashMap::new();
    let mut out = Vec::new();
    for record in package_records(ledger, assessment) {
        let a = record.activity;
        if a.evidence.is_empty() {
            continue;
        }
        let parent = format!("{}年/{}", record.year, record.category);
        let title = match clean(&a.title, TITLE_CHARS) {
            t if t.is_empty() => "未命名".to_owned(),
            t => t,
        };
        let folder_name = sanitize_component(
            &format!("{} {} {title}", a.date.format("%Y-%m-%d"), kind_word(a.kind)),
            TITLE_CHARS + 20 - SUFFIX_ROOM,
            "记录",
        );
        let folder = folders.entry(parent.clone()).or_default().claim(folder_name, |n, i| format!("{n} ({i})"));
        let dir = format!("{parent}/{folder}");
        let taken = files.entry(dir.clone()).or_default();
        for e in &a.evidence {
            let detected = kind(&a.id, e)?;
            let ext = detected.map_or_else(|| extension_of(&e.file), |d| Some(d.to_owned()));
            let stem = if e.material.trim().is_empty() { e.file.as_str() } else { e.material.trim() };
            let room =
                FILE_CHARS.min(MAX_PATH_CHARS.saturating_sub(units(&dir) + 1)).saturating_sub(SUFFIX_ROOM).max(8);
            let name = taken.claim(file_name(stem, ext.as_deref(), room), numbered);
            out.push(PlannedFile {
                path: format!("{dir}/{name}"),
                activity: a.id.clone(),
                evidence: e.clone(),
                store: already_compressed(ext.as_deref()),
                detected,
            });
        }
    }
    Ok(out)
}
