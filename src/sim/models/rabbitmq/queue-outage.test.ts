import { describe, expect, it } from 'vitest';
import { checkInvariantEveryEvent } from '../../testing/invariant';
import { producer, runBuiltin, service, stat } from '../../testing/harness';
import { build } from './queue.fixture';

// Outages of the consumer and of the queue itself, and the built-in RabbitMQ scenario.

describe('outages', () => {
  it('THE OUTAGE TEST: 10 msg/s, one consumer of 20/s offline from 10 s to 20 s: the backlog peaks near 100 and is near zero again by about 30 s', () => {
    const lambda = 10; // msg/s
    const mu = 20; // msg/s: serviceTime 50 ms, concurrency 1
    const from = 10_000;
    const to = 20_000;
    const sim = build(
      [producer('orders', lambda), { id: 'q', kind: 'queue' }, service('c', 1000 / mu)],
      [{ from: 'orders', to: 'q' }, { from: 'q', to: 'c' }],
      [{ at: from, do: 'offline', node: 'c' }, { at: to, do: 'online', node: 'c' }],
    );
    // SEMANTICS §7: backlog λT, drained after λT/(μ−λ), normal again μT/(μ−λ) after the outage starts.
    const T = (to - from) / 1000;
    const peakExpected = lambda * T;
    const normalAt = from + ((mu * T) / (mu - lambda)) * 1000;
    let drainedAt = -1;
    let atOutageEnd = 0;
    for (let t = 0; t <= 40_000; t += 100) {
      sim.runUntil(t);
      const ready = stat(sim, 'q', 'ready');
      if (t === to) atOutageEnd = ready;
      if (t > to && drainedAt < 0 && ready <= 1) drainedAt = t;
    }
    const peak = stat<{ max: number }>(sim, 'q', 'backlog').max;
    expect(Math.abs(peak - peakExpected)).toBeLessThanOrEqual(2);
    expect(Math.abs(atOutageEnd - peakExpected)).toBeLessThanOrEqual(2);
    expect(Math.abs(drainedAt - normalAt)).toBeLessThanOrEqual(1_000);
    expect(sim.ledger.totals()).toMatchObject({ dropped: 0, duplicates: 0 });
  });

  it('a queue that is offline turns publishes away and keeps what it held for when it returns', () => {
    const sim = build(
      [producer('orders', 10, { limit: 30 }), { id: 'q', kind: 'queue' }, service('c', 20, { online: false })],
      [{ from: 'orders', to: 'q' }, { from: 'q', to: 'c' }],
      [{ at: 1_050, do: 'offline', node: 'q' }, { at: 2_050, do: 'online', node: 'q' }, { at: 5_000, do: 'online', node: 'c' }],
    );
    sim.runUntil(10_000);
    expect(stat(sim, 'q', 'dropped')).toEqual({ 'queue offline': 10 });
    expect(sim.ledger.totals()).toMatchObject({ published: 30, processed: 20, dropped: 10 });
  });

  it('purge empties the ready messages', () => {
    const sim = build([producer('orders', 10, { limit: 30 }), { id: 'q', kind: 'queue' }], [{ from: 'orders', to: 'q' }], [{ at: 5_000, do: 'command', node: 'q', command: 'purge' }]);
    sim.runUntil(6_000);
    expect(sim.node('q').stats()).toMatchObject({ ready: 0, dropped: { purged: 30 } });
  });
});

describe('the built-in scenario rabbitmq-order-created', () => {
  it('does what its description says: shipping keeps its orders through the outage, stale notifications and failing payments end in the dead-letter queue', () => {
    const { sim, scenario } = runBuiltin('rabbitmq-order-created');
    checkInvariantEveryEvent(sim, scenario.durationMs);
    // EU orders at 6/s pile up in the shipping queue for the 15 s the shipping service is away.
    const eu = scenario.nodes.find((n) => n.id === 'orders-eu') as unknown as { ratePerSec: number };
    const shipping = sim.node('shipping').stats() as unknown as { backlog: { max: number }; dropped: Record<string, number> };
    expect(shipping.backlog.max).toBeGreaterThan(eu.ratePerSec * 15 * 0.75);
    expect(shipping.dropped).toEqual({});
    // All of them shipped by the end, but for the few still on their way.
    expect(stat(sim, 'orders-eu', 'published') - sim.node('shipping').processed).toBeLessThanOrEqual(3);
    // The dead-letter queue holds expired notifications and nothing but what the queues sent it.
    const parked = stat<Record<string, number>>(sim, 'orders-dlq', 'parkedByReason');
    expect(parked.expired).toBe(stat<Record<string, number>>(sim, 'notifications', 'deadLettered').expired);
    expect(parked.expired).toBeGreaterThan(0);
    expect(parked.delivery_limit ?? 0).toBe(stat<Record<string, number>>(sim, 'billing', 'deadLettered').delivery_limit ?? 0);
    expect(sim.ledger.totals()).toMatchObject({ dropped: 0, duplicates: 0 });
  });
});
