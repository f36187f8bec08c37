//! Tests of the OCR helper on synthetic certificates the tests draw themselves. Those that need the
//! PP-OCR models fail, saying to run scripts/fetch-ocr-models.sh, when the models are missing.

mod cer;
mod fields;
mod formats;
mod generator;
mod interface;
mod qr_art;
mod recognition;
mod synth;
mod variants;

use std::path::PathBuf;
use std::sync::OnceLock;

use xueshi_ocr::PpOcrReader;

/// The models folder the fetch script fills.
pub fn models_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../models/ocr")
}

/// The recognizer, loaded once for all tests.
pub fn reader() -> &'static PpOcrReader {
    static READER: OnceLock<PpOcrReader> = OnceLock::new();
    READER.get_or_init(|| {
        PpOcrReader::load(&models_dir())
            .unwrap_or_else(|e| panic!("{e}: run scripts/fetch-ocr-models.sh to fetch the OCR models"))
    })
}

/// Saves `bytes` as `name` in `$XUESHI_OCR_SAMPLES` when set (to look at the test images, or to
/// time the helper on them).
pub fn keep_sample(name: &str, bytes: &[u8]) {
    if let Some(dir) = std::env::var_os("XUESHI_OCR_SAMPLES") {
        let dir = PathBuf::from(dir);
        std::fs::create_dir_all(&dir).expect("creating the samples folder");
        std::fs::write(dir.join(name), bytes).expect("saving a sample");
    }
}
