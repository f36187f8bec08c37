//! The fonts the PDF is typeset with, found in this order: a file or folder the caller names, a
//! `fonts/` folder beside the program (where a bundle carries Noto CJK with its OFL.txt), then the
//! system's CJK fonts (Noto/Source Han on Linux, 宋体/微软雅黑 on Windows). Only the Simplified
//! Chinese face of a collection is loaded. Before typesetting, every character of the data is
//! checked against the loaded faces: typst would drop a missing glyph silently.

use std::path::{Path, PathBuf};

use serde_json::Value;
use typst::foundations::Bytes;
use typst::text::{Font, FontInfo};

use xueshi_core::text;

use crate::error::ExportError;

/// Families looked for in system folders, in order of preference, with the file names that hold
/// them. The first one found is loaded; the others only for characters it lacks.
const SYSTEM_FONTS: &[(&str, &[&str])] = &[
    ("Noto Serif CJK SC", &["notoserifcjk-regular.ttc", "notoserifcjksc-regular.otf", "notoserifsc-regular.otf"]),
    ("Noto Sans CJK SC", &["notosanscjk-regular.ttc", "notosanscjksc-regular.otf", "notosanssc-regular.otf"]),
    ("Source Han Serif SC", &["sourcehanserifsc-regular.otf", "sourcehanserif-regular.ttc"]),
    ("Source Han Sans SC", &["sourcehansanssc-regular.otf", "sourcehansans-regular.ttc"]),
    ("SimSun", &["simsun.ttc"]),
    ("Microsoft YaHei", &["msyh.ttc"]),
    ("SimHei", &["simhei.ttf"]),
    // Fallbacks with rare (CJK Extension B …) characters for names.
    ("SimSun-ExtB", &["simsunb.ttf"]),
    ("HanaMinA", &["hanamina.ttf"]),
    ("HanaMinB", &["hanaminb.ttf"]),
    ("WenQuanYi Zen Hei", &["wqy-zenhei.ttc"]),
    ("Droid Sans Fallback", &["droidsansfallbackfull.ttf", "droidsansfallback.ttf"]),
];

const FONT_EXTENSIONS: &[&str] = &["ttf", "otf", "ttc", "otc"];

/// One face loaded for typesetting.
#[derive(Clone)]
pub struct LoadedFace {
    pub family: String,
    pub path: PathBuf,
    pub index: u32,
    pub(crate) font: Font,
}

impl std::fmt::Debug for LoadedFace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({}#{})", self.family, self.path.display(), self.index)
    }
}

/// A character of the data that no loaded font has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingGlyph {
    /// Where it occurs, in words: `姓名`, `记录 2023-02 的内容`.
    pub field: String,
    pub character: char,
}

/// The faces available to the PDF, in order of preference.
#[derive(Debug, Clone, Default)]
pub struct FontSet {
    pub faces: Vec<LoadedFace>,
}

impl FontSet {
    /// Finds the fonts: `explicit` (a file or folder), then `fonts/` beside the program, then the
    /// system's folders. Fails when no CJK face is found.
    pub fn discover(explicit: Option<&Path>) -> Result<FontSet, ExportError> {
        let mut set = FontSet::default();
        if let Some(path) = explicit {
            if !path.exists() {
                return Err(ExportError::BadFont {
                    path: path.to_owned(), reason: "文件或文件夹不存在".to_owned()
                });
            }
            set.load_all(path)?;
        }
        if let Some(dir) = std::env::current_exe().ok().and_then(|exe| exe.parent().map(|d| d.join("fonts")))
            && dir.is_dir()
        {
            set.load_all(&dir)?;
        }
        set.load_system();
        if !set.faces.iter().any(|f| f.font.info().coverage.contains(u32::from('汉'))) {
            return Err(ExportError::NoFont);
        }
        Ok(set)
    }

    /// Loads every font file under `path` (a file, or a folder searched two levels deep),
    /// keeping only the Simplified Chinese (proportional) faces of CJK collections.
    pub fn load_all(&mut self, path: &Path) -> Result<(), ExportError> {
        let mut files = Vec::new();
        if path.is_dir() {
            font_files(path, 2, &mut files);
        } else {
            files.push(path.to_owned());
        }
        for file in files {
            let data = std::fs::read(&file)
                .map_err(|e| ExportError::BadFont { path: file.clone(), reason: xueshi_durable::words::reason(&e) })?;
            let infos: Vec<(u32, FontInfo)> =
                (0..ttc_count(&data)).filter_map(|i| FontInfo::new(&data, i).map(|info| (i, info))).collect();
            if infos.is_empty() {
                return Err(ExportError::BadFont { path: file, reason: "不是可用的字体文件".to_owned() });
            }
            let simplified: Vec<&(u32, FontInfo)> =
                infos.iter().filter(|(_, i)| i.family.ends_with(" SC") && !i.family.contains(" Mono ")).collect();
            let chosen: Vec<&(u32, FontInfo)> = if simplified.is_empty() { infos.iter().collect() } else { simplified };
            let bytes = Bytes::new(data);
            for (index, info) in chosen {
                self.push(&file, *index, &info.family, &bytes);
            }
        }
        Ok(())
    }

    /// Adds one CJK font of the system's font folders, the first of [`SYSTEM_FONTS`] found (a
    /// serif face, for an official look), unless a loaded face already covers Chinese. Only one
    /// is loaded: each is 20–30 MB in memory. Others are added by [`FontSet::load_fallbacks`]
    /// when the data needs them.
    pub fn load_system(&mut self) {
        if self.faces.iter().any(|f| f.font.info().coverage.contains(u32::from('汉'))) {
            return;
        }
        let files = system_font_files();
        for (family, names) in SYSTEM_FONTS {
            if let Some((file, index, bytes)) = find_face(&files, family, names) {
                self.push(&file, index, family, &bytes);
                return;
            }
        }
    }

    /// Adds the system's other CJK fonts that have some of `wanted` (characters no loaded face
    /// has, e.g. a rare character of a name), until all are covered or none is left.
    pub fn load_fallbacks(&mut self, wanted: &[char]) {
        let mut files = None;
        for (family, names) in SYSTEM_FONTS {
            let missing: Vec<char> = wanted.iter().copied().filter(|c| !self.covers(*c)).collect();
            if missing.is_empty() {
                return;
            }
            if self.faces.iter().any(|f| f.family == *family) {
                continue;
            }
            let files = files.get_or_insert_with(system_font_files);
            let Some((file, index, bytes)) = find_face(files, family, names) else { continue };
            let Some(font) = Font::new(bytes, index) else { continue };
            if missing.iter().any(|c| font.info().coverage.contains(u32::from(*c))) {
                self.faces.push(LoadedFace { family: (*family).to_owned(), path: file, index, font });
            }
        }
    }

    fn push(&mut self, path: &Path, index: u32, family: &str, bytes: &Bytes) {
        if self.faces.iter().any(|f| f.family == family) {
            return;
        }
        if let Some(font) = Font::new(bytes.clone(), index) {
            self.faces.push(LoadedFace { family: family.to_owned(), path: path.to_owned(), index, font });
        }
    }

    /// Does any loaded face have a glyph for `c`? White space, control characters and characters
    /// drawn as nothing (zero-width space, byte order mark, direction marks, variation selectors:
    /// Unicode's default-ignorable characters) need none.
    pub fn covers(&self, c: char) -> bool {
        c.is_whitespace()
            || c.is_control()
            || text::is_default_ignorable(c)
            || self.faces.iter().any(|f| f.font.info().coverage.contains(u32::from(c)))
    }

    /// The distinct characters of `missing`.
    pub fn characters(missing: &[MissingGlyph]) -> Vec<char> {
        let mut chars: Vec<char> = missing.iter().map(|m| m.character).collect();
        chars.sort_unstable();
        chars.dedup();
        chars
    }

    /// Every character of `data` that no face has, with the field it is in (each character once
    /// per field).
    pub fn check(&self, data: &Value) -> Vec<MissingGlyph> {
        let mut missing = Vec::new();
        walk(data, "", None, &mut |field, text| {
            for c in text.chars() {
                if !self.covers(c) && !missing.iter().any(|m: &MissingGlyph| m.field == field && m.character == c) {
                    missing.push(MissingGlyph { field: field.to_owned(), character: c });
                }
            }
        });
        missing
    }

    /// The families, for the template's font list.
    pub fn families(&self) -> Vec<String> {
        self.faces.iter().map(|f| f.family.clone()).collect()
    }
}

/// What kind of character a missing one is: the advice differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Missing {
    /// A rare Chinese character (CJK extensions, compatibility ideographs): a font can have it.
    Rare,
    /// An emoji or pictograph: no Chinese font has it.
    Emoji,
    /// A private-use character (made up by an input method or a program): no standard font has it.
    PrivateUse,
    /// Anything else (another script, a symbol): a font can have it.
    Other,
}

impl Missing {
    fn of(c: char) -> Missing {
        match u32::from(c) {
            0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF => Missing::Rare,
            0xE000..=0xF8FF | 0xF0000..=0x10FFFF => Missing::PrivateUse,
            0x2600..=0x27BF | 0x1F000..=0x1FAFF => Missing::Emoji,
            _ => Missing::Other,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Missing::Rare => "生僻字",
            Missing::Emoji => "表情符号",
            Missing::PrivateUse => "自造字",
            Missing::Other => "特殊字符",
        }
    }

    fn advice(self) -> &'static str {
        match self {
            Missing::Rare => {
                "生僻字：请安装含有它的字体后重新导出（本程序会自动使用系统中已安装的花园明朝、文泉驿正黑等字体）；\
                 其他含有它的字体文件可以放进程序所在文件夹中名为 fonts 的文件夹。也可以用常用字改写。"
            }
            Missing::Emoji => "表情符号：中文字体都没有，无法打印在汇总表上，请在记录中删去或改用文字。",
            Missing::PrivateUse => {
                "自造字（某些输入法或软件自己造的字，只在造它的电脑上能显示）：任何标准字体都没有，\
                 请改用标准汉字（生僻字可用输入法的部件输入找到标准写法）或删去。"
            }
            Missing::Other => {
                "特殊字符：请改用常用字或删去；确需保留时，把含有它的字体文件放进程序所在文件夹中名为 fonts 的文件夹\
                 后重新导出。"
            }
        }
    }
}

/// The message for characters no font has: where each is, what kind of character it is, and the
/// advice that fits each kind (a font helps a rare character, never an emoji).
pub(crate) fn missing_glyphs_message(list: &[MissingGlyph]) -> String {
    let mut text = String::from("以下字符没有任何已加载的字体包含，导出后会显示为空白，因此没有导出：");
    for m in list.iter().take(20) {
        let kind = Missing::of(m.character);
        text.push_str(&format!("\n  {}中的“{}”（{}）", m.field, m.character, kind.label()));
    }
    if list.len() > 20 {
        text.push_str(&format!("\n  ……另有 {} 处", list.len() - 20));
    }
    let mut kinds: Vec<Missing> = list.iter().map(|m| Missing::of(m.character)).collect();
    kinds.sort_unstable();
    kinds.dedup();
    for kind in kinds {
        text.push('\n');
        text.push_str(kind.advice());
    }
    text
}

/// Every font file of the system's font folders.
fn system_font_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in system_font_dirs() {
        font_files(&dir, 4, &mut files);
    }
    files
}

/// The face of `family` in the first of `files` named like `names`, verified by the face's own
/// name (index 2 is SC in Debian's Noto TTC, but the index is not trusted).
fn find_face(files: &[PathBuf], family: &str, names: &[&str]) -> Option<(PathBuf, u32, Bytes)> {
    let file = files
        .iter()
        .find(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| names.contains(&n.to_lowercase().as_str())))?;
    let data = std::fs::read(file).ok()?;
    let index = (0..ttc_count(&data)).find(|i| FontInfo::new(&data, *i).is_some_and(|info| info.family == family))?;
    Some((file.clone(), index, Bytes::new(data)))
}

/// Number of faces in a font file (1 unless it is a collection).
fn ttc_count(data: &[u8]) -> u32 {
    if data.len() >= 12 && &data[..4] == b"ttcf" {
        u32::from_be_bytes([data[8], data[9], data[10], data[11]]).min(64)
    } else {
        1
    }
}

fn font_files(dir: &Path, depth: usize, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            if depth > 0 {
                font_files(&path, depth - 1, out);
            }
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| FONT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            out.push(path);
        }
    }
}

fn system_font_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if cfg!(windows) {
        let windir = std::env::var_os("WINDIR").map_or_else(|| PathBuf::from(r"C:\Windows"), PathBuf::from);
        dirs.push(windir.join("Fonts"));
        if let Some(local) = std::env::var_os("LOCALAPPDATA") {
            dirs.push(PathBuf::from(local).join(r"Microsoft\Windows\Fonts"));
        }
    } else if cfg!(target_os = "macos") {
        dirs.extend(["/System/Library/Fonts", "/Library/Fonts"].map(PathBuf::from));
    } else {
        dirs.extend(["/usr/share/fonts", "/usr/local/share/fonts"].map(PathBuf::from));
    }
    if let Some(home) = std::env::var_os("HOME") {
        let home = PathBuf::from(home);
        dirs.extend([home.join(".local/share/fonts"), home.join(".fonts"), home.join("Library/Fonts")]);
    }
    dirs
}

/// Calls `visit` with every string of `value` and the field it is in, in words.
fn walk(value: &Value, key: &str, record: Option<&str>, visit: &mut dyn FnMut(&str, &str)) {
    match value {
        Value::String(text) => {
            let label = field_label(key);
            let field = match record {
                Some(id) => format!("记录 {id} 的{label}"),
                None => label.to_owned(),
            };
            visit(&field, text);
        }
        Value::Array(items) => items.iter().for_each(|v| walk(v, key, record, visit)),
        Value::Object(map) => {
            let id = map.get("id").and_then(Value::as_str).filter(|_| map.contains_key("title"));
            for (k, v) in map {
                walk(v, k, id.or(record), visit);
            }
        }
        _ => {}
    }
}

fn field_label(key: &str) -> &str {
    match key {
        "name" => "姓名",
        "id_number" => "身份证号",
        "employer" => "工作单位",
        "current_title" => "现职称",
        "certificate_number" => "登记手册编号",
        "title" => "内容",
        "provider" => "施教机构",
        "attached" => "已有材料",
        "missing" => "缺少的材料",
        "kind" => "形式",
        "basis" => "折算依据",
        "display" | "documents" => "规则集",
        "notes" => "说明",
        "remark" => "记录说明",
        "id" => "编号",
        "" => "模板",
        other => other,
    }
}
