//! verify-package against ZIPs forged at the byte level, composed here by hand: a name listed
//! twice (the forged first copy is what `unzip` extracts), a member that has a local header but
//! no central directory entry, absolute and drive-prefixed names, and a package of 60,000
//! members (each one checked and reported). These are flagged without any data folder.

use crate::common::{Fixture, zip_member, zip_names};
use xueshi_export::{Difference, MANIFEST_NAME, verify_package};

const EVIDENCE: &str = "2022年/专业科目/2022-09-15 论文 高中数学建模活动的设计与实施/目录.jpg";

/// One member of a hand-made (stored, uncompressed) ZIP.
struct Member {
    name: String,
    data: Vec<u8>,
    /// Whether the central directory lists it (a local header is always written).
    listed: bool,
}

impl Member {
    fn new(name: &str, data: &[u8]) -> Member {
        Member { name: name.to_owned(), data: data.to_vec(), listed: true }
    }
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

fn u16le(out: &mut Vec<u8>, v: usize) {
    out.extend_from_slice(&u16::try_from(v).expect("u16").to_le_bytes());
}

fn u32le(out: &mut Vec<u8>, v: usize) {
    out.extend_from_slice(&u32::try_from(v).expect("u32").to_le_bytes());
}

/// A ZIP of `members` in order, with a central directory of the listed ones.
fn compose(members: &[Member]) -> Vec<u8> {
    compose_with(members, false)
}

/// [`compose`], with a ZIP64 end record (and its locator) before the end record when `zip64`.
fn compose_with(members: &[Member], zip64: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    let mut listed = 0;
    for m in members {
        let offset = out.len();
        let crc = usize::try_from(crc32(&m.data)).expect("crc");
        out.extend_from_slice(b"PK\x03\x04");
        u16le(&mut out, 20);
        u16le(&mut out, 0x0800);
        u16le(&mut out, 0);
        u16le(&mut out, 0);
        u16le(&mut out, 0x21);
        u32le(&mut out, crc);
        u32le(&mut out, m.data.len());
        u32le(&mut out, m.data.len());
        u16le(&mut out, m.name.len());
        u16le(&mut out, 0);
        out.extend_from_slice(m.name.as_bytes());
        out.extend_from_slice(&m.data);
        if !m.listed {
            continue;
        }
        listed += 1;
        central.extend_from_slice(b"PK\x01\x02");
        u16le(&mut central, 20);
        u16le(&mut central, 20);
        u16le(&mut central, 0x0800);
        u16le(&mut central, 0);
        u16le(&mut central, 0);
        u16le(&mut central, 0x21);
        u32le(&mut central, crc);
        u32le(&mut central, m.data.len());
        u32le(&mut central, m.data.len());
        u16le(&mut central, m.name.len());
        u16le(&mut central, 0);
        u16le(&mut central, 0);
        u16le(&mut central, 0);
        u16le(&mut central, 0);
        u32le(&mut central, 0);
        u32le(&mut central, offset);
        central.extend_from_slice(m.name.as_bytes());
    }
    let start = out.len();
    out.extend_from_slice(&central);
    if zip64 {
        let record = out.len();
        out.extend_from_slice(b"PK\x06\x06");
        out.extend_from_slice(&44u64.to_le_bytes());
        u16le(&mut out, 45);
        u16le(&mut out, 45);
        u32le(&mut out, 0);
        u32le(&mut out, 0);
        for v in [listed, listed, central.len(), start] {
            out.extend_from_slice(&(v as u64).to_le_bytes());
        }
        out.extend_from_slice(b"PK\x06\x07");
        u32le(&mut out, 0);
        out.extend_from_slice(&(record as u64).to_le_bytes());
        u32le(&mut out, 1);
    }
    out.extend_from_slice(b"PK\x05\x06");
    u16le(&mut out, 0);
    u16le(&mut out, 0);
    u16le(&mut out, listed);
    u16le(&mut out, listed);
    u32le(&mut out, central.len());
    u32le(&mut out, start);
    u16le(&mut out, 0);
    out
}

/// The members of a freshly exported package, in order.
fn genuine(f: &Fixture) -> Vec<Member> {
    f.export(&f.out()).expect("export");
    zip_names(&f.out()).iter().map(|n| Member::new(n, &zip_member(&f.out(), n))).collect()
}

fn verify_composed(f: &Fixture, members: &[Member]) -> Vec<Difference> {
    let path = f.dir.path().join("改过的材料包.zip");
    std::fs::write(&path, compose(members)).expect("write");
    verify_package(&path, None).differences
}

#[test]
fn a_package_composed_from_the_genuine_members_passes() {
    let f = Fixture::demo();
    let members = genuine(&f);
    assert_eq!(verify_composed(&f, &members), vec![]);
}

#[test]
fn a_package_with_a_zip64_end_record_passes() {
    let f = Fixture::demo();
    let members = genuine(&f);
    let path = f.dir.path().join("zip64.zip");
    std::fs::write(&path, compose_with(&members, true)).expect("write");
    let report = verify_package(&path, None);
    assert!(report.is_ok(), "{:#?}", report.differences);
}

#[test]
fn a_name_listed_twice_is_reported_even_when_the_last_copy_matches_the_manifest() {
    let f = Fixture::demo();
    let mut members = genuine(&f);
    members.insert(0, Member::new(EVIDENCE, b"\xFF\xD8\xFF\xE0 forged"));
    let differences = verify_composed(&f, &members);
    assert!(
        differences.iter().any(|d| matches!(d, Difference::Duplicate { path } if path == EVIDENCE)),
        "{differences:#?}"
    );
    assert!(differences.iter().any(|d| d.to_string().contains("重复")), "{differences:#?}");
}

#[test]
fn names_that_differ_only_in_case_are_reported_as_duplicates() {
    let f = Fixture::demo();
    let mut members = genuine(&f);
    let upper = EVIDENCE.replace(".jpg", ".JPG");
    members.insert(0, Member::new(&upper, b"\xFF\xD8\xFF\xE0 forged"));
    let differences = verify_composed(&f, &members);
    assert!(
        differences.iter().any(|d| matches!(d, Difference::Duplicate { path } if path == EVIDENCE || *path == upper)),
        "{differences:#?}"
    );
}

#[test]
fn a_manifest_without_the_summaries_is_reported() {
    let f = Fixture::demo();
    let mut members = genuine(&f);
    let at = members.iter().position(|m| m.name == MANIFEST_NAME).expect("manifest");
    let mut manifest: serde_json::Value = serde_json::from_slice(&members[at].data).expect("json");
    manifest["files"].as_array_mut().expect("files").retain(|e| e["role"] != "summary");
    members[at].data = serde_json::to_vec(&manifest).expect("json");
    members.retain(|m| !m.name.starts_with("学时汇总表"));
    let differences = verify_composed(&f, &members);
    assert!(
        differences.iter().any(|d| matches!(d, Difference::Missing { path } if path == xueshi_export::PDF_NAME)),
        "{differences:#?}"
    );
}

#[test]
fn a_member_missing_from_the_central_directory_is_reported() {
    let f = Fixture::demo();
    let mut members = genuine(&f);
    let mut hidden = Member::new("2023年/补充材料.pdf", b"%PDF-1.7 hidden");
    hidden.listed = false;
    members.insert(1, hidden);
    let differences = verify_composed(&f, &members);
    assert!(
        differences.iter().any(|d| matches!(d, Difference::Hidden { path, .. } if path == "2023年/补充材料.pdf")),
        "{differences:#?}"
    );
}

#[test]
fn absolute_and_drive_prefixed_names_are_reported() {
    for name in [
        "/etc/证明.pdf",
        "\\证明.pdf",
        "C:证明.pdf",
        "c:/证明.pdf",
        "2023年/../../证明.pdf",
        "2023年\\证明.pdf",
        "证明.pdf:隐藏",
    ] {
        let f = Fixture::demo();
        let mut members = genuine(&f);
        members.push(Member::new(name, b"%PDF-1.7"));
        let differences = verify_composed(&f, &members);
        assert!(
            differences.iter().any(|d| matches!(d, Difference::UnsafePath { path } if path == name)),
            "{name}: {differences:#?}"
        );
    }
}

#[test]
fn bytes_between_members_are_reported() {
    let f = Fixture::demo();
    let members = genuine(&f);
    let mut bytes = compose(&members);
    // Shift everything after the first member by inserting junk, fixing no offsets: the
    // second member's header is no longer where the directory says.
    let first_end = 30 + members[0].name.len() + members[0].data.len();
    bytes.splice(first_end..first_end, b"junk".iter().copied());
    let path = f.dir.path().join("夹带.zip");
    std::fs::write(&path, &bytes).expect("write");
    let report = verify_package(&path, None);
    assert!(!report.is_ok(), "{:#?}", report.differences);
}

#[test]
fn sixty_thousand_members_are_each_checked_and_each_change_reported() {
    let f = Fixture::demo();
    let mut members = genuine(&f);
    let manifest_at = members.iter().position(|m| m.name == MANIFEST_NAME).expect("manifest");
    let mut manifest: serde_json::Value = serde_json::from_slice(&members[manifest_at].data).expect("json");
    let files = manifest["files"].as_array_mut().expect("files");
    let content = b"%PDF-1.7 x";
    let sha = "e2a2a3d9ba3c6c5a2f8d5b5c4f2a8e0b6c8ad4b8d0cd38d1c8e0dba4f49d3c0f";
    let mut extra = Vec::new();
    for i in 0..60_000 {
        let name = format!("2023年/批量/{i:05}.pdf");
        files.push(serde_json::json!({"path": name, "size": content.len(), "sha256": sha, "role": "evidence"}));
        extra.push(Member::new(&name, content));
    }
    members[manifest_at].data = serde_json::to_vec(&manifest).expect("json");
    members.extend(extra);
    let path = f.dir.path().join("大材料包.zip");
    std::fs::write(&path, compose(&members)).expect("write");
    // How long this takes is for a benchmark to say, not a test (the machine's load decides it).
    let report = verify_package(&path, None);
    // The hash above is not the content's: every member is reported as changed, one by one.
    let changed = report.differences.iter().filter(|d| matches!(d, Difference::Changed { .. })).count();
    assert_eq!(changed, 60_000);
}
