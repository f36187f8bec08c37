use super::*;
use crate::rules::RuleBook;

fn guide_of(id: &str) -> RuleGuide {
    let book = RuleBook::builtin().expect("the built-in rule files load");
    guide(book.get(id).expect("a built-in set"))
}

fn credits(g: &RuleGuide, kind: ActivityKind) -> Vec<String> {
    g.kinds
        .iter()
        .find(|k| k.kind == kind)
        .map(|k| k.credits.iter().map(|c| c.rule.clone()).collect())
        .unwrap_or_default()
}

#[test]
fn the_2024_requirement_reads_as_90_hours_with_30_public_and_60_professional_each_to_be_met() {
    let g = guide_of("hunan-2024");
    assert_eq!(
        g.requirement.rule,
        "每年不少于 90 学时，其中公需科目不少于 30 学时、专业科目不少于 60 学时；公需科目和专业科目须分别达到"
    );
    assert!(g.requirement.assumed && g.requirement.note.is_some());
    assert_eq!(g.requirement.citation, "湘人社办函〔2024〕21号");
    assert_eq!(g.governs, "2024年度参评");
}

#[test]
fn the_senior_window_names_the_five_years_before_the_application_with_an_example() {
    let g = guide_of("hunan-2024");
    let senior = g.windows.iter().find(|w| w.clause == "hunan-2024/window.senior").expect("senior window");
    assert_eq!(
        senior.rule,
        "参评副高级、正高级：查参评年度之前连续 5 个年度（不含参评当年）（2024年参评查 2019—2023年）"
    );
    assert!(senior.quote.contains("2019-2023 年连续 5 年"));
    let medical = g.windows.iter().find(|w| w.clause == "hunan-2024/window.master_medical").expect("medical");
    assert!(medical.rule.starts_with("硕士参评医学类副高（参评副高级）："), "{}", medical.rule);
    assert!(medical.rule.ends_with("；审核时也可能查参评年度前第 5 年"), "{}", medical.rule);
}

#[test]
fn a_training_earns_8_hours_a_day_and_4_a_half_day_in_its_declared_category() {
    let g = guide_of("hunan-2024");
    let training = credits(&g, ActivityKind::Training);
    assert!(training.contains(&"每天 8 学时".to_owned()), "{training:?}");
    assert!(training.contains(&"每半天 4 学时".to_owned()), "{training:?}");
}

#[test]
fn a_papers_clauses_name_the_venue_and_role_as_the_record_editor_does() {
    let g = guide_of("hunan-2024");
    let paper = credits(&g, ActivityKind::Paper);
    assert!(
        paper.iter().any(|r| r.starts_with("国内统一刊号刊物，独立或第一作者：每项 ") && r.ends_with("，计入专业科目")),
        "{paper:?}"
    );
    assert!(paper.iter().any(|r| r.contains("通讯作者或其他作者")), "{paper:?}");
}

#[test]
fn materials_with_several_sets_are_listed_as_alternatives() {
    let g = guide_of("hunan-2024");
    let training = g.kinds.iter().find(|k| k.kind == ActivityKind::Training).expect("training");
    let materials = training.materials.as_ref().expect("materials");
    assert!(
        materials.rule.starts_with("须提供以下任一组材料：1. 培训通知、培训课程表或培训日程安排、"),
        "{}",
        materials.rule
    );
    assert!(materials.rule.contains("；2. "), "{}", materials.rule);
}

#[test]
fn a_set_that_extends_another_cites_the_notice_each_inherited_clause_comes_from() {
    let g = guide_of("changde-2024");
    let training = g.kinds.iter().find(|k| k.kind == ActivityKind::Training).expect("training");
    assert!(training.credits.iter().all(|c| c.clause.starts_with("hunan-2024/")), "{:?}", training.credits);
}

#[test]
fn every_rule_the_guide_words_in_every_built_in_set_is_chinese_without_codes() {
    // (Advice is the rule file's own message, which may name the platforms' web addresses.)
    let book = RuleBook::builtin().expect("built-in");
    let files = RuleBook::builtin_files();
    assert!(files.len() >= 6, "{} built-in files", files.len());
    for (file, _) in files {
        let id = file.trim_end_matches(".toml");
        let g = guide(book.get(id).unwrap_or_else(|| panic!("{file} defines the set {id}")));
        let all = std::iter::once(&g.requirement)
            .chain(&g.windows)
            .chain(g.kinds.iter().flat_map(|k| k.credits.iter().chain(&k.materials)))
            .chain(&g.periods)
            .chain(&g.themes);
        for clause in all {
            assert!(
                !clause.rule.chars().any(|c| c.is_ascii_alphabetic() || c == '_'),
                "{id}: {} reads “{}”",
                clause.clause,
                clause.rule
            );
            assert!(!clause.quote.is_empty(), "{id}: {} has no quote", clause.clause);
        }
    }
}
