//! `xueshi export --apply-year Y --level L --evidence-book FILE.pdf`: 证明材料汇编 alone (the
//! package holds one too); `export` makes it after the package and summary when those are asked too.

use std::path::Path;

use xueshi_handbook::PackageChoices;

use crate::CliError;
use crate::export_cmds::{PackageArgs, job};

/// Writes the evidence book to `book` (its name checked by `export`).
pub fn export_book(args: &PackageArgs, book: &Path, explicit: Option<&Path>) -> Result<String, CliError> {
    let job = job(args, explicit)?;
    let choices = PackageChoices { mask_id: args.mask_id, font_path: args.font.clone(), ..PackageChoices::default() };
    let made = job.run_evidence_book(book, &choices)?;
    let mut text = format!("已生成证明材料汇编 {}（{} 页）\n", book.display(), made.pages);
    if !made.problems.is_empty() {
        text.push_str(&format!(
            "注意：以下 {} 份材料无法排入汇编，汇编中在它们的位置各有一页说明：\n",
            made.problems.len()
        ));
        for p in &made.problems {
            text.push_str(&format!("  {p}\n"));
        }
    }
    Ok(text)
}
