//! 读取证书: the record a certificate file suggests — its text read (a born-digital PDF's text
//! layer, with where each line is on the page) and the fields found in it, checked against the
//! profile. Nothing is saved: the user confirms or edits the suggestion first. Photos and scans
//! (no text layer) are refused with a message saying to fill in the form by hand, until the
//! offline text recognition is there.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use xueshi_reading::{CertificateFields, ProfileHint, TextLine, extract_fields, is_pdf, pdf_lines};
use xueshi_store::vault::FileType;
use xueshi_store::vault::sniff::{SNIFF_LEN, detect};

use crate::Handbook;
use crate::error::{HandbookError, Result};

/// What a certificate file suggests.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Scan {
    /// The fields found; a 身份证号 only when it is the profile's own.
    pub fields: CertificateFields,
    /// The lines read, with their page and position (for showing where a field came from).
    pub lines: Vec<ScannedLine>,
}

/// One line of the certificate as read.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ScannedLine {
    pub text: String,
    /// The page, from 0.
    pub page: usize,
    /// Where on the page: left, top, right, bottom as fractions of the page from its top-left
    /// corner; `None` when unknown.
    pub bbox: Option<[f32; 4]>,
}

impl Scan {
    /// The text read, line by line.
    pub fn text(&self) -> String {
        self.lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join("\n")
    }
}

/// The message for a file with no text to read: a photo, a scan, or a PDF of either.
fn no_text(name: &str) -> HandbookError {
    HandbookError::input(format!(
        "{name}是照片或扫描件，其中没有可以直接读取的文字，本版本还不能识别。请对照证书手动填写记录，再把它附为证明材料"
    ))
}

impl Handbook {
    /// Reads the certificate at `path` and the record it suggests.
    pub fn scan_certificate(&self, path: &Path) -> Result<Scan> {
        let name = xueshi_store::words::name(path);
        let unreadable =
            |e: std::io::Error| HandbookError::input(format!("{name}无法读取：{}", xueshi_store::words::reason(&e)));
        let mut bytes = Vec::new();
        File::open(path)
            .and_then(|f| f.take(xueshi_reading::MAX_BYTES as u64 + 1).read_to_end(&mut bytes))
            .map_err(unreadable)?;
        if bytes.len() > xueshi_reading::MAX_BYTES {
            return Err(HandbookError::input(format!("{name}超过 30 MB，没有读取。请对照证书手动填写记录")));
        }
        if !is_pdf(&bytes) {
            let head = &bytes[..bytes.len().min(SNIFF_LEN)];
            let image =
                matches!(detect(head, &name), Some(FileType::Jpeg | FileType::Png | FileType::Heic | FileType::Webp));
            return Err(if image {
                no_text(&name)
            } else {
                HandbookError::input(format!("{name}不是 PDF 或图片，无法从中读取证书内容"))
            });
        }
        let lines = pdf_lines(&bytes)
            .map_err(|e| HandbookError::input(format!("{name}：{e}")))?
            .ok_or_else(|| no_text(&name))?;
        self.fields_of(lines)
    }

    /// The certificate at `path` as the record form takes it.
    pub fn scan_form(&self, path: &Path) -> Result<crate::scan_form::ScanForm> {
        Ok(crate::scan_form::ScanForm::new(self.scan_certificate(path)?))
    }

    /// The fields `lines` suggest for this profile's owner.
    fn fields_of(&self, lines: Vec<TextLine>) -> Result<Scan> {
        let profile = self.store().profile()?;
        let hint = ProfileHint { name: profile.name.as_deref(), id_number: profile.id_number.as_deref() };
        let mut fields = extract_fields(&lines, &hint);
        // Personal data: someone else's 身份证号 (or one the profile does not have) is not kept.
        if fields.id_number.as_ref().is_some_and(|id| id.matches_profile != Some(true)) {
            fields.id_number = None;
        }
        let lines = lines.into_iter().map(|l| ScannedLine { text: l.text, page: l.page, bbox: l.bbox }).collect();
        Ok(Scan { fields, lines })
    }
}
