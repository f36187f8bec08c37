//! The one error that crosses the IPC boundary: `{code, message}`. The code is the application
//! layer's `ErrorCode` (a TypeScript union in the bindings); the message is in Chinese and says
//! what to do, in the app's words where the command line would say it differently.

use serde::Serialize;
use ts_rs::TS;
use xueshi_handbook::{ErrorCode, HandbookError};
use xueshi_store::StoreError;

/// What went wrong, for the user, as the web view receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[error("{message}")]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
}

impl AppError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> AppError {
        AppError { code, message: message.into() }
    }

    pub fn input(message: impl Into<String>) -> AppError {
        AppError::new(ErrorCode::Input, message)
    }

    /// A command whose work panicked (a defect in the program): it did not happen, the app goes on.
    pub fn crashed() -> AppError {
        AppError::new(
            ErrorCode::Internal,
            "程序内部出错，这次操作没有完成。请重试；如果反复出现，请重新启动学时手册，\
             并把出错前做了什么告诉学时手册的作者们。",
        )
    }
}

impl From<HandbookError> for AppError {
    fn from(e: HandbookError) -> AppError {
        let code = e.code();
        let message = match &e {
            HandbookError::NoRulesForYear(year) => {
                format!("{year} 年之前没有收录任何通知，请在“规则”中选择一个规则集")
            }
            HandbookError::NoPlan => "请先设置参评计划".to_owned(),
            HandbookError::Store(StoreError::BadRows(bad)) => {
                format!("{bad}。请改正后重新导入，或选择“跳过有问题的行”：\n{}", bad.problems())
            }
            _ => e.to_string(),
        };
        AppError { code, message }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> AppError {
        HandbookError::from(e).into()
    }
}

pub type AppResult<T> = Result<T, AppError>;

#[cfg(test)]
mod tests {
    use super::*;

    fn json(e: impl Into<AppError>) -> String {
        serde_json::to_string(&e.into()).expect("json")
    }

    #[test]
    fn a_file_another_program_holds_open_is_a_file_error_that_says_what_to_do() {
        let held = xueshi_durable::FileInUse { path: std::path::PathBuf::from("申报材料包.zip") };
        assert_eq!(
            json(StoreError::FileInUse(held)),
            "{\"code\":\"file\",\"message\":\"文件“申报材料包.zip”正被其他程序打开或占用（例如正在查看它的 PDF 阅读器、压缩软件，\
             或正在扫描它的杀毒软件），无法保存。请关闭打开它的程序后重试。\"}"
        );
    }

    #[test]
    fn each_code_reaches_the_web_view_as_its_exact_json() {
        let e = xueshi_core::LedgerError::new(Some("r1".into()), Some("venue"), "缺少此项")
            .of_kind(xueshi_core::fields::Problem::Missing);
        assert_eq!(json(HandbookError::from(e)), r#"{"code":"input","message":"请填写“刊物”"}"#);
        assert_eq!(
            json(HandbookError::NoRulesForYear(1999)),
            r#"{"code":"rules","message":"1999 年之前没有收录任何通知，请在“规则”中选择一个规则集"}"#
        );
        assert_eq!(
            json(HandbookError::Export(xueshi_export::ExportError::Cancelled)),
            r#"{"code":"cancelled","message":"已取消导出，没有生成申报材料包"}"#
        );
        assert_eq!(
            json(StoreError::DiskFull { place: "数据文件夹".into() }),
            format!(r#"{{"code":"storage","message":"{}"}}"#, StoreError::DiskFull { place: "数据文件夹".into() })
        );
        assert_eq!(json(HandbookError::NoPlan), r#"{"code":"input","message":"请先设置参评计划"}"#);
        assert!(json(AppError::crashed()).starts_with(r#"{"code":"internal","message":"程序内部出错"#));
    }

    #[test]
    fn a_city_that_is_not_one_of_the_fourteen_is_an_input_error() {
        let e = AppError::from(StoreError::NotACity("北京".into()));
        assert_eq!(e.code, ErrorCode::Input, "{}", e.message);
    }
}
