import { afterEach, describe, expect, it } from 'vitest'
import type { ActivityFields } from '../bindings'
import { setSnapshot, state } from '../state'
import {
  TODAY,
  appError,
  assessmentWith,
  credit,
  evidenceStatus,
  previewOf,
  previewRefused,
  recordOf,
  snapshotWith,
} from '../testing/fixtures'
import {
  choose,
  cleanUp,
  click,
  confirm,
  eventually,
  mockCommands,
  mountInApp,
  screenText,
  sentTo,
  testId,
  typeInto,
  byText,
} from '../testing/mount'
import ActivityEditor from './ActivityEditor.vue'

let unmount: (() => void) | null = null
afterEach(() => {
  unmount?.()
  unmount = null
  state.snapshot = null
})

/** Opens the editor as the records screen does, for a new record or for `editing`. */
function openEditor(editing: ActivityFields | null = null) {
  const shown: boolean[] = []
  const { wrapper } = mountInApp(ActivityEditor, { show: true, editing, dropped: null, 'onUpdate:show': (v: boolean) => shown.push(v) })
  unmount = () => cleanUp(wrapper)
  return { shown }
}

const title = '湖南省医学会2026年学术年会'

/** The fields of a new two-day conference as the form sends them: the other kinds' fields empty. */
const conference: ActivityFields = {
  id: null,
  kind: 'conference',
  title,
  date: TODAY,
  end_date: null,
  provider: null,
  note: null,
  category: 'professional',
  days: 2,
  half_days: null,
  evenings: null,
  hours: null,
  level: null,
  role: null,
  venue: null,
  patent_type: null,
  rank: null,
  grade: null,
  units: null,
  medal: null,
  from_year: null,
  to_year: null,
  platform: null,
  task: null,
}

const quote = '参加学术会议、学术讲座，每天按 6 学时计算'

/** The engine as the editor meets it: it credits a two-day conference, and asks for more otherwise. */
function engine(cmd: string, args: Record<string, unknown>) {
  if (cmd !== 'preview_activity') return undefined
  const f = args.fields as ActivityFields
  if (f.kind === 'conference' && f.days === 2 && f.title !== '') {
    return previewOf(12, [credit(12, '会议 2 天', quote)], ['推定：会议未注明半天，按整天计'])
  }
  return previewRefused('请填写天数')
}

async function describeConference() {
  await choose(testId('kind'), '学术会议')
  await typeInto(testId('title'), title)
  await typeInto(testId('field-days'), '2')
}

describe('the record editor', () => {
  it('shows the hours, the clause and the warnings the engine previews for what the user typed', async () => {
    const sent = mockCommands(engine)
    setSnapshot(snapshotWith([]))
    openEditor()
    expect(screenText(testId('editor'))).toContain('新增记录')

    await describeConference()

    await eventually(() => expect(screenText(testId('preview'))).toContain('可计 12 学时'))
    const preview = screenText(testId('preview'))
    expect(preview).toContain('专业 12（会议 2 天）')
    expect(preview).toContain(`依据 湘人社规〔2024〕5号：“${quote}”`)
    expect(preview).toContain('推定：会议未注明半天，按整天计')
    const previews = sentTo(sent, 'preview_activity')
    expect(previews[previews.length - 1]).toEqual({ fields: conference })
  })

  it('shows the date the Chinese way, 2026年3月15日, and sends it as 2026-03-15', async () => {
    const sent = mockCommands(engine)
    setSnapshot(snapshotWith([]))
    openEditor()
    expect(testId('date').querySelector('input')?.value).toBe('2026年3月15日')
    await eventually(() => expect(sentTo(sent, 'preview_activity').length).toBeGreaterThan(0))
    expect(sentTo(sent, 'preview_activity')[0]).toMatchObject({ fields: { date: TODAY } })
  })

  it('asks for the form of the activity the chosen kind has', async () => {
    mockCommands(engine)
    setSnapshot(snapshotWith([]))
    openEditor()

    await choose(testId('kind'), '学术会议')

    const form = screenText(testId('editor'))
    expect(form).toContain('会议/讲座名称')
    expect(form).toContain('主办单位')
    expect(form).toContain('天数')
    expect(form).not.toContain('施教机构')
  })

  it('says why no hours are shown while the engine cannot credit the record yet', async () => {
    mockCommands(engine)
    setSnapshot(snapshotWith([]))
    openEditor()

    await typeInto(testId('title'), title)

    await eventually(() => expect(screenText(testId('preview'))).toBe('填写完整后显示可计学时：请填写天数'))
  })

  it('saves exactly the fields of the chosen kind, then edits the record under the id the app answered with', async () => {
    const saved = recordOf('r1', 'conference', { title, days: 2 })
    // Saved meanwhile elsewhere: the editor goes by the id the app answers with, not by what is new.
    const other = {
      ...recordOf('r0', 'conference', { title: '另一场会议' }),
      evidence: [{ seq: 1, file_name: '另一场会议的通知.pdf', material: '会议通知', file_type: 'pdf', size: 1000 }],
    }
    const sent = mockCommands((cmd, args) =>
      cmd === 'save_activity'
        ? {
            id: 'r1',
            snapshot: snapshotWith([other, saved], { materials: [{ kind: 'conference', materials: ['会议通知', '参会证明'] }] }),
          }
        : engine(cmd, args),
    )
    setSnapshot(snapshotWith([]))
    openEditor()
    await describeConference()

    await click(testId('save'))

    await eventually(() => expect(sentTo(sent, 'save_activity')).toEqual([{ fields: conference }]))
    await eventually(() => expect(screenText()).toContain('已保存。可以继续附上证明材料。'))
    expect(screenText(testId('editor'))).toContain('编辑记录')
    expect(screenText(testId('evidence'))).toContain('还没有附上任何文件')
    expect(state.snapshot?.activities).toEqual([other, saved])
    expect(screenText(testId('evidence'))).not.toContain('另一场会议的通知.pdf')

    await click(testId('save'))
    await eventually(() => expect(sentTo(sent, 'save_activity')[1]).toEqual({ fields: { ...conference, id: 'r1' } }))
  })

  it('shows the app’s message when it refuses to save, and keeps what was typed', async () => {
    mockCommands((cmd, args) => {
      if (cmd === 'save_activity') throw appError('结束日期早于开始日期，请检查日期')
      return engine(cmd, args)
    })
    setSnapshot(snapshotWith([]))
    openEditor()
    await describeConference()

    await click(testId('save'))

    await eventually(() => expect(screenText(testId('save-error'))).toBe('结束日期早于开始日期，请检查日期'))
    expect(screenText(testId('editor'))).toContain('新增记录')
    expect((testId('title').querySelector('input') as HTMLInputElement).value).toBe(title)
  })

  it('saves an edited record under its id, and deletes it only once the user confirms', async () => {
    const record = recordOf('r7', 'training', { days: 3 })
    const sent = mockCommands((cmd) => {
      if (cmd === 'preview_activity') return previewOf(18, [credit(18, '培训 3 天', '参加培训，每天按 6 学时计算')])
      if (cmd === 'save_activity') return { id: 'r7', snapshot: snapshotWith([record]) }
      if (cmd === 'remove_activity') return snapshotWith([])
      return undefined
    })
    setSnapshot(snapshotWith([record], { materials: [{ kind: 'training', materials: ['结业证书'] }] }))
    const { shown } = openEditor(record.fields)
    expect(screenText(testId('editor'))).toContain('编辑记录')

    await typeInto(testId('field-days'), '4')
    await click(testId('save'))
    await eventually(() => expect(sentTo(sent, 'save_activity')).toEqual([{ fields: { ...record.fields, days: 4 } }]))

    await click(byText('删除记录'))
    expect(sentTo(sent, 'remove_activity')).toEqual([])
    expect(screenText()).toContain('删除这条记录？删除后可以马上撤销。')
    await confirm()

    await eventually(() => expect(sentTo(sent, 'remove_activity')).toEqual([{ id: 'r7' }]))
    expect(shown).toEqual([false])
  })

  it('asks about the evidence files by number before deleting, and undoes the deletion on request', async () => {
    const evidence = (seq: number) => ({ seq, file_name: `证书${seq}.pdf`, material: '结业证书', file_type: 'pdf', size: 1024 })
    const record = { ...recordOf('r8', 'training', { days: 2 }), evidence: [evidence(1), evidence(2)] }
    const sent = mockCommands((cmd) => {
      if (cmd === 'preview_activity') return previewOf(12, [credit(12, '培训 2 天', '参加培训，每天按 6 学时计算')])
      if (cmd === 'remove_activity') return snapshotWith([])
      if (cmd === 'undo_remove') return { id: 'r8', snapshot: snapshotWith([record]) }
      return undefined
    })
    setSnapshot(snapshotWith([record], { materials: [{ kind: 'training', materials: ['结业证书'] }] }))
    openEditor(record.fields)

    await click(byText('删除记录'))
    expect(screenText(testId('remove-question'))).toBe('删除这条记录和它的 2 个证明材料？删除后可以马上撤销。')
    await confirm()
    await eventually(() => expect(sentTo(sent, 'remove_activity')).toEqual([{ id: 'r8' }]))
    expect(state.snapshot?.activities).toHaveLength(0)

    await eventually(() => testId('undo-remove'))
    await click(testId('undo-remove'))
    await eventually(() => expect(sentTo(sent, 'undo_remove')).toHaveLength(1))
    await eventually(() => expect(state.snapshot?.activities).toHaveLength(1))
    await eventually(() => expect(screenText()).toContain('已恢复删除的记录'))
  })

  it('shows the engine’s evidence status for the record it edits', async () => {
    const record = recordOf('r2', 'training')
    mockCommands(() => previewRefused('请填写天数'))
    setSnapshot(
      snapshotWith([record], {
        materials: [{ kind: 'training', materials: ['结业证书'] }],
        assessment: assessmentWith([evidenceStatus('r2', { status: 'complete' })]),
      }),
    )
    openEditor(record.fields)
    expect(screenText(testId('evidence'))).toContain('材料齐全')
  })
})
