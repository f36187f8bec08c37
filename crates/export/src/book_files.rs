//! Each evidence file made ready for the evidence book: a photo decoded, turned upright, scaled so
//! that its longer side is at most [`MAX_SIDE`] pixels and saved again as JPEG (typst keeps every
//! image decoded until the end: an unscaled phone photo costs tens of MB); a PDF opened to count
//! its pages, one that needs a password to open named instead of embedded; anything else (Word,
//! Excel, OFD, HEIC …) a page saying where the file is in the package.

use std::io::Cursor;

use hayro_syntax::{DecryptionError, LoadPdfError, Pdf};
use image::codecs::jpeg::JpegEncoder;
use image::{DynamicImage, ImageDecoder, ImageReader};

/// The longest side of a photo in the book, in pixels (A4 at 200 dpi).
pub const MAX_SIDE: u32 = 1650;
/// JPEG quality of the scaled photos: text on a certificate stays sharp.
const JPEG_QUALITY: u8 = 85;

/// What goes into the book for one file.
pub(crate) enum Prepared {
    /// An image at most [`MAX_SIDE`] pixels on its longer side, and its extension.
    Image(Vec<u8>, &'static str),
    /// A PDF that opens without a password, with its page count.
    Pdf { bytes: Vec<u8>, pages: usize },
    /// A page of text instead of the file: why it is not shown. `problem` marks a file that should
    /// have been shown (a damaged photo, a PDF with a password), to be reported to the user.
    Note { text: String, problem: bool },
}

/// Makes `bytes` (a file whose content is of type `ext`, as the package names it) ready for the
/// book. `package_path` is where the original is in the package (said on a note page).
pub(crate) fn prepare(ext: &'static str, bytes: Vec<u8>, package_path: &str) -> Prepared {
    let kept = format!("原文件在材料包中：{package_path}");
    match ext {
        "jpg" | "png" | "webp" | "gif" => match scale_photo(&bytes) {
            Ok(Some(jpeg)) => Prepared::Image(jpeg, "jpg"),
            Ok(None) => Prepared::Image(bytes, ext),
            Err(_) => Prepared::Note {
                text: format!(
                    "这张图片无法读取（文件可能已损坏或不完整），没有排入汇编。请打开原文件核对，必要时重新拍照或扫描后替换。{kept}"
                ),
                problem: true,
            },
        },
        "pdf" => pdf(bytes, &kept),
        other => Prepared::Note {
            text: format!("这份材料是{}，不能排入 PDF 汇编，请打开原文件查看。{kept}", type_words(other)),
            problem: false,
        },
    }
}

fn pdf(bytes: Vec<u8>, kept: &str) -> Prepared {
    let problem = |why: &str| Prepared::Note { text: format!("{why}{kept}"), problem: true };
    let pages = match Pdf::new(bytes.clone()) {
        Ok(pdf) => pdf.pages().len(),
        Err(LoadPdfError::Decryption(DecryptionError::PasswordProtected)) => {
            return problem(
                "这份 PDF 设有打开密码，无法排入汇编。请用密码打开后另存（或打印）为不加密的 PDF，替换这份材料后重新导出。",
            );
        }
        Err(LoadPdfError::Decryption(_)) => {
            return problem(
                "这份 PDF 使用了本程序无法读取的加密方式，没有排入汇编。请另存（或打印）为不加密的 PDF 后替换。",
            );
        }
        Err(LoadPdfError::Invalid) => {
            return problem(
                "这份 PDF 无法读取（文件可能已损坏或不完整），没有排入汇编。请打开原文件核对，必要时重新获取后替换。",
            );
        }
    };
    if pages == 0 {
        return problem("这份 PDF 没有页面，没有排入汇编。");
    }
    Prepared::Pdf { bytes, pages }
}

/// A type of file in words, for the note page.
fn type_words(ext: &str) -> String {
    match ext {
        "doc" | "docx" | "wps" | "rtf" => "Word 文档".to_owned(),
        "xls" | "xlsx" | "et" | "csv" => "Excel 表格".to_owned(),
        "ppt" | "pptx" | "dps" => "演示文稿".to_owned(),
        "ofd" => "OFD 版式文件".to_owned(),
        "heic" => "HEIC 格式的照片（本程序无法转换，可在手机或电脑上另存为 JPEG 后替换）".to_owned(),
        "txt" | "md" => "文本文件".to_owned(),
        other => format!("{} 文件", other.to_ascii_uppercase()),
    }
}

/// Decodes a photo (which checks it: typst would fail the whole book on a damaged one); when it is
/// larger than [`MAX_SIDE`] on its longer side, turns it as its EXIF orientation says, scales it
/// down and encodes it as JPEG. `None`: the photo is small enough to be used as it is.
pub fn scale_photo(bytes: &[u8]) -> image::ImageResult<Option<Vec<u8>>> {
    let mut decoder = ImageReader::new(Cursor::new(bytes)).with_guessed_format()?.into_decoder()?;
    let orientation = decoder.orientation()?;
    let mut photo = DynamicImage::from_decoder(decoder)?;
    if photo.width().max(photo.height()) <= MAX_SIDE {
        return Ok(None);
    }
    photo.apply_orientation(orientation);
    photo = photo.resize(MAX_SIDE, MAX_SIDE, image::imageops::FilterType::Triangle);
    let rgb = photo.to_rgb8();
    drop(photo);
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY).encode_image(&rgb)?;
    Ok(Some(out))
}
