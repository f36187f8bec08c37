//! Font discovery: a font file named by the user is used first and only its Simplified Chinese
//! face is taken from a CJK collection (verified by the face's name, not by a fixed index); a
//! path that does not exist is a clear error.

use std::path::Path;

use xueshi_export::{ExportError, FontSet};

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
