import { afterEach, describe, expect, it } from 'vitest'
import { clearMocks } from '@tauri-apps/api/mocks'
import { firstSnapshot } from './api'
import { snapshotWith } from './testing/fixtures'
import { mockCommands, sentTo } from './testing/mount'

const page = window as { __xueshiFirstSnapshot?: Promise<unknown> }

afterEach(() => {
  delete page.__xueshiFirstSnapshot
  clearMocks()
})

describe('the first snapshot', () => {
  it('is the one the page asked for while the scripts loaded, and is taken only once', async () => {
    const asked = snapshotWith([], { data_dir: '/asked/by/the/page' })
    page.__xueshiFirstSnapshot = Promise.resolve(asked)
    const sent = mockCommands(() => snapshotWith([]))

    expect(await firstSnapshot()).toBe(asked)
    expect(sentTo(sent, 'first_screen')).toHaveLength(0)

    // A retry (the first answer was an error, or the page is reloaded) asks the app again.
    expect((await firstSnapshot()).data_dir).toBe('/home/li/学时手册')
    expect(sentTo(sent, 'first_screen')).toHaveLength(1)
  })

  it('is asked for when the page did not ask (outside the app, in tests)', async () => {
    const sent = mockCommands(() => snapshotWith([]))
    await firstSnapshot()
    expect(sentTo(sent, 'first_screen')).toHaveLength(1)
  })
})
