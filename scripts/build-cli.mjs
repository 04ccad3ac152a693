/**
 * Builds the headless runner (src/cli/sim.ts) into one plain-JavaScript file,
 * .build/cli/sim.mjs, with its dependencies bundled in, so running it costs only Node's own
 * start-up: no TypeScript compiler at run time (tsx took about a second before the run began).
 *
 * `npm ci` / `npm install` run this through the `prepare` script; `npm run sim` (scripts/sim.mjs)
 * runs it again when the build is missing or older than any file it was built from, so an edit
 * to the engine is never run stale. Next to the bundle it writes inputs.json: the source files
 * the bundle holds, which is what the staleness check compares against.
 *
 * Usage: node scripts/build-cli.mjs
 */
import { mkdirSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = join(ROOT, '.build', 'cli');
export const OUT_FILE = join(OUT_DIR, 'sim.mjs');
const INPUTS_FILE = join(OUT_DIR, 'inputs.json');
/** Files outside the bundle's own sources that change what it holds. */
const ALWAYS = ['package-lock.json', 'package.json', 'scripts/build-cli.mjs'];

/** Whether the bundle is missing or older than a file it was built from. Costs one stat per source file. */
export function isStale() {
  let built;
  let inputs;
  try {
    built = statSync(OUT_FILE).mtimeMs;
    inputs = JSON.parse(readFileSync(INPUTS_FILE, 'utf8'));
  } catch {
    return true;
  }
  for (const file of [...ALWAYS, ...inputs]) {
    try {
      if (statSync(join(ROOT, file)).mtimeMs > built) return true;
    } catch {
      return true; // A source file was removed or renamed: the bundle may hold a stale copy.
    }
  }
  return false;
}

/** Bundles src/cli/sim.ts with Vite (already the project's build tool) for Node. */
export async function buildCli() {
  const { build } = await import('vite');
  /** @type {string[]} */
  let inputs = [];
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    publicDir: false,
    build: {
      ssr: 'src/cli/sim.ts',
      outDir: OUT_DIR,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      sourcemap: false,
      reportCompressedSize: false,
      rolldownOptions: { output: { entryFileNames: 'sim.mjs' } },
    },
    // Bundle zod and the rest in too: resolving and loading hundreds of small modules costs more than the run.
    ssr: { noExternal: true, target: 'node' },
    plugins: [
      {
        name: 'microsim:cli-inputs',
        generateBundle(_options, bundle) {
          const ids = Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? Object.keys(c.modules) : []));
          inputs = ids
            .filter((id) => id.startsWith(ROOT) && !id.includes('/node_modules/'))
            .map((id) => relative(ROOT, id.split('?')[0]))
            .sort();
        },
      },
    ],
  });
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(INPUTS_FILE, JSON.stringify(inputs, null, 1) + '\n');
  return OUT_FILE;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildCli();
  console.log(`built ${relative(ROOT, OUT_FILE)}`);
}
