//! `xueshi-ocr FILE [--page N] [--models DIR]`: prints what was read as one JSON object on
//! stdout; on failure, one line in Chinese on stderr and exit code 2.

use std::path::PathBuf;
use std::process::ExitCode;

use xueshi_ocr::reader::models_dir;
use xueshi_ocr::{OcrError, PpOcrReader, load_pages, read_pages};

struct Args {
    file: PathBuf,
    page: Option<usize>,
    models: Option<PathBuf>,
}

fn parse_args(mut args: impl Iterator<Item = std::ffi::OsString>) -> Result<Args, OcrError> {
    let (mut file, mut page, mut models) = (None, None, None);
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("--page") => {
                let value = args.next().ok_or_else(|| OcrError::Usage("--page 后面缺少页码".into()))?;
                let n = value.to_str().and_then(|v| v.parse::<usize>().ok()).filter(|&n| n >= 1);
                page = Some(n.ok_or_else(|| OcrError::Usage("页码应为从 1 开始的整数".into()))?);
            }
            Some("--models") => {
                let value = args.next().ok_or_else(|| OcrError::Usage("--models 后面缺少文件夹".into()))?;
                models = Some(PathBuf::from(value));
            }
            Some(flag) if flag.starts_with("--") => return Err(OcrError::Usage(format!("不认识的选项 {flag}"))),
            _ if file.is_none() => file = Some(PathBuf::from(arg)),
            _ => return Err(OcrError::Usage("只能给出一个文件".into())),
        }
    }
    let file = file.ok_or_else(|| OcrError::Usage("缺少要识别的文件".into()))?;
    Ok(Args { file, page, models })
}

fn run() -> Result<String, OcrError> {
    let args = parse_args(std::env::args_os().skip(1))?;
    // The file first: one that cannot be read is told without loading the models.
    let (pages, count) = load_pages(&args.file, args.page)?;
    let reader = PpOcrReader::load(&models_dir(args.models))?;
    let document = read_pages(&reader, &pages, count)?;
    serde_json::to_string(&document).map_err(|e| OcrError::Recognition(e.to_string()))
}

fn main() -> ExitCode {
    match run() {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{}", error.to_string().replace('\n', " "));
            ExitCode::from(2)
        }
    }
}
