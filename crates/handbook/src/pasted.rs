//! A file pasted into the window (Ctrl+V: a screenshot, or a certificate copied in the file
//! manager): its bytes kept as a file under a safe name in a fresh folder of the temp dir, so
//! that it is read and attached exactly like a file dropped on the window. The folder is swept
//! with the viewing copies at a later start; what is attached is copied into the vault first.

use std::path::{Path, PathBuf};

use xueshi_store::vault::sniff::{SNIFF_LEN, detect};
use xueshi_store::viewing::{new_viewing_folder, viewing_name};

use crate::error::{HandbookError, Result};

/// The name a pasted picture gets when the clipboard gives none.
const PASTED_PICTURE: &str = "粘贴的图片";

/// Keeps the pasted file `bytes` (named `name` on the clipboard, if at all) in a new folder of
/// `temp` (the OS temp dir) and returns its path.
pub fn keep_pasted(temp: &Path, name: &str, bytes: &[u8]) -> Result<PathBuf> {
    if bytes.is_empty() {
        return Err(HandbookError::input("剪贴板中没有文件或图片：请先复制证书文件或截图，再按 Ctrl+V"));
    }
    if bytes.len() > xueshi_reading::MAX_BYTES {
        return Err(HandbookError::input("粘贴的文件超过 30 MB，没有读取：请把证书文件直接拖进窗口"));
    }
    let name = Path::new(name).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let name = if name.trim().is_empty() { PASTED_PICTURE.to_owned() } else { name };
    let file_type = detect(&bytes[..bytes.len().min(SNIFF_LEN)], &name);
    let folder = new_viewing_folder(temp)?;
    let path = folder.join(viewing_name(&name, file_type));
    std::fs::write(&path, bytes)
        .map_err(|e| HandbookError::File(format!("粘贴的文件无法暂存：{}", xueshi_store::words::reason(&e))))?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0";

    #[test]
    fn a_pasted_screenshot_without_a_name_is_kept_as_a_png_named_in_chinese() {
        let temp = tempfile::tempdir().expect("temp");
        let path = keep_pasted(temp.path(), "", PNG).expect("kept");
        assert_eq!(path.file_name().and_then(|n| n.to_str()), Some("粘贴的图片.png"));
        assert_eq!(std::fs::read(&path).expect("read"), PNG);
    }

    #[test]
    fn a_name_from_the_clipboard_keeps_no_folder_and_gets_the_extension_of_its_content() {
        let temp = tempfile::tempdir().expect("temp");
        let path = keep_pasted(temp.path(), "../../证书:副本.exe", PNG).expect("kept");
        let name = path.file_name().and_then(|n| n.to_str()).expect("name");
        assert!(name.ends_with(".png") && !name.contains(':'), "{name}");
        assert!(path.starts_with(temp.path()), "{}", path.display());
    }

    #[test]
    fn two_pastes_of_one_name_are_kept_apart() {
        let temp = tempfile::tempdir().expect("temp");
        let first = keep_pasted(temp.path(), "image.png", PNG).expect("kept");
        let second = keep_pasted(temp.path(), "image.png", PNG).expect("kept");
        assert_ne!(first, second);
        assert!(first.exists() && second.exists());
    }

    #[test]
    fn nothing_pasted_or_too_much_is_refused_in_words() {
        let temp = tempfile::tempdir().expect("temp");
        let empty = keep_pasted(temp.path(), "", b"").expect_err("empty");
        assert!(empty.to_string().contains("剪贴板中没有文件或图片"), "{empty}");
        let big = vec![0u8; xueshi_reading::MAX_BYTES + 1];
        let refused = keep_pasted(temp.path(), "大.pdf", &big).expect_err("too big");
        assert!(refused.to_string().contains("超过 30 MB"), "{refused}");
    }
}
