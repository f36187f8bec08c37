//! Which evidence files go into a package and under which names: every entry with content is
//! opened once before the copy, its first bytes decide its type and so its extension (see
//! `filetype`), and its size feeds the progress bar. Entries known by name only are listed as not
//! included. Used by the export and by the verification against a data folder.

use std::io::Read;

use xueshi_core::Evidence;

use crate::PackageInput;
use crate::error::ExportError;
use crate::filetype::{HEAD_LEN, sniff};
use crate::layout::{PlannedFile, plan_layout_typed};
use crate::manifest::NotIncluded;
use crate::source::EvidenceSource;

/// The planned evidence of a package.
pub(crate) struct EvidencePlan {
    /// The files with content, each with its size.
    pub files: Vec<(PlannedFile, u64)>,
    pub not_included: Vec<NotIncluded>,
}

/// The first [`HEAD_LEN`] bytes of `reader` (fewer for a shorter file).
pub(crate) fn read_head(reader: &mut dyn Read) -> std::io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(HEAD_LEN);
    reader.take(HEAD_LEN as u64).read_to_end(&mut head)?;
    Ok(head)
}

/// The extension a file is packaged under, from its first bytes; a program, script or unknown
/// content is an error naming the record.
pub(crate) fn detect(activity: &str, evidence: &Evidence, head: &[u8]) -> Result<&'static str, ExportError> {
    sniff(head, &evidence.file).map_err(|refusal| ExportError::EvidenceType {
        activity: activity.to_owned(),
        file: evidence.file.clone(),
        reason: refusal.reason(),
    })
}

/// The evidence files of the package, each named by the type its first bytes show, with its
/// size; and the entries known by name only. Opens every file once, reading only its start.
pub(crate) fn plan_evidence(
    input: &PackageInput<'_>,
    evidence: &dyn EvidenceSource,
) -> Result<EvidencePlan, ExportError> {
    let mut sizes = Vec::new();
    let planned = plan_layout_typed(input.ledger, input.assessment, |activity, e| {
        if !evidence.has_content(activity, e) {
            sizes.push(None);
            return Ok::<_, ExportError>(None);
        }
        let fail =
            |source| ExportError::EvidenceUnreadable { activity: activity.to_owned(), file: e.file.clone(), source };
        let mut opened = evidence.open(activity, e).map_err(fail)?;
        let head = read_head(&mut opened.reader).map_err(fail)?;
        let ext = detect(activity, e, &head)?;
        sizes.push(Some(opened.size.unwrap_or(0)));
        Ok(Some(ext))
    })?;
    let mut files = Vec::with_capacity(planned.len());
    let mut not_included = Vec::new();
    for (p, size) in planned.into_iter().zip(sizes) {
        match size {
            Some(size) => files.push((p, size)),
            None => not_included.push(NotIncluded {
                activity: p.activity,
                material: p.evidence.material,
                original_name: p.evidence.file,
            }),
        }
    }
    Ok(EvidencePlan { files, not_included })
}
