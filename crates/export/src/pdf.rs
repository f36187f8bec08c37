//! 学时汇总表.pdf, typeset by typst used as a library (see `world`): one template
//! (`templates/summary.typ`, compiled in) and the data as `data.json` from memory. User text only
//! ever reaches typst inside that JSON, never as markup.

use crate::error::ExportError;
use crate::fonts::FontSet;
use crate::report::ReportData;
pub use crate::world::RenderedPdf;
use crate::world::{check_glyphs, typeset};

const TEMPLATE: &str = include_str!("../templates/summary.typ");

/// Typesets `report` with `fonts`. Every character of the data (and of the template) is checked
/// against the fonts first; the system's other CJK fonts are added for characters the loaded ones
/// lack, and a character that no font has is an error naming its field.
pub fn render_pdf(report: &ReportData, fonts: &mut FontSet) -> Result<RenderedPdf, ExportError> {
    let mut value = serde_json::to_value(report).map_err(|e| ExportError::Typeset(e.to_string()))?;
    check_glyphs(&mut value, TEMPLATE, fonts)?;
    typeset("/summary.typ", TEMPLATE, &value, Vec::new(), fonts, report.made_on)
}
