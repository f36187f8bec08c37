// Generated from the Rust types by `src-tauri/src/bindings.rs`. Do not edit:
// run `XUESHI_UPDATE_BINDINGS=1 cargo test -p xueshi-app bindings` after changing them.

export type ActivityKind = "training" | "conference" | "practice" | "online_course" | "staff_training" | "research_project" | "book" | "paper" | "patent" | "award" | "digital_exam" | "qualification_exam" | "degree_course" | "aid_posting" | "expert_service" | "overseas_exchange" | "skill_contest" | "prior_certificate";

export type Level = "junior" | "intermediate" | "associate_senior" | "senior";

export type ApplicationPath = "standard" | "phd" | "master_medical";

export type Category = "public" | "professional";

export type CreditCategory = "public" | "professional" | "full_year" | "prior_certificate";

export type Platform = "unified" | "other";

export type AidTask = "sanyuan" | "east_west" | "other";

export type ProjectLevel = "provincial" | "municipal";

export type ContestLevel = "national" | "provincial";

export type ProjectRole = "host" | "main" | "participant";

export type BookRole = "first" | "other";

export type PaperRole = "first" | "corresponding" | "other";

export type Venue = "domestic" | "international";

export type PatentType = "invention" | "utility_model" | "design";

export type Medal = "gold" | "silver" | "bronze";

export type LedgerField = "kind" | "title" | "date" | "category" | "end_date" | "days" | "half_days" | "evenings" | "hours" | "level" | "role" | "venue" | "patent_type" | "rank" | "grade" | "units" | "medal" | "from_year" | "to_year" | "platform" | "task" | "provider" | "note" | "evidence" | "id";

export type ProfileField = "name" | "employer" | "current_title" | "title_date" | "id_number" | "certificate_number" | "city";

export type Hours = number;

export type Completeness = "complete" | "incomplete" | "no_rule";

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
 * order (`set` is the index of the complete or closest one). In JSON `met`: per set, per
 * requirement, a flag; the requirements' alternatives are in the assessment's
 * `evidence_rules[clause]`, in the same order.
 */
met: Array<Array<boolean>>, 
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
 * The document's 文号 or title.
 */
document: string, 
/**
 * The sentence the clause quotes.
 */
quote: string, };

export type Credit = { activity: string, year: number, category: CreditCategory, hours: Hours, 
/**
 * The clause that credits the hours, shared by all its credits; serialized as its id
 * `clause`, whose document and quote are in the assessment's `clauses`.
 */
clause: string, 
/**
 * How the hours were counted; serialized as words, e.g. `2 天 × 8 学时`.
 */
basis: string, 
/**
 * Whether the year is one of the checked years.
 */
in_window: boolean, };

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

export type Warning = { activity: string | null, message: string, 
/**
 * The warning states an assumption (推定) where the notices do not decide.
 */
assumption: boolean, };

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
 * The document and quote of every clause the credits cite, by clause id (each quoted once,
 * however many credits cite it).
 */
clauses: { [key in string]: ClauseSource }, 
/**
 * Per record, in the ledger's order.
 */
records: Array<RecordTotal>, evidence: Array<EvidenceStatus>, 
/**
 * The materials each evidence rule that checked a record asks for, by clause id (each rule
 * once, however many records it checks): its alternative sets, each a list of requirements, each the materials
 * of which any one will do. A record's check says per requirement whether it is met.
 */
evidence_rules: { [key in string]: Array<Array<Array<string>>> }, warnings: Array<Warning>, };

export type FindingKind = "same_file" | "same_certificate" | "overlapping_dates" | "day_over_limit" | "outside_window" | "paper_without_issn" | "evidence_name_mismatch" | "evidence_id_mismatch" | "year_without_evidence";

export type Finding = { kind: FindingKind, 
/**
 * The ids of the records concerned, in the ledger's order.
 */
records: Array<string>, 
/**
 * The year it concerns, when it concerns a year.
 */
year: number | null, 
/**
 * What a reviewer would question, naming the records by date and title.
 */
message: string, 
/**
 * What to do about it.
 */
action: string, };

export type KeepFinding = { kind: FindingKind, 
/**
 * The ids of the records it concerns, as the 预审 gave them.
 */
records: Array<string>, year: number | null, 
/**
 * The applicant's explanation (may be empty).
 */
note: string, };

export type GuideClause = { 
/**
 * `set/id`, as credits name their clause (the previews link here by it).
 */
clause: string, 
/**
 * The rule in plain Chinese.
 */
rule: string, 
/**
 * The notice's sentence it rests on.
 */
quote: string, 
/**
 * The document the sentence is from (`湘人社函〔2020〕11号`).
 */
citation: string, note: string | null, 
/**
 * The app's reading of the sentence is an inference (explained in `note`).
 */
assumed: boolean, };

export type GuideKind = { kind: ActivityKind, credits: Array<GuideClause>, materials: GuideClause | null, 
/**
 * For a kind that earns nothing: how to record it so that it counts, or why it cannot.
 */
advice: GuideClause | null, };

export type RuleGuide = { 
/**
 * The rule set's id (to ask for it again; never shown).
 */
id: string, 
/**
 * The notice as a person names it: `《…》（湘人社办函〔2024〕21号）`.
 */
title: string, issuer: string, 
/**
 * The application years it governs, in words (`2024年度参评`).
 */
governs: string, note: string | null, requirement: GuideClause, 
/**
 * The years checked, per level and path.
 */
windows: Array<GuideClause>, 
/**
 * What each kind of activity earns, in the vocabulary's order; kinds the set says nothing of
 * are left out.
 */
kinds: Array<GuideKind>, 
/**
 * The 核认 periods of the application year.
 */
periods: Array<GuideClause>, 
/**
 * The public-subject themes of each year.
 */
themes: Array<GuideClause>, };

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

export type ActivityView = { fields: ActivityFields, year: number, 
/**
 * 公需科目 or 专业科目: declared, or 专业科目 for the kinds that declare none.
 */
subject: Category, evidence: Array<EvidenceView>, };

export type RuleSummary = { id: string, 
/**
 * `《title》（文号）`
 */
display: string, doc_number: string | null, governs: Array<number>, city: string | null, builtin: boolean, note: string | null, };

export type Selection = { id: string, assumed: boolean, reason: string, 
/**
 * The province-wide notice before the one in force, to compare with by default.
 */
previous: string | null, };

export type Deadline = { who: string, 
/**
 * `YYYY-MM-DD`
 */
from: string, to: string, days_left: number, quote: string, };

export type ThemeView = { year: number, topics: Array<string>, };

export type YearCount = { year: number, records: number, incomplete: number, };

export type MaterialChoice = { kind: ActivityKind, materials: Array<string>, };

export type Snapshot = { data_dir: string, demo: boolean, 
/**
 * No profile and no plan yet: show the first-run setup.
 */
first_run: boolean, profile: ProfileDto, plan: PlanDto | null, 
/**
 * `false` for the first screen's snapshot (`Handbook::first_screen`), which leaves out the
 * records and the assessment's per-record results (credits, evidence, records,
 * evidence_rules) so that the dashboard can be drawn at once; the full snapshot follows.
 */
complete: boolean, activities: Array<ActivityView>, 
/**
 * Each year that has records, in order: its records and those with incomplete evidence.
 */
year_counts: Array<YearCount>, assessment: Assessment | null, 
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
read_only: string | null, 
/**
 * The user's settings (the upload kit's size limit).
 */
settings: Settings, };

export type SavedActivity = { id: string, snapshot: Snapshot, };

export type Preview = { credits: Array<Credit>, 
/**
 * The document and quote of each clause the credits cite, by clause id.
 */
clauses: { [key in string]: ClauseSource }, 
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
 * Pages of 证明材料汇编.pdf in the package.
 */
evidence_book_pages: number, 
/**
 * Evidence files the book could only name (a PDF that needs a password, a damaged photo).
 */
evidence_book_problems: Array<string>, 
/**
 * Evidence known by name only (no file in the app), left out of the package.
 */
not_included: Array<string>, };

export type EvidenceBookSummary = { path: string, pages: number, 
/**
 * Evidence files the book could only name (a PDF that needs a password, a damaged photo).
 */
problems: Array<string>, };

export type Settings = { 
/**
 * The largest file of the upload kit, in MB (default 5).
 */
upload_limit_mb: number, 
/**
 * The window's zoom in percent, one of [`ZOOM_PERCENTS`] (default 100).
 */
zoom_percent: number, 
/**
 * Remind when the 核认 period opens or closes within 30 days (default on).
 */
remind_period: boolean, 
/**
 * Remind when the current year of the window is still short after 1 October (default on).
 */
remind_short_year: boolean, 
/**
 * Remind of records older than 30 days still lacking evidence (default on).
 */
remind_evidence: boolean, };

export type ZoomStep = "in" | "out" | "reset";

export type Component = { name: string, 
/**
 * What it does in the app, in Chinese.
 */
role: string, licence: string, 
/**
 * The notice and licence texts, as their authors wrote them.
 */
text: string, };

export type About = { 
/**
 * The version, as the installer names it (0.1.0).
 */
version: string, 
/**
 * The bundled works whose licences are shown, in the order shown.
 */
components: Array<Component>, 
/**
 * The other open-source software the app is built of, in one sentence.
 */
others: string, };

export type ReminderKind = "period_opens" | "period_closes" | "year_short" | "evidence_missing";

export type Reminder = { kind: ReminderKind, title: string, text: string, };

export type ScannedLine = { text: string, 
/**
 * The page, from 0.
 */
page: number, 
/**
 * Where on the page: left, top, right, bottom as fractions of the page from its top-left
 * corner; `None` when unknown.
 */
bbox: [number, number, number, number] | null, };

export type ListedPlatform = { 
/**
 * 基地名称, e.g. 中南大学.
 */
base: string, 
/**
 * The platform's host as the notice writes it.
 */
host: string, 
/**
 * The rule set listing it.
 */
set: string, 
/**
 * That notice: its 文号, or its title in 《》.
 */
notice: string, };

export type QrLink = { 
/**
 * The host, lowercase, without a port (`sypx.csu.edu.cn`).
 */
host: string, 
/**
 * The listed platform the host is, or is under; `None`: another host.
 */
platform: ListedPlatform | null, 
/**
 * The notice whose list of platforms the host was checked against (文号 or 《title》);
 * `None` when no notice lists any.
 */
list: string | null, };

export type FormQr = { text: string, 
/**
 * `None` when the text is not an http or https link: it is only shown.
 */
link: QrLink | null, 
/**
 * For a link: the base whose listed platform it points to, or, neutrally, that it points
 * elsewhere.
 */
note: string | null, };

export type FieldSource = { 
/**
 * The form's field: kind, title, provider, date, end date, hours or note.
 */
field: LedgerField, 
/**
 * How sure the reading is, from 0 to 1.
 */
sure: number, 
/**
 * The line of the certificate (an index into `lines`).
 */
line: number, };

export type ScanForm = { fields: ActivityFields, sources: Array<FieldSource>, lines: Array<ScannedLine>, 
/**
 * The QR codes found on a photo or scan.
 */
qr: Array<FormQr>, 
/**
 * Sentences for the user: text recognised in a photo, a certificate naming someone else, a
 * 学分 without its 学时.
 */
notes: Array<string>, };

export type DuplicateKind = "record_has_file" | "record_has_number" | "folder_has_file" | "folder_has_number";

export type Duplicate = { kind: DuplicateKind, 
/**
 * The record's id, for the kinds about a record.
 */
record: string | null, 
/**
 * The record's title, or the other file's name in the folder.
 */
name: string, 
/**
 * What the review table says: 已有记录“…”附有同一文件.
 */
message: string, };

export type ScannedFile = { 
/**
 * Its name inside the folder, subfolders joined by `/`.
 */
name: string, 
/**
 * What it suggests, as the record form takes it; `None` when nothing could be read.
 */
form: ScanForm | null, 
/**
 * Why it suggests nothing (to be filled in by hand); `None` when it does.
 */
reason: string | null, 
/**
 * How sure the least sure field read is, from 0 to 1.
 */
sure: number | null, duplicates: Array<Duplicate>, };

export type FolderReview = { 
/**
 * Names the files for `accept_scanned`.
 */
token: number, 
/**
 * The folder's own name.
 */
folder: string, 
/**
 * Sorted by name; `accept_scanned` takes a file by its place here.
 */
files: Array<ScannedFile>, };

export type FolderProgress = { done: number, total: number, name: string, };

export type BackupEntry = { name: string, label: string, };

export type UploadKitFile = { 
/**
 * `2023年/2023年_继续教育佐证材料.pdf`
 */
name: string, pages: number, 
/**
 * `1.2 MB`
 */
size: string, 
/**
 * A single page larger than the limit by itself.
 */
over_limit: boolean, };

export type UploadKitYear = { year: number, 
/**
 * Covered by an earlier 学时认定单, whose pages are its file.
 */
certificate: boolean, 
/**
 * The photos were re-encoded smaller to meet the limit.
 */
reduced: boolean, files: Array<UploadKitFile>, };

export type UploadKitSummary = { path: string, 
/**
 * `5 MB`
 */
limit: string, years: Array<UploadKitYear>, 
/**
 * Evidence files shown as a page of text instead of their content.
 */
problems: Array<string>, };

export type ExportProgress = { stage: string, files_done: number, files_total: number, bytes_done: number, bytes_total: number, };

/** The Chinese labels of `ActivityKind`, in the order the forms offer them. */
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  training: '培训班/研修班/进修班',
  conference: '学术会议/讲座/访问/交流',
  practice: '继续教育实践活动',
  online_course: '网络课程',
  staff_training: '事业单位工作人员培训',
  research_project: '课题研究与项目开发',
  book: '著作/译作/教材',
  paper: '论文',
  patent: '专利',
  award: '科技（社科）奖项',
  digital_exam: '计算机/数字技术应用能力考试',
  qualification_exam: '职业资格考试',
  degree_course: '学历（学位）教育课程',
  aid_posting: '三援/东西部扶贫协作等特定任务',
  expert_service: '专家服务基层',
  overseas_exchange: '海外交换（交流）',
  skill_contest: '技能大赛',
  prior_certificate: '以前年度学时认定单',
}

/** The Chinese labels of `Level`, in the order the forms offer them. */
export const LEVEL_LABELS: Record<Level, string> = {
  junior: '初级',
  intermediate: '中级',
  associate_senior: '副高级',
  senior: '正高级',
}

/** The Chinese labels of `ApplicationPath`, in the order the forms offer them. */
export const APPLICATION_PATH_LABELS: Record<ApplicationPath, string> = {
  standard: '常规',
  phd: '博士参评副高',
  master_medical: '硕士参评医学类副高',
}

/** The Chinese labels of `Category`, in the order the forms offer them. */
export const CATEGORY_LABELS: Record<Category, string> = {
  public: '公需科目',
  professional: '专业科目',
}

/** The Chinese labels of `CreditCategory`, in the order the forms offer them. */
export const CREDIT_CATEGORY_LABELS: Record<CreditCategory, string> = {
  public: '公需科目',
  professional: '专业科目',
  full_year: '全年认定',
  prior_certificate: '学时认定单',
}

/** The Chinese labels of `ProjectLevel`, in the order the forms offer them. */
export const PROJECT_LEVEL_LABELS: Record<ProjectLevel, string> = {
  provincial: '省部级及以上',
  municipal: '市厅级',
}

/** The Chinese labels of `ContestLevel`, in the order the forms offer them. */
export const CONTEST_LEVEL_LABELS: Record<ContestLevel, string> = {
  national: '国际/国家级',
  provincial: '省级',
}

/** The Chinese labels of `ProjectRole`, in the order the forms offer them. */
export const PROJECT_ROLE_LABELS: Record<ProjectRole, string> = {
  host: '主持人',
  main: '主要完成人（除主持人外署名前三）',
  participant: '其他参与人',
}

/** The Chinese labels of `BookRole`, in the order the forms offer them. */
export const BOOK_ROLE_LABELS: Record<BookRole, string> = {
  first: '独立或第一作者',
  other: '其他作者',
}

/** The Chinese labels of `PaperRole`, in the order the forms offer them. */
export const PAPER_ROLE_LABELS: Record<PaperRole, string> = {
  first: '独立或第一作者',
  corresponding: '通讯作者',
  other: '其他作者',
}

/** The Chinese labels of `Venue`, in the order the forms offer them. */
export const VENUE_LABELS: Record<Venue, string> = {
  domestic: '国内统一刊号刊物',
  international: '国外刊物',
}

/** The Chinese labels of `PatentType`, in the order the forms offer them. */
export const PATENT_TYPE_LABELS: Record<PatentType, string> = {
  invention: '发明专利',
  utility_model: '实用新型专利',
  design: '外观设计专利',
}

/** The Chinese labels of `Medal`, in the order the forms offer them. */
export const MEDAL_LABELS: Record<Medal, string> = {
  gold: '金奖',
  silver: '银奖',
  bronze: '铜奖',
}

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

/** The Chinese labels of `FindingKind`, in the order the forms offer them. */
export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  same_file: '同一文件用于多条记录',
  same_certificate: '同一证书编号用于多条记录',
  overlapping_dates: '培训日期重叠',
  day_over_limit: '单日学时超过折算上限',
  outside_window: '不在认定跨度内',
  paper_without_issn: '论文未填刊号',
  evidence_name_mismatch: '证明材料上的姓名与本人不符',
  evidence_id_mismatch: '证明材料上的身份证号与本人不符',
  year_without_evidence: '有学时无证明材料',
}

/** The Chinese labels of `LedgerField`, in the order the forms offer them. */
export const FIELD_LABELS: Record<LedgerField, string> = {
  kind: '形式',
  title: '名称',
  date: '日期',
  category: '类别',
  end_date: '结束日期',
  days: '天数',
  half_days: '半天数',
  evenings: '晚上数',
  hours: '学时',
  level: '级别',
  role: '角色/作者身份',
  venue: '刊物',
  patent_type: '专利类型',
  rank: '排名（第几位）',
  grade: '等级',
  units: '通过数量',
  medal: '奖项',
  from_year: '认定起始年度',
  to_year: '认定截止年度',
  platform: '培训平台',
  task: '任务类型',
  provider: '主办单位/机构',
  note: '备注',
  evidence: '证明材料',
  id: '记录编号',
}

/** The Chinese labels of `ProfileField`, in the order the forms offer them. */
export const PROFILE_FIELD_LABELS: Record<ProfileField, string> = {
  name: '姓名',
  employer: '工作单位',
  current_title: '现职称',
  title_date: '取得时间',
  id_number: '身份证号',
  certificate_number: '登记手册编号',
  city: '所在市州',
}

/** The short labels of `CreditCategory`, for a table's narrow column. */
export const CREDIT_CATEGORY_SHORT_LABELS: Record<CreditCategory, string> = {
  public: '公需',
  professional: '专业',
  full_year: '全年认定',
  prior_certificate: '认定单',
}

/** The grades of an award (`grade`), in the order the form offers them. */
export const AWARD_GRADE_LABELS: Record<number, string> = {
  1: '一等奖',
  2: '二等奖',
  3: '三等奖',
}

/** The header naming a file pasted into the window (`paste_file`; percent-encoded UTF-8). */
export const PASTED_NAME_HEADER = 'x-xueshi-name'

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
export type Command = 'snapshot' | 'first_screen' | 'save_profile' | 'save_plan' | 'save_settings' | 'zoom' | 'about' | 'reminders' | 'save_calendar' | 'login_check' | 'set_login_check' | 'save_activity' | 'remove_activity' | 'undo_remove' | 'preview_activity' | 'attach_by_dialog' | 'attach_dropped' | 'scan_dropped' | 'accept_dropped' | 'paste_file' | 'scan_folder' | 'accept_scanned' | 'detach_evidence' | 'open_evidence' | 'compare_rules' | 'rule_guide' | 'review' | 'load_rule_file' | 'backup_now' | 'list_backups' | 'restore_backup' | 'restore_listed_backup' | 'open_data_folder' | 'move_data_folder' | 'use_existing_data_folder' | 'export_all_data' | 'save_import_template' | 'verify_vault' | 'import_file' | 'open_demo' | 'close_demo' | 'export_package' | 'export_evidence_book' | 'export_upload_kit' | 'cancel_export' | 'reveal_export' | 'print_summary' | 'first_screen_rendered'

/** The fields a record of each kind may carry, named as its form names them (`record_fields`). */
export const KIND_FIELD_LABELS: Record<ActivityKind, Partial<Record<LedgerField, string>>> = {
  training: {
    kind: '形式',
    title: '培训名称',
    date: '开始日期',
    category: '类别',
    end_date: '结束日期',
    days: '天数',
    half_days: '半天数',
    evenings: '晚上数',
    hours: '证明上载明的学时',
    provider: '施教机构',
    note: '备注',
    evidence: '证明材料',
    id: '记录编号',
  },
  conference: {
    kind: '形式',
    title: '会议/讲座名称',
    date: '开始日期',
    category: '类别',
    end_date: '结束日期',
    days: '天数',
    half_days: '半天数',
    evenings: '晚上数',
    hours: '证明上载明的学时',
    provider: '主办单位',
    note: '备注',
    evidence: '证明材料',
    id: '记录编号',
  },
  practice: {
    kind: '形式',
    title: '实践活动名称',
    date: '开始日期',
    category: '类别',
    end_date: '结束日期',
    days: '天数',
    half_days: '半天数',
    evenings: '晚上数',
    hours: '证明上载明的学时',
    provider: '组织单位',
    note: '备注',
    evidence: '证明材料',
    id: '记录编号',
  },
  online_course: {
    kind: '形式',
    title: '课程名称',
    date: '完成日期',
    category: '类别',
    end_date: '结束日期',
    hours: '证书学时',
    provider: '学习平台/施教机构',
    note: '备注',
    evidence: '证明材料',
    id: '记录编号',
  },
  staff_training: {
    kind: '形式',
    title: '培训名称',
    date: '完成日期',
    category: '类别',
    end_date: '结束日期',
    hours: '证书学时',
    platform: '培训平台',
    provider: '施教机构',
    note: '备注',
    evidence: '证明材料',
    id: '记录编号',
  },
  research_project: {
    kind: '形式',
    title: '课题名称',
    date: '结题日期',
    end_date: '结束日期',
    level: '课题级别',
    role: '本人角色',
    provider: '立项单位',
    note: '备注',
    evidence: '证明材料',
    id: '记录编号',
  },
  book: {
    kind: '形式',
    title: '书名',
    date: '出版日期',
    end_date: '结束日期',
    role: '作者排名',
    provider: '出版社',
    note: '备注',
    evidence: '证明材料',
    id: '记录编号',
  },
  paper: {
    kind: '形式',
    title: '论文题目',
    date: '发表日期',
    end_date: '结束日期',
    role: '作者身份',
    venue: '刊物',
    provider: '刊物名称',
    note: '备注',
    evidence: '证明材料',
    id: '记录编号',
  },
  patent: {
    kind: '形式',
    title: '专利名称',
    date: '授权日期',
    end_date: '结束日期',
    patent_type: '专利类型',
    rank: '排名（第几位）',
    provider: '专利号',
    note: '备注',
    evidence: '证明材料',
    id: '记录编号',
  },
  award: {
    kind: '形式',
    title: '奖项及成果名称',
    date: '获奖日期',
    end_date: '结束日期',
    level: '奖项级别',
    grade: '等级',
    rank: '排名（第几位）',
    provider: '颁奖单位',
    note: '备注',
    evidence: '证明材料',
    id: '记录编号',
  },
  digital_exam: {
    kind: '形式',
    title: '考试名称',
    date: '通过日期',
    end_date: '结束日期',
    units: '通过模块/科目数',
    provider: '考试机构',
    note: '备注',
    evidence: '证明材料',
    id: '记录编号',
  },
  qualification_exam: {
    kind: '形式',
    title: '考试名称',
    date: '通过日期',
    end_date: '结束日期',
    units: '通过考试科目数',
    provider: '考试机构',
    note: '备注',
    evidence: '证明材料',
    id: '记录编号',
  },
  degree_course: {
    kind: '形式',
    title: '课程名称',
    date: '通过日期',
    end_date: '结束日期',
    units: '通过课程数',
    provider: '学校',
    note: '备注',
    evidence: '证明材料',
    id: '记录编号',
  },
  aid_posting: {
    kind: '形式',
    title: '任务名称（如 援疆）',
    date: '外派开始日期',
    end_date: '外派结束日期',
    task: '任务类型',
    provider: '派出单位',
    note: '备注',
    evidence: '证明材料',
    id: '记录编号',
  },
  expert_service: {
    kind: '形式',
    title: '服务内容',
    date: '服务日期',
    category: '类别',
    end_date: '结束日期',
    days: '现场服务天数',
    hours: '线上服务学时',
    provider: '服务单位',
    note: '备注',
    evidence: '证明材料',
    id: '记录编号',
  },
  overseas_exchange: {
    kind: '形式',
    title: '交流项目',
    date: '开始日期',
    end_date: '结束日期',
    provider: '邀请方',
    note: '备注',
    evidence: '证明材料',
    id: '记录编号',
  },
  skill_contest: {
    kind: '形式',
    title: '大赛名称',
    date: '获奖日期',
    end_date: '结束日期',
    level: '大赛级别',
    medal: '奖项',
    provider: '主办单位',
    note: '备注',
    evidence: '证明材料',
    id: '记录编号',
  },
  prior_certificate: {
    kind: '形式',
    title: '认定单名称',
    date: '开具日期',
    end_date: '结束日期',
    from_year: '认定起始年度',
    to_year: '认定截止年度',
    provider: '开具单位',
    note: '备注',
    evidence: '证明材料',
    id: '记录编号',
  },
}
