// Keyboard shortcuts of the whole window: Ctrl+N a new record, Ctrl+F the records' search (⌘ on a
// Mac). Esc closes the record editor (the drawer does that itself). While a dialog or the record
// editor is open the keys are its own, so a shortcut never drops what the user is typing there.

export type Shortcut = 'new-record' | 'search'

/** The shortcut a key press asks for, or null when it is none of ours or `dialogOpen`. */
export function shortcutOf(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
  dialogOpen: boolean,
): Shortcut | null {
  if (dialogOpen || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return null
  switch (event.key.toLowerCase()) {
    case 'n':
      return 'new-record'
    case 'f':
      return 'search'
    default:
      return null
  }
}
