import { afterEach, describe, expect, it } from 'vitest'
import type { ExportSummary, Finding, UploadKitSummary } from '../bindings'
import { setSnapshot, state } from '../state'
import { recordOf, snapshotWith } from '../testing/fixtures'
import { cleanUp, click, eventually, mockCommands, mountInApp, screenText, sentTo, testId, typeInto } from '../testing/mount'
import ExportDialog from './ExportDialog.vue'

let unmount: (() => void) | null = null
afterEach(() => {
  unmount?.()
  unmount = null
  state.snapshot = null
})

/** What the app answers for an upload kit: a certificate year and a year split in two. */
const kit: UploadKitSummary = {
  path: '/home/李老师/分年度上传材料-李老师-2026年副高级',
  limit: '2 MB',
  years: [
    {
      year: 2022,
      certificate: true,
      reduced: false,
      files: [{ name: '2022年/2022年_继续教育佐证材料.pdf', pages: 1, size: '0.3 MB', over_limit: false }],
    },
    {
      year: 2023,
      certificate: false,
      reduced: true,
      files: [
        { name: '2023年/2023年_继续教育佐证材料_1.pdf', pages: 4, size: '1.9 MB', over_limit: false },
        { name: '2023年/2023年_继续教育佐证材料_2.pdf', pages: 1, size: '2.4 MB', over_limit: true },
      ],
    },
  ],
  problems: [],
}

describe('the export dialog', () => {
  it('exports the upload kit with the limit typed there, starting from the saved setting, and lists its files', async () => {
    setSnapshot(
      snapshotWith([], {
        settings: { upload_limit_mb: 8, zoom_percent: 100, remind_period: true, remind_short_year: true, remind_evidence: true },
      }),
    )
    const sent = mockCommands((cmd) => (cmd === 'export_upload_kit' ? kit : undefined))
    const { wrapper } = mountInApp(ExportDialog, { show: true })
    unmount = () => cleanUp(wrapper)

    const limit = testId('upload-limit').querySelector('input')!
    expect(limit.value).toBe('8')
    await typeInto(limit, '2')
    limit.dispatchEvent(new FocusEvent('blur'))
    await click(testId('export-kit'))

    await eventually(() => expect(sentTo(sent, 'export_upload_kit')).toEqual([{ maskId: true, limitMb: 2 }]))
    await eventually(() => expect(screenText(testId('kit-result'))).toContain('分年度上传材料已生成'))
    const shown = screenText(testId('kit-result'))
    expect(shown).toContain('每个文件不超过 2 MB')
    expect(shown).toContain('2022 年（上传以前年度学时认定单）')
    expect(shown).toContain('2023年/2023年_继续教育佐证材料_1.pdf（4 页，1.9 MB）')
    expect(shown).toContain('其中一页本身超过大小限制')
    expect(shown).toContain('照片已压缩')
  })

  it('sends the findings the user keeps, with what they wrote, for the appendix of the summary', async () => {
    setSnapshot(snapshotWith([recordOf('r1', 'training', { title: '数字化研修班' }), recordOf('r2', 'paper', { title: '建模论文' })]))
    const findings: Finding[] = [
      { kind: 'overlapping_dates', records: ['r1', 'r2'], year: 2025, message: '两条记录的日期重叠', action: '请核对' },
      { kind: 'paper_without_issn', records: ['r2'], year: 2025, message: '论文没有刊号', action: '请填写刊号' },
    ]
    const done: ExportSummary = {
      path: '/home/李老师/申报材料包.zip',
      files: 9,
      size: 1024,
      pdf_pages: 3,
      evidence_book_pages: 5,
      evidence_book_problems: [],
      not_included: [],
    }
    const sent = mockCommands((cmd) => (cmd === 'review' ? findings : cmd === 'export_package' ? done : undefined))
    const { wrapper } = mountInApp(ExportDialog, { show: true })
    unmount = () => cleanUp(wrapper)

    await eventually(() => expect(document.querySelectorAll('[data-test="keep-finding"]')).toHaveLength(2))
    expect(document.querySelectorAll('[data-test="keep-note"]')).toHaveLength(0)
    await click(document.querySelectorAll('[data-test="keep-finding"]')[1])
    await typeInto(testId('keep-note'), '内部刊物，单位已出具证明')
    await click(testId('export-start'))

    await eventually(() => expect(sentTo(sent, 'export_package')).toHaveLength(1))
    expect(sentTo(sent, 'export_package')[0]).toEqual({
      maskId: true,
      incompletePage: true,
      kept: [{ kind: 'paper_without_issn', records: ['r2'], year: 2025, note: '内部刊物，单位已出具证明' }],
    })
  })
})
