import { describe, expect, it } from 'vitest';
import { runScenario, ms, type TestRun } from '../../testing/harness';
import { checkInvariantEveryEvent } from '../../testing/invariant';

// Publisher confirms cost a round trip (RMQ/confirms: basic.ack and basic.nack are frames the
// broker sends on the publisher's channel): the publish crosses the link to the broker, the
// confirm crosses back. So a window of W unconfirmed publishes caps a publisher at about W per
// round trip, the reason RabbitMQ's guide publishes in batches or handles confirms asynchronously.

const stats = (run: TestRun, node: string) => run.sim.node(node).stats();

/** p publishes `limit` messages at `rate`/s with confirms to q over a link of `link` settings; c consumes. */
function overLink(opts: { rate: number; limit: number; window?: number; link: Record<string, unknown>; queue?: Record<string, unknown>; seed?: number; actions?: unknown[] }): TestRun {
  return runScenario({
    pattern: 'rabbitmq',
    seed: opts.seed ?? 11,
    nodes: [
      { id: 'p', kind: 'producer', ratePerSec: opts.rate, arrivals: 'constant', limit: opts.limit, confirms: { window: opts.window ?? 100 } },
      { id: 'q', kind: 'queue', ...opts.queue },
      { id: 'c', kind: 'service', serviceTime: ms(1) },
    ],
    links: [{ from: 'p', to: 'q', ...opts.link }, { from: 'q', to: 'c' }],
    actions: opts.actions,
  });
}

describe('publisher confirms come back over the network', () => {
  it('a transient publish over a 20 ms link is confirmed after the round trip, 40 ms after it was sent', () => {
    const run = overLink({ rate: 1, limit: 1, link: { latency: ms(20) } });
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
    const run = overLink({ rate: 1_000, limit: 100_000, window: 5, link: { latency: ms(50) } });
    checkInvariantEveryEvent(run.sim, 10_000);
    // 10 s at 5 per 100 ms: 500 publishes (give or take the first and last round trips), not 10,000.
    const published = Number(stats(run, 'p').published);
    expect(published).toBeGreaterThanOrEqual(490);
    expect(published).toBeLessThanOrEqual(505);
    // The same window over a link with no latency is not the limit: the rate is.
    const near = overLink({ rate: 1_000, limit: 100_000, window: 5, link: {} });
    near.sim.runUntil(10_000);
    expect(Number(stats(near, 'p').published)).toBeGreaterThan(9_900);
  });

  it('the acks of one fsync batch cross back together over a jittery link: still one multiple frame per batch', () => {
    // 50/s into a durable queue with persistent messages (200 ms fsync batches, 10 publishes each);
    // every crossing draws its own latency, but one batch's frames leave at one instant, in one
    // segment. (The jitter, 30–45 ms, is below the 20 ms between publishes, so they reach the
    // queue in order, as on a TCP connection.)
    const run = overLink({ rate: 50, limit: 500, link: { latency: { dist: 'uniform', minMs: 30, maxMs: 45 } }, queue: { deliveryMode: 'persistent' } });
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
      overLink({
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
