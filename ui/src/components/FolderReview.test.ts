import { afterEach, describe, expect, it } from 'vitest'
import type { FolderReview as FolderRead, ScanForm, ScannedFile } from '../bindings'
import { blankFields } from '../kinds'
import { setSnapshot, state } from '../state'
import { snapshotWith } from '../testing/fixtures'
import { cleanUp, click, eventually, mockCommands, mountInApp, screenText, sentTo } from '../testing/mount'
import FolderReview from './FolderReview.vue'

let unmount: (() => void) | null = null
afterEach(() => {
  unmount?.()
  unmount = null
  state.snapshot = null
})

const certificate: ScanForm = {
  fields: {
    ...blankFields('training', '2024-05-12'),
    category: null,
    title: '数字化教学能力提升研修班',
    end_date: '2024-05-13',
    hours: 16,
    note: '证书编号：HN-2024-0001',
  },
  sources: [{ field: 'title', sure: 0.82, line: 0 }],
  lines: [{ text: '于2024年5月12日至5月13日参加“数字化教学能力提升研修班”', page: 0, bbox: null }],
  qr: [],
  notes: [],
}

function file(name: string, more: Partial<ScannedFile> = {}): ScannedFile {
  return { name, form: certificate, reason: null, sure: 0.82, duplicates: [], ...more }
}

// The folder of the issue as the app read it: the certificate twice, a photo, a new certificate.
const folder: FolderRead = {
  token: 4,
  folder: '证书',
  files: [
    file('2024/副本.pdf', {
      duplicates: [{ kind: 'folder_has_file', record: null, name: '结业证书.pdf', message: '与文件夹中的“结业证书.pdf”相同' }],
    }),
    file('结业证书.pdf', {
      duplicates: [
        { kind: 'record_has_file', record: '2024-001', name: '旧研修班', message: '已有记录“旧研修班”附有同一文件' },
        { kind: 'folder_has_file', record: null, name: '2024/副本.pdf', message: '与文件夹中的“2024/副本.pdf”相同' },
      ],
    }),
    file('证书照片.png', {
      form: null,
      sure: null,
      reason: '“证书照片.png”是照片或扫描件，其中没有可以直接读取的文字，本版本还不能识别。请对照证书手动填写记录，再把它附为证明材料',
    }),
    file('新证书.pdf', { form: { ...certificate, fields: { ...certificate.fields, title: '师德专题讲座', note: null } } }),
  ],
}

function rows(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[data-test="review-row"]')]
}

function mountReview() {
  setSnapshot(snapshotWith([]))
  const sent = mockCommands((cmd, args) => {
    if (cmd === 'accept_scanned') return { id: `2024-00${Number(args.index) + 5}`, snapshot: snapshotWith([]) }
    return null
  })
  const mounted = mountInApp(FolderReview, { show: true, review: folder, saved: {} as Record<number, string> })
  unmount = () => cleanUp(mounted.wrapper)
  return { sent, ...mounted }
}

describe('the review table of a folder of certificates', () => {
  it('shows a row per file with what was read or why not, how sure, and its duplicates in words', async () => {
    mountReview()
    await eventually(() => expect(rows()).toHaveLength(4))
    expect(screenText(rows()[0])).toContain('2024/副本.pdf')
    expect(screenText(rows()[0])).toContain('数字化教学能力提升研修班')
    expect(screenText(rows()[0])).toContain('82%')
    expect(screenText(rows()[0])).toContain('与文件夹中的“结业证书.pdf”相同')
    expect(screenText(rows()[1])).toContain('已有记录“旧研修班”附有同一文件')
    expect(screenText(rows()[2])).toContain('需手动填写：“证书照片.png”是照片或扫描件')
    expect(rows()[2].querySelector<HTMLButtonElement>('[data-test="accept-row"]')?.disabled).toBe(true)
  })

  it('selects at first only the readable rows that duplicate nothing, and saves nothing before an accept', async () => {
    const { sent } = mountReview()
    await eventually(() => expect(rows()).toHaveLength(4))
    const checked = rows().map((r) => !!r.querySelector('.n-checkbox--checked'))
    expect(checked).toEqual([false, false, false, true])
    expect(screenText(document.body)).toContain('接受选中的（1）')
    expect(sentTo(sent, 'accept_scanned')).toEqual([])
  })

  it('accepting a row sends its place in the folder with the fields as read and the category shown', async () => {
    const { sent, wrapper } = mountReview()
    await eventually(() => expect(rows()).toHaveLength(4))
    await click(rows()[1].querySelector('[data-test="accept-row"]')!)
    await eventually(() => expect(sentTo(sent, 'accept_scanned')).toHaveLength(1))
    const [args] = sentTo(sent, 'accept_scanned') as { token: number; index: number; fields: Record<string, unknown> }[]
    expect(args.token).toBe(4)
    expect(args.index).toBe(1)
    expect(args.fields).toMatchObject({ kind: 'training', title: '数字化教学能力提升研修班', hours: 16, category: 'professional' })
    await eventually(() => expect(wrapper.findComponent(FolderReview).emitted('saved')).toEqual([[1, '2024-006']]))
  })

  it('accepting the selected rows sends each of them, in order', async () => {
    const { sent } = mountReview()
    await eventually(() => expect(rows()).toHaveLength(4))
    await click(document.querySelector('[data-test="accept-selected"]')!)
    await eventually(() => expect(sentTo(sent, 'accept_scanned')).toHaveLength(1))
    expect((sentTo(sent, 'accept_scanned')[0] as { index: number }).index).toBe(3)
  })

  it('editing a row asks the records screen to open it in the form', async () => {
    const { wrapper } = mountReview()
    await eventually(() => expect(rows()).toHaveLength(4))
    await click(rows()[2].querySelector('[data-test="edit-row"]')!)
    expect(wrapper.findComponent(FolderReview).emitted('edit')).toEqual([[2]])
  })
})
