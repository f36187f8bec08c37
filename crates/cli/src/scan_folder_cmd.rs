//! `xueshi scan FOLDER [--json]`: the review list of a folder of certificates (从文件夹读取证书) —
//! for each file what it suggests, or why it cannot and is to be filled in by hand, and what it
//! may duplicate (a record holding the same file or noting the same certificate number, another
//! file of the folder). `--json` prints an array of `{"name", "fields", "sure", "reason", "notes",
//! "duplicates"}`, one per file, sorted by name. Nothing is saved. On a terminal, how far the
//! reading has got is shown on standard error while the files are read.

use std::io::{IsTerminal, Write};
use std::path::Path;

use serde_json::{Value, json};
use xueshi_handbook::Handbook;
use xueshi_handbook::dto::ActivityFields;
use xueshi_handbook::scan_folder::{FolderProgress, ScannedFile, read_folder};

use crate::CliError;

pub fn run(handbook: &Handbook, dir: &Path, as_json: bool) -> Result<String, CliError> {
    let terminal = std::io::stderr().is_terminal();
    let read = read_folder(&handbook.certificate_reader(), dir, &mut |p| {
        if terminal {
            show_progress(p);
        }
    })?;
    let scan = handbook.review_folder(read)?;
    if as_json {
        let files: Vec<Value> = scan.files.iter().map(json_of).collect();
        return Ok(format!("{}\n", Value::Array(files)));
    }
    let mut out = format!(
        "文件夹“{}”中有 {} 份证书文件。以下是读出的建议，保存前请逐份核对（xueshi add 新增记录，xueshi attach 附上证书）：\n",
        scan.folder,
        scan.files.len()
    );
    for (i, file) in scan.files.iter().enumerate() {
        out.push_str(&format!("\n{}. {}\n", i + 1, file.name));
        match (file.suggested(), &file.reason) {
            (Some(fields), _) => {
                let sure = file.sure.map_or(String::new(), |s| format!("（把握 {:.0}%）", s * 100.0));
                out.push_str(&format!("   建议：{}{sure}\n", suggestion(fields)));
            }
            (None, reason) => {
                out.push_str(&format!("   需手动填写：{}\n", reason.as_deref().unwrap_or("没有读出内容")));
            }
        }
        for note in file.form.iter().flat_map(|f| &f.notes) {
            out.push_str(&format!("   请注意：{note}\n"));
        }
        for duplicate in &file.duplicates {
            let record = duplicate.record.as_ref().map_or(String::new(), |id| format!("（记录 {id}）"));
            out.push_str(&format!("   可能重复：{}{record}\n", duplicate.message));
        }
    }
    Ok(out)
}

/// A suggestion in one line: 培训班/研修班/进修班《名称》，开始至结束，学时，颁发单位，备注.
fn suggestion(fields: &ActivityFields) -> String {
    let mut parts = Vec::new();
    let kind = fields.kind.map_or("（形式未读出）", |k| k.label());
    parts.push(format!("{kind}《{}》", fields.title));
    match &fields.end_date {
        Some(end) if *end != fields.date => parts.push(format!("{} 至 {end}", fields.date)),
        _ => parts.push(fields.date.clone()),
    }
    if let Some(hours) = fields.hours {
        parts.push(format!("{hours} 学时"));
    }
    parts.extend(fields.provider.clone());
    parts.extend(fields.note.clone());
    parts.join("，")
}

fn json_of(file: &ScannedFile) -> Value {
    json!({
        "name": file.name,
        "fields": file.form.as_ref().map(|f| &f.fields),
        "sure": file.sure,
        "reason": file.reason,
        "notes": file.form.as_ref().map_or(&[][..], |f| &f.notes[..]),
        "duplicates": file.duplicates,
    })
}

/// `正在读取 3/40：证书/结业证书.jpg`, one line per file (the Windows console does not take the
/// escapes that would rewrite one line).
fn show_progress(p: &FolderProgress) {
    if p.done < p.total {
        let mut err = std::io::stderr();
        let _ = writeln!(err, "正在读取 {}/{}：{}", p.done + 1, p.total, p.name);
        let _ = err.flush();
    }
}
