// For component tests: the app's answers, built as the Rust side shapes them (typed by the bindings).
import type {
  ActivityFields,
  ActivityKind,
  ActivityView,
  AppError,
  Assessment,
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
    activities,
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
    ...more,
  }
}

/** A saved record of the given kind, dated today. */
export function recordOf(id: string, kind: ActivityKind, more: Partial<ActivityFields> = {}): ActivityView {
  const fields = { ...blankFields(kind, TODAY), id, title: '全省基层卫生人员培训', ...more }
  return { fields, year: Number(fields.date.slice(0, 4)), evidence: [] }
}

/** One professional credit as the engine states it, with the clause it applies and its sentence. */
export function credit(hours: number, basis: string, quote: string): Credit {
  return {
    activity: '',
    year: 2026,
    category: 'professional',
    hours,
    basis,
    in_window: true,
    clause: 'test/clause',
    document: '湘人社规〔2024〕5号',
    quote,
  }
}

/** The engine's preview of a record: its total as the engine states it, and the credits behind it. */
export function previewOf(hours: number, credits: Credit[], warnings: string[] = []): Preview {
  return { credits, hours, warnings, error: null }
}

/** The engine's preview of a record it cannot credit yet, with its reason. */
export function previewRefused(error: string): Preview {
  return { credits: [], hours: 0, warnings: [], error }
}

export function evidenceStatus(activity: string, more: Partial<EvidenceStatus>): EvidenceStatus {
  return { activity, status: 'incomplete', set: null, missing: [], sets: [], unrecognised: [], clause: null, ...more }
}

/** An assessment that found nothing but the evidence of each record. */
export function assessmentWith(evidence: EvidenceStatus[]): Assessment {
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
    records: [],
    evidence,
    warnings: [],
  }
}

/** A command's refusal as the app sends it. */
export function appError(message: string): AppError {
  return { code: 'input', message }
}
