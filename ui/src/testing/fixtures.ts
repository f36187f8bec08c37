// For component tests: the app's answers, built as the Rust side shapes them (typed by the bindings).
import type {
  ActivityFields,
  ActivityKind,
  ActivityView,
  AppError,
  Assessment,
  ClauseSource,
  Credit,
  EvidenceStatus,
  Preview,
  Snapshot,
} from '../bindings'
import { blankFields } from '../kinds'

export const TODAY = '2026-03-15'

/** A snapshot of a data folder holding these records and nothing else decided. */
export function snapshotWith(activities: ActivityView[], more: Partial<Snapshot> = {}): Snapshot {
  return {
    data_dir: '/home/li/学时手册',
    demo: false,
    first_run: false,
    profile: {
      name: '李华',
      id_number: null,
      employer: null,
      current_title: null,
      title_date: null,
      certificate_number: null,
      city: null,
    },
    plan: null,
    complete: true,
    activities,
    year_counts: [],
    assessment: null,
    assessment_error: null,
    cities: [],
    rules: [],
    selection: null,
    deadline: null,
    themes: [],
    materials: [],
    credited_kinds: [],
    rule_errors: [],
    today: TODAY,
    read_only: null,
    settings: { upload_limit_mb: 5, zoom_percent: 100, remind_period: true, remind_short_year: true, remind_evidence: true },
    ...more,
  }
}

/** A saved record of the given kind, dated today. */
export function recordOf(id: string, kind: ActivityKind, more: Partial<ActivityFields> = {}): ActivityView {
  const fields = { ...blankFields(kind, TODAY), id, title: '全省基层卫生人员培训', ...more }
  // As the app sends it: the declared subject, or 专业科目 for a kind that declares none.
  return { fields, year: Number(fields.date.slice(0, 4)), subject: fields.category ?? 'professional', evidence: [] }
}

/** One professional credit as the engine states it, and the clause it applies with its sentence. */
export interface Credited {
  credit: Credit
  clause: ClauseSource
}

/** One professional credit by the clause `test/clause`, quoting `quote`. */
export function credit(hours: number, basis: string, quote: string): Credited {
  return {
    credit: { activity: '', year: 2026, category: 'professional', hours, basis, in_window: true, clause: 'test/clause' },
    clause: { document: '湘人社规〔2024〕5号', quote },
  }
}

/** The engine's preview of a record: its total as the engine states it, the credits behind it and their clauses. */
export function previewOf(hours: number, credited: Credited[], warnings: string[] = []): Preview {
  const clauses = Object.fromEntries(credited.map((c) => [c.credit.clause, c.clause]))
  return { credits: credited.map((c) => c.credit), clauses, hours, warnings, error: null }
}

/** The engine's preview of a record it cannot credit yet, with its reason. */
export function previewRefused(error: string): Preview {
  return { credits: [], clauses: {}, hours: 0, warnings: [], error }
}

export function evidenceStatus(activity: string, more: Partial<EvidenceStatus>): EvidenceStatus {
  return { activity, status: 'incomplete', set: null, missing: [], met: [], unrecognised: [], clause: null, ...more }
}

/** An assessment that found nothing but the evidence of each record (and the rules that checked it). */
export function assessmentWith(evidence: EvidenceStatus[], evidenceRules: Assessment['evidence_rules'] = {}): Assessment {
  return {
    rules: 'test-rules',
    rules_name: '测试规则',
    rules_display: '测试规则',
    document: '湘人社规〔2024〕5号',
    apply_year: 2026,
    level: 'intermediate',
    path: 'standard',
    window: [2025],
    window_clause: 'test/window',
    window_basis: 'rules',
    window_reason: '按通知的规定',
    requirement: {
      total: 0,
      public: null,
      professional: 0,
      both_parts: false,
      assumed: false,
      note: null,
      clause: 'test/requirement',
      document: '湘人社规〔2024〕5号',
      quote: '',
    },
    compliant: true,
    missing: 0,
    years: [],
    credits: [],
    clauses: {},
    records: [],
    evidence,
    evidence_rules: evidenceRules,
    warnings: [],
  }
}

/** A command's refusal as the app sends it. */
export function appError(message: string): AppError {
  return { code: 'input', message }
}
