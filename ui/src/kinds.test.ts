import { describe, expect, it } from 'vitest'
import { blankFields, choicesOf, fieldsOfKind, forms, type FieldName } from './kinds'
import type { ActivityKind } from './bindings'
import * as bindings from './bindings'
import {
  ACTIVITY_KIND_LABELS,
  AID_TASK_LABELS,
  AWARD_GRADE_LABELS,
  BOOK_ROLE_LABELS,
  CONTEST_LEVEL_LABELS,
  KIND_FIELDS,
  KIND_FIELD_LABELS,
  MEDAL_LABELS,
  PAPER_ROLE_LABELS,
  PATENT_TYPE_LABELS,
  PLATFORM_LABELS,
  PROJECT_LEVEL_LABELS,
  PROJECT_ROLE_LABELS,
  VENUE_LABELS,
} from './bindings'

describe('each activity kind has a form with only its own fields', () => {
  it('covers every kind the ledger format knows', () => {
    expect(Object.keys(forms).sort()).toEqual(Object.keys(ACTIVITY_KIND_LABELS).sort())
  })
  it('asks 公需/专业 only for kinds whose records declare it (as the Rust side says)', () => {
    const declaring = (Object.keys(forms) as ActivityKind[]).filter((k) => forms[k].category).sort()
    expect(declaring).toEqual(['conference', 'expert_service', 'online_course', 'practice', 'staff_training', 'training'])
  })
  it('starts a paper as a domestic one and a patent as ranked first', () => {
    expect(blankFields('paper', '2025-01-01').venue).toBe('domestic')
    expect(blankFields('patent', '2025-01-01').rank).toBe(1)
    expect(blankFields('training', '2025-01-01').category).toBe('professional')
  })
})

describe('switching kinds leaves nothing of the old kind behind', () => {
  it('clears days when a training becomes a paper', () => {
    const training = { ...blankFields('training', '2025-03-01'), title: '研修班', days: 2, evenings: 1 }
    const paper = fieldsOfKind({ ...training, kind: 'paper' })
    expect(paper.days).toBeNull()
    expect(paper.evenings).toBeNull()
    expect(paper.category).toBeNull()
    expect(paper.title).toBe('研修班')
  })
  it('keeps the fields the kind has', () => {
    const f = fieldsOfKind({ ...blankFields('expert_service', '2025-03-01'), days: 2, hours: 3.5, units: 4 })
    expect([f.days, f.hours, f.units]).toEqual([2, 3.5, null])
  })
})

describe('the fields of issue 9: platform, task and the hours on the proof', () => {
  const spec = (kind: ActivityKind, name: string) => forms[kind].fields.find((f) => f.name === name)

  it('has the fields of each kind exactly as the ledger format lists them', () => {
    for (const kind of Object.keys(forms) as ActivityKind[]) {
      const names = forms[kind].fields.map((f) => f.name).filter((n) => n !== 'end_date')
      expect([...names].sort(), kind).toEqual([...KIND_FIELDS[kind]].sort())
    }
  })
  it('offers a staff training the platforms by their Rust labels, or 未填写, saying why it matters', () => {
    const platform = spec('staff_training', 'platform')!
    expect(platform.type).toBe('select')
    expect(platform.options).toEqual([
      { label: PLATFORM_LABELS.unified, value: 'unified' },
      { label: PLATFORM_LABELS.other, value: 'other' },
    ])
    expect(platform.unset).toBe('未填写')
    expect(platform.note).toContain('2026 年起只认定在统一平台上完成的培训')
  })
  it('offers a posting its task: 三援, 东西部扶贫协作, another special task, or 未填写', () => {
    const task = spec('aid_posting', 'task')!
    expect(task.options?.map((o) => o.value)).toEqual(['sanyuan', 'east_west', 'other'])
    expect(task.options?.[0].label).toBe(AID_TASK_LABELS.sanyuan)
    expect(task.options?.[0].label).toContain('三援')
    expect(task.unset).toBe('未填写')
    expect(task.note).toContain('只有“三援”视为完成当年')
  })
  it('asks a training, a meeting and a practice for the hours on the proof, optionally', () => {
    for (const kind of ['training', 'conference', 'practice'] as ActivityKind[]) {
      const hours = spec(kind, 'hours')!
      expect(hours.label, kind).toBe('证明上载明的学时')
      expect(hours.note).toContain('2017 年按证明上的学时认定')
    }
    expect(blankFields('training', '2025-01-01').hours).toBeNull()
  })
  it('keeps the platform of a staff training and drops it when the record becomes a training', () => {
    const staff = { ...blankFields('staff_training', '2025-03-01'), hours: 20, platform: 'unified' as const }
    expect(fieldsOfKind(staff).platform).toBe('unified')
    expect(fieldsOfKind({ ...staff, kind: 'training' }).platform).toBeNull()
    const posting = { ...blankFields('aid_posting', '2024-02-01'), task: 'sanyuan' as const }
    expect(fieldsOfKind(posting).task).toBe('sanyuan')
    expect(fieldsOfKind({ ...posting, kind: 'paper' }).task).toBeNull()
  })
})

describe('every name and choice of a form is the Rust side’s, never a hand copy', () => {
  const kinds = Object.keys(forms) as ActivityKind[]
  // Which generated vocabulary each select of each kind offers; a new select must be added here.
  const vocabularyOf = (kind: ActivityKind, name: FieldName): Record<string, string> | undefined =>
    ({
      level: kind === 'skill_contest' ? CONTEST_LEVEL_LABELS : PROJECT_LEVEL_LABELS,
      role: { research_project: PROJECT_ROLE_LABELS, book: BOOK_ROLE_LABELS, paper: PAPER_ROLE_LABELS }[kind as string],
      venue: VENUE_LABELS,
      patent_type: PATENT_TYPE_LABELS,
      grade: AWARD_GRADE_LABELS,
      medal: MEDAL_LABELS,
      platform: PLATFORM_LABELS,
      task: AID_TASK_LABELS,
    })[name as string]

  it('names each field, the title, the date and the provider as the kind’s form is named in Rust', () => {
    for (const kind of kinds) {
      const labels = KIND_FIELD_LABELS[kind]
      for (const spec of forms[kind].fields) expect(spec.label, `${kind}.${spec.name}`).toBe(labels[spec.name])
      expect([forms[kind].titleLabel, forms[kind].dateLabel, forms[kind].providerLabel]).toEqual([
        labels.title,
        labels.date,
        labels.provider,
      ])
    }
    expect(forms.online_course.fields[0].label).toBe('证书学时')
    expect(forms.expert_service.fields.find((f) => f.name === 'hours')?.label).toBe('线上服务学时')
  })
  it('labels each choice of a select as its value is labelled in Rust, in the same order', () => {
    for (const kind of kinds) {
      for (const spec of forms[kind].fields.filter((f) => f.type === 'select')) {
        const vocabulary = vocabularyOf(kind, spec.name)
        expect(vocabulary, `${kind}.${spec.name}`).toBeDefined()
        const expected = choicesOf(vocabulary!).map((c) => ({ ...c, value: spec.name === 'grade' ? Number(c.value) : c.value }))
        expect(spec.options, `${kind}.${spec.name}`).toEqual(expected)
      }
    }
    expect(forms.research_project.fields[0].options?.map((o) => o.label)).toEqual(Object.values(PROJECT_LEVEL_LABELS))
    expect(forms.award.fields.find((f) => f.name === 'grade')?.options?.[1]).toEqual({ label: '二等奖', value: 2 })
  })
  it('has no source file that writes a generated label out by hand', () => {
    const labels = new Set<string>()
    for (const [name, value] of Object.entries(bindings)) {
      if (!name.endsWith('_LABELS')) continue
      const tables = name === 'KIND_FIELD_LABELS' ? Object.values(value as Record<string, object>) : [value]
      for (const table of tables) for (const label of Object.values(table as Record<string, string>)) labels.add(label)
    }
    const sources = import.meta.glob(['./**/*.ts', './**/*.vue', '!./**/*.test.ts', '!./bindings.ts'], {
      query: '?raw',
      import: 'default',
      eager: true,
    }) as Record<string, string>
    expect(Object.keys(sources)).toContain('./kinds.ts')
    const copies = Object.entries(sources).flatMap(([file, text]) =>
      [...labels].filter((l) => [`'${l}'`, `"${l}"`, `>${l}<`].some((q) => text.includes(q))).map((l) => `${file}: ${l}`),
    )
    expect(copies).toEqual([])
  })
})
