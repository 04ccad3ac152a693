import { describe, expect, it } from 'vitest';
import { runScenario } from '../../testing/harness';
import { SUPERSEDED, type Subscription } from './pubsub';
import { drops, fanOut, fast, processedRoots, publisher } from './pubsub.fixture';

// A durable subscription (Google Pub/Sub): backlog, ack deadlines, redelivery, retry policy, dead letters, retention.

describe('a durable subscription (Google Pub/Sub)', () => {
  it('keeps what is published while its subscriber is offline and delivers all of it when the subscriber returns', () => {
    const { sim: s, trace: events } = fanOut([{}], { actions: [{ at: 2000, do: 'offline', node: 'svc0' }, { at: 8000, do: 'online', node: 'svc0' }] });
    const sub = s.node('sub0') as Subscription;
    s.runUntil(7_999);
    expect(sub.backlogNow()).toBeGreaterThanOrEqual(55);
    s.runUntil(12_000);
    const published = events.filter((e) => e.type === 'message.published').length;
    expect(processedRoots(events, 'svc0').length).toBeGreaterThanOrEqual(published - 1);
    expect(s.ledger.totals().dropped).toBe(0);
    expect(sub.backlogNow()).toBeLessThanOrEqual(1);
  });

  it('redelivers a message whose ack deadline passes; the first copy, acked late, makes a duplicate', () => {
    // The subscriber is 12x slow for the first message only: 12 s of work against a 10 s deadline.
    const { sim: s, trace: events } = fanOut([{}], {
      producer: { limit: 1 },
      subscriber: { concurrency: 2, serviceTime: { dist: 'constant', ms: 1000 } },
      actions: [{ at: 0, do: 'slow', node: 'svc0', factor: 12 }, { at: 500, do: 'slow', node: 'svc0', factor: 1 }],
    });
    s.runUntil(20_000);
    const sub = s.node('sub0') as Subscription;
    const expired = events.filter((e) => e.type === 'pubsub.ack_deadline_expired');
    expect(expired).toHaveLength(1);
    expect(expired[0]!.t).toBe(100 + 10_000);
    expect(sub.redelivered).toBe(1);
    const roots = processedRoots(events, 'svc0');
    expect(roots).toHaveLength(2);
    expect(roots[0]).toBe(roots[1]);
    expect(sub.lateAcks).toBe(1);
    expect(sub.duplicates).toBe(1);
    expect(events.some((e) => e.type === 'pubsub.late_ack' && e.duplicate)).toBe(true);
    // The run's totals say so too: the redelivered copy is of the same family as the first.
    expect(s.ledger.duplicates).toBe(1);
    expect(events.filter((e) => e.type === 'message.processed' && e.duplicate)).toHaveLength(1);
    expect(sub.deadLettered).toBe(0);
  });

  it('a copy that fails after its deadline had passed ends as superseded; the message itself is not lost', () => {
    // The first copy takes 12 s against a 10 s deadline; its redelivery succeeds; then the first one fails.
    const { sim: s, trace: events } = fanOut([{}], {
      producer: { limit: 1 },
      subscriber: { concurrency: 2, serviceTime: { dist: 'constant', ms: 1000 } },
      actions: [
        { at: 0, do: 'slow', node: 'svc0', factor: 12 }, { at: 500, do: 'slow', node: 'svc0', factor: 1 },
        { at: 11_500, do: 'configure', node: 'svc0', patch: { failureRate: 1 } },
      ],
    });
    s.runUntil(20_000);
    const sub = s.node('sub0') as Subscription;
    expect(processedRoots(events, 'svc0')).toHaveLength(1);
    expect(sub.acked).toBe(1);
    expect(sub.superseded).toBe(1);
    expect(drops(events, SUPERSEDED)).toBe(1);
    expect(sub.duplicates).toBe(0);
  });

  it('without a dead-letter topic there is no dead-letter policy: a nacked message is redelivered until retention ends', () => {
    // issue #9 defect 5. Google Pub/Sub dead-letters only when a dead-letter topic is set
    // (SEMANTICS §8 "No dead-letter topic"); without one it redelivers, at once by default.
    const { sim: s, trace: events } = fanOut([{ retentionMs: 60_000 }], { producer: { limit: 1 }, subscriber: { failureRate: 1 } });
    s.runUntil(5_000);
    expect(events.filter((e) => e.type === 'message.dead_lettered')).toHaveLength(0);
    expect(events.filter((e) => e.type === 'message.sent' && e.channel === 'delivery').length).toBeGreaterThan(20);
    s.runUntil(70_000);
    // Retention (here 1 min) ends it, as the only way out.
    expect(s.ledger.totals()).toMatchObject({ deadLettered: 0, dropped: 1 });
  });

  it('a retry policy spaces redeliveries exponentially from 10 s up to 600 s', () => {
    // SEMANTICS §8 "Retry policy": minimum_backoff 10 s, maximum_backoff 600 s when set.
    const { sim: s, trace: events } = fanOut([{ retryPolicy: {} }], { producer: { limit: 1 }, subscriber: { failureRate: 1, serviceTime: { dist: 'constant', ms: 1 } } });
    s.runUntil(3_600_000);
    const times = events.flatMap((e) => (e.type === 'message.sent' && e.channel === 'delivery' ? [e.t] : []));
    const gaps = times.slice(1).map((t, i) => Math.round((t - times[i]!) / 1000));
    expect(gaps.slice(0, 8)).toEqual([10, 20, 40, 80, 160, 320, 600, 600]);
  });

  it('dead-letters a message after 5 delivery attempts (the default) when every attempt is nacked', () => {
    const { sim: s, trace: events } = fanOut([{}], { producer: { limit: 1 }, subscriber: { failureRate: 1 }, deadLetterTopic: true });
    s.runUntil(5_000);
    const dead = events.filter((e) => e.type === 'message.dead_lettered');
    expect(dead).toHaveLength(1);
    expect(dead[0]!.type === 'message.dead_lettered' && dead[0]!.reason).toBe('max_delivery_attempts');
    expect(events.filter((e) => e.type === 'message.sent' && e.channel === 'delivery')).toHaveLength(5);
    expect((s.node('sub0') as Subscription).deadLettered).toBe(1);
  });

  it('counts missed deadlines as attempts: a subscriber that never answers in time sees the message dead-lettered after 5 deadlines', () => {
    const { sim: s, trace: events } = fanOut([{ ackDeadlineMs: 2000 }], { producer: { limit: 1 }, subscriber: { serviceTime: { dist: 'constant', ms: 1e6 } }, deadLetterTopic: true });
    s.runUntil(60_000);
    const dead = events.find((e) => e.type === 'message.dead_lettered');
    expect(dead?.t).toBe(100 + 5 * 2000);
    expect(events.filter((e) => e.type === 'pubsub.ack_deadline_expired')).toHaveLength(5);
  });

  it('forwards dead letters to a dead-letter topic, whose own subscriber processes them', () => {
    const { sim: s, trace: events } = runScenario({
      nodes: [
        publisher({ limit: 3 }), { id: 'orders', kind: 'pubsub-topic' }, { id: 'billing', kind: 'subscription', maxDeliveryAttempts: 2 },
        { id: 'bill', kind: 'service', failureRate: 1, serviceTime: fast },
        { id: 'orders-dlt', kind: 'pubsub-topic' }, { id: 'dlq', kind: 'subscription' }, { id: 'ops', kind: 'service', serviceTime: fast },
      ],
      links: [
        { from: 'orders-svc', to: 'orders' }, { from: 'orders', to: 'billing' }, { from: 'billing', to: 'bill' },
        { from: 'billing', to: 'orders-dlt' }, { from: 'orders-dlt', to: 'dlq' }, { from: 'dlq', to: 'ops' },
      ],
    });
    s.runUntil(5_000);
    expect(events.filter((e) => e.type === 'message.sent' && e.channel === 'dead-letter')).toHaveLength(3);
    const published = events.flatMap((e) => (e.type === 'message.published' ? [e.msg.root] : []));
    expect(processedRoots(events, 'ops').sort((a, b) => a - b)).toEqual(published);
    expect(events.filter((e) => e.type === 'message.sent' && e.to === 'bill')).toHaveLength(6);
  });

  it('redelivers what a vanished subscriber held only once its ack deadline passes', () => {
    const { sim: s, trace: events } = fanOut([{}], {
      producer: { limit: 1 },
      subscriber: { serviceTime: { dist: 'constant', ms: 3000 } },
      actions: [{ at: 1000, do: 'offline', node: 'svc0' }, { at: 2000, do: 'online', node: 'svc0' }],
    });
    s.runUntil(20_000);
    const deliveries = events.flatMap((e) => (e.type === 'message.sent' && e.channel === 'delivery' ? [e.t] : []));
    expect(deliveries).toEqual([100, 100 + 10_000]);
    expect(processedRoots(events, 'svc0')).toHaveLength(1);
    expect((s.node('sub0') as Subscription).duplicates).toBe(0);
  });

  it('drops messages older than its retention', () => {
    const { sim: s, trace: events } = fanOut([{ retentionMs: 3000 }], { actions: [{ at: 1000, do: 'offline', node: 'svc0' }, { at: 10_000, do: 'online', node: 'svc0' }] });
    s.runUntil(10_000);
    const expiredAt = events.flatMap((e) => (e.type === 'message.dropped' && e.reason === 'retention expired' ? [e.t - e.msg.publishedAt] : []));
    // Published from t=1 s to t=7 s and waiting 3 s: about 60 expire, each at exactly the retention age.
    expect(expiredAt.length).toBeGreaterThan(50);
    for (const age of expiredAt) expect(age).toBeCloseTo(3000, 3);
    expect((s.node('sub0') as Subscription).oldestUnackedAgeMs()).toBeLessThanOrEqual(3000);
  });
});
