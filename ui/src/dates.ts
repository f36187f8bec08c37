// Dates in the pickers: shown as 2025年5月12日 (typed the same way), kept in records as YYYY-MM-DD.

/** The date pickers' display and typing format (date-fns tokens; the Chinese characters are literal). */
export const DATE_FORMAT = 'yyyy年M月d日'

/** A record's YYYY-MM-DD as the pickers' milliseconds (local midnight); null when empty. */
export function isoToMs(iso: string | null | undefined): number | null {
  if (!iso) return null
  const [y, m, d] = iso.split('-').map(Number)
  return new Date(y, m - 1, d).getTime()
}

/** The pickers' milliseconds as YYYY-MM-DD in local time; null when cleared. */
export function msToIso(ms: number | null): string | null {
  if (ms === null) return null
  const d = new Date(ms)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}
