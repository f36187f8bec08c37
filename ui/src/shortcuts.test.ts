import { describe, expect, it } from 'vitest'
import { shortcutOf } from './shortcuts'

const press = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
})

describe('keyboard shortcuts', () => {
  it('Ctrl+N asks for a new record and Ctrl+F for the search, with Caps Lock too', () => {
    expect(shortcutOf(press('n', { ctrlKey: true }))).toBe('new-record')
    expect(shortcutOf(press('F', { ctrlKey: true }))).toBe('search')
  })

  it('the Mac command key works like Ctrl', () => {
    expect(shortcutOf(press('n', { metaKey: true }))).toBe('new-record')
  })

  it('plain letters and other combinations are left to the page', () => {
    expect(shortcutOf(press('n'))).toBeNull()
    expect(shortcutOf(press('n', { ctrlKey: true, shiftKey: true }))).toBeNull()
    expect(shortcutOf(press('f', { ctrlKey: true, altKey: true }))).toBeNull()
    expect(shortcutOf(press('s', { ctrlKey: true }))).toBeNull()
  })
})
