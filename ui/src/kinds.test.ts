import { describe, expect, it } from 'vitest'
import { blankFields, fieldsOfKind, forms } from './kinds'
import { kindLabels } from './format'
import type { ActivityKind } from './bindings'

describe('each activity kind has a form with only its own fields', () => {
  it('covers every kind the ledger format knows', () => {
    expect(Object.keys(forms).sort()).toEqual(Object.keys(kindLabels).sort())
  })
  it('asks 公需/专业 only for kinds whose records declare it', () => {
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
