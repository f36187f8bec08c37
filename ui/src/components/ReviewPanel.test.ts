import { afterEach, describe, expect, it } from 'vitest'
import type { Finding } from '../bindings'
import { FINDING_KIND_LABELS } from '../bindings'
import { setSnapshot, state } from '../state'
import { recordOf, snapshotWith } from '../testing/fixtures'
import { byText, cleanUp, click, eventually, mockCommands, mountInApp, screenText, sentTo, settle, testId } from '../testing/mount'
import ReviewPanel from './ReviewPanel.vue'

let unmount: (() => void) | null = null
afterEach(() => {
  unmount?.()
  unmount = null
  state.snapshot = null
})

const records = [recordOf('r1', 'training', { title: '数字化研修班' }), recordOf('r2', 'training', { title: '安全生产研修班' })]

/** The engine's finding of two trainings on the same day, as the app sends it. */
const overlap: Finding = {
  kind: 'overlapping_dates',
  records: ['r1', 'r2'],
  year: 2026,
  message: '2026-03-15《数字化研修班》 与 2026-03-15《安全生产研修班》的日期在 2026-03-15 重叠',
  action: '同一天只能参加一项培训：请删去重复的记录',
}
const paper = (n: number): Finding => ({
  kind: 'paper_without_issn',
  records: ['r1'],
  year: 2026,
  message: `论文 ${n} 的记录中没有刊号`,
  action: '请在“备注”中填写刊号',
})

function openPanel(findings: Finding[], compact = false) {
  setSnapshot(snapshotWith(records))
  const sent = mockCommands((cmd) => (cmd === 'review' ? findings : null))
  const opened: string[] = []
  const { wrapper } = mountInApp(ReviewPanel, { compact, onOpen: (id: string) => opened.push(id) })
  unmount = () => cleanUp(wrapper)
  return { sent, opened }
}

describe('the pre-review panel', () => {
  it('lists each finding with its kind, what a reviewer would question and what to do', async () => {
    const { sent } = openPanel([overlap])
    await eventually(() => expect(screenText(testId('review-count'))).toBe('审核时可能被质疑的问题 1 个'))
    const text = screenText(testId('finding'))
    expect(text).toContain(FINDING_KIND_LABELS.overlapping_dates)
    expect(text).toContain('的日期在 2026-03-15 重叠')
    expect(text).toContain('同一天只能参加一项培训')
    expect(sentTo(sent, 'review')).toHaveLength(1)
  })

  it('opens a record the finding names when its title is clicked', async () => {
    const { opened } = openPanel([overlap])
    await eventually(() => testId('finding'))
    await click(byText('《安全生产研修班》'))
    expect(opened).toEqual(['r2'])
  })

  it('says so when there is nothing to question', async () => {
    openPanel([])
    await eventually(() => expect(screenText(testId('review'))).toContain('没有发现审核时可能被质疑的问题'))
  })

  it('shows the first three findings and the rest on request', async () => {
    openPanel([overlap, paper(1), paper(2), paper(3)])
    await eventually(() => expect(document.querySelectorAll('[data-test="finding"]')).toHaveLength(3))
    await click(byText('展开其余 1 个'))
    expect(screenText(testId('review'))).toContain('论文 3 的记录中没有刊号')
    expect(document.querySelectorAll('[data-test="finding"]')).toHaveLength(4)
  })

  it('in the export dialog shows the count and the findings without what to do or links', async () => {
    openPanel([overlap], true)
    await eventually(() => expect(screenText(testId('review-count'))).toBe('审核时可能被质疑的问题 1 个'))
    expect(screenText(testId('review'))).not.toContain('同一天只能参加一项培训')
    expect(document.querySelectorAll('[data-test="finding-record"]')).toHaveLength(0)
  })

  it('asks again when the records change, but not for the first screen before the records are read', async () => {
    const { sent } = openPanel([overlap])
    await eventually(() => expect(sentTo(sent, 'review')).toHaveLength(1))
    setSnapshot(snapshotWith([], { complete: false }))
    setSnapshot(snapshotWith(records.slice(0, 1)))
    await eventually(() => expect(sentTo(sent, 'review')).toHaveLength(2))
    setSnapshot(snapshotWith([], { complete: false }))
    await settle()
    expect(sentTo(sent, 'review')).toHaveLength(2)
  })
})
