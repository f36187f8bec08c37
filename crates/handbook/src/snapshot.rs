//! Everything the screens show, in one read: the profile, the plan, the records with their
//! evidence, the assessment under the rule set in force with the reason, the next deadline.

use std::collections::{BTreeMap, HashMap};

use chrono::{Local, NaiveDate};
use xueshi_core::RuleSet;
use xueshi_core::engine::{Assessment, Completeness, assess};
use xueshi_core::kinds::ActivityKind;

use crate::Handbook;
use crate::dto::{
    ActivityFields, ActivityView, Deadline, EvidenceView, MaterialChoice, ProfileDto, RuleSummary, Selection, Snapshot,
    ThemeView, YearCount,
};
use crate::error::{HandbookError, Result};

impl Handbook {
    /// What the first screen (the dashboard) needs, small enough to arrive at once: the snapshot
    /// without the records and the assessment's per-record results, marked incomplete. The
    /// window asks for the full snapshot once this one is drawn.
    pub fn first_screen(&self) -> Result<Snapshot> {
        let mut snapshot = self.snapshot()?;
        snapshot.complete = false;
        snapshot.activities = Vec::new();
        if let Some(a) = &mut snapshot.assessment {
            a.credits = Vec::new();
            a.evidence = Vec::new();
            a.records = Vec::new();
            a.evidence_rules = Default::default();
        }
        Ok(snapshot)
    }

    /// Everything the screens show. Each table is read once.
    pub fn snapshot(&self) -> Result<Snapshot> {
        let (ledger, evidence) = self.store.ledger_with_evidence()?;
        let plan = self.current_plan()?;
        let mut by_activity: HashMap<String, Vec<EvidenceView>> = HashMap::new();
        for e in evidence {
            by_activity.entry(e.activity.clone()).or_default().push(EvidenceView::from(e));
        }
        let mut activities = Vec::with_capacity(ledger.activities.len());
        for a in &ledger.activities {
            let evidence = by_activity.remove(&a.id).unwrap_or_default();
            activities.push(ActivityView {
                fields: ActivityFields::from_activity(a),
                year: a.year(),
                subject: a.subject(),
                evidence,
            });
        }
        let today = Local::now().date_naive();
        let (mut assessment, mut assessment_error, mut selection, mut deadline) = (None, None, None, None);
        let (mut themes, mut materials, mut credited_kinds) = (Vec::new(), Vec::new(), Vec::new());
        if let Some(p) = &plan {
            let city = ledger.profile.city.as_deref();
            match self.rules.in_force(p.rules.as_deref(), p.application.year, city) {
                Ok((set, chosen)) => {
                    let previous = previous_notice(&self.rules.book, set);
                    selection =
                        Some(Selection { id: chosen.id, assumed: chosen.assumed, reason: chosen.reason, previous });
                    match assess(&ledger, set, &p.application) {
                        Ok(a) => assessment = Some(a),
                        Err(e) => assessment_error = Some(e.to_string()),
                    }
                    deadline = next_deadline(set, p.application.year, today);
                    themes = set.themes.iter().map(|t| ThemeView { year: t.year, topics: t.topics.clone() }).collect();
                    materials = material_choices(set);
                    credited_kinds = ActivityKind::ALL.iter().copied().filter(|k| set.credits_kind(*k)).collect();
                }
                Err(HandbookError::NoRulesForYear(year)) => {
                    assessment_error = Some(format!("{year} 年之前没有收录任何通知，请在“规则”中选择一个规则集"));
                }
                Err(e) => assessment_error = Some(e.to_string()),
            }
        }
        Ok(Snapshot {
            data_dir: self.store.data_dir().root().display().to_string(),
            demo: self.demo,
            first_run: plan.is_none() && ledger.profile.name.is_none(),
            profile: ProfileDto::from_profile(&ledger.profile),
            plan: plan.as_ref().map(crate::plans::plan_dto),
            complete: true,
            year_counts: year_counts(&activities, assessment.as_ref()),
            activities,
            assessment,
            assessment_error,
            cities: xueshi_core::cities::HUNAN_CITIES.iter().map(|(short, _)| (*short).to_owned()).collect(),
            rules: self.rules.book.sets().into_iter().map(summary).collect(),
            selection,
            deadline,
            themes,
            materials,
            credited_kinds,
            rule_errors: self.rules.errors.clone(),
            today: today.format("%Y-%m-%d").to_string(),
            read_only: self.store.open_report().read_only.map(|reason| reason.notice().to_owned()),
            settings: self.settings()?,
        })
    }
}

/// Each year's records and those the engine found incomplete.
fn year_counts(activities: &[ActivityView], assessment: Option<&Assessment>) -> Vec<YearCount> {
    let incomplete: std::collections::HashSet<&str> = assessment
        .map(|a| a.evidence.iter().filter(|e| e.status == Completeness::Incomplete).map(|e| &*e.activity).collect())
        .unwrap_or_default();
    let mut years: BTreeMap<i32, YearCount> = BTreeMap::new();
    for a in activities {
        let count = years.entry(a.year).or_insert(YearCount { year: a.year, records: 0, incomplete: 0 });
        count.records += 1;
        if a.fields.id.as_deref().is_some_and(|id| incomplete.contains(id)) {
            count.incomplete += 1;
        }
    }
    years.into_values().collect()
}

fn summary(s: &RuleSet) -> RuleSummary {
    RuleSummary {
        id: s.id.clone(),
        display: s.display_name(),
        doc_number: s.doc_number.clone(),
        governs: s.governs.clone(),
        city: s.city.clone(),
        builtin: s.builtin,
        note: s.note.clone(),
    }
}

/// The latest built-in province-wide set governing only years before those `set` governs.
fn previous_notice(book: &xueshi_core::RuleBook, set: &RuleSet) -> Option<String> {
    let first = set.governs.iter().min().copied()?;
    book.sets()
        .into_iter()
        .filter(|s| s.builtin && s.city.is_none() && s.governs.iter().max().is_some_and(|last| *last < first))
        .max_by_key(|s| s.governs.iter().max().copied())
        .map(|s| s.id.clone())
}

/// The first certification period of the application year that has not ended yet.
pub(crate) fn next_deadline(set: &RuleSet, year: i32, today: NaiveDate) -> Option<Deadline> {
    let mut periods: Vec<_> = set
        .periods
        .iter()
        .filter_map(|p| p.dates(year).map(|(from, to)| (from, to, p)))
        .filter(|(_, to, _)| *to >= today)
        .collect();
    periods.sort_by_key(|(_, to, _)| *to);
    let (from, to, p) = periods.into_iter().next()?;
    Some(Deadline {
        who: p.who.clone(),
        from: from.format("%Y-%m-%d").to_string(),
        to: to.format("%Y-%m-%d").to_string(),
        days_left: i32::try_from((to - today).num_days()).unwrap_or(i32::MAX),
        quote: p.quote.clone(),
    })
}

/// Each material of the alternative sets of each kind, once.
pub(crate) fn material_choices(set: &RuleSet) -> Vec<MaterialChoice> {
    ActivityKind::ALL
        .iter()
        .filter_map(|kind| {
            let rule = set.evidence_for(*kind)?;
            let mut materials: Vec<String> = Vec::new();
            for m in rule.sets.iter().flatten().flatten() {
                if !materials.contains(m) {
                    materials.push(m.clone());
                }
            }
            Some(MaterialChoice { kind: *kind, materials })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use xueshi_core::RuleBook;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn the_next_deadline_is_the_first_period_of_the_year_not_yet_over() {
        let book = RuleBook::builtin().expect("rules");
        let set = book.get("hunan-2021").expect("set");
        let d = next_deadline(set, 2021, day("2021-03-01")).expect("a deadline");
        assert_eq!((d.from.as_str(), d.to.as_str(), d.days_left), ("2021-07-01", "2021-08-31", 183));
        assert!(next_deadline(set, 2021, day("2021-09-01")).is_none(), "all periods of 2021 are over");
    }

    #[test]
    fn the_notice_to_compare_with_is_the_province_wide_one_before_the_set_in_force() {
        let book = RuleBook::builtin().expect("rules");
        let previous = |id: &str| previous_notice(&book, book.get(id).expect("set"));
        assert_eq!(previous("hunan-2026").as_deref(), Some("hunan-2024"));
        assert_eq!(previous("changde-2024").as_deref(), Some("hunan-2021"), "a city's set against the province's");
        assert_eq!(previous("hunan-2017"), None, "nothing before the first notice");
    }

    #[test]
    fn the_material_choices_list_each_material_of_the_alternative_sets_once() {
        let book = RuleBook::builtin().expect("rules");
        let choices = material_choices(book.get("hunan-2026").expect("set"));
        let training = choices.iter().find(|c| c.kind == ActivityKind::Training).expect("training");
        assert_eq!(training.materials.iter().filter(|m| *m == "培训通知").count(), 1);
        assert!(training.materials.contains(&"结业证书".to_owned()), "from the second set");
    }
}
