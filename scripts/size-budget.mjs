/**
 * The first-load size budget: the gzipped JavaScript that index.html makes the browser fetch
 * before the first screen (the entry script, or the entry an inline module script imports, the
 * chunks it imports statically and every modulepreload link, and the larger of the two languages' strings, which load through import()
 * but before anything renders), summed and checked against BUDGET_KB. Fails (exit 1) above it.
 * Chunks loaded later through import() (the engine, panels, inspector, motion with its animation
 * features) are listed but not counted. CSS is listed for information.
 *
 * It reads the production build in dist/. When dist/ is missing or older than a source file
 * it runs `vite build` first, so it never judges a stale build; in `npm test` it runs after the
 * browser tests, whose server has just built dist/.
 *
 * Usage: node scripts/size-budget.mjs [--build]   (--build: always build first)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/**
 * The budget, KB (1000 bytes) gzipped at level 9. The goal is 190 (issue #13). The perf branch
 * measured 253.8; merged with that round's other work (motion, tours, hardening, the compare
 * controller's shared chunk) main measured 293.4, and 293.6 on perf3 (the engine chunk grew by
 * 0.2 KB), so the budget holds that plus 2 KB: it stops further growth while the first load is
 * brought back down (see the README, "Size and speed", for what is in it and what 190 needs).
 * Stop 15 merged three new built-ins (load balancer, idempotency keys, poison record) and their
 * kinds, the new tours and comparison files: 316.8 KB measured, so the budget is that plus 2.2.
 * perf4 took the engine chunk (engine, models, zod: 68.9 KB) and the built-in scenario files out
 * of the first load (the first screen is drawn from a build-time copy; see src/app/runtime.ts):
 * 216.1 KB measured, so the budget is that plus 1.9. Merged with viz4's wrapping layout for long
 * chains and queue chips as buttons (the first draw needs both): 219.8 KB. With the table of the
 * models' reasons in both languages (the narration's, 3.4 KB): 223.2 KB, so the budget is 224.
 * size6 (issue #13): opening a comparison file and the limits' messages load with the engine
 * (219.7), so do the models' reasons (216.8) and dagre (201.6; the default scenario is laid out
 * from a build-time table until it arrives), and only the shown language's strings load before
 * the first render (198.6, the larger language counted): the budget is 199. Merged with the saga
 * kind: 201.1. size7: motion's core loads after the first paint (src/app/motionLazy.tsx): 186.1 KB,
 * the families' event sentences load with the engine (phraseStore.ts): 181.8, and the setting
 * names with the engine and the inspector (fieldNameTable.ts): 178.9 KB, so the budget is 179.
 * Round 7's first-paint work (the inline script's imports counted): 180.6, budget 181. Round 8:
 * the entry run in three tasks (a vendor chunk, react-dom's first require, the app: +0.4 KB) and
 * the choreography kind (its card, settings' names and the built-in's title on the menu: +1.1):
 * 182.1 KB, so the budget is 182.5. (A card loaded when its kind is first drawn saved only 0.2 KB
 * and, swapped in after the layout, left the routes under the flow running over it: not kept.)
 * Round 9: the engine's take-over in three tasks with drawnScenario, idle frames taking no
 * figures, and motion swapped in one element per task (lh9a: +0.3 KB, Lighthouse TBT 547 -> 341
 * ms back to back), and the header's logo drawn inline instead of a second SVG document
 * (lh9b): 182.6 KB, so the budget is 183. Still 7 KB under issue #13's 190. Round 12: the
 * animated elements run motion/mini's `animate` on the element itself, with our own Presence,
 * instead of being swapped for motion's components (+0.3 KB in the entry, 27 KB less later): 182.9.
 */
export const BUDGET_KB = 183;

/** The chunk of one language's strings (en.ts, es.ts): counted, the larger one, though imported dynamically. */
const LANGUAGE_CHUNK = /^(en|es)-[\w-]+\.js$/;

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');

/**
 * The newest modification time under `path` (a file or a folder), in ms.
 * @param {string} path
 * @returns {number}
 */
function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const name of readdirSync(path)) max = Math.max(max, newest(join(path, name)));
  return max;
}

function isStale() {
  const index = join(DIST, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'].map((p) => newest(join(ROOT, p)));
  return Math.max(...sources) > built;
}

const gz = (/** @type {string} */ path) => gzipSync(readFileSync(path), { level: 9 }).length;

/** The JS files index.html loads before the first screen, following static imports between chunks. */
export function firstLoad(dist = DIST) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const attr = (/** @type {string} */ tag, /** @type {string} */ name) => new RegExp(`\\b${name}="([^"]+)"`).exec(tag)?.[1];
  /** @type {string[]} */
  const queue = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
    const src = attr(tag, 'src');
    if (src && /type="module"/.test(tag)) queue.push(src);
  }
  // The entry as the prerendered index.html loads it: an inline module script imports it and its
  // imports once the first screen has painted (scripts/prerender-plugin.mjs), still before
  // anything answers. Every script URL such a script names counts.
  for (const [, body] of html.matchAll(/<script type="module">([^<]*)<\/script>/g)) {
    for (const [, src] of body?.matchAll(/"(\/[^"]+\.js)"/g) ?? []) if (src) queue.push(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    const href = attr(tag, 'href');
    if (href && /rel="modulepreload"/.test(tag)) queue.push(href);
  }
  // The interface's strings load through import(), one chunk per language (src/i18n/translate.ts),
  // but nothing renders before the shown language's: the larger of the two counts.
  const strings = readdirSync(join(dist, 'assets')).filter((f) => LANGUAGE_CHUNK.test(f));
  if (strings.length > 0) queue.push('/assets/' + strings.reduce((a, b) => (gz(join(dist, 'assets', b)) > gz(join(dist, 'assets', a)) ? b : a)));
  const css = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)].flatMap(([tag]) => attr(tag, 'href') ?? []);
  const seen = new Set();
  while (queue.length > 0) {
    const url = /** @type {string} */ (queue.pop());
    const file = join(dist, url.replace(/^\//, ''));
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    // Static imports only ("import{a}from"./x.js"", "import"./x.js""); import("./x.js") is loaded later.
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)) {
      queue.push(join(dirname(url), m[1]).replace(/\\/g, '/'));
    }
  }
  return { js: [...seen], css: css.map((href) => join(dist, href.replace(/^\//, ''))) };
}

/** Runs `vite build` when dist/ is missing or older than the sources (or always, with `force`). */
export function ensureBuild(force = false) {
  if (force || isStale()) {
    console.error('building dist/ (missing or older than the sources)');
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  }
}

function main() {
  ensureBuild(process.argv.includes('--build'));
  const { js, css } = firstLoad();
  const kb = (/** @type {number} */ n) => (n / 1000).toFixed(1).padStart(7) + ' KB';
  let total = 0;
  console.log('First load (gzipped, level 9):');
  for (const file of js) {
    const size = gz(file);
    total += size;
    console.log(`  ${kb(size)}  ${relative(DIST, file)}`);
  }
  const assets = join(DIST, 'assets');
  const later = readdirSync(assets).filter((f) => f.endsWith('.js') && !js.includes(join(assets, f)));
  console.log('Loaded later (not counted):');
  for (const f of later) console.log(`  ${kb(gz(join(assets, f)))}  assets/${f}`);
  for (const file of css) console.log(`CSS (not counted): ${kb(gz(file))}  ${relative(DIST, file)}`);
  const ok = total <= BUDGET_KB * 1000;
  console.log(`First-load JavaScript: ${kb(total).trim()} gzipped; budget ${BUDGET_KB} KB: ${ok ? 'within' : 'EXCEEDED'}`);
  if (!ok) process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
