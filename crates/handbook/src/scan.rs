//! 读取证书: the record a certificate file suggests — its text read (a born-digital PDF's text
//! layer, with where each line is on the page) and the fields found in it, checked against the
//! profile. Nothing is saved: the user confirms or edits the suggestion first. Photos, scans and
//! PDFs without a text layer are read by the OCR helper ([`crate::ocr`]), each field then as sure
//! as the recognizer was of its line, and their QR codes' links checked against the national
//! bases' platforms of the rule set in force; without the helper, they are refused with a message
//! saying to fill in the form by hand.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use sha2::{Digest, Sha256};
use xueshi_reading::{CertificateFields, ProfileHint, TextLine, extract_fields, is_pdf, pdf_lines};
use xueshi_store::vault::FileType;
use xueshi_store::vault::sniff::{SNIFF_LEN, detect};

use crate::Handbook;
use crate::error::{HandbookError, Result};
use crate::ocr::{OcrFailure, OcrText};
use crate::qr::{QrLink, link_of};

/// What a certificate file suggests.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Scan {
    /// The fields found; a 身份证号 only when it is the profile's own.
    pub fields: CertificateFields,
    /// The lines read, with their page and position (for showing where a field came from).
    pub lines: Vec<ScannedLine>,
    /// The QR codes found on a photo or scan (the text layer of a PDF has none).
    pub qr: Vec<ScannedQr>,
    /// Whether the text was recognised in an image (a photo, a scan) rather than read exactly.
    pub recognised: bool,
}

/// A QR code found on the certificate: its text (often a link to check the certificate online)
/// and, for a web link, its host checked against the national bases' platforms ([`crate::qr`]).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ScannedQr {
    pub text: String,
    pub page: usize,
    pub bbox: [f32; 4],
    /// `None` when the text is not an http or https link.
    pub link: Option<QrLink>,
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

/// A certificate file as read: at most `MAX_BYTES` of it, and its SHA-256 when asked for.
pub(crate) struct Content {
    pub bytes: Vec<u8>,
    /// The file is larger than `MAX_BYTES`: `bytes` holds only its beginning.
    pub too_big: bool,
    /// Lowercase hex SHA-256 of the whole file, hashed while it was read.
    pub sha256: Option<String>,
}

/// Reads `path` once: its first `MAX_BYTES` (and one more, to know there is more) kept, and with
/// `hash` the whole file hashed on the way (the rest of a larger file is hashed, not kept).
pub(crate) fn read_certificate(path: &Path, hash: bool) -> std::io::Result<Content> {
    let limit = xueshi_reading::MAX_BYTES;
    let mut file = File::open(path)?;
    let mut bytes = Vec::new();
    (&mut file).take(limit as u64 + 1).read_to_end(&mut bytes)?;
    let too_big = bytes.len() > limit;
    let sha256 = if hash {
        let mut hasher = Sha256::new();
        hasher.update(&bytes);
        if too_big {
            let mut buf = vec![0u8; 64 * 1024];
            loop {
                match file.read(&mut buf) {
                    Ok(0) => break,
                    Ok(n) => hasher.update(&buf[..n]),
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(e),
                }
            }
        }
        Some(xueshi_store::vault::hex(&hasher.finalize()))
    } else {
        None
    };
    bytes.truncate(limit);
    Ok(Content { bytes, too_big, sha256 })
}

/// The message for a file that could not be read.
pub(crate) fn unreadable(name: &str, e: &std::io::Error) -> HandbookError {
    HandbookError::input(format!("{name}无法读取：{}", xueshi_store::words::reason(e)))
}

/// The message for a photo or scan when the OCR helper is not installed: on Windows it comes with
/// the optional add-on (学时手册 照片识别组件), elsewhere with the program's package.
fn no_helper(name: &str) -> HandbookError {
    let remedy = if cfg!(windows) {
        concat!("安装", crate::ocr::windows_addon!(), "以后即可读取照片和扫描件")
    } else {
        "重新安装学时手册可以恢复文字识别"
    };
    HandbookError::input(format!(
        "{name}是照片或扫描件，需要文字识别程序（{}）才能读取，但没有在学时手册的安装文件夹中找到它。请对照证书手动填写记录，再把它附为证明材料；{remedy}",
        crate::ocr::PROGRAM
    ))
}

/// The message for a photo or scan the helper could not read.
fn not_recognised(name: &str, failure: &OcrFailure) -> HandbookError {
    HandbookError::input(format!("{name}的文字没有识别出来：{failure}请对照证书手动填写记录"))
}

/// A certificate's text as read from its file, before its fields are found: the part of reading a
/// certificate that needs nothing of the handbook — the file, its text layer, the OCR helper's run
/// (seconds for a photo) — so that the shells do it outside the handbook's lock
/// ([`Handbook::scan_text`] then finds the fields).
#[derive(Debug, Clone, PartialEq)]
pub struct CertificateText {
    lines: Vec<TextLine>,
    /// For a photo or a scan: how sure the recognizer was of each line, and the QR codes found.
    recognised: Option<Recognised>,
}

#[derive(Debug, Clone, PartialEq)]
struct Recognised {
    confidences: Vec<f32>,
    qr: Vec<(usize, crate::ocr::QrRead)>,
}

/// Reads certificates' text ([`CertificateText`]) without the handbook: it knows only where the
/// OCR helper is ([`Handbook::certificate_reader`]).
#[derive(Debug, Clone, PartialEq)]
pub struct CertificateReader {
    ocr: Option<crate::ocr::OcrHelper>,
}

impl CertificateReader {
    /// Reads the certificate at `path`.
    pub fn read_file(&self, path: &Path) -> Result<CertificateText> {
        let name = xueshi_store::words::name(path);
        let content = read_certificate(path, false).map_err(|e| unreadable(&name, &e))?;
        self.read(&name, path, &content)
    }

    /// The text of `content`, read from the file `name` at `path`.
    pub(crate) fn read(&self, name: &str, path: &Path, content: &Content) -> Result<CertificateText> {
        if content.too_big {
            return Err(HandbookError::input(format!("{name}超过 30 MB，没有读取。请对照证书手动填写记录")));
        }
        let bytes = &content.bytes;
        if !is_pdf(bytes) {
            let head = &bytes[..bytes.len().min(SNIFF_LEN)];
            let image =
                matches!(detect(head, name), Some(FileType::Jpeg | FileType::Png | FileType::Heic | FileType::Webp));
            if !image {
                return Err(HandbookError::input(format!("{name}不是 PDF 或图片，无法从中读取证书内容")));
            }
            return self.recognise(name, path);
        }
        match pdf_lines(bytes).map_err(|e| HandbookError::input(format!("{name}：{e}")))? {
            Some(lines) => Ok(CertificateText { lines, recognised: None }),
            None => self.recognise(name, path),
        }
    }

    /// A photo, a scan or a PDF of either, read by the OCR helper.
    fn recognise(&self, name: &str, path: &Path) -> Result<CertificateText> {
        let helper = self.ocr.as_ref().ok_or_else(|| no_helper(name))?;
        let OcrText { lines, confidences, qr } = helper.read(path).map_err(|f| not_recognised(name, &f))?;
        if lines.is_empty() {
            return Err(HandbookError::input(format!("{name}中没有认出文字。请对照证书手动填写记录")));
        }
        Ok(CertificateText { lines, recognised: Some(Recognised { confidences, qr }) })
    }
}

impl Handbook {
    /// What reads certificates' text outside the handbook (see [`CertificateText`]).
    pub fn certificate_reader(&self) -> CertificateReader {
        CertificateReader { ocr: self.ocr.clone() }
    }

    /// Reads the certificate at `path` and the record it suggests.
    pub fn scan_certificate(&self, path: &Path) -> Result<Scan> {
        let text = self.certificate_reader().read_file(path)?;
        self.scan_text(text)
    }

    /// The record a certificate's text suggests: its fields for this profile's owner; for a photo
    /// or a scan each field as sure as the recognizer was of its line, and the QR codes' links
    /// checked against the national bases' platforms of the rule set in force.
    pub fn scan_text(&self, text: CertificateText) -> Result<Scan> {
        let mut scan = self.fields_of(text.lines)?;
        if let Some(Recognised { confidences, qr }) = text.recognised {
            scan.fields.scale_confidence(|line| confidences.get(line).copied().unwrap_or(0.0));
            let in_force = self.current_rules().ok().flatten().map(|(set, _)| set);
            let platforms = self.rules.book.platforms_for(in_force);
            scan.qr = qr
                .into_iter()
                .map(|(page, q)| ScannedQr { link: link_of(&q.text, platforms), text: q.text, page, bbox: q.bbox })
                .collect();
            scan.recognised = true;
        }
        Ok(scan)
    }

    /// The certificate at `path` as the record form takes it.
    pub fn scan_form(&self, path: &Path) -> Result<crate::scan_form::ScanForm> {
        Ok(crate::scan_form::ScanForm::new(self.scan_certificate(path)?))
    }

    /// A certificate's text (read outside the handbook) as the record form takes it.
    pub fn scan_form_of(&self, text: CertificateText) -> Result<crate::scan_form::ScanForm> {
        Ok(crate::scan_form::ScanForm::new(self.scan_text(text)?))
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
        Ok(Scan { fields, lines, qr: Vec::new(), recognised: false })
    }
}
