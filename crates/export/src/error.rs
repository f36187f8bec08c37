//! Why an export or a verification could not be done, each with a plain Chinese message for the
//! user: files by name (and folder where the user has to find them), the system's reason in words,
//! never a hash, the typesetter's or the ZIP library's English.

use std::path::{Path, PathBuf};

use xueshi_durable::FileInUse;
use xueshi_durable::words::{name, place, reason};

/// Everything that stops an export. After any of them, no file is left at the output path.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("已取消导出，没有生成申报材料包")]
    Cancelled,
    #[error("{what}{}失败：{}", shown(path), reason(source))]
    Io { what: &'static str, path: PathBuf, source: std::io::Error },
    #[error("证明材料“{file}”（记录 {activity}）无法读取：{}。请在“设置”中检查数据和证明材料", reason(source))]
    EvidenceUnreadable { activity: String, file: String, source: std::io::Error },
    #[error(
        "证明材料“{file}”（记录 {activity}）的内容与登记时不一致，可能已损坏或被替换。请在“设置”中检查数据和证明材料，或在这条记录中重新添加原件"
    )]
    EvidenceChanged { activity: String, file: String, expected: String, actual: String },
    #[error(
        "记录 {activity} 的证明材料“{file}”{reason}，没有生成申报材料包。请在这条记录中删除这份材料，换成证书的 PDF 文件或照片后再导出"
    )]
    EvidenceType { activity: String, file: String, reason: &'static str },
    #[error(
        "没有找到可用的中文字体。请重新安装学时手册；或把中文字体文件放进程序所在文件夹中名为 fonts 的文件夹，然后重新导出"
    )]
    NoFont,
    #[error("字体文件{}无法使用：{reason}", place(path))]
    BadFont { path: PathBuf, reason: String },
    #[error("{}", crate::fonts::missing_glyphs_message(.0))]
    MissingGlyphs(Vec<crate::MissingGlyph>),
    /// The typesetter's own words stay out of the message (they are English and about the program).
    #[error("排版学时汇总表时出错，没有生成申报材料包。请重试；如果反复出现，请把出错前做了什么告诉学时手册的作者们")]
    Typeset(String),
    #[error("排版证明材料汇编时出错：{}", book_reason(.0))]
    EvidenceBook(String),
    #[error("文件夹“{0}”中已有文件，为免覆盖，没有导出上传材料。请选择一个空文件夹，或输入一个新的文件夹名")]
    KitFolderNotEmpty(String),
    #[error("生成学时汇总表（Excel 文件）时出错，没有生成申报材料包。请重试")]
    Spreadsheet(String),
    #[error("写入申报材料包时出错，没有生成申报材料包。请检查磁盘空间后重试")]
    Zip(String),
    #[error("{}不是有效的申报材料包：文件已损坏、不完整，或不是压缩包", place(path))]
    NotAPackage { path: PathBuf, reason: String },
    #[error("申报材料包中的清单无效：{0}")]
    BadManifest(String),
    #[error(transparent)]
    FileInUse(#[from] FileInUse),
}

/// The evidence book's reason when the program wrote it in Chinese; the typesetter's English is
/// left out.
fn book_reason(text: &str) -> String {
    let english = text.chars().filter(char::is_ascii_alphabetic).count() > 3;
    if english {
        "没有生成申报材料包。请重试；如果反复出现，请把出错前做了什么告诉学时手册的作者们".to_owned()
    } else {
        text.to_owned()
    }
}

/// A file an export names: a temporary one (a hidden name) by the folder it is in.
fn shown(path: &Path) -> String {
    let hidden = path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
    match path.parent() {
        Some(folder) if hidden => format!("文件夹{}中的临时文件", name(folder)),
        _ => place(path),
    }
}

impl ExportError {
    pub(crate) fn io(what: &'static str, path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> ExportError {
        let path = path.into();
        move |source| ExportError::Io { what, path, source }
    }
}

impl From<zip::result::ZipError> for ExportError {
    fn from(e: zip::result::ZipError) -> ExportError {
        ExportError::Zip(e.to_string())
    }
}
