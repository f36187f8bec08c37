//! How a file and a failed file operation are named in a message the user reads: the file by its
//! name (and its folder where the user has to find it), the system's reason in plain Chinese —
//! never a full path alone, never the system's English ("No such file or directory (os error 2)").

use std::io;
use std::path::Path;

/// `“结业证书.pdf”`: the file's own name in quotes (the whole path only when it has no name).
pub fn name(path: &Path) -> String {
    match path.file_name() {
        Some(n) => format!("“{}”", n.to_string_lossy()),
        None => format!("“{}”", path.display()),
    }
}

/// `“结业证书.pdf”（位于 D:\资料）`: the name and the folder that holds it, for a file the user has
/// to find (a file they chose, a file that is held open, a file that could not be written).
pub fn place(path: &Path) -> String {
    match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(folder) if path.file_name().is_some() => format!("{}（位于 {}）", name(path), folder.display()),
        _ => name(path),
    }
}

/// Why the system refused, in plain Chinese. An error made by the program with its own Chinese
/// words keeps them; the system's own (English, or with an "os error" number) is said by its kind.
pub fn reason(e: &io::Error) -> String {
    if e.raw_os_error().is_none()
        && let Some(inner) = e.get_ref()
    {
        let text = inner.to_string();
        if text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) && !has_ascii_word(&text) {
            return text;
        }
    }
    kind_reason(e).to_owned()
}

fn kind_reason(e: &io::Error) -> &'static str {
    use io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "找不到这个文件或文件夹（可能已被移动、改名或删除）",
        K::PermissionDenied => "没有访问权限（文件可能是只读的、正被其他程序使用，或文件夹不允许写入）",
        K::AlreadyExists => "同名的文件已经存在",
        K::StorageFull | K::QuotaExceeded => "磁盘已满",
        K::ReadOnlyFilesystem => "磁盘或文件夹是只读的",
        K::IsADirectory => "这是一个文件夹，不是文件",
        K::NotADirectory => "路径中的某一部分不是文件夹",
        K::DirectoryNotEmpty => "文件夹不是空的",
        K::FileTooLarge => "文件太大",
        K::InvalidFilename => "文件名或文件夹名无效（可能太长或含有不允许的字符）",
        K::InvalidData => "文件内容无效或已损坏",
        K::UnexpectedEof => "文件不完整（可能没有下载或复制完）",
        K::Interrupted | K::TimedOut | K::WouldBlock => "操作被中断，请重试",
        K::ResourceBusy | K::ExecutableFileBusy => "文件正被其他程序使用",
        K::CrossesDevices => "不能在两个磁盘之间直接移动",
        K::OutOfMemory => "电脑内存不足",
        K::Unsupported => "这个磁盘或系统不支持此操作",
        _ => "系统报告了一个读写错误（磁盘、网络盘或移动硬盘可能出了问题）",
    }
}

/// Whether `text` holds a Latin word of two letters or more (an English phrase, not a number).
fn has_ascii_word(text: &str) -> bool {
    let mut run = 0;
    for c in text.chars() {
        run = if c.is_ascii_alphabetic() { run + 1 } else { 0 };
        if run >= 2 {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn a_file_is_named_by_its_name_and_found_by_its_folder() {
        let path = PathBuf::from("资料").join("结业证书.pdf");
        assert_eq!(name(&path), "“结业证书.pdf”");
        assert_eq!(place(&path), "“结业证书.pdf”（位于 资料）");
        assert_eq!(place(Path::new("结业证书.pdf")), "“结业证书.pdf”");
    }

    #[test]
    fn the_systems_english_is_said_in_chinese_and_the_programs_own_chinese_is_kept() {
        let missing = io::Error::from_raw_os_error(2);
        assert_eq!(reason(&missing), "找不到这个文件或文件夹（可能已被移动、改名或删除）");
        let own = io::Error::new(io::ErrorKind::InvalidData, "文件名指向材料文件夹之外，已拒绝");
        assert_eq!(reason(&own), "文件名指向材料文件夹之外，已拒绝");
        let english = io::Error::new(io::ErrorKind::InvalidData, "stream did not contain valid UTF-8");
        assert_eq!(reason(&english), "文件内容无效或已损坏");
        let windows_chinese = io::Error::new(io::ErrorKind::PermissionDenied, "拒绝访问。 (os error 5)");
        assert_eq!(reason(&windows_chinese), "没有访问权限（文件可能是只读的、正被其他程序使用，或文件夹不允许写入）");
    }
}
