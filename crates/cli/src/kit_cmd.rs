//! `xueshi export --apply-year Y --level L --upload-kit DIR [--upload-limit-mb N]`: the per-year
//! upload kit for the 网上核认系统 (a folder per year, 上传清单.pdf), in a new or empty folder.

use std::path::Path;

use xueshi_export::megabytes;
use xueshi_handbook::{PackageChoices, Settings};

use crate::CliError;
use crate::export_cmds::{PackageArgs, job};

/// Writes the upload kit into `dir` and says what each year holds.
pub fn export_kit(args: &PackageArgs, dir: &Path, explicit: Option<&Path>) -> Result<String, CliError> {
    let limit_mb = args.upload_limit_mb.unwrap_or(Settings::default().upload_limit_mb);
    xueshi_handbook::check_upload_limit(limit_mb)?;
    let job = job(args, explicit)?;
    let choices = PackageChoices { mask_id: args.mask_id, font_path: args.font.clone(), ..PackageChoices::default() };
    let kit = job.run_upload_kit(dir, limit_mb, &choices)?;
    let mut text = format!("已生成分年度上传材料 {}（每个文件不超过 {limit_mb} MB）\n", dir.display());
    for y in &kit.years {
        let what = if y.certificate { "（由以前年度学时认定单覆盖，上传认定单）" } else { "" };
        text.push_str(&format!("  {} 年{what}：\n", y.year));
        for f in &y.files {
            let over =
                if f.over_limit { "，其中一页本身超过大小限制，请另行压缩这份材料" } else { "" };
            text.push_str(&format!("    {}（{} 页，{}）{over}\n", f.name, f.pages, megabytes(f.size)));
        }
        if y.reduced {
            text.push_str("    为满足大小限制，照片已压缩（仍保持可辨认的清晰度）\n");
        }
    }
    text.push_str(&format!("  {}：各年度应上传的文件和应填写的记录\n", xueshi_export::KIT_CHECKLIST_NAME));
    if !kit.problems.is_empty() {
        text.push_str(&format!("注意：以下 {} 份材料无法排入，文件中在它们的位置各有一页说明：\n", kit.problems.len()));
        for p in &kit.problems {
            text.push_str(&format!("  {p}\n"));
        }
    }
    Ok(text)
}
