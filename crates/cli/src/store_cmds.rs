//! The commands on the data folder: records, evidence, profile, plans, yearly confirmations,
//! backups and checks. Each change is one transaction in the store.

use std::path::{Path, PathBuf};

use clap::Subcommand;
use xueshi_core::Application;
use xueshi_core::kinds::{ApplicationPath, Level};
use xueshi_handbook::Handbook;
use xueshi_store::{DataDir, Options, PlannedApplication, Store, StoreError, YearConfirmation};

use crate::activity_args::ActivityFlags;
use crate::{CliError, parse_level, parse_path};

mod assess;
mod lists;
mod profile;

pub use assess::{assess_stored, request};
pub use profile::ProfileArgs;

#[derive(Subcommand)]
pub enum StoreCommand {
    /// 创建数据文件夹（已存在时检查并显示它的位置）
    Init,
    /// 添加一条学时记录（字段与学时记录文件相同，逐项检查）
    Add(ActivityFlags),
    /// 修改一条记录
    Edit {
        /// 记录编号
        #[arg(value_name = "ID")]
        record: String,
        #[command(flatten)]
        fields: ActivityFlags,
        /// 清除一个可选字段（可重复），如 --unset note
        #[arg(long, value_name = "FIELD")]
        unset: Vec<String>,
    },
    /// 删除一条记录（其证明材料文件留在证据库中，直到 vacuum；修改日志保留删除的内容）
    Remove {
        #[arg(value_name = "ID")]
        record: String,
    },
    /// 列出记录
    List {
        /// 只列出这一年的记录
        #[arg(long, value_name = "Y")]
        year: Option<i32>,
        #[arg(long)]
        json: bool,
    },
    /// 把证明材料文件存入证据库并附到一条记录上
    Attach {
        /// 记录编号
        activity: String,
        /// 文件（PDF、JPEG、PNG、HEIC、WebP、OFD、DOC/DOCX、XLS/XLSX、WPS）
        file: PathBuf,
        /// 材料类别，如 结业证书、培训通知、培训签到表（取自规则集所列材料）
        #[arg(long, value_name = "M")]
        material: String,
        /// 单个文件的大小上限，单位 MiB（默认 200）
        #[arg(long, value_name = "MIB", value_parser = clap::value_parser!(u64).range(1..=1_048_576))]
        max_size_mib: Option<u64>,
    },
    /// 查看或修改个人信息（登记手册首页）
    Profile(ProfileArgs),
    /// 登记参评计划；不带选项时列出已登记的计划
    Plan {
        #[arg(long, value_name = "Y", value_parser = clap::value_parser!(i32).range(1990..=2100))]
        apply_year: Option<i32>,
        #[arg(long, value_name = "L", value_parser = parse_level)]
        level: Option<Level>,
        #[arg(long, value_name = "P", value_parser = parse_path)]
        path: Option<ApplicationPath>,
        /// 评估时使用的规则集 id（默认：参评年度适用的规则集）
        #[arg(long, value_name = "ID")]
        rules: Option<String>,
        /// 本单位通知规定的认定跨度，如 2023-2026（不填：按规则集所定或推定的跨度）
        #[arg(long, value_name = "FROM-TO")]
        window: Option<String>,
        /// 认定跨度的出处，如 本单位2026年职称评审通知（与 --window 一起填写）
        #[arg(long, value_name = "TEXT")]
        window_source: Option<String>,
        /// 删除这条计划
        #[arg(long)]
        remove: bool,
    },
    /// 记录单位对某年度登记手册的验证（确认）
    ConfirmYear {
        #[arg(value_parser = clap::value_parser!(i32).range(1950..=2100))]
        year: i32,
        /// 验证日期 YYYY-MM-DD
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        note: Option<String>,
        /// 记为“未验证”（撤销确认）
        #[arg(long)]
        not_confirmed: bool,
    },
    /// 立即备份数据库到 backups/
    Backup,
    /// 用备份文件替换数据库（先备份当前数据库）
    Restore { file: PathBuf },
    /// 检查数据库和证据库中每个文件
    Verify,
    /// 移动数据文件夹（例如移到 D 盘，重装系统也不丢）：复制、逐个校验后切换，再删除原来的。
    /// 目标是空文件夹或不存在的文件夹；已有文件时放在其中新建的“学时手册数据”文件夹里
    MoveDataFolder { target: PathBuf },
    /// 使用已有的数据文件夹（例如重装系统前移到 D 盘的）：检查后以后都用它；现在的数据文件夹保持不动
    UseDataFolder { folder: PathBuf },
    /// 删除证据库中没有任何记录引用的文件
    Vacuum,
    /// 查看修改日志（最近的在前）
    Log {
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
}

/// The data folder chosen by `--data-dir`, `XUESHI_DATA_DIR` or the OS (into which a data folder
/// of the first releases is moved once; the move, or why it failed, is reported on stderr).
pub fn data_dir(explicit: Option<&Path>) -> Result<DataDir, CliError> {
    let found = DataDir::find(explicit)
        .ok_or_else(|| CliError::Input("找不到系统的应用数据文件夹，请用 --data-dir 指定数据文件夹".into()))?;
    if let (xueshi_store::relocate::Relocation::MovedFolderMissing { .. }, Some(notice)) =
        (&found.relocation, found.relocation.notice())
    {
        return Err(CliError::Input(notice));
    }
    if let Some(notice) = found.relocation.notice() {
        eprintln!("{notice}");
    }
    let root = found.dir.root();
    if root.exists() && !root.is_dir() {
        return Err(CliError::Input(format!(
            "{} 是一个文件，不是文件夹。请用 --data-dir 指定一个文件夹（学时手册在其中保存数据库、证明材料和备份）",
            root.display()
        )));
    }
    Ok(found.dir)
}

/// Opens an existing data folder (only `init` and `import` create one).
pub fn open(explicit: Option<&Path>) -> Result<Store, CliError> {
    open_limited(explicit, None)
}

/// Opens an existing data folder, accepting evidence files up to `max_mib` MiB when given.
pub fn open_limited(explicit: Option<&Path>, max_mib: Option<u64>) -> Result<Store, CliError> {
    let dir = data_dir(explicit)?;
    if !dir.database().exists() {
        return Err(CliError::Input(format!(
            "数据文件夹 {} 中还没有学时记录，请先运行 `xueshi init`（或用 --data-dir 指定别的文件夹）",
            dir.root().display()
        )));
    }
    open_dir(&dir, max_mib)
}

/// Opens an existing data folder with its rule book (the built-in and the user's rule files).
pub fn open_handbook(explicit: Option<&Path>, max_mib: Option<u64>) -> Result<Handbook, CliError> {
    let store = open_limited(explicit, max_mib)?;
    let dir = store.data_dir().clone();
    Ok(Handbook::with_store(store, dir)?)
}

pub fn open_dir(dir: &DataDir, max_mib: Option<u64>) -> Result<Store, CliError> {
    let mut options = Options::default();
    if let Some(mib) = max_mib {
        options.max_evidence_bytes = mib.saturating_mul(1024 * 1024);
    }
    let store = Store::open_with(dir, options)?;
    let report = store.open_report();
    if let Some(reason) = report.read_only {
        eprintln!("提示：{}", reason.notice());
    }
    if let Some(v) = report.migrated_from {
        eprintln!("提示：数据库已从结构版本 {v} 升级，升级前的备份在 {}", dir.backups().display());
    }
    if !report.swept.is_empty() {
        eprintln!("提示：清理了 {} 个中断的操作留下的临时文件", report.swept.len());
    }
    Ok(store)
}

pub fn run(command: StoreCommand, explicit: Option<&Path>) -> Result<String, CliError> {
    match command {
        StoreCommand::Init => {
            let dir = data_dir(explicit)?;
            let store = open_dir(&dir, None)?;
            let count = store.activities(None)?.len();
            Ok(if store.open_report().created {
                format!("已创建数据文件夹：{}\n", dir.root().display())
            } else {
                format!("数据文件夹已存在：{}（{count} 条记录）\n", dir.root().display())
            })
        }
        StoreCommand::Add(fields) => {
            let mut store = open(explicit)?;
            let mut numbered = false;
            let activity = fields.new_activity(|year| {
                numbered = true;
                Ok(store.next_activity_id(year)?)
            })?;
            // The id is chosen again inside the saving transaction: another program may be adding.
            let id = if numbered { store.add_activity_numbered(&activity)? } else { activity.id.clone() };
            if !numbered {
                store.add_activity(&activity)?;
            }
            Ok(format!("已添加记录 {id}：{}\n", activity.title))
        }
        StoreCommand::Edit { record, fields, unset } => {
            if fields.is_empty() && unset.is_empty() {
                return Err(CliError::Input("请给出要修改的字段，如 --title 新名称".into()));
            }
            let mut store = open(explicit)?;
            let existing = store.activity(&record)?;
            let edited = fields.edited(&existing, &unset)?;
            store.update_activity(&record, &edited)?;
            Ok(format!("已修改记录 {}\n", edited.id))
        }
        StoreCommand::Remove { record } => {
            let mut store = open(explicit)?;
            let activity = store.activity(&record)?;
            store.remove_activity(&record)?;
            Ok(format!(
                "已删除记录 {}：{}（{} 个证明材料文件留在数据文件夹中，`xueshi vacuum` 才会删除）\n",
                activity.id,
                activity.title,
                activity.evidence.iter().filter(|e| e.sha256.is_some()).count()
            ))
        }
        StoreCommand::List { year, json } => {
            let store = open(explicit)?;
            let activities = store.activities(year)?;
            Ok(if json { lists::activities_json(&activities) } else { lists::activities(&activities) })
        }
        StoreCommand::Attach { activity, file, material, max_size_mib } => {
            attach(open_handbook(explicit, max_size_mib)?, &activity, &file, &material)
        }
        StoreCommand::Profile(args) => profile::run(args, &mut open(explicit)?),
        StoreCommand::Plan { apply_year, level, path, rules, window, window_source, remove } => {
            let mut handbook = open_handbook(explicit, None)?;
            let (Some(year), Some(level)) = (apply_year, level) else {
                if remove || rules.is_some() || window.is_some() || apply_year.is_some() || level.is_some() {
                    return Err(CliError::Input("请同时给出 --apply-year 和 --level".into()));
                }
                return Ok(lists::plans(&handbook.plans()?));
            };
            let application = Application::new(year, level, path.unwrap_or(ApplicationPath::Standard));
            if remove {
                return Ok(if handbook.store_mut().remove_application(&application)? {
                    "已删除参评计划\n".to_owned()
                } else {
                    "没有这条参评计划\n".to_owned()
                });
            }
            plan(&mut handbook, application, rules, window.as_deref(), window_source)
        }
        StoreCommand::ConfirmYear { year, date, note, not_confirmed } => {
            let date = match date {
                Some(d) => Some(xueshi_core::fields::parse_date(&d).map_err(CliError::Input)?),
                None => None,
            };
            let mut store = open(explicit)?;
            store.confirm_year(&YearConfirmation { year, confirmed: !not_confirmed, date, note })?;
            Ok(if not_confirmed {
                format!("已记录：{year} 年度登记手册未经单位验证\n")
            } else {
                format!("已记录：{year} 年度登记手册已由单位验证\n")
            })
        }
        StoreCommand::Backup => {
            let store = open(explicit)?;
            let path = store.backup(xueshi_store::BackupReason::Manual)?;
            Ok(format!("已备份到 {}\n", path.display()))
        }
        StoreCommand::Restore { file } => {
            let mut store = open(explicit)?;
            let report = store.restore(&file)?;
            let mut out =
                format!("已从 {} 恢复数据库；恢复前的数据库已备份到 {}\n", file.display(), report.previous.display());
            let check = store.verify()?;
            if !check.missing.is_empty() {
                out.push_str(&format!(
                    "注意：恢复的记录引用了 {} 份数据文件夹中没有的证明材料，详见 `xueshi verify`\n",
                    check.missing.len()
                ));
            }
            Ok(out)
        }
        StoreCommand::Verify => {
            let report = open(explicit)?.verify()?;
            let text = lists::verify(&report);
            if report.is_ok() { Ok(text) } else { Err(CliError::Problems(text)) }
        }
        StoreCommand::Vacuum => {
            let report = open(explicit)?.vacuum()?;
            Ok(format!("已删除 {} 个无人引用的文件，共 {} 字节\n", report.removed.len(), report.bytes))
        }
        StoreCommand::Log { limit } => Ok(lists::changes(&open(explicit)?.changes(limit)?)),
        StoreCommand::MoveDataFolder { target } => {
            let target = std::path::absolute(&target).map_err(|e| {
                CliError::Input(format!("无法使用路径 {}：{}", target.display(), xueshi_store::words::reason(&e)))
            })?;
            let mut handbook = open_handbook(explicit, None)?;
            let from = handbook.data_folder().to_owned();
            let to = handbook.move_data_folder(&target)?;
            Ok(format!(
                "数据文件夹已从 {} 移到 {}；以后学时手册（桌面版和命令行）都使用新位置\n",
                from.display(),
                to.display()
            ))
        }
        StoreCommand::UseDataFolder { folder } => {
            let folder = std::path::absolute(&folder).map_err(|e| {
                CliError::Input(format!("无法使用路径 {}：{}", folder.display(), xueshi_store::words::reason(&e)))
            })?;
            // Not through the folder in use: it may be the missing one this is meant to replace.
            let Some(base) = DataDir::app_data_base(explicit) else {
                return Err(StoreError::from(xueshi_store::moving::MoveError::GivenExplicitly).into());
            };
            let used = xueshi_store::moving::use_existing(&base, &folder)?;
            Ok(format!("以后学时手册（桌面版和命令行）都使用数据文件夹 {}\n", used.root().display()))
        }
    }
}

/// Saves a plan, with the unit's own window and where it comes from when given.
fn plan(
    handbook: &mut Handbook,
    mut application: Application,
    rules: Option<String>,
    window: Option<&str>,
    window_source: Option<String>,
) -> Result<String, CliError> {
    if window.is_none() && window_source.is_some() {
        return Err(CliError::Input("--window-source 是认定跨度的出处，请同时用 --window 给出认定跨度".into()));
    }
    if let Some(text) = window {
        let span = crate::parse_window(text)?;
        span.check(application.year).map_err(CliError::Input)?;
        application.window = Some(span);
    }
    handbook.add_plan(&PlannedApplication { application, rules, window_source })?;
    let span = application.window.map(|w| format!("，认定跨度 {w}")).unwrap_or_default();
    Ok(format!("已登记参评计划：{} 年参评{}{span}\n", application.year, application.level.label()))
}

fn attach(mut handbook: Handbook, activity: &str, file: &Path, material: &str) -> Result<String, CliError> {
    let material = &xueshi_core::text::accept("material", material).map_err(CliError::Input)?;
    let record = handbook.store().activity(activity)?;
    check_material(&handbook, &record, material)?;
    let done = handbook.store_mut().attach(activity, file, material)?;
    let how = if done.already_attached {
        "这份文件已作为该材料附在记录上，未重复添加"
    } else if done.deduplicated {
        "数据文件夹中已有相同内容的证明材料，未重复存储"
    } else {
        "已存入数据文件夹"
    };
    Ok(format!(
        "{how}：{}（{}，{} 字节，SHA-256 {}）→ 记录 {activity} 的{material}\n",
        file.display(),
        done.file_type.label(),
        done.size,
        done.sha256
    ))
}

/// The material must be one the rule sets (built-in and the user's) list for this kind of record
/// (when they list any).
fn check_material(handbook: &Handbook, record: &xueshi_core::Activity, material: &str) -> Result<(), CliError> {
    let mut known: Vec<String> = Vec::new();
    for set in handbook.rules().book.sets() {
        for rule in set.evidence.iter().filter(|r| r.kinds.contains(&record.kind)) {
            for m in rule.sets.iter().flatten().flatten() {
                if !known.contains(m) {
                    known.push(m.clone());
                }
            }
        }
    }
    if known.is_empty() || known.iter().any(|m| m == material.trim()) {
        return Ok(());
    }
    Err(CliError::Input(format!(
        "“{material}”不是规则所列的{}证明材料，可选：{}",
        record.kind.label(),
        known.join("、")
    )))
}
