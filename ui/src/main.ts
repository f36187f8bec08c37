import { createApp } from 'vue'
import App from './App.vue'
import './style.css'

// The page's own timeline for the startup measurement (see App.vue's `load`): here the scripts are in.
performance.mark('xueshi:scripts')

// Unexpected errors are kept for the end-to-end tests (which fail on any) and logged.
const errors: string[] = []
;(window as unknown as { __xueshiErrors: string[] }).__xueshiErrors = errors
window.addEventListener('error', (e) => {
  // Browsers report this when a resize callback (ECharts, Naive UI) triggers another layout: harmless.
  if (String(e.message).includes('ResizeObserver loop')) return
  errors.push(String(e.message))
})
window.addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)))

const app = createApp(App)
app.config.errorHandler = (err, _instance, info) => {
  errors.push(`${String(err)} (${info})`)
  console.error(err)
}
app.mount('#app')
performance.mark('xueshi:mounted')
