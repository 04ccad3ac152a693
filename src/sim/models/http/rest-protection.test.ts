import { describe, expect, it } from 'vitest';
import { simOf, collect, client, restService, constant } from './rest.fixture';

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
