import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

// The desktop app loads the built files from inside the binary: no remote content, no CDN.
export default defineConfig({
  plugins: [vue()],
  clearScreen: false,
  // The UI's own folder, and the licence texts the app shows in 关于 (src/licences.test.ts compares
  // them with the npm packages').
  server: { port: 5173, strictPort: true, fs: { allow: ['.', '../licences'] } },
  build: {
    target: 'es2021',
    chunkSizeWarningLimit: 1500,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/testing/setup.ts'],
    // Vitest leaves CSS out (an empty module), its text asked for with ?raw too: the tests that read
    // style.css (src/sizes.test.ts, src/colours.test.ts) get the file.
    css: { include: [/\.css\?raw$/] },
    // A component test mounts Naive UI in jsdom: a few seconds when the machine is busy building.
    testTimeout: 20000,
  },
})
