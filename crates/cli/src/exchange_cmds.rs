//! `xueshi export` and `xueshi import`: the portable ledger with its evidence files (a folder or a
//! .zip), and records from a spreadsheet (XLSX, XLS, ODS, CSV).

use std::path::{Path, PathBuf};

use clap::Subcommand;
use xueshi_handbook::{Handbook, HandbookError};
use xueshi_store::StoreError;

use crate::CliError;
use crate::store_cmds::{data_dir, open_dir};

#[derive(Subcommand)]
#[allow(
    clippy::large_enum_variant,
    reason = "parsed once per run; on Windows, where paths are larger, the package options pass clippy's limit"
)]
pub enum ExchangeCommand {
    /// 导出全部数据（到文件夹或 .zip），或用 --apply-year --level --out 导出申报材料包
    ///
    /// 不带 --apply-year/--level/--out 时：把全部记录（xueshi-ledger JSON）、证明材料文件、参评计划、
    /// 年度验证、设置和自定义规则文件导出到一个新的文件夹或 .zip 文件（换电脑时在新电脑上导入）。带上它们时：导出申报材料包（学时汇总表 PDF 和 Excel、按年度和类别整理的证明材料、
    /// 清单 manifest.json）。
    Export {
        /// 目标：新的（或空的）文件夹，或以 .zip 结尾的文件
        dest: Option<PathBuf>,
        #[command(flatten)]
        package: crate::export_cmds::PackageArgs,
    },
    /// 导入：xueshi-ledger 记录（文件夹、.json 或 .zip，连同证明材料文件），或表格（.xlsx .xls .ods .csv）
    Import {
        file: PathBuf,
        /// 表格中有错误的行时，跳过这些行、导入其余的行（默认：有错误就不导入）
        #[arg(long)]
        skip_bad_rows: bool,
        /// 单个证明材料文件的大小上限，单位 MiB（默认 200）
        #[arg(long, value_name = "MIB", value_parser = clap::value_parser!(u64).range(1..=1_048_576))]
        max_size_mib: Option<u64>,
    },
}

pub fn run(command: ExchangeCommand, explicit: Option<&Path>) -> Result<String, CliError> {
    match command {
        ExchangeCommand::Export { dest, package } => {
            if package.requested() {
                return crate::export_cmds::export(&package, explicit);
            }
            let dest = dest.ok_or_else(|| CliError::Input("请指定导出位置（文件夹或 .zip 文件）".into()))?;
            let handbook = crate::store_cmds::open_handbook(explicit, None)?;
            let done = handbook.export_all(&dest)?;
            Ok(format!("{}\n位置：{}\n", done.summary(), dest.display()))
        }
        ExchangeCommand::Import { file, skip_bad_rows, max_size_mib } => {
            // Importing is a way to start: an empty data folder is created.
            let dir = data_dir(explicit)?;
            let mut handbook = Handbook::with_store(open_dir(&dir, max_size_mib)?, dir)?;
            match handbook.import_file(&file, skip_bad_rows) {
                Ok(done) => Ok(format!("{}\n", done.summary())),
                Err(HandbookError::Store(StoreError::BadRows(bad))) => Err(CliError::Input(format!(
                    "{bad}（改正后重新导入，或加 --skip-bad-rows 只导入正确的行）：\n{}",
                    bad.problems()
                ))),
                Err(e) => Err(e.into()),
            }
        }
    }
}
