//! A worked example for every conversion clause of every built-in rule set: the record, the hours
//! it earns and the clause that credits them. A clause without an example fails the suite.

use std::collections::BTreeSet;

use serde_json::{Value, json};
use xueshi_core::engine::{Application, assess};
use xueshi_core::kinds::{ApplicationPath, Level};
use xueshi_core::{Ledger, RuleBook};

/// (rule set, record fields, expected credits as (clause, category, hours, year)).
type Example = (&'static str, Value, &'static [(&'static str, &'static str, f64, i32)]);

fn examples() -> Vec<Example> {
    vec![
        // 2017: only remote learning, at the certified hours.
        (
            "hunan-2017",
            json!({"kind":"online_course","date":"2016-03-01","category":"public","hours":12.5}),
            &[("hunan-2017/conversion.remote.hour", "public", 12.5, 2016)],
        ),
        // 2017 三: the forms it lists count by the 学时 on their proof (it has no table by days).
        (
            "hunan-2017",
            json!({"kind":"training","date":"2016-07-04","category":"professional","days":3,"hours":24}),
            &[("hunan-2017/conversion.forms.hour", "professional", 24.0, 2016)],
        ),
        // 2020 table: a day 10, a half day 4, an evening 2.
        (
            "hunan-2020",
            json!({"kind":"training","date":"2019-05-06","category":"professional","days":2,"half_days":1,"evenings":1}),
            &[
                ("hunan-2020/conversion.1.day", "professional", 20.0, 2019),
                ("hunan-2020/conversion.1.half_day", "professional", 4.0, 2019),
                ("hunan-2020/conversion.1.evening", "professional", 2.0, 2019),
            ],
        ),
        (
            "hunan-2020",
            json!({"kind":"online_course","date":"2019-01-01","category":"public","hours":30}),
            &[("hunan-2020/conversion.online.hour", "public", 30.0, 2019)],
        ),
        (
            "hunan-2020",
            json!({"kind":"research_project","date":"2018-12-20","level":"municipal","role":"host"}),
            &[("hunan-2020/conversion.2.host", "professional", 90.0, 2018)],
        ),
        (
            "hunan-2020",
            json!({"kind":"research_project","date":"2018-12-20","level":"provincial","role":"main"}),
            &[("hunan-2020/conversion.2.participant", "professional", 60.0, 2018)],
        ),
        (
            "hunan-2020",
            json!({"kind":"book","date":"2017-08-01","role":"first"}),
            &[("hunan-2020/conversion.3.book.first", "professional", 90.0, 2017)],
        ),
        (
            "hunan-2020",
            json!({"kind":"book","date":"2017-08-01","role":"other"}),
            &[("hunan-2020/conversion.3.book.other", "professional", 60.0, 2017)],
        ),
        (
            "hunan-2020",
            json!({"kind":"paper","date":"2016-04-01","role":"first","venue":"domestic"}),
            &[("hunan-2020/conversion.3.paper.first", "professional", 30.0, 2016)],
        ),
        (
            "hunan-2020",
            json!({"kind":"paper","date":"2016-04-01","role":"corresponding","venue":"domestic"}),
            &[("hunan-2020/conversion.3.paper.other", "professional", 10.0, 2016)],
        ),
        (
            "hunan-2020",
            json!({"kind":"patent","date":"2015-09-09","patent_type":"design","rank":1}),
            &[("hunan-2020/conversion.4.rank1", "professional", 90.0, 2015)],
        ),
        (
            "hunan-2020",
            json!({"kind":"patent","date":"2015-09-09","patent_type":"invention","rank":2}),
            &[("hunan-2020/conversion.4.other", "professional", 60.0, 2015)],
        ),
        (
            "hunan-2020",
            json!({"kind":"award","date":"2019-11-11","level":"provincial","grade":3,"rank":9}),
            &[("hunan-2020/conversion.5.provincial", "professional", 90.0, 2019)],
        ),
        (
            "hunan-2020",
            json!({"kind":"award","date":"2019-11-11","level":"municipal","grade":1,"rank":5}),
            &[("hunan-2020/conversion.5.municipal.top5", "professional", 60.0, 2019)],
        ),
        (
            "hunan-2020",
            json!({"kind":"award","date":"2019-11-11","level":"municipal","grade":1,"rank":6}),
            &[("hunan-2020/conversion.5.municipal", "professional", 30.0, 2019)],
        ),
        (
            "hunan-2020",
            json!({"kind":"digital_exam","date":"2018-06-01","units":2}),
            &[("hunan-2020/conversion.6.module", "professional", 40.0, 2018)],
        ),
        (
            "hunan-2020",
            json!({"kind":"aid_posting","date":"2017-03-01","end_date":"2017-08-31"}),
            &[("hunan-2020/conversion.7.posting", "full_year", 90.0, 2017)],
        ),
        (
            "hunan-2020",
            json!({"kind":"degree_course","date":"2016-07-01","units":1}),
            &[("hunan-2020/conversion.8.course", "professional", 90.0, 2016)],
        ),
        (
            "hunan-2020",
            json!({"kind":"qualification_exam","date":"2016-10-01","units":1}),
            &[("hunan-2020/conversion.9.exam", "professional", 90.0, 2016)],
        ),
        (
            "hunan-2020",
            json!({"kind":"prior_certificate","date":"2019-07-01","from_year":2014,"to_year":2015}),
            &[
                ("hunan-2020/conversion.prior.certificate", "prior_certificate", 0.0, 2014),
                ("hunan-2020/conversion.prior.certificate", "prior_certificate", 0.0, 2015),
            ],
        ),
        // 2021 takes the 2020 table: the clause named is the 2020 notice's.
        (
            "hunan-2021",
            json!({"kind":"conference","date":"2020-10-10","category":"professional","days":1}),
            &[("hunan-2020/conversion.1.day", "professional", 10.0, 2020)],
        ),
        // 2024 table (常德 attachment of 湘人社办函〔2024〕21号): a day 8, a half day 4.
        (
            "hunan-2024",
            json!({"kind":"practice","date":"2023-05-06","category":"professional","days":3,"half_days":1}),
            &[
                ("hunan-2024/conversion.1.day", "professional", 24.0, 2023),
                ("hunan-2024/conversion.1.half_day", "professional", 4.0, 2023),
            ],
        ),
        (
            "hunan-2024",
            json!({"kind":"online_course","date":"2023-01-01","category":"professional","hours":1.5}),
            &[("hunan-2024/conversion.online.hour", "professional", 1.5, 2023)],
        ),
        (
            "hunan-2024",
            json!({"kind":"research_project","date":"2022-12-20","level":"provincial","role":"host"}),
            &[("hunan-2024/conversion.2.provincial.host", "professional", 60.0, 2022)],
        ),
        (
            "hunan-2024",
            json!({"kind":"research_project","date":"2022-12-20","level":"provincial","role":"main"}),
            &[("hunan-2024/conversion.2.provincial.main", "professional", 30.0, 2022)],
        ),
        (
            "hunan-2024",
            json!({"kind":"research_project","date":"2022-12-20","level":"provincial","role":"participant"}),
            &[("hunan-2024/conversion.2.provincial.participant", "professional", 10.0, 2022)],
        ),
        (
            "hunan-2024",
            json!({"kind":"research_project","date":"2022-12-20","level":"municipal","role":"host"}),
            &[("hunan-2024/conversion.2.municipal.host", "professional", 30.0, 2022)],
        ),
        (
            "hunan-2024",
            json!({"kind":"research_project","date":"2022-12-20","level":"municipal","role":"main"}),
            &[("hunan-2024/conversion.2.municipal.other", "professional", 10.0, 2022)],
        ),
        (
            "hunan-2024",
            json!({"kind":"book","date":"2021-08-01","role":"first"}),
            &[("hunan-2024/conversion.3.book.first", "professional", 60.0, 2021)],
        ),
        (
            "hunan-2024",
            json!({"kind":"book","date":"2021-08-01","role":"other"}),
            &[("hunan-2024/conversion.3.book.other", "professional", 30.0, 2021)],
        ),
        (
            "hunan-2024",
            json!({"kind":"paper","date":"2020-04-01","role":"first","venue":"domestic"}),
            &[("hunan-2024/conversion.3.paper.first", "professional", 30.0, 2020)],
        ),
        (
            "hunan-2024",
            json!({"kind":"paper","date":"2020-04-01","role":"other","venue":"domestic"}),
            &[("hunan-2024/conversion.3.paper.other", "professional", 10.0, 2020)],
        ),
        (
            "hunan-2024",
            json!({"kind":"patent","date":"2019-09-09","patent_type":"invention","rank":1}),
            &[("hunan-2024/conversion.4.invention.rank1", "professional", 60.0, 2019)],
        ),
        (
            "hunan-2024",
            json!({"kind":"patent","date":"2019-09-09","patent_type":"invention","rank":3}),
            &[("hunan-2024/conversion.4.invention.rank3", "professional", 30.0, 2019)],
        ),
        (
            "hunan-2024",
            json!({"kind":"patent","date":"2019-09-09","patent_type":"invention","rank":4}),
            &[("hunan-2024/conversion.4.invention.other", "professional", 10.0, 2019)],
        ),
        (
            "hunan-2024",
            json!({"kind":"patent","date":"2019-09-09","patent_type":"utility_model","rank":1}),
            &[("hunan-2024/conversion.4.utility.rank1", "professional", 30.0, 2019)],
        ),
        (
            "hunan-2024",
            json!({"kind":"patent","date":"2019-09-09","patent_type":"utility_model","rank":2}),
            &[("hunan-2024/conversion.4.utility.rank3", "professional", 10.0, 2019)],
        ),
        (
            "hunan-2024",
            json!({"kind":"award","date":"2023-11-11","level":"provincial","grade":1,"rank":7}),
            &[("hunan-2024/conversion.5.provincial.grade1", "professional", 60.0, 2023)],
        ),
        (
            "hunan-2024",
            json!({"kind":"award","date":"2023-11-11","level":"provincial","grade":2,"rank":1}),
            &[("hunan-2024/conversion.5.provincial.grade2", "professional", 30.0, 2023)],
        ),
        (
            "hunan-2024",
            json!({"kind":"award","date":"2023-11-11","level":"provincial","grade":3,"rank":1}),
            &[("hunan-2024/conversion.5.provincial.grade3", "professional", 10.0, 2023)],
        ),
        (
            "hunan-2024",
            json!({"kind":"award","date":"2023-11-11","level":"municipal","grade":1,"rank":1}),
            &[("hunan-2024/conversion.5.municipal.grade1", "professional", 30.0, 2023)],
        ),
        (
            "hunan-2024",
            json!({"kind":"award","date":"2023-11-11","level":"municipal","grade":2,"rank":1}),
            &[("hunan-2024/conversion.5.municipal.grade2", "professional", 10.0, 2023)],
        ),
        (
            "hunan-2024",
            json!({"kind":"award","date":"2023-11-11","level":"municipal","grade":3,"rank":1}),
            &[("hunan-2024/conversion.5.municipal.grade3", "professional", 5.0, 2023)],
        ),
        (
            "hunan-2024",
            json!({"kind":"digital_exam","date":"2022-06-01","units":3}),
            &[("hunan-2024/conversion.6.module", "professional", 60.0, 2022)],
        ),
        (
            "hunan-2024",
            json!({"kind":"aid_posting","date":"2020-07-01","end_date":"2022-06-30"}),
            &[
                ("hunan-2024/conversion.7.posting", "full_year", 90.0, 2020),
                ("hunan-2024/conversion.7.posting", "full_year", 90.0, 2021),
                ("hunan-2024/conversion.7.posting", "full_year", 90.0, 2022),
            ],
        ),
        (
            "hunan-2024",
            json!({"kind":"degree_course","date":"2021-07-01","units":2}),
            &[("hunan-2024/conversion.8.course", "professional", 60.0, 2021)],
        ),
        (
            "hunan-2024",
            json!({"kind":"qualification_exam","date":"2021-10-01","units":1}),
            &[("hunan-2024/conversion.9.exam", "professional", 30.0, 2021)],
        ),
        (
            "hunan-2024",
            json!({"kind":"prior_certificate","date":"2023-07-01","from_year":2018,"to_year":2018}),
            &[("hunan-2024/conversion.prior.certificate", "prior_certificate", 0.0, 2018)],
        ),
        // 常德 2024: 事业单位工作人员培训 hours count as recorded.
        (
            "changde-2024",
            json!({"kind":"staff_training","date":"2024-03-01","category":"public","hours":18.5}),
            &[("changde-2024/conversion.staff_training.hour", "public", 18.5, 2024)],
        ),
        // 2026 table.
        (
            "hunan-2026",
            json!({"kind":"training","date":"2025-05-06","category":"public","days":2,"half_days":2}),
            &[
                ("hunan-2026/conversion.1.day", "public", 16.0, 2025),
                ("hunan-2026/conversion.1.half_day", "public", 8.0, 2025),
            ],
        ),
        (
            "hunan-2026",
            json!({"kind":"online_course","date":"2025-01-01","category":"professional","hours":45}),
            &[("hunan-2026/conversion.online.hour", "professional", 45.0, 2025)],
        ),
        (
            "hunan-2026",
            json!({"kind":"staff_training","date":"2025-01-01","category":"public","hours":10,"platform":"unified"}),
            &[("hunan-2026/conversion.staff_training.hour", "public", 10.0, 2025)],
        ),
        (
            "hunan-2026",
            json!({"kind":"research_project","date":"2024-12-20","level":"provincial","role":"host"}),
            &[("hunan-2026/conversion.2.provincial.host", "professional", 60.0, 2024)],
        ),
        (
            "hunan-2026",
            json!({"kind":"research_project","date":"2024-12-20","level":"provincial","role":"main"}),
            &[("hunan-2026/conversion.2.provincial.main", "professional", 30.0, 2024)],
        ),
        (
            "hunan-2026",
            json!({"kind":"research_project","date":"2024-12-20","level":"provincial","role":"participant"}),
            &[("hunan-2026/conversion.2.provincial.participant", "professional", 10.0, 2024)],
        ),
        (
            "hunan-2026",
            json!({"kind":"research_project","date":"2024-12-20","level":"municipal","role":"host"}),
            &[("hunan-2026/conversion.2.municipal.host", "professional", 30.0, 2024)],
        ),
        (
            "hunan-2026",
            json!({"kind":"research_project","date":"2024-12-20","level":"municipal","role":"participant"}),
            &[("hunan-2026/conversion.2.municipal.other", "professional", 10.0, 2024)],
        ),
        (
            "hunan-2026",
            json!({"kind":"book","date":"2023-08-01","role":"first"}),
            &[("hunan-2026/conversion.3.book.first", "professional", 60.0, 2023)],
        ),
        (
            "hunan-2026",
            json!({"kind":"book","date":"2023-08-01","role":"other"}),
            &[("hunan-2026/conversion.3.book.other", "professional", 30.0, 2023)],
        ),
        (
            "hunan-2026",
            json!({"kind":"paper","date":"2022-04-01","role":"corresponding","venue":"international"}),
            &[("hunan-2026/conversion.3.paper.first", "professional", 30.0, 2022)],
        ),
        (
            "hunan-2026",
            json!({"kind":"paper","date":"2022-04-01","role":"other","venue":"international"}),
            &[("hunan-2026/conversion.3.paper.other", "professional", 10.0, 2022)],
        ),
        (
            "hunan-2026",
            json!({"kind":"patent","date":"2021-09-09","patent_type":"invention","rank":1}),
            &[("hunan-2026/conversion.4.invention.rank1", "professional", 60.0, 2021)],
        ),
        (
            "hunan-2026",
            json!({"kind":"patent","date":"2021-09-09","patent_type":"invention","rank":2}),
            &[("hunan-2026/conversion.4.invention.rank3", "professional", 30.0, 2021)],
        ),
        (
            "hunan-2026",
            json!({"kind":"patent","date":"2021-09-09","patent_type":"invention","rank":5}),
            &[("hunan-2026/conversion.4.invention.other", "professional", 10.0, 2021)],
        ),
        (
            "hunan-2026",
            json!({"kind":"patent","date":"2021-09-09","patent_type":"utility_model","rank":1}),
            &[("hunan-2026/conversion.4.utility.rank1", "professional", 30.0, 2021)],
        ),
        (
            "hunan-2026",
            json!({"kind":"patent","date":"2021-09-09","patent_type":"utility_model","rank":3}),
            &[("hunan-2026/conversion.4.utility.rank3", "professional", 10.0, 2021)],
        ),
        (
            "hunan-2026",
            json!({"kind":"award","date":"2025-11-11","level":"provincial","grade":1,"rank":1}),
            &[("hunan-2026/conversion.5.provincial.grade1", "professional", 60.0, 2025)],
        ),
        (
            "hunan-2026",
            json!({"kind":"award","date":"2025-11-11","level":"provincial","grade":2,"rank":1}),
            &[("hunan-2026/conversion.5.provincial.grade2", "professional", 30.0, 2025)],
        ),
        (
            "hunan-2026",
            json!({"kind":"award","date":"2025-11-11","level":"provincial","grade":3,"rank":1}),
            &[("hunan-2026/conversion.5.provincial.grade3", "professional", 10.0, 2025)],
        ),
        (
            "hunan-2026",
            json!({"kind":"award","date":"2025-11-11","level":"municipal","grade":1,"rank":1}),
            &[("hunan-2026/conversion.5.municipal.grade1", "professional", 30.0, 2025)],
        ),
        (
            "hunan-2026",
            json!({"kind":"award","date":"2025-11-11","level":"municipal","grade":2,"rank":1}),
            &[("hunan-2026/conversion.5.municipal.grade2", "professional", 10.0, 2025)],
        ),
        (
            "hunan-2026",
            json!({"kind":"award","date":"2025-11-11","level":"municipal","grade":3,"rank":1}),
            &[("hunan-2026/conversion.5.municipal.grade3", "professional", 5.0, 2025)],
        ),
        (
            "hunan-2026",
            json!({"kind":"aid_posting","date":"2023-01-01","end_date":"2023-06-30","task":"sanyuan"}),
            &[("hunan-2026/conversion.6.posting", "full_year", 90.0, 2023)],
        ),
        (
            "hunan-2026",
            json!({"kind":"expert_service","date":"2024-04-01","category":"professional","days":2,"hours":3.5}),
            &[
                ("hunan-2026/conversion.6.expert.day", "professional", 16.0, 2024),
                ("hunan-2026/conversion.6.expert.online", "professional", 3.5, 2024),
            ],
        ),
        (
            "hunan-2026",
            json!({"kind":"degree_course","date":"2022-07-01","units":1}),
            &[("hunan-2026/conversion.7.course", "professional", 30.0, 2022)],
        ),
        (
            "hunan-2026",
            json!({"kind":"qualification_exam","date":"2022-10-01","units":2}),
            &[("hunan-2026/conversion.8.exam", "professional", 60.0, 2022)],
        ),
        (
            "hunan-2026",
            json!({"kind":"digital_exam","date":"2022-06-01","units":2}),
            &[("hunan-2026/conversion.8.digital", "professional", 60.0, 2022)],
        ),
        (
            "hunan-2026",
            // 122 days in 2022, 243 in 2023: the exchange completes 2023, the year holding most of its days.
            json!({"kind":"overseas_exchange","date":"2022-09-01","end_date":"2023-08-31"}),
            &[("hunan-2026/conversion.9.overseas", "full_year", 90.0, 2023)],
        ),
        (
            "hunan-2026",
            json!({"kind":"skill_contest","date":"2024-10-01","level":"national","medal":"gold"}),
            &[("hunan-2026/conversion.10.gold", "professional", 60.0, 2024)],
        ),
        (
            "hunan-2026",
            json!({"kind":"skill_contest","date":"2024-10-01","level":"national","medal":"silver"}),
            &[("hunan-2026/conversion.10.silver", "professional", 30.0, 2024)],
        ),
        (
            "hunan-2026",
            json!({"kind":"skill_contest","date":"2024-10-01","level":"national","medal":"bronze"}),
            &[("hunan-2026/conversion.10.bronze", "professional", 10.0, 2024)],
        ),
        (
            "hunan-2026",
            json!({"kind":"skill_contest","date":"2024-10-01","level":"provincial","medal":"gold"}),
            &[("hunan-2026/conversion.11.gold", "professional", 30.0, 2024)],
        ),
        (
            "hunan-2026",
            json!({"kind":"skill_contest","date":"2024-10-01","level":"provincial","medal":"silver"}),
            &[("hunan-2026/conversion.11.silver", "professional", 10.0, 2024)],
        ),
        (
            "hunan-2026",
            json!({"kind":"skill_contest","date":"2024-10-01","level":"provincial","medal":"bronze"}),
            &[("hunan-2026/conversion.11.bronze", "professional", 5.0, 2024)],
        ),
        (
            "hunan-2026",
            json!({"kind":"prior_certificate","date":"2024-07-01","from_year":2019,"to_year":2023}),
            &[
                ("hunan-2026/conversion.prior.certificate", "prior_certificate", 0.0, 2019),
                ("hunan-2026/conversion.prior.certificate", "prior_certificate", 0.0, 2020),
                ("hunan-2026/conversion.prior.certificate", "prior_certificate", 0.0, 2021),
                ("hunan-2026/conversion.prior.certificate", "prior_certificate", 0.0, 2022),
                ("hunan-2026/conversion.prior.certificate", "prior_certificate", 0.0, 2023),
            ],
        ),
    ]
}

/// Assesses one record alone and returns its credits as (clause, category, hours, year).
fn credits_of(book: &RuleBook, set: &str, fields: &Value) -> Vec<(String, String, f64, i32)> {
    let mut record = fields.clone();
    record["id"] = json!("r1");
    record["title"] = json!("示例");
    let ledger = Ledger::from_value(&json!({"format":"xueshi-ledger","version":1,"activities":[record]}))
        .unwrap_or_else(|e| panic!("example for {set} is a valid record: {e}"));
    let rules = book.get(set).expect("built-in set exists");
    let application = Application::new(2026, Level::Senior, ApplicationPath::Standard);
    let a = assess(&ledger, rules, &application).expect("senior window exists in every set");
    a.credits
        .iter()
        .map(|c| (c.source.clause.clone(), c.category.code().to_owned(), c.hours.as_f64(), c.year))
        .collect()
}

#[test]
fn every_example_earns_exactly_the_hours_its_clause_states() {
    let book = RuleBook::builtin().expect("built-in rules load");
    for (set, fields, expected) in examples() {
        let got = credits_of(&book, set, &fields);
        let want: Vec<(String, String, f64, i32)> =
            expected.iter().map(|(c, cat, h, y)| ((*c).to_owned(), (*cat).to_owned(), *h, *y)).collect();
        assert_eq!(got, want, "{set}: {fields}");
    }
}

#[test]
fn every_conversion_clause_of_every_built_in_set_has_a_worked_example() {
    let book = RuleBook::builtin().expect("built-in rules load");
    let covered: BTreeSet<String> =
        examples().iter().flat_map(|(_, _, credits)| credits.iter().map(|c| c.0.to_owned())).collect();
    let mut missing = Vec::new();
    for set in book.sets() {
        for clause in &set.conversions {
            let name = format!("{}/{}", clause.origin.set, clause.id);
            if !covered.contains(&name) {
                missing.push(name);
            }
        }
    }
    missing.dedup();
    assert!(missing.is_empty(), "clauses without a worked example: {missing:?}");
}
