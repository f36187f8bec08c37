//! Which kind of file a piece of evidence is, decided by its content: `infer`'s magic-number
//! matchers as the first word, the file name's extension only to tell apart containers that share
//! a signature (an OLE file may be .doc, .xls, .wps or .et; a ZIP may be .docx, .xlsx or .ofd).

/// Bytes of the file's start that `detect` needs to see (fewer if the file is shorter).
pub const SNIFF_LEN: usize = 8 * 1024;

/// The accepted evidence formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileType {
    Pdf,
    Jpeg,
    Png,
    Heic,
    Webp,
    Ofd,
    Doc,
    Docx,
    Xls,
    Xlsx,
    /// WPS 文字 (.wps)
    Wps,
    /// WPS 表格 (.et)
    Et,
}

impl FileType {
    pub const ALL: &'static [FileType] = &[
        FileType::Pdf,
        FileType::Jpeg,
        FileType::Png,
        FileType::Heic,
        FileType::Webp,
        FileType::Ofd,
        FileType::Doc,
        FileType::Docx,
        FileType::Xls,
        FileType::Xlsx,
        FileType::Wps,
        FileType::Et,
    ];

    /// The stable name kept in the database, also the usual extension.
    pub fn code(self) -> &'static str {
        match self {
            FileType::Pdf => "pdf",
            FileType::Jpeg => "jpg",
            FileType::Png => "png",
            FileType::Heic => "heic",
            FileType::Webp => "webp",
            FileType::Ofd => "ofd",
            FileType::Doc => "doc",
            FileType::Docx => "docx",
            FileType::Xls => "xls",
            FileType::Xlsx => "xlsx",
            FileType::Wps => "wps",
            FileType::Et => "et",
        }
    }

    pub fn from_code(code: &str) -> Option<FileType> {
        FileType::ALL.iter().copied().find(|t| t.code() == code)
    }

    /// What to call it in Chinese.
    pub fn label(self) -> &'static str {
        match self {
            FileType::Pdf => "PDF 文档",
            FileType::Jpeg => "JPEG 图片",
            FileType::Png => "PNG 图片",
            FileType::Heic => "HEIC 图片",
            FileType::Webp => "WebP 图片",
            FileType::Ofd => "OFD 版式文档",
            FileType::Doc => "Word 文档（.doc）",
            FileType::Docx => "Word 文档（.docx）",
            FileType::Xls => "Excel 表格（.xls）",
            FileType::Xlsx => "Excel 表格（.xlsx）",
            FileType::Wps => "WPS 文字",
            FileType::Et => "WPS 表格",
        }
    }
}

/// The OLE2 compound-file signature (old Word, Excel and WPS files).
const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The type of a file whose first bytes are `head` and whose name is `name`, or `None` when the
/// content is not an accepted format (whatever the name claims).
pub fn detect(head: &[u8], name: &str) -> Option<FileType> {
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    if is_pdf(head) {
        return Some(FileType::Pdf);
    }
    if infer::image::is_jpeg(head) {
        return Some(FileType::Jpeg);
    }
    if infer::image::is_png(head) {
        return Some(FileType::Png);
    }
    if infer::image::is_webp(head) && head.starts_with(b"RIFF") {
        return Some(FileType::Webp);
    }
    if infer::image::is_heif(head) {
        return Some(FileType::Heic);
    }
    if head.starts_with(OLE) {
        return match ext.as_str() {
            "xls" => Some(FileType::Xls),
            "wps" => Some(FileType::Wps),
            "et" => Some(FileType::Et),
            // Without an extension, an OLE file is most often an old Word file. Under another
            // extension it is something else (.ppt, .msi, .msg): refused.
            "doc" | "" => Some(FileType::Doc),
            _ => None,
        };
    }
    if infer::archive::is_zip(head) {
        if infer::doc::is_docx(head) {
            return Some(match ext.as_str() {
                "wps" => FileType::Wps,
                _ => FileType::Docx,
            });
        }
        if infer::doc::is_xlsx(head) {
            return Some(match ext.as_str() {
                "et" => FileType::Et,
                _ => FileType::Xlsx,
            });
        }
        if contains(head, b"OFD.xml") {
            return Some(FileType::Ofd);
        }
        // A ZIP whose first entries do not tell (the 8 KiB seen): trust an Office or OFD name.
        return match ext.as_str() {
            "docx" => Some(FileType::Docx),
            "xlsx" => Some(FileType::Xlsx),
            "ofd" => Some(FileType::Ofd),
            "wps" => Some(FileType::Wps),
            "et" => Some(FileType::Et),
            _ => None,
        };
    }
    None
}

/// `%PDF-` at the start. PDF readers accept it anywhere in the first kilobyte, which lets another
/// file (an executable, a web page) pass as a PDF; only a byte order mark and blank space (which
/// some web systems put before a PDF they deliver, and which cannot carry anything that runs) may
/// come first.
fn is_pdf(head: &[u8]) -> bool {
    let rest = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = rest.iter().take(1024).position(|b| !b.is_ascii_whitespace()).unwrap_or(rest.len());
    rest[start..].starts_with(b"%PDF-")
}

/// Signatures of programs: Windows (`MZ`), Linux (ELF), macOS (Mach-O, 32/64-bit, either byte
/// order, and universal binaries) and scripts (`#!`).
const PROGRAM_SIGNATURES: &[&[u8]] = &[
    b"MZ",
    b"\x7fELF",
    b"\xFE\xED\xFA\xCE",
    b"\xFE\xED\xFA\xCF",
    b"\xCE\xFA\xED\xFE",
    b"\xCF\xFA\xED\xFE",
    b"\xCA\xFE\xBA\xBE",
    b"#!",
];

/// Extensions that Windows (or another system) runs or opens as a program when double-clicked.
const PROGRAM_EXTENSIONS: &[&str] = &[
    "exe",
    "com",
    "bat",
    "cmd",
    "scr",
    "pif",
    "cpl",
    "msi",
    "msp",
    "msc",
    "dll",
    "sys",
    "lnk",
    "url",
    "js",
    "jse",
    "vbs",
    "vbe",
    "wsf",
    "wsh",
    "hta",
    "ps1",
    "psm1",
    "reg",
    "jar",
    "sh",
    "app",
    "appx",
    "msix",
    "apk",
    "scf",
    "inf",
    "chm",
    "gadget",
    "application",
];

/// Whether the file is (or is named as) a program or script: refused as evidence whatever else
/// its content looks like, so that a reviewer never receives something that runs when opened.
pub fn is_executable(head: &[u8], name: &str) -> bool {
    let ext = name.rsplit_once('.').map(|(_, e)| e.trim_end_matches([' ', '.']).to_ascii_lowercase());
    PROGRAM_SIGNATURES.iter().any(|s| head.starts_with(s))
        || ext.is_some_and(|e| PROGRAM_EXTENSIONS.contains(&e.as_str()))
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pdf_is_a_pdf_whatever_it_is_called() {
        assert_eq!(detect(b"%PDF-1.7\n...", "照片.jpg"), Some(FileType::Pdf));
    }

    #[test]
    fn a_text_file_named_pdf_is_refused() {
        assert_eq!(detect(b"hello, this is not a pdf", "结业证书.pdf"), None);
    }

    #[test]
    fn images_are_told_apart_by_their_signatures() {
        assert_eq!(detect(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0], "a.png"), Some(FileType::Jpeg));
        let png = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0];
        assert_eq!(detect(&png, "a"), Some(FileType::Png));
        assert_eq!(detect(b"RIFF\x10\0\0\0WEBPVP8 ", "a"), Some(FileType::Webp));
        let heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic";
        assert_eq!(detect(heic, "IMG_0001.HEIC"), Some(FileType::Heic));
    }

    #[test]
    fn old_office_and_wps_files_are_named_by_their_extension() {
        let mut ole = OLE.to_vec();
        ole.extend_from_slice(&[0; 32]);
        assert_eq!(detect(&ole, "签到表.XLS"), Some(FileType::Xls));
        assert_eq!(detect(&ole, "通知.wps"), Some(FileType::Wps));
        assert_eq!(detect(&ole, "表.et"), Some(FileType::Et));
        assert_eq!(detect(&ole, "通知.doc"), Some(FileType::Doc));
        assert_eq!(detect(&ole, "setup.msi"), None);
    }

    #[test]
    fn an_ofd_is_recognised_by_its_root_entry() {
        let mut zip = b"PK\x03\x04".to_vec();
        zip.extend_from_slice(&[0; 26]);
        zip.extend_from_slice(b"OFD.xml");
        assert_eq!(detect(&zip, "发票"), Some(FileType::Ofd));
    }

    #[test]
    fn a_pdf_signature_after_other_bytes_is_not_a_pdf() {
        let mut exe = b"MZ\x90\0".to_vec();
        exe.resize(200, 0);
        exe.extend_from_slice(b"%PDF-1.7\n");
        assert_eq!(detect(&exe, "结业证书.pdf"), None);
        assert_eq!(detect(b"<html>%PDF-1.4", "结业证书.pdf"), None);
    }

    #[test]
    fn a_pdf_after_a_byte_order_mark_or_blank_lines_is_still_a_pdf() {
        assert_eq!(detect(b"\xEF\xBB\xBF%PDF-1.4\n", "a.pdf"), Some(FileType::Pdf));
        assert_eq!(detect(b"\r\n  %PDF-1.4\n", "a.pdf"), Some(FileType::Pdf));
    }

    #[test]
    fn executables_and_scripts_are_recognised_by_content_and_by_name() {
        for head in
            [&b"MZ\x90\0\x03"[..], b"\x7fELF\x02\x01", b"\xCF\xFA\xED\xFE\x07", b"\xFE\xED\xFA\xCE", b"#!/bin/sh\n"]
        {
            assert!(is_executable(head, "结业证书.pdf"), "{head:?}");
        }
        for name in [
            "结业证书.exe",
            "a.BAT",
            "x.cmd",
            "x.com",
            "x.scr",
            "x.js",
            "x.vbs",
            "x.ps1",
            "x.msi",
            "x.lnk",
            "x.pdf.exe",
        ] {
            assert!(is_executable(b"%PDF-1.4\n", name), "{name}");
        }
        assert!(!is_executable(b"%PDF-1.4\n", "结业证书.pdf"));
        assert!(!is_executable(b"%PDF-1.4\n", "结业证书"));
        let mut zip = b"PK\x03\x04".to_vec();
        zip.extend_from_slice(&[0; 26]);
        assert!(!is_executable(&zip, "a.docx"));
    }

    #[test]
    fn a_plain_zip_archive_is_refused() {
        let mut zip = b"PK\x03\x04".to_vec();
        zip.extend_from_slice(&[0; 26]);
        zip.extend_from_slice(b"readme.txt");
        assert_eq!(detect(&zip, "材料.zip"), None);
    }
}
