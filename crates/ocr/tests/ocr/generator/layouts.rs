//! The three kinds of certificate the generator writes, each in a few wordings: a 结业证书 of a
//! 研修班 or 培训班 (a training), a platform's 学时证明 (an online course, with its verification QR
//! code) and a 培训合格证书 (a training); and what each states, as the record should take it.

use chrono::{Duration, NaiveDate};
use xueshi_core::kinds::ActivityKind;

use super::forms::{self, DateForm};
use super::words::{self, Lcg};
use super::{Body, Certificate, Truth};

/// The study period: its first day, its last when it is a range, and how the certificate writes it.
struct Period {
    start: NaiveDate,
    end: Option<NaiveDate>,
    text: String,
}

fn period(rng: &mut Lcg, longest_days: u32, single: f32) -> Period {
    let start = forms::day(rng);
    let form = DateForm::random(rng);
    if rng.chance(single) {
        return Period { start, end: None, text: forms::date(start, form) };
    }
    let end = start + Duration::days(i64::from(rng.between(1, longest_days)));
    Period { start, end: Some(end), text: forms::range(start, end, form, rng) }
}

/// The date of issue, a few days after the study ends, as printed.
fn issued(rng: &mut Lcg, after: NaiveDate) -> String {
    let day = after + Duration::days(i64::from(rng.between(0, 10)));
    let date = forms::date(day, DateForm::random(rng));
    if rng.chance(0.3) { format!("发证日期：{date}") } else { date }
}

/// A 结业证书 of a 研修班 or 培训班, landscape.
pub fn completion(rng: &mut Lcg) -> Certificate {
    let (name, id) = (words::person(rng), words::id_number(rng));
    let provider = rng.pick(words::TRAINERS).to_owned();
    let title = format!("{}{}", rng.pick(words::CLASS_TOPICS), rng.pick(words::CLASSES));
    let period = period(rng, 6, 0.15);
    let hours = forms::hours(rng, 8, 48);
    let amounts = forms::amounts(rng, hours);
    let number = forms::certificate_number(rng, chrono::Datelike::year(&period.start));
    let mut body = Body::landscape(rng.pick(&["结业证书", "结业证书", "培训结业证书"]));
    let number_on_top = rng.chance(0.4);
    if number_on_top {
        body.right(&format!("证书编号：{number}"));
    }
    let mut with_id = rng.chance(0.3);
    let p = &period.text;
    match rng.below(3) {
        0 => {
            body.left(&format!("学员姓名：{name}"));
            if with_id {
                body.left(&format!("身份证号：{id}"));
            }
            body.paragraph(&[&format!("于{p}"), &format!("参加{provider}举办的"), &format!("“{title}”，")]);
        }
        1 => {
            with_id = false;
            body.left(&format!("{name}同志："));
            body.paragraph(&[&format!("你于{p}"), &format!("参加由{provider}主办的"), &format!("“{title}”，")]);
        }
        _ => {
            let id_said = if with_id { format!("（身份证号：{id}）") } else { String::new() };
            body.paragraph(&[
                &format!("兹证明{name}同志{id_said}"),
                &format!("于{p}"),
                &format!("在{provider}参加"),
                &format!("“{title}”学习，"),
            ]);
        }
    }
    body.continue_paragraph(&[&format!("{}，", amounts.text), "经考核合格，", "特发此证。"]);
    if !number_on_top {
        body.left(&format!("证书编号：{number}"));
    }
    body.right(&provider);
    body.right(&issued(rng, period.end.unwrap_or(period.start)));
    body.finish(Truth {
        name: Some(name),
        certificate_number: Some(number),
        title: Some(title),
        provider: Some(provider),
        date: Some(period.start),
        end_date: period.end,
        hours: amounts.hours,
        credits: amounts.credits,
        kind: Some(ActivityKind::Training),
        id_number: with_id.then(|| id.clone()),
        qr: None,
        owner_id: id,
    })
}

/// A platform's 学时证明 of an online course, portrait, with a QR code to verify it.
pub fn platform_proof(rng: &mut Lcg) -> Certificate {
    let (name, id) = (words::person(rng), words::id_number(rng));
    let provider = rng.pick(words::PLATFORMS).to_owned();
    let title = rng.pick(words::COURSES).to_owned();
    let period = period(rng, 120, 0.2);
    let hours = forms::hours(rng, 2, 30);
    let amounts = forms::amounts(rng, hours);
    let number = forms::certificate_number(rng, chrono::Datelike::year(&period.start));
    let mut body = Body::portrait(rng.pick(&["学时证明", "继续教育学时证明", "学习证明"]));
    let with_id = rng.chance(0.7);
    let p = &period.text;
    if rng.chance(0.5) {
        body.left(&format!("姓名：{name}"));
        if with_id {
            body.left(&format!("身份证号：{id}"));
        }
        body.left(&format!("课程名称：{title}"));
        let label = if period.end.is_some() { "学习时间" } else { "完成时间" };
        body.left(&format!("{label}：{p}"));
        body.left(&amounts.text);
        body.left(&format!("证明编号：{number}"));
    } else {
        body.left(&format!("学员：{name}"));
        if with_id {
            body.left(&format!("身份证号：{id}"));
        }
        body.paragraph(&[
            &format!("该学员于{p}"),
            &format!("在{provider}"),
            "完成",
            &format!("“{title}”"),
            "在线学习，",
            &format!("{}，", amounts.text),
            "成绩合格。",
        ]);
        body.left(&format!("编号：{number}"));
    }
    body.right(&provider);
    body.right(&issued(rng, period.end.unwrap_or(period.start)));
    let code: String = (0..12).map(|_| char::from(b"0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"[rng.below(34)])).collect();
    let qr = format!("https://jxjy.hunan.gov.cn/verify?code={code}");
    body.finish(Truth {
        name: Some(name),
        certificate_number: Some(number),
        title: Some(title),
        provider: Some(provider),
        date: Some(period.start),
        end_date: period.end,
        hours: amounts.hours,
        credits: amounts.credits,
        kind: Some(ActivityKind::OnlineCourse),
        id_number: with_id.then(|| id.clone()),
        qr: Some(qr),
        owner_id: id,
    })
}

/// A 培训合格证书, landscape: a sentence or a table of labelled lines.
pub fn qualification(rng: &mut Lcg) -> Certificate {
    let (name, id) = (words::person(rng), words::id_number(rng));
    let provider = rng.pick(words::CERTIFIERS).to_owned();
    let title = format!("{}{}", rng.pick(words::SKILLS), rng.pick(&["培训", "培训班", "继续教育培训"]));
    let period = period(rng, 10, 0.1);
    let hours = forms::hours(rng, 8, 72);
    let amounts = forms::amounts(rng, hours);
    let number = forms::certificate_number(rng, chrono::Datelike::year(&period.start));
    let mut body = Body::landscape("培训合格证书");
    body.right(&format!("{}{number}", rng.pick(&["编号：", "证书编号：", "No."])));
    let p = &period.text;
    if rng.chance(0.5) {
        body.left(&format!("{name}："));
        body.paragraph(&[
            &format!("你于{p}"),
            &format!("参加“{title}”，"),
            "完成全部课程学习，",
            "经考核合格，",
            &format!("{}。", amounts.text),
            "特发此证。",
        ]);
    } else {
        body.left(&format!("姓名：{name}"));
        body.left(&format!("培训项目：{title}"));
        body.left(&format!("培训时间：{p}"));
        body.left(&amounts.text);
        body.left("考核结果：合格");
    }
    let labelled = rng.chance(0.4);
    if labelled {
        body.left(&format!("主办单位：{provider}"));
    }
    body.right(&provider);
    body.right(&issued(rng, period.end.unwrap_or(period.start)));
    body.finish(Truth {
        name: Some(name),
        certificate_number: Some(number),
        title: Some(title),
        provider: Some(provider),
        date: Some(period.start),
        end_date: period.end,
        hours: amounts.hours,
        credits: amounts.credits,
        kind: Some(ActivityKind::Training),
        id_number: None,
        qr: None,
        owner_id: id,
    })
}
