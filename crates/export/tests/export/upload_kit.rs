//! The per-year upload kit: a folder per year of the window with `<year>年_继续教育佐证材料.pdf`,
//! the year covered by an earlier 学时认定单 uploading the certificate; every file under the size
//! limit with phone photos (re-encoded, never below the legibility floor), split into numbered
//! parts when even the floor is too large; `上传清单.pdf` naming files and records; a folder that
//! already holds files refused.

use std::io::Cursor;
use std::path::Path;

use image::{ImageFormat, RgbImage};
use serde_json::json;
use xueshi_core::Application;
use xueshi_core::kinds::{ApplicationPath, Level};
use xueshi_export::{
    ExportError, FolderSource, KIT_CHECKLIST_NAME, LEGIBLE_FLOOR, PackageInput, UploadKit, export_upload_kit,
    jpeg_page, scale_photo,
};

use crate::common::{Fixture, files_in, have};

/// A photo of `width` × `height` pixels of fine random detail, which JPEG cannot make small (a
/// phone photo of a certificate on a textured desk is closer to this than to a flat colour).
/// Each `seed` gives another photo (identical photos are stored once in a PDF).
fn noisy_photo(width: u32, height: u32, seed: u64) -> Vec<u8> {
    // xorshift64*, its high bytes: no pattern a smaller scale could smooth away.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15 ^ seed.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    let image = RgbImage::from_fn(width, height, |_, _| {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        let [.., a, b, c] = state.wrapping_mul(0x2545_F491_4F6C_DD1D).to_le_bytes();
        image::Rgb([a, b, c])
    });
    let mut out = Cursor::new(Vec::new());
    image.write_to(&mut out, ImageFormat::Jpeg).expect("encode");
    out.into_inner()
}

/// The 常德 2024 example (004): a 学时认定单 covering 2018–2022 and a course in 2023, for a senior
/// application in 2024 (window 2019–2023); the certificate a one-page PDF, the course's evidence
/// `photos` phone photos of 2000 × 1500 pixels.
fn changde(photos: usize) -> Fixture {
    let evidence: Vec<_> =
        (1..=photos).map(|i| json!({"file": format!("照片{i}.jpg"), "material": "结业证书"})).collect();
    let ledger = json!({
        "format": "xueshi-ledger", "version": 1,
        "profile": {"name": "袁工", "employer": "常德市第一中学"},
        "activities": [
            {"id": "cert", "kind": "prior_certificate", "title": "湖南省专业技术人员继续教育学时认定单（2018-2022）",
             "date": "2023-07-15", "from_year": 2018, "to_year": 2022,
             "evidence": [{"file": "学时认定单.pdf", "material": "学时认定单"}]},
            {"id": "o23", "kind": "online_course", "title": "网络公需科目课程", "date": "2023-05-01",
             "provider": "湖南省专业技术人员继续教育网络平台", "category": "public", "hours": 30,
             "evidence": evidence}
        ]
    });
    let application = Application::new(2024, Level::Senior, ApplicationPath::Standard);
    let f = Fixture::for_application(ledger, "changde-2024", &application);
    let certificate = jpeg_page(&scale_photo(&noisy_photo(300, 420, 0)).expect("photo"));
    std::fs::write(f.evidence_dir().join("cert/学时认定单.pdf"), certificate).expect("write");
    for i in 1..=photos {
        std::fs::write(f.evidence_dir().join(format!("o23/照片{i}.jpg")), noisy_photo(2000, 1500, i as u64))
            .expect("write");
    }
    f
}

fn kit(f: &Fixture, out: &Path, limit: u64) -> Result<UploadKit, ExportError> {
    let input = PackageInput { ledger: &f.ledger, rules: &f.rules, assessment: &f.assessment, options: &f.options };
    export_upload_kit(&input, &FolderSource::new(f.evidence_dir()), out, limit)
}

/// The longer sides of the images in `pdf`, as poppler lists them (None without poppler-utils).
fn image_sides(pdf: &Path) -> Option<Vec<u32>> {
    if !have("pdfimages") {
        eprintln!("pdfimages (poppler-utils) is not installed: skipping the image size check");
        return None;
    }
    let out = std::process::Command::new("pdfimages").arg("-list").arg(pdf).output().expect("pdfimages");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let sides = text
        .lines()
        .skip(2)
        .filter_map(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            Some(cols.get(3)?.parse::<u32>().ok()?.max(cols.get(4)?.parse().ok()?))
        })
        .collect();
    Some(sides)
}

/// Every name in `dir`, files and folders, sorted.
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn pdftotext(pdf: &Path) -> Option<String> {
    if !have("pdftotext") {
        return None;
    }
    let out = std::process::Command::new("pdftotext").args(["-enc", "UTF-8"]).arg(pdf).arg("-").output().expect("run");
    Some(String::from_utf8_lossy(&out.stdout).split_whitespace().collect())
}

#[test]
fn each_year_of_the_window_gets_its_folder_and_the_certificate_years_upload_the_certificate() {
    let f = changde(1);
    let out = f.dir.path().join("上传材料");
    let made = kit(&f, &out, 5 * 1024 * 1024).expect("kit");
    assert_eq!(made.years.iter().map(|y| y.year).collect::<Vec<_>>(), vec![2019, 2020, 2021, 2022, 2023]);
    let mut expected: Vec<String> = (2019..=2023).map(|y| format!("{y}年/{y}年_继续教育佐证材料.pdf")).collect();
    expected.push(KIT_CHECKLIST_NAME.to_owned());
    expected.sort();
    let mut names: Vec<String> = made.years.iter().flat_map(|y| y.files.iter().map(|f| f.name.clone())).collect();
    names.push(KIT_CHECKLIST_NAME.to_owned());
    names.sort();
    assert_eq!(names, expected);
    for name in &expected {
        assert!(out.join(name).is_file(), "{name} is written");
    }
    for y in &made.years {
        assert_eq!(y.certificate, y.year < 2023, "{}", y.year);
    }
    // A certificate year is the certificate's page alone; 2023 has a header page, the record's page
    // and its photo.
    assert_eq!(made.years[0].files[0].pages, 1);
    assert_eq!(made.years[4].files[0].pages, 3);
    assert_eq!(
        entries(f.dir.path()),
        vec!["evidence".to_owned(), "上传材料".to_owned()],
        "no temporary folder is left"
    );
    if let Some(text) = pdftotext(&out.join("2023年/2023年_继续教育佐证材料.pdf")) {
        assert!(text.contains("2023年继续教育佐证材料"), "{text}");
        assert!(text.contains("网络公需科目课程"), "{text}");
    }
}

#[test]
fn the_checklist_names_each_years_files_hours_and_records() {
    let f = changde(1);
    let out = f.dir.path().join("上传材料");
    kit(&f, &out, 5 * 1024 * 1024).expect("kit");
    let Some(text) = pdftotext(&out.join(KIT_CHECKLIST_NAME)) else { return };
    assert!(text.contains("继续教育学时网上核认上传清单"), "{text}");
    for y in 2019..=2023 {
        assert!(text.contains(&format!("{y}年_继续教育佐证材料.pdf")), "{y}: {text}");
    }
    assert!(text.contains("上传认定单即可"), "{text}");
    assert!(text.contains("湖南省专业技术人员继续教育学时认定单（2018-2022）"), "{text}");
    assert!(text.contains("2023年5月1日网络公需科目课程"), "{text}");
    assert!(text.contains("公需30，专业0，合计30"), "{text}");
    assert!(text.contains("不超过5MB"), "{text}");
    let pages = std::process::Command::new("pdfinfo").arg(out.join(KIT_CHECKLIST_NAME)).output().expect("pdfinfo");
    assert!(String::from_utf8_lossy(&pages.stdout).contains("Pages:           1"), "one page");
}

#[test]
#[cfg_attr(
    windows,
    ignore = "photo arithmetic, the same on every system and tested on Linux; under Wine it takes minutes"
)]
fn phone_photos_are_recompressed_under_the_limit_but_never_below_the_legibility_floor() {
    let f = changde(3);
    let limit = 2 * 1024 * 1024;
    let big = kit(&f, &f.dir.path().join("不限"), 100 * 1024 * 1024).expect("kit");
    let unlimited = &big.years[4];
    assert!(unlimited.files[0].size > limit, "three photos at the book's size are over 2 MB");
    assert!(!unlimited.reduced);
    let out = f.dir.path().join("上传材料");
    let made = kit(&f, &out, limit).expect("kit");
    let year = &made.years[4];
    assert!(year.reduced, "the photos were re-encoded smaller");
    assert_eq!(year.files.len(), 1, "one file still holds the year");
    let file = &year.files[0];
    assert!(file.size <= limit, "{} bytes", file.size);
    assert_eq!(std::fs::metadata(out.join(&file.name)).expect("written").len(), file.size);
    if let Some(sides) = image_sides(&out.join(&file.name)) {
        assert_eq!(sides.len(), 3, "{sides:?}");
        assert!(sides.iter().all(|s| *s >= LEGIBLE_FLOOR.max_side), "{sides:?}");
    }
}

#[test]
#[cfg_attr(
    windows,
    ignore = "photo arithmetic, the same on every system and tested on Linux; under Wine it takes minutes"
)]
fn a_year_too_large_even_at_the_floor_is_split_into_numbered_parts_each_under_the_limit() {
    let f = changde(4);
    // With a limit of one byte, every photo is a part of its own at the floor: a limit a little
    // above the largest such part holds any one photo, but not two.
    let singles = kit(&f, &f.dir.path().join("单张"), 1).expect("kit");
    assert!(singles.years[4].files.iter().all(|f| f.over_limit), "{:?}", singles.years[4].files);
    let largest = singles.years[4].files.iter().map(|f| f.size).max().expect("parts");
    let limit = largest + largest / 5;
    let out = f.dir.path().join("上传材料");
    let made = kit(&f, &out, limit).expect("kit");
    let year = &made.years[4];
    assert!(year.files.len() > 1, "{:?}", year.files);
    for (k, file) in year.files.iter().enumerate() {
        assert_eq!(file.name, format!("2023年/2023年_继续教育佐证材料_{}.pdf", k + 1));
        assert!(file.size <= limit && !file.over_limit, "{file:?}");
        assert!(out.join(&file.name).is_file());
    }
    let pages: usize = year.files.iter().map(|f| f.pages).sum();
    assert_eq!(pages, 1 + year.files.len() + 4, "the header, the record's page in each part, four photos");
    if let Some(sides) = image_sides(&out.join(&year.files[1].name)) {
        assert!(sides.iter().all(|s| *s >= LEGIBLE_FLOOR.max_side), "{sides:?}");
    }
}

#[test]
fn a_photo_larger_than_the_limit_by_itself_is_kept_and_marked() {
    let f = changde(1);
    let limit = 50 * 1024;
    let made = kit(&f, &f.dir.path().join("上传材料"), limit).expect("kit");
    let files = &made.years[4].files;
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(files[0].over_limit && files[0].size > limit, "{files:?}");
    assert!(f.dir.path().join("上传材料").join(&files[0].name).is_file());
}

#[test]
fn a_folder_that_already_holds_files_is_refused_and_left_as_it_was() {
    let f = changde(1);
    let out = f.dir.path().join("我的文件");
    std::fs::create_dir(&out).expect("mkdir");
    std::fs::write(out.join("论文.docx"), b"mine").expect("write");
    let err = kit(&f, &out, 5 * 1024 * 1024).expect_err("refused");
    assert!(matches!(err, ExportError::KitFolderNotEmpty(_)), "{err:?}");
    assert!(err.to_string().contains("请选择一个空文件夹"), "{err}");
    assert_eq!(entries(&out), vec!["论文.docx".to_owned()]);
    assert_eq!(files_in(f.dir.path()), Vec::<String>::new());
    assert_eq!(entries(f.dir.path()), vec!["evidence".to_owned(), "我的文件".to_owned()], "no temporary folder");
    assert_eq!(std::fs::read(out.join("论文.docx")).expect("read"), b"mine");
    let empty = f.dir.path().join("空文件夹");
    std::fs::create_dir(&empty).expect("mkdir");
    kit(&f, &empty, 5 * 1024 * 1024).expect("an empty folder is used");
    assert!(empty.join(KIT_CHECKLIST_NAME).is_file());
}
