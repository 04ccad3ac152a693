/**
 * Profiles one benchmark's run, after a warm-up run of a fifth of it, with tracing on. Bundle
 * it first, so the profile's line numbers are real ones:
 *
 *   npx esbuild bench/profile.ts --bundle --platform=node --format=esm --outfile=.tmp/profile.mjs
 *   node .tmp/profile.mjs mm1 [--survivors | --allocations]
 *
 * writes .tmp/<name>.cpuprofile (CPU, 100 µs samples) and prints the functions with the most
 * self time (lines of .tmp/profile.mjs). With `--survivors`, writes
 * .tmp/<name>.heapprofile instead: V8's sampling heap profiler keeping only what outlived a
 * young-generation collection (what the collector has to copy), by allocating stack. With
 * `--allocations`, .tmp/<name>.alloc.heapprofile: every allocation, short-lived ones too.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { BUILTINS } from '../src/scenarios';
import { CATALOG, parseScenario } from '../src/sim/catalog';
import type { Scenario } from '../src/sim/engine/scenario';
import { Simulation } from '../src/sim/engine/simulation';
import fanout from './fanout.json';
import hour from './hour-at-1000.json';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { survivors: { type: 'boolean', default: false }, allocations: { type: 'boolean', default: false } } });
const name = positionals[0] ?? 'mm1';

function load(file: unknown): Scenario {
  const r = parseScenario(file);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return r.scenario;
}

const cases: [string, () => Scenario, number][] = [
  ['fanout-10', () => load(fanout), 600_000],
  ['hour-at-1000-msg-per-sec', () => load(hour), 3_600_000],
  ...BUILTINS.filter((s) => s.bench).map((s): [string, () => Scenario, number] => [s.id, () => s, s.bench!.untilMs]),
];
const found = cases.find(([id]) => id.includes(name));
if (!found) throw new Error(`no benchmark matches ${name}: ${cases.map(([id]) => id).join(', ')}`);
const [id, scenario, untilMs] = found;

const warm = new Simulation(CATALOG, scenario());
warm.on(() => {});
warm.runUntil(untilMs / 5);

const sim = new Simulation(CATALOG, scenario());
sim.on(() => {});
const session = new Session();
session.connect();
if (values.survivors) {
  await session.post('HeapProfiler.enable');
  // Not in Node 20's protocol types: drop samples of objects the young generation collected.
  await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true } as object);
} else if (values.allocations) {
  await session.post('HeapProfiler.enable');
  // Every allocation, short-lived ones too (what the young generation fills up with between collections).
  await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as object);
} else {
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
}
const t0 = performance.now();
sim.runUntil(untilMs);
const wallMs = performance.now() - t0;
mkdirSync('.tmp', { recursive: true });

interface Frame { functionName: string; url: string; lineNumber: number }
const where = (f: Frame) => `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
const top: [string, number][] = [];
if (values.survivors || values.allocations) {
  const { profile } = await session.post('HeapProfiler.stopSampling');
  writeFileSync(`.tmp/${id}${values.allocations ? '.alloc' : ''}.heapprofile`, JSON.stringify(profile));
  const bytes = new Map<string, number>();
  const walk = (n: typeof profile.head, stack: string[]): void => {
    const s = [...stack, where(n.callFrame)];
    if (n.selfSize > 0) {
      const key = s.slice(-3).reverse().join(' < ');
      bytes.set(key, (bytes.get(key) ?? 0) + n.selfSize);
    }
    for (const c of n.children) walk(c, s);
  };
  walk(profile.head, []);
  top.push(...bytes);
} else {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(`.tmp/${id}.cpuprofile`, JSON.stringify(profile));
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map<string, number>();
  profile.samples!.forEach((s, i) => {
    const key = where(byId.get(s)!);
    self.set(key, (self.get(key) ?? 0) + profile.timeDeltas![i]!);
  });
  top.push(...self);
}
const total = top.reduce((a, [, v]) => a + v, 0);
top.sort((a, b) => b[1] - a[1]);
console.log(`${id}: ${sim.events.toLocaleString('en')} events in ${Math.round(wallMs)} ms (profiled)`);
for (const [key, v] of top.slice(0, 30)) console.log(`${((100 * v) / total).toFixed(1).padStart(5)} %  ${key}`);
