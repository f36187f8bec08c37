import { afterEach, describe, expect, it } from 'vitest'
import { cleanUp, mountInApp } from '../testing/mount'
import SideNav from './SideNav.vue'

let unmount: (() => void) | null = null
afterEach(() => {
  unmount?.()
  unmount = null
})

describe('the sidebar', () => {
  it('marks the screen on display and asks for the one clicked', async () => {
    const chosen: string[] = []
    const items = [
      { key: 'dashboard', label: '总览' },
      { key: 'records', label: '记录' },
    ]
    const { wrapper } = mountInApp(SideNav, { items, value: 'dashboard', 'onUpdate:value': (k: string) => chosen.push(k) })
    unmount = () => cleanUp(wrapper)
    const buttons = [...document.querySelectorAll<HTMLButtonElement>("[data-test='menu'] button")]
    expect(buttons.map((b) => b.textContent?.trim())).toEqual(['总览', '记录'])
    expect(buttons.map((b) => b.getAttribute('aria-current'))).toEqual(['page', null])

    buttons[1].click()
    expect(chosen).toEqual(['records'])
  })
})
