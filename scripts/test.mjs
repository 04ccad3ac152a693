/**
 * `npm test`: every check, in stages, with each stage's time printed (CI must finish in 10 minutes on
 * two cores, so the times are worth seeing on every run).
 *
 *   1. lint, typecheck and the production build, side by side: each is mostly one thread, and the
 *      build is what the browser tests serve (scripts/preview.mjs then finds it fresh);
 *   2. the unit tests (vitest);
 *   3. the browser tests (Playwright in the system Chromium);
 *   4. the first-load size budget.
 *
 * A stage runs only when the one before passed. Output of commands run side by side is printed whole,
 * one command after the other, when they end, so it never interleaves.
 */
import { spawn } from 'node:child_process';

/** @type {[name: string, command: string, args: string[]][][]} */
const STAGES = [
  [
    ['lint', 'npx', ['eslint', '.']],
    ['typecheck', 'npx', ['tsc', '--noEmit']],
    ['build', 'npx', ['vite', 'build', '--logLevel', 'warn']],
  ],
  [['unit tests', 'npx', ['vitest', 'run']]],
  [['browser tests', 'npm', ['run', '-s', 'test:e2e']]],
  [['size budget', 'npm', ['run', '-s', 'size']]],
];

/**
 * Runs one command. Alone, its output streams through; side by side, it is kept and printed at the end.
 * @param {[string, string, string[]]} step
 * @param {boolean} alone
 * @returns {Promise<{ name: string, code: number, seconds: number, output: string }>}
 */
function run([name, cmd, args], alone) {
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(cmd, args, { stdio: alone ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    child.on('close', (code, signal) => done({ name, code: code ?? (signal ? 1 : 0), seconds: (Date.now() - started) / 1000, output }));
  });
}

const started = Date.now();
for (const stage of STAGES) {
  const alone = stage.length === 1;
  console.log(`\n== ${stage.map(([name]) => name).join(' + ')}`);
  const results = await Promise.all(stage.map((step) => run(step, alone)));
  for (const r of results) {
    if (!alone && r.output.trim()) console.log(`-- ${r.name}\n${r.output.trimEnd()}`);
    console.log(`== ${r.name}: ${r.code === 0 ? 'passed' : `FAILED (exit ${r.code})`} in ${r.seconds.toFixed(1)} s`);
  }
  if (results.some((r) => r.code !== 0)) {
    process.exitCode = 1;
    break;
  }
}
console.log(`\n== npm test ${process.exitCode ? 'failed' : 'passed'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
