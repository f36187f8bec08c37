//! The fields of an activity given on the command line, as flags (`--kind training --days 2`) or
//! as `--json '{…}'` (flags win), turned into a draft of the record (`ActivityDraft`) and checked
//! by the core exactly like a record read from a ledger file.

use serde_json::{Map, Value};
use xueshi_core::fields::parse_date;
use xueshi_core::kinds::ActivityKind;
use xueshi_core::ledger_json::kind_fields;
use xueshi_core::{Activity, ActivityDraft, LedgerError};

use crate::CliError;

/// Every field of the ledger format except evidence (attached with `xueshi attach`).
#[derive(clap::Args, Debug, Default)]
pub struct ActivityFlags {
    /// 记录的全部字段，JSON 对象（与学时记录文件中一条记录的写法相同）；下列选项会覆盖其中的同名字段
    #[arg(long, value_name = "JSON")]
    json: Option<String>,
    /// 记录编号（add 时可省略：按年度自动编号，如 2024-003）
    #[arg(long)]
    id: Option<String>,
    /// 类别：training | conference | practice | online_course | staff_training | research_project |
    /// book | paper | patent | award | digital_exam | qualification_exam | degree_course |
    /// aid_posting | expert_service | overseas_exchange | skill_contest | prior_certificate
    #[arg(long)]
    kind: Option<String>,
    /// 名称
    #[arg(long)]
    title: Option<String>,
    /// 日期 YYYY-MM-DD（开始、发表、授权、结题、获奖、考试通过的日期）
    #[arg(long)]
    date: Option<String>,
    /// 结束日期 YYYY-MM-DD
    #[arg(long)]
    end_date: Option<String>,
    /// 施教机构、出版社或颁发单位
    #[arg(long)]
    provider: Option<String>,
    /// 备注
    #[arg(long)]
    note: Option<String>,
    /// 科目：public（公需）| professional（专业）
    #[arg(long)]
    category: Option<String>,
    /// 天数
    #[arg(long)]
    days: Option<String>,
    /// 半天数
    #[arg(long)]
    half_days: Option<String>,
    /// 晚上数
    #[arg(long)]
    evenings: Option<String>,
    /// 学时（证书或证明上载明的学时，可有两位小数）：网络课程、事业单位工作人员培训、专家服务必填；
    /// 培训、学术会议、实践活动可填（2017 年的通知没有折算表，按证明上的学时认定）
    #[arg(long)]
    hours: Option<String>,
    /// 培训平台（仅事业单位工作人员培训）：unified（统一平台，即国家级继续教育基地的平台）| other（其他平台）。
    /// 2026 年的通知只认定在统一平台上完成的培训
    #[arg(long, value_name = "unified|other")]
    platform: Option<String>,
    /// 任务类型（仅三援/东西部扶贫协作等特定任务）：sanyuan（三援：援藏、援疆、援外）| east_west（东西部扶贫协作）|
    /// other（其他省级以上特定任务）。2026 年的通知只对三援认定全年学时
    #[arg(long, value_name = "sanyuan|east_west|other")]
    task: Option<String>,
    /// 级别：provincial | municipal（课题、奖项）；national | provincial | …（技能大赛）
    #[arg(long)]
    level: Option<String>,
    /// 角色：host | main | participant（课题）；first | other（著作）；first | corresponding | other（论文）
    #[arg(long)]
    role: Option<String>,
    /// 刊物：domestic | international
    #[arg(long)]
    venue: Option<String>,
    /// 专利类型：invention | utility_model | design
    #[arg(long)]
    patent_type: Option<String>,
    /// 排名
    #[arg(long)]
    rank: Option<String>,
    /// 奖项等级：1 | 2 | 3
    #[arg(long)]
    grade: Option<String>,
    /// 通过的模块、科目或课程数
    #[arg(long)]
    units: Option<String>,
    /// 奖牌：gold | silver | bronze
    #[arg(long)]
    medal: Option<String>,
    /// 认定单起始年度
    #[arg(long)]
    from_year: Option<String>,
    /// 认定单结束年度
    #[arg(long)]
    to_year: Option<String>,
}

/// Fields that every kind has; kept when `edit` changes the kind.
const COMMON: &[&str] = &["id", "title", "date", "end_date", "provider", "note"];
const NUMERIC: &[&str] = &["days", "half_days", "evenings", "hours", "rank", "grade", "units", "from_year", "to_year"];

impl ActivityFlags {
    fn pairs(&self) -> Vec<(&'static str, &Option<String>)> {
        vec![
            ("id", &self.id),
            ("kind", &self.kind),
            ("title", &self.title),
            ("date", &self.date),
            ("end_date", &self.end_date),
            ("provider", &self.provider),
            ("note", &self.note),
            ("category", &self.category),
            ("days", &self.days),
            ("half_days", &self.half_days),
            ("evenings", &self.evenings),
            ("hours", &self.hours),
            ("platform", &self.platform),
            ("task", &self.task),
            ("level", &self.level),
            ("role", &self.role),
            ("venue", &self.venue),
            ("patent_type", &self.patent_type),
            ("rank", &self.rank),
            ("grade", &self.grade),
            ("units", &self.units),
            ("medal", &self.medal),
            ("from_year", &self.from_year),
            ("to_year", &self.to_year),
        ]
    }

    /// Lays `--json` and then the flags over `base`. A JSON `null` removes a field.
    fn overlay(&self, mut base: Map<String, Value>) -> Result<Map<String, Value>, CliError> {
        if let Some(text) = &self.json {
            let value: Value = serde_json::from_str(text)
                .map_err(|e| CliError::Input(format!("--json 不是有效的 JSON（第 {} 列）：{e}", e.column())))?;
            let Value::Object(fields) = value else {
                return Err(CliError::Input("--json 应为一个 JSON 对象，如 '{\"kind\": \"training\"}'".into()));
            };
            if fields.contains_key("evidence") {
                return Err(CliError::Input("证明材料请在保存记录后用 `xueshi attach` 添加".into()));
            }
            if let Some(Value::String(kind)) = fields.get("kind") {
                base = refit_to_kind(base, kind);
            }
            for (k, v) in fields {
                if v.is_null() {
                    base.remove(&k);
                } else {
                    base.insert(k, v);
                }
            }
        }
        if let Some(kind) = &self.kind {
            base = refit_to_kind(base, kind);
        }
        for (name, value) in self.pairs() {
            if let Some(text) = value {
                base.insert(name.to_owned(), flag_value(name, text));
            }
        }
        self.fit_kind(&base)?;
        Ok(base)
    }

    /// A flag for a field the record's kind does not have (`--platform` on a training) is named
    /// with the kinds it is for, rather than left to the ledger rules' "unknown field".
    fn fit_kind(&self, map: &Map<String, Value>) -> Result<(), CliError> {
        let Some(kind) = map.get("kind").and_then(Value::as_str).and_then(ActivityKind::from_code) else {
            return Ok(());
        };
        for (name, value) in self.pairs() {
            if value.is_none() || COMMON.contains(&name) || ["kind", "category"].contains(&name) {
                continue;
            }
            if !kind_fields(kind).contains(&name) {
                let owners: Vec<&str> =
                    ActivityKind::ALL.iter().filter(|k| kind_fields(**k).contains(&name)).map(|k| k.label()).collect();
                return Err(CliError::Input(format!(
                    "--{} 不适用于{}，只用于：{}",
                    name.replace('_', "-"),
                    kind.label(),
                    owners.join("、")
                )));
            }
        }
        Ok(())
    }

    /// A new activity from the flags; without `--id`, `next_id(year)` numbers it.
    pub fn new_activity(&self, next_id: impl FnOnce(i32) -> Result<String, CliError>) -> Result<Activity, CliError> {
        let mut map = self.overlay(Map::new())?;
        if !map.contains_key("id") {
            let year = map.get("date").and_then(Value::as_str).and_then(|d| parse_date(d).ok());
            // Without a valid date the core names the date problem; the id is provisional.
            let id = match year {
                Some(d) => next_id(chrono::Datelike::year(&d))?,
                None => "新记录".to_owned(),
            };
            map.insert("id".into(), Value::String(id));
        }
        let owner = map.get("id").and_then(Value::as_str).unwrap_or("新记录").to_owned();
        Activity::try_from(ActivityDraft::new(owner, map)).map_err(invalid)
    }

    /// `existing` with the flags applied; its evidence is kept by the store.
    pub fn edited(&self, existing: &Activity, unset: &[String]) -> Result<Activity, CliError> {
        let mut base = match existing.to_json_value() {
            Value::Object(map) => map,
            _ => Map::new(),
        };
        base.remove("evidence");
        for field in unset {
            if field == "id" || field == "kind" {
                return Err(CliError::Input(format!("字段 {field} 不能清除")));
            }
            base.remove(field.as_str());
        }
        let map = self.overlay(base)?;
        Activity::try_from(ActivityDraft::new(existing.id.clone(), map)).map_err(invalid)
    }

    pub fn is_empty(&self) -> bool {
        self.json.is_none() && self.pairs().iter().all(|(_, v)| v.is_none())
    }
}

/// A record that the ledger rules refuse, named as typed on the command line.
fn invalid(e: LedgerError) -> CliError {
    let field = e.field.map(|f| format!("，字段 {f}（--{}）", f.replace('_', "-"))).unwrap_or_default();
    CliError::Input(format!("记录 {} 有误{field}：{}", e.activity.unwrap_or_default(), e.message))
}

/// When the kind changes, only the fields every kind has (and the category, where the new kind
/// declares one) carry over.
fn refit_to_kind(base: Map<String, Value>, kind: &str) -> Map<String, Value> {
    if base.get("kind").and_then(Value::as_str) == Some(kind) {
        return base;
    }
    let keeps_category = ActivityKind::from_code(kind).is_some_and(ActivityKind::declares_category);
    base.into_iter().filter(|(k, _)| COMMON.contains(&k.as_str()) || (keeps_category && k == "category")).collect()
}

/// A flag's text as the JSON value the ledger format expects: numbers for numeric fields (text
/// that is not a number stays text, so that the core reports it), text otherwise.
fn flag_value(name: &str, text: &str) -> Value {
    if NUMERIC.contains(&name)
        && let Ok(Value::Number(n)) = serde_json::from_str::<Value>(text.trim())
    {
        return Value::Number(n);
    }
    Value::String(text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flags(kind: &str, title: &str, date: &str) -> ActivityFlags {
        ActivityFlags {
            kind: Some(kind.into()),
            title: Some(title.into()),
            date: Some(date.into()),
            ..ActivityFlags::default()
        }
    }

    #[test]
    fn flags_make_a_validated_record_numbered_by_its_year() {
        let mut f = flags("training", "培训", "2024-05-01");
        f.category = Some("public".into());
        f.days = Some("2".into());
        let a = f.new_activity(|y| Ok(format!("{y}-009"))).expect("valid");
        assert_eq!(a.id, "2024-009");
        assert_eq!(a.to_json_value()["days"], 2);
    }

    #[test]
    fn a_number_flag_that_is_not_a_number_is_reported_by_the_ledger_rules() {
        let mut f = flags("training", "培训", "2024-05-01");
        f.category = Some("public".into());
        f.days = Some("两天".into());
        let err = f.new_activity(|_| Ok("x".into())).expect_err("refused");
        assert!(err.to_string().contains("字段 days"), "{err}");
    }

    #[test]
    fn a_training_keeps_the_hours_on_its_proof() {
        let mut f = flags("training", "全科医师转岗培训", "2017-05-08");
        f.category = Some("professional".into());
        f.days = Some("2".into());
        f.hours = Some("16".into());
        let a = f.new_activity(|_| Ok("2017-001".into())).expect("valid");
        assert_eq!(a.to_json_value()["hours"], 16);
    }

    #[test]
    fn a_staff_training_records_its_platform_and_a_posting_its_task() {
        let mut f = flags("staff_training", "事业单位工作人员在线培训", "2026-03-01");
        f.category = Some("public".into());
        f.hours = Some("20".into());
        f.platform = Some("unified".into());
        let a = f.new_activity(|_| Ok("a".into())).expect("valid");
        assert_eq!(a.to_json_value()["platform"], "unified");
        let mut f = flags("aid_posting", "援疆医疗队", "2023-12-31");
        f.end_date = Some("2024-06-30".into());
        f.task = Some("sanyuan".into());
        let b = f.new_activity(|_| Ok("b".into())).expect("valid");
        assert_eq!(b.to_json_value()["task"], "sanyuan");
    }

    #[test]
    fn a_platform_on_a_training_is_refused_naming_the_kind_it_is_for() {
        let mut f = flags("training", "培训", "2024-05-01");
        f.category = Some("public".into());
        f.days = Some("2".into());
        f.platform = Some("unified".into());
        let err = f.new_activity(|_| Ok("x".into())).expect_err("refused").to_string();
        assert_eq!(err, "--platform 不适用于培训班/研修班/进修班，只用于：事业单位工作人员培训", "{err}");
    }

    #[test]
    fn a_task_on_an_online_course_is_refused_naming_the_kind_it_is_for() {
        let mut f = flags("online_course", "课程", "2024-05-01");
        f.category = Some("public".into());
        f.hours = Some("2".into());
        f.task = Some("sanyuan".into());
        let err = f.new_activity(|_| Ok("x".into())).expect_err("refused").to_string();
        assert!(err.starts_with("--task 不适用于"), "{err}");
    }

    #[test]
    fn changing_the_kind_drops_the_fields_of_the_old_kind() {
        let mut f = flags("training", "培训", "2024-05-01");
        f.category = Some("public".into());
        f.days = Some("2".into());
        let a = f.new_activity(|_| Ok("a".into())).expect("valid");
        let change = ActivityFlags {
            kind: Some("online_course".into()),
            hours: Some("12.5".into()),
            ..ActivityFlags::default()
        };
        let b = change.edited(&a, &[]).expect("valid");
        assert_eq!(b.to_json_value()["hours"], 12.5);
        assert!(b.to_json_value().get("days").is_none());
    }
}
