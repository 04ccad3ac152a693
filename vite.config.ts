/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { firstScreenPlugin } from './scripts/first-screen-plugin.mjs';
import { prerenderPlugin } from './scripts/prerender-plugin.mjs';

const DAGRE_SHIM = fileURLToPath(new URL('./src/app/dagreFirstScreen.ts', import.meta.url));
const DAGRE_REAL = fileURLToPath(new URL('./src/app/dagreReal.ts', import.meta.url));

/**
 * dagre (about 16 KB gzipped) loads with the engine chunk: in the app, `@dagrejs/dagre` is
 * src/app/dagreFirstScreen.ts (the default scenario's layout from a build-time table, then dagre
 * itself), except in dagreReal.ts, which brings the package. Unit tests use the package.
 */
function dagreAfterFirstScreen(): Plugin {
  return {
    name: 'microsim:dagre-after-first-screen',
    enforce: 'pre',
    apply: () => !process.env.VITEST,
    resolveId: (id, importer) => (id === '@dagrejs/dagre' && importer !== DAGRE_REAL ? DAGRE_SHIM : undefined),
  };
}

/**
 * The first load's libraries (React, react-dom, React Flow, d3, zustand) in a chunk of their own,
 * so that index.html's inline script runs the first load in three tasks instead of one of 530 KB
 * (a long task on a slow phone; scripts/prerender-plugin.mjs, afterPaint): the vendor chunk
 * (React Flow's and d3's modules run), src/boot/reactDom.ts, an entry of its own (react-dom is
 * CommonJS: its body runs at its first require, there), then the app's entry. One vendor chunk,
 * not one per library: each chunk more cost the first load some gzip (181.6 KB with react-dom and
 * React Flow apart, 180.9 together).
 */
const FIRST_LOAD_STAGES = {
  input: { index: fileURLToPath(new URL('./index.html', import.meta.url)), 'boot-react-dom': fileURLToPath(new URL('./src/boot/reactDom.ts', import.meta.url)) },
  output: {
    codeSplitting: {
      groups: [
        {
          name: 'vendor',
          test: /node_modules[\\/](react|react-dom|scheduler|@xyflow|d3-[a-z]+|classcat|zustand|use-sync-external-store)[\\/].*\.m?js$/,
        },
      ],
    },
  },
};

/** Vite build/dev config; also carries the Vitest config so both share one resolver. */
export default defineConfig({
  plugins: [react(), firstScreenPlugin(), dagreAfterFirstScreen(), prerenderPlugin()],
  build: { rolldownOptions: FIRST_LOAD_STAGES },
  preview: { port: 4173, strictPort: true },
  test: {
    // Unit tests sit beside their source; e2e/ belongs to Playwright only.
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    // Both languages' strings (the app loads them in their own chunks; see src/i18n/translate.ts).
    setupFiles: ['src/i18n/testSetup.ts'],
    // Every core: the default left one of CI's two idle (npm test's unit stage took 104 s; 73 s with both).
    maxWorkers: '100%',
    // One module cache per worker instead of one per file: importing the engine, zod and the
    // models again for each of 100 files was most of the stage (82 s → 22–30 s on a quiet
    // machine; checked in three shuffled orders). A test that needs fresh module state resets
    // it itself (vi.resetModules, as runtime.test.ts and dagreFirstScreen.test.ts do).
    isolate: false,
  },
});
