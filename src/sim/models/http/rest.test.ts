import { describe, expect, it } from 'vitest';
import { formatIssues } from '../../engine/errors';
import { parseScenario } from '../../engine/scenario';
import { Simulation } from '../../engine/simulation';
import { checkInvariantEveryEvent } from '../../testing/invariant';
import type { TraceEvent } from '../../engine/trace';
import type { RestClient, RestService } from './rest';
import type { Service } from '../core/service';

function simOf(spec: Record<string, unknown>, seed?: number): Simulation {
  const r = parseScenario({ id: 't', title: 't', ...spec });
  if (!r.ok) throw new Error(formatIssues(r.issues));
  return new Simulation(r.scenario, seed === undefined ? {} : { seed });
}

type Ev<T extends TraceEvent['type']> = Extract<TraceEvent, { type: T }>;

/** Every trace event of type `type` from now on. */
function collect<T extends TraceEvent['type']>(sim: Simulation, type: T): Ev<T>[] {
  const out: Ev<T>[] = [];
  sim.on((ev) => {
    if (ev.type === type) out.push(ev as Ev<T>);
  });
  return out;
}

const client = (sim: Simulation, id: string) => sim.node(id) as RestClient;
const service = (sim: Simulation, id: string) => sim.node(id) as Service;
const restService = (sim: Simulation, id: string) => sim.node(id) as RestService;
const constant = (ms: number) => ({ dist: 'constant', ms });
const oneClick = { id: 'user', kind: 'producer', interarrival: constant(1000), limit: 1 };

describe('a synchronous call', () => {
  it('costs two network crossings plus processing: 50 ms there, 100 ms of work, 50 ms back is 200 ms', () => {
    const sim = simOf({
      nodes: [oneClick, { id: 'shop', kind: 'rest-client' }, { id: 'orders', kind: 'service', serviceTime: constant(100) }],
      links: [{ from: 'user', to: 'shop' }, { from: 'shop', to: 'orders', latency: constant(50) }],
    });
    const ended = collect(sim, 'http.call_ended');
    sim.runUntil(5000);
    expect(ended).toHaveLength(1);
    expect(ended[0]!.ok).toBe(true);
    expect(ended[0]!.latencyMs).toBe(50 + 100 + 50);
  });

  it('with random latency, each call lasts its request crossing plus its processing plus its response crossing', () => {
    const sim = simOf({
      seed: 11,
      nodes: [
        { id: 'user', kind: 'producer', ratePerSec: 5 },
        { id: 'shop', kind: 'rest-client' },
        { id: 'orders', kind: 'service', concurrency: 50 },
      ],
      links: [{ from: 'user', to: 'shop' }, { from: 'shop', to: 'orders', latency: { dist: 'lognormal', meanMs: 40, sdMs: 20 } }],
    });
    const there = new Map<number, number>();
    const work = new Map<number, number>();
    const back = new Map<number, number>();
    const ended = collect(sim, 'http.call_ended');
    sim.on((ev) => {
      if (ev.type === 'message.sent' && ev.to === 'orders') there.set(ev.msg.id, ev.arriveAt - ev.t);
      if (ev.type === 'message.processing') work.set(ev.msg.id, -ev.t);
      if (ev.type === 'message.processed') work.set(ev.msg.id, work.get(ev.msg.id)! + ev.t);
      if (ev.type === 'signal.sent' && ev.signal === 'response') back.set(ev.msgId!, ev.arriveAt - ev.t);
    });
    sim.runUntil(20_000);
    expect(ended.length).toBeGreaterThan(50);
    for (const e of ended) {
      const id = e.msg.id;
      expect(e.latencyMs).toBeCloseTo(there.get(id)! + work.get(id)! + back.get(id)!, 6);
    }
  });
});

describe('the outage test: 10 calls/s to a service of 20/s, offline from 10 s to 20 s', () => {
  const outage = (payments: Record<string, unknown>, shop: Record<string, unknown>) =>
    simOf({
      seed: 5,
      nodes: [
        { id: 'checkout', kind: 'producer', ratePerSec: 10, eventType: 'ChargeCard' },
        { id: 'shop', kind: 'rest-client', ...shop },
        { id: 'payments', kind: 'service', serviceTime: { dist: 'exponential', meanMs: 50 }, ...payments },
      ],
      links: [
        { from: 'checkout', to: 'shop' },
        { from: 'shop', to: 'payments', latency: { dist: 'uniform', minMs: 5, maxMs: 15 } },
      ],
      actions: [
        { at: 10_000, do: 'offline', node: 'payments' },
        { at: 20_000, do: 'online', node: 'payments' },
      ],
    });

  function run(sim: Simulation) {
    const calls: { start: number; ok: boolean; latency: number }[] = [];
    sim.on((ev) => {
      if (ev.type === 'http.call_ended') calls.push({ start: ev.t - ev.latencyMs, ok: ev.ok, latency: ev.latencyMs });
    });
    sim.runUntil(30_000);
    return calls;
  }

  it('the calls during the outage fail at once with a refused connection (about 100): none is kept for later', () => {
    const sim = outage({}, {});
    const calls = run(sim);
    const failed = calls.filter((c) => !c.ok);
    expect(failed.length).toBeGreaterThan(75);
    expect(failed.length).toBeLessThan(125);
    // A request sent just before 20 s arrives after the service is back (the link takes up to 15 ms).
    expect(calls.filter((c) => c.start > 10_000 && c.start < 20_000 - 15).every((c) => !c.ok)).toBe(true);
    // Refused, not waited for: a failure takes one round trip.
    expect(Math.max(...failed.map((c) => c.latency))).toBeLessThan(100);
    const s = client(sim, 'shop').stats();
    expect(s.failedBy).toMatchObject({ connection: failed.length });
    const totals = sim.ledger.totals();
    expect(totals.dropped).toBe(failed.length);
    expect(totals.buffered).toBe(0);
  });

  it('after t = 20 s every call succeeds again', () => {
    const calls = run(outage({}, {}));
    const after = calls.filter((c) => c.start > 20_000);
    expect(after.length).toBeGreaterThan(70);
    expect(after.every((c) => c.ok)).toBe(true);
  });

  it('with the host unreachable instead, the calls time out after the caller\u2019s 1 s timeout', () => {
    const sim = outage({ whenOffline: 'hang' }, { timeoutMs: 1000 });
    const timeouts = collect(sim, 'http.timeout');
    const calls = run(sim);
    const failed = calls.filter((c) => !c.ok);
    expect(failed.length).toBeGreaterThan(75);
    expect(failed.length).toBeLessThan(125);
    // Each attempt gives up after exactly 1 s; a call may also have waited for a free slot.
    for (const c of failed) expect(c.latency).toBeGreaterThanOrEqual(1000 - 1e-6);
    for (const t of timeouts) expect(t.afterMs).toBeCloseTo(1000, 6);
    expect(client(sim, 'shop').stats().failedBy).toMatchObject({ timeout: failed.length });
    expect(calls.filter((c) => c.start > 20_000).every((c) => c.ok)).toBe(true);
    expect(sim.ledger.totals().buffered).toBe(0);
  });
});

describe('overload at the callee and at the caller', () => {
  it('a service whose accept queue is full answers 503 at once: 10 requests, 1 thread, 2 places in line give 7 errors', () => {
    const sim = simOf({
      nodes: [
        { id: 'user', kind: 'producer', interarrival: constant(1000), burst: 10, limit: 10 },
        { id: 'shop', kind: 'rest-client', maxConcurrent: 20 },
        { id: 'orders', kind: 'service', concurrency: 1, maxQueue: 2, serviceTime: constant(100) },
      ],
      links: [{ from: 'user', to: 'shop' }, { from: 'shop', to: 'orders', latency: constant(5) }],
    });
    const responses = collect(sim, 'http.response');
    sim.runUntil(5000);
    const expected = 10 - 1 - 2;
    expect(responses.filter((r) => r.status === 503)).toHaveLength(expected);
    expect(service(sim, 'orders').rejected).toBe(expected);
    expect(client(sim, 'shop').stats().failedBy).toMatchObject({ '5xx': expected });
  });

  it('a client with every slot busy rejects new calls at once with overflow "reject", and shows its slots in use', () => {
    const sim = simOf({
      nodes: [
        { id: 'user', kind: 'producer', interarrival: constant(1000), burst: 5, limit: 5 },
        { id: 'shop', kind: 'rest-client', maxConcurrent: 2, overflow: 'reject' },
        { id: 'orders', kind: 'service', concurrency: 5, serviceTime: constant(500) },
      ],
      links: [{ from: 'user', to: 'shop' }, { from: 'shop', to: 'orders' }],
    });
    sim.runUntil(1001);
    const s = client(sim, 'shop').stats();
    expect(s).toMatchObject({ inFlight: 2, waiting: 0, sending: 2 });
    expect(s.failedBy).toMatchObject({ rejected: 3 });
  });

  it('a client with overflow "queue" lines calls up for a slot, up to maxWaiting', () => {
    const sim = simOf({
      nodes: [
        { id: 'user', kind: 'producer', interarrival: constant(1000), burst: 5, limit: 5 },
        { id: 'shop', kind: 'rest-client', maxConcurrent: 2, maxWaiting: 2 },
        { id: 'orders', kind: 'service', concurrency: 5, serviceTime: constant(500) },
      ],
      links: [{ from: 'user', to: 'shop' }, { from: 'shop', to: 'orders' }],
    });
    sim.runUntil(1001);
    expect(client(sim, 'shop').stats()).toMatchObject({ inFlight: 2, waiting: 2 });
    sim.runUntil(5000);
    expect(client(sim, 'shop').stats()).toMatchObject({ callsSucceeded: 4, callsFailed: 1, inFlight: 0, waiting: 0 });
  });
});

describe('retries', () => {
  it('a retry after a 500 re-sends the same copy, after waits of 10 then 20 ms without jitter', () => {
    const sim = simOf({
      nodes: [
        oneClick,
        { id: 'shop', kind: 'rest-client', retry: { maxAttempts: 3, jitter: 'none', baseMs: 10 } },
        { id: 'orders', kind: 'service', failureRate: 1, serviceTime: constant(1) },
      ],
      links: [{ from: 'user', to: 'shop' }, { from: 'shop', to: 'orders' }],
    });
    const requests = collect(sim, 'http.request');
    const waits = collect(sim, 'http.retry_scheduled');
    const dropped = collect(sim, 'message.dropped');
    const sent = collect(sim, 'message.sent');
    sim.runUntil(5000);
    expect(requests.map((r) => r.attempt)).toEqual([1, 2, 3]);
    expect(sent.filter((m) => m.to === 'orders').map((m) => m.channel)).toEqual(['request', 'retry', 'retry']);
    expect(new Set(requests.map((r) => r.msg.id)).size).toBe(1);
    expect(waits.map((w) => w.delayMs)).toEqual([10, 20]);
    expect(dropped.map((d) => d.reason)).toEqual(['5xx']);
  });

  it('a retry after a timeout travels as a new copy; the callee still does the abandoned work, and its late answers are ignored', () => {
    const sim = simOf({
      nodes: [
        oneClick,
        { id: 'shop', kind: 'rest-client', timeoutMs: 100, retry: { maxAttempts: 2, jitter: 'none', baseMs: 10 } },
        { id: 'orders', kind: 'service', concurrency: 2, serviceTime: constant(300) },
      ],
      links: [{ from: 'user', to: 'shop' }, { from: 'shop', to: 'orders' }],
    });
    const requests = collect(sim, 'http.request');
    const late = collect(sim, 'http.response');
    sim.runUntil(5000);
    expect(requests).toHaveLength(2);
    expect(requests[0]!.msg.id).not.toBe(requests[1]!.msg.id);
    expect(requests[0]!.msg.root).toBe(requests[1]!.msg.root);
    expect(service(sim, 'orders').orphaned).toBe(2);
    expect(late.every((r) => r.late)).toBe(true);
    expect(client(sim, 'shop').stats()).toMatchObject({ lateResponses: 2, timeouts: 2, failedBy: { timeout: 1 } });
    expect(sim.ledger.totals()).toMatchObject({ dropped: 2, done: 0, processing: 0 });
  });

  it('an answer that comes back after the timeout is wasted work: the caller counts it late and the callee counts it orphaned', () => {
    const sim = simOf({
      seed: 3,
      nodes: [
        { id: 'user', kind: 'producer', ratePerSec: 10, stopMs: 10_000 },
        { id: 'shop', kind: 'rest-client', maxConcurrent: 50, timeoutMs: 250 },
        { id: 'orders', kind: 'service', concurrency: 50, serviceTime: { dist: 'exponential', meanMs: 200 } },
      ],
      links: [{ from: 'user', to: 'shop' }, { from: 'shop', to: 'orders' }],
    });
    sim.runUntil(20_000);
    const s = client(sim, 'shop').stats();
    expect(s.timeouts).toBeGreaterThan(0);
    expect(s.lateResponses).toBe(s.timeouts);
    expect(service(sim, 'orders').orphaned).toBe(s.timeouts);
    expect(service(sim, 'orders').processed).toBe(s.callsSucceeded);
  });

  for (const attempts of [1, 2, 3, 4]) {
    it(`retries at three layers multiply: with ${attempts} attempts per layer the failing service gets ${attempts}^3 requests for one click`, () => {
      const retry = { maxAttempts: attempts, jitter: 'none', baseMs: 1 };
      const sim = simOf({
        nodes: [
          oneClick,
          { id: 'a', kind: 'rest-client', retry },
          { id: 'b', kind: 'rest-service', concurrency: 100, serviceTime: constant(1), retry },
          { id: 'c', kind: 'rest-service', concurrency: 100, serviceTime: constant(1), retry },
          { id: 'd', kind: 'service', online: false },
        ],
        links: [{ from: 'user', to: 'a' }, { from: 'a', to: 'b' }, { from: 'b', to: 'c' }, { from: 'c', to: 'd' }],
      });
      const requests = collect(sim, 'http.request');
      sim.runUntil(60_000);
      const to = (id: string) => requests.filter((r) => r.to === id).length;
      expect([to('b'), to('c'), to('d')]).toEqual([attempts, attempts ** 2, attempts ** 3]);
      expect(client(sim, 'a').stats().callsFailed).toBe(1);
    });
  }

  it('a service in the middle answers 502 when its dependency refuses, 504 when it times out, 503 when its breaker is open', () => {
    const sim = simOf({
      nodes: [
        { id: 'user', kind: 'producer', interarrival: constant(1000), limit: 6 },
        { id: 'a', kind: 'rest-client' },
        {
          id: 'b', kind: 'rest-service', serviceTime: constant(1), timeoutMs: 100,
          circuitBreaker: { slidingWindowSize: 4, minimumNumberOfCalls: 4, waitDurationInOpenStateMs: 60_000 },
        },
        { id: 'c', kind: 'service', online: false, whenOffline: 'hang' },
      ],
      links: [{ from: 'user', to: 'a' }, { from: 'a', to: 'b' }, { from: 'b', to: 'c' }],
      actions: [{ at: 2500, do: 'configure', node: 'c', patch: { whenOffline: 'refuse' } }],
    });
    const responses = collect(sim, 'http.response');
    sim.runUntil(10_000);
    const statuses = responses.filter((r) => r.node === 'a').map((r) => r.status);
    // Two timeouts while C hangs, two refusals after; four failures open B's breaker.
    expect(statuses).toEqual([504, 504, 502, 502, 503, 503]);
  });

  it('a retry budget of 10 % keeps retries near a tenth of the calls while the dependency is down', () => {
    const spec = (budget: boolean) => ({
      seed: 9,
      nodes: [
        { id: 'user', kind: 'producer', ratePerSec: 20 },
        { id: 'shop', kind: 'rest-client', retry: { maxAttempts: 3, baseMs: 50 }, ...(budget ? { retryBudget: {} } : {}) },
        { id: 'orders', kind: 'service', online: false },
      ],
      links: [{ from: 'user', to: 'shop' }, { from: 'shop', to: 'orders', latency: constant(2) }],
    });
    const without = simOf(spec(false));
    without.runUntil(30_000);
    const w = client(without, 'shop').stats();
    expect(w.retries / w.calls).toBeCloseTo(2, 1);
    const within = simOf(spec(true));
    within.runUntil(30_000);
    const s = client(within, 'shop').stats();
    expect(s.retries / s.calls).toBeLessThanOrEqual(0.1 + 1 / s.calls);
    expect(s.retries / s.calls).toBeGreaterThan(0.05);
    expect(s.failedBy.budgetExhausted).toBeGreaterThan(0);
  });
});

describe('circuit breaker', () => {
  const breaker = { slidingWindowSize: 5, minimumNumberOfCalls: 5, waitDurationInOpenStateMs: 2000, permittedNumberOfCallsInHalfOpenState: 3 };
  const build = (extra: Record<string, unknown>, actions: unknown[], producer: Record<string, unknown> = {}) =>
    simOf({
      nodes: [
        { id: 'user', kind: 'producer', interarrival: constant(100), ...producer },
        { id: 'shop', kind: 'rest-client', circuitBreaker: { ...breaker, ...extra } },
        { id: 'payments', kind: 'service', online: false, serviceTime: constant(10) },
      ],
      links: [{ from: 'user', to: 'shop' }, { from: 'shop', to: 'payments', latency: constant(1) }],
      actions,
    });

  it('opens after the minimum number of failed calls; while open, calls fail fast without touching the network', () => {
    const sim = build({}, [], { stopMs: 2000 });
    const requests = collect(sim, 'http.request');
    const changes = collect(sim, 'breaker.state_changed');
    const ended = collect(sim, 'http.call_ended');
    sim.runUntil(3000);
    expect(requests).toHaveLength(breaker.minimumNumberOfCalls);
    expect(changes.map((c) => `${c.from}>${c.to}`)).toEqual(['closed>open']);
    const fast = ended.filter((e) => e.reason === 'circuit open');
    expect(fast.length).toBe(ended.length - breaker.minimumNumberOfCalls);
    expect(fast.every((e) => e.latencyMs === 0 && e.attempts === 0)).toBe(true);
    expect(client(sim, 'shop').stats().dependencies.payments).toMatchObject({ breaker: 'open', shortCircuited: fast.length });
  });

  it('goes half-open with the first call after the wait, reopens when the trials fail, and closes when they succeed', () => {
    const sim = build({}, [{ at: 3000, do: 'online', node: 'payments' }], { stopMs: 8000 });
    const changes = collect(sim, 'breaker.state_changed');
    const starts: number[] = [];
    sim.on((ev) => {
      if (ev.type === 'message.received' && ev.node === 'shop') starts.push(ev.t);
    });
    sim.runUntil(9000);
    expect(changes.map((c) => `${c.from}>${c.to}`)).toEqual([
      'closed>open', 'open>half-open', 'half-open>open', 'open>half-open', 'half-open>closed',
    ]);
    for (let i = 0; i < changes.length; i++) {
      if (changes[i]!.to !== 'half-open') continue;
      const due = changes[i - 1]!.t + breaker.waitDurationInOpenStateMs;
      expect(changes[i]!.t).toBe(starts.find((t) => t > due));
    }
  });

  it('with the automatic transition it goes half-open exactly when the wait ends, with no call', () => {
    const sim = build({ automaticTransitionFromOpenToHalfOpenEnabled: true }, [], { limit: 5 });
    const changes = collect(sim, 'breaker.state_changed');
    sim.runUntil(10_000);
    expect(changes.map((c) => `${c.from}>${c.to}`)).toEqual(['closed>open', 'open>half-open']);
    expect(changes[1]!.t - changes[0]!.t).toBe(breaker.waitDurationInOpenStateMs);
  });
});

describe('bulkhead', () => {
  function shop(bulkhead: boolean) {
    const sim = simOf({
      seed: 21,
      nodes: [
        { id: 'users', kind: 'producer', ratePerSec: 20 },
        {
          id: 'shop', kind: 'rest-client', maxConcurrent: 10, route: 'round-robin', timeoutMs: 2000,
          ...(bulkhead ? { bulkhead: { maxConcurrentCalls: 4 } } : {}),
        },
        { id: 'inventory', kind: 'service', concurrency: 4, serviceTime: { dist: 'exponential', meanMs: 20 } },
        { id: 'reviews', kind: 'service', concurrency: 4, serviceTime: { dist: 'exponential', meanMs: 20 }, whenOffline: 'hang' },
      ],
      links: [
        { from: 'users', to: 'shop' },
        { from: 'shop', to: 'inventory', latency: constant(5) },
        { from: 'shop', to: 'reviews', latency: constant(5) },
      ],
      actions: [{ at: 5000, do: 'offline', node: 'reviews' }],
    });
    const inventory: { start: number; ok: boolean; latency: number }[] = [];
    sim.on((ev) => {
      if (ev.type === 'http.call_ended' && ev.to === 'inventory') inventory.push({ start: ev.t - ev.latencyMs, ok: ev.ok, latency: ev.latencyMs });
    });
    sim.runUntil(30_000);
    const later = inventory.filter((c) => c.start > 8000);
    return { later, sim, slowest: Math.max(...later.map((c) => c.latency)) };
  }

  it('without a bulkhead, a hanging dependency takes every slot and the healthy one starves', () => {
    const { later, sim } = shop(false);
    // Inventory calls wait in line behind hanging review calls: few finish, and those late.
    expect(later.length).toBeLessThan(0.5 * 10 * 22);
    expect(client(sim, 'shop').stats()).toMatchObject({ inFlight: 10 });
    expect(client(sim, 'shop').stats().waiting).toBeGreaterThan(100);
  });

  it('with a bulkhead of 4 per dependency, the healthy dependency keeps succeeding quickly while the other hangs', () => {
    const { later, sim, slowest } = shop(true);
    expect(later.length).toBeGreaterThan(0.8 * 10 * 22);
    expect(later.every((c) => c.ok)).toBe(true);
    expect(slowest).toBeLessThan(500);
    const reviews = client(sim, 'shop').stats().dependencies.reviews!;
    expect(reviews.bulkheadRejected).toBeGreaterThan(0);
  });
});

describe('a chain A → B → C when C’s host goes down', () => {
  // A (storefront) serves checkouts through B (orders) → C (payments) and product pages
  // through E (catalog), taking turns; C is unreachable from 5 s on.
  function chain(protectedChain: boolean) {
    const sim = simOf({
      seed: 13,
      nodes: [
        { id: 'users', kind: 'producer', ratePerSec: 20 },
        { id: 'a', kind: 'rest-client', maxConcurrent: 10, route: 'round-robin', ...(protectedChain ? { timeoutMs: 3000 } : {}) },
        {
          id: 'b', kind: 'rest-service', concurrency: 5, serviceTime: { dist: 'exponential', meanMs: 10 },
          ...(protectedChain ? { timeoutMs: 1000, circuitBreaker: { slidingWindowSize: 10, minimumNumberOfCalls: 10, waitDurationInOpenStateMs: 5000, permittedNumberOfCallsInHalfOpenState: 3 } } : {}),
        },
        { id: 'c', kind: 'service', concurrency: 5, serviceTime: { dist: 'exponential', meanMs: 20 }, whenOffline: 'hang' },
        { id: 'e', kind: 'service', concurrency: 5, serviceTime: { dist: 'exponential', meanMs: 20 } },
      ],
      links: [
        { from: 'users', to: 'a' },
        { from: 'a', to: 'b', latency: constant(2) },
        { from: 'b', to: 'c', latency: constant(2) },
        { from: 'a', to: 'e', latency: constant(2) },
      ],
      actions: [{ at: 5000, do: 'offline', node: 'c' }],
    });
    const catalogOk: number[] = [];
    const failedToB: number[] = [];
    sim.on((ev) => {
      if (ev.type !== 'http.call_ended' || ev.node !== 'a') return;
      if (ev.to === 'e' && ev.ok) catalogOk.push(ev.t);
      if (ev.to === 'b' && !ev.ok) failedToB.push(ev.latencyMs);
    });
    let bFull = Infinity;
    let aFull = Infinity;
    let aFullLate = 0;
    let samplesLate = 0;
    for (let t = 0; t <= 20_000; t += 50) {
      sim.runUntil(t);
      if (restService(sim, 'b').busy === 5) bFull = Math.min(bFull, t);
      const full = client(sim, 'a').inFlight === 10;
      if (full) aFull = Math.min(aFull, t);
      if (t > 10_000) {
        samplesLate++;
        if (full) aFullLate++;
      }
    }
    return { sim, catalogOk: catalogOk.filter((t) => t > 10_000).length, failedToB, bFull, aFull, aSaturated: aFullLate / samplesLate };
  }

  it('without protection, B’s slots fill, then A’s, and A stops serving even the healthy pages', () => {
    const { sim, catalogOk, bFull, aFull, aSaturated } = chain(false);
    expect(aSaturated).toBe(1);
    expect(bFull).toBeGreaterThanOrEqual(5000);
    expect(aFull).toBeGreaterThan(bFull);
    expect(restService(sim, 'b').waiting).toBeGreaterThan(0);
    expect(catalogOk).toBe(0);
  });

  it('with timeouts and a breaker at B, the failure stays contained: A keeps serving pages and checkouts fail fast', () => {
    const { catalogOk, failedToB, aSaturated } = chain(true);
    // About 10 page views a second for the last 10 s.
    expect(catalogOk).toBeGreaterThan(80);
    expect(aSaturated).toBeLessThan(0.1);
    const sorted = [...failedToB].sort((x, y) => x - y);
    expect(sorted[Math.floor(sorted.length / 2)]!).toBeLessThan(50);
  });
});

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
