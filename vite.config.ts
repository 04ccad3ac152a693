/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { firstScreenPlugin } from './scripts/first-screen-plugin.mjs';
import { prerenderPlugin } from './scripts/prerender-plugin.mjs';

/** Vite build/dev config; also carries the Vitest config so both share one resolver. */
export default defineConfig({
  plugins: [react(), firstScreenPlugin(), prerenderPlugin()],
  preview: { port: 4173, strictPort: true },
  test: {
    // Unit tests sit beside their source; e2e/ belongs to Playwright only.
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    // Every core: the default left one of CI's two idle (npm test's unit stage took 104 s; 73 s with both).
    maxWorkers: '100%',
  },
});
