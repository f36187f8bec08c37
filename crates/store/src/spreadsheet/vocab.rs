//! The words accepted in cells for each closed vocabulary (形式, 类别, 级别, 角色, 等级…), with
//! their common synonyms, and small number words (第一, 二等奖, 2/5).

use xueshi_core::kinds::{
    ActivityKind, AidTask, BookRole, Category, ContestLevel, Medal, PaperRole, PatentType, Platform, ProjectLevel,
    ProjectRole, Venue,
};

use super::header::half_width;

/// Half-width, lowercase ASCII, no whitespace; brackets made half-width.
pub(crate) fn normalize_value(text: &str) -> String {
    text.chars().map(half_width).filter(|c| !c.is_whitespace()).map(|c| c.to_ascii_lowercase()).collect()
}

/// The text with any parenthesised remark removed: `主持人（负责人）` → `主持人`.
fn without_remarks(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Looks a value up in a synonym table: exactly, then without remarks in brackets.
/// A synonym table: each value with its accepted words, separated by spaces.
type Words<T> = [(T, &'static str)];

fn lookup<T: Copy>(table: &Words<T>, text: &str) -> Option<T> {
    let key = normalize_value(text);
    let find = |k: &str| table.iter().find(|(_, words)| words.split(' ').any(|w| w == k)).map(|(v, _)| *v);
    find(&key).or_else(|| find(&without_remarks(&key)))
}

/// The template's word for each kind, then its synonyms; the core's own label and ASCII code are
/// accepted as well.
pub(crate) const KINDS: &Words<ActivityKind> = &[
    (
        ActivityKind::Training,
        "培训 培训班 研修班 进修班 研修 进修 面授培训 集中培训 面授 线下培训 培训/研修/进修 培训班/研修班/进修班",
    ),
    (
        ActivityKind::OnlineCourse,
        "网络课程 网络培训 网络学习 在线学习 在线培训 线上培训 线上学习 远程培训 远程教育 网络教育 网课",
    ),
    (
        ActivityKind::Conference,
        "学术会议 会议 学术讲座 讲座 学术访问 访问 学术交流 交流 研讨会 学术研讨会 论坛 学术论坛 学术会议/讲座/访问/交流",
    ),
    (ActivityKind::Practice, "实践活动 继续教育实践活动 实践 实践锻炼"),
    (ActivityKind::StaffTraining, "事业单位培训 事业单位工作人员培训 事业单位人员培训"),
    (ActivityKind::ResearchProject, "课题 课题研究 项目开发 课题研究与项目开发 科研项目 科研课题 研究课题"),
    (ActivityKind::Book, "著作 专著 译作 译著 教材 编著 著作/译作/教材 出版著作"),
    (ActivityKind::Paper, "论文 学术论文 发表论文 期刊论文"),
    (ActivityKind::Patent, "专利 授权专利"),
    (ActivityKind::Award, "获奖 奖项 科技奖 科技奖项 社科奖 社科奖项 科技(社科)奖项 科技(社科)奖 成果奖 科研获奖"),
    (
        ActivityKind::DigitalExam,
        "计算机或数字技术考试 计算机考试 数字技术考试 计算机应用能力考试 数字技术应用能力考试 计算机/数字技术应用能力考试 计算机/数字技术考试",
    ),
    (ActivityKind::QualificationExam, "职业资格考试 资格考试 执业资格考试 职业资格"),
    (
        ActivityKind::DegreeCourse,
        "学历课程 学历教育 学位教育 学历教育课程 学历(学位)教育课程 学历(学位)教育 学历学位教育",
    ),
    (
        ActivityKind::AidPosting,
        "三援 援藏 援疆 援外 援非 对口支援 东西部扶贫协作 三援/东西部扶贫协作等特定任务 特定任务",
    ),
    (ActivityKind::ExpertService, "专家服务 专家服务基层"),
    (ActivityKind::OverseasExchange, "海外交流 海外交换 海外交换(交流) 出国交流 境外交流 出国进修 出国研修"),
    (ActivityKind::SkillContest, "技能大赛 技能竞赛 职业技能大赛 职业技能竞赛"),
    (ActivityKind::PriorCertificate, "学时认定单 以前年度学时认定单 认定单 继续教育学时认定单"),
];

/// 形式 names that also tell the patent type.
const PATENT_KINDS: &Words<PatentType> = &[
    (PatentType::Invention, "发明专利"),
    (PatentType::UtilityModel, "实用新型专利"),
    (PatentType::Design, "外观设计专利"),
];

/// The kind in a 形式 cell, and the patent type when the cell names one (`发明专利`).
pub(crate) fn kind(text: &str) -> Option<(ActivityKind, Option<PatentType>)> {
    if let Some(t) = lookup(PATENT_KINDS, text) {
        return Some((ActivityKind::Patent, Some(t)));
    }
    let key = normalize_value(text);
    lookup(KINDS, text)
        .or_else(|| ActivityKind::from_code(&key))
        .or_else(|| {
            let stripped = without_remarks(&key);
            ActivityKind::ALL.iter().copied().find(|k| {
                let label = normalize_value(k.label());
                label == key || without_remarks(&label) == stripped
            })
        })
        .map(|k| (k, None))
}

/// The template word for a kind: the first of its synonyms.
pub(crate) fn kind_name(kind: ActivityKind) -> &'static str {
    KINDS
        .iter()
        .find(|(k, _)| *k == kind)
        .and_then(|(_, words)| words.split(' ').next())
        .unwrap_or_else(|| kind.label())
}

/// All template words for 形式, for messages.
pub(crate) fn kind_choices() -> String {
    KINDS.iter().filter_map(|(_, words)| words.split(' ').next()).collect::<Vec<_>>().join("、")
}

macro_rules! words {
    ($fn:ident, $ty:ty, $choices:literal, [$(($v:expr, $w:literal)),+ $(,)?]) => {
        /// Parses the cell, accepting the words below and the ASCII code; `Err` lists the choices.
        pub(crate) fn $fn(text: &str) -> Result<$ty, String> {
            const TABLE: &Words<$ty> = &[$(($v, $w)),+];
            lookup(TABLE, text)
                .or_else(|| <$ty>::from_code(&normalize_value(text)))
                .ok_or_else(|| format!("无法识别“{}”，可填：{}", text.trim(), $choices))
        }
    };
}

words!(
    category,
    Category,
    "公需、专业",
    [
        (Category::Public, "公需 公需科目 公共科目 公需课 公共课"),
        (Category::Professional, "专业 专业科目 专业课 专业课程"),
    ]
);

words!(
    project_level,
    ProjectLevel,
    "省部级、市厅级",
    [
        (ProjectLevel::Provincial, "省部级 省部级及以上 省部级以上 省级 省级及以上 省级以上 国家级 部级 国家级/省部级"),
        (ProjectLevel::Municipal, "市厅级 地厅级 市级 厅级 地市级 市州级 厅局级"),
    ]
);

words!(
    contest_level,
    ContestLevel,
    "国家级、省级",
    [
        (ContestLevel::National, "国家级 国际级 国际 国家 全国 国际/国家级 世界级"),
        (ContestLevel::Provincial, "省级 省部级 省 全省"),
    ]
);

words!(
    project_role,
    ProjectRole,
    "主持人、主要完成人、参与人",
    [
        (ProjectRole::Host, "主持人 主持 负责人 项目负责人 课题负责人"),
        (ProjectRole::Main, "主要完成人 主要参与人 主要成员 主要研究人员 核心成员"),
        (ProjectRole::Participant, "参与人 其他参与人 参与者 参与 成员 一般参与人 课题组成员 项目组成员 其他"),
    ]
);

words!(
    venue,
    Venue,
    "国内、国外",
    [
        (Venue::Domestic, "国内 国内刊物 国内期刊 国内公开刊物 境内 中文期刊"),
        (Venue::International, "国外 国外刊物 国外期刊 国际 国际刊物 国际期刊 境外 外文期刊"),
    ]
);

words!(
    patent_type,
    PatentType,
    "发明、实用新型、外观设计",
    [
        (PatentType::Invention, "发明 发明专利"),
        (PatentType::UtilityModel, "实用新型 实用新型专利"),
        (PatentType::Design, "外观设计 外观 外观设计专利"),
    ]
);

words!(
    medal,
    Medal,
    "金奖、银奖、铜奖",
    [(Medal::Gold, "金奖 金牌 金"), (Medal::Silver, "银奖 银牌 银"), (Medal::Bronze, "铜奖 铜牌 铜"),]
);

words!(
    platform,
    Platform,
    "统一平台、其他平台",
    [
        (Platform::Unified, "统一平台 统一 国家级继续教育基地平台 国家级继续教育基地的平台 国家平台"),
        (Platform::Other, "其他平台 其他 非统一平台"),
    ]
);

words!(
    aid_task,
    AidTask,
    "三援、东西部扶贫协作、其他",
    [
        (AidTask::Sanyuan, "三援 援藏 援疆 援外 援非 援藏援疆援外 援藏、援疆、援外"),
        (AidTask::EastWest, "东西部扶贫协作 东西部协作 扶贫协作 东西部"),
        (AidTask::Other, "其他 其他特定任务 其他省级以上特定任务 省级以上特定任务 省级特定任务"),
    ]
);

/// The task a 形式 cell names by itself (`援疆` is one of the 三援, `东西部扶贫协作` is that task);
/// `三援` as the template's word for every posting, and `对口支援`, decide nothing.
pub(crate) fn task_of_kind(text: &str) -> Option<AidTask> {
    match without_remarks(&normalize_value(text)).as_str() {
        "援藏" | "援疆" | "援外" | "援非" => Some(AidTask::Sanyuan),
        "东西部扶贫协作" => Some(AidTask::EastWest),
        _ => None,
    }
}

/// An author's place: `第一作者`, `独立作者`, `通讯作者`, `第3作者`, or a plain number.
fn author_place(text: &str) -> Option<AuthorPlace> {
    let key = without_remarks(&normalize_value(text));
    match key.as_str() {
        "独立" | "独立作者" | "独著" | "独撰" | "主编" | "第一主编" | "first" => {
            return Some(AuthorPlace::First);
        }
        "通讯" | "通讯作者" | "通信作者" | "corresponding" => return Some(AuthorPlace::Corresponding),
        "其他" | "其他作者" | "参编" | "副主编" | "编委" | "合著" | "other" => {
            return Some(AuthorPlace::Other);
        }
        _ => {}
    }
    let n = ordinal(key.trim_end_matches("作者").trim_end_matches("编者"))?;
    Some(if n == 1 { AuthorPlace::First } else { AuthorPlace::Other })
}

enum AuthorPlace {
    First,
    Corresponding,
    Other,
}

pub(crate) fn book_role(text: &str) -> Result<BookRole, String> {
    match author_place(text) {
        Some(AuthorPlace::First) => Ok(BookRole::First),
        Some(AuthorPlace::Other) => Ok(BookRole::Other),
        _ => Err(format!("无法识别“{}”，可填：第一作者、独立作者、其他作者", text.trim())),
    }
}

pub(crate) fn paper_role(text: &str) -> Result<PaperRole, String> {
    match author_place(text) {
        Some(AuthorPlace::First) => Ok(PaperRole::First),
        Some(AuthorPlace::Corresponding) => Ok(PaperRole::Corresponding),
        Some(AuthorPlace::Other) => Ok(PaperRole::Other),
        None => Err(format!("无法识别“{}”，可填：第一作者、独立作者、通讯作者、其他作者", text.trim())),
    }
}

/// A place in a list of names: `1`, `第1`, `第一`, `第二发明人`, `排名第3`, `2/5`.
pub(crate) fn ordinal(text: &str) -> Option<u32> {
    let key = normalize_value(text);
    let key = key.split('/').next().unwrap_or("");
    let key = key.trim_start_matches("排名").trim_start_matches("排序");
    let key = key.strip_prefix('第').unwrap_or(key);
    let digits: String =
        key.chars().take_while(|c| !matches!(c, '名' | '位' | '发' | '完' | '获' | '作' | '主')).collect();
    let rest = &key[digits.len()..];
    let known_rest = ["", "名", "位", "发明人", "完成人", "获奖人", "作者", "主持人"];
    if !known_rest.contains(&rest) {
        return None;
    }
    digits.parse::<u32>().ok().or_else(|| chinese_number(&digits))
}

/// 一 … 九十九 as a number.
pub(crate) fn chinese_number(text: &str) -> Option<u32> {
    let digit = |c: char| "零一二三四五六七八九".chars().position(|d| d == c).map(|p| p as u32);
    let chars: Vec<char> = text.chars().map(|c| if c == '两' { '二' } else { c }).collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        [d] => digit(*d).filter(|n| *n > 0),
        ['十', d] => digit(*d).map(|n| 10 + n),
        [t, '十'] => digit(*t).filter(|n| *n > 0).map(|n| n * 10),
        [t, '十', d] => Some(digit(*t)? * 10 + digit(*d)?),
        _ => None,
    }
}

/// An award grade: `一等奖`, `二等`, `3`.
pub(crate) fn grade(text: &str) -> Result<u32, String> {
    let key = normalize_value(text);
    let key = key.trim_end_matches('奖').trim_end_matches('等');
    key.parse::<u32>()
        .ok()
        .or_else(|| chinese_number(key))
        .filter(|n| (1..=3).contains(n))
        .ok_or_else(|| format!("无法识别“{}”，可填：一等奖、二等奖、三等奖", text.trim()))
}
