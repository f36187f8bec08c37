import { afterEach, describe, expect, it } from 'vitest'
import { state } from '../state'
import { snapshotWith } from '../testing/fixtures'
import { cleanUp, click, eventually, mockCommands, mountInApp, screenText, sentTo, testId } from '../testing/mount'
import RemindersCard from './RemindersCard.vue'

let unmount: (() => void) | null = null
afterEach(() => {
  unmount?.()
  unmount = null
  state.snapshot = null
})

function openCard(registered: boolean) {
  state.snapshot = snapshotWith([])
  let on = registered
  const sent = mockCommands((cmd, args) => {
    if (cmd === 'login_check') return on
    if (cmd === 'set_login_check') {
      on = args.on as boolean
      return on
    }
    return null
  })
  const { wrapper } = mountInApp(RemindersCard, {})
  unmount = () => cleanUp(wrapper)
  return sent
}

const checkbox = () => testId('login-check')
const checked = () => checkbox().classList.contains('n-checkbox--checked')

describe('the reminders card', () => {
  it('shows whether the check at login is registered with the system', async () => {
    openCard(true)
    await eventually(() => expect(checked()).toBe(true))
    expect(screenText()).toContain('每次登录电脑时学时手册在后台检查一次（不打开窗口）')
  })

  it('registers the check at login when the user ticks it, and says so', async () => {
    const sent = openCard(false)
    await eventually(() => expect(checkbox().classList.contains('n-checkbox--disabled')).toBe(false))
    await click(checkbox())
    await eventually(() => expect(sentTo(sent, 'set_login_check')).toEqual([{ on: true }]))
    await eventually(() => expect(checked()).toBe(true))
    expect(screenText()).toContain('登录电脑时会检查提醒')
  })

  it('says the reminders are also sent as a notification once a day', () => {
    openCard(false)
    expect(screenText()).toContain('并以系统通知告知（同一条提醒每天只通知一次）')
  })
})
