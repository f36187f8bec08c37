//! Properties of the engine over random ledgers: adding a record never lowers a year's hours nor
//! un-meets a year, and assessment is deterministic and independent of record order.

use proptest::prelude::*;
use serde_json::{Value, json};
use xueshi_core::engine::{Application, Assessment, assess};
use xueshi_core::kinds::{ApplicationPath, Level};
use xueshi_core::{Ledger, RuleBook};

const SETS: &[&str] = &["hunan-2017", "hunan-2020", "hunan-2021", "hunan-2024", "changde-2024", "hunan-2026"];

fn date() -> impl Strategy<Value = String> {
    (2019i32..=2026, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}"))
}

fn category() -> impl Strategy<Value = &'static str> {
    prop_oneof![Just("public"), Just("professional")]
}

/// A random valid record of any kind (without id).
fn record() -> impl Strategy<Value = Value> {
    prop_oneof![
        (date(), category(), 0u32..4, 0u32..3, 0u32..3)
            .prop_filter("some time", |(_, _, d, h, e)| d + h + e > 0)
            .prop_map(|(date, c, d, h, e)| json!({"kind":"training","date":date,"category":c,"days":d,"half_days":h,"evenings":e})),
        (date(), category(), 1u32..4000).prop_map(|(date, c, h)| json!({"kind":"online_course","date":date,"category":c,"hours":f64::from(h) / 100.0})),
        (date(), category(), 1u32..100).prop_map(|(date, c, h)| json!({"kind":"staff_training","date":date,"category":c,"hours":h})),
        (date(), prop_oneof![Just("first"), Just("corresponding"), Just("other")], prop_oneof![Just("domestic"), Just("international")])
            .prop_map(|(date, r, v)| json!({"kind":"paper","date":date,"role":r,"venue":v})),
        (date(), prop_oneof![Just("invention"), Just("utility_model"), Just("design")], 1u32..6)
            .prop_map(|(date, t, r)| json!({"kind":"patent","date":date,"patent_type":t,"rank":r})),
        (date(), prop_oneof![Just("provincial"), Just("municipal")], 1u32..4, 1u32..8)
            .prop_map(|(date, l, g, r)| json!({"kind":"award","date":date,"level":l,"grade":g,"rank":r})),
        (date(), prop_oneof![Just("provincial"), Just("municipal")], prop_oneof![Just("host"), Just("main"), Just("participant")])
            .prop_map(|(date, l, r)| json!({"kind":"research_project","date":date,"level":l,"role":r})),
        (date(), prop_oneof![Just("national"), Just("provincial")], prop_oneof![Just("gold"), Just("silver"), Just("bronze")])
            .prop_map(|(date, l, m)| json!({"kind":"skill_contest","date":date,"level":l,"medal":m})),
        (date(), 1u32..4).prop_map(|(date, u)| json!({"kind":"digital_exam","date":date,"units":u})),
        (2019i32..=2025, 1u32..30).prop_map(|(y, months)| {
            let end_year = y + (months as i32 - 1) / 12;
            let end_month = (months - 1) % 12 + 1;
            json!({"kind":"aid_posting","date":format!("{y}-01-01"),"end_date":format!("{end_year}-{end_month:02}-28")})
        }),
        (2015i32..=2025, 0i32..4).prop_map(|(from, span)| json!({"kind":"prior_certificate","date":"2025-07-01","from_year":from,"to_year":from + span})),
    ]
}

fn ledger(records: &[Value]) -> Ledger {
    let activities: Vec<Value> = records
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut r = r.clone();
            r["id"] = json!(format!("r{i}"));
            r["title"] = json!("随机记录");
            r
        })
        .collect();
    Ledger::from_value(&json!({"format":"xueshi-ledger","version":1,"activities":activities}))
        .expect("generated records are valid")
}

fn run(book: &RuleBook, set: &str, ledger: &Ledger) -> Assessment {
    let app = Application::new(2026, Level::Senior, ApplicationPath::Standard);
    assess(ledger, book.get(set).expect("set"), &app).expect("senior window")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn adding_a_record_never_lowers_a_years_hours_or_unmeets_it(
        records in prop::collection::vec(record(), 0..25),
        extra in record(),
        set in prop::sample::select(SETS),
    ) {
        let book = RuleBook::builtin().expect("rules");
        let before = run(&book, set, &ledger(&records));
        let mut more = records.clone();
        more.push(extra);
        let after = run(&book, set, &ledger(&more));
        for (b, a) in before.years.iter().zip(&after.years) {
            prop_assert_eq!(b.year, a.year);
            prop_assert!(a.public >= b.public && a.professional >= b.professional && a.total >= b.total);
            prop_assert!(a.met || !b.met, "year {} was met and no longer is", a.year);
        }
        prop_assert!(after.compliant || !before.compliant);
    }

    #[test]
    fn assessment_is_deterministic_and_independent_of_record_order(
        records in prop::collection::vec(record(), 0..25),
        set in prop::sample::select(SETS),
    ) {
        let book = RuleBook::builtin().expect("rules");
        let first = run(&book, set, &ledger(&records));
        prop_assert_eq!(&first, &run(&book, set, &ledger(&records)));
        let mut reversed = ledger(&records);
        reversed.activities.reverse();
        let other = run(&book, set, &reversed);
        prop_assert_eq!(&first.years, &other.years);
        prop_assert_eq!(first.compliant, other.compliant);
    }
}
