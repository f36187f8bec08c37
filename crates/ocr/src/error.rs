//! Why a file could not be read, in one line of Chinese a user can act on (the helper prints it on
//! stderr and exits with code 2; the app shows it above the manual form).

use std::path::PathBuf;

/// What brings missing or damaged models back: on Windows they come with the optional add-on
/// installer (学时手册 照片识别组件), elsewhere with the program's own package.
const REINSTALL: &str = if cfg!(windows) {
    "请重新安装“学时手册 照片识别组件”（xueshi-ocr_<版本>_x64-setup.exe）"
} else {
    "请重新安装学时手册"
};

/// Every way reading a file can fail. `Display` is the message for the user.
#[derive(Debug, thiserror::Error)]
pub enum OcrError {
    #[error("用法：xueshi-ocr 文件 [--page 页码] [--models 模型文件夹]（{0}）")]
    Usage(String),
    #[error("文件无法读取：{path}（{reason}）")]
    Unreadable { path: PathBuf, reason: String },
    #[error("文件太大（{megabytes} MB），无法识别：请选择不超过 {limit} MB 的图片或 PDF。")]
    FileTooLarge { megabytes: u64, limit: u64 },
    #[error("不支持的文件格式：只能识别 PNG、JPEG、WebP 图片和 PDF 文件，请另存为其中一种后再试。")]
    UnsupportedFormat,
    #[error(
        "暂不支持 HEIC/HEIF 照片（苹果手机的默认格式）：请在手机“设置 → 相机 → 格式”中选“兼容性最佳”，或把照片转换为 JPEG 后再试。"
    )]
    Heic,
    #[error("图片已损坏或不完整，无法打开：请重新拍摄或重新获取这份文件。")]
    DamagedImage,
    #[error("图片太大（{width}×{height} 像素），无法识别：请选择不超过 {limit} 万像素的图片。")]
    ImageTooLarge { width: u32, height: u32, limit: u64 },
    #[error("这份 PDF 设有打开密码，无法识别：请用密码打开后另存（或打印）为不加密的 PDF 再试。")]
    PdfPassword,
    #[error("这份 PDF 已损坏或使用了无法读取的加密方式，无法识别：请重新获取这份文件。")]
    DamagedPdf,
    #[error("页码 {requested} 超出范围：这份文件共 {pages} 页。")]
    NoSuchPage { requested: usize, pages: usize },
    #[error("文字识别模型文件缺失：找不到 {0}。{reinstall}（开发者：运行 scripts/fetch-ocr-models.sh）。", reinstall = REINSTALL)]
    ModelMissing(PathBuf),
    #[error("文字识别模型文件已损坏，无法载入：{0}。{reinstall}。", reinstall = REINSTALL)]
    ModelDamaged(PathBuf),
    #[error("文字识别出错：{0}")]
    Recognition(String),
}

impl OcrError {
    /// The error for a file that could not be opened or read.
    pub fn unreadable(path: impl Into<PathBuf>, error: &std::io::Error) -> Self {
        let reason = match error.kind() {
            std::io::ErrorKind::NotFound => "文件不存在".to_string(),
            std::io::ErrorKind::PermissionDenied => "没有读取权限".to_string(),
            std::io::ErrorKind::IsADirectory => "这是一个文件夹".to_string(),
            _ => error.to_string(),
        };
        OcrError::Unreadable { path: path.into(), reason }
    }
}
