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
    expect(shortcutOf(press('n', { ctrlKey: true }), false)).toBe('new-record')
    expect(shortcutOf(press('F', { ctrlKey: true }), false)).toBe('search')
  })

  it('the Mac command key works like Ctrl', () => {
    expect(shortcutOf(press('n', { metaKey: true }), false)).toBe('new-record')
  })

  it('do nothing while a dialog or the record editor is open, so nothing typed there is dropped', () => {
    expect(shortcutOf(press('n', { ctrlKey: true }), true)).toBeNull()
    expect(shortcutOf(press('f', { ctrlKey: true }), true)).toBeNull()
  })

  it('plain letters and other combinations are left to the page', () => {
    expect(shortcutOf(press('n'), false)).toBeNull()
    expect(shortcutOf(press('n', { ctrlKey: true, shiftKey: true }), false)).toBeNull()
    expect(shortcutOf(press('f', { ctrlKey: true, altKey: true }), false)).toBeNull()
    expect(shortcutOf(press('s', { ctrlKey: true }), false)).toBeNull()
  })
})
