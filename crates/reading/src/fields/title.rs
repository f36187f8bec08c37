//! The course, programme or conference: after 培训名称 / 课程名称 / 项目名称 …, in “” or 《》 (a
//! quote may close on the next line), or what one 参加 when it names a 班, 培训 or 会议; without
//! its quotes.

use super::text::{Line, ends_value, find, has_at, label_value, trim_value};
use super::{Suggested, best};

/// Labels of a title; the short ones only with a colon.
const LABELS: &[&str] = &[
    "培训班名称",
    "培训项目名称",
    "培训名称",
    "课程名称",
    "项目名称",
    "会议名称",
    "班级名称",
    "培训项目",
    "培训内容",
    "培训主题",
    "研修主题",
    "学习内容",
    "会议主题",
];
const SHORT_LABELS: &[&str] = &["课程:", "项目:", "专题:", "主题:", "名称:"];
/// Labels that may follow a title on its line: the title ends where one begins.
const NEXT: &[&str] = &[
    "学时:",
    "课时:",
    "学分:",
    "培训时间",
    "学习时间",
    "时间:",
    "日期:",
    "主办单位",
    "承办单位",
    "培训机构",
    "地点:",
    "成绩:",
    "考核",
    "编号",
    "类别:",
    "科目:",
    "形式:",
];
/// Words a labelled value begins with when the label is a table's header, not a title's.
const HEADER: &[&str] = &["学时", "课时", "学分", "时间", "日期", "完成", "序号", "成绩", "类别"];
/// Words a title names (what makes a quoted text or a sentence a course).
const COURSE: &[&str] = &[
    "班", "培训", "课程", "研修", "进修", "会议", "讲座", "论坛", "年会", "研讨", "项目", "专题", "工程", "教育",
    "学习", "交流", "大会",
];
/// How a line that is a course's name ends (not a certificate's: 结业证书, 学时证明).
const HEADINGS: &[&str] = &["培训", "学习", "课程"];
/// How a line that is the name of a class or a meeting ends.
const MEETINGS: &[&str] =
    &["培训班", "研修班", "进修班", "高研班", "研讨班", "讲座", "会议", "研讨会", "年会", "论坛", "大会"];
/// Words before a quoted title.
const BEFORE: &[&str] = &["参加", "完成", "学习", "修完", "出席", "参与", "结业"];
/// Opening and closing quotes.
const QUOTES: &[(char, char)] = &[('“', '”'), ('"', '"'), ('《', '》'), ('「', '」'), ('『', '』'), ('‘', '’')];
/// The characters of a title.
const LENGTH: std::ops::RangeInclusive<usize> = 2..=80;
/// How many characters before and after a quote are looked at for what it names.
const REACH: usize = 6;

/// The title the lines give, the surest reading first.
pub(super) fn title(lines: &[Line]) -> Option<Suggested<String>> {
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let chars = &line.compact;
        let labelled = label_value(chars, LABELS).or_else(|| label_value(chars, SHORT_LABELS));
        if let Some((_, value)) = labelled
            && let Some(title) = labelled_title(line, value)
        {
            found.push(Suggested::new(title, 0.85, line.index));
        }
        found.extend(quoted(lines, i));
        found.extend(opened_on_the_line_before(lines, i));
        if let Some(title) = heading(line) {
            found.push(Suggested::new(title, 0.45, line.index));
        }
        if let Some(at) = find(chars, "参加", 0)
            && !chars[at..].iter().any(|c| QUOTES.iter().any(|(open, _)| c == open))
            && let Some(title) = joined(line, at + 2)
        {
            found.push(Suggested::new(title, 0.5, line.index));
        }
    }
    best(found)
}

/// The quoted texts of line `i`, each closed on its line or the next, that name a course or
/// follow 参加 (or the like), and are not one of a list.
fn quoted(lines: &[Line], i: usize) -> Vec<Suggested<String>> {
    let line = &lines[i];
    let chars = &line.compact;
    let mut found = Vec::new();
    let mut at = 0;
    while at < chars.len() {
        let Some(&(_, close)) = QUOTES.iter().find(|(open, _)| *open == chars[at]) else {
            at += 1;
            continue;
        };
        let start = at + 1;
        let closing = |c: &char| closes(chars[at], close, *c);
        let (text, after, next) = match chars[start..].iter().position(closing) {
            Some(len) => (line.show(start, start + len), &chars[start + len + 1..], start + len + 1),
            None => {
                let Some(following) = lines.get(i + 1) else { break };
                let Some(len) = following.compact.iter().position(closing) else { break };
                (line.show(start, chars.len()) + &following.show(0, len), &following.compact[len + 1..], chars.len())
            }
        };
        // One of a list of quoted courses (《…》《…》等8门课程) is not the title.
        let listed = after.first().is_some_and(|c| QUOTES.iter().any(|(open, _)| c == open))
            || at.checked_sub(1).is_some_and(|i| QUOTES.iter().any(|(_, close)| chars[i] == *close));
        let before = &chars[at.saturating_sub(REACH)..at];
        let led = BEFORE.iter().any(|w| find(before, w, 0).is_some());
        let after = &after[..after.len().min(REACH)];
        let course = COURSE.iter().any(|w| text.contains(w) || find(after, w, 0).is_some());
        let text = trim_value(&text);
        if LENGTH.contains(&text.chars().count()) && (led || course) && !listed {
            let confidence = if led && course { 0.8 } else { 0.65 };
            found.push(Suggested::new(text, confidence, line.index));
        }
        at = next;
    }
    found
}

/// Whether `c` closes a quote opened by `open` (whose own closing quote is `close`): that one, or
/// for a double or single quote any other of them, as an OCR may read one for another (“…’).
fn closes(open: char, close: char, c: char) -> bool {
    c == close || (matches!(open, '“' | '‘' | '"') && matches!(c, '”' | '’' | '"'))
}

/// The title at the start of line `i`, closed there, whose opening quote an OCR lost at the end of
/// the line before (…举办的 / 教育科研方法专题培训班”，): when it names a course and the line before
/// opens no quote it leaves open; less sure than a title in both its quotes.
fn opened_on_the_line_before(lines: &[Line], i: usize) -> Option<Suggested<String>> {
    let (line, before) = (&lines[i], lines.get(i.checked_sub(1)?)?);
    let len = line.compact.iter().position(|c| QUOTES.iter().any(|(_, close)| c == close))?;
    let opens = |c: &char| QUOTES.iter().any(|(open, _)| c == open);
    if line.compact[..len].iter().any(opens) {
        return None;
    }
    let last_open = before.compact.iter().rposition(opens);
    let last_close = before.compact.iter().rposition(|c| QUOTES.iter().any(|(_, close)| c == close));
    if last_open.is_some_and(|o| last_close.is_none_or(|c| c < o)) {
        return None;
    }
    let text = trim_value(&line.show(0, len));
    let course = COURSE.iter().any(|w| text.contains(w));
    (course && LENGTH.contains(&text.chars().count())).then(|| Suggested::new(text, 0.6, line.index))
}

/// A line above the bottom of the page that is itself the name of a particular programme (2024年度
/// …公需科目培训, 第五届…研讨会): no label, no sentence, ending like a course, and with a year or an
/// edition unless it ends like a class or a meeting (湖南省事业单位工作人员培训 is a letterhead).
fn heading(line: &Line) -> Option<String> {
    let chars = &line.compact;
    let sentence = chars.iter().any(|c| ends_value(*c) || *c == ':' || QUOTES.iter().any(|(open, _)| c == open));
    let ends = |words: &[&str]| {
        words.iter().any(|w| chars.len() >= w.chars().count() && has_at(chars, chars.len() - w.chars().count(), w))
    };
    let particular = ends(MEETINGS)
        || (0..chars.len()).any(|i| {
            has_at(chars, i, "年度") || (chars[i] == '第' && chars.get(i + 2).is_some_and(|c| matches!(c, '届' | '期')))
        });
    let text = line.show(0, chars.len());
    (line.down < 0.6
        && !sentence
        && (ends(HEADINGS) || ends(MEETINGS))
        && particular
        && (6..=60).contains(&chars.len()))
    .then_some(text)
}

/// A labelled title from `line.compact[from..]`: up to a following label, a number of 学时 or
/// punctuation, without quotes; none for a table's header or a list of quoted courses.
fn labelled_title(line: &Line, from: usize) -> Option<String> {
    let value = line.compact.get(from..)?;
    if HEADER.iter().any(|w| has_at(value, 0, w)) {
        return None;
    }
    let mut end = value.iter().position(|c| ends_value(*c)).unwrap_or(value.len());
    if let Some(next) = (1..end).find(|&i| NEXT.iter().any(|w| has_at(value, i, w))) {
        end = next;
    }
    if let Some(unit) = (1..end).find(|&i| ["学时", "课时", "学分"].iter().any(|u| has_at(value, i, u))) {
        end = (0..unit).rev().take_while(|&i| value[i].is_ascii_digit() || value[i] == '.').last().unwrap_or(end);
    }
    let opened = value[..end].iter().filter(|c| QUOTES.iter().any(|(open, _)| *c == open)).count();
    if opened > 1 {
        return None;
    }
    let text: String =
        line.show(from, from + end).chars().filter(|c| !QUOTES.iter().any(|(o, e)| c == o || c == e)).collect();
    let text = trim_value(&text);
    LENGTH.contains(&text.chars().count()).then_some(text)
}

/// What one 参加 in a sentence without quotes (参加由…主办的X学习): from `line.compact[from..]`
/// up to punctuation or 并, without the organiser and a last 学习, when it names a course.
fn joined(line: &Line, from: usize) -> Option<String> {
    let chars = &line.compact;
    let mut start = from;
    if has_at(chars, start, "了") {
        start += 1;
    }
    // Up to punctuation, or a bracket that opens on a date or a place (（2025年4月24日—27日，长沙）).
    let mut end = (start..chars.len())
        .find(|&i| {
            ends_value(chars[i])
                || (matches!(chars[i], '（' | '(') && chars.get(i + 1).is_some_and(char::is_ascii_digit))
        })
        .unwrap_or(chars.len());
    if let Some(at) =
        ["主办的", "举办的", "组织的", "承办的"].iter().filter_map(|w| find(&chars[..end], w, start)).min()
    {
        start = at + 3;
    }
    for stop in ["并", "共计", "考核", "成绩", "获得", "完成", "培训结束", "期间"] {
        if let Some(at) = find(&chars[..end], stop, start + 1) {
            end = end.min(at);
        }
    }
    let text = line.show(start, end);
    let text = trim_value(text.strip_suffix("学习").unwrap_or(&text));
    let course = COURSE.iter().any(|w| text.contains(w));
    (course && LENGTH.contains(&text.chars().count())).then_some(text)
}
