// Keyboard shortcuts of the whole window: Ctrl+N a new record, Ctrl+F the records' search (⌘ on a
// Mac). Esc closes the record editor (the drawer does that itself).

export type Shortcut = 'new-record' | 'search'

/** The shortcut a key press asks for, or null when it is none of ours. */
export function shortcutOf(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): Shortcut | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return null
  switch (event.key.toLowerCase()) {
    case 'n':
      return 'new-record'
    case 'f':
      return 'search'
    default:
      return null
  }
}
