// Display helpers: dates as 2024年5月16日, hours without trailing zeros, sizes. Nothing here
// computes hours (the engine does) or names a vocabulary (bindings.ts carries the Rust labels).
import type { ApplicationPath, Level, PlanDto, YearResult } from './bindings'
import { CATEGORY_LABELS, CREDIT_CATEGORY_LABELS } from './bindings'

/** `2024-05-16` → `2024年5月16日`; anything else is returned unchanged. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return ''
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!m) return iso
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`
}

/** A date range: `2024年5月16日—18日`, `2024年5月30日—6月2日`, or one date. */
export function formatRange(from: string, to?: string | null): string {
  if (!to || to === from) return formatDate(from)
  const a = /^(\d{4})-(\d{2})-(\d{2})$/.exec(from)
  const b = /^(\d{4})-(\d{2})-(\d{2})$/.exec(to)
  if (!a || !b) return `${formatDate(from)}—${formatDate(to)}`
  if (a[1] !== b[1]) return `${formatDate(from)}—${formatDate(to)}`
  if (a[2] !== b[2]) return `${formatDate(from)}—${Number(b[2])}月${Number(b[3])}日`
  return `${formatDate(from)}—${Number(b[3])}日`
}

/** Years from `from` to `to` in the one style of the app (as the engine writes them too):
 *  `2021—2025年`, an em dash and 年 once at the end; one year alone is `2025年`. */
export function formatYearRange(from: number, to: number): string {
  return from === to ? `${from}年` : `${from}—${to}年`
}

/** A list of years: consecutive ones as one range (`2024—2026年`), others one by one (`2021年、2023年`). */
export function formatYears(years: readonly number[]): string {
  const sorted = [...years].sort((a, b) => a - b)
  const runs: [number, number][] = []
  for (const y of sorted) {
    const last = runs[runs.length - 1]
    if (last && y === last[1] + 1) last[1] = y
    else if (!last || y !== last[1]) runs.push([y, y])
  }
  return runs.map(([a, b]) => formatYearRange(a, b)).join('、')
}

/** `12`, `12.5`: as the engine sends them, never more than two decimals. */
export function formatHours(h: number | null | undefined): string {
  if (h === null || h === undefined) return '—'
  return String(Math.round(h * 100) / 100)
}

/**
 * A year's standing in the dashboard's words, from the engine's typed state and numbers (never
 * from its Chinese text): the tag (`差 44 学时`) and the line under it (`公需科目差 30，专业科目差 14`).
 */
export function yearWords(y: YearResult): { headline: string; detail: string } {
  switch (y.state) {
    case 'met':
      return { headline: '达标', detail: '' }
    case 'full_year':
      return { headline: CREDIT_CATEGORY_LABELS.full_year, detail: '' }
    case 'prior_certificate':
      return { headline: '由认定单覆盖', detail: '' }
    case 'short': {
      const parts: string[] = []
      if (y.short.public > 0) parts.push(`${CATEGORY_LABELS.public}差 ${formatHours(y.short.public)}`)
      if (y.short.professional > 0) parts.push(`${CATEGORY_LABELS.professional}差 ${formatHours(y.short.professional)}`)
      return { headline: `差 ${formatHours(y.missing)} 学时`, detail: parts.join('，') }
    }
  }
}

/** Bytes as 1.2 MB / 350 KB. */
export function formatSize(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return ''
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`
  return `${bytes} B`
}

/** The choices of the profile's city: the 市州 the app sends, as they are named. */
export function cityOptions(cities: string[]): { label: string; value: string }[] {
  return cities.map((c) => ({ label: c, value: c }))
}

/** The city to show as chosen: an old value that is none of the 市州 shows as unchosen. */
export function chosenCity(city: string | null, cities: string[]): string | null {
  return city !== null && cities.includes(city) ? city : null
}

/** What the plan form holds, as the app takes it: an empty 出处 is none. */
export function planDto(
  form: {
    year: number
    level: Level
    path: ApplicationPath
    window_from: number | null
    window_to: number | null
    window_source: string | null
  },
  rules: string | null,
): PlanDto {
  const source = form.window_source?.trim() ?? ''
  return {
    year: form.year,
    level: form.level,
    path: form.path,
    rules,
    window_from: form.window_from,
    window_to: form.window_to,
    window_source: source === '' ? null : source,
  }
}
