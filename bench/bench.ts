/**
 * `npm run bench`: engine throughput, with tracing on (a subscriber sees every trace event).
 * Prints events per second for each benchmark, and with `--json` one JSON document
 * `{ "<name>": { "eventsPerSec": n, ... } }`. Figures, not assertions: machines differ.
 */
import { parseArgs } from 'node:util';
import { BUILTINS } from '../src/scenarios';
import { parseScenario, type Scenario } from '../src/sim/engine/scenario';
import { Simulation } from '../src/sim/engine/simulation';
import fanout from './fanout.json';
import hour from './hour-at-1000.json';

interface Figures {
  eventsPerSec: number;
  events: number;
  traceEvents: number;
  simulatedMs: number;
  wallMs: number;
  messagesProcessed: number;
}

function load(file: unknown): Scenario {
  const r = parseScenario(file);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return r.scenario;
}

/** Runs a fifth of `scenario` once to warm the JIT, then times a full run. */
function measure(scenario: Scenario, untilMs: number): Figures {
  const run = (until: number) => {
    const sim = new Simulation(scenario);
    let traceEvents = 0;
    sim.on(() => {
      traceEvents++;
    });
    const t0 = performance.now();
    sim.runUntil(until);
    const wallMs = performance.now() - t0;
    return { sim, wallMs, traceEvents };
  };
  run(untilMs / 5);
  const { sim, wallMs, traceEvents } = run(untilMs);
  return {
    eventsPerSec: Math.round(sim.events / (wallMs / 1000)),
    events: sim.events,
    traceEvents,
    simulatedMs: sim.now,
    wallMs: Math.round(wallMs),
    messagesProcessed: sim.ledger.processed,
  };
}

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, only: { type: 'string' } } });

// The fixed benchmarks, then every built-in scenario that asks to be benchmarked.
const cases: [string, Scenario, number][] = [
  ['fanout-10', load(fanout), 600_000],
  ['hour-at-1000-msg-per-sec', load(hour), 3_600_000],
];
for (const s of BUILTINS) if (s.bench) cases.push([s.id, s, s.bench.untilMs]);

const results: Record<string, Figures> = {};
for (const [name, scenario, until] of cases) {
  if (values.only && !name.includes(values.only)) continue;
  results[name] = measure(scenario, until);
  if (!values.json) {
    const f = results[name];
    console.log(
      `${name.padEnd(28)} ${(f.eventsPerSec / 1e6).toFixed(2).padStart(6)} M events/s  ` +
        `${f.events.toLocaleString('en').padStart(12)} events  ${(f.simulatedMs / 1000).toLocaleString('en').padStart(7)} s simulated  ` +
        `${f.wallMs.toLocaleString('en').padStart(6)} ms wall  ${f.messagesProcessed.toLocaleString('en')} processed`,
    );
  }
}
if (values.json) console.log(JSON.stringify({ node: process.version, ...results }, null, 2));
else console.log(`\nNode ${process.version}, one core, tracing on (one subscriber counting every trace event).`);
