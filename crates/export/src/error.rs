//! Why an export or a verification could not be done, each with a Chinese message for the user.

use std::path::PathBuf;

use xueshi_durable::FileInUse;

/// Everything that stops an export. After any of them, no file is left at the output path.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("已取消导出，没有生成材料包")]
    Cancelled,
    #[error("{what}“{}”失败：{source}", path.display())]
    Io { what: &'static str, path: PathBuf, source: std::io::Error },
    #[error("证明材料“{file}”（记录 {activity}）无法读取：{source}")]
    EvidenceUnreadable { activity: String, file: String, source: std::io::Error },
    #[error(
        "证明材料“{file}”（记录 {activity}）的内容与登记时不一致（SHA-256 应为 {expected}，实际为 {actual}），可能已损坏或被替换"
    )]
    EvidenceChanged { activity: String, file: String, expected: String, actual: String },
    #[error(
        "记录 {activity} 的证明材料“{file}”{reason}，没有生成材料包。请在这条记录中删除这份材料，换成证书的 PDF 或照片后再导出"
    )]
    EvidenceType { activity: String, file: String, reason: &'static str },
    #[error(
        "没有找到可用的中文字体。请安装 Noto CJK 字体（Debian/Ubuntu：fonts-noto-cjk），或把字体文件放在程序旁的 fonts 文件夹中"
    )]
    NoFont,
    #[error("字体文件“{}”无法使用：{reason}", path.display())]
    BadFont { path: PathBuf, reason: String },
    #[error("{}", crate::fonts::missing_glyphs_message(.0))]
    MissingGlyphs(Vec<crate::MissingGlyph>),
    #[error("排版学时汇总表失败：{0}")]
    Typeset(String),
    #[error("排版证明材料汇编失败：{0}")]
    EvidenceBook(String),
    #[error("文件夹“{0}”中已有文件，为免覆盖，没有导出上传材料。请选择一个空文件夹，或输入一个新的文件夹名")]
    KitFolderNotEmpty(String),
    #[error("生成 Excel 学时汇总表失败：{0}")]
    Spreadsheet(String),
    #[error("写入 ZIP 材料包失败：{0}")]
    Zip(String),
    #[error("材料包“{}”不是有效的 ZIP 文件：{reason}", path.display())]
    NotAPackage { path: PathBuf, reason: String },
    #[error("材料包中的 manifest.json 无效：{0}")]
    BadManifest(String),
    #[error(transparent)]
    FileInUse(#[from] FileInUse),
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
