import { describe, expect, it } from 'vitest';
import { checkInvariantEveryEvent } from '../../testing/invariant';
import { ms, runScenario } from '../../testing/harness';
import type { Subscription } from './subscription';

/** One OrderCreated at 1 s; the subscriber takes `workMs` over it; ack deadline 10 s (Google's default). */
function slowWork(workMs: number, sub: object = {}) {
  return runScenario({
    pattern: 'pubsub',
    nodes: [
      { id: 'orders-svc', kind: 'producer', interarrival: ms(1000), limit: 1, eventType: 'OrderCreated' },
      { id: 'orders', kind: 'pubsub-topic' },
      { id: 'sub', kind: 'subscription', ...sub },
      { id: 'billing', kind: 'service', serviceTime: ms(workMs), concurrency: 2 },
    ],
    links: [{ from: 'orders-svc', to: 'orders' }, { from: 'orders', to: 'sub' }, { from: 'sub', to: 'billing' }],
  });
}

const HOUR = 3_600_000;

describe('ack deadline extension by the client library', () => {
  it('without it, 25 s of work against a 10 s deadline expires the lease: redelivered and processed twice', () => {
    const run = slowWork(25_000);
    run.sim.runUntil(60_000);
    // Every delivery outlives its deadline: redelivered every 10 s, each copy processed in the end.
    expect(run.of('pubsub.ack_deadline_expired').map((e) => e.t).slice(0, 2)).toEqual([11_000, 21_000]);
    expect(run.of('message.processed').length).toBeGreaterThanOrEqual(2);
    expect((run.sim.node('sub') as Subscription).duplicates).toBeGreaterThanOrEqual(1);
  });

  it('with Google\'s client-library default (up to 60 min) the deadline is extended at 10 s and 20 s: acked once, no redelivery', () => {
    const run = slowWork(25_000, { maxLeaseExtensionMs: HOUR });
    checkInvariantEveryEvent(run.sim, 60_000);
    const ext = run.of('pubsub.deadline_extended');
    expect(ext.map((e) => [e.t, e.untilT])).toEqual([[11_000, 21_000], [21_000, 31_000]]);
    expect(run.of('pubsub.ack_deadline_expired')).toHaveLength(0);
    expect(run.of('message.processed')).toHaveLength(1);
    const s = (run.sim.node('sub') as Subscription).stats();
    expect(s).toMatchObject({ acked: 1, redelivered: 0, duplicates: 0, extensions: 2 });
  });

  it('past the maximum extension the lease expires all the same: 15 s of extension for 25 s of work', () => {
    const run = slowWork(25_000, { maxLeaseExtensionMs: 15_000 });
    run.sim.runUntil(60_000);
    // Extended once, to 15 s after delivery (not 10 s more), then it expires and is redelivered.
    expect(run.of('pubsub.deadline_extended')[0]!.untilT).toBe(16_000);
    expect(run.of('pubsub.ack_deadline_expired')[0]!.t).toBe(16_000);
    expect(run.of('message.processed').length).toBeGreaterThanOrEqual(2);
  });

  it('a subscriber that went offline holding the message extends nothing: its lease expires at 11 s and the redelivery is extended', () => {
    const run = runScenario({
      pattern: 'pubsub',
      nodes: [
        { id: 'orders-svc', kind: 'producer', interarrival: ms(1000), limit: 1, eventType: 'OrderCreated' },
        { id: 'orders', kind: 'pubsub-topic' },
        { id: 'sub', kind: 'subscription', maxLeaseExtensionMs: HOUR },
        { id: 'billing', kind: 'service', serviceTime: ms(25_000) },
      ],
      links: [{ from: 'orders-svc', to: 'orders' }, { from: 'orders', to: 'sub' }, { from: 'sub', to: 'billing' }],
      actions: [{ at: 5000, do: 'offline', node: 'billing' }, { at: 6000, do: 'online', node: 'billing' }],
    });
    run.sim.runUntil(60_000);
    expect(run.of('pubsub.ack_deadline_expired').map((e) => e.t)).toEqual([11_000]);
    expect(run.of('pubsub.deadline_extended').map((e) => e.t)).toEqual([21_000, 31_000]);
    expect(run.of('message.processed')).toHaveLength(1);
  });
});
