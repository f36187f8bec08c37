//! Evidence that names someone else: a 身份证号 in a file's text that is not the profile's, or a
//! 姓名 given after an explicit label (姓名：X, 学员姓名 X …) that is not the profile's name. The
//! texts are read by the caller (core reads no files). A file that also gives the profile's own
//! number or name is not questioned: certificates name signatories and others too.

use super::records::file_name;
use super::{Context, Finding, name};
use crate::id_number;
use crate::kinds::FindingKind;

/// The text read from one evidence file of a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceText {
    /// The record's id.
    pub activity: String,
    /// The file as the record names it (its original name, possibly with folders).
    pub file: String,
    pub text: String,
}

/// The words that may stand right before 姓名 in a label: 学员姓名, 参训人员姓名 ….
const NAME_PREFIXES: &[&str] =
    &["学员", "学生", "参训人", "参训人员", "参训学员", "培训人员", "受训人", "申请人", "持证人", "考生", "本人"];
/// Labels that may follow a name on the same line: a value is cut where one begins.
const NEXT_LABELS: &[&str] = &["性别", "身份证", "证件", "工作单位", "单位", "职称", "职务", "学号", "编号", "民族"];
/// The most characters a name read after a label may have (longer runs are not a name).
const MAX_NAME: usize = 8;

/// Findings for the evidence texts whose 身份证号 or labelled 姓名 differ from the profile's.
pub(super) fn evidence_names_someone_else(ctx: &Context, texts: &[EvidenceText], findings: &mut Vec<Finding>) {
    let profile = &ctx.ledger.profile;
    let own_id = profile.id_number.as_deref().map(|id| id.trim().to_ascii_uppercase()).filter(|id| !id.is_empty());
    let own_name = profile.name.as_deref().map(normalise_name).filter(|n| !n.is_empty());
    for evidence in texts {
        let Some(&i) = ctx.position.get(evidence.activity.as_str()) else { continue };
        let what = format!("{}的“{}”", name(&ctx.ledger.activities[i]), file_name(&evidence.file));
        if let Some(own) = &own_id
            && let Some(other) = other_id_number(&evidence.text, own)
        {
            let from = own.chars().zip(other.chars()).position(|(a, b)| a != b).unwrap_or(0) + 1;
            let message = format!(
                "{what}上的身份证号是 {}，个人信息中是 {}（从第 {from} 位起不同）",
                id_number::mask(&other),
                id_number::mask(own)
            );
            findings.push(ctx.finding(FindingKind::EvidenceIdMismatch, vec![i], None, message, ACTION_ID));
        }
        if let Some(own) = &own_name
            && let Some(other) = other_name(&evidence.text, own)
        {
            let message = format!("{what}上写的姓名是“{other}”，个人信息中是“{own}”");
            findings.push(ctx.finding(FindingKind::EvidenceNameMismatch, vec![i], None, message, ACTION_NAME));
        }
    }
}

const ACTION_ID: &str =
    "请打开这份材料核对：若是别人的证明，请换成您本人的；若个人信息中的身份证号填错了，请在“个人信息”中改正";
const ACTION_NAME: &str =
    "请打开这份材料核对：若是别人的证明，请换成您本人的；若个人信息中的姓名填错了，请在“个人信息”中改正";

/// The first valid 身份证号 in `text` when none of them is `own`.
fn other_id_number(text: &str, own: &str) -> Option<String> {
    let found = id_number::find_in(text);
    if found.iter().any(|id| id == own) { None } else { found.into_iter().next() }
}

/// The first name given after a 姓名 label in `text` when no label gives `own`.
fn other_name(text: &str, own: &str) -> Option<String> {
    let mut other = None;
    for line in text.lines() {
        let chars: Vec<char> = line.chars().collect();
        let mut at = 0;
        while let Some(value) = next_label(&chars, &mut at) {
            let rest: String = chars[value..].iter().collect();
            if normalise_name(&rest).starts_with(own) {
                return None;
            }
            if other.is_none() {
                other = name_at(&chars[value..]);
            }
        }
    }
    other
}

/// The start of the value after the next 姓名 label from `*at` on (moving `*at` past the label):
/// 姓名 (its two characters possibly spaced apart) standing alone or after one of
/// [`NAME_PREFIXES`], followed by a colon or by a space.
fn next_label(chars: &[char], at: &mut usize) -> Option<usize> {
    while *at < chars.len() {
        let start = *at;
        *at += 1;
        if chars[start] != '姓' {
            continue;
        }
        let ming = (start + 1..chars.len()).find(|&j| !chars[j].is_whitespace())?;
        if chars[ming] != '名' {
            continue;
        }
        let before: String = chars[..start].iter().rev().take_while(|c| is_name_char(**c)).collect();
        let before: String = before.chars().rev().collect();
        if !before.is_empty() && !NAME_PREFIXES.contains(&before.as_str()) {
            continue;
        }
        let mut value = ming + 1;
        let spaced = chars.get(value).is_some_and(|c| c.is_whitespace());
        while chars.get(value).is_some_and(|c| c.is_whitespace()) {
            value += 1;
        }
        let colon = chars.get(value).is_some_and(|c| matches!(c, ':' | '：'));
        if colon {
            value += 1;
            while chars.get(value).is_some_and(|c| c.is_whitespace()) {
                value += 1;
            }
        }
        if colon || spaced {
            *at = value;
            return Some(value);
        }
    }
    None
}

/// A name at the start of `chars`: Chinese characters (and the middle dot of minority names) up
/// to a space or a following label; none when that is not 2 to [`MAX_NAME`] characters.
fn name_at(chars: &[char]) -> Option<String> {
    let mut value: String = chars.iter().take_while(|c| is_name_char(**c) || is_dot(**c)).collect();
    if let Some(cut) = NEXT_LABELS.iter().filter_map(|l| value.find(l)).min() {
        value.truncate(cut);
    }
    let value = normalise_name(&value);
    let count = value.chars().count();
    ((2..=MAX_NAME).contains(&count) && !NEXT_LABELS.iter().any(|l| value.starts_with(l))).then_some(value)
}

/// A name as compared: without spaces, its middle dots written `·`.
fn normalise_name(name: &str) -> String {
    name.chars().filter(|c| !c.is_whitespace()).map(|c| if is_dot(c) { '·' } else { c }).collect()
}

fn is_dot(c: char) -> bool {
    matches!(c, '·' | '•' | '・' | '．' | '▪')
}

/// A Chinese character (the CJK unified ideographs and their extensions).
fn is_name_char(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3134F}')
}
