//! Text recognition behind our own small trait, so that the young `pure-onnx-ocr` crate (PP-OCR
//! DBNet detection + CTC recognition on tract) can be swapped out without touching the rest.

use std::path::{Path, PathBuf};

use image::{DynamicImage, RgbImage};
use pure_onnx_ocr::{OcrEngine, OcrEngineBuilder};

use crate::OcrError;
use crate::onnx_meta::metadata_value;

/// The detection model, as fetched by scripts/fetch-ocr-models.sh into `models/ocr/`.
pub const DET_MODEL: &str = "PP-OCRv6_det_small.onnx";
/// The recognition model; its character list is in its ONNX metadata (`character`).
pub const REC_MODEL: &str = "PP-OCRv6_rec_small.onnx";
/// The environment variable naming the models folder (after `--models`, before the folder beside
/// the program).
pub const MODELS_ENV: &str = "XUESHI_OCR_MODELS";
/// The long side the detector scales a page to: enough for certificate text on a phone photo of
/// a whole page, and where detection time stays small on two cores.
pub const DET_LIMIT_SIDE: u32 = 960;

/// One line of text found on an image.
#[derive(Debug, Clone, PartialEq)]
pub struct OcrLine {
    pub text: String,
    /// Mean probability of the recognised characters, 0–1.
    pub confidence: f32,
    /// The line's box in image pixels: top-left, top-right, bottom-right, bottom-left as read
    /// (a tilted line gives a tilted box).
    pub quad: [(f32, f32); 4],
}

/// Anything that reads the lines of text on an image.
pub trait TextReader {
    fn read(&self, image: &RgbImage) -> Result<Vec<OcrLine>, OcrError>;
}

/// PP-OCRv6 small, run by `pure-onnx-ocr` on tract (pure Rust, CPU).
pub struct PpOcrReader {
    engine: OcrEngine,
}

impl PpOcrReader {
    /// Loads the two models from `dir`.
    pub fn load(dir: &Path) -> Result<Self, OcrError> {
        let det_path = dir.join(DET_MODEL);
        let rec_path = dir.join(REC_MODEL);
        let det = read_model(&det_path)?;
        let rec = read_model(&rec_path)?;
        let characters = metadata_value(&rec, "character").ok_or_else(|| OcrError::ModelDamaged(rec_path.clone()))?;
        let engine = OcrEngineBuilder::new()
            .det_model_bytes(det)
            .rec_model_bytes(rec)
            .dictionary_text(characters)
            .det_limit_side_len(DET_LIMIT_SIDE)
            // One line per batch: measured faster than 8 per batch (3.2 s against 5.5 s a page).
            .rec_batch_size(1)
            .build()
            .map_err(|_| OcrError::ModelDamaged(dir.to_path_buf()))?;
        Ok(PpOcrReader { engine })
    }
}

fn read_model(path: &Path) -> Result<Vec<u8>, OcrError> {
    std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => OcrError::ModelMissing(path.to_path_buf()),
        _ => OcrError::ModelDamaged(path.to_path_buf()),
    })
}

impl TextReader for PpOcrReader {
    fn read(&self, image: &RgbImage) -> Result<Vec<OcrLine>, OcrError> {
        let results = self
            .engine
            .run_from_image(&DynamicImage::ImageRgb8(image.clone()))
            .map_err(|e| OcrError::Recognition(e.to_string()))?;
        Ok(results
            .into_iter()
            .filter(|r| !r.text.trim().is_empty())
            .map(|r| {
                let mut quad = [(0.0, 0.0); 4];
                for (corner, point) in quad.iter_mut().zip(r.bounding_box.exterior().points()) {
                    *corner = (point.x() as f32, point.y() as f32);
                }
                OcrLine { text: r.text.trim().to_string(), confidence: r.confidence, quad }
            })
            .collect())
    }
}

/// Where the models are: `--models DIR`, else `$XUESHI_OCR_MODELS`, else `models/ocr/` beside
/// the program.
pub fn models_dir(option: Option<PathBuf>) -> PathBuf {
    if let Some(dir) = option {
        return dir;
    }
    if let Some(dir) = std::env::var_os(MODELS_ENV).filter(|v| !v.is_empty()) {
        return PathBuf::from(dir);
    }
    let exe_dir = std::env::current_exe().ok().and_then(|p| p.parent().map(Path::to_path_buf));
    exe_dir.unwrap_or_default().join("models").join("ocr")
}
