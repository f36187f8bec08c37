// The window's zoom (Ctrl + / Ctrl − / Ctrl 0, and 设置 → 显示): the app steps it, applies it to
// the window and keeps it for the next start; here only which key asks for what, and the zoom the
// app last answered, for the 设置 screen to show.
import { computed, reactive } from 'vue'
import type { ZoomStep } from './bindings'
import { api } from './api'
import { state } from './state'

const answered = reactive<{ percent: number | null }>({ percent: null })

/** The zoom in percent: the app's last answer, else the one saved with the settings. */
export const zoomPercent = computed(() => answered.percent ?? state.snapshot?.settings.zoom_percent ?? 100)

/**
 * The zoom step a key press asks for: Ctrl with + or = (the same key, with or without Shift, and the
 * keypad's +), Ctrl with − and Ctrl with 0 (⌘ on a Mac). Also while a dialog is open: zooming drops
 * nothing the user is typing.
 */
export function zoomStepOf(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): ZoomStep | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null
  switch (event.key) {
    case '+':
    case '=':
      return 'in'
    case '-':
    case '_':
      return 'out'
    case '0':
      return 'reset'
    default:
      return null
  }
}

/** Asks the app to zoom by `step`; answers with the new zoom in percent. */
export async function zoom(step: ZoomStep): Promise<number> {
  const percent = await api.zoom(step)
  answered.percent = percent
  return percent
}
