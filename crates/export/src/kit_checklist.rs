//! 上传清单.pdf, the upload kit's one page: for each year of the window, which file(s) to upload,
//! the hours the engine credited that year by category and its standing, and the records (title,
//! date, category, hours) to enter in the 网上核认系统 for that year. Typeset like the summary,
//! from `templates/upload_checklist.typ` and the data as JSON.

use serde::Serialize;

use crate::PackageInput;
use crate::error::ExportError;
use crate::fonts::FontSet;
use crate::report::{ApplicationInfo, Person, ReportData};
use crate::upload_kit::KitYear;
use crate::world::{check_glyphs, typeset};

const TEMPLATE: &str = include_str!("../templates/upload_checklist.typ");

#[derive(Serialize)]
struct Checklist<'a> {
    date: &'a str,
    generator: &'a str,
    person: &'a Person,
    application: &'a ApplicationInfo,
    limit: String,
    years: Vec<ChecklistYear>,
}

#[derive(Serialize)]
struct ChecklistYear {
    year: i32,
    files: Vec<String>,
    certificate: bool,
    hours: String,
    status: String,
    records: Vec<ChecklistRecord>,
}

#[derive(Serialize)]
struct ChecklistRecord {
    date: String,
    title: String,
    category: String,
    hours: String,
}

/// A size for people: `5 MB`, `2.5 MB`; under 0.1 MB in kilobytes (`36 KB`), never `0 MB`.
pub fn megabytes(bytes: u64) -> String {
    if bytes < 1024 * 1024 / 10 {
        return format!("{} KB", bytes.div_ceil(1024));
    }
    let mb = bytes as f64 / (1024.0 * 1024.0);
    let text = format!("{mb:.1}");
    format!("{} MB", text.strip_suffix(".0").unwrap_or(&text))
}

/// Typesets the checklist of the kit whose years are `kit`.
pub(crate) fn render_checklist(
    input: &PackageInput<'_>,
    kit: &[KitYear],
    limit: u64,
    fonts: &mut FontSet,
) -> Result<Vec<u8>, ExportError> {
    let report = ReportData::build(input.ledger, input.rules, input.assessment, input.options);
    let mut years = Vec::with_capacity(kit.len());
    for k in kit {
        let Some(table) = report.years.iter().find(|t| t.year == k.year) else { continue };
        let covering = input.assessment.years.iter().find(|y| y.year == k.year).map(|y| &y.covered_by);
        let records = table
            .rows
            .iter()
            .filter(|r| !k.certificate || covering.is_some_and(|ids| ids.iter().any(|id| **id == *r.id)))
            .map(|r| ChecklistRecord {
                date: r.date.clone(),
                title: r.title.clone(),
                category: r.category.clone(),
                hours: r.hours.clone(),
            })
            .collect();
        let files = k
            .files
            .iter()
            .map(|f| {
                let name = f.name.rsplit('/').next().unwrap_or(&f.name);
                let over = if f.over_limit { "，有一页超过大小限制" } else { "" };
                format!("{name}（{} 页，{}{over}）", f.pages, megabytes(f.size))
            })
            .collect();
        years.push(ChecklistYear {
            year: k.year,
            files,
            certificate: k.certificate,
            hours: format!("公需 {}，专业 {}，合计 {}", table.public, table.professional, table.total),
            status: table.status.clone(),
            records,
        });
    }
    let data = Checklist {
        date: &report.date,
        generator: &report.generator,
        person: &report.person,
        application: &report.application,
        limit: megabytes(limit),
        years,
    };
    let mut value = serde_json::to_value(&data).map_err(|e| ExportError::Typeset(e.to_string()))?;
    check_glyphs(&mut value, TEMPLATE, fonts)?;
    Ok(typeset("/upload_checklist.typ", TEMPLATE, &value, Vec::new(), fonts, report.made_on)?.bytes)
}
