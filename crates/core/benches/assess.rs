//! Assessing a ledger of 10,000 records over 10 years, against a bare loop that only sums the
//! same records' hours (the floor any engine must pay to look at every record once).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::{Value, json};
use xueshi_core::engine::{Application, assess};
use xueshi_core::kinds::{ApplicationPath, Level};
use xueshi_core::{Detail, Hours, Ledger, RuleBook};

/// 10,000 records spread over 2016–2025, of the kinds a real ledger holds most.
fn big_ledger() -> Ledger {
    let activities: Vec<Value> = (0..10_000)
        .map(|i| {
            let date = format!("{}-{:02}-{:02}", 2016 + i % 10, 1 + i % 12, 1 + i % 28);
            let common = json!({"id": format!("a{i}"), "title": "记录", "date": date});
            let mut r = match i % 5 {
                0 => json!({"kind":"training","category":"professional","days":1 + i % 3,"half_days":i % 2}),
                1 => json!({"kind":"online_course","category":"public","hours":(i % 40) as f64 / 2.0 + 0.5}),
                2 => json!({"kind":"paper","role":"first","venue":"domestic"}),
                3 => json!({"kind":"award","level":"municipal","grade":1 + i % 3,"rank":1}),
                _ => json!({"kind":"patent","patent_type":"invention","rank":1 + i % 5}),
            };
            for (k, v) in common.as_object().into_iter().flatten() {
                r[k] = v.clone();
            }
            r
        })
        .collect();
    Ledger::from_value(&json!({"format":"xueshi-ledger","version":1,"activities":activities})).expect("valid")
}

/// The bare loop: per year, the sum of each record's hours by a fixed table.
fn bare_sum(ledger: &Ledger) -> [Hours; 10] {
    let mut years = [Hours::ZERO; 10];
    for a in &ledger.activities {
        let h = match &a.detail {
            Detail::Sessions { days, half_days, .. } => Hours::whole(8) * *days + Hours::whole(4) * *half_days,
            Detail::Hours { hours, .. } => *hours,
            Detail::Paper { .. } => Hours::whole(30),
            Detail::Award { grade, .. } => Hours::whole(i64::from(*grade) * 10),
            Detail::Patent { rank, .. } => Hours::whole(if *rank == 1 { 60 } else { 10 }),
            _ => Hours::ZERO,
        };
        let y = (a.year() - 2016).clamp(0, 9) as usize;
        years[y] += h;
    }
    years
}

fn benches(c: &mut Criterion) {
    let ledger = big_ledger();
    let book = RuleBook::builtin().expect("rules");
    let rules = book.get("hunan-2026").expect("set");
    let app = Application::new(2026, Level::Senior, ApplicationPath::Standard);
    c.bench_function("assess 10000 records (hunan-2026, senior)", |b| {
        b.iter(|| assess(black_box(&ledger), black_box(rules), black_box(&app)))
    });
    c.bench_function("bare loop summing the same 10000 records", |b| b.iter(|| bare_sum(black_box(&ledger))));
}

criterion_group!(assess_benches, benches);
criterion_main!(assess_benches);
