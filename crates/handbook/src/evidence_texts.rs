//! The text of the evidence files the 预审 reads: the PDFs (by their content, not their name) of
//! the records credited in the checked years, read from the vault with xueshi-reading and kept per
//! content for the session, since the dashboard asks for the 预审 after every save. A file over
//! [`MAX_BYTES`], missing, unreadable or without a text layer gives no text and is not asked again.

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::Read;
use std::path::Path;

use xueshi_core::review::EvidenceText;
use xueshi_store::vault::{blob_path, is_sha256};

use crate::Assessed;

/// The largest evidence file read: the reading crate's own limit.
pub(crate) const MAX_BYTES: u64 = xueshi_reading::MAX_BYTES as u64;

/// The texts read so far, by the SHA-256 of the file's content (`None`: nothing to read in it).
#[derive(Default)]
pub(crate) struct TextCache {
    by_content: HashMap<String, Option<String>>,
}

impl TextCache {
    /// The texts of the evidence of the records `assessed` credits in the checked years, reading
    /// from `vault` what was not read before.
    pub(crate) fn texts(&mut self, assessed: &Assessed<'_>, vault: &Path) -> Vec<EvidenceText> {
        let under_review: HashSet<&str> =
            assessed.assessment.credits.iter().filter(|c| c.in_window).map(|c| &*c.activity).collect();
        let mut texts = Vec::new();
        for activity in assessed.ledger.activities.iter().filter(|a| under_review.contains(a.id.as_str())) {
            for evidence in &activity.evidence {
                let Some(sha) = evidence.sha256.as_deref().filter(|s| is_sha256(s)) else { continue };
                let text = self.by_content.entry(sha.to_owned()).or_insert_with(|| read_text(&blob_path(vault, sha)));
                if let Some(text) = text {
                    texts.push(EvidenceText {
                        activity: activity.id.clone(),
                        file: evidence.file.clone(),
                        text: text.clone(),
                    });
                }
            }
        }
        texts
    }
}

/// The text of the PDF at `path`; `None` for anything else, a file over [`MAX_BYTES`], or one
/// that cannot be read.
fn read_text(path: &Path) -> Option<String> {
    let mut file = File::open(path).ok()?;
    if file.metadata().ok()?.len() > MAX_BYTES {
        return None;
    }
    let mut head = [0u8; 1024];
    let got = read_up_to(&mut file, &mut head)?;
    if !xueshi_reading::is_pdf(&head[..got]) {
        return None;
    }
    let mut bytes = head[..got].to_vec();
    file.take(MAX_BYTES).read_to_end(&mut bytes).ok()?;
    xueshi_reading::pdf_text(&bytes).ok().flatten()
}

/// Fills as much of `buf` as the file has; the number of bytes read.
fn read_up_to(file: &mut File, buf: &mut [u8]) -> Option<usize> {
    let mut got = 0;
    while got < buf.len() {
        match file.read(&mut buf[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return None,
        }
    }
    Some(got)
}
