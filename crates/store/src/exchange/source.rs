//! Where an imported ledger and its evidence files come from (a folder, a .json beside its files,
//! or a .zip), read as if written by an attacker: an evidence name must stay inside the ledger's
//! folder (no absolute path, drive letter, network name or `..`, on every system, and no link
//! leading out), a ZIP may not hold two members of one name, and every read is capped by counting
//! the bytes actually read, never by the sizes a ZIP header claims.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use zip::ZipArchive;

use super::LEDGER_FILE;
use crate::error::{Result, StoreError, io};
use xueshi_durable::words::place;

/// The largest `ledger.json` read: a ledger of one person's records is well under a megabyte.
pub(crate) const MAX_LEDGER_BYTES: u64 = 64 * 1024 * 1024;
/// A ZIP may unpack to this many times its own size (plus [`ZIP_ALLOWANCE`]); evidence files are
/// PDFs and photos, compressed already, so a real export unpacks to about its own size.
const ZIP_RATIO: u64 = 100;
const ZIP_ALLOWANCE: u64 = 64 * 1024 * 1024;

/// Where the ledger and its files come from.
pub(crate) enum Source {
    Folder(PathBuf),
    Zip { archive: ZipArchive<File>, prefix: String, path: PathBuf, budget: u64 },
}

/// Whether an evidence name, read as a path on any system (`/` and `\` both separate), stays
/// inside the ledger's folder: not absolute, not a Windows drive (`C:`), network (`\\server`) or
/// alternate-stream (`a.pdf:x`) name, no `..` part.
pub(crate) fn stays_inside(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with(['/', '\\'])
        && !name.contains([':', '\0'])
        && name.split(['/', '\\']).all(|part| part != "..")
}

fn bad_zip(path: &Path) -> impl Fn(zip::result::ZipError) -> StoreError + '_ {
    move |_| StoreError::Exchange(format!("无法读取压缩包{}：文件已损坏或不是压缩包", place(path)))
}

/// Reads all of `reader` as UTF-8 text, refusing more than [`MAX_LEDGER_BYTES`].
fn read_ledger_text(reader: &mut dyn Read, shown: &Path) -> Result<String> {
    let mut bytes = Vec::new();
    reader.take(MAX_LEDGER_BYTES + 1).read_to_end(&mut bytes).map_err(io("读取", shown))?;
    if bytes.len() as u64 > MAX_LEDGER_BYTES {
        return Err(StoreError::Exchange(format!(
            "{}超过 {} MB，不像是学时手册的记录文件，没有导入",
            ledger_words(shown),
            MAX_LEDGER_BYTES / (1024 * 1024)
        )));
    }
    String::from_utf8(bytes).map_err(|_| {
        StoreError::Exchange(format!("{}不是学时手册的记录文件（其中有无法识别的文字），没有导入", ledger_words(shown)))
    })
}

/// The ledger being read: a file the user chose by its name and folder, the one inside a ZIP or a
/// folder (`ledger.json`, the program's own name) by the ZIP or folder.
fn ledger_words(shown: &Path) -> String {
    match shown.parent() {
        Some(outer) if shown.file_name().is_some_and(|n| n == LEDGER_FILE) => format!("{}中的学时记录", place(outer)),
        _ => place(shown),
    }
}

impl Source {
    /// Opens the import at `path` and reads its ledger text.
    pub(crate) fn open(path: &Path) -> Result<(Source, String)> {
        if path.is_dir() {
            let json = path.join(LEDGER_FILE);
            let mut file = File::open(&json).map_err(io("读取", &json))?;
            let text = read_ledger_text(&mut file, &json)?;
            return Ok((Source::Folder(path.to_owned()), text));
        }
        let is_zip = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("zip"));
        let mut file = File::open(path).map_err(io("读取", path))?;
        if !is_zip {
            let text = read_ledger_text(&mut file, path)?;
            // `记录.json` given without a folder has the parent "": the current folder.
            let base = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
            let base = base.to_owned();
            return Ok((Source::Folder(base), text));
        }
        let size = file.metadata().map_err(io("读取", path))?.len();
        let mut archive = ZipArchive::new(file).map_err(bad_zip(path))?;
        if archive.has_duplicate_names() {
            return Err(StoreError::Exchange(format!(
                "压缩包{}中有同名的文件（同一个名字出现两次，解压程序可能取到不同的一份），为安全起见没有导入",
                place(path)
            )));
        }
        let names: Vec<String> = archive.file_names().filter_map(|n| n.ok().map(|n| n.into_owned())).collect();
        let ledger_name = names
            .iter()
            .filter(|n| *n == LEDGER_FILE || n.ends_with(&format!("/{LEDGER_FILE}")))
            .min_by_key(|n| n.len())
            .cloned()
            .ok_or_else(|| {
                StoreError::Exchange(format!(
                    "压缩包{}中没有学时记录，不是学时手册导出的全部数据，没有导入",
                    place(path)
                ))
            })?;
        let prefix = ledger_name[..ledger_name.len() - LEDGER_FILE.len()].to_owned();
        let text =
            read_ledger_text(&mut archive.by_name(&ledger_name).map_err(bad_zip(path))?, &path.join(&ledger_name))?;
        let budget = size.saturating_mul(ZIP_RATIO).saturating_add(ZIP_ALLOWANCE);
        Ok((Source::Zip { archive, prefix, path: path.to_owned(), budget }, text))
    }
}

impl Source {
    /// The member `name` (`/`-separated, inside the export) as UTF-8 text of at most `limit`
    /// bytes; `None` when the export has no such member.
    pub(crate) fn read_text(&mut self, name: &str, limit: u64) -> Result<Option<String>> {
        let mut bytes = Vec::new();
        match self {
            Source::Folder(base) => {
                let path = folder_file(base, name).map_err(|()| {
                    StoreError::Exchange(
                        "导入的数据中的参评计划、设置或规则文件指向所在文件夹之外（链接），为安全起见拒绝导入"
                            .to_owned(),
                    )
                })?;
                let Some(path) = path else { return Ok(None) };
                let file = File::open(&path).map_err(io("读取", &path))?;
                file.take(limit + 1).read_to_end(&mut bytes).map_err(io("读取", &path))?;
            }
            Source::Zip { archive, prefix, path, budget } => {
                let entry_name = format!("{prefix}{name}");
                let shown = path.join(&entry_name);
                let entry = match archive.by_name(&entry_name) {
                    Ok(e) => e,
                    Err(zip::result::ZipError::FileNotFound) => return Ok(None),
                    Err(e) => return Err(bad_zip(path)(e)),
                };
                let mut counted = Budgeted { inner: entry, left: budget, archive: path, exceeded: false };
                let read = (&mut counted).take(limit + 1).read_to_end(&mut bytes);
                if counted.exceeded {
                    return Err(StoreError::Exchange(too_much_unpacked(path)));
                }
                read.map_err(io("读取", &shown))?;
            }
        }
        if bytes.len() as u64 > limit {
            return Err(StoreError::Exchange(format!(
                "导入的数据中的参评计划、设置或规则文件超过 {} MB，不是学时手册导出的，未导入",
                limit / (1024 * 1024)
            )));
        }
        String::from_utf8(bytes).map(Some).map_err(|_| {
            StoreError::Exchange("导入的数据中的参评计划、设置或规则文件不是学时手册写出的文本，未导入".to_owned())
        })
    }
}

/// The file `name` inside `base`, or `None` when there is none. `Err(())` when the name, or a
/// link on the way, leads outside `base`.
pub(crate) fn folder_file(base: &Path, name: &str) -> std::result::Result<Option<PathBuf>, ()> {
    if !stays_inside(name) {
        return Err(());
    }
    let relative: PathBuf = name.split(['/', '\\']).filter(|p| !p.is_empty() && *p != ".").collect();
    let path = base.join(relative);
    if std::fs::symlink_metadata(&path).is_err() {
        // Not there at all (a dangling link is there, and checked below).
        return Ok(None);
    }
    let (Ok(root), Ok(real)) = (base.canonicalize(), path.canonicalize()) else {
        // A link pointing nowhere: refused like one pointing out, it is not a supplied file.
        return Err(());
    };
    if !real.starts_with(&root) {
        return Err(());
    }
    Ok(real.is_file().then_some(real))
}

/// Counts the bytes read from a ZIP member against what the whole import may still unpack.
pub(crate) struct Budgeted<'a, R: Read> {
    pub inner: R,
    pub left: &'a mut u64,
    pub archive: &'a Path,
    /// Set when the budget ran out (the read then failed).
    pub exceeded: bool,
}

/// Why an import stopped reading a ZIP that unpacks to far more than its size.
pub(crate) fn too_much_unpacked(archive: &Path) -> String {
    format!(
        "压缩包{}解压后的内容远大于压缩包本身，不像是学时手册导出的记录，已停止读取，没有导入任何内容",
        place(archive)
    )
}

impl<R: Read> Read for Budgeted<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        match self.left.checked_sub(n as u64) {
            Some(left) => {
                *self.left = left;
                Ok(n)
            }
            None => {
                self.exceeded = true;
                Err(io::Error::other(too_much_unpacked(self.archive)))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_inside_the_folder_stay_inside_and_others_do_not() {
        for inside in ["证书.pdf", "evidence/r1/证书.pdf", "a\\b.pdf", "./a.pdf", "a..b.pdf", "...pdf"] {
            assert!(stays_inside(inside), "{inside}");
        }
        for outside in
            ["/etc/passwd", "\\x", "C:\\x", "c:x", "\\\\server\\share\\x", "../x", "a/../../x", "a\\..", "a.pdf:s", ""]
        {
            assert!(!stays_inside(outside), "{outside}");
        }
    }
}
