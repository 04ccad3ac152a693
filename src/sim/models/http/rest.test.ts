import { describe, expect, it } from 'vitest';
import type { Simulation } from '../../engine/simulation';
import { simOf, collect, client, service, constant, oneClick } from './rest.fixture';

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
        { id: 'shop', kind: 'rest-client', retry: { maxAttempts: 3, jitter: 'none', baseMs: 10, multiplier: 2 } },
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
