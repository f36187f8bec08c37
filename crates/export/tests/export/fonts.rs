//! Font discovery: a font file named by the user is used first and only its Simplified Chinese
//! face is taken from a CJK collection (verified by the face's name, not by a fixed index); a
//! path that does not exist is a clear error. Invisible characters (a zero-width space or byte
//! order mark pasted from WeChat) need no glyph; a character that is really missing gets advice
//! that fits it.

use crate::common;

use std::path::Path;

use serde_json::json;
use xueshi_export::{ExportError, FontSet, MissingGlyph};

const NOTO_SANS: &str = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

#[test]
fn only_the_simplified_chinese_face_of_a_named_collection_is_loaded() {
    if !Path::new(NOTO_SANS).exists() {
        eprintln!("{NOTO_SANS} (Debian fonts-noto-cjk) is not installed: skipping");
        return;
    }
    let fonts = FontSet::discover(Some(Path::new(NOTO_SANS))).expect("fonts");
    let from_file: Vec<_> = fonts.faces.iter().filter(|f| f.path == Path::new(NOTO_SANS)).collect();
    assert_eq!(from_file.len(), 1, "{:?}", fonts.faces);
    assert_eq!(from_file[0].family, "Noto Sans CJK SC");
    assert_eq!(from_file[0].index, 2, "Debian's TTC has the SC face at index 2");
    assert_eq!(fonts.faces[0].family, "Noto Sans CJK SC", "the named font comes first");
    assert_eq!(fonts.faces.len(), 1, "no system font is loaded when the named one covers Chinese");
}

#[test]
fn a_font_path_that_does_not_exist_is_refused_by_name() {
    let err = FontSet::discover(Some(Path::new("/没有/这个字体.ttf"))).expect_err("missing");
    assert!(matches!(err, ExportError::BadFont { .. }), "{err:?}");
    assert!(err.to_string().contains("这个字体.ttf"), "{err}");
}

#[test]
fn invisible_characters_in_stored_text_need_no_glyph() {
    let fonts = common::fonts();
    let data = json!({
        "name": "\u{FEFF}王\u{200B}晓\u{200C}梅\u{200D}\u{2060}",
        "activities": [{"id": "2024-01", "title": "数字\u{00AD}化\u{202E}转型\u{2066}研修\u{200E}班\u{FE0F}"}],
    });
    assert_eq!(fonts.check(&data), Vec::<MissingGlyph>::new());
}

fn message(characters: &[char]) -> String {
    let missing: Vec<MissingGlyph> =
        characters.iter().map(|c| MissingGlyph { field: "姓名".to_owned(), character: *c }).collect();
    ExportError::MissingGlyphs(missing).to_string()
}

#[test]
fn a_rare_chinese_character_gets_the_names_of_the_fonts_that_are_looked_for() {
    let text = message(&['\u{30000}']);
    assert!(text.contains("“\u{30000}”（生僻字）"), "{text}");
    assert!(text.contains("花园明朝") && text.contains("文泉驿正黑") && text.contains("名为 fonts 的文件夹"), "{text}");
    assert!(!text.contains("删去"), "a name character is not to be deleted: {text}");
}

#[test]
fn an_emoji_or_a_private_use_character_is_not_answered_with_install_a_font() {
    for c in ['\u{1F600}', '\u{E000}', '\u{F0001}'] {
        let text = message(&[c]);
        assert!(!text.contains("安装"), "U+{:04X}: {text}", u32::from(c));
        assert!(text.contains("删去") || text.contains("改用"), "U+{:04X}: {text}", u32::from(c));
    }
}
