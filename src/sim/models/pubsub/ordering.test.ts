import { describe, expect, it } from 'vitest';
import { checkInvariantEveryEvent } from '../../testing/invariant';
import { runScenario } from '../../testing/harness';

/** 20 msg/s over 3 ordering keys, two subscribers of 4 slots with random work; `sub` adds subscription fields. */
function orders(sub: object, failureRate = 0) {
  const svc = (id: string) => ({ id, kind: 'service', concurrency: 4, serviceTime: { dist: 'exponential', meanMs: 120 }, failureRate });
  return runScenario({
    pattern: 'pubsub',
    seed: 12,
    nodes: [
      { id: 'orders-svc', kind: 'producer', ratePerSec: 20, eventType: 'OrderUpdated', keys: 3, keyPrefix: 'order', limit: 400 },
      { id: 'orders', kind: 'pubsub-topic' },
      { id: 'sub', kind: 'subscription', ...sub },
      svc('a'), svc('b'),
    ],
    links: [{ from: 'orders-svc', to: 'orders' }, { from: 'orders', to: 'sub' }, { from: 'sub', to: 'a' }, { from: 'sub', to: 'b' }],
  });
}

/** Per ordering key, how many times a message was processed after one published later. */
function outOfOrder(run: ReturnType<typeof orders>): number {
  const last = new Map<string, number>();
  let n = 0;
  for (const e of run.of('message.processed')) {
    const key = e.msg.key!;
    const prev = last.get(key) ?? -1;
    if (e.msg.root < prev) n++;
    last.set(key, Math.max(prev, e.msg.root));
  }
  return n;
}

describe('ordering keys (enable_message_ordering)', () => {
  it('without ordering, competing subscribers process one key\'s messages out of order', () => {
    const run = orders({});
    run.sim.runUntil(60_000);
    expect(run.of('message.processed')).toHaveLength(400);
    expect(outOfOrder(run)).toBeGreaterThan(20);
  });

  it('with ordering, each key\'s messages are processed in publication order, all 400 of them', () => {
    const run = orders({ enableMessageOrdering: true });
    checkInvariantEveryEvent(run.sim, 120_000);
    expect(run.of('message.processed')).toHaveLength(400);
    expect(outOfOrder(run)).toBe(0);
  });

  it('with ordering, a failed message is redelivered before the later ones of its key: still in order', () => {
    const run = orders({ enableMessageOrdering: true, maxDeliveryAttempts: 0 }, 0.2);
    run.sim.runUntil(200_000);
    expect(run.of('message.processed')).toHaveLength(400);
    expect(run.of('message.requeued').length).toBeGreaterThan(40);
    expect(outOfOrder(run)).toBe(0);
  });
});
