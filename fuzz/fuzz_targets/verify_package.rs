//! `verify-package` (`verify_package` of a submission package ZIP): any bytes give a report and
//! never a panic; the report says "完好" only when what an unpacking program would extract is
//! exactly what the manifest lists. Checked independently of the verifier: the manifest names
//! the summary PDF and XLSX, names are unique (also ignoring case, as on Windows) and stay inside
//! the folder, every local header sits where the central directory says with the same name, and
//! no local header hides between the listed members.

#![no_main]

use std::collections::BTreeSet;
use std::fs::File;
use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use tempfile::TempDir;
use xueshi_export::{Manifest, PDF_NAME, XLSX_NAME, verify_package};

mod common;

const LOCAL: &[u8] = b"PK\x03\x04";

fn input_path() -> &'static PathBuf {
    static DIR: OnceLock<(TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = DIR.get_or_init(|| {
        let dir = match tempfile::Builder::new().prefix("xueshi-fuzz-verify").tempdir() {
            Ok(d) => d,
            Err(e) => panic!("no temporary folder: {e}"),
        };
        let path = dir.path().join("材料包.zip");
        (dir, path)
    });
    path
}

fn u16_at(data: &[u8], at: usize) -> Option<usize> {
    data.get(at..at + 2).map(|b| usize::from(u16::from_le_bytes([b[0], b[1]])))
}

/// Everything that makes an "完好" report a lie; `None` when it is true.
fn why_not_intact(data: &[u8], path: &PathBuf, manifest: Option<&Manifest>) -> Option<String> {
    let Some(manifest) = manifest else { return Some("it has no manifest".into()) };
    for required in [PDF_NAME, XLSX_NAME] {
        if !manifest.files.iter().any(|f| f.path == required) {
            return Some(format!("the manifest does not list {required}"));
        }
    }
    let file = File::open(path).ok()?;
    let mut archive = match zip::ZipArchive::new(file) {
        Ok(a) => a,
        Err(e) => return Some(format!("the zip crate cannot read it: {e}")),
    };
    let mut names = BTreeSet::new();
    let mut folded = BTreeSet::new();
    let mut covered = Vec::new();
    for index in 0..archive.len() {
        let entry = match archive.by_index_raw(index) {
            Ok(e) => e,
            Err(e) => return Some(format!("member #{index} is unreadable: {e}")),
        };
        let raw = entry.name_raw().to_vec();
        let name = String::from_utf8_lossy(&raw).into_owned();
        if !names.insert(raw.clone()) {
            return Some(format!("the name {name:?} appears twice"));
        }
        if !entry.is_dir() && !folded.insert(name.to_lowercase()) {
            return Some(format!(
                "the name {name:?} differs from another only in case (one overwrites the other on Windows)"
            ));
        }
        let drive = name.as_bytes().get(1) == Some(&b':');
        if name.starts_with('/') || name.contains('\\') || drive || name.split('/').any(|p| p == "..") {
            return Some(format!("the name {name:?} leaves the folder"));
        }
        let Ok(start) = usize::try_from(entry.header_start()) else { return Some("a header beyond memory".into()) };
        if data.get(start..start + 4) != Some(LOCAL) {
            return Some(format!("no local header where {name:?} should start ({start})"));
        }
        let (Some(name_len), Some(extra_len)) = (u16_at(data, start + 26), u16_at(data, start + 28)) else {
            return Some(format!("the local header of {name:?} is cut off"));
        };
        if data.get(start + 30..start + 30 + name_len) != Some(raw.as_slice()) {
            return Some(format!("the local header at {start} has another name than {name:?}"));
        }
        let size = usize::try_from(entry.compressed_size()).unwrap_or(usize::MAX);
        covered.push((start, (start + 30 + name_len + extra_len).saturating_add(size)));
    }
    // A local header outside every listed member, before the last one ends, is a hidden file.
    covered.sort_unstable();
    let end = covered.iter().map(|c| c.1).max().unwrap_or(0).min(data.len());
    let mut at = 0;
    while let Some(found) = data[at..end].windows(4).position(|w| w == LOCAL) {
        let offset = at + found;
        if !covered.iter().any(|&(s, e)| s <= offset && offset < e) {
            return Some(format!("a local header at {offset} is not in the central directory"));
        }
        at = offset + 1;
    }
    None
}

fuzz_target!(|data: &[u8]| {
    let path = input_path();
    if let Err(e) = std::fs::write(path, data) {
        panic!("cannot write the input {}: {e}", path.display());
    }
    let report = verify_package(path, None);
    for difference in &report.differences {
        common::assert_user_message("verify difference", &difference.to_string());
    }
    if report.is_ok()
        && let Some(lie) = why_not_intact(data, path, report.manifest.as_ref())
    {
        panic!("verify_package says the package is intact, but {lie}");
    }
});
