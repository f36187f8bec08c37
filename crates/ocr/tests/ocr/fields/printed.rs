//! The extraction alone, on the text the generated certificates print (as a born-digital PDF
//! gives it, line by line): many certificates in a moment, so that a gap in the extraction shows
//! apart from the recognizer's errors. Tuned on [`TUNING_SEEDS`], asserted on other seeds.

use xueshi_reading::TextLine;

use super::score::{FIELDS, Outcome, Tally, outcomes};
use super::{fields, long_tests, tuning};
use crate::generator::{Certificate, certificate};

/// The seeds the extraction was tuned on.
const TUNING_SEEDS: std::ops::Range<u64> = 100..700;
/// The held-out seeds: by default, and with `XUESHI_LONG_TESTS=1`.
const HELD_OUT: std::ops::Range<u64> = 20_000..20_300;
const HELD_OUT_LONG: std::ops::Range<u64> = 20_000..23_000;

/// How each field of `certificate` comes out of its printed text.
pub fn outcomes_of_text(certificate: &Certificate) -> Vec<(&'static str, Outcome)> {
    let lines: Vec<TextLine> =
        certificate.text().into_iter().map(|text| TextLine { text, page: 0, bbox: None }).collect();
    let read = fields(certificate, &lines);
    let qr: Vec<String> = certificate.truth.qr.iter().cloned().collect();
    FIELDS.iter().zip(outcomes(&certificate.truth, &read, &qr)).filter_map(|(f, o)| Some((*f, o?))).collect()
}

#[test]
fn the_printed_text_of_generated_certificates_gives_at_least_99_percent_of_their_fields() {
    let seeds = if tuning() {
        TUNING_SEEDS
    } else if long_tests() {
        HELD_OUT_LONG
    } else {
        HELD_OUT
    };
    let (mut tally, mut wrong) = (Tally::default(), Vec::new());
    for seed in seeds.clone() {
        let certificate = certificate(seed);
        for (field, outcome) in outcomes_of_text(&certificate) {
            tally.add(field, outcome == Outcome::Right);
            if outcome != Outcome::Right && wrong.len() < 40 {
                wrong.push(format!(
                    "seed {seed} ({}): {field} {outcome:?}\n{}",
                    certificate.layout,
                    certificate.text().join("\n")
                ));
            }
        }
    }
    let report = format!(
        "{} certificates' printed text (seeds {seeds:?})\n{}{}",
        seeds.end - seeds.start,
        tally.table("field"),
        wrong.join("\n\n")
    );
    println!("{report}\nright: {:.2} %", 100.0 * tally.share());
    assert!(tally.share() >= 0.99, "fewer than 99 % of the printed fields right:\n{report}");
}
