/**
 * `npm run lighthouse`: Lighthouse (the npm package) against the production build, in the
 * system's Chromium, headless, with Lighthouse's default mobile settings (simulated slow 4G and
 * a 4x slower CPU). Builds dist/ when it is missing or older than the sources, serves it with
 * `vite preview` on LIGHTHOUSE_PORT (default 4180; 4190 is on the fetch standard's list of blocked ports, so fetch and Chromium refuse it), prints the four category scores, and
 * stops the server. Not part of npm test: scores depend on the machine's load.
 *
 * Chromium: $CHROME_PATH, else the same search as the browser tests (scripts/chromium.mjs).
 * Usage: npm run lighthouse [-- --json] [--desktop] [--runs=N] [--save=lhr.json] [--build]
 *   --json     the scores as one JSON document
 *   --desktop  Lighthouse's desktop preset (desktop-config.js: dense 4G, no CPU slowdown, desktop
 *              screen); the default mobile run stays the headline figure
 *   --runs=N   N runs in a row (default 1); prints each, then the median of each figure, since a
 *              single run on a shared machine is noise
 *   --save=F   writes the last run's full report (JSON) to F, for its audits (bootup-time,
 *              long-tasks, mainthread-work-breakdown, largest-contentful-paint-element)
 *   --build    rebuilds dist/ first (the staleness check does not look at scripts/)
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import { ensureBuild } from './size-budget.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PORT = Number(process.env.LIGHTHOUSE_PORT ?? 4180);
const URL = `http://localhost:${PORT}/`;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];
const arg = (/** @type {string} */ name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const DESKTOP = process.argv.includes('--desktop');
const RUNS = Math.max(1, Number(arg('runs') ?? 1));
const SAVE = arg('save');
const JSON_OUT = process.argv.includes('--json');

const chromePath = process.env.CHROME_PATH ?? findChromium();
if (!chromePath) {
  console.error('lighthouse: no Chromium found; set CHROME_PATH (Debian: apt-get install chromium)');
  process.exit(2);
}

ensureBuild(process.argv.includes('--build'));

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

/** @param {number[]} xs */
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? NaN;

/** @param {import('lighthouse').Result} lhr */
function printRun(lhr) {
  const { categories, audits } = lhr;
  for (const id of CATEGORIES) console.log(`${categories[id]?.title ?? id}: ${Math.round((categories[id]?.score ?? 0) * 100)}`);
  for (const id of METRICS) if (audits[id]) console.log(`  ${audits[id].title}: ${audits[id].displayValue}`);
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

let chrome;
try {
  await waitForServer();
  chrome = await launch({ chromePath, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
  /** @type {Record<string, number>[]} */
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const flags = { port: chrome.port, onlyCategories: CATEGORIES, logLevel: /** @type {const} */ ('error'), output: /** @type {const} */ ('json') };
    const result = await lighthouse(URL, flags, DESKTOP ? desktopConfig : undefined);
    if (!result) throw new Error('Lighthouse returned no result');
    const { categories, audits } = result.lhr;
    /** @type {Record<string, number>} */
    const figures = {};
    for (const id of CATEGORIES) figures[id] = Math.round((categories[id]?.score ?? 0) * 100);
    for (const id of METRICS) figures[id] = audits[id]?.numericValue ?? NaN;
    runs.push(figures);
    if (SAVE) writeFileSync(SAVE, JSON.stringify(result.lhr));
    if (!JSON_OUT) {
      if (RUNS > 1) console.log(`run ${i + 1} of ${RUNS}${DESKTOP ? ' (desktop)' : ''}:`);
      printRun(result.lhr);
    }
  }
  /** @type {Record<string, number>} */
  const med = {};
  for (const key of Object.keys(runs[0] ?? {})) med[key] = median(runs.map((r) => r[key] ?? NaN));
  if (JSON_OUT) console.log(JSON.stringify(RUNS > 1 ? { median: med, runs } : runs[0]));
  else if (RUNS > 1) {
    const ms = (/** @type {string} */ id) => (id === 'cumulative-layout-shift' ? med[id]?.toFixed(3) : `${Math.round(med[id] ?? NaN)} ms`);
    console.log(`median of ${RUNS}${DESKTOP ? ' (desktop)' : ''}: ${CATEGORIES.map((id) => `${id} ${med[id]}`).join(', ')}`);
    console.log(`  ${METRICS.map((id) => `${id} ${ms(id)}`).join(', ')}`);
  }
} finally {
  await chrome?.kill();
  stopServer();
}
