// Generated from the Rust types by `src-tauri/src/bindings.rs`. Do not edit:
// run `XUESHI_UPDATE_BINDINGS=1 cargo test -p xueshi-app bindings` after changing them.

export type ActivityKind = "training" | "conference" | "practice" | "online_course" | "staff_training" | "research_project" | "book" | "paper" | "patent" | "award" | "digital_exam" | "qualification_exam" | "degree_course" | "aid_posting" | "expert_service" | "overseas_exchange" | "skill_contest" | "prior_certificate";

export type Level = "junior" | "intermediate" | "associate_senior" | "senior";

export type ApplicationPath = "standard" | "phd" | "master_medical";

export type Category = "public" | "professional";

export type CreditCategory = "public" | "professional" | "full_year" | "prior_certificate";

export type Platform = "unified" | "other";

export type AidTask = "sanyuan" | "east_west" | "other";

export type Hours = number;

export type Completeness = "complete" | "incomplete" | "no_rule";

export type RequirementCheck = { alternatives: Array<string>, met: boolean, };

export type EvidenceStatus = { activity: string, status: Completeness, 
/**
 * Index of the complete or closest alternative set (0-based) of the rule's `sets`.
 */
set: number | null, 
/**
 * Requirements of that set not yet met, each as its alternatives joined by “或”.
 */
missing: Array<string>, 
/**
 * Every alternative set of the rule, each requirement with whether it is met, in the rule's
 * order (`set` is the index of the complete or closest one).
 */
sets: Array<Array<RequirementCheck>>, 
/**
 * Attached materials that no set of this kind mentions.
 */
unrecognised: Array<string>, 
/**
 * `set/clause id` of the evidence rule.
 */
clause: string | null, };

export type ClauseSource = { 
/**
 * `rule-set id/clause id`, e.g. `hunan-2020/conversion.1.day`.
 */
clause: string, 
/**
 * The document's 文号 or title.
 */
document: string, 
/**
 * The sentence the clause quotes.
 */
quote: string, };

export type Credit = { activity: string, year: number, category: CreditCategory, hours: Hours, 
/**
 * How the hours were counted; serialized as words, e.g. `2 天 × 8 学时`.
 */
basis: string, 
/**
 * Whether the year is one of the checked years.
 */
in_window: boolean, 
/**
 * `rule-set id/clause id`, e.g. `hunan-2020/conversion.1.day`.
 */
clause: string, 
/**
 * The document's 文号 or title.
 */
document: string, 
/**
 * The sentence the clause quotes.
 */
quote: string, };

export type Short = { public: Hours, professional: Hours, total: Hours, };

export type YearState = "met" | "short" | "full_year" | "prior_certificate";

export type YearResult = { year: number, public: Hours, professional: Hours, 
/**
 * public + professional hours credited from hour-earning records.
 */
total: Hours, met: boolean, 
/**
 * Completed by a full-year credit (三援, overseas exchange).
 */
full_year: boolean, 
/**
 * Covered by an earlier 学时认定单.
 */
prior_certificate: boolean, 
/**
 * The records that complete or cover the year.
 */
covered_by: Array<string>, short: Short, 
/**
 * The hours still needed in all: the total's shortfall or the parts' together, whichever is more.
 */
missing: Hours, 
/**
 * Where the year stands, for each shell to word in its own way.
 */
state: YearState, 
/**
 * 达标 / 差 X 学时 / 由认定单覆盖 / 全年认定 (the command line's and the exports' wording)
 */
status: string, };

export type RecordTotal = { activity: string, 
/**
 * 公需 and 专业 hours credited, in any year.
 */
hours: Hours, 
/**
 * Of those, the hours in the checked years.
 */
in_window: Hours, 
/**
 * The years it completes as a whole or covers, in order.
 */
whole_years: Array<number>, };

export type Warning = { activity: string | null, message: string, };

export type RequirementSummary = { total: Hours, public: Hours | null, professional: Hours, both_parts: boolean, 
/**
 * This reading of the notice is an inference (`note` says why).
 */
assumed: boolean, note: string | null, clause: string, document: string, quote: string, };

export type WindowBasis = "rules" | "assumed" | "borrowed" | "unit";

export type Assessment = { rules: string, rules_name: string, 
/**
 * `《title》（文号）`, for headings.
 */
rules_display: string, document: string, apply_year: number, level: Level, path: ApplicationPath, window: Array<number>, 
/**
 * `rule-set id/window id` of the window applied; empty for the unit's own window.
 */
window_clause: string, 
/**
 * Where the window comes from.
 */
window_basis: WindowBasis, 
/**
 * One sentence saying which years are checked and why, for the dashboard.
 */
window_reason: string, requirement: RequirementSummary, compliant: boolean, 
/**
 * The hours still missing over all the checked years (each year's `missing` added up).
 */
missing: Hours, years: Array<YearResult>, credits: Array<Credit>, 
/**
 * Per record, in the ledger's order.
 */
records: Array<RecordTotal>, evidence: Array<EvidenceStatus>, warnings: Array<Warning>, };

export type ProfileDto = { name: string | null, id_number: string | null, employer: string | null, current_title: string | null, 
/**
 * `YYYY-MM-DD`
 */
title_date: string | null, certificate_number: string | null, city: string | null, };

export type PlanDto = { year: number, level: Level, path: ApplicationPath, 
/**
 * A rule set chosen by the user; `null`: the one governing `year`.
 */
rules: string | null, 
/**
 * The window the user's own unit states (本单位规定的认定跨度), both ends or neither;
 * `null`: the rule set's window.
 */
window_from: number | null, window_to: number | null, 
/**
 * Where that window comes from, e.g. 本院2026年职称评审通知.
 */
window_source: string | null, };

export type ActivityFields = { 
/**
 * `null` for a new record: the store assigns one.
 */
id: string | null, kind: ActivityKind | null, title: string, 
/**
 * `YYYY-MM-DD`
 */
date: string, end_date: string | null, provider: string | null, note: string | null, category: Category | null, days: number | null, half_days: number | null, evenings: number | null, hours: number | null, 
/**
 * `provincial` | `municipal` (research, award) or `national` | `provincial` (contest).
 */
level: string | null, 
/**
 * `host` | `main` | `participant` (research); `first` | `corresponding` | `other`.
 */
role: string | null, venue: string | null, patent_type: string | null, rank: number | null, grade: number | null, units: number | null, medal: string | null, from_year: number | null, to_year: number | null, 
/**
 * Where a staff training was done (the 2026 notice credits only the unified platform).
 */
platform: Platform | null, 
/**
 * Which special task a posting was (2026: only 三援 completes the year).
 */
task: AidTask | null, };

export type EvidenceView = { 
/**
 * The row number, to detach or open it (numbers in the web view are exact up to 2^53).
 */
seq: number, file_name: string, material: string, file_type: string | null, 
/**
 * Bytes; no real file comes near 2^53, where a JavaScript number stops being exact.
 */
size: number | null, };

export type ActivityView = { fields: ActivityFields, year: number, evidence: Array<EvidenceView>, };

export type RuleSummary = { id: string, 
/**
 * `《title》（文号）`
 */
display: string, doc_number: string | null, governs: Array<number>, city: string | null, builtin: boolean, note: string | null, };

export type Selection = { id: string, assumed: boolean, reason: string, };

export type Deadline = { who: string, 
/**
 * `YYYY-MM-DD`
 */
from: string, to: string, days_left: number, quote: string, };

export type ThemeView = { year: number, topics: Array<string>, };

export type MaterialChoice = { kind: ActivityKind, materials: Array<string>, };

export type Snapshot = { data_dir: string, demo: boolean, 
/**
 * No profile and no plan yet: show the first-run setup.
 */
first_run: boolean, profile: ProfileDto, plan: PlanDto | null, activities: Array<ActivityView>, assessment: Assessment | null, 
/**
 * Why there is no assessment (e.g. the rule set has no window for the level).
 */
assessment_error: string | null, 
/**
 * Hunan's 14 市州 by their short names, the choices of the profile's city.
 */
cities: Array<string>, rules: Array<RuleSummary>, selection: Selection | null, deadline: Deadline | null, themes: Array<ThemeView>, materials: Array<MaterialChoice>, 
/**
 * The kinds of activity the rule set in force credits at all.
 */
credited_kinds: Array<ActivityKind>, 
/**
 * Problems with the user's own rule files, shown on the rules screen.
 */
rule_errors: Array<string>, 
/**
 * Today, `YYYY-MM-DD`, for the UI's relative texts.
 */
today: string, 
/**
 * Why nothing can be saved this time (a full disk, a read-only folder), said in Chinese and
 * shown as a banner; `null` when the folder opened normally.
 */
read_only: string | null, };

export type SavedActivity = { id: string, snapshot: Snapshot, };

export type Preview = { credits: Array<Credit>, 
/**
 * The 公需 and 专业 hours the record would earn, as the engine totals them.
 */
hours: Hours, warnings: Array<string>, 
/**
 * The first validation problem, in Chinese; `null` when the record is valid.
 */
error: string | null, };

export type VerifyView = { ok: boolean, lines: Array<string>, };

export type ErrorCode = "input" | "rules" | "file" | "storage" | "cancelled" | "internal";

export type AppError = { code: ErrorCode, message: string, };

export type ExportSummary = { path: string, 
/**
 * Size in bytes.
 */
size: number, files: number, pdf_pages: number, 
/**
 * Evidence known by name only (no file in the app), left out of the package.
 */
not_included: Array<string>, };

export type ExportProgress = { stage: string, files_done: number, files_total: number, bytes_done: number, bytes_total: number, };

/** The Chinese labels of `Platform`, in the order the forms offer them. */
export const PLATFORM_LABELS: Record<Platform, string> = {
  unified: '统一平台（国家级继续教育基地的平台）',
  other: '其他平台',
}

/** The Chinese labels of `AidTask`, in the order the forms offer them. */
export const AID_TASK_LABELS: Record<AidTask, string> = {
  sanyuan: '三援（援藏、援疆、援外）',
  east_west: '东西部扶贫协作',
  other: '其他省级以上特定任务',
}

/** The fields of each kind in the ledger format besides the common ones (`kind_fields`). */
export const KIND_FIELDS: Record<ActivityKind, readonly string[]> = {
  training: ['days', 'half_days', 'evenings', 'hours'],
  conference: ['days', 'half_days', 'evenings', 'hours'],
  practice: ['days', 'half_days', 'evenings', 'hours'],
  online_course: ['hours'],
  staff_training: ['hours', 'platform'],
  research_project: ['level', 'role'],
  book: ['role'],
  paper: ['role', 'venue'],
  patent: ['patent_type', 'rank'],
  award: ['level', 'grade', 'rank'],
  digital_exam: ['units'],
  qualification_exam: ['units'],
  degree_course: ['units'],
  aid_posting: ['task'],
  expert_service: ['days', 'hours'],
  overseas_exchange: [],
  skill_contest: ['level', 'medal'],
  prior_certificate: ['from_year', 'to_year'],
}

/** The commands the web view may call (`src-tauri/src/command_list.rs`). */
export type Command = 'snapshot' | 'save_profile' | 'save_plan' | 'save_activity' | 'remove_activity' | 'preview_activity' | 'attach_by_dialog' | 'attach_dropped' | 'detach_evidence' | 'open_evidence' | 'compare_rules' | 'load_rule_file' | 'backup_now' | 'restore_backup' | 'verify_vault' | 'import_file' | 'open_demo' | 'close_demo' | 'export_package' | 'cancel_export' | 'reveal_export' | 'first_screen_rendered'
