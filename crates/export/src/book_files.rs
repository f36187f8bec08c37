//! Each evidence file made ready for the evidence book: a photo decoded, turned upright, scaled so
//! that its longer side is at most [`MAX_SIDE`] pixels, saved again as JPEG and wrapped in a
//! one-page PDF (typst keeps every raster image decoded until the end, about 6 MB for a scaled
//! photo and 36 MB for an unscaled one; a PDF page it only measures, and its JPEG is copied into
//! the book as it is); a PDF opened to count
//! its pages, one that needs a password to open named instead of embedded; anything else (Word,
//! Excel, OFD, HEIC …) a page saying where the file is in the package.

use std::io::Cursor;

use hayro_syntax::{DecryptionError, LoadPdfError, Pdf};
use image::codecs::jpeg::JpegEncoder;
use image::metadata::Orientation;
use image::{DynamicImage, GrayImage, ImageDecoder, ImageFormat, ImageReader, RgbImage};

/// The longest side of a photo in the book, in pixels (A4 at 200 dpi).
pub const MAX_SIDE: u32 = 1650;
/// JPEG quality of the scaled photos: text on a certificate stays sharp.
const JPEG_QUALITY: u8 = 85;

/// How far a photo is scaled down and how strongly its JPEG is compressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhotoSize {
    /// The longest side in pixels.
    pub max_side: u32,
    /// JPEG quality, 1–100.
    pub quality: u8,
}

impl PhotoSize {
    /// The evidence book's photos: [`MAX_SIDE`] pixels at quality 85.
    pub const BOOK: PhotoSize = PhotoSize { max_side: MAX_SIDE, quality: JPEG_QUALITY };
}

/// What goes into the book for one file.
pub(crate) enum Prepared {
    /// A photo at most [`MAX_SIDE`] pixels on its longer side, as a one-page PDF.
    Image(Vec<u8>),
    /// A PDF that opens without a password, with its page count.
    Pdf { bytes: Vec<u8>, pages: usize },
    /// A page of text instead of the file: why it is not shown. `problem` marks a file that should
    /// have been shown (a damaged photo, a PDF with a password), to be reported to the user.
    Note { text: String, problem: bool },
}

/// Makes `bytes` (a file whose content is of type `ext`, as the package names it) ready for the
/// book. `package_path` is where the original is in the package (said on a note page).
pub(crate) fn prepare(ext: &str, bytes: Vec<u8>, package_path: &str, size: PhotoSize) -> Prepared {
    let kept = format!("原文件在申报材料包中：{package_path}");
    match ext {
        "jpg" | "png" | "webp" | "gif" => match scale_photo_to(&bytes, size) {
            Ok(photo) => Prepared::Image(jpeg_page(&photo)),
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

/// A colour JPEG of `width` × `height` pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Photo {
    pub jpeg: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// Decodes a photo (which also checks it), turns it as its EXIF orientation says, scales it down
/// to [`MAX_SIDE`] on its longer side (never up) and encodes it as colour JPEG. A colour JPEG that
/// is upright and small enough already is kept as it is.
pub fn scale_photo(bytes: &[u8]) -> image::ImageResult<Photo> {
    scale_photo_to(bytes, PhotoSize::BOOK)
}

/// [`scale_photo`] to `size`: at most `size.max_side` pixels, re-encoded at `size.quality` (a
/// colour JPEG is kept as it is only at the book's size). A large JPEG is decoded at the smallest
/// of 1/2, 1/4 or 1/8 of its size that still has `size.max_side` pixels on its longer side (see
/// [`decode_jpeg_reduced`]); anything else at full size.
pub fn scale_photo_to(bytes: &[u8], size: PhotoSize) -> image::ImageResult<Photo> {
    let (max_side, quality) = (size.max_side, size.quality);
    let reader = ImageReader::new(Cursor::new(bytes)).with_guessed_format()?;
    let is_jpeg = reader.format() == Some(ImageFormat::Jpeg);
    let mut decoder = reader.into_decoder()?;
    let orientation = decoder.orientation()?;
    let (width, height) = decoder.dimensions();
    let small = width.max(height) <= max_side;
    let reduced = if is_jpeg && !small { decode_jpeg_reduced(bytes, max_side) } else { None };
    let mut photo = match reduced {
        Some(photo) => {
            drop(decoder);
            photo
        }
        None => DynamicImage::from_decoder(decoder)?,
    };
    if small
        && size == PhotoSize::BOOK
        && orientation == Orientation::NoTransforms
        && bytes.starts_with(&[0xFF, 0xD8, 0xFF])
        && matches!(photo, DynamicImage::ImageRgb8(_))
    {
        return Ok(Photo { jpeg: bytes.to_vec(), width, height });
    }
    photo.apply_orientation(orientation);
    if photo.width().max(photo.height()) > max_side {
        photo = photo.thumbnail(max_side, max_side);
    }
    let rgb = photo.to_rgb8();
    drop(photo);
    let mut jpeg = Vec::new();
    JpegEncoder::new_with_quality(&mut jpeg, quality).encode_image(&rgb)?;
    Ok(Photo { jpeg, width: rgb.width(), height: rgb.height() })
}

/// A JPEG decoded straight at a fraction of its size (the inverse DCT of each 8 × 8 block computed
/// for 4 × 4, 2 × 2 or 1 × 1 pixels): the smallest of 1/2, 1/4 and 1/8 whose longer side still has
/// at least `max_side` pixels, at full size when none has. A 12-megapixel phone photo decodes at
/// half size in about a quarter of the time and memory. `None` when this decoder cannot read it
/// (CMYK, 16-bit, damaged…): the caller decodes it at full size as before, which also says why.
fn decode_jpeg_reduced(bytes: &[u8], max_side: u32) -> Option<DynamicImage> {
    let mut decoder = jpeg_decoder::Decoder::new(bytes);
    let side = u16::try_from(max_side).unwrap_or(u16::MAX);
    decoder.scale(side, side).ok()?;
    let pixels = decoder.decode().ok()?;
    let info = decoder.info()?;
    let (width, height) = (u32::from(info.width), u32::from(info.height));
    match info.pixel_format {
        jpeg_decoder::PixelFormat::RGB24 => RgbImage::from_raw(width, height, pixels).map(DynamicImage::ImageRgb8),
        jpeg_decoder::PixelFormat::L8 => GrayImage::from_raw(width, height, pixels).map(DynamicImage::ImageLuma8),
        jpeg_decoder::PixelFormat::L16 | jpeg_decoder::PixelFormat::CMYK32 => None,
    }
}

/// A one-page PDF showing `photo` over the whole page (one point per pixel), its JPEG stored as is.
pub fn jpeg_page(photo: &Photo) -> Vec<u8> {
    let (w, h) = (photo.width, photo.height);
    let content = format!("q {w} 0 0 {h} 0 0 cm /Im0 Do Q\n");
    let mut out = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::with_capacity(5);
    let mut object = |out: &mut Vec<u8>, n: usize, dict: &str, stream: Option<&[u8]>| {
        offsets.push(out.len());
        out.extend_from_slice(format!("{n} 0 obj\n{dict}\n").as_bytes());
        if let Some(data) = stream {
            out.extend_from_slice(b"stream\n");
            out.extend_from_slice(data);
            out.extend_from_slice(b"\nendstream\n");
        }
        out.extend_from_slice(b"endobj\n");
    };
    object(&mut out, 1, "<< /Type /Catalog /Pages 2 0 R >>", None);
    object(&mut out, 2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", None);
    let page = format!(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {w} {h}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>"
    );
    object(&mut out, 3, &page, None);
    let image = format!(
        "<< /Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length {} >>",
        photo.jpeg.len()
    );
    object(&mut out, 4, &image, Some(&photo.jpeg));
    object(&mut out, 5, &format!("<< /Length {} >>", content.len()), Some(content.as_bytes()));
    let xref = out.len();
    out.extend_from_slice(b"xref\n0 6\n0000000000 65535 f \n");
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(format!("trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes());
    out
}
