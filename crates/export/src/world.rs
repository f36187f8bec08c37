//! The typst `World` both PDFs are typeset in: one template compiled into the program, its data as
//! `data.json`, and (for the evidence book) prepared evidence files, all served from memory by
//! virtual path; any other file is "not found". Also the glyph check before typesetting and the
//! fixed creation date that makes the same data give the same bytes.

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

use crate::error::ExportError;
use crate::fonts::FontSet;

/// The standard library, built once per process.
static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

/// The id of a virtual file, e.g. `/data.json`.
pub(crate) fn file_id(name: &str) -> Option<FileId> {
    let path = VirtualPath::new(name).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, path).intern())
}

/// A finished PDF.
pub struct RenderedPdf {
    pub bytes: Vec<u8>,
    pub pages: usize,
}

/// The template, its data, the extra files and the fonts, and nothing else.
struct TemplateWorld {
    main: FileId,
    source: Source,
    files: HashMap<FileId, Bytes>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

impl World for TemplateWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main {
            Ok(self.source.clone())
        } else {
            Err(FileError::NotFound(id.get().vpath().get_without_slash().into()))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if let Some(bytes) = self.files.get(&id) {
            Ok(bytes.clone())
        } else if id == self.main {
            Ok(Bytes::from_string(self.source.text().to_owned()))
        } else {
            Err(FileError::NotFound(id.get().vpath().get_without_slash().into()))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

/// Checks every character of `value` and of `template` against `fonts`, adding the system's
/// other CJK fonts for characters the loaded ones lack; a character no font has is an error
/// naming its field. Then adds the font families to `value` as `fonts`.
pub(crate) fn check_glyphs(
    value: &mut serde_json::Value,
    template: &str,
    fonts: &mut FontSet,
) -> Result<(), ExportError> {
    let template = serde_json::Value::String(template.to_owned());
    let mut missing = fonts.check(value);
    missing.extend(fonts.check(&template));
    if !missing.is_empty() {
        fonts.load_fallbacks(&FontSet::characters(&missing));
        missing = fonts.check(value);
        missing.extend(fonts.check(&template));
    }
    if !missing.is_empty() {
        return Err(ExportError::MissingGlyphs(missing));
    }
    if let Some(map) = value.as_object_mut() {
        map.insert("fonts".into(), fonts.families().into());
    }
    Ok(())
}

/// Typesets `template` (served as `main`, e.g. `/summary.typ`) with `value` as `/data.json` and
/// `files` by their virtual paths, dated `day`. Evicts typst's caches afterwards, also on error.
pub(crate) fn typeset(
    main: &str,
    template: &str,
    value: &serde_json::Value,
    files: Vec<(String, Bytes)>,
    fonts: &FontSet,
    day: NaiveDate,
) -> Result<RenderedPdf, ExportError> {
    let result = compile(main, template, value, files, fonts, day);
    // typst memoizes across compilations; without this, memory grows with every export.
    typst::comemo::evict(0);
    result
}

fn compile(
    main: &str,
    template: &str,
    value: &serde_json::Value,
    extra: Vec<(String, Bytes)>,
    fonts: &FontSet,
    day: NaiveDate,
) -> Result<RenderedPdf, ExportError> {
    let invalid = || ExportError::Typeset("内部文件路径无效".to_owned());
    let (main, data_id) = (file_id(main).ok_or_else(invalid)?, file_id("/data.json").ok_or_else(invalid)?);
    let data = serde_json::to_vec(value).map_err(|e| ExportError::Typeset(e.to_string()))?;
    let mut files = HashMap::with_capacity(extra.len() + 1);
    files.insert(data_id, Bytes::new(data));
    for (path, bytes) in extra {
        files.insert(file_id(&path).ok_or_else(invalid)?, bytes);
    }
    let list: Vec<Font> = fonts.faces.iter().map(|f| f.font.clone()).collect();
    let world = TemplateWorld {
        main,
        source: Source::new(main, template.to_owned()),
        files,
        book: LazyHash::new(FontBook::from_fonts(&list)),
        fonts: list,
    };
    let document: PagedDocument = typst::compile(&world).output.map_err(|e| diagnostics(&e))?;
    // The creation date is the report's day, not the clock: the same data make the same bytes.
    let (month, date) = (u8::try_from(day.month()).unwrap_or(1), u8::try_from(day.day()).unwrap_or(1));
    let timestamp = Datetime::from_ymd(day.year(), month, date).map(typst_pdf::Timestamp::new_utc);
    let options = typst_pdf::PdfOptions { tagged: false, timestamp, ..Default::default() };
    let bytes = typst_pdf::pdf(&document, &options).map_err(|e| diagnostics(&e))?;
    Ok(RenderedPdf { bytes, pages: document.pages().len() })
}

fn diagnostics(list: &[SourceDiagnostic]) -> ExportError {
    let messages: Vec<String> = list.iter().map(|d| d.message.to_string()).collect();
    ExportError::Typeset(messages.join("；"))
}
