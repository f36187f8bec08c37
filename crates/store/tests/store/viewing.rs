//! Copies of evidence for "打开": a read-only copy under the original, Windows-safe name with the
//! extension of its type, in a new folder each time, the vault untouched, earlier runs' folders swept.

use std::path::{Path, PathBuf};

use crate::common::{data_dir, every_kind, pdf, png, quiet};
use xueshi_store::viewing::{VIEWING_PREFIX, sweep_viewing_copies, viewing_dir, viewing_name};
use xueshi_store::{FileType, Store, StoreError};

struct Fixture {
    tmp: tempfile::TempDir,
    store: Store,
}

impl Fixture {
    fn new() -> Fixture {
        let (tmp, dir) = data_dir();
        let mut store = Store::open_with(&dir, quiet()).expect("opens");
        let mut a = every_kind().activities[0].clone();
        a.evidence.clear();
        store.add_activity(&a).expect("added");
        Fixture { tmp, store }
    }

    /// Attaches `bytes` under the original name `name`; returns the evidence's seq.
    fn attach(&mut self, name: &str, bytes: &[u8]) -> i64 {
        let attached =
            self.store.attach_reader("2024-001", &mut &bytes[..], name, Path::new(name), "结业证书").expect("attached");
        attached.seq
    }

    /// The temp dir the copies go to in these tests.
    fn temp(&self) -> PathBuf {
        self.tmp.path().join("temp")
    }

    fn open(&self, seq: i64) -> PathBuf {
        self.store.evidence_copy_for_viewing(seq, &viewing_dir(&self.temp())).expect("a copy to view")
    }
}

fn name_of(path: &Path) -> String {
    path.file_name().expect("a name").to_string_lossy().into_owned()
}

#[test]
fn the_copy_keeps_the_original_name_and_extension_and_is_read_only() {
    let mut f = Fixture::new();
    let bytes = pdf("结业");
    let seq = f.attach("结业证书（2024年）.pdf", &bytes);
    let copy = f.open(seq);
    assert_eq!(name_of(&copy), "结业证书（2024年）.pdf");
    assert!(copy.starts_with(viewing_dir(&f.temp())), "{}", copy.display());
    assert_eq!(std::fs::read(&copy).expect("copied"), bytes);
    assert!(std::fs::metadata(&copy).expect("metadata").permissions().readonly());
}

#[test]
fn the_vault_copy_is_left_untouched() {
    let mut f = Fixture::new();
    let bytes = png();
    let seq = f.attach("照片.png", &bytes);
    let e = f.store.all_evidence().expect("evidence").into_iter().find(|e| e.seq == seq).expect("entry");
    let blob = f.store.blob_path(e.sha256.as_deref().expect("stored")).expect("a path");
    let before = std::fs::metadata(&blob).expect("blob").modified().expect("mtime");
    let copy = f.open(seq);
    assert_ne!(copy, blob);
    assert_eq!(std::fs::read(&blob).expect("blob"), bytes);
    assert_eq!(std::fs::metadata(&blob).expect("blob").modified().expect("mtime"), before);
    assert!(f.store.verify().expect("verify").is_ok());
}

#[test]
fn the_same_file_opened_twice_gets_a_second_copy_although_the_first_is_read_only() {
    let mut f = Fixture::new();
    let seq = f.attach("证书.pdf", &pdf("两次"));
    let first = f.open(seq);
    let second = f.open(seq);
    assert_ne!(first, second);
    assert_eq!(name_of(&first), name_of(&second));
    assert!(first.is_file() && second.is_file(), "the first copy (maybe still open in a viewer) stays");
    assert_eq!(std::fs::read(&first).expect("first"), std::fs::read(&second).expect("second"));
}

#[test]
fn unsafe_and_reserved_names_are_made_safe_for_windows() {
    let mut f = Fixture::new();
    let seq = f.attach("CON.pdf", &pdf("设备名"));
    assert_eq!(name_of(&f.open(seq)), "_CON.pdf");
    let seq = f.attach("证书:2024/第1页?.pdf", &pdf("符号"));
    assert_eq!(name_of(&f.open(seq)), "证书_2024_第1页_.pdf");
    assert_eq!(viewing_name("lpt1.tar.pdf", Some(FileType::Pdf)), "_lpt1.tar.pdf");
    assert_eq!(viewing_name("aux", Some(FileType::Pdf)), "_aux.pdf");
    assert_eq!(viewing_name("COM10.pdf", Some(FileType::Pdf)), "COM10.pdf");
    assert_eq!(viewing_name("报告. . ", Some(FileType::Pdf)), "报告.pdf");
    assert_eq!(viewing_name("a\tb\u{7}.png", Some(FileType::Png)), "a_b_.png");
    assert_eq!(viewing_name(".pdf", Some(FileType::Pdf)), "证明材料.pdf");
    assert_eq!(viewing_name("", None), "证明材料");
    let long = format!("{}.pdf", "很长的名字".repeat(40));
    let short = viewing_name(&long, Some(FileType::Pdf));
    assert!(short.len() <= 150 && short.ends_with(".pdf") && short.starts_with("很长的名字"), "{short}");
}

#[test]
fn a_name_without_the_extension_of_its_content_gets_one_so_it_is_never_run() {
    let mut f = Fixture::new();
    let seq = f.attach("扫描件", &pdf("无扩展名"));
    assert_eq!(name_of(&f.open(seq)), "扫描件.pdf");
    // Attaching a file named as a program is refused now; one stored by an earlier version still
    // opens as what its content is.
    assert_eq!(viewing_name("证书.pdf.exe", Some(FileType::Pdf)), "证书.pdf.exe.pdf");
    assert_eq!(viewing_name("照片.JPEG", Some(FileType::Jpeg)), "照片.JPEG");
    assert_eq!(viewing_name("照片.png", Some(FileType::Jpeg)), "照片.png.jpg");
}

#[test]
fn a_vault_file_whose_content_changed_is_not_opened() {
    let mut f = Fixture::new();
    let seq = f.attach("证书.pdf", &pdf("改动"));
    let e = f.store.all_evidence().expect("evidence").into_iter().find(|e| e.seq == seq).expect("entry");
    let blob = f.store.blob_path(e.sha256.as_deref().expect("stored")).expect("a path");
    let mut perms = std::fs::metadata(&blob).expect("blob").permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    std::fs::set_permissions(&blob, perms).expect("writable");
    std::fs::write(&blob, b"%PDF-1.4 tampered").expect("tampered");
    let err = f.store.evidence_copy_for_viewing(seq, &viewing_dir(&f.temp())).expect_err("refused");
    assert!(err.to_string().contains("与添加时不同"), "{err}");
}

#[test]
fn an_unknown_evidence_number_is_refused() {
    let f = Fixture::new();
    let err = f.store.evidence_copy_for_viewing(999, &viewing_dir(&f.temp())).expect_err("refused");
    assert!(matches!(err, StoreError::NoSuchEvidence(999)), "{err}");
}

#[test]
fn the_next_start_sweeps_earlier_runs_copies_but_not_its_own_or_other_files() {
    let mut f = Fixture::new();
    let temp = f.temp();
    let seq = f.attach("证书.pdf", &pdf("清理"));
    let own = f.open(seq);
    let earlier = temp.join(format!("{VIEWING_PREFIX}1"));
    let earlier_copy = f.store.evidence_copy_for_viewing(seq, &earlier).expect("an earlier run's copy");
    assert!(std::fs::metadata(&earlier_copy).expect("copy").permissions().readonly());
    let unrelated = temp.join("someone-else.txt");
    std::fs::write(&unrelated, b"keep").expect("unrelated file");
    let removed = sweep_viewing_copies(&temp);
    assert_eq!(removed, vec![earlier.clone()]);
    assert!(!earlier.exists(), "read-only copies are removed too");
    assert!(own.is_file(), "this run's copies stay");
    assert!(unrelated.is_file());
}
