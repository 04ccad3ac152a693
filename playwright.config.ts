import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/chromium.mjs';

// E2E_PORT lets several checkouts run their browser tests at once without sharing a server.
const PORT = Number(process.env.E2E_PORT ?? 4173);

/** E2E config: system Chromium (Playwright cannot fetch its own here) against the production build. */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  workers: 2,
  // One retry on CI, where a loaded two-core machine makes frames slow; the report lists any test
  // that needed it. (inspector.spec's seek test used to need it: after a pause the cards kept the
  // last throttled figures for up to 100 ms after the clock settled, fixed in the controller.)
  retries: process.env.CI ? 1 : 0,
  // compare-perf.spec prints frame-rate figures and asserts nothing: `npm run perf:compare` runs it.
  testIgnore: process.env.PERF ? [] : ['**/compare-perf.spec.ts'],
  reporter: 'list',
  forbidOnly: !!process.env.CI,
  use: {
    baseURL: `http://localhost:${PORT}`,
    screenshot: 'only-on-failure',
    trace: 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: { browserName: 'chromium', launchOptions: chromiumLaunchOptions() },
    },
  ],
  webServer: {
    // The same as `npm start` (vite build + vite preview), on PORT, but the build is skipped when dist/
    // is newer than the sources (`npm test` builds it beside lint and typecheck). No tsc here: `npm test`
    // typechecks once before e2e, and a type error should not hide the UI checks.
    command: `node scripts/preview.mjs ${PORT}`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
