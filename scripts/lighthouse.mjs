/**
 * `npm run lighthouse`: Lighthouse (the npm package) against the production build, in the
 * system's Chromium, headless, with Lighthouse's default mobile settings (simulated slow 4G and
 * a 4x slower CPU). Builds dist/ when it is missing or older than the sources, serves it with
 * `vite preview` on LIGHTHOUSE_PORT (default 4180; 4190 is on the fetch standard's list of blocked ports, so fetch and Chromium refuse it), prints the four category scores, and
 * stops the server. Not part of npm test: scores depend on the machine's load.
 *
 * Chromium: $CHROME_PATH, else the same search as the browser tests (scripts/chromium.mjs).
 * Usage: npm run lighthouse [-- --json]   (--json: the scores as one JSON document)
 */
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import { ensureBuild } from './size-budget.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PORT = Number(process.env.LIGHTHOUSE_PORT ?? 4180);
const URL = `http://localhost:${PORT}/`;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

const chromePath = process.env.CHROME_PATH ?? findChromium();
if (!chromePath) {
  console.error('lighthouse: no Chromium found; set CHROME_PATH (Debian: apt-get install chromium)');
  process.exit(2);
}

ensureBuild();

const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], {
  cwd: ROOT,
  stdio: ['ignore', 'pipe', 'inherit'],
  detached: true,
});
/** Stops the preview server and everything it started (npx runs vite as a child). */
const stopServer = () => {
  if (server.pid && server.exitCode === null) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
};
process.on('exit', stopServer);

async function waitForServer() {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(URL)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer on ${URL} within 30 s`);
}

let chrome;
try {
  await waitForServer();
  chrome = await launch({ chromePath, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
  const result = await lighthouse(URL, { port: chrome.port, onlyCategories: CATEGORIES, logLevel: 'error', output: 'json' });
  if (!result) throw new Error('Lighthouse returned no result');
  const { categories, audits } = result.lhr;
  /** @type {Record<string, number>} */
  const scores = {};
  for (const id of CATEGORIES) scores[id] = Math.round((categories[id]?.score ?? 0) * 100);
  if (process.argv.includes('--json')) console.log(JSON.stringify(scores));
  else {
    for (const id of CATEGORIES) console.log(`${categories[id]?.title ?? id}: ${scores[id]}`);
    for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']) {
      if (audits[id]) console.log(`  ${audits[id].title}: ${audits[id].displayValue}`);
    }
    // What kept a category below 100: the failing audits, by title.
    for (const id of CATEGORIES) {
      const failing = (categories[id]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => audits[ref.id]?.title);
      if (failing.length > 0) console.log(`  ${id} below 1: ${failing.join('; ')}`);
    }
    // Which elements failed an accessibility audit (touch targets, contrast): their labels and selectors.
    for (const ref of categories.accessibility?.auditRefs ?? []) {
      const audit = audits[ref.id];
      if (ref.weight === 0 || (audit?.score ?? 1) >= 1) continue;
      const details = /** @type {{ items?: { node?: { nodeLabel?: string, selector?: string } }[] } | undefined} */ (audit?.details);
      const items = details?.items ?? [];
      for (const item of items.slice(0, 8)) console.log(`    ${ref.id}: ${item.node?.nodeLabel ?? '?'} (${item.node?.selector ?? '?'})`);
    }
  }
} finally {
  await chrome?.kill();
  stopServer();
}
