//! 学时汇总表.pdf, typeset by typst used as a library: a `World` serving one template
//! (`templates/summary.typ`, compiled in) and the data as `data.json` from memory. User text only
//! ever reaches typst inside that JSON, never as markup.

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
use crate::report::ReportData;

const TEMPLATE: &str = include_str!("../templates/summary.typ");

/// The standard library, built once per process.
static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

fn file_id(name: &str) -> Option<FileId> {
    let path = VirtualPath::new(name).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, path).intern())
}

/// The template, its data and the fonts, and nothing else: any other file is "not found".
struct SummaryWorld {
    main: FileId,
    data_id: FileId,
    source: Source,
    data: Bytes,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

impl World for SummaryWorld {
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
        if id == self.data_id {
            Ok(self.data.clone())
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

/// A finished PDF.
pub struct RenderedPdf {
    pub bytes: Vec<u8>,
    pub pages: usize,
}

/// Typesets `report` with `fonts`. Every character of the data (and of the template) is checked
/// against the fonts first; the system's other CJK fonts are added for characters the loaded ones
/// lack, and a character that no font has is an error naming its field.
pub fn render_pdf(report: &ReportData, fonts: &mut FontSet) -> Result<RenderedPdf, ExportError> {
    let mut value = serde_json::to_value(report).map_err(|e| ExportError::Typeset(e.to_string()))?;
    let template = serde_json::Value::String(TEMPLATE.to_owned());
    let mut missing = fonts.check(&value);
    missing.extend(fonts.check(&template));
    if !missing.is_empty() {
        fonts.load_fallbacks(&FontSet::characters(&missing));
        missing = fonts.check(&value);
        missing.extend(fonts.check(&template));
    }
    if !missing.is_empty() {
        return Err(ExportError::MissingGlyphs(missing));
    }
    if let Some(map) = value.as_object_mut() {
        map.insert("fonts".into(), fonts.families().into());
    }
    let result = compile(&value, fonts, report.made_on);
    // typst memoizes across compilations; without this, memory grows with every export.
    typst::comemo::evict(0);
    result
}

fn compile(value: &serde_json::Value, fonts: &FontSet, day: NaiveDate) -> Result<RenderedPdf, ExportError> {
    let (Some(main), Some(data_id)) = (file_id("/summary.typ"), file_id("/data.json")) else {
        return Err(ExportError::Typeset("内部文件路径无效".to_owned()));
    };
    let data = serde_json::to_vec(value).map_err(|e| ExportError::Typeset(e.to_string()))?;
    let list: Vec<Font> = fonts.faces.iter().map(|f| f.font.clone()).collect();
    let world = SummaryWorld {
        main,
        data_id,
        source: Source::new(main, TEMPLATE.to_owned()),
        data: Bytes::new(data),
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
