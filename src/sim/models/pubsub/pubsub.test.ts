import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../engine/trace';
import { runBuiltin, runScenario } from '../../testing/harness';
import { NO_SUBSCRIPTION, SUBSCRIBER_OFFLINE, SUBSCRIPTION_DELETED, type Subscription, type Topic } from './pubsub';
import { drops, fanOut, fast, processedRoots, publisher } from './pubsub.fixture';

// A topic fans out to its subscriptions; fire-and-forget loses what its subscriber misses; the outage test and the built-in scenarios.

describe('a topic fans out to its subscriptions', () => {
  it('each of three subscriptions gets its own copy of every OrderCreated', () => {
    const { sim: s, trace: events } = fanOut([{}, { mode: 'fire-and-forget' }, {}], { producer: { limit: 40 } });
    s.runUntil(10_000);
    const published = events.filter((e) => e.type === 'message.published').map((e) => (e.type === 'message.published' ? e.msg.id : 0));
    expect(published).toHaveLength(40);
    for (const svc of ['svc0', 'svc1', 'svc2']) expect(processedRoots(events, svc).sort((a, b) => a - b)).toEqual(published);
    // Three copies of each message, each its own copy with its own id.
    const copyIds = new Set(events.flatMap((e) => (e.type === 'message.processed' ? [e.msg.id] : [])));
    expect(copyIds.size).toBe(3 * 40);
    expect((s.node('orders') as Topic).fannedOut).toBe(3 * 40);
  });

  it('competing subscribers on one subscription share its messages, each processed once', () => {
    const { sim: s, trace: events } = runScenario({
      nodes: [
        publisher({ limit: 100 }), { id: 'orders', kind: 'pubsub-topic' }, { id: 'shipping', kind: 'subscription' },
        { id: 'ship-a', kind: 'service', serviceTime: fast }, { id: 'ship-b', kind: 'service', serviceTime: fast },
      ],
      links: [
        { from: 'orders-svc', to: 'orders' }, { from: 'orders', to: 'shipping' },
        { from: 'shipping', to: 'ship-a' }, { from: 'shipping', to: 'ship-b' },
      ],
    });
    s.runUntil(15_000);
    const a = processedRoots(events, 'ship-a');
    const b = processedRoots(events, 'ship-b');
    expect(a.length + b.length).toBe(100);
    expect(new Set([...a, ...b]).size).toBe(100);
    expect(Math.min(a.length, b.length)).toBeGreaterThan(30);
  });

  it('a topic with no subscription loses everything published to it, counted as "no subscription"', () => {
    const { sim: s, trace: events } = fanOut([{ subscribed: false }], { producer: { limit: 25 } });
    s.runUntil(5_000);
    const topic = s.node('orders') as Topic;
    expect(topic.published).toBe(25);
    expect(topic.droppedNoSubscription).toBe(25);
    expect(drops(events, NO_SUBSCRIPTION)).toBe(25);
    expect(s.ledger.totals().dropped).toBe(25);
    expect(processedRoots(events, 'svc0')).toEqual([]);
  });

  it('a subscription created at t=5 s gets only what is published after, and nothing after it is deleted at t=8 s', () => {
    const { sim: s, trace: events } = fanOut([{ subscribed: false }, {}], {
      producer: { stopMs: 11_000 },
      actions: [
        { at: 5000, do: 'command', node: 'orders', command: 'subscribe', args: { subscription: 'sub0' } },
        { at: 8000, do: 'command', node: 'orders', command: 'unsubscribe', args: { subscription: 'sub0' } },
      ],
    });
    s.runUntil(12_000);
    const publishedAt = new Map(events.flatMap((e) => (e.type === 'message.published' ? [[e.msg.root, e.t] as const] : [])));
    const late = processedRoots(events, 'svc0');
    const window = [...publishedAt.values()].filter((t) => t >= 5000 && t < 8000).length;
    expect(window).toBeGreaterThan(20);
    expect(late).toHaveLength(window);
    for (const root of late) expect(publishedAt.get(root)).toBeGreaterThanOrEqual(5000);
    expect(processedRoots(events, 'svc1')).toHaveLength(publishedAt.size);
    // Before and after, the topic makes no copy for it at all.
    expect(events.filter((e) => e.type === 'message.sent' && e.to === 'sub0')).toHaveLength(window);
    expect((s.node('orders') as Topic).fannedOut).toBe(publishedAt.size + window);
  });

  it('deleting a durable subscription discards its backlog', () => {
    const { sim: s, trace: events } = fanOut([{}], {
      actions: [
        { at: 1000, do: 'offline', node: 'svc0' },
        { at: 4000, do: 'command', node: 'sub0', command: 'unsubscribe' },
      ],
    });
    s.runUntil(6_000);
    const backlogAtDelete = events.find((e) => e.type === 'pubsub.unsubscribed');
    expect(backlogAtDelete?.type === 'pubsub.unsubscribed' && backlogAtDelete.discarded).toBeGreaterThan(25);
    expect((s.node('sub0') as Subscription).backlogNow()).toBe(0);
    // After the deletion the topic has no subscription left.
    expect(drops(events, NO_SUBSCRIPTION)).toBeGreaterThan(15);
    expect(drops(events, SUBSCRIPTION_DELETED)).toBe(backlogAtDelete?.type === 'pubsub.unsubscribed' ? backlogAtDelete.discarded : -1);
  });
});

describe('a fire-and-forget subscription (Redis Pub/Sub, NATS core)', () => {
  it('loses what is published while its subscriber is away, counted with the reason', () => {
    const { sim: s, trace: events } = fanOut([{ mode: 'fire-and-forget' }], { producer: { stopMs: 7_500 }, actions: [{ at: 2000, do: 'offline', node: 'svc0' }, { at: 5000, do: 'online', node: 'svc0' }] });
    s.runUntil(8_000);
    const away = events.filter((e) => e.type === 'message.published' && e.t >= 2000 && e.t < 5000).length;
    expect(away).toBeGreaterThan(25);
    expect(drops(events, SUBSCRIBER_OFFLINE)).toBe(away);
    const sub = s.node('sub0') as Subscription;
    expect(sub.droppedOffline).toBe(away);
    expect(sub.backlog.max).toBe(0);
    expect(processedRoots(events, 'svc0')).toHaveLength(events.filter((e) => e.type === 'message.published').length - away);
  });
});

describe('the outage test: 10 msg/s, a subscriber able to do 20/s, offline from t=10 s to t=20 s', () => {
  const outage = (seed: number) =>
    fanOut([{}, { mode: 'fire-and-forget' }], {
      seed,
      producer: { arrivals: 'poisson' },
      subscriber: { serviceTime: { dist: 'exponential', meanMs: 50 } },
      actions: [
        { at: 10_000, do: 'offline', node: 'svc0' }, { at: 10_000, do: 'offline', node: 'svc1' },
        { at: 20_000, do: 'online', node: 'svc0' }, { at: 20_000, do: 'online', node: 'svc1' },
      ],
    });

  for (const seed of [1, 2, 3]) {
    it(`the durable backlog peaks near 100 and drains by about t=30 s; fire-and-forget drops about 100 instead (seed ${seed})`, () => {
      const { sim: s } = outage(seed);
      const durable = s.node('sub0') as Subscription;
      const lossy = s.node('sub1') as Subscription;
      s.runUntil(20_000);
      expect(durable.backlog.max).toBeGreaterThan(75);
      expect(durable.backlog.max).toBeLessThan(130);
      s.runUntil(25_000);
      expect(durable.backlogNow()).toBeGreaterThan(15);
      s.runUntil(34_000);
      expect(durable.backlogNow()).toBeLessThan(8);
      expect(durable.dropped).toBe(0);
      expect(lossy.droppedOffline).toBeGreaterThan(75);
      expect(lossy.droppedOffline).toBeLessThan(130);
      expect(lossy.backlog.max).toBe(0);
    });
  }
});

describe('the built-in scenario "Order created: publish/subscribe"', () => {
  it('does what its description says: billing keeps about 100 orders and catches up by about 30 s; notifications lose about 100', () => {
    const { sim: s } = runBuiltin('pubsub-order-created');
    const billing = s.node('billing-sub') as Subscription;
    const notify = s.node('notify-sub') as Subscription;
    s.runUntil(20_000);
    expect(billing.backlog.max).toBeGreaterThan(75);
    expect(billing.backlog.max).toBeLessThan(130);
    s.runUntil(34_000);
    expect(billing.backlogNow()).toBeLessThan(8);
    expect(billing.dropped).toBe(0);
    expect(notify.droppedOffline).toBeGreaterThan(75);
    expect(notify.droppedOffline).toBeLessThan(130);
    // Every notification lost was lost to the outage: published meanwhile, or held when it began.
    expect(notify.dropped).toBe(notify.droppedOffline);
  });
});

describe('the built-in scenario "a slow subscriber misses its ack deadline"', () => {
  it('does what its description says: duplicates while the CRM is slow, dead letters reaching ops while its database rejects updates', () => {
    const { sim: s, trace: events } = runBuiltin('pubsub-ack-deadline');
    s.runUntil(100_000);
    const when = (type: TraceEvent['type']) => events.filter((e) => e.type === type).map((e) => e.t);
    const duplicates = events.filter((e) => e.type === 'pubsub.late_ack' && e.duplicate).map((e) => e.t);
    expect(duplicates.length).toBeGreaterThan(3);
    // Deadlines are missed only because of the slow spell (15–35 s), plus the 10 s deadline and the backlog it leaves.
    for (const t of when('pubsub.ack_deadline_expired')) expect(t).toBeGreaterThan(15_000 + 10_000 - 1);
    const dead = when('message.dead_lettered');
    expect(dead.length).toBeGreaterThan(0);
    for (const t of dead) expect(t).toBeGreaterThan(55_000);
    expect(s.node('ops').processed).toBe(dead.length);
  });
});
