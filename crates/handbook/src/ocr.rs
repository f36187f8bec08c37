//! 文字识别: photos, scans and PDFs without a text layer are read by the OCR helper `xueshi-ocr`, a
//! program of its own installed beside the app and the command line (its engine and models stay
//! out of their binaries). It is run once per page with a time limit and killed when it passes
//! it; what it prints is checked before use (bounded text, boxes on the page), and anything it
//! says on failure reaches the user as its one Chinese line.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde::Deserialize;
use xueshi_reading::TextLine;

/// The helper's file name.
pub const PROGRAM: &str = if cfg!(windows) { "xueshi-ocr.exe" } else { "xueshi-ocr" };
/// Pages of a PDF without a text layer read at most (a certificate has one or two).
pub const MAX_PAGES: usize = 3;
/// The time one page may take, the models' loading included: a photo takes a few seconds on a
/// 2-core laptop; the limit leaves room for slower ones and only stops a helper that hangs.
pub const PAGE_TIME_LIMIT: Duration = Duration::from_secs(60);
/// What the helper may print: a page of a certificate is a few kilobytes of JSON.
const MAX_OUTPUT: u64 = 4 * 1024 * 1024;
/// Lines and characters per line kept from one page.
const MAX_LINES: usize = 400;
const MAX_LINE_CHARS: usize = 400;

/// Where the helper is and how long a page may take.
#[derive(Debug, Clone, PartialEq)]
pub struct OcrHelper {
    pub program: PathBuf,
    /// The models' folder; `None`: the helper's own default (`models/ocr` beside it).
    pub models: Option<PathBuf>,
    pub page_time_limit: Duration,
}

/// The text the helper read, line by line, with how sure it was of each line, and the QR codes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OcrText {
    pub lines: Vec<TextLine>,
    /// For each line, the recognizer's confidence (0..=1).
    pub confidences: Vec<f32>,
    pub qr: Vec<(usize, QrRead)>,
}

/// A QR code the helper found: its text and where on the page.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct QrRead {
    pub text: String,
    pub bbox: [f32; 4],
}

/// The optional Windows add-on that installs the helper, as the messages name it (a macro, so that
/// the messages can be `concat!`ed constants).
macro_rules! windows_addon {
    () => {
        "“学时手册 照片识别组件”（xueshi-ocr_<版本>_x64-setup.exe）"
    };
}
pub(crate) use windows_addon;

/// What brings the helper back: on Windows it comes with the optional add-on installer (学时手册
/// 照片识别组件), elsewhere with the program's own package.
pub const REINSTALL_HELPER: &str =
    if cfg!(windows) { concat!("请重新安装", windows_addon!()) } else { "请重新安装学时手册" };

/// Why a file could not be read by the helper, in words for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OcrFailure {
    #[error("文字识别程序无法启动（{0}）。{reinstall}。", reinstall = REINSTALL_HELPER)]
    NotStarted(String),
    #[error("文字识别超过 {0} 秒仍未完成，已停止。")]
    TimedOut(u64),
    /// The helper's own message (exit code 2): an unreadable or unsupported file, in sentences.
    #[error("{0}")]
    Refused(String),
    #[error("文字识别程序意外退出，没有读出文字。")]
    Crashed,
}

#[derive(Deserialize)]
struct Output {
    pages: Vec<Page>,
    #[serde(default)]
    page_count: Option<usize>,
}

#[derive(Deserialize)]
struct Page {
    lines: Vec<Line>,
    #[serde(default)]
    qr: Vec<QrRead>,
}

#[derive(Deserialize)]
struct Line {
    text: String,
    bbox: [f32; 4],
    confidence: f32,
}

impl OcrHelper {
    /// The helper installed with the running program: beside it (Windows, the AppImage's and a
    /// development build's folder) or in `../lib/xueshi/` (the Linux packages).
    pub fn installed() -> Option<OcrHelper> {
        let exe = std::env::current_exe().ok()?;
        let dir = exe.parent()?;
        [dir.to_path_buf(), dir.join("..").join("lib").join("xueshi")].iter().find_map(|d| OcrHelper::in_folder(d))
    }

    /// The helper in `dir`, if it is there.
    pub fn in_folder(dir: &Path) -> Option<OcrHelper> {
        let program = dir.join(PROGRAM);
        program.is_file().then_some(OcrHelper { program, models: None, page_time_limit: PAGE_TIME_LIMIT })
    }

    /// Reads `file` (a photo: one page; a PDF: its first [`MAX_PAGES`] pages, each one run).
    pub fn read(&self, file: &Path) -> Result<OcrText, OcrFailure> {
        let file = std::path::absolute(file).map_err(|e| OcrFailure::NotStarted(e.to_string()))?;
        let mut text = OcrText::default();
        let mut page = 1;
        loop {
            let output = self.run(&file, page)?;
            let count = output.page_count.unwrap_or(1).min(MAX_PAGES);
            for read in output.pages {
                add_page(&mut text, page - 1, read);
            }
            if page >= count {
                return Ok(text);
            }
            page += 1;
        }
    }

    /// One run of the helper on page `page` (from 1) of `file`.
    fn run(&self, file: &Path, page: usize) -> Result<Output, OcrFailure> {
        let mut command = Command::new(&self.program);
        command.arg(file).arg("--page").arg(page.to_string());
        if let Some(models) = &self.models {
            command.arg("--models").arg(models);
        }
        command.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
        no_console_window(&mut command);
        let mut child = command.spawn().map_err(|e| OcrFailure::NotStarted(xueshi_store::words::reason(&e)))?;
        let stdout = drain(child.stdout.take());
        let stderr = drain(child.stderr.take());
        let status = wait_within(&mut child, self.page_time_limit)?;
        let (stdout, stderr) = (joined(stdout), joined(stderr));
        match status.code() {
            Some(0) => serde_json::from_slice(&stdout).map_err(|_| OcrFailure::Crashed),
            Some(2) => {
                let said = String::from_utf8_lossy(&stderr).lines().next().unwrap_or("").trim().to_owned();
                let said: String = said.chars().take(300).collect();
                if said.is_empty() {
                    return Err(OcrFailure::Crashed);
                }
                let end = if said.ends_with(['。', '！', '？']) { "" } else { "。" };
                Err(OcrFailure::Refused(format!("{said}{end}")))
            }
            _ => Err(OcrFailure::Crashed),
        }
    }
}

/// The lines of one page read, checked and bounded, added to `text`.
fn add_page(text: &mut OcrText, page: usize, read: Page) {
    for line in read.lines.into_iter().take(MAX_LINES) {
        let words: String = line.text.chars().filter(|c| !c.is_control()).take(MAX_LINE_CHARS).collect();
        if words.trim().is_empty() {
            continue;
        }
        text.lines.push(TextLine { text: words, page, bbox: on_page(line.bbox) });
        text.confidences.push(if line.confidence.is_finite() { line.confidence.clamp(0.0, 1.0) } else { 0.0 });
    }
    for qr in read.qr.into_iter().take(8) {
        if let Some(bbox) = on_page(qr.bbox) {
            let words = qr.text.chars().filter(|c| !c.is_control()).take(2000).collect();
            text.qr.push((page, QrRead { text: words, bbox }));
        }
    }
}

/// A box given as fractions of the page, when it is one.
fn on_page(bbox: [f32; 4]) -> Option<[f32; 4]> {
    let [l, t, r, b] = bbox;
    (bbox.iter().all(|v| v.is_finite() && (0.0..=1.0).contains(v)) && l <= r && t <= b).then_some(bbox)
}

/// Reads all of `pipe` (up to [`MAX_OUTPUT`]) on a thread of its own, so that a full pipe never
/// stops the helper.
fn drain(pipe: Option<impl Read + Send + 'static>) -> Option<JoinHandle<Vec<u8>>> {
    let pipe = pipe?;
    Some(std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let mut limited = pipe.take(MAX_OUTPUT);
        // A read error leaves what was read: the exit status says whether it is usable.
        let _ = limited.read_to_end(&mut bytes);
        // The rest is read and dropped, so that the helper is not blocked writing it.
        let _ = std::io::copy(&mut limited.into_inner(), &mut std::io::sink());
        bytes
    }))
}

fn joined(handle: Option<JoinHandle<Vec<u8>>>) -> Vec<u8> {
    handle.and_then(|h| h.join().ok()).unwrap_or_default()
}

/// Waits for `child` at most `limit`; past it, kills it.
fn wait_within(child: &mut Child, limit: Duration) -> Result<std::process::ExitStatus, OcrFailure> {
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Ok(status),
            Ok(None) if started.elapsed() < limit => std::thread::sleep(Duration::from_millis(20)),
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(OcrFailure::TimedOut(limit.as_secs()));
            }
            Err(_) => {
                let _ = child.kill();
                return Err(OcrFailure::Crashed);
            }
        }
    }
}

/// A console program started by the desktop app would open a console window on Windows.
#[cfg(windows)]
fn no_console_window(command: &mut Command) {
    use std::os::windows::process::CommandExt;
    const CREATE_NO_WINDOW: u32 = 0x0800_0000;
    command.creation_flags(CREATE_NO_WINDOW);
}

#[cfg(not(windows))]
fn no_console_window(_: &mut Command) {}

#[cfg(all(test, unix))]
mod qr_tests;
#[cfg(all(test, unix))]
mod tests;
