import { afterEach, describe, expect, it } from 'vitest'
import { emptyFilter, recordsFilter, setSnapshot, state } from '../state'
import { previewOf, recordOf, snapshotWith } from '../testing/fixtures'
import { cleanUp, eventually, mockCommands, mountInApp, testId, typeInto } from '../testing/mount'
import RecordsView from './RecordsView.vue'

let unmount: (() => void) | null = null
afterEach(() => {
  unmount?.()
  unmount = null
  state.snapshot = null
  Object.assign(recordsFilter, emptyFilter())
})

describe('the records screen', () => {
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
})
