//! `xueshi profile`: show the first page of the 登记手册, or change some of its fields.

use xueshi_core::Profile;
use xueshi_core::fields::parse_date;
use xueshi_core::text;
use xueshi_store::Store;

use crate::CliError;

#[derive(clap::Args, Debug)]
pub struct ProfileArgs {
    /// 姓名
    #[arg(long)]
    name: Option<String>,
    /// 身份证号（只保存在本机）
    #[arg(long)]
    id_number: Option<String>,
    /// 工作单位
    #[arg(long)]
    employer: Option<String>,
    /// 现职称
    #[arg(long)]
    current_title: Option<String>,
    /// 现职称取得时间 YYYY-MM-DD
    #[arg(long)]
    title_date: Option<String>,
    /// 登记手册编号
    #[arg(long)]
    certificate_number: Option<String>,
    /// 所在市州，湖南省 14 个市州之一，如 常德（写“常德市”也可，保存为“常德”）
    #[arg(long)]
    city: Option<String>,
    #[arg(long)]
    json: bool,
}

/// Sets `field` from the flag's value, cleaned and limited like every text of the ledger (see
/// `xueshi_core::text`); an empty text clears the field.
fn set(field: &mut Option<String>, path: &str, value: &Option<String>) -> Result<bool, CliError> {
    match value {
        None => Ok(false),
        Some(v) => {
            *field = text::accept_optional(path, v).map_err(CliError::Input)?;
            Ok(true)
        }
    }
}

pub fn run(args: ProfileArgs, store: &mut Store) -> Result<String, CliError> {
    let mut p = store.profile()?;
    let mut changed = false;
    changed |= set(&mut p.name, "profile.name", &args.name)?;
    changed |= set(&mut p.id_number, "profile.id_number", &args.id_number)?;
    changed |= set(&mut p.employer, "profile.employer", &args.employer)?;
    changed |= set(&mut p.current_title, "profile.current_title", &args.current_title)?;
    changed |= set(&mut p.certificate_number, "profile.certificate_number", &args.certificate_number)?;
    changed |= set(&mut p.city, "profile.city", &args.city)?;
    if let Some(d) = &args.title_date {
        p.title_date = if d.trim().is_empty() { None } else { Some(parse_date(d.trim()).map_err(CliError::Input)?) };
        changed = true;
    }
    if changed {
        store.set_profile(&p)?;
        // As saved: the city in its short form (常德市 → 常德).
        p = store.profile()?;
    }
    if args.json {
        let ledger = xueshi_core::Ledger { profile: p, activities: Vec::new() };
        return Ok(crate::to_json(&ledger.to_json_value()["profile"]));
    }
    let mut out = if changed { "已保存个人信息\n".to_owned() } else { String::new() };
    out.push_str(&show(&p));
    Ok(out)
}

fn show(p: &Profile) -> String {
    let none = "（未填写）".to_owned();
    let rows = [
        ("姓名", p.name.clone()),
        ("身份证号", p.id_number.clone()),
        ("工作单位", p.employer.clone()),
        ("现职称", p.current_title.clone()),
        ("取得时间", p.title_date.map(|d| d.to_string())),
        ("登记手册编号", p.certificate_number.clone()),
        ("所在市州", p.city.clone()),
    ];
    rows.iter().map(|(k, v)| format!("{k}：{}\n", v.clone().unwrap_or_else(|| none.clone()))).collect()
}
