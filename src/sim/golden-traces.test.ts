import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fanout from '../../bench/fanout.json';
import hour from '../../bench/hour-at-1000.json';
import { BUILTINS } from '../scenarios';
import { type Scenario } from './engine/scenario';
import { Simulation } from './engine/simulation';
import type { TraceEvent } from './engine/trace';
import { CATALOG, parseScenario } from './catalog';

/**
 * Trace types added after these hashes were recorded (issue #8: the arrival of a signal, and a
 * crossing lost on a link, which the UI used to infer). They are filtered out before hashing,
 * so everything else in the trace must stay byte-identical to what the engine produced before.
 */
const ADDED_LATER: ReadonlySet<TraceEvent['type']> = new Set(['signal.arrived', 'link.lost'] as const);

/** Serialises a trace event with message ids instead of the (mutable) message objects. */
function line(ev: TraceEvent): string {
  return JSON.stringify(ev, (k, v) => (k === 'msg' ? `${v.id}/${v.root}:${v.type}:${v.key ?? ''}` : v));
}

/** Runs `scenario` at its own seed to `untilMs` and hashes its trace. */
function traceHash(scenario: Scenario, untilMs: number): string {
  const sim = new Simulation(CATALOG, scenario);
  const h = createHash('sha256');
  sim.on((ev) => {
    if (!ADDED_LATER.has(ev.type)) h.update(line(ev)).update('\n');
  });
  sim.runUntil(untilMs);
  return h.digest('hex');
}

function load(file: unknown): Scenario {
  const r = parseScenario(file);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return r.scenario;
}

/**
 * Recorded before the engine was split into engine/ and models/ (issue #8): the restructure
 * must not change a single byte of any trace. A behaviour change that moves one of these is
 * a change to review, and the hash is updated in the same commit with the reason.
 */
const GOLDEN: Record<string, string> = {
  'user-registered-queue': 'd18109511bc64952b2d87f8720bb4032e332265b10460767df9773f76d704a50',
  'mm1': 'eb1968ff86d2f82a617176c0efc56ffe44b59a0039bc9e9621f41e30783a81e5',
  'mmc': '7b9dd78e369ad5b8cb636ec1e763c035a6bb030edf9320ac21248333e1c352fc',
  'rabbitmq-order-created': '36871709d245b07d348d37d625d20adaf1ac2e51a7228e9aefd682c5f647dfa4',
  'kafka-order-events': '5ae6dabe593a6b5116cec04707e22e9c7b508912d53f50a965a8b8872df93ab9', // issue #9 defect 3: poll batches
  'kafka-poison-record': '190ed9d27b3d6360affdabf202378ed4af797d73da3c261077296cdb6e8d6a61', // issue #9: new built-in
  'pubsub-order-created': '3d11801956cbaa532503eab03030a021586547da62af678465039a49fbdc8cf6', // issue #11: Shipping publishes ShipmentCreated (a chain of events)
  'pubsub-ack-deadline': 'ae38cfbe2f4999f368bbe996e79ae3d4d1a2c24018592e48c9b60251023bf7c4',
  'rest-order-chain': 'b96e4cf04f0598bfcbd9008aafd29fc1e45f0dd322af02b43b6e15c5024e32c1',
  'rest-cascade': '020a3b274cf1beef4e1e4f2e409a5e2ea253f80173bafaa34066eeece6f1ecb9', // issue #11: one chain, not two copies
  'rest-load-balancer': '4dd7471a1e9b81b5600b6bde011842242b1f1984627233088fce1386c4ddc2df', // new built-in (issue #9, REST load balancer)
  'rest-idempotency': '9f34eb92656046fccefed64514da0a87f496acaa6831776bd79b40c9f6096e50', // new built-in (issue #9, idempotency keys)
  'webhook-order-paid': 'a973310665fd1d9b2d1e97f4d08e8ccd27467dff72ed4eaa983f38693ea62777', // issue #11: the outage outlasts the retries (dead letters)
  'user-registered-fanout': '6c78e44ec3e0e45d561bd278a368fecfccf3e813dfa61b20742bdcfe998d0950',
  'saga-create-order': '600681d564eb5b82d98d8929ab407c48871f624bcc71c76c2b73c50680e4b431', // new built-in (issue #9, SEMANTICS §6 sagas)
  'saga-choreography': '24a97ff09e4e1a5202625c98bba2844538c6168ca58374c4fbaa444ea4199421', // new built-in (SEMANTICS §6, the choreography column)
  'bench-fanout-10': '31db7c95413562ebd3b5b11f2495df9d2eb9ee4a58af1bf181e5463b9f262e7a',
  'bench-hour-at-1000': '056e55e381bb782fe585946cdd7ef5e9163020529aad877650f78c2d9685fc2f',
};

// Built-ins run their default duration; the bench scenarios a fixed minute.
const CASES: [string, Scenario, number][] = [
  ...BUILTINS.map((s): [string, Scenario, number] => [s.id, s, s.durationMs]),
  ['bench-fanout-10', load(fanout), 60_000],
  ['bench-hour-at-1000', load(hour), 60_000],
];

describe('golden traces', () => {
  it.each(CASES)('%s hashes as recorded', (name, scenario, untilMs) => {
    expect(traceHash(scenario, untilMs)).toBe(GOLDEN[name]);
  }, 120_000);

  it('every built-in scenario has a recorded hash', () => {
    expect(Object.keys(GOLDEN).sort()).toEqual(CASES.map(([name]) => name).sort());
  });
});
