import { describe, expect, it } from 'vitest';
import { checkInvariantEveryEvent } from '../../testing/invariant';
import type { RestClient, RestService } from './rest';
import { simOf, constant } from './rest.fixture';

describe('message accounting', () => {
  it('holds after every event on 120 random runs with outages, partitions, loss and every protection', () => {
    for (let seed = 1; seed <= 120; seed++) {
      const sim = simOf(randomSpec(seed), seed);
      checkInvariantEveryEvent(sim, 8000);
    }
  }, 60_000);

  it('leaves nothing in flight once the load stops and everything recovers, when every caller has a timeout', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const sim = simOf(randomSpec(seed, true), seed);
      sim.runUntil(60_000);
      const t = sim.ledger.totals();
      expect({ seed, inTransit: t.inTransit, buffered: t.buffered, processing: t.processing }).toEqual({
        seed, inTransit: 0, buffered: 0, processing: 0,
      });
      for (const id of ['a', 'b']) {
        const s = (sim.node(id) as RestClient | RestService).caller.stats();
        expect(s.callsSucceeded + s.callsFailed + s.callsAborted).toBe(s.calls);
        expect(s.sending + s.backingOff).toBe(0);
      }
    }
  }, 60_000);
});

/** A random chain users → a → b → c (and a → e), with random network, protections and trouble until 6 s. */
function randomSpec(seed: number, timeouts = false): Record<string, unknown> {
  let x = seed * 2654435761;
  const rnd = () => ((x = (Math.imul(x ^ (x >>> 15), 2246822519) + 0x9e3779b9) >>> 0) / 4294967296);
  const pick = <T,>(...xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const latency = () => pick<object | undefined>(undefined, constant(0), { dist: 'uniform', minMs: 1, maxMs: 20 });
  const caller = () => ({
    ...(timeouts || rnd() < 0.6 ? { timeoutMs: pick(50, 200, 1000) } : {}),
    ...(rnd() < 0.6 ? { retry: { maxAttempts: pick(2, 3, 4), jitter: pick('none', 'full', 'equal', 'decorrelated'), baseMs: pick(0, 5, 50) } } : {}),
    ...(rnd() < 0.5 ? { circuitBreaker: { slidingWindowSize: pick(3, 10), minimumNumberOfCalls: pick(2, 5), waitDurationInOpenStateMs: pick(0, 300, 2000), permittedNumberOfCallsInHalfOpenState: pick(1, 3), automaticTransitionFromOpenToHalfOpenEnabled: rnd() < 0.5 } } : {}),
    ...(rnd() < 0.4 ? { bulkhead: { maxConcurrentCalls: pick(1, 3) } } : {}),
    ...(rnd() < 0.3 ? { retryBudget: { ratio: pick(0.1, 0.5) } } : {}),
  });
  const server = () => ({
    concurrency: pick(1, 3),
    serviceTime: pick<object>(constant(0), { dist: 'exponential', meanMs: 30 }),
    failureRate: pick(0, 0, 0.2),
    ...(rnd() < 0.4 ? { maxQueue: pick(0, 2, 10) } : {}),
    whenOffline: pick('refuse', 'hang'),
  });
  const link = (from: string, to: string) => ({ from, to, latency: latency(), ...(rnd() < 0.2 ? { loss: 0.05 } : {}) });
  const actions: unknown[] = [];
  for (let i = 0; i < 6; i++) {
    const at = Math.floor(rnd() * 6000);
    const node = pick('a', 'b', 'c', 'e');
    const kind = pick('offline', 'online', 'slow', 'partition', 'heal');
    if (kind === 'slow') actions.push({ at, do: 'slow', node, factor: pick(5, 20) });
    else if (kind === 'partition' || kind === 'heal') actions.push({ at, do: kind, ...pick({ from: 'a', to: 'b' }, { from: 'b', to: 'c' }) });
    else actions.push({ at, do: kind, node });
  }
  for (const node of ['a', 'b', 'c', 'e']) {
    actions.push({ at: 6000, do: 'online', node }, { at: 6000, do: 'slow', node, factor: 1 });
  }
  actions.push({ at: 6000, do: 'heal', from: 'a', to: 'b' }, { at: 6000, do: 'heal', from: 'b', to: 'c' });
  return {
    nodes: [
      { id: 'users', kind: 'producer', ratePerSec: pick(20, 50), stopMs: 6000 },
      { id: 'a', kind: 'rest-client', maxConcurrent: pick(2, 10), overflow: pick('queue', 'reject'), route: pick('all', 'round-robin'), ...caller() },
      { id: 'b', kind: 'rest-service', ...server(), ...caller() },
      { id: 'c', kind: 'service', ...server() },
      { id: 'e', kind: 'service', ...server() },
    ],
    links: [link('users', 'a'), link('a', 'b'), link('b', 'c'), link('a', 'e')].map((l) =>
      timeouts && l.from === 'users' ? { ...l, loss: undefined } : l,
    ),
    actions,
  };
}
