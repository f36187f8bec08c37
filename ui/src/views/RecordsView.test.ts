import { afterEach, describe, expect, it } from 'vitest'
import { emptyFilter, recordsFilter, setSnapshot, state } from '../state'
import { previewOf, recordOf, snapshotWith } from '../testing/fixtures'
import { emit } from '@tauri-apps/api/event'
import type { FolderReview, ScanForm } from '../bindings'
import { blankFields } from '../kinds'
import { cleanUp, click, eventually, mockCommands, mountInApp, screenText, sentTo, testId, typeInto } from '../testing/mount'
import RecordsView from './RecordsView.vue'

let unmount: (() => void) | null = null
afterEach(() => {
  unmount?.()
  unmount = null
  state.snapshot = null
  Object.assign(recordsFilter, emptyFilter())
})

// What the app read from a dropped 结业证书 (its lines and where each field came from).
const scannedCertificate: ScanForm = {
  fields: {
    ...blankFields('training', '2024-05-12'),
    title: '数字化教学能力提升研修班',
    date: '2024-05-12',
    end_date: '2024-05-13',
    hours: 16,
    provider: '湖南省专业技术人员继续教育平台',
    note: '证书编号：HN-2024-0001',
  },
  sources: [
    { field: 'title', sure: 0.95, line: 2 },
    { field: 'note', sure: 0.9, line: 3 },
  ],
  lines: [
    { text: '结业证书', page: 0, bbox: null },
    { text: '学员姓名：王晓梅', page: 0, bbox: null },
    { text: '于2024年5月12日至5月13日参加“数字化教学能力提升研修班”，', page: 0, bbox: null },
    { text: '证书编号：HN-2024-0001', page: 0, bbox: null },
  ],
  qr: [],
  notes: ['证书上的姓名是“王晓梅”，与个人信息中的不同：请确认这是您本人的证书'],
}

/** Shows the records screen and drops the file `name` on the window, as the app announces it. */
async function dropOnTheList(token: number, name: string) {
  const { wrapper } = mountInApp(RecordsView, {})
  unmount = () => cleanUp(wrapper)
  await eventually(() => testId('records'))
  await new Promise((r) => setTimeout(r, 0)) // the screen starts listening once it is mounted
  await emit('files-dropped', { token, names: [name] })
}

describe('the records screen', () => {
  it('a certificate dropped on the list opens a new record filled in from it, saying where each field came from', async () => {
    setSnapshot(snapshotWith([recordOf('r1', 'training', { title: '数字化研修班' })]))
    const sent = mockCommands((cmd) => {
      if (cmd === 'scan_dropped') return scannedCertificate
      if (cmd === 'preview_activity') return previewOf(16, [])
      return null
    }, true)
    await dropOnTheList(7, '结业证书.pdf')
    await eventually(() => expect(testId('title').querySelector('input')?.value).toBe('数字化教学能力提升研修班'))
    expect(sentTo(sent, 'scan_dropped')).toEqual([{ token: 7 }])
    expect(sentTo(sent, 'save_activity')).toEqual([])
    const told = screenText(testId('scanned'))
    expect(told).toContain('保存前请逐项核对')
    expect(told).toContain('（把握 95%）：证书上写的是“于2024年5月12日至5月13日参加“数字化教学能力提升研修班”，”')
    // Fields read from one line of the certificate are told together, the line once.
    expect(told.split('于2024年5月12日至5月13日').length - 1).toBe(1)
    expect(screenText(testId('scanned-note'))).toContain('请确认这是您本人的证书')
    expect(testId('editor').textContent).toContain('新增记录')
  })

  it('the record a dropped certificate filled in is saved with that certificate attached, in one step', async () => {
    setSnapshot(snapshotWith([]))
    const sent = mockCommands((cmd) => {
      if (cmd === 'scan_dropped') return scannedCertificate
      if (cmd === 'preview_activity') return previewOf(16, [])
      if (cmd === 'accept_dropped') return { id: '2024-001', snapshot: snapshotWith([]) }
      return null
    }, true)
    await dropOnTheList(9, '结业证书.pdf')
    await eventually(() => expect(testId('title').querySelector('input')?.value).toBe('数字化教学能力提升研修班'))
    await click(testId('save'))
    await eventually(() => expect(sentTo(sent, 'accept_dropped')).toHaveLength(1))
    expect(sentTo(sent, 'accept_dropped')[0]).toMatchObject({ token: 9, fields: { title: '数字化教学能力提升研修班' } })
    expect(sentTo(sent, 'save_activity')).toEqual([])
    expect(sentTo(sent, 'attach_dropped')).toEqual([])
  })

  it('a picture pasted with Ctrl+V is sent to the app as it is; text pasted into a field is left alone', async () => {
    setSnapshot(snapshotWith([]))
    const sent = mockCommands(() => null, true)
    const { wrapper } = mountInApp(RecordsView, {})
    unmount = () => cleanUp(wrapper)
    await eventually(() => testId('records'))
    const paste = (target: EventTarget, files: File[]) => {
      const event = new Event('paste', { bubbles: true, cancelable: true })
      Object.defineProperty(event, 'clipboardData', { value: { files } })
      target.dispatchEvent(event)
      return event
    }
    const picture = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'image.png', { type: 'image/png' })
    const event = paste(testId('records'), [picture])
    expect(event.defaultPrevented).toBe(true)
    await eventually(() => expect(sentTo(sent, 'paste_file')).toHaveLength(1))
    expect(Array.from(sentTo(sent, 'paste_file')[0] as Uint8Array)).toEqual([0x89, 0x50, 0x4e, 0x47])
    // In the search field a paste is the field's own.
    const search = testId('records').querySelector('input')!
    expect(paste(search, [picture]).defaultPrevented).toBe(false)
    expect(sentTo(sent, 'paste_file')).toHaveLength(1)
  })

  it('a photo that cannot be read opens the empty form and says why', async () => {
    setSnapshot(snapshotWith([]))
    mockCommands((cmd) => {
      if (cmd === 'scan_dropped')
        throw {
          code: 'input',
          message: '“证书.jpg”是照片或扫描件，其中没有可以直接读取的文字，本版本还不能识别。请对照证书手动填写记录，再把它附为证明材料',
        }
      if (cmd === 'preview_activity') return previewOf(0, [])
      return null
    }, true)
    await dropOnTheList(8, '证书.jpg')
    await eventually(() => expect(testId('editor').textContent).toContain('新增记录'))
    expect(testId('title').querySelector('input')?.value).toBe('')
    expect(screenText()).toContain('请对照证书手动填写记录')
  })

  it('opens the record the dashboard’s pre-review links to, and says it did', async () => {
    setSnapshot(
      snapshotWith([recordOf('r1', 'training', { title: '数字化研修班' }), recordOf('r2', 'paper', { title: '数学建模教学研究' })]),
    )
    mockCommands((cmd) => (cmd === 'preview_activity' ? previewOf(0, []) : null))
    const opened: number[] = []
    const { wrapper } = mountInApp(RecordsView, { openId: 'r2', onOpened: () => opened.push(1) })
    unmount = () => cleanUp(wrapper)
    await eventually(() => expect(testId('title').querySelector('input')?.value).toBe('数学建模教学研究'))
    expect(opened).toEqual([1])
  })

  it('Ctrl+N from the window opens an empty editor for a new record, and says it did', async () => {
    setSnapshot(snapshotWith([recordOf('r1', 'training', { title: '数字化研修班' })]))
    mockCommands((cmd) => (cmd === 'preview_activity' ? previewOf(0, []) : null))
    const done: number[] = []
    const { wrapper } = mountInApp(RecordsView, { asked: 'new-record', onDone: () => done.push(1) })
    unmount = () => cleanUp(wrapper)
    await eventually(() => expect(testId('editor').textContent).toContain('新增记录'))
    expect(testId('title').querySelector('input')?.value).toBe('')
    expect(done).toEqual([1])
  })

  it('Ctrl+F from the window puts the cursor in the search', async () => {
    setSnapshot(snapshotWith([recordOf('r1', 'training', { title: '数字化研修班' })]))
    mockCommands(() => null)
    const { wrapper } = mountInApp(RecordsView, { asked: 'search' })
    unmount = () => cleanUp(wrapper)
    await eventually(() => expect(document.activeElement).toBe(testId('search').querySelector('input')))
  })

  it('says in Chinese why the table is empty: no records yet, or none the filters let through', async () => {
    setSnapshot(snapshotWith([]))
    mockCommands(() => null)
    let mounted = mountInApp(RecordsView, {})
    await eventually(() => expect(testId('records-empty').textContent).toContain('还没有记录'))
    cleanUp(mounted.wrapper)
    setSnapshot(snapshotWith([recordOf('r1', 'training', { title: '数字化研修班' })]))
    mounted = mountInApp(RecordsView, { asked: 'search' })
    unmount = () => cleanUp(mounted.wrapper)
    await eventually(() => expect(document.activeElement).toBe(testId('search').querySelector('input')))
    await typeInto(testId('search'), '没有这样的记录')
    await eventually(() => expect(testId('records-empty').textContent).toBe('没有符合筛选条件的记录'))
  })

  it('keeps the search and filters when the user comes back from another screen', async () => {
    setSnapshot(
      snapshotWith([recordOf('r1', 'training', { title: '数字化研修班' }), recordOf('r2', 'paper', { title: '数学建模教学研究' })]),
    )
    mockCommands(() => null)
    let mounted = mountInApp(RecordsView, {})
    unmount = () => cleanUp(mounted.wrapper)
    await typeInto(testId('search'), '建模')
    await eventually(() => expect(document.body.textContent).toContain('记录共 2 条，显示 1 条'))
    cleanUp(mounted.wrapper)
    mockCommands(() => null)
    mounted = mountInApp(RecordsView, {})
    unmount = () => cleanUp(mounted.wrapper)
    await eventually(() => expect(testId('search').querySelector('input')?.value).toBe('建模'))
    expect(document.body.textContent).toContain('记录共 2 条，显示 1 条')
  })

  it('a certificate of a folder edited before saving opens in the form and is saved with its file', async () => {
    setSnapshot(snapshotWith([]))
    const read: FolderReview = {
      token: 3,
      folder: '证书',
      files: [{ name: '结业证书.pdf', form: scannedCertificate, reason: null, sure: 0.9, duplicates: [] }],
    }
    const sent = mockCommands((cmd) => {
      if (cmd === 'scan_folder') return read
      if (cmd === 'preview_activity') return previewOf(16, [])
      if (cmd === 'accept_scanned') return { id: '2024-001', snapshot: snapshotWith([]) }
      return null
    })
    const { wrapper } = mountInApp(RecordsView, {})
    unmount = () => cleanUp(wrapper)
    await click(testId('read-folder'))
    await eventually(() => expect(screenText(testId('folder-review'))).toContain('结业证书.pdf'))
    expect(sentTo(sent, 'accept_scanned')).toEqual([])
    await click(testId('edit-row'))
    await eventually(() => expect(testId('title').querySelector('input')?.value).toBe('数字化教学能力提升研修班'))
    await typeInto(testId('title'), '数字化教学能力研修班')
    await click(testId('save'))
    await eventually(() => expect(sentTo(sent, 'accept_scanned')).toHaveLength(1))
    expect(sentTo(sent, 'accept_scanned')[0]).toMatchObject({ token: 3, index: 0, fields: { title: '数字化教学能力研修班' } })
    expect(sentTo(sent, 'save_activity')).toEqual([])
  })

  it('while the photos of a folder are read, its button says how many of how many', async () => {
    setSnapshot(snapshotWith([]))
    let answer: (read: FolderReview) => void = () => {}
    const sent = mockCommands((cmd) => {
      if (cmd === 'scan_folder') return new Promise<FolderReview>((resolve) => (answer = resolve))
      return null
    }, true)
    const { wrapper } = mountInApp(RecordsView, {})
    unmount = () => cleanUp(wrapper)
    await click(testId('read-folder'))
    // The screen listens before it asks for the folder.
    await eventually(() => expect(sentTo(sent, 'scan_folder')).toHaveLength(1))
    await emit('folder-progress', { done: 1, total: 3, name: '证书/二.jpg' })
    await eventually(() => expect(screenText(testId('read-folder'))).toContain('正在读取 2/3'))
    expect(testId('read-folder').getAttribute('title')).toBe('正在读取“证书/二.jpg”')
    answer({ token: 1, folder: '证书', files: [] })
    await eventually(() => expect(screenText(testId('read-folder'))).toBe('从文件夹读取证书'))
  })
})
