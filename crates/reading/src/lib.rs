//! Reads the text of evidence files, so that the 预审 can compare what a certificate says with the
//! profile. For now born-digital PDFs only, read with hayro: the text the platforms print with a
//! non-embedded 宋体 (STSong-Light, UniGB-UCS2-H) comes out exactly. Photos and scans have no
//! text to read here (OCR is to come). Bounded: the first [`MAX_PAGES`] pages of a file of at
//! most [`MAX_BYTES`], at most [`MAX_CHARS`] characters, and a damaged or hostile file gives an
//! error, never a panic.
//!
//! What a certificate's text says is read by [`extract_fields`]: the fields it suggests for a new
//! record (name, certificate number, title, provider, dates, 学时, kind, 身份证号), each with how
//! sure the reading is and the line it came from.

mod fields;
mod layout;
mod pdf;

pub use fields::{CertificateFields, ProfileHint, Suggested, TextLine, extract_fields, lines_of};
pub use pdf::{MAX_BYTES, MAX_CHARS, MAX_PAGES, is_pdf, pdf_lines, pdf_text};

/// Why the text of a file could not be read, in words for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadingError {
    #[error("这份 PDF 设有打开密码，无法读取其中的文字。请用密码打开后另存（或打印）为不加密的 PDF，再替换这份材料。")]
    PasswordProtected,
    #[error("这份 PDF 使用了本程序无法读取的加密方式，无法读取其中的文字。请另存（或打印）为不加密的 PDF 后替换。")]
    UnsupportedEncryption,
    #[error("这份 PDF 无法读取（文件可能已损坏或不完整）。请打开原文件核对，必要时重新获取后替换。")]
    Damaged,
    #[error("这份文件太大，没有读取其中的文字。")]
    TooLarge,
}
