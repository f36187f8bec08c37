//! Exports the demo ledger (demo/ledger.json, with generated evidence files) to a package and
//! also writes its PDF beside it, to look at: `cargo run -p xueshi-export --example demo_package -- OUT_DIR`.

use std::io::Read;
use std::ops::ControlFlow;
use std::path::PathBuf;

#[path = "../tests/export/common/mod.rs"]
mod common;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out_dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "target/demo-package".into()));
    std::fs::create_dir_all(&out_dir)?;
    let mut fixture = common::Fixture::demo();
    fixture.options.mask_id = std::env::args().any(|a| a == "--mask-id");
    let out = out_dir.join("学时材料包.zip");
    let report = fixture.export_with(&out, &mut |p| {
        eprintln!("{:?} {}/{} {}", p.stage, p.files_done, p.files_total, p.current.unwrap_or_default());
        ControlFlow::Continue(())
    })?;
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&out)?)?;
    let mut pdf = Vec::new();
    archive.by_name(xueshi_export::PDF_NAME)?.read_to_end(&mut pdf)?;
    std::fs::write(out_dir.join(xueshi_export::PDF_NAME), &pdf)?;
    println!(
        "{} ({} bytes, {} PDF pages, fonts: {})",
        out.display(),
        report.size,
        report.pdf_pages,
        report.fonts.join("; ")
    );
    for f in &report.files {
        println!("{:>8}  {}", f.size, f.path);
    }
    Ok(())
}
