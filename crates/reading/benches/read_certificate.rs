//! 读取证书 from a born-digital PDF (the limit: 0.5 s per certificate): the text layer read
//! with each line's place, and the record's fields found in it. Two kinds of PDF: a platform's
//! certificate in a non-embedded 宋体 (STSong-Light, predefined CMap, as iText makes them) and a
//! typst-made page with embedded fonts (the app's own 学时汇总表).

use criterion::{Criterion, criterion_group, criterion_main};
use xueshi_reading::{ProfileHint, extract_fields, pdf_lines};

const PLATFORM: &[u8] = include_bytes!("../../../tests/fixtures/certificate-stsong.pdf");
const TYPST: &[u8] = include_bytes!("../../../tests/fixtures/summary-typst.pdf");

fn read(bytes: &[u8]) -> usize {
    let lines = pdf_lines(bytes).ok().flatten().unwrap_or_default();
    let fields = extract_fields(&lines, &ProfileHint { name: Some("王晓梅"), id_number: None });
    lines.len() + usize::from(fields.title.is_some())
}

fn bench(c: &mut Criterion) {
    assert!(read(PLATFORM) > 1, "the platform certificate gives its lines and title");
    c.bench_function("read a platform certificate (non-embedded 宋体)", |b| b.iter(|| read(PLATFORM)));
    c.bench_function("read a typst-made PDF (embedded fonts)", |b| b.iter(|| read(TYPST)));
}

criterion_group!(benches, bench);
criterion_main!(benches);
