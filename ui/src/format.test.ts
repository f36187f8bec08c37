import { describe, expect, it } from 'vitest'
import type { YearResult } from './bindings'
import * as format from './format'
import {
  chosenCity,
  cityOptions,
  formatDate,
  formatHours,
  formatRange,
  formatSize,
  formatYearRange,
  formatYears,
  planDto,
  yearWords,
} from './format'

describe('years are ranged in one style: 2021—2025年', () => {
  it('writes an em dash and 年 once at the end, one year alone as 2025年', () => {
    expect(formatYearRange(2021, 2025)).toBe('2021—2025年')
    expect(formatYearRange(2025, 2025)).toBe('2025年')
  })
  it('joins consecutive years into ranges and lists the others', () => {
    expect(formatYears([2026, 2024, 2025])).toBe('2024—2026年')
    expect(formatYears([2021, 2023, 2024, 2024])).toBe('2021年、2023—2024年')
    expect(formatYears([])).toBe('')
  })
})

describe('dates are shown the Chinese way', () => {
  it('writes 2024-05-16 as 2024年5月16日', () => {
    expect(formatDate('2024-05-16')).toBe('2024年5月16日')
  })
  it('shortens a range within one month or one year', () => {
    expect(formatRange('2024-05-16', '2024-05-18')).toBe('2024年5月16日—18日')
    expect(formatRange('2024-05-30', '2024-06-02')).toBe('2024年5月30日—6月2日')
    expect(formatRange('2024-12-30', '2025-01-02')).toBe('2024年12月30日—2025年1月2日')
    expect(formatRange('2024-05-16', null)).toBe('2024年5月16日')
  })
  it('leaves text that is not a date alone', () => {
    expect(formatDate('明年')).toBe('明年')
    expect(formatDate(null)).toBe('')
  })
})

describe('hours are shown as the engine sends them', () => {
  it('drops trailing zeros and keeps half hours', () => {
    expect(formatHours(90)).toBe('90')
    expect(formatHours(40.5)).toBe('40.5')
    expect(formatHours(null)).toBe('—')
  })
})

it('keeps no table of labels of its own: every vocabulary is named by the generated bindings', () => {
  for (const [name, value] of Object.entries(format)) {
    expect(typeof value, name).toBe('function')
  }
})

it('shows file sizes in KB and MB', () => {
  expect(formatSize(350 * 1024)).toBe('350 KB')
  expect(formatSize(1.5 * 1024 * 1024)).toBe('1.5 MB')
})

describe('the plan form as the app takes it', () => {
  const form = { year: 2026, level: 'intermediate' as const, path: 'standard' as const }
  it('sends the unit’s own window with its 出处, trimmed', () => {
    const dto = planDto({ ...form, window_from: 2023, window_to: 2026, window_source: ' 本院2026年职称评审通知 ' }, null)
    expect(dto).toEqual({ ...form, rules: null, window_from: 2023, window_to: 2026, window_source: '本院2026年职称评审通知' })
  })
  it('sends an empty 出处 as none, and keeps the chosen rule set', () => {
    const dto = planDto({ ...form, window_from: null, window_to: null, window_source: '  ' }, 'hunan-2024')
    expect([dto.window_source, dto.rules]).toEqual([null, 'hunan-2024'])
  })
  it('shows an old city that is none of the 市州 as unchosen', () => {
    expect(chosenCity('常德', ['长沙', '常德'])).toBe('常德')
    expect(chosenCity('武汉市', ['长沙', '常德'])).toBeNull()
    expect(chosenCity(null, ['长沙'])).toBeNull()
  })
  it('offers the cities the app sends, by their names', () => {
    expect(cityOptions(['长沙', '常德'])).toEqual([
      { label: '长沙', value: '长沙' },
      { label: '常德', value: '常德' },
    ])
  })
})

describe("a year is worded from the engine's typed state, not its text", () => {
  const year = (over: Partial<YearResult>): YearResult => ({
    year: 2025,
    public: 0,
    professional: 46,
    total: 46,
    met: false,
    full_year: false,
    prior_certificate: false,
    covered_by: [],
    short: { public: 30, professional: 14, total: 44 },
    missing: 44,
    state: 'short',
    status: 'text the UI must not read',
    ...over,
  })
  it('says how many hours are missing and which parts lack them', () => {
    expect(yearWords(year({}))).toEqual({ headline: '差 44 学时', detail: '公需科目差 30，专业科目差 14' })
  })
  it('takes the missing hours from the engine, not from adding the parts', () => {
    const y = year({ short: { public: 0, professional: 0, total: 12.5 }, missing: 12.5 })
    expect(yearWords(y)).toEqual({ headline: '差 12.5 学时', detail: '' })
  })
  it('names a met, a whole and a covered year', () => {
    expect(yearWords(year({ state: 'met' })).headline).toBe('达标')
    expect(yearWords(year({ state: 'full_year' })).headline).toBe('全年认定')
    expect(yearWords(year({ state: 'prior_certificate' })).headline).toBe('由认定单覆盖')
  })
})
