//! The issuing or organising body: after 主办单位 / 培训机构 / 颁发单位 / 发证单位 …, in 由…主办,
//! or a line that is an organisation's name (…大学, …学院, …中心, …协会, …人力资源和社会保障厅) —
//! the lowest of those, where the seal is, preferred.

use super::text::{Line, ends_value, find, has_at, label_value, trim_value};
use super::{Suggested, best};

/// Labels of the body, with how sure a value after each is.
const LABELS: &[(&str, f32)] = &[
    ("主办单位", 0.85),
    ("颁发单位", 0.85),
    ("发证单位", 0.85),
    ("发证机关", 0.85),
    ("发证机构", 0.85),
    ("颁证单位", 0.85),
    ("培训机构", 0.85),
    ("施教机构", 0.85),
    ("培训单位", 0.8),
    ("举办单位", 0.8),
    ("组织单位", 0.8),
    ("主办方", 0.8),
    ("认证机构", 0.8),
    ("认定单位", 0.8),
    ("出具单位", 0.8),
    ("盖章单位", 0.8),
    ("继续教育基地", 0.8),
    ("培训基地", 0.8),
    ("承办单位", 0.7),
];
/// How the name of an organisation ends.
const SUFFIXES: &[&str] = &[
    "大学",
    "学院",
    "学校",
    "党校",
    "中心",
    "协会",
    "学会",
    "委员会",
    "研究院",
    "研究所",
    "基地",
    "公司",
    "厅",
    "局",
    "平台",
    "医院",
    "办公室",
    "联合会",
    "培训网",
    "教育网",
    "学习网",
    "研修网",
    "人才网",
];
/// Words of a line that is not a body's name (a sentence, the holder's unit, the title).
const NOT: &[&str] =
    &["工作单位", "单位:", "参加", "证明", "兹", "于", "完成", "特发", "“", "《", "\"", "姓名", "编号"];
/// Marks of a seal to leave out.
const SEAL: &[&str] = &["(盖章)", "（盖章）", "(公章)", "（公章）", "(章)", "（章）", "盖章", "公章"];
/// The characters of a body's name.
const LENGTH: std::ops::RangeInclusive<usize> = 4..=40;

/// The body the lines name, the surest reading first.
pub(super) fn provider(lines: &[Line]) -> Option<Suggested<String>> {
    let mut found = Vec::new();
    for line in lines {
        let chars = &line.compact;
        for (label, confidence) in LABELS {
            if let Some((_, value)) = label_value(chars, &[label])
                && let Some(name) = organisation(&chars[value..], &line.display[value..], false)
            {
                found.push(Suggested::new(name, *confidence, line.index));
            }
        }
        if let Some(at) = find(chars, "由", 0)
            && let Some(end) = ["主办", "举办", "组织", "承办"].iter().filter_map(|w| find(chars, w, at + 1)).min()
            && let Some(name) = organisation(&chars[at + 1..end], &line.display[at + 1..end], true)
        {
            found.push(Suggested::new(name, 0.7, line.index));
        }
        let text: String = chars.iter().collect();
        if !NOT.iter().any(|w| text.contains(w)) && !text.contains(':') {
            // The first of the bodies a seal line names: “湖南省卫生健康委员会 湖南省医学会”.
            let names = split_bodies(&line.spaced);
            let name = names.into_iter().find_map(|n| {
                let n: Vec<char> = n.chars().collect();
                organisation(&n, &n, true)
            });
            if let Some(name) = name {
                found.push(Suggested::new(name, 0.6 + 0.2 * line.down, line.index));
            }
        }
    }
    best(found)
}

/// The organisation named at the start of `value` (`shown` as written): past a seal's mark, up to
/// punctuation, a date or another label; when `whole`, only if it ends like an organisation's name.
fn organisation(value: &[char], shown: &[char], whole: bool) -> Option<String> {
    let mut start = 0;
    while let Some(seal) =
        SEAL.iter().find(|s| has_at(value, start, s)).or((value.get(start) == Some(&':')).then_some(&":"))
    {
        start += seal.chars().count();
    }
    let value = value.get(start..)?;
    let mut end = value.iter().position(|c| ends_value(*c) || c.is_ascii_digit() || *c == ':').unwrap_or(value.len());
    for stop in ["二〇", "二零", "二O", "承办", "协办", "地点", "时间", "日期", "发证", "颁发"] {
        if let Some(at) = find(&value[..end], stop, 1) {
            end = at;
        }
    }
    let mut text: String = shown.get(start..start + end)?.iter().filter(|c| **c != ' ').collect();
    for seal in SEAL {
        text = text.replace(seal, "");
    }
    let text = trim_value(&text);
    let ends_like = SUFFIXES.iter().any(|s| text.ends_with(s));
    (LENGTH.contains(&text.chars().count()) && (ends_like || !whole)).then_some(text)
}

/// The names a line gives, split where a space follows a name's ending (an OCR's other spaces
/// are read through).
fn split_bodies(spaced: &[char]) -> Vec<String> {
    let mut names = Vec::new();
    let mut current = String::new();
    for part in spaced.split(|c| *c == ' ') {
        current.extend(part);
        let chars: Vec<char> = current.chars().collect();
        if SUFFIXES
            .iter()
            .any(|s| chars.len() >= s.chars().count() && has_at(&chars, chars.len() - s.chars().count(), s))
        {
            names.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        match names.last_mut() {
            Some(last) => last.push_str(&current),
            None => names.push(current),
        }
    }
    names
}
