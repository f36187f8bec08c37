// For component tests: mounting a component inside Naive UI's providers as App.vue does, answering
// and recording the commands it sends through Tauri's IPC mock, and acting and reading as a user.
import { mount } from '@vue/test-utils'
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks'
import { NConfigProvider, NDialogProvider, NMessageProvider, dateZhCN, zhCN } from 'naive-ui'
import { vi } from 'vitest'
import { defineComponent, h, nextTick, reactive, type Component } from 'vue'

export interface Sent {
  cmd: string
  args: unknown
}

/** Answers the app's commands with `answer` and records each one sent, in order; with `events`,
 * the app's events work too (`emit` from `@tauri-apps/api/event` reaches the screen's listeners). */
export function mockCommands(answer: (cmd: string, args: Record<string, unknown>) => unknown, events = false): Sent[] {
  const sent: Sent[] = []
  mockIPC(
    (cmd, args) => {
      sent.push({ cmd, args })
      return answer(cmd, (args ?? {}) as Record<string, unknown>)
    },
    { shouldMockEvents: events },
  )
  return sent
}

/** The arguments of each command sent with this name, in order. */
export function sentTo(sent: Sent[], cmd: string): unknown[] {
  return sent.filter((s) => s.cmd === cmd).map((s) => s.args)
}

/** Mounts `component` in the app's providers; `props` stays reactive, so a test can change it. */
export function mountInApp<P extends Record<string, unknown>>(component: Component, props: P) {
  const live = reactive(props) as P
  const Host = defineComponent({
    setup: () => () =>
      h(NConfigProvider, { locale: zhCN, dateLocale: dateZhCN }, () =>
        h(NMessageProvider, () => h(NDialogProvider, () => h(component, live))),
      ),
  })
  // Real transitions: the stand-ins test-utils puts in their place are elements of their own, and
  // the drawer's focus trap then takes every field for outside the drawer and steals its focus.
  const wrapper = mount(Host, { attachTo: document.body, global: { stubs: { transition: false, 'transition-group': false } } })
  return { wrapper, props: live }
}

export function cleanUp(wrapper: { unmount(): void }) {
  wrapper.unmount()
  clearMocks()
  document.body.innerHTML = ''
}

/** Retries `check` until it passes: for what shows after the preview's pause or a command's answer.
 * Generous, because the test command shares a busy machine with the Rust builds. */
export function eventually(check: () => void) {
  return vi.waitFor(check, { timeout: 5000, interval: 20 })
}

/** Lets Vue render and pending commands answer. */
export async function settle() {
  for (let i = 0; i < 3; i++) {
    await nextTick()
    await new Promise((r) => setTimeout(r, 0))
  }
}

/** Everything the user sees in the window, drawers and messages included, with spaces collapsed. */
export function screenText(within: Element = document.body): string {
  return (within.textContent ?? '').replace(/\s+/g, ' ').trim()
}

/** What each child of `element` shows, in order, leaving out the empty ones: a row read piece by piece. */
export function piecesOf(element: Element): string[] {
  return [...element.children].map((child) => screenText(child)).filter((text) => text !== '')
}

/** The one element marked `data-test="name"`. */
export function testId(name: string): HTMLElement {
  const found = document.querySelectorAll<HTMLElement>(`[data-test="${name}"]`)
  if (found.length !== 1) throw new Error(`${found.length} elements are marked ${name}`)
  return found[0]
}

/** The innermost visible element (button, link) that reads exactly `text`, within `within`. */
export function byText(text: string, within: Element = document.body): HTMLElement {
  const found = [...within.querySelectorAll<HTMLElement>('*')].filter((e) => screenText(e) === text)
  const innermost = found.filter((e) => !found.some((other) => other !== e && e.contains(other)))
  if (innermost.length !== 1) throw new Error(`${innermost.length} elements read “${text}”`)
  return innermost[0].closest<HTMLElement>('button') ?? innermost[0]
}

export async function click(element: Element) {
  element.dispatchEvent(new MouseEvent('click', { bubbles: true }))
  await settle()
}

/** Types into the text or number field inside `field`, replacing what was there. */
export async function typeInto(field: Element, text: string) {
  const input = field.matches('input, textarea') ? (field as HTMLInputElement) : field.querySelector('input, textarea')
  if (!(input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement)) throw new Error('no text field there')
  input.value = text
  input.dispatchEvent(new Event('input', { bubbles: true }))
  await settle()
}

/** Opens a searchable select, types `text` and presses Enter: the first option matching is chosen. */
export async function choose(select: Element, text: string) {
  const selection = select.querySelector('.n-base-selection')
  if (!selection) throw new Error('not a select')
  await click(selection)
  const search = select.querySelector('input')
  if (!search) throw new Error('the select cannot be searched')
  await typeInto(search, text)
  search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true }))
  await settle()
}

/** Confirms the open 确认/取消 question (Naive UI's popconfirm). */
export async function confirm() {
  const open = document.querySelectorAll('.n-popconfirm')
  const popover = open[open.length - 1]
  if (!popover) throw new Error('no question is open')
  await click(byText('确认', popover))
}
