/**
 * `npm run bench`: engine throughput, with tracing on (a subscriber sees every trace event).
 * Prints events per second for each benchmark and its ratio to the bare heap (bareHeap.ts),
 * measured in the same process in slices interleaved with it, so the ratio holds from machine to machine
 * where absolute figures do not. With `--json`, one JSON document
 * `{ "bareHeapPairsPerSec": n, "<name>": { "eventsPerSec": n, "ratio": r, ... } }`. Each benchmark runs in a
 * process of its own (see inChild); `--shared` runs them all in one.
 * Figures, not assertions.
 */
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { BUILTINS } from '../src/scenarios';
import { CATALOG, parseScenario } from '../src/sim/catalog';
import type { Scenario } from '../src/sim/engine/scenario';
import { Simulation } from '../src/sim/engine/simulation';
import { BareHeap, cpuClock, timePairs, wallClock } from './bareHeap';
import fanout from './fanout.json';
import hour from './hour-at-1000.json';

interface Figures {
  eventsPerSec: number;
  events: number;
  traceEvents: number;
  simulatedMs: number;
  wallMs: number;
  messagesProcessed: number;
  /** The bare heap's pop-then-push pairs per second, measured between slices of this benchmark. */
  bareHeapPairsPerSec: number;
  /** eventsPerSec / bareHeapPairsPerSec. */
  ratio: number;
}

function load(file: unknown): Scenario {
  const r = parseScenario(file);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return r.scenario;
}

const SLICES = 40;
const HEAP_PAIRS_PER_SLICE = 100_000;

/**
 * Runs a fifth of `scenario` once to warm the JIT (the bare heap too), then times a full run in
 * SLICES slices of simulated time, with a slice of the bare heap after each: both see the same
 * load from other processes, so their ratio stays put even on a busy machine. Slicing does not
 * change the run (runUntil(a) then runUntil(b) runs the same events as runUntil(b)). The engine's
 * rate is over the whole run; the heap's is its median slice.
 */
function measure(scenario: Scenario, untilMs: number, heap: BareHeap): Figures {
  const run = (until: number, slices: number) => {
    const sim = new Simulation(CATALOG, scenario);
    let traceEvents = 0;
    sim.on(() => {
      traceEvents++;
    });
    let wallMs = 0;
    const heapRates: number[] = [];
    for (let i = 1; i <= slices; i++) {
      const t0 = clock();
      sim.runUntil((until * i) / slices);
      wallMs += clock() - t0;
      heapRates.push(HEAP_PAIRS_PER_SLICE / (timePairs(heap, HEAP_PAIRS_PER_SLICE, clock) / 1000));
    }
    return { sim, wallMs, heapRates, traceEvents };
  };
  run(untilMs / 5, SLICES / 5);
  // The warm-up's garbage is not the timed run's: collect it first (a child runs with --expose-gc).
  (globalThis as { gc?: () => void }).gc?.();
  const { sim, wallMs, heapRates, traceEvents } = run(untilMs, SLICES);
  const eventsPerSec = Math.round(sim.events / (wallMs / 1000));
  // The median slice: a collection of the engine's garbage that lands in a heap slice is not the heap's cost.
  heapRates.sort((a, b) => a - b);
  const heapRate = Math.round(heapRates[SLICES >> 1]!);
  return {
    eventsPerSec,
    ratio: Number((eventsPerSec / heapRate).toFixed(3)),
    bareHeapPairsPerSec: heapRate,
    events: sim.events,
    traceEvents,
    simulatedMs: sim.now,
    wallMs: Math.round(wallMs),
    messagesProcessed: sim.ledger.processed,
  };
}

const { values } = parseArgs({
  options: { json: { type: 'boolean', default: false }, only: { type: 'string' }, child: { type: 'string' }, shared: { type: 'boolean', default: false },
    cpu: { type: 'boolean', default: false } },
});

// The fixed benchmarks, then every built-in scenario that asks to be benchmarked.
const cases: [string, Scenario, number][] = [
  ['fanout-10', load(fanout), 600_000],
  ['hour-at-1000-msg-per-sec', load(hour), 3_600_000],
];
for (const s of BUILTINS) if (s.bench) cases.push([s.id, s, s.bench.untilMs]);

/**
 * One benchmark in a process of its own (`--child <name>`): the ratio is per benchmark, so each
 * starts from a fresh heap and fresh JIT feedback, not from the garbage and the call-site types
 * the benchmarks before it left (the last of nine ran 0.14–0.24 in a full run, 0.27 alone).
 * `--shared` runs them all in this process, as before.
 */
function inChild(name: string): Figures {
  const out = execFileSync(process.execPath, ['--expose-gc', ...process.execArgv, process.argv[1]!, '--child', name, ...(values.cpu ? ['--cpu'] : [])], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out) as Figures;
}

/**
 * `--cpu`: time slices by the process's CPU time, not the wall clock, for a machine busy with other
 * work: time spent waiting for a core is then no one's. It counts the collector's helper threads
 * too (the wall clock sees only the main thread's pauses), so its ratios run a little lower.
 */
const clock = values.cpu ? cpuClock : wallClock;

if (values.child) {
  const found = cases.find(([name]) => name === values.child);
  if (!found) throw new Error(`no benchmark named ${values.child}`);
  console.log(JSON.stringify(measure(found[1], found[2], new BareHeap())));
} else {
  const results: Record<string, Figures> = {};
  const heapRates: number[] = [];
  const heap = values.shared ? new BareHeap() : undefined;
  for (const [name, scenario, until] of cases) {
    if (values.only && !name.includes(values.only)) continue;
    results[name] = heap ? measure(scenario, until, heap) : inChild(name);
    heapRates.push(results[name].bareHeapPairsPerSec);
    if (!values.json) {
      const f = results[name];
      console.log(
        `${name.padEnd(28)} ${f.ratio.toFixed(2)} of the bare heap  ${(f.eventsPerSec / 1e6).toFixed(2).padStart(6)} M events/s  ` +
          `${f.events.toLocaleString('en').padStart(12)} events  ${(f.simulatedMs / 1000).toLocaleString('en').padStart(7)} s simulated  ` +
          `${f.wallMs.toLocaleString('en').padStart(6)} ms wall  ${f.messagesProcessed.toLocaleString('en')} processed`,
      );
    }
  }
  heapRates.sort((a, b) => a - b);
  const heapMedian = Math.round(heapRates[heapRates.length >> 1] ?? 0);
  if (values.json) console.log(JSON.stringify({ node: process.version, bareHeapPairsPerSec: heapMedian, ...results }, null, 2));
  else {
    console.log(
      `\nBare heap (64 pending, pop-then-push pairs): ${(heapMedian / 1e6).toFixed(2)} M pairs/s (median over the benchmarks, each measured between its slices).` +
        `\nNode ${process.version}, one core, tracing on (one subscriber counting every trace event), ` +
        (heap ? 'all benchmarks in this process' : 'each benchmark in a fresh process') + (values.cpu ? ', timed by CPU time.' : '.'),
    );
  }
}
