import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../catalog';
import { checkInvariantEveryEvent } from '../../testing/invariant';
import { ms, runScenario } from '../../testing/harness';
import type { Subscription } from './subscription';

// issue #9: the NATS JetStream preset of a durable subscription (SEMANTICS §3 "NATS JetStream";
// nats.docs consumers.md, nats-server consumer.go).

/** `limit` OrderCreated, one a second from 1 s, to subscription `sub` (settings `sub`), worked on by `workers` services. */
function stream(sub: object, service: object, opts: { limit?: number; workers?: number } = {}) {
  const workers = Array.from({ length: opts.workers ?? 1 }, (_, i) => `worker-${i + 1}`);
  return runScenario({
    pattern: 'pubsub',
    seed: 3,
    nodes: [
      { id: 'orders-svc', kind: 'producer', interarrival: ms(1000), limit: opts.limit ?? 1, eventType: 'OrderCreated' },
      { id: 'orders', kind: 'pubsub-topic' },
      { id: 'sub', kind: 'subscription', ...sub },
      ...workers.map((id) => ({ id, kind: 'service', ...service })),
    ],
    links: [{ from: 'orders-svc', to: 'orders' }, { from: 'orders', to: 'sub' }, ...workers.map((to) => ({ from: 'sub', to }))],
  });
}

/** The subscription's config after parsing, preset defaults filled in. */
function parsed(sub: object): Record<string, unknown> {
  const r = parseScenario({
    id: 't', title: 't', pattern: 'pubsub',
    nodes: [{ id: 'orders', kind: 'pubsub-topic' }, { id: 'sub', kind: 'subscription', ...sub }],
    links: [{ from: 'orders', to: 'sub' }],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario.nodes.find((n) => n.id === 'sub') as Record<string, unknown>;
}

const subOf = (run: ReturnType<typeof stream>) => run.sim.node('sub') as Subscription;

describe('NATS JetStream preset', () => {
  it('takes the JetStream defaults (AckWait 30 s, MaxDeliver unlimited, MaxAckPending 1000); a value the scenario sets wins', () => {
    expect(parsed({})).toMatchObject({ preset: 'google', ackDeadlineMs: 10_000, maxDeliveryAttempts: 5 });
    expect(parsed({}).maxAckPending).toBeUndefined();
    expect(parsed({ preset: 'jetstream' })).toMatchObject({ ackDeadlineMs: 30_000, maxDeliveryAttempts: 0, maxAckPending: 1000 });
    expect(parsed({ preset: 'jetstream', ackDeadlineMs: 10_000, maxDeliveryAttempts: 5 })).toMatchObject({ ackDeadlineMs: 10_000, maxDeliveryAttempts: 5, maxAckPending: 1000 });
    // 10 s written by hand is kept even though it equals Google's default.
    expect(parsed({ preset: 'jetstream', ackDeadlineMs: 10_000 }).ackDeadlineMs).toBe(10_000);
  });

  it('an unacked message is redelivered after AckWait 30 s (Google Pub/Sub: 10 s)', () => {
    const js = stream({ preset: 'jetstream' }, { serviceTime: ms(100_000) });
    js.sim.runUntil(70_000);
    expect(js.of('pubsub.ack_deadline_expired').map((e) => e.t).slice(0, 2)).toEqual([31_000, 61_000]);
    const google = stream({}, { serviceTime: ms(100_000) });
    google.sim.runUntil(25_000);
    expect(google.of('pubsub.ack_deadline_expired').map((e) => e.t)).toEqual([11_000, 21_000]);
  });

  it('a BackOff list overrides AckWait: redeliveries after 1 s, then 5 s, then 5 s again', () => {
    const run = stream({ preset: 'jetstream', backoffMs: [1_000, 5_000] }, { serviceTime: ms(100_000), concurrency: 10 });
    run.sim.runUntil(20_000);
    expect(run.of('pubsub.ack_deadline_expired').map((e) => e.t).slice(0, 3)).toEqual([2_000, 7_000, 12_000]);
  });

  it('a nak redelivers at once, and with MaxDeliver unlimited a failing message is never given up', () => {
    const run = stream({ preset: 'jetstream' }, { serviceTime: ms(50), failureRate: 1 });
    checkInvariantEveryEvent(run.sim, 30_000);
    const requeued = run.of('message.requeued');
    const delivered = run.of('message.sent').filter((e) => e.from === 'sub');
    expect(requeued.length).toBeGreaterThan(400);
    // Each nak (at t) is followed by a delivery at the same t: no wait.
    for (const r of requeued.slice(0, 20)) expect(delivered.some((d) => d.t === r.t)).toBe(true);
    expect(subOf(run).stats()).toMatchObject({ deadLettered: 0, keptInStream: 0 });
    expect(run.sim.ledger.totals()).toMatchObject({ deadLettered: 0, dropped: 0 });
  });

  it('past a MaxDeliver the scenario sets, the message stays in the stream, not lost and not delivered again', () => {
    const run = stream({ preset: 'jetstream', maxDeliveryAttempts: 3 }, { serviceTime: ms(50), failureRate: 1 });
    checkInvariantEveryEvent(run.sim, 30_000);
    expect(run.of('message.sent').filter((e) => e.from === 'sub')).toHaveLength(3);
    expect(subOf(run).stats()).toMatchObject({ keptInStream: 1, deadLettered: 0 });
    expect(run.sim.ledger.totals()).toMatchObject({ deadLettered: 1, dropped: 0 });
  });

  it('MaxAckPending caps the unacked messages across every subscriber of the consumer', () => {
    const run = stream({ preset: 'jetstream', maxAckPending: 3 }, { serviceTime: ms(20_000), concurrency: 10 }, { limit: 20, workers: 2 });
    let most = 0;
    run.sim.on(() => {
      most = Math.max(most, Number(subOf(run).stats().unacked));
    });
    run.sim.runUntil(15_000);
    expect(most).toBe(3);
    expect(subOf(run).stats().ready).toBeGreaterThan(5);
  });
});
