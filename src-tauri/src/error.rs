//! The one error that crosses the IPC boundary: `{kind, message}`, the message in Chinese and
//! saying what to do.

use serde::Serialize;
use ts_rs::TS;
use xueshi_store::StoreError;

/// What went wrong, for the user, as the web view receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[error("{message}")]
pub struct AppError {
    /// `input` (the user can fix it in the form), `rules`, `storage`, `file`, `dialog`, `internal`.
    pub kind: String,
    pub message: String,
}

impl AppError {
    pub fn new(kind: &str, message: impl Into<String>) -> AppError {
        AppError { kind: kind.to_owned(), message: message.into() }
    }

    pub fn input(message: impl Into<String>) -> AppError {
        AppError::new("input", message)
    }

    /// A command whose work panicked (a defect in the program): it did not happen, the app goes on.
    pub fn crashed() -> AppError {
        AppError::new(
            "internal",
            "程序内部出错，这次操作没有完成。请重试；如果反复出现，请重新启动学时手册，\
             并把出错前做了什么告诉学时手册的作者们。",
        )
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> AppError {
        let kind = match &e {
            StoreError::Ledger(_)
            | StoreError::DuplicateActivity(_)
            | StoreError::Refused(_)
            | StoreError::NotACity(_) => "input",
            StoreError::Io { .. } | StoreError::FileInUse(_) => "file",
            _ => "storage",
        };
        AppError::new(kind, e.to_string())
    }
}

impl From<xueshi_core::LedgerError> for AppError {
    /// In the forms the record is the one being edited: name the field as the form labels it.
    fn from(e: xueshi_core::LedgerError) -> AppError {
        let message = e.message.split(" (").next().unwrap_or(&e.message).trim().to_owned();
        let Some(field) = e.field.as_deref() else { return AppError::input(message) };
        let label = field_label(field);
        let text = if message.starts_with("缺少此字段") || message.starts_with("不能为空") {
            format!("请填写“{label}”")
        } else if message.starts_with('请') {
            message
        } else {
            format!("“{label}”{message}")
        };
        AppError::input(text)
    }
}

/// The Chinese name of a ledger field, as the forms show it.
fn field_label(field: &str) -> &str {
    match field.trim_start_matches("profile.") {
        "title" => "名称",
        "date" => "日期",
        "end_date" => "结束日期",
        "category" => "类别",
        "days" => "天数",
        "half_days" => "半天数",
        "evenings" => "晚上数",
        "hours" => "学时",
        "level" => "级别",
        "role" => "角色/作者身份",
        "venue" => "刊物",
        "patent_type" => "专利类型",
        "rank" => "排名",
        "grade" => "等级",
        "units" => "通过数量",
        "medal" => "奖项",
        "from_year" => "认定起始年度",
        "to_year" => "认定截止年度",
        "name" => "姓名",
        "title_date" => "取得时间",
        "id_number" => "身份证号",
        other => other,
    }
}

impl From<xueshi_core::RuleError> for AppError {
    fn from(e: xueshi_core::RuleError) -> AppError {
        AppError::new("rules", format!("规则文件无效：{e}"))
    }
}

impl From<xueshi_core::engine::AssessError> for AppError {
    fn from(e: xueshi_core::engine::AssessError) -> AppError {
        AppError::new("rules", e.to_string())
    }
}

pub type AppResult<T> = Result<T, AppError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_another_program_holds_open_is_a_file_error_that_says_what_to_do() {
        let held = xueshi_durable::FileInUse { path: std::path::PathBuf::from("申报材料包.zip") };
        let json = serde_json::to_string(&AppError::from(StoreError::FileInUse(held))).expect("json");
        assert_eq!(
            json,
            "{\"kind\":\"file\",\"message\":\"文件“申报材料包.zip”正被其他程序打开或占用（例如正在查看它的 PDF 阅读器、压缩软件，\
             或正在扫描它的杀毒软件），无法保存。请关闭打开它的程序后重试。\"}"
        );
    }

    #[test]
    fn a_missing_field_reads_as_a_request_to_fill_it_in() {
        let e = xueshi_core::LedgerError::new(Some("r1".into()), Some("venue"), "缺少此字段 (missing field)");
        assert_eq!(AppError::from(e).message, "请填写“刊物”");
    }

    #[test]
    fn other_problems_name_the_field_in_chinese_without_the_english() {
        let e = xueshi_core::LedgerError::new(
            Some("r1".into()),
            Some("days"),
            "请填写天数、半天数或晚上数，至少一项大于 0",
        );
        assert_eq!(AppError::from(e).message, "请填写天数、半天数或晚上数，至少一项大于 0");
        let e = xueshi_core::LedgerError::new(
            None,
            Some("date"),
            "`2024-02-30` 不是有效日期，应为 YYYY-MM-DD (not a valid date)",
        );
        assert_eq!(AppError::from(e).message, "“日期”`2024-02-30` 不是有效日期，应为 YYYY-MM-DD");
    }

    #[test]
    fn a_city_that_is_not_one_of_the_fourteen_is_an_input_error() {
        let e = AppError::from(StoreError::NotACity("北京".into()));
        assert_eq!(e.kind, "input", "{}", e.message);
    }
}
