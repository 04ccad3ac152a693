import { describe, expect, it } from 'vitest';
import { runScenario, ms, type TestRun } from '../../testing/harness';
import { checkInvariantEveryEvent } from '../../testing/invariant';

// issue #9, RabbitMQ publisher confirms (SEMANTICS §1 "Publisher confirms"; RMQ/confirms).

const stats = (run: TestRun, node: string) => run.sim.node(node).stats();

/** A producer publishing `limit` messages at `rate`/s with confirms to queue q (settings `queue`), consumed by c. */
function confirmed(opts: { rate: number; limit: number; window?: number; queue?: Record<string, unknown>; serviceMs?: number; seed?: number }): TestRun {
  return runScenario({
    pattern: 'rabbitmq',
    seed: opts.seed ?? 7,
    nodes: [
      { id: 'p', kind: 'producer', ratePerSec: opts.rate, arrivals: 'constant', limit: opts.limit, confirms: { window: opts.window ?? 100 } },
      { id: 'q', kind: 'queue', ...opts.queue },
      { id: 'c', kind: 'service', serviceTime: ms(opts.serviceMs ?? 5) },
    ],
    links: [{ from: 'p', to: 'q' }, { from: 'q', to: 'c' }],
  });
}

describe('publisher confirms', () => {
  it('a persistent message in a durable queue is acked when its 200 ms fsync batch ends; a transient one as soon as the queue takes it', () => {
    // One publish at t = 1,100 ms: the batch it joins ends at 1,200 ms.
    const persistent = confirmed({ rate: 1, limit: 1, queue: { deliveryMode: 'persistent' } });
    persistent.sim.runUntil(900);
    persistent.sim.runUntil(1_100);
    expect(stats(persistent, 'p')).toMatchObject({ published: 1, unconfirmed: 1, confirmed: 0 });
    persistent.sim.runUntil(1_199);
    expect(stats(persistent, 'p')).toMatchObject({ unconfirmed: 1, confirmed: 0 });
    persistent.sim.runUntil(1_200);
    expect(stats(persistent, 'p')).toMatchObject({ unconfirmed: 0, confirmed: 1, nacked: 0 });

    const transient = confirmed({ rate: 1, limit: 1 });
    transient.sim.runUntil(1_000);
    expect(stats(transient, 'p')).toMatchObject({ published: 1, unconfirmed: 0, confirmed: 1 });
  });

  it('the producer waits when its window of unconfirmed publishes is full, and goes on as confirms come back', () => {
    // 100/s, a window of 5, and confirms only every 2 s (slow disk): 5 out per batch.
    const run = confirmed({ rate: 100, limit: 1_000, window: 5, queue: { deliveryMode: 'persistent', confirmBatchMs: 2_000 } });
    run.sim.runUntil(1_500);
    expect(stats(run, 'p')).toMatchObject({ published: 5, unconfirmed: 5, confirmed: 0 });
    expect(stats(run, 'p').waitingForConfirms).toBeGreaterThan(100);
    run.sim.runUntil(2_000);
    expect(stats(run, 'p')).toMatchObject({ published: 10, unconfirmed: 5, confirmed: 5 });
    // Never more than the window out at once.
    const out = run.of('message.published').length - Number(stats(run, 'p').confirmed);
    expect(out).toBeLessThanOrEqual(5);
  });

  it('a full reject-publish queue nacks the publish and the producer publishes it again: nothing is lost', () => {
    const run = confirmed({ rate: 200, limit: 300, queue: { maxLength: 10, overflow: 'reject-publish' }, serviceMs: 10 });
    checkInvariantEveryEvent(run.sim, 60_000);
    const p = stats(run, 'p');
    expect(p.nacked).toBeGreaterThan(50);
    expect(p.republished).toBe(p.nacked);
    expect(p).toMatchObject({ unconfirmed: 0, waitingForConfirms: 0, confirmed: 300 });
    const totals = run.sim.ledger.totals();
    // Every refused copy is counted as refused (the publisher knew), not lost; all 300 orders get processed.
    expect(totals.rejected).toBe(p.nacked);
    expect(totals.processed).toBe(300);
    expect(stats(run, 'q').dropped).toEqual({ 'reject-publish': p.nacked });
  });

  it('without confirms the same full queue turns the overflow away for good', () => {
    const run = runScenario({
      pattern: 'rabbitmq',
      seed: 7,
      nodes: [
        { id: 'p', kind: 'producer', ratePerSec: 200, arrivals: 'constant', limit: 300 },
        { id: 'q', kind: 'queue', maxLength: 10, overflow: 'reject-publish' },
        { id: 'c', kind: 'service', serviceTime: ms(10) },
      ],
      links: [{ from: 'p', to: 'q' }, { from: 'q', to: 'c' }],
    });
    run.sim.runUntil(60_000);
    expect(run.sim.ledger.totals().processed).toBeLessThan(300);
    expect(stats(run, 'p')).toEqual({ kind: 'producer', online: true, published: 300 });
  });

  it('an unroutable message is acked at once; a fanout publish is acked when every queue has it, nacked if one refuses', () => {
    const run = runScenario({
      pattern: 'rabbitmq',
      nodes: [
        { id: 'p', kind: 'producer', ratePerSec: 1, arrivals: 'constant', limit: 1, confirms: {} },
        { id: 'x', kind: 'exchange', type: 'direct' },
        { id: 'q', kind: 'queue' },
      ],
      links: [{ from: 'p', to: 'x' }, { from: 'x', to: 'q', bindingKey: 'nothing-matches' }],
    });
    run.sim.runUntil(1_000);
    expect(run.of('exchange.unroutable')).toHaveLength(1);
    expect(stats(run, 'p')).toMatchObject({ confirmed: 1, nacked: 0, unconfirmed: 0 });

    const fan = runScenario({
      pattern: 'rabbitmq',
      nodes: [
        { id: 'p', kind: 'producer', ratePerSec: 1, arrivals: 'constant', limit: 2, confirms: {} },
        { id: 'x', kind: 'exchange', type: 'fanout' },
        { id: 'fast', kind: 'queue' },
        { id: 'disk', kind: 'queue', deliveryMode: 'persistent' },
        { id: 'full', kind: 'queue', maxLength: 1, overflow: 'reject-publish' },
      ],
      links: [{ from: 'p', to: 'x' }, { from: 'x', to: 'fast' }, { from: 'x', to: 'disk' }, { from: 'x', to: 'full' }],
    });
    // The first publish (1 s) fits everywhere: acked once the disk queue's batch ends (1.2 s).
    fan.sim.runUntil(1_100);
    expect(stats(fan, 'p')).toMatchObject({ confirmed: 0, unconfirmed: 1 });
    fan.sim.runUntil(1_200);
    expect(stats(fan, 'p')).toMatchObject({ confirmed: 1, unconfirmed: 0 });
    // The second (2 s) finds "full" full (no consumer): nacked once the others settled (2.2 s);
    // it keeps its window slot and is published again 100 ms later (and nacked again).
    fan.sim.runUntil(2_250);
    expect(stats(fan, 'p')).toMatchObject({ confirmed: 1, nacked: 1, republished: 0, unconfirmed: 1 });
    fan.sim.runUntil(2_300);
    expect(stats(fan, 'p')).toMatchObject({ confirmed: 1, nacked: 1, republished: 1, unconfirmed: 1 });
  });
});
