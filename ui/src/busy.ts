// One way for a screen to run a command on the user's click: which action is running (its button
// shows a spinner), and the app's Chinese message when it fails.
import { ref } from 'vue'
import { useMessage } from 'naive-ui'
import { errorMessage } from './api'

/** `busy` names the action running (null when none); `run` runs one and says why it failed. */
export function useBusy() {
  const message = useMessage()
  const busy = ref<string | null>(null)
  async function run(name: string, action: () => Promise<unknown>) {
    busy.value = name
    try {
      await action()
    } catch (e) {
      message.error(errorMessage(e), { duration: 8000 })
    } finally {
      busy.value = null
    }
  }
  return { busy, run }
}
