// The form of each activity kind: which fields it shows and how (widget, step, hint, note).
// Every name and choice is the Rust side's, generated into bindings.ts: each field as the kind's
// form names it (KIND_FIELD_LABELS), the vocabularies' labels. Whether a value is valid is decided
// by the engine (see the preview).
import type { SelectOption } from 'naive-ui'
import type { ActivityFields, ActivityKind, LedgerField } from './bindings'
import {
  AID_TASK_LABELS,
  AWARD_GRADE_LABELS,
  BOOK_ROLE_LABELS,
  CONTEST_LEVEL_LABELS,
  FIELD_LABELS,
  KIND_FIELD_LABELS,
  MEDAL_LABELS,
  PAPER_ROLE_LABELS,
  PATENT_TYPE_LABELS,
  PLATFORM_LABELS,
  PROJECT_LEVEL_LABELS,
  PROJECT_ROLE_LABELS,
  VENUE_LABELS,
} from './bindings'

export type FieldName = Exclude<keyof ActivityFields, 'id' | 'kind' | 'title' | 'date' | 'provider' | 'note'>

export type Choice = SelectOption & { label: string; value: string | number }

/** How the form asks a field; its name is the Rust side's (see `fieldLabel`). */
export interface FieldLayout {
  name: FieldName
  type: 'number' | 'select' | 'date'
  options?: Choice[]
  step?: number
  hint?: string
  /** For a select that may stay empty: the label of the empty choice (e.g. 未填写). */
  unset?: string
  /** One line under the field saying why it matters. */
  note?: string
}

export interface FieldSpec extends FieldLayout {
  /** The name this kind's form gives the field. */
  label: string
}

export interface KindForm {
  /** What the record's date means for this kind. */
  dateLabel: string
  /** Whether the record declares 公需 or 专业. */
  category: boolean
  fields: FieldSpec[]
  titleLabel: string
  providerLabel: string
}

/** The name the form of `kind` gives a field (`LedgerField::label_for`); the general name otherwise. */
export function fieldLabel(kind: ActivityKind, name: LedgerField): string {
  return KIND_FIELD_LABELS[kind][name] ?? FIELD_LABELS[name]
}

/** The choices of a vocabulary, labelled and ordered as the Rust side labels them. */
export function choicesOf(labels: Record<string, string>): Choice[] {
  return Object.entries(labels).map(([value, label]) => ({ label, value }))
}

const grades: Choice[] = Object.entries(AWARD_GRADE_LABELS).map(([grade, label]) => ({ label, value: Number(grade) }))

const sessions: FieldLayout[] = [
  { name: 'end_date', type: 'date' },
  { name: 'days', type: 'number', step: 1, hint: '整天的数量' },
  { name: 'half_days', type: 'number', step: 1 },
  { name: 'evenings', type: 'number', step: 1 },
  { name: 'hours', type: 'number', step: 0.5, hint: '可不填', note: '2017 年按证明上的学时认定（2018、2019 年申报也适用）' },
]

const endDate: FieldLayout = { name: 'end_date', type: 'date' }
const rank: FieldLayout = { name: 'rank', type: 'number', step: 1, hint: '独立或第一填 1' }
const count = (name: FieldName): FieldLayout => ({ name, type: 'number', step: 1 })
const select = (name: FieldName, labels: Record<string, string>): FieldLayout => ({ name, type: 'select', options: choicesOf(labels) })

const layouts: Record<ActivityKind, FieldLayout[]> = {
  training: sessions,
  conference: sessions,
  practice: sessions,
  online_course: [{ name: 'hours', type: 'number', step: 0.5, hint: '结业证书上载明的学时' }],
  staff_training: [
    { name: 'hours', type: 'number', step: 0.5, hint: '培训合格证书上的学时' },
    { ...select('platform', PLATFORM_LABELS), unset: '未填写', note: '2026 年起只认定在统一平台上完成的培训' },
  ],
  research_project: [select('level', PROJECT_LEVEL_LABELS), select('role', PROJECT_ROLE_LABELS)],
  book: [select('role', BOOK_ROLE_LABELS)],
  paper: [select('role', PAPER_ROLE_LABELS), select('venue', VENUE_LABELS)],
  patent: [select('patent_type', PATENT_TYPE_LABELS), rank],
  award: [select('level', PROJECT_LEVEL_LABELS), { name: 'grade', type: 'select', options: grades }, rank],
  digital_exam: [count('units')],
  qualification_exam: [count('units')],
  degree_course: [count('units')],
  aid_posting: [endDate, { ...select('task', AID_TASK_LABELS), unset: '未填写', note: '2026 年只有“三援”视为完成当年' }],
  expert_service: [endDate, count('days'), { name: 'hours', type: 'number', step: 0.5 }],
  overseas_exchange: [endDate],
  skill_contest: [select('level', CONTEST_LEVEL_LABELS), select('medal', MEDAL_LABELS)],
  prior_certificate: [count('from_year'), count('to_year')],
}

function formOf(kind: ActivityKind): KindForm {
  return {
    dateLabel: fieldLabel(kind, 'date'),
    category: 'category' in KIND_FIELD_LABELS[kind],
    fields: layouts[kind].map((layout) => ({ ...layout, label: fieldLabel(kind, layout.name) })),
    titleLabel: fieldLabel(kind, 'title'),
    providerLabel: fieldLabel(kind, 'provider'),
  }
}

/** The form of every kind. */
export const forms = Object.fromEntries((Object.keys(layouts) as ActivityKind[]).map((k) => [k, formOf(k)])) as Record<
  ActivityKind,
  KindForm
>

/** A new record of a kind: today's date, the usual defaults. */
export function blankFields(kind: ActivityKind, today: string): ActivityFields {
  const f: ActivityFields = {
    id: null,
    kind,
    title: '',
    date: today,
    end_date: null,
    provider: null,
    note: null,
    category: forms[kind].category ? 'professional' : null,
    days: null,
    half_days: null,
    evenings: null,
    hours: null,
    level: null,
    role: null,
    venue: null,
    patent_type: null,
    rank: null,
    grade: null,
    units: null,
    medal: null,
    from_year: null,
    to_year: null,
    platform: null,
    task: null,
  }
  if (kind === 'paper') f.venue = 'domestic'
  if (['patent', 'award'].includes(kind)) f.rank = 1
  if (['digital_exam', 'qualification_exam', 'degree_course'].includes(kind)) f.units = 1
  return f
}

/** Keeps only the fields of the record's kind, so that switching kinds leaves nothing behind. */
export function fieldsOfKind(fields: ActivityFields): ActivityFields {
  const kind = fields.kind
  if (!kind) return fields
  const keep = new Set<string>(['id', 'kind', 'title', 'date', 'provider', 'note'])
  if (forms[kind].category) keep.add('category')
  for (const spec of forms[kind].fields) keep.add(spec.name)
  const out = { ...fields } as Record<string, unknown>
  for (const key of Object.keys(out)) {
    if (!keep.has(key)) out[key] = null
  }
  return out as ActivityFields
}
