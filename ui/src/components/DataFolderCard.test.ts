import { afterEach, describe, expect, it } from 'vitest'
import { state } from '../state'
import { snapshotWith } from '../testing/fixtures'
import { byText, cleanUp, click, eventually, mockCommands, mountInApp, screenText, sentTo, testId } from '../testing/mount'
import DataFolderCard from './DataFolderCard.vue'

let unmount: (() => void) | null = null
afterEach(() => {
  unmount?.()
  unmount = null
  state.snapshot = null
})

const daily = { name: 'ledger-20261129-081500000-00-daily.sqlite3', label: '2026年11月29日 08:15 · 每日自动备份' }
const manual = { name: 'ledger-20261128-140300000-00-manual.sqlite3', label: '2026年11月28日 14:03 · 手动备份' }

function openCard(answer: (cmd: string, args: Record<string, unknown>) => unknown = () => null) {
  state.snapshot = snapshotWith([])
  const sent = mockCommands((cmd, args) => (cmd === 'list_backups' ? [daily, manual] : answer(cmd, args)))
  const { wrapper } = mountInApp(DataFolderCard, {})
  unmount = () => cleanUp(wrapper)
  return sent
}

describe('the data folder card', () => {
  it('lists the backups by date and reason, never by file name', async () => {
    openCard()
    await eventually(() => expect(document.querySelectorAll('[data-test="backup-entry"]')).toHaveLength(2))
    const text = screenText(testId('backups'))
    expect(text).toContain('2026年11月29日 08:15 · 每日自动备份')
    expect(text).toContain('2026年11月28日 14:03 · 手动备份')
    expect(text).not.toContain('sqlite3')
  })

  it('restores a listed backup by its name only after the user agrees', async () => {
    const sent = openCard((cmd) => (cmd === 'restore_listed_backup' ? snapshotWith([]) : null))
    await eventually(() => testId('backups'))
    const rows = document.querySelectorAll<HTMLElement>('[data-test="backup-entry"]')
    await click(byText('恢复', rows[1]))
    expect(sentTo(sent, 'restore_listed_backup')).toHaveLength(0)
    expect(screenText()).toContain('用 2026年11月28日 14:03 · 手动备份 的数据替换现在的记录')
    await click(byText('恢复', document.querySelector('.n-dialog') as HTMLElement))
    await eventually(() => expect(sentTo(sent, 'restore_listed_backup')).toEqual([{ name: manual.name }]))
  })

  it('says what the export of all data holds', async () => {
    const summary = '已导出全部数据：3 条记录、2 个证明材料文件，以及参评计划 1 条。已保存为“学时手册全部数据_2026年11月29日.zip”'
    const sent = openCard((cmd) => (cmd === 'export_all_data' ? summary : null))
    await click(testId('export-all'))
    await eventually(() => expect(screenText(testId('export-all-result'))).toContain(summary))
    expect(sentTo(sent, 'export_all_data')).toHaveLength(1)
  })

  it('shows a new backup in the list and says when it was made', async () => {
    let listed = [manual]
    state.snapshot = snapshotWith([])
    const sent = mockCommands((cmd) => {
      if (cmd === 'list_backups') return listed
      if (cmd === 'backup_now') {
        listed = [daily, manual]
        return daily
      }
      return null
    })
    const { wrapper } = mountInApp(DataFolderCard, {})
    unmount = () => cleanUp(wrapper)
    await eventually(() => expect(document.querySelectorAll('[data-test="backup-entry"]')).toHaveLength(1))
    await click(testId('backup'))
    await eventually(() => expect(document.querySelectorAll('[data-test="backup-entry"]')).toHaveLength(2))
    expect(screenText()).toContain('已备份（2026年11月29日 08:15 · 每日自动备份）')
    expect(sentTo(sent, 'backup_now')).toHaveLength(1)
  })

  it('moves the data folder only after the user agrees and shows where it is now', async () => {
    const moved = { ...snapshotWith([]), data_dir: 'D:\\学时手册数据' }
    const sent = openCard((cmd) => (cmd === 'move_data_folder' ? moved : null))
    await click(testId('move-data-folder'))
    expect(sentTo(sent, 'move_data_folder')).toHaveLength(0)
    expect(screenText()).toContain('核对无误后才换到新位置')
    await click(byText('选择新位置', document.querySelector('.n-dialog') as HTMLElement))
    await eventually(() => expect(sentTo(sent, 'move_data_folder')).toHaveLength(1))
    await eventually(() => expect(screenText(testId('data-folder-path'))).toBe('D:\\学时手册数据'))
  })

  it('goes on with a data folder made earlier, chosen after the user agrees', async () => {
    const used = { ...snapshotWith([]), data_dir: 'D:\\学时手册数据' }
    const sent = openCard((cmd) => (cmd === 'use_existing_data_folder' ? used : null))
    await click(testId('use-existing-folder'))
    expect(sentTo(sent, 'use_existing_data_folder')).toHaveLength(0)
    expect(screenText()).toContain('现在这个数据文件夹保持不动')
    await click(byText('选择文件夹', document.querySelector('.n-dialog') as HTMLElement))
    await eventually(() => expect(sentTo(sent, 'use_existing_data_folder')).toHaveLength(1))
    await eventually(() => expect(screenText(testId('data-folder-path'))).toBe('D:\\学时手册数据'))
  })
})
