//! The ways a generated certificate reaches the reader: a clean scan, phone-like photos (tilted,
//! blurred, noisy, unevenly lit, saved as a JPEG, all of it at once on a desk), a scan at a low
//! resolution and an image-only PDF; each defect's strength drawn from the certificate's seed.

use image::RgbImage;

use crate::generator::words::Lcg;
use crate::variants::{self, DESK};

/// How a certificate is captured.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Capture {
    Clean,
    Tilted,
    Blurred,
    Noisy,
    UnevenLight,
    Jpeg,
    SmallScan,
    DeskPhoto,
    ImageOnlyPdf,
}

/// Every capture, in the order certificates take them in turn.
pub const CAPTURES: [Capture; 9] = [
    Capture::Clean,
    Capture::Tilted,
    Capture::Blurred,
    Capture::Noisy,
    Capture::UnevenLight,
    Capture::Jpeg,
    Capture::SmallScan,
    Capture::DeskPhoto,
    Capture::ImageOnlyPdf,
];

impl Capture {
    /// Its name in the tables.
    pub fn name(self) -> &'static str {
        match self {
            Capture::Clean => "clean scan",
            Capture::Tilted => "tilted photo",
            Capture::Blurred => "blurred photo",
            Capture::Noisy => "noisy photo",
            Capture::UnevenLight => "uneven light",
            Capture::Jpeg => "JPEG q60-85",
            Capture::SmallScan => "75-90 dpi scan",
            Capture::DeskPhoto => "desk photo",
            Capture::ImageOnlyPdf => "image-only PDF",
        }
    }

    /// The file of `scan` captured this way, with its defects' strength (from `seed`) in words.
    pub fn file(self, scan: &RgbImage, seed: u64) -> (Vec<u8>, String) {
        let mut rng = Lcg::new(seed ^ 0xC0FFEE);
        let sign = if rng.chance(0.5) { 1.0 } else { -1.0 };
        match self {
            Capture::Clean => (variants::png(scan), String::new()),
            Capture::Tilted => {
                let degrees = sign * (2.0 + 4.0 * rng.fraction());
                (variants::png(&variants::rotated(scan, degrees, DESK)), format!("{degrees:.1}°"))
            }
            Capture::Blurred => {
                let sigma = 1.2 + rng.fraction();
                (variants::png(&variants::blurred(scan, sigma)), format!("σ {sigma:.1} px"))
            }
            Capture::Noisy => {
                let sigma = 12.0 + 13.0 * rng.fraction();
                (variants::png(&variants::noisy(scan, sigma, seed)), format!("σ {sigma:.0}"))
            }
            Capture::UnevenLight => {
                let darkest = 0.35 + 0.25 * rng.fraction();
                (variants::png(&variants::unevenly_lit(scan, darkest)), format!("darkest {darkest:.2}"))
            }
            Capture::Jpeg => {
                let quality = rng.between(60, 85) as u8;
                (variants::jpeg(scan, quality), format!("q{quality}"))
            }
            Capture::SmallScan => {
                let factor = 0.5 + 0.1 * rng.fraction();
                (variants::png(&variants::scaled(scan, factor)), format!("{:.0} dpi", 150.0 * factor))
            }
            Capture::DeskPhoto => {
                let degrees = sign * (3.0 + 3.0 * rng.fraction());
                // A portrait page is photographed holding the phone upright.
                let (w, h) = if scan.height() > scan.width() { (1500, 2000) } else { (2000, 1500) };
                let photo = variants::photo(scan, w, h, degrees);
                let quality = rng.between(70, 85) as u8;
                (variants::jpeg(&photo, quality), format!("{degrees:.1}°, q{quality}"))
            }
            Capture::ImageOnlyPdf => {
                let jpeg = variants::jpeg(scan, 85);
                (variants::image_only_pdf(&jpeg, scan.width(), scan.height()), String::new())
            }
        }
    }

    /// The file's extension.
    pub fn extension(self) -> &'static str {
        match self {
            Capture::Jpeg | Capture::DeskPhoto => "jpg",
            Capture::ImageOnlyPdf => "pdf",
            _ => "png",
        }
    }
}
