import { describe, expect, it } from 'vitest';
import type { Simulation } from '../../engine/simulation';
import type { TraceEvent } from '../../engine/trace';
import { ms as constant, simulate } from '../../testing/harness';
import { checkInvariantEveryEvent } from '../../testing/invariant';

/** Every kind a REST call can reach, with a consumer behind it where it forwards messages. */
const CALLEES: Record<string, { nodes: Record<string, unknown>[]; links: Record<string, unknown>[] }> = {
  service: { nodes: [{ id: 'x', kind: 'service', serviceTime: constant(30) }], links: [] },
  'rest-service': { nodes: [{ id: 'x', kind: 'rest-service', serviceTime: constant(30) }], links: [] },
  'rest-client': { nodes: [{ id: 'x', kind: 'rest-client' }, { id: 'sink', kind: 'service' }], links: [{ from: 'x', to: 'sink' }] },
  queue: { nodes: [{ id: 'x', kind: 'queue' }, { id: 'sink', kind: 'service', serviceTime: constant(30) }], links: [{ from: 'x', to: 'sink' }] },
  'queue (auto-ack)': {
    nodes: [{ id: 'x', kind: 'queue', ack: 'auto' }, { id: 'sink', kind: 'service', serviceTime: constant(30) }], links: [{ from: 'x', to: 'sink' }],
  },
  exchange: {
    nodes: [{ id: 'x', kind: 'exchange', type: 'fanout' }, { id: 'q', kind: 'queue' }, { id: 'sink', kind: 'service' }],
    links: [{ from: 'x', to: 'q' }, { from: 'q', to: 'sink' }],
  },
  topic: { nodes: [{ id: 'x', kind: 'topic' }, { id: 'sink', kind: 'service' }], links: [{ from: 'x', to: 'sink', group: 'g' }] },
  'pubsub-topic': {
    nodes: [{ id: 'x', kind: 'pubsub-topic' }, { id: 'sub', kind: 'subscription' }, { id: 'sink', kind: 'service' }],
    links: [{ from: 'x', to: 'sub' }, { from: 'sub', to: 'sink' }],
  },
  subscription: { nodes: [{ id: 'x', kind: 'subscription' }, { id: 'sink', kind: 'service' }], links: [{ from: 'x', to: 'sink' }] },
  producer: { nodes: [{ id: 'x', kind: 'producer', limit: 1 }], links: [] },
  'webhook-receiver': { nodes: [{ id: 'x', kind: 'webhook-receiver' }], links: [] },
};

const CALLERS = {
  'rest-client': { id: 'c', kind: 'rest-client' },
  'rest-service': { id: 'c', kind: 'rest-service', serviceTime: constant(1) },
  // A proxy: it gives up on a request it forwarded (its timeout, or going offline) while the
  // request still travels to its replica (`npm run fuzz` found the replica then dropped it twice).
  'load-balancer': { id: 'c', kind: 'load-balancer' },
};

/** The settings each caller is tried with: a short timeout, with retries where it has them, and none. */
const SETTINGS: Record<keyof typeof CALLERS, Record<string, unknown>[]> = {
  'rest-client': [{ timeoutMs: 25 }, { timeoutMs: 25, retry: { maxAttempts: 3, baseMs: 5 } }, {}],
  'rest-service': [{ timeoutMs: 25 }, { timeoutMs: 25, retry: { maxAttempts: 3, baseMs: 5 } }, {}],
  'load-balancer': [{ timeoutMs: 25 }, {}],
};

/** A started run: `caller` (with `settings`) calling `callee` while both go away and come back. */
function started(caller: Record<string, unknown>, callee: (typeof CALLEES)[string], settings: Record<string, unknown>): Simulation {
  return simulate({
    id: 't', title: 't', seed: 3,
    nodes: [{ id: 'user', kind: 'producer', ratePerSec: 20 }, { ...caller, ...settings }, ...callee.nodes],
    links: [{ from: 'user', to: 'c' }, { from: 'c', to: 'x', latency: constant(40) }, ...callee.links],
    // The caller goes away holding calls, then comes back; the callee too.
    actions: [
      { at: 1_000, do: 'offline', node: 'c' }, { at: 1_500, do: 'online', node: 'c' },
      { at: 2_000, do: 'offline', node: 'x' }, { at: 2_600, do: 'online', node: 'x' },
    ],
  });
}

describe('a REST call (or a proxied one) into any kind of node', () => {
  // Before the fix, a caller whose timeout or outage dropped its copy while a broker held it
  // ended in "message N was dropped and cannot become buffered" (issue 13, finding 2).
  const pairs = Object.keys(CALLERS).flatMap((caller) => Object.keys(CALLEES).map((callee) => [caller, callee] as const));
  it.each(pairs)('%s → %s: timeouts, retries and outages keep every copy accounted for', (caller, callee) => {
    for (const settings of SETTINGS[caller as keyof typeof CALLERS]) {
      const sim = started(CALLERS[caller as keyof typeof CALLERS], CALLEES[callee]!, settings);
      expect(() => checkInvariantEveryEvent(sim, 4_000)).not.toThrow();
    }
  });

  it('a broker accepts a REST request and answers 202 at once: the call succeeds and the broker keeps the message', () => {
    const sim = started(CALLERS['rest-client'], CALLEES.queue!, {});
    const ended: Extract<TraceEvent, { type: 'http.call_ended' }>[] = [];
    sim.on((ev) => {
      if (ev.type === 'http.call_ended') ended.push(ev);
    });
    sim.runUntil(900);
    expect(ended.length).toBeGreaterThan(5);
    expect(ended.every((e) => e.ok && Math.abs(e.latencyMs - 80) < 1e-6)).toBe(true);
    expect(sim.node('sink').processed).toBeGreaterThan(5);
  });

  it('a timeout shorter than the round trip leaves the message with the broker, not dropped by the caller', () => {
    const sim = started(CALLERS['rest-client'], CALLEES.queue!, { timeoutMs: 25 });
    sim.runUntil(900);
    const t = sim.ledger.totals();
    expect(t.processed).toBeGreaterThan(5);
    expect(sim.report().nodes.c!.timeouts).toBeGreaterThan(5);
  });
});
