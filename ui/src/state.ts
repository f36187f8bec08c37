// The one piece of shared state: the latest snapshot from the app. Screens read it; commands
// replace it. Filtering and grouping for display live here as pure functions (tested).
import { markRaw, reactive } from 'vue'
import type { ActivityKind, ActivityView, Assessment, Category, Completeness, Snapshot, Warning } from './bindings'

export const state = reactive<{ snapshot: Snapshot | null; loading: boolean; error: string | null }>({
  snapshot: null,
  loading: true,
  error: null,
})

export function setSnapshot(s: Snapshot) {
  // A snapshot is replaced whole, never changed in place: kept raw, so that Vue does not wrap each
  // of its thousands of objects (records, credits, evidence checks) in a proxy as screens read them.
  state.snapshot = markRaw(s)
  state.error = null
  state.loading = false
}

/**
 * After the first screen's snapshot is drawn, the full one (with the records) in its place, unless
 * a command has replaced the snapshot meanwhile (its answer is newer and complete).
 */
export async function completeSnapshot(first: Snapshot, full: () => Promise<Snapshot>): Promise<void> {
  if (first.complete) return
  const whole = await full()
  if (state.snapshot === first) setSnapshot(whole)
}

export interface RecordFilter {
  year: number | null
  category: Category | 'other' | null
  kind: ActivityKind | null
  completeness: Completeness | null
  text: string
}

export const emptyFilter = (): RecordFilter => ({ year: null, category: null, kind: null, completeness: null, text: '' })

/** The records screen's filter and search, kept while the user visits other screens. */
export const recordsFilter = reactive(emptyFilter())

/** Whether a record's title, organiser, note (where certificate numbers are kept) or evidence file names hold `text` (lower case). */
function mentions(a: ActivityView, text: string): boolean {
  const fields = [a.fields.title, a.fields.provider, a.fields.note, ...a.evidence.map((e) => e.file_name)]
  return fields.some((f) => (f ?? '').toLowerCase().includes(text))
}

/** The engine's per-record results of an assessment by record id, made once per assessment. */
const perRecord = new WeakMap<Assessment, { status: Map<string, Completeness>; hours: Map<string, number> }>()

function resultsOf(assessment: Assessment) {
  let found = perRecord.get(assessment)
  if (!found) {
    found = {
      status: new Map(assessment.evidence.map((e) => [e.activity, e.status])),
      hours: new Map(assessment.records.map((r) => [r.activity, r.hours])),
    }
    perRecord.set(assessment, found)
  }
  return found
}

/** The evidence status of a record, as the engine reported it. */
export function completenessOf(assessment: Assessment | null | undefined, id: string | null): Completeness | null {
  if (!assessment || !id) return null
  return resultsOf(assessment).status.get(id) ?? null
}

/** The hours the engine credited a record, as its per-record total says (0 when it earns none). */
export function creditedHours(assessment: Assessment | null | undefined, id: string | null): number | null {
  if (!assessment || !id) return null
  return resultsOf(assessment).hours.get(id) ?? 0
}

/** Records matching a filter, newest first. */
export function filterActivities(
  activities: ActivityView[],
  assessment: Assessment | null | undefined,
  f: RecordFilter,
): ActivityView[] {
  const text = f.text.trim().toLowerCase()
  return activities
    .filter((a) => f.year === null || a.year === f.year)
    .filter((a) => {
      if (f.category === null) return true
      if (f.category === 'other') return a.fields.category === null
      return a.fields.category === f.category
    })
    .filter((a) => f.kind === null || a.fields.kind === f.kind)
    .filter((a) => f.completeness === null || completenessOf(assessment, a.fields.id) === f.completeness)
    .filter((a) => text === '' || mentions(a, text))
    .sort((a, b) => (a.fields.date < b.fields.date ? 1 : a.fields.date > b.fields.date ? -1 : 0))
}

/** Years that have records, newest first, for the year filter. */
export function yearsOf(activities: ActivityView[]): number[] {
  return [...new Set(activities.map((a) => a.year))].sort((a, b) => b - a)
}

/** The warnings about no record in particular, those the engine marks as assumptions (推定) first. */
export function noticesFirst(warnings: Warning[]): Warning[] {
  const general = warnings.filter((w) => w.activity === null)
  return [...general.filter((w) => w.assumption), ...general.filter((w) => !w.assumption)]
}
