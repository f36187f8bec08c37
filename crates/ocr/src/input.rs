//! The pages of an input file as RGB images: PNG, JPEG and WebP photos (EXIF orientation applied,
//! large JPEGs decoded straight at a fraction of their size), PDF pages rendered by hayro. Sizes
//! are checked before anything large is allocated; HEIC is recognised and refused in words.

use std::io::{Cursor, Read};
use std::path::Path;

use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits, RgbImage};

use crate::OcrError;
use crate::pdf;
use crate::prepare::WORK_LONG_SIDE;

/// The largest file read: phone photos and certificate PDFs are far smaller.
pub const MAX_FILE_BYTES: u64 = 100 * 1024 * 1024;
/// The most pixels of a PNG or WebP image (decoded at full size: 4 bytes each, twice).
pub const MAX_PIXELS: u64 = 50_000_000;
/// The most pixels of a JPEG: decoded at 1/2, 1/4 or 1/8 of its size, so it may be larger.
pub const MAX_JPEG_PIXELS: u64 = 200_000_000;
/// The most bytes the image decoders may allocate.
const MAX_ALLOC: u64 = 512 * 1024 * 1024;

/// A page to read: its image, and its size as given (a large JPEG is decoded at a fraction of its
/// size: the image is smaller than the page, and boxes are given as fractions of either).
#[derive(Debug, Clone)]
pub struct Page {
    pub image: RgbImage,
    pub width: u32,
    pub height: u32,
}

impl Page {
    /// A page whose image is at its own size.
    pub fn whole(image: RgbImage) -> Self {
        let (width, height) = image.dimensions();
        Page { image, width, height }
    }
}

/// What a file is, from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Png,
    Jpeg,
    WebP,
    Pdf,
    Heic,
    Other,
}

/// Sniffs the kind of a file from its first bytes (never from its name).
pub fn sniff(bytes: &[u8]) -> Kind {
    let head = &bytes[..bytes.len().min(1024)];
    if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        Kind::Png
    } else if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Kind::Jpeg
    } else if head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP" {
        Kind::WebP
    } else if head.windows(5).any(|w| w == b"%PDF-") {
        Kind::Pdf
    } else if head.len() >= 12 && &head[4..8] == b"ftyp" && is_heif_brand(&head[8..12]) {
        Kind::Heic
    } else {
        Kind::Other
    }
}

fn is_heif_brand(brand: &[u8]) -> bool {
    [b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"].iter().any(|b| brand == *b)
}

/// Reads `path` (at most [`MAX_FILE_BYTES`]).
pub fn read_file(path: &Path) -> Result<Vec<u8>, OcrError> {
    let file = std::fs::File::open(path).map_err(|e| OcrError::unreadable(path, &e))?;
    let len = file.metadata().map_err(|e| OcrError::unreadable(path, &e))?.len();
    if len > MAX_FILE_BYTES {
        return Err(OcrError::FileTooLarge { megabytes: len / 1024 / 1024, limit: MAX_FILE_BYTES / 1024 / 1024 });
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(MAX_FILE_BYTES).read_to_end(&mut bytes).map_err(|e| OcrError::unreadable(path, &e))?;
    Ok(bytes)
}

/// The pages to read: page `page` (1-based) or, without one, every page up to
/// [`pdf::MAX_PAGES`] (an image has one page).
pub fn pages(bytes: Vec<u8>, page: Option<usize>) -> Result<Vec<Page>, OcrError> {
    load(bytes, page).map(|(pages, _)| pages)
}

/// [`pages`], with the number of pages the file has.
pub fn load(bytes: Vec<u8>, page: Option<usize>) -> Result<(Vec<Page>, usize), OcrError> {
    match sniff(&bytes) {
        Kind::Pdf => {
            let (images, count) = pdf::render_pages(bytes, page)?;
            Ok((images.into_iter().map(Page::whole).collect(), count))
        }
        Kind::Heic => Err(OcrError::Heic),
        Kind::Other => Err(OcrError::UnsupportedFormat),
        kind => {
            if let Some(n) = page.filter(|&n| n != 1) {
                return Err(OcrError::NoSuchPage { requested: n, pages: 1 });
            }
            Ok((vec![decode_image(&bytes, kind)?], 1))
        }
    }
}

/// Decodes a PNG, JPEG or WebP image upright (EXIF orientation applied).
pub fn decode_image(bytes: &[u8], kind: Kind) -> Result<Page, OcrError> {
    let format = match kind {
        Kind::Png => ImageFormat::Png,
        Kind::Jpeg => ImageFormat::Jpeg,
        Kind::WebP => ImageFormat::WebP,
        _ => return Err(OcrError::UnsupportedFormat),
    };
    // A PNG's size is in its first chunk: checked before any decoder reads further.
    if kind == Kind::Png && bytes.len() >= 24 {
        let be = |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
        let (width, height) = (be(16), be(20));
        if u64::from(width) * u64::from(height) > MAX_PIXELS {
            return Err(OcrError::ImageTooLarge { width, height, limit: MAX_PIXELS / 10_000 });
        }
    }
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_ALLOC);
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|_| OcrError::DamagedImage)?;
    let (width, height) = decoder.dimensions();
    let limit = if kind == Kind::Jpeg { MAX_JPEG_PIXELS } else { MAX_PIXELS };
    if u64::from(width) * u64::from(height) > limit {
        return Err(OcrError::ImageTooLarge { width, height, limit: limit / 10_000 });
    }
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let reduced = if kind == Kind::Jpeg { decode_jpeg_reduced(bytes, WORK_LONG_SIDE) } else { None };
    let mut image = match reduced {
        Some(image) => image,
        None if u64::from(width) * u64::from(height) > MAX_PIXELS => {
            return Err(OcrError::ImageTooLarge { width, height, limit: MAX_PIXELS / 10_000 });
        }
        None => DynamicImage::from_decoder(decoder).map_err(|_| OcrError::DamagedImage)?,
    };
    image.apply_orientation(orientation);
    let (width, height) = match orientation {
        Orientation::Rotate90 | Orientation::Rotate270 | Orientation::Rotate90FlipH | Orientation::Rotate270FlipH => {
            (height, width)
        }
        _ => (width, height),
    };
    Ok(Page { image: image.into_rgb8(), width, height })
}

/// A JPEG decoded at the smallest of 1/8, 1/4, 1/2 and full size whose longer side still has at
/// least `min_side` pixels (the inverse DCT computed for fewer pixels: a 12-megapixel photo decodes
/// at half size in a fraction of the time and memory). `None` when this decoder cannot read it
/// (CMYK, 16-bit, damaged): the caller decodes it at full size, which also says why.
fn decode_jpeg_reduced(bytes: &[u8], min_side: u32) -> Option<DynamicImage> {
    let mut decoder = jpeg_decoder::Decoder::new(bytes);
    decoder.set_max_decoding_buffer_size(MAX_ALLOC as usize);
    decoder.read_info().ok()?;
    let info = decoder.info()?;
    let long = u32::from(info.width.max(info.height));
    // jpeg-decoder picks the smallest scale at least as large as asked, for both sides.
    let ratio = f64::from(min_side.min(long)) / f64::from(long);
    let (w, h) = ((f64::from(info.width) * ratio).ceil() as u16, (f64::from(info.height) * ratio).ceil() as u16);
    decoder.scale(w.max(1), h.max(1)).ok()?;
    let pixels = decoder.decode().ok()?;
    let info = decoder.info()?;
    let (width, height) = (u32::from(info.width), u32::from(info.height));
    match info.pixel_format {
        jpeg_decoder::PixelFormat::RGB24 => RgbImage::from_raw(width, height, pixels).map(DynamicImage::ImageRgb8),
        jpeg_decoder::PixelFormat::L8 => {
            image::GrayImage::from_raw(width, height, pixels).map(DynamicImage::ImageLuma8)
        }
        jpeg_decoder::PixelFormat::L16 | jpeg_decoder::PixelFormat::CMYK32 => None,
    }
}
