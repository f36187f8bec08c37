import { describe, expect, it } from 'vitest'
import { isoToMs, msToIso } from './dates'

describe('dates in the pickers', () => {
  it('keep the record date as YYYY-MM-DD through the picker and back', () => {
    for (const iso of ['2025-05-12', '2024-02-29', '2021-12-31', '2026-01-01']) {
      expect(msToIso(isoToMs(iso))).toBe(iso)
    }
  })

  it('treat an empty date as no date', () => {
    expect(isoToMs('')).toBeNull()
    expect(isoToMs(null)).toBeNull()
    expect(msToIso(null)).toBeNull()
  })
})
