import { afterEach, describe, expect, it } from 'vitest'
import type { ActivityView, EvidenceStatus } from '../bindings'
import { setSnapshot, state } from '../state'
import { appError, evidenceStatus, recordOf, snapshotWith } from '../testing/fixtures'
import {
  byText,
  choose,
  cleanUp,
  click,
  confirm,
  eventually,
  mockCommands,
  mountInApp,
  piecesOf,
  screenText,
  sentTo,
  testId,
} from '../testing/mount'
import EvidencePanel from './EvidencePanel.vue'

let unmount: (() => void) | null = null
afterEach(() => {
  unmount?.()
  unmount = null
  state.snapshot = null
})

/** A training record with a certificate attached, and a notice whose file has gone from the vault. */
const record: ActivityView = {
  ...recordOf('r1', 'training', { days: 3 }),
  evidence: [
    { seq: 3, file_name: '结业证书.pdf', material: '结业证书', file_type: 'pdf', size: 204800 },
    { seq: 4, file_name: '培训通知.docx', material: '培训通知', file_type: 'docx', size: null },
  ],
}
const choice = { kind: 'training' as const, materials: ['结业证书', '培训通知', '学时证明'] }

/** The rule's two accepted sets (as the assessment lists it once), and the engine's finding for
 * the record: the first set half met. */
const ruleSets = [[['结业证书', '学时证明'], ['培训通知']], [['单位出具的学时证明']]]
const halfMet = evidenceStatus('r1', {
  status: 'incomplete',
  missing: ['培训通知'],
  clause: 'test/evidence.training',
  met: [[true, false], [false]],
})

function openPanel(status: EvidenceStatus | null, dropped: { token: number; names: string[] } | null = null) {
  const consumed: number[] = []
  const { wrapper } = mountInApp(EvidencePanel, {
    record,
    choice,
    status,
    ruleSets: status ? ruleSets : [],
    dropped,
    onConsumed: () => consumed.push(1),
  })
  unmount = () => cleanUp(wrapper)
  return { consumed }
}

/** The row of an attached file, found by its name. */
function fileRow(name: string): HTMLElement {
  const row = [...document.querySelectorAll<HTMLElement>('[data-test="evidence-file"]')].find((r) => screenText(r).includes(name))
  if (!row) throw new Error(`no file ${name} is listed`)
  return row
}

describe('the evidence panel', () => {
  it('shows each set of materials the notice accepts, with what the engine found met', async () => {
    mockCommands(() => undefined)
    openPanel(halfMet)

    const panel = screenText(testId('evidence'))
    expect(panel).toContain('还缺：培训通知')
    expect(panel).toContain('按通知，提供以下任一组材料即可：')
    expect([...document.querySelectorAll('.set')].map(piecesOf)).toEqual([
      ['第 1 组', '✓ 结业证书 或 学时证明', '○ 培训通知'],
      ['第 2 组', '○ 单位出具的学时证明'],
    ])
    const met = [...document.querySelectorAll('.req.done')].map((e) => screenText(e))
    expect(met).toEqual(['✓ 结业证书 或 学时证明'])
  })

  it('says when the material is complete, and when the notice lists none for the kind', async () => {
    mockCommands(() => undefined)
    openPanel(evidenceStatus('r1', { status: 'complete' }))
    expect(screenText(testId('evidence'))).toContain('材料齐全')
    unmount?.()

    openPanel(evidenceStatus('r1', { status: 'no_rule' }))
    expect(screenText(testId('evidence'))).toContain('本通知未列出此类活动所需的材料')
    expect(document.querySelector('.sets')).toBeNull()
  })

  it('lists the attached files and opens the one asked for', async () => {
    const sent = mockCommands(() => null)
    openPanel(halfMet)

    expect(piecesOf(fileRow('结业证书.pdf'))).toEqual(['结业证书', '结业证书.pdf', 'PDF 200 KB', '打开', '移除'])
    // A file gone from the vault cannot be opened, only removed.
    expect(piecesOf(fileRow('培训通知.docx'))).toEqual(['培训通知', '培训通知.docx', 'DOCX', '移除'])
    await click(byText('打开', fileRow('结业证书.pdf')))

    expect(sentTo(sent, 'open_evidence')).toEqual([{ seq: 3 }])
  })

  it('removes a file only once the user confirms', async () => {
    const after = snapshotWith([{ ...record, evidence: record.evidence.slice(0, 1) }])
    const sent = mockCommands((cmd) => (cmd === 'detach_evidence' ? after : undefined))
    openPanel(halfMet)

    await click(byText('移除', fileRow('培训通知.docx')))
    expect(screenText()).toContain('从这条记录移除这份材料？')
    expect(sentTo(sent, 'detach_evidence')).toEqual([])
    await confirm()

    await eventually(() => expect(sentTo(sent, 'detach_evidence')).toEqual([{ seq: 4 }]))
    expect(state.snapshot).toEqual(after)
  })

  it('attaches a file picked in the dialog under the material chosen, the first one unless changed', async () => {
    const after = snapshotWith([record])
    const sent = mockCommands((cmd) => (cmd === 'attach_by_dialog' ? after : undefined))
    openPanel(halfMet)

    await click(testId('attach'))
    await choose(testId('material'), '培训通知')
    await click(testId('attach'))

    expect(sentTo(sent, 'attach_by_dialog')).toEqual([
      { activity: 'r1', material: '结业证书' },
      { activity: 'r1', material: '培训通知' },
    ])
    expect(state.snapshot).toEqual(after)
  })

  it('offers files dropped on the window and attaches them with the drop’s token', async () => {
    const sent = mockCommands((cmd) => (cmd === 'attach_dropped' ? snapshotWith([record]) : undefined))
    const { consumed } = openPanel(halfMet, { token: 7, names: ['证书扫描.jpg', '通知.pdf'] })

    expect(screenText(testId('evidence'))).toContain('拖入了 证书扫描.jpg、通知.pdf，作为 结业证书 附到这条记录？')
    await click(byText('附上'))

    await eventually(() => expect(sentTo(sent, 'attach_dropped')).toEqual([{ token: 7, activity: 'r1', material: '结业证书' }]))
    expect(consumed).toEqual([1])
  })

  it('lets the user decline dropped files without sending anything', async () => {
    const sent = mockCommands(() => undefined)
    const { consumed } = openPanel(halfMet, { token: 8, names: ['照片.png'] })

    await click(byText('取消', testId('evidence')))

    expect(consumed).toEqual([1])
    expect(sent).toEqual([])
  })

  it('tells the user in the app’s words why a file could not be attached', async () => {
    setSnapshot(snapshotWith([record]))
    const before = state.snapshot
    mockCommands(() => {
      throw appError('无法读取这个文件，请确认它没有被其他程序占用')
    })
    openPanel(halfMet)

    await click(testId('attach'))

    await eventually(() => expect(screenText()).toContain('无法读取这个文件，请确认它没有被其他程序占用'))
    expect(state.snapshot).toBe(before)
  })
})
