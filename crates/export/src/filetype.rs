//! What an evidence file is, decided by its first bytes, so that the package names it by its
//! content (`结业证书.exe` holding a PDF becomes `结业证书.pdf`) and never hands a reviewer a program:
//! executables and scripts are refused whatever they are called. The user's extension only tells
//! apart containers that share a signature (an OLE file may be .doc, .xls or .wps; a ZIP may be
//! .docx or .ofd). Small and self-contained; the vault has its own check at attach time.

/// Bytes of a file's start that [`sniff`] looks at.
pub const HEAD_LEN: usize = 8 * 1024;

/// Why a file cannot go into a package.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// A program or a script (Windows .exe/.dll/.msi, ELF, Mach-O, `#!`, .bat/.ps1/.vbs …).
    Executable,
    /// A plain archive, which could carry anything.
    Archive,
    /// Not a document, image or text this program knows.
    Unknown,
}

impl Refusal {
    /// In words, after “证明材料“x””.
    pub fn reason(self) -> &'static str {
        match self {
            Refusal::Executable => "是可执行程序或脚本，不能放进申报材料包",
            Refusal::Archive => "是压缩包，不能直接放进申报材料包（请解压后把其中的证明材料分别添加）",
            Refusal::Unknown => {
                "不是能识别的文档或图片（可以是 PDF、JPEG、PNG、HEIC、WebP、GIF、BMP、TIFF、OFD、Word、Excel、WPS 或纯文本）"
            }
        }
    }
}

/// Extensions under which plain text runs as a program when opened on Windows, macOS or Linux.
const SCRIPT_EXTENSIONS: &[&str] = &[
    "bat", "cmd", "com", "exe", "dll", "scr", "pif", "cpl", "msi", "msp", "ps1", "psm1", "psd1", "vbs", "vbe", "js",
    "jse", "wsf", "wsh", "hta", "lnk", "url", "reg", "inf", "sh", "bash", "zsh", "command", "py", "pyw", "pl", "rb",
    "jar", "app", "apk", "desktop", "scpt",
];

/// The OLE2 compound-file signature (old Word, Excel and WPS files; also .msi installers).
const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The lowercase extension of a user's file name, or "".
fn extension(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    base.rsplit_once('.').map(|(_, e)| e.trim().to_ascii_lowercase()).unwrap_or_default()
}

/// The extension the package gives a file whose first bytes are `head` (at most [`HEAD_LEN`],
/// fewer for a short file) and whose user-given name is `name`; or why it is refused.
pub fn sniff(head: &[u8], name: &str) -> Result<&'static str, Refusal> {
    let ext = extension(name);
    if is_executable(head) {
        return Err(Refusal::Executable);
    }
    if head.starts_with(b"%PDF-") {
        return Ok("pdf");
    }
    if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Ok("jpg");
    }
    if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Ok("png");
    }
    if head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a") {
        return Ok("gif");
    }
    if head.starts_with(b"RIFF") && head.get(8..12) == Some(b"WEBP") {
        return Ok("webp");
    }
    if head.get(4..8) == Some(b"ftyp") {
        let brand = head.get(8..12).unwrap_or(&[]);
        if [&b"heic"[..], b"heix", b"heim", b"heis", b"mif1", b"msf1", b"hevc"].contains(&brand) {
            return Ok("heic");
        }
    }
    if head.starts_with(b"II*\0") || head.starts_with(b"MM\0*") {
        return Ok("tif");
    }
    if head.starts_with(b"BM") && head.len() >= 14 && head.get(6..10) == Some(&[0, 0, 0, 0]) {
        return Ok("bmp");
    }
    if head.starts_with(OLE) {
        return match ext.as_str() {
            "xls" => Ok("xls"),
            "ppt" => Ok("ppt"),
            "wps" => Ok("wps"),
            "et" => Ok("et"),
            "doc" | "" => Ok("doc"),
            // .msi, .msp and the like share the signature.
            _ if SCRIPT_EXTENSIONS.contains(&ext.as_str()) => Err(Refusal::Executable),
            _ => Err(Refusal::Unknown),
        };
    }
    if head.starts_with(b"PK\x03\x04") {
        return zip_based(head, &ext);
    }
    if is_text(head) {
        if head.starts_with(b"#!") || SCRIPT_EXTENSIONS.contains(&ext.as_str()) {
            return Err(Refusal::Executable);
        }
        return Ok("txt");
    }
    Err(Refusal::Unknown)
}

/// Office Open XML, WPS and OFD documents (ZIPs inside); any other ZIP is an archive.
fn zip_based(head: &[u8], ext: &str) -> Result<&'static str, Refusal> {
    if contains(head, b"OFD.xml") {
        return Ok("ofd");
    }
    if contains(head, b"word/") || (contains(head, b"[Content_Types].xml") && ext == "docx") {
        return Ok(if ext == "wps" { "wps" } else { "docx" });
    }
    if contains(head, b"xl/") {
        return Ok(if ext == "et" { "et" } else { "xlsx" });
    }
    if contains(head, b"ppt/") {
        return Ok("pptx");
    }
    match ext {
        "docx" => Ok("docx"),
        "xlsx" => Ok("xlsx"),
        "pptx" => Ok("pptx"),
        "ofd" => Ok("ofd"),
        "wps" => Ok("wps"),
        "et" => Ok("et"),
        "jar" | "apk" | "appx" | "msix" | "xpi" => Err(Refusal::Executable),
        _ => Err(Refusal::Archive),
    }
}

/// Windows (MZ), Linux (ELF) and macOS (Mach-O) programs, Windows shortcuts and Java classes.
fn is_executable(head: &[u8]) -> bool {
    head.starts_with(b"MZ")
        || head.starts_with(b"\x7fELF")
        || [[0xFE, 0xED, 0xFA, 0xCE], [0xFE, 0xED, 0xFA, 0xCF], [0xCE, 0xFA, 0xED, 0xFE], [0xCF, 0xFA, 0xED, 0xFE]]
            .iter()
            .any(|m| head.starts_with(m))
        || head.starts_with(&[0xCA, 0xFE, 0xBA, 0xBE])
        || head.starts_with(&[0x4C, 0, 0, 0, 0x01, 0x14, 0x02, 0])
}

/// UTF-8 text (a character cut at the end of the head is allowed) without NUL or other control
/// characters than tab, line breaks and form feed.
fn is_text(head: &[u8]) -> bool {
    let text = match std::str::from_utf8(head) {
        Ok(t) => t,
        Err(e) if e.error_len().is_none() => std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or(""),
        Err(_) => return false,
    };
    !head.is_empty() && text.chars().all(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r' | '\x0c'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pdf_is_named_pdf_whatever_the_user_called_it() {
        assert_eq!(sniff(b"%PDF-1.7\n", "结业证书.exe"), Ok("pdf"));
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], "照片.png"), Ok("jpg"));
    }

    #[test]
    fn programs_and_scripts_are_refused_whatever_they_are_called() {
        assert_eq!(sniff(b"MZ\x90\0\x03\0\0\0", "结业证书.pdf"), Err(Refusal::Executable));
        assert_eq!(sniff(b"\x7fELF\x02\x01\x01", "证书.jpg"), Err(Refusal::Executable));
        assert_eq!(sniff(b"#!/bin/sh\nrm -rf ~\n", "说明.txt"), Err(Refusal::Executable));
        assert_eq!(sniff(b"@echo off\r\ndel *.*\r\n", "通知.bat"), Err(Refusal::Executable));
        assert_eq!(sniff(b"CreateObject(\"WScript.Shell\")", "证书.pdf.vbs"), Err(Refusal::Executable));
        let mut msi = OLE.to_vec();
        msi.extend_from_slice(&[0; 32]);
        assert_eq!(sniff(&msi, "setup.msi"), Err(Refusal::Executable));
    }

    #[test]
    fn plain_text_becomes_txt_and_unknown_binary_is_refused() {
        assert_eq!(sniff("培训通知：请于 5 月 12 日报到".as_bytes(), "通知.pdf"), Ok("txt"));
        assert_eq!(sniff(&[0, 1, 2, 3, 0xFF, 0xFE], "证书.pdf"), Err(Refusal::Unknown));
        assert_eq!(sniff(b"", "空.pdf"), Err(Refusal::Unknown));
    }

    #[test]
    fn zips_are_documents_only_when_their_content_or_name_says_so() {
        let docx = b"PK\x03\x04\x14\0\0\0\x08\0[Content_Types].xml....word/document.xml";
        assert_eq!(sniff(docx, "论文.docx"), Ok("docx"));
        assert_eq!(sniff(docx, "论文.wps"), Ok("wps"));
        assert_eq!(sniff(b"PK\x03\x04\x14\0\0\0\x08\0OFD.xml", "发票"), Ok("ofd"));
        assert_eq!(sniff(b"PK\x03\x04\x14\0\0\0\x08\0setup.exe", "证书.zip"), Err(Refusal::Archive));
        assert_eq!(sniff(b"PK\x03\x04\x14\0\0\0\x08\0META-INF/", "证书.jar"), Err(Refusal::Executable));
    }
}
