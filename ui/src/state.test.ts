import { describe, expect, it } from 'vitest'
import type { ActivityView, Assessment } from './bindings'
import {
  completeSnapshot,
  completenessOf,
  creditedHours,
  emptyFilter,
  filterActivities,
  noticesFirst,
  setSnapshot,
  state,
  yearsOf,
} from './state'
import { snapshotWith } from './testing/fixtures'
import { blankFields } from './kinds'

function record(id: string, date: string, extra: Partial<ActivityView['fields']> = {}): ActivityView {
  return {
    fields: { ...blankFields('training', date), id, title: `记录${id}`, ...extra },
    year: Number(date.slice(0, 4)),
    subject: extra.category ?? 'professional',
    evidence: [],
  }
}

const assessment = {
  credits: [
    { activity: 'a', category: 'professional', hours: 16 },
    { activity: 'a', category: 'professional', hours: 4 },
    { activity: 'c', category: 'full_year', hours: 90 },
  ],
  records: [
    { activity: 'a', hours: 20, in_window: 20, whole_years: [] },
    { activity: 'b', hours: 0, in_window: 0, whole_years: [] },
    { activity: 'c', hours: 0, in_window: 0, whole_years: [2023] },
  ],
  evidence: [
    { activity: 'a', status: 'complete' },
    { activity: 'b', status: 'incomplete' },
  ],
} as unknown as Assessment

const records = [
  record('a', '2024-05-01', { note: '证书编号 HN2024-0815' }),
  record('b', '2025-03-01', { category: 'public', provider: '湖南大学' }),
  record('c', '2023-01-01', { kind: 'aid_posting', category: null }),
]

describe('records are filtered and ordered for the list', () => {
  it('shows the newest first', () => {
    expect(filterActivities(records, assessment, emptyFilter()).map((r) => r.fields.id)).toEqual(['b', 'a', 'c'])
  })
  it('filters by year, category, kind, completeness and text', () => {
    const ids = (f: Partial<ReturnType<typeof emptyFilter>>) =>
      filterActivities(records, assessment, { ...emptyFilter(), ...f }).map((r) => r.fields.id)
    expect(ids({ year: 2024 })).toEqual(['a'])
    expect(ids({ category: 'public' })).toEqual(['b'])
    expect(ids({ category: 'other' })).toEqual(['c'])
    expect(ids({ kind: 'aid_posting' })).toEqual(['c'])
    expect(ids({ completeness: 'incomplete' })).toEqual(['b'])
    expect(ids({ text: '湖南' })).toEqual(['b'])
    expect(ids({ text: 'hn2024-0815' })).toEqual(['a'])
  })
  it('lists the years that have records', () => {
    expect(yearsOf(records)).toEqual([2025, 2024, 2023])
  })
})

describe('the list shows what the engine credited', () => {
  it('adds up a record’s hour credits exactly', () => {
    expect(creditedHours(assessment, 'a')).toBe(20)
    expect(creditedHours({ ...assessment, credits: [] } as Assessment, 'a')).toBe(20) // the engine's total, not a sum
  })
  it('counts no hours for a full-year credit and zero for an uncredited record', () => {
    expect(creditedHours(assessment, 'c')).toBe(0)
    expect(creditedHours(assessment, 'b')).toBe(0)
    expect(creditedHours(null, 'a')).toBeNull()
  })
  it('reads each record’s evidence status', () => {
    expect(completenessOf(assessment, 'b')).toBe('incomplete')
    expect(completenessOf(assessment, 'zzz')).toBeNull()
  })
})

describe('the dashboard’s notices', () => {
  it('lists the general warnings with those the engine marks as assumptions first and none about a record', () => {
    const warnings = [
      { activity: null, message: '本通知未载明核认时间', assumption: false },
      { activity: '2025-001', message: '不在认定跨度内', assumption: false },
      { activity: null, message: '中级的认定跨度按 2023–2026 年计算', assumption: true },
    ]
    expect(noticesFirst(warnings).map((w) => w.message)).toEqual(['中级的认定跨度按 2023–2026 年计算', '本通知未载明核认时间'])
  })
})

describe('the full snapshot after the first screen', () => {
  it('replaces the first screen snapshot once it arrives', async () => {
    const first = snapshotWith([], { complete: false })
    setSnapshot(first)
    const full = snapshotWith([record('a', '2025-05-12')])
    await completeSnapshot(first, () => Promise.resolve(full))
    expect(state.snapshot).toBe(full)
  })

  it('never replaces a newer snapshot that a command answered meanwhile', async () => {
    const first = snapshotWith([], { complete: false })
    setSnapshot(first)
    const saved = snapshotWith([record('a', '2025-05-12'), record('b', '2025-06-01')])
    await completeSnapshot(first, async () => {
      setSnapshot(saved)
      return snapshotWith([record('a', '2025-05-12')])
    })
    expect(state.snapshot).toBe(saved)
  })

  it('is not asked for when the first snapshot is already complete', async () => {
    let asked = 0
    await completeSnapshot(snapshotWith([]), async () => {
      asked += 1
      return snapshotWith([])
    })
    expect(asked).toBe(0)
  })
})
