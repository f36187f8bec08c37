//! The columns of the import template, the header texts accepted for each, and finding the header
//! row by its content (title rows above it, often merged, are skipped).

use std::collections::BTreeMap;

use super::source::{Cell, Row};

/// A column of the template. Its Chinese name is what the template and error messages call it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Column {
    Serial,
    Id,
    Year,
    Category,
    Kind,
    Title,
    Dates,
    Start,
    End,
    Days,
    HalfDays,
    Evenings,
    Hours,
    Provider,
    Level,
    Role,
    Venue,
    PatentType,
    Grade,
    Units,
    Platform,
    Task,
    Note,
}

/// Each column's template name first, then the other header texts accepted for it, separated by
/// spaces. Headers are compared after `normalize_header`: no spaces, half-width, without `*` and
/// without any parenthesised remark, so `类别（公需/专业）` and `* 名称` match too.
const HEADERS: &[(Column, &str)] = &[
    (Column::Serial, "序号 行号 no no."),
    (Column::Id, "编号 记录编号 id"),
    (Column::Year, "年度 年份 所属年度 学时年度 登记年度"),
    (Column::Category, "类别 科目类别 科目 科目类型 学习类别 公需/专业 公需或专业"),
    (Column::Kind, "形式 学习形式 继续教育形式 活动形式 学习方式 方式 类型 学习类型 活动类型 继续教育类型 项目类型"),
    (
        Column::Title,
        "名称 培训名称 课程名称 项目名称 活动名称 学习内容 内容 题目 课题名称 论文题目 论文名称 著作名称 专利名称 奖项名称 成果名称 培训项目 培训内容 学习项目 会议名称 考试名称 比赛名称 竞赛名称 班次名称 培训班名称",
    ),
    (
        Column::Dates,
        "起止日期 起止时间 日期 时间 学习时间 培训时间 学习日期 培训日期 举办时间 参加时间 获得时间 取得时间 发表时间 授权时间 获奖时间 完成时间 结题时间 出版时间 时间段 学习起止时间 培训起止时间",
    ),
    (Column::Start, "开始日期 开始时间 起始日期 起始时间 起日期"),
    (Column::End, "结束日期 结束时间 终止日期 截止日期 止日期"),
    (Column::Days, "天数 培训天数 学习天数 服务天数"),
    (Column::HalfDays, "半天数 半天"),
    (Column::Evenings, "晚上数 晚上 晚数"),
    (Column::Hours, "学时 学时数 课时 课时数 学分 获得学时 服务学时 线上学时"),
    (
        Column::Provider,
        "施教机构 主办单位 培训机构 举办单位 承办单位 组织单位 主办方 培训单位 施教单位 发证机构 发证单位 颁发单位 颁奖单位 授予单位 出版社 出版单位 刊物名称 发表刊物 期刊名称 立项单位 项目来源",
    ),
    (Column::Level, "级别 项目级别 课题级别 奖项级别 获奖级别 大赛级别 比赛级别"),
    (
        Column::Role,
        "角色/排名 角色 排名 本人角色 本人排名 署名 署名排序 作者排名 本人排序 排序 承担角色 作者类型 本人作用 名次排序",
    ),
    (Column::Venue, "刊物类别 刊物类型 期刊类别 刊物 国内/国外"),
    (Column::PatentType, "专利类型 专利类别"),
    (Column::Grade, "等级 获奖等级 奖项等级 奖励等级 奖次 奖牌 获奖名次"),
    (Column::Units, "数量 科目数 模块数 课程数 门数 通过科目数 合格科目数 通过模块数"),
    (Column::Platform, "培训平台 平台 学习平台 培训平台类型"),
    (Column::Task, "任务类型 任务 特定任务 特定任务类型 援助类型"),
    (Column::Note, "备注 说明"),
];

impl Column {
    /// The name the template gives this column.
    pub(crate) fn template_name(self) -> &'static str {
        HEADERS.iter().find(|(c, _)| *c == self).and_then(|(_, names)| names.split(' ').next()).unwrap_or("")
    }

    fn from_header(text: &str) -> Option<Column> {
        let key = normalize_header(text);
        if key.is_empty() {
            return None;
        }
        HEADERS.iter().find(|(_, names)| names.split(' ').any(|n| n == key)).map(|(c, _)| *c)
    }
}

/// Half-width, lowercase ASCII, no whitespace, no `*` markers, no parenthesised remarks.
pub(crate) fn normalize_header(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in text.chars().map(half_width) {
        match c {
            '(' | '[' | '【' => depth += 1,
            ')' | ']' | '】' => depth = depth.saturating_sub(1),
            _ if depth > 0 || c.is_whitespace() || c == '*' || c == ':' => {}
            _ => out.push(c.to_ascii_lowercase()),
        }
    }
    out
}

/// Full-width ASCII forms (`（`, `／`, `１`…) and the ideographic space to their plain forms.
pub(crate) fn half_width(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// Where each column is in the sheet, and how the user wrote its header.
#[derive(Debug, Clone)]
pub(crate) struct Header {
    /// The header row's number as the user sees it.
    pub row: usize,
    columns: BTreeMap<Column, Vec<(usize, String)>>,
    /// Headers that name no template column: their cells are not imported.
    pub ignored: Vec<String>,
}

impl Header {
    pub(crate) fn has(&self, column: Column) -> bool {
        self.columns.contains_key(&column)
    }

    /// The cell indexes of the column (a column may appear twice, e.g. `角色` and `排名`).
    pub(crate) fn positions(&self, column: Column) -> &[(usize, String)] {
        self.columns.get(&column).map_or(&[], Vec::as_slice)
    }

    /// The header text to name the column in messages: the user's own when the sheet has it.
    pub(crate) fn name(&self, column: Column) -> String {
        self.positions(column).first().map_or_else(|| column.template_name().to_owned(), |(_, h)| h.clone())
    }

    pub(crate) fn columns(&self) -> impl Iterator<Item = Column> + '_ {
        self.columns.keys().copied()
    }
}

/// Rows searched for the header: title rows and notes above it rarely take more.
const HEADER_SEARCH_ROWS: usize = 30;
/// Template columns a row must name to be taken as the header.
const HEADER_MIN_COLUMNS: usize = 3;

/// The first row, among the first rows of the sheet, that names at least three template columns;
/// `None` when there is none (a sheet of notes, a chart).
pub(crate) fn find_header(rows: &[Row]) -> Option<(usize, Header)> {
    rows.iter().take(HEADER_SEARCH_ROWS).enumerate().find_map(|(index, row)| {
        let header = read_header(row);
        (header.columns.len() >= HEADER_MIN_COLUMNS).then_some((index, header))
    })
}

fn read_header(row: &Row) -> Header {
    let mut columns: BTreeMap<Column, Vec<(usize, String)>> = BTreeMap::new();
    let mut ignored = Vec::new();
    for (index, cell) in row.cells.iter().enumerate() {
        let Cell::Text(text) = cell else { continue };
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        match Column::from_header(text) {
            Some(column) => columns.entry(column).or_default().push((index, text.to_owned())),
            None => ignored.push(text.to_owned()),
        }
    }
    Header { row: row.number, columns, ignored }
}

/// The required columns the header lacks: 名称, 形式, and a date (or 年度, which 学时认定单 rows use).
pub(crate) fn missing_columns(header: &Header) -> Vec<&'static str> {
    let mut missing = Vec::new();
    for column in [Column::Title, Column::Kind] {
        if !header.has(column) {
            missing.push(column.template_name());
        }
    }
    if ![Column::Dates, Column::Start, Column::Year].iter().any(|c| header.has(*c)) {
        missing.push(Column::Dates.template_name());
    }
    missing
}
