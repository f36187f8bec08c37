//! The same data makes the same package: the PDF and the XLSX are byte-identical across exports
//! (so a verification can typeset them again and compare bytes), and the manifest records what
//! that needs (the date printed, the options, the fonts).

use crate::common::{Fixture, zip_member};
use xueshi_export::{MANIFEST_NAME, Manifest, PDF_NAME, XLSX_NAME};

#[test]
fn two_exports_of_the_same_data_have_byte_identical_summaries() {
    let f = Fixture::demo();
    let second = f.dir.path().join("第二次.zip");
    f.export(&f.out()).expect("export");
    // Spreadsheet timestamps have a resolution of one second.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    f.export(&second).expect("export again");
    for name in [PDF_NAME, XLSX_NAME] {
        assert!(zip_member(&f.out(), name) == zip_member(&second, name), "{name} differs between two exports");
    }
}

#[test]
fn the_manifest_records_the_date_options_and_fonts_the_summaries_were_made_with() {
    let f = Fixture::demo();
    let report = f.export(&f.out()).expect("export");
    let manifest: Manifest = serde_json::from_slice(&zip_member(&f.out(), MANIFEST_NAME)).expect("manifest");
    let typeset = manifest.typeset.expect("typeset");
    assert_eq!(typeset.date, "2026-05-30");
    assert!(!typeset.mask_id && typeset.incomplete_evidence_page);
    assert!(!typeset.fonts.is_empty());
    assert_eq!(typeset.fonts.len(), report.fonts.len());
    assert!(typeset.fonts.iter().all(|font| !font.file.contains(['/', '\\'])), "file names only: {:?}", typeset.fonts);
}
