// The form of each activity kind: only the fields that kind has in the ledger format, with Chinese
// labels and choices. Whether a value is valid is decided by the engine (see the preview).
// The labels of platforms and tasks are the Rust vocabularies' (generated into bindings.ts).
import type { ActivityFields, ActivityKind } from './bindings'
import { AID_TASK_LABELS, PLATFORM_LABELS } from './bindings'

export type FieldName = Exclude<keyof ActivityFields, 'id' | 'kind' | 'title' | 'date' | 'provider' | 'note'>

import type { SelectOption } from 'naive-ui'

export type Choice = SelectOption & { label: string; value: string | number }

export interface FieldSpec {
  name: FieldName
  label: string
  type: 'number' | 'select' | 'date'
  options?: Choice[]
  step?: number
  hint?: string
  /** For a select that may stay empty: the label of the empty choice (e.g. 未填写). */
  unset?: string
  /** One line under the field saying why it matters. */
  note?: string
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

const sessions: FieldSpec[] = [
  { name: 'end_date', label: '结束日期', type: 'date' },
  { name: 'days', label: '天数', type: 'number', step: 1, hint: '整天的数量' },
  { name: 'half_days', label: '半天数', type: 'number', step: 1 },
  { name: 'evenings', label: '晚上数', type: 'number', step: 1 },
  {
    name: 'hours',
    label: '证明上载明的学时',
    type: 'number',
    step: 0.5,
    hint: '可不填',
    note: '2017 年按证明上的学时认定（2018、2019 年申报也适用）',
  },
]

/** The choices of a vocabulary, labelled as the Rust side labels them. */
function choicesOf(labels: Record<string, string>): Choice[] {
  return Object.entries(labels).map(([value, label]) => ({ label, value }))
}

const projectLevel: Choice[] = [
  { label: '省部级及以上', value: 'provincial' },
  { label: '市（厅）级', value: 'municipal' },
]

const rank: FieldSpec = { name: 'rank', label: '排名（第几位）', type: 'number', step: 1, hint: '独立或第一填 1' }

export const forms: Record<ActivityKind, KindForm> = {
  training: { dateLabel: '开始日期', category: true, fields: sessions, titleLabel: '培训名称', providerLabel: '施教机构' },
  conference: { dateLabel: '开始日期', category: true, fields: sessions, titleLabel: '会议/讲座名称', providerLabel: '主办单位' },
  practice: { dateLabel: '开始日期', category: true, fields: sessions, titleLabel: '实践活动名称', providerLabel: '组织单位' },
  online_course: {
    dateLabel: '完成日期',
    category: true,
    fields: [{ name: 'hours', label: '证书学时', type: 'number', step: 0.5, hint: '结业证书上载明的学时' }],
    titleLabel: '课程名称',
    providerLabel: '学习平台/施教机构',
  },
  staff_training: {
    dateLabel: '完成日期',
    category: true,
    fields: [
      { name: 'hours', label: '证书学时', type: 'number', step: 0.5, hint: '培训合格证书上的学时' },
      {
        name: 'platform',
        label: '培训平台',
        type: 'select',
        options: choicesOf(PLATFORM_LABELS),
        unset: '未填写',
        note: '2026 年起只认定在统一平台上完成的培训',
      },
    ],
    titleLabel: '培训名称',
    providerLabel: '施教机构',
  },
  research_project: {
    dateLabel: '结题日期',
    category: false,
    fields: [
      { name: 'level', label: '课题级别', type: 'select', options: projectLevel },
      {
        name: 'role',
        label: '本人角色',
        type: 'select',
        options: [
          { label: '主持人', value: 'host' },
          { label: '主要完成人（除主持人外署名前三）', value: 'main' },
          { label: '其他参与人', value: 'participant' },
        ],
      },
    ],
    titleLabel: '课题名称',
    providerLabel: '立项单位',
  },
  book: {
    dateLabel: '出版日期',
    category: false,
    fields: [
      {
        name: 'role',
        label: '作者排名',
        type: 'select',
        options: [
          { label: '独立或第一作者', value: 'first' },
          { label: '其他作者', value: 'other' },
        ],
      },
    ],
    titleLabel: '书名',
    providerLabel: '出版社',
  },
  paper: {
    dateLabel: '发表日期',
    category: false,
    fields: [
      {
        name: 'role',
        label: '作者身份',
        type: 'select',
        options: [
          { label: '独立或第一作者', value: 'first' },
          { label: '通讯作者', value: 'corresponding' },
          { label: '其他作者', value: 'other' },
        ],
      },
      {
        name: 'venue',
        label: '刊物',
        type: 'select',
        options: [
          { label: '国内统一刊号刊物', value: 'domestic' },
          { label: '国外刊物', value: 'international' },
        ],
      },
    ],
    titleLabel: '论文题目',
    providerLabel: '刊物名称',
  },
  patent: {
    dateLabel: '授权日期',
    category: false,
    fields: [
      {
        name: 'patent_type',
        label: '专利类型',
        type: 'select',
        options: [
          { label: '发明专利', value: 'invention' },
          { label: '实用新型专利', value: 'utility_model' },
          { label: '外观设计专利', value: 'design' },
        ],
      },
      rank,
    ],
    titleLabel: '专利名称',
    providerLabel: '专利号',
  },
  award: {
    dateLabel: '获奖日期',
    category: false,
    fields: [
      { name: 'level', label: '奖项级别', type: 'select', options: projectLevel },
      {
        name: 'grade',
        label: '等级',
        type: 'select',
        options: [
          { label: '一等奖', value: 1 },
          { label: '二等奖', value: 2 },
          { label: '三等奖', value: 3 },
        ],
      },
      rank,
    ],
    titleLabel: '奖项及成果名称',
    providerLabel: '颁奖单位',
  },
  digital_exam: {
    dateLabel: '通过日期',
    category: false,
    fields: [{ name: 'units', label: '通过模块/科目数', type: 'number', step: 1 }],
    titleLabel: '考试名称',
    providerLabel: '考试机构',
  },
  qualification_exam: {
    dateLabel: '通过日期',
    category: false,
    fields: [{ name: 'units', label: '通过考试科目数', type: 'number', step: 1 }],
    titleLabel: '考试名称',
    providerLabel: '考试机构',
  },
  degree_course: {
    dateLabel: '通过日期',
    category: false,
    fields: [{ name: 'units', label: '通过课程数', type: 'number', step: 1 }],
    titleLabel: '课程名称',
    providerLabel: '学校',
  },
  aid_posting: {
    dateLabel: '外派开始日期',
    category: false,
    fields: [
      { name: 'end_date', label: '外派结束日期', type: 'date' },
      {
        name: 'task',
        label: '任务类型',
        type: 'select',
        options: choicesOf(AID_TASK_LABELS),
        unset: '未填写',
        note: '2026 年只有“三援”视为完成当年',
      },
    ],
    titleLabel: '任务名称（如 援疆）',
    providerLabel: '派出单位',
  },
  expert_service: {
    dateLabel: '服务日期',
    category: true,
    fields: [
      { name: 'end_date', label: '结束日期', type: 'date' },
      { name: 'days', label: '现场服务天数', type: 'number', step: 1 },
      { name: 'hours', label: '线上服务学时', type: 'number', step: 0.5 },
    ],
    titleLabel: '服务内容',
    providerLabel: '服务单位',
  },
  overseas_exchange: {
    dateLabel: '开始日期',
    category: false,
    fields: [{ name: 'end_date', label: '结束日期', type: 'date' }],
    titleLabel: '交流项目',
    providerLabel: '邀请方',
  },
  skill_contest: {
    dateLabel: '获奖日期',
    category: false,
    fields: [
      {
        name: 'level',
        label: '大赛级别',
        type: 'select',
        options: [
          { label: '国际/国家级', value: 'national' },
          { label: '省级', value: 'provincial' },
        ],
      },
      {
        name: 'medal',
        label: '奖项',
        type: 'select',
        options: [
          { label: '金奖', value: 'gold' },
          { label: '银奖', value: 'silver' },
          { label: '铜奖', value: 'bronze' },
        ],
      },
    ],
    titleLabel: '大赛名称',
    providerLabel: '主办单位',
  },
  prior_certificate: {
    dateLabel: '开具日期',
    category: false,
    fields: [
      { name: 'from_year', label: '认定起始年度', type: 'number', step: 1 },
      { name: 'to_year', label: '认定截止年度', type: 'number', step: 1 },
    ],
    titleLabel: '认定单名称',
    providerLabel: '开具单位',
  },
}

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
