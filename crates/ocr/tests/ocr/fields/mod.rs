//! How many fields of a certificate come out right end to end: certificates the test writes
//! itself (see `generator`), captured as clean scans, phone-like photos, low-resolution scans and
//! image-only PDFs (see [`photos`]), read by PP-OCR, their lines given to the app's field
//! extraction (`xueshi_reading::extract_fields`) with the holder's profile, and each field compared
//! with what the certificate states (see [`score`]).
//!
//! Honest by construction: the extraction was tuned on the certificates of [`TUNING_SEEDS`]; the
//! assertions are on other seeds, never looked at while tuning. The default run reads
//! [`DEFAULT_COUNT`] certificates, one per capture (about a minute in the test profile); `XUESHI_LONG_TESTS=1`
//! reads [`LONG_COUNT`] more. `XUESHI_ACCURACY_TUNING=1` reads the tuning set instead (and
//! asserts nothing of it); `XUESHI_OCR_READINGS=DIR` keeps each page's reading in DIR and reuses
//! it, to try changes to the extraction without reading the pages again.

mod photos;
mod printed;
mod score;

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::PathBuf;

use xueshi_ocr::{input, read_pages};
use xueshi_reading::{ProfileHint, TextLine, extract_fields};

use crate::generator::{Certificate, certificate};
use crate::{keep_sample, reader};
use photos::{CAPTURES, Capture};
use score::{FIELDS, Outcome, Tally, outcomes};

/// The seeds the extraction was tuned on.
const TUNING_SEEDS: std::ops::Range<u64> = 100..136;
/// The first held-out seed of the default run (a multiple of 9: its nine certificates take every
/// capture), and how many certificates it reads. Seeds 5000–5008 were held out first; their two
/// titles lost to the recognizer's quotes were looked at, so the default run moved on to fresh seeds.
const DEFAULT_FIRST: u64 = 6_003;
const DEFAULT_COUNT: u64 = 9;
/// The first held-out seed of the long run, and how many more certificates it reads.
const LONG_FIRST: u64 = 9_000;
const LONG_COUNT: u64 = 63;
/// The share of fields that must come out right.
const REQUIRED: f64 = 0.95;

/// The lines and QR codes read on a certificate's file.
struct Reading {
    lines: Vec<TextLine>,
    qr: Vec<String>,
}

/// Reads `bytes` as the helper does, or takes the reading kept in `$XUESHI_OCR_READINGS`.
fn read(name: &str, bytes: &[u8]) -> Reading {
    let kept = std::env::var_os("XUESHI_OCR_READINGS").map(|dir| {
        let mut hasher = DefaultHasher::new();
        bytes.hash(&mut hasher);
        PathBuf::from(dir).join(format!("{name}-{:016x}.tsv", hasher.finish()))
    });
    if let Some(text) = kept.as_ref().and_then(|path| std::fs::read_to_string(path).ok()) {
        return parse_kept(&text);
    }
    let pages = input::pages(bytes.to_vec(), None).expect("the test file decodes");
    let document = read_pages(reader(), &pages, pages.len()).expect("the pages are read");
    let mut reading = Reading { lines: Vec::new(), qr: Vec::new() };
    for (page, text) in document.pages.into_iter().enumerate() {
        reading.qr.extend(text.qr.into_iter().map(|q| q.text));
        reading.lines.extend(text.lines.into_iter().map(|l| TextLine { text: l.text, page, bbox: Some(l.bbox) }));
    }
    if let Some(path) = kept {
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("creating the readings folder");
        std::fs::write(path, kept_text(&reading)).expect("keeping a reading");
    }
    reading
}

fn kept_text(reading: &Reading) -> String {
    let mut out = String::new();
    for line in &reading.lines {
        let [l, t, r, b] = line.bbox.unwrap_or_default();
        out.push_str(&format!("{}\t{l}\t{t}\t{r}\t{b}\t{}\n", line.page, line.text.replace(['\t', '\n'], " ")));
    }
    for qr in &reading.qr {
        out.push_str(&format!("qr\t{}\n", qr.replace(['\t', '\n'], " ")));
    }
    out
}

fn parse_kept(text: &str) -> Reading {
    let mut reading = Reading { lines: Vec::new(), qr: Vec::new() };
    for row in text.lines() {
        let cells: Vec<&str> = row.split('\t').collect();
        match cells.as_slice() {
            ["qr", link] => reading.qr.push((*link).to_owned()),
            [page, l, t, r, b, text] => {
                let f = |s: &str| s.parse::<f32>().expect("a number kept");
                let bbox = Some([f(l), f(t), f(r), f(b)]);
                reading.lines.push(TextLine { text: (*text).to_owned(), page: page.parse().expect("a page"), bbox });
            }
            _ => panic!("a kept reading's row: {row}"),
        }
    }
    reading
}

/// The fields of `certificate` read from `lines`, as the app reads them (with the holder's profile).
pub fn fields(certificate: &Certificate, lines: &[TextLine]) -> xueshi_reading::CertificateFields {
    let truth = &certificate.truth;
    let profile = ProfileHint { name: truth.name.as_deref(), id_number: Some(&truth.owner_id) };
    extract_fields(lines, &profile)
}

/// The tallies of a run: by field, by capture, by layout, and the fields wrong.
#[derive(Default)]
struct Run {
    by_field: Tally,
    by_capture: Tally,
    by_layout: Tally,
    printed: Tally,
    wrong: Vec<String>,
}

impl Run {
    fn add(&mut self, seed: u64, certificate: &Certificate, capture: Capture, detail: &str, reading: &Reading) {
        let read = fields(certificate, &reading.lines);
        for (field, outcome) in FIELDS.iter().zip(outcomes(&certificate.truth, &read, &reading.qr)) {
            let Some(outcome) = outcome else { continue };
            let right = outcome == Outcome::Right;
            self.by_field.add(field, right);
            self.by_capture.add(capture.name(), right);
            self.by_layout.add(certificate.layout, right);
            if !right {
                self.wrong.push(format!(
                    "seed {seed} ({}, {} {detail}): {field} {outcome:?}",
                    certificate.layout,
                    capture.name()
                ));
            }
        }
        for (field, outcome) in printed::outcomes_of_text(certificate) {
            if outcome != Outcome::Right {
                self.wrong.push(format!("seed {seed} ({}, printed text): {field} {outcome:?}", certificate.layout));
            }
            self.printed.add(field, outcome == Outcome::Right);
        }
    }

    fn report(&self, heading: &str) -> String {
        format!(
            "{heading}\n{}\n{}\n{}\nprinted text (as a born-digital PDF gives it): {:.1} %\n{}\nfields wrong:\n{}\n",
            self.by_field.table("field"),
            self.by_capture.table("capture"),
            self.by_layout.table("layout"),
            100.0 * self.printed.share(),
            format_args!("photos, scans and PDFs: {:.1} % of the fields right", 100.0 * self.by_field.share()),
            self.wrong.join("\n")
        )
    }
}

/// Reads the certificates of `seeds` (each captured in turn as [`CAPTURES`] lists), two at a time.
fn run(seeds: impl Iterator<Item = u64>) -> Run {
    let seeds: Vec<u64> = seeds.collect();
    let started = std::time::Instant::now();
    let read_one = |seed: u64| {
        let certificate = certificate(seed);
        // Nine seeds in a row take every capture; the layout (seed % 3) meets each capture in turn.
        let capture = CAPTURES[((seed + seed / 9) % CAPTURES.len() as u64) as usize];
        let (bytes, detail) = capture.file(&certificate.scan(), seed);
        let name = format!("certificate-{seed}.{}", capture.extension());
        keep_sample(&name, &bytes);
        let reading = read(&name, &bytes);
        (seed, certificate, capture, detail, reading)
    };
    let results: Vec<_> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..2)
            .map(|first| {
                let half = seeds.iter().skip(first).step_by(2);
                scope.spawn(move || half.map(|s| read_one(*s)).collect::<Vec<_>>())
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().expect("a reading thread")).collect()
    });
    let mut run = Run::default();
    for (seed, certificate, capture, detail, reading) in &results {
        run.add(*seed, certificate, *capture, detail, reading);
    }
    println!("{} certificates read in {:.1} s", seeds.len(), started.elapsed().as_secs_f64());
    run
}

/// Whether the tuning set is read instead of the held-out one (`XUESHI_ACCURACY_TUNING=1`).
pub fn tuning() -> bool {
    std::env::var("XUESHI_ACCURACY_TUNING").is_ok_and(|v| v == "1")
}

pub fn long_tests() -> bool {
    std::env::var("XUESHI_LONG_TESTS").is_ok_and(|v| v == "1")
}

#[test]
fn photos_scans_and_pdfs_of_certificates_give_at_least_95_percent_of_their_fields() {
    if tuning() {
        let run = run(TUNING_SEEDS);
        println!("{}", run.report("TUNING SET (not asserted)"));
        assert!(run.by_field.share() > 0.0, "the tuning set was read");
        return;
    }
    let mut seeds: Vec<u64> = (DEFAULT_FIRST..DEFAULT_FIRST + DEFAULT_COUNT).collect();
    if long_tests() {
        seeds.extend(LONG_FIRST..LONG_FIRST + LONG_COUNT);
    }
    let run = run(seeds.into_iter());
    let report = run.report("HELD-OUT CERTIFICATES");
    println!("{report}");
    assert!(run.by_field.share() >= REQUIRED, "fewer than 95 % of the fields right:\n{report}");
    assert!(run.printed.share() >= REQUIRED, "fewer than 95 % of the printed text's fields right:\n{report}");
}
