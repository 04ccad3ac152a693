import { describe, expect, it } from 'vitest';
import { runScenario, ms, type TestRun } from '../../testing/harness';
import { checkInvariantEveryEvent } from '../../testing/invariant';

// issue #9, RabbitMQ publisher confirms (SEMANTICS §1 "Publisher confirms"; RMQ/confirms).

const stats = (run: TestRun, node: string) => run.sim.node(node).stats();

/**
 * A producer publishing `limit` messages at `rate`/s with confirms to queue q (settings `queue`)
 * over a link with settings `link`, consumed by c.
 */
function confirmed(opts: {
  rate: number; limit: number; window?: number; queue?: Record<string, unknown>; serviceMs?: number; seed?: number;
  link?: Record<string, unknown>; actions?: unknown[];
}): TestRun {
  return runScenario({
    pattern: 'rabbitmq',
    seed: opts.seed ?? 7,
    nodes: [
      { id: 'p', kind: 'producer', ratePerSec: opts.rate, arrivals: 'constant', limit: opts.limit, confirms: { window: opts.window ?? 100 } },
      { id: 'q', kind: 'queue', ...opts.queue },
      { id: 'c', kind: 'service', serviceTime: ms(opts.serviceMs ?? 5) },
    ],
    links: [{ from: 'p', to: 'q', ...opts.link }, { from: 'q', to: 'c' }],
    actions: opts.actions,
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

// Publisher confirms cost a round trip (RMQ/confirms: basic.ack and basic.nack are frames the
// broker sends on the publisher's channel): the publish crosses the link to the broker, the
// confirm crosses back. So a window of W unconfirmed publishes caps a publisher at about W per
// round trip, the reason RabbitMQ's guide publishes in batches or handles confirms asynchronously.

describe('publisher confirms come back over the network', () => {
  it('a transient publish over a 20 ms link is confirmed after the round trip, 40 ms after it was sent', () => {
    const run = confirmed({ rate: 1, limit: 1, link: { latency: ms(20) } });
    run.sim.runUntil(1_020);
    // The queue has it (t = 1,020), but its basic.ack is still on its way back.
    expect(run.of('message.enqueued')).toMatchObject([{ t: 1_020, node: 'q' }]);
    expect(stats(run, 'p')).toMatchObject({ unconfirmed: 1, confirmed: 0 });
    run.sim.runUntil(1_039);
    expect(stats(run, 'p')).toMatchObject({ unconfirmed: 1, confirmed: 0 });
    run.sim.runUntil(1_040);
    expect(stats(run, 'p')).toMatchObject({ unconfirmed: 0, confirmed: 1 });
    expect(run.of('confirm.acked')[0]).toMatchObject({ t: 1_040, seq: 1 });
  });

  it('a window of 5 over a 50 ms link lets about 5 publishes out per 100 ms round trip, whatever the rate asked', () => {
    const run = confirmed({ rate: 1_000, limit: 100_000, window: 5, link: { latency: ms(50) } });
    checkInvariantEveryEvent(run.sim, 10_000);
    // 10 s at 5 per 100 ms: 500 publishes (give or take the first and last round trips), not 10,000.
    const published = Number(stats(run, 'p').published);
    expect(published).toBeGreaterThanOrEqual(490);
    expect(published).toBeLessThanOrEqual(505);
    // The same window over a link with no latency is not the limit: the rate is.
    const near = confirmed({ rate: 1_000, limit: 100_000, window: 5, link: {} });
    near.sim.runUntil(10_000);
    expect(Number(stats(near, 'p').published)).toBeGreaterThan(9_900);
  });

  it('the acks of one fsync batch cross back together over a jittery link: still one multiple frame per batch', () => {
    // 50/s into a durable queue with persistent messages (200 ms fsync batches, 10 publishes each);
    // every crossing draws its own latency, but one batch's frames leave at one instant, in one
    // segment. (The jitter, 30–45 ms, is below the 20 ms between publishes, so they reach the
    // queue in order, as on a TCP connection.)
    const run = confirmed({ rate: 50, limit: 500, link: { latency: { dist: 'uniform', minMs: 30, maxMs: 45 } }, queue: { deliveryMode: 'persistent' } });
    checkInvariantEveryEvent(run.sim, 20_000);
    const acks = run.of('confirm.acked');
    expect(acks.reduce((n, a) => n + a.count, 0)).toBe(500);
    expect(acks.length).toBeLessThanOrEqual(52);
    // They arrive 30–45 ms after their batch ended, at different offsets from one batch to the next.
    const offsets = new Set(acks.map((a) => a.t % 200));
    for (const o of offsets) expect(o >= 30 && o <= 45).toBe(true);
    expect(offsets.size).toBeGreaterThan(5);
  });

  it('a partition holds the confirms on the connection, and they arrive when it heals: nothing is nacked or published twice', () => {
    const partitioned = () =>
      confirmed({
        rate: 10, limit: 100, link: { latency: ms(10) },
        actions: [{ at: 2_005, do: 'partition', from: 'p', to: 'q' }, { at: 4_000, do: 'heal', from: 'p', to: 'q' }],
      });
    const during = partitioned();
    during.sim.runUntil(3_000);
    // One publish every 100 ms from 100 ms: the 19 sent up to 1,900 ms are confirmed 20 ms later.
    // The one sent at 2,000 ms reached the queue at 2,010 ms, but its ack is held, with the
    // publishes sent since: none of them is confirmed before the heal.
    expect(during.of('message.enqueued').filter((e) => e.t === 2_010)).toHaveLength(1);
    expect(stats(during, 'p')).toMatchObject({ confirmed: 19 });
    expect(Number(stats(during, 'p').unconfirmed)).toBeGreaterThan(5);

    const run = partitioned();
    checkInvariantEveryEvent(run.sim, 20_000);
    expect(stats(run, 'p')).toMatchObject({ confirmed: 100, nacked: 0, republished: 0, unconfirmed: 0 });
    expect(run.sim.ledger.totals().processed).toBe(100);
  });
});
