//! A record's problem as the form (or the command line's flags) shows it: the field by its
//! Chinese name, as a request to fix it.

use xueshi_core::LedgerError;

/// `请填写“刊物”`, `“日期”… 不是有效日期`: the field named as the form labels it.
pub fn form_message(e: &LedgerError) -> String {
    let message = e.message.split(" (").next().unwrap_or(&e.message).trim().to_owned();
    let Some(field) = e.field.as_deref() else { return message };
    let label = field_label(field);
    if message.starts_with("缺少此字段") || message.starts_with("不能为空") {
        format!("请填写“{label}”")
    } else if message.starts_with('请') {
        message
    } else {
        format!("“{label}”{message}")
    }
}

/// The Chinese name of a ledger field, as the forms show it.
fn field_label(field: &str) -> &str {
    match field.trim_start_matches("profile.") {
        "title" => "名称",
        "date" => "日期",
        "end_date" => "结束日期",
        "category" => "类别",
        "days" => "天数",
        "half_days" => "半天数",
        "evenings" => "晚上数",
        "hours" => "学时",
        "level" => "级别",
        "role" => "角色/作者身份",
        "venue" => "刊物",
        "patent_type" => "专利类型",
        "rank" => "排名",
        "grade" => "等级",
        "units" => "通过数量",
        "medal" => "奖项",
        "from_year" => "认定起始年度",
        "to_year" => "认定截止年度",
        "name" => "姓名",
        "title_date" => "取得时间",
        "id_number" => "身份证号",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_field_reads_as_a_request_to_fill_it_in() {
        let e = LedgerError::new(Some("r1".into()), Some("venue"), "缺少此字段 (missing field)");
        assert_eq!(form_message(&e), "请填写“刊物”");
    }

    #[test]
    fn other_problems_name_the_field_in_chinese_without_the_english() {
        let e = LedgerError::new(Some("r1".into()), Some("days"), "请填写天数、半天数或晚上数，至少一项大于 0");
        assert_eq!(form_message(&e), "请填写天数、半天数或晚上数，至少一项大于 0");
        let e = LedgerError::new(None, Some("date"), "`2024-02-30` 不是有效日期，应为 YYYY-MM-DD (not a valid date)");
        assert_eq!(form_message(&e), "“日期”`2024-02-30` 不是有效日期，应为 YYYY-MM-DD");
    }
}
