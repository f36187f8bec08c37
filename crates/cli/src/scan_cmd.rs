//! `xueshi scan FILE [--json]`: the record a certificate suggests (读取证书) — each field with how
//! sure the reading is and the line it came from, and each QR code with what its link is (a
//! national base's platform listed by the rule set in force, or another site); `--json` prints
//! `{"fields": {...}, "sure": {...}, "lines": {...}, "qr": [{"text", "host", "platform"}], "text":
//! "..."}` with plain values in `fields` (dates as YYYY-MM-DD, hours as a number, absent fields
//! left out); a QR code's `host` is `null` when its text is no http or https link, its `platform`
//! (`{"base", "host", "set", "notice"}`) `null` unless the host is (or is under) a listed platform.
//! Photos and scans are read by the OCR helper installed beside `xueshi`. Nothing is saved. Given a
//! folder, the review list of its certificates (`scan_folder_cmd`).

use std::path::{Path, PathBuf};

use serde_json::{Map, Value, json};
use xueshi_handbook::scan::Scan;

use crate::CliError;
use crate::store_cmds::open_handbook;

#[derive(clap::Args)]
pub struct ScanArgs {
    /// 证书文件：PDF（平台下载的电子证书或扫描件）、照片（JPEG、PNG、WebP）；或放证书的文件夹：逐份列出建议和可能的重复
    file: PathBuf,
    /// 以 JSON 输出（fields 为各项的值，sure 为把握 0–1，lines 为所在行号）
    #[arg(long)]
    json: bool,
}

/// The fields in the order shown, with their Chinese names.
const FIELDS: [(&str, &str); 10] = [
    ("kind", "类别"),
    ("title", "名称"),
    ("provider", "颁发单位"),
    ("date", "开始日期"),
    ("end_date", "结束日期"),
    ("hours", "学时"),
    ("credits", "学分"),
    ("certificate_number", "证书编号"),
    ("name", "姓名"),
    ("id_number", "身份证号"),
];

pub fn run(args: &ScanArgs, data_dir: Option<&Path>) -> Result<String, CliError> {
    let handbook = open_handbook(data_dir, None)?;
    if args.file.is_dir() {
        return crate::scan_folder_cmd::run(&handbook, &args.file, args.json);
    }
    let scan = handbook.scan_certificate(&args.file)?;
    let suggested =
        serde_json::to_value(&scan.fields).map_err(|e| CliError::Input(format!("读取结果无法输出：{e}")))?;
    let suggested = suggested.as_object().cloned().unwrap_or_default();
    if args.json {
        return Ok(format!("{}\n", json_of(&scan, &suggested)));
    }
    Ok(text_of(&scan, &suggested, &args.file))
}

fn json_of(scan: &Scan, suggested: &Map<String, Value>) -> Value {
    let pick = |key: &str| -> Map<String, Value> {
        suggested.iter().filter_map(|(field, s)| Some((field.clone(), s.get(key)?.clone()))).collect()
    };
    let qr: Vec<Value> = scan
        .qr
        .iter()
        .map(|q| {
            let host = q.link.as_ref().map(|l| l.host.as_str());
            let platform = q.link.as_ref().and_then(|l| l.platform.as_ref());
            json!({"text": q.text, "host": host, "platform": platform})
        })
        .collect();
    json!({"fields": pick("value"), "sure": pick("confidence"), "lines": pick("line"), "qr": qr, "text": scan.text()})
}

fn text_of(scan: &Scan, suggested: &Map<String, Value>, file: &Path) -> String {
    let name = xueshi_store::words::name(file);
    if suggested.is_empty() {
        return format!("{name}中没有找到可以填入记录的内容。读到的文字：\n{}\n{}", scan.text(), qr_codes(scan));
    }
    let read = if scan.recognised { "从照片或扫描件中识别，可能认错个别字，" } else { "" };
    let mut out = format!("{name}建议填写（{read}保存前请核对）：\n");
    for (field, label) in FIELDS {
        let Some(s) = suggested.get(field) else { continue };
        let value = match (field, s.get("value")) {
            ("kind", Some(Value::String(code))) => {
                xueshi_core::kinds::ActivityKind::from_code(code).map_or_else(|| code.clone(), |k| k.label().to_owned())
            }
            (_, Some(Value::String(text))) => text.clone(),
            // 16, not JSON's 16.0 (1.5 stays 1.5).
            (_, Some(Value::Number(n))) => n.as_f64().map_or_else(|| n.to_string(), |f| f.to_string()),
            (_, Some(v)) => v.to_string(),
            (_, None) => continue,
        };
        let sure = s.get("confidence").and_then(Value::as_f64).unwrap_or(0.0);
        let line = s.get("line").and_then(Value::as_u64).map_or(0, |l| l + 1);
        let own = match s.get("matches_profile").and_then(Value::as_bool) {
            Some(true) => "（与个人信息一致）",
            Some(false) => "（与个人信息不一致）",
            None => "",
        };
        out.push_str(&format!("  {label}：{value}{own}（把握 {:.0}%，第 {line} 行）\n", sure * 100.0));
    }
    out.push_str(&qr_codes(scan));
    out
}

/// Each QR code's text and, for a link, what it points to (a listed national base's platform or
/// another site).
fn qr_codes(scan: &Scan) -> String {
    let mut out = String::new();
    for qr in &scan.qr {
        out.push_str(&format!("  二维码：{}\n", qr.text));
        if let Some(link) = &qr.link {
            out.push_str(&format!("    {}\n", xueshi_handbook::qr::note(link)));
        }
    }
    out
}
