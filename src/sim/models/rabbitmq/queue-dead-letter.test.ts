import { describe, expect, it } from 'vitest';
import { producer, service, stat } from '../../testing/harness';
import type { Death } from './dead-letter';
import { build, DLX_LINKS, DLX_NODES, publishWith } from './queue.fixture';

// Dead-lettering: why each message died, where its dead letter goes, and cycles.

describe('dead-lettering', () => {
  it('the dead-letter queue records why each message died: rejected, expired, maxlen', () => {
    const sim = build(
      [
        producer('orders', 20, { limit: 100 }),
        { id: 'x', kind: 'exchange', type: 'fanout' },
        { id: 'billing', kind: 'queue', onNack: 'dead-letter', deadLetterExchange: 'dlx' },
        { id: 'mail', kind: 'queue', messageTtlMs: 500, deadLetterExchange: 'dlx' },
        { id: 'audit', kind: 'queue', maxLength: 5, deadLetterExchange: 'dlx' },
        service('billing-svc', 5, { failureRate: 0.2 }),
        ...DLX_NODES,
      ],
      [
        { from: 'orders', to: 'x' },
        { from: 'x', to: 'billing' },
        { from: 'x', to: 'mail' },
        { from: 'x', to: 'audit' },
        { from: 'billing', to: 'billing-svc' },
        { from: 'billing', to: 'dlx' },
        { from: 'mail', to: 'dlx' },
        { from: 'audit', to: 'dlx' },
        ...DLX_LINKS,
      ],
    );
    const tags = new Map<string, number>();
    sim.on((ev) => {
      if (ev.type !== 'message.dead_lettered') return;
      const death = (ev.msg.meta?.deaths as Death[])[0]!;
      expect(death.reason).toBe(ev.reason);
      const tag = `${death.queue}/${death.reason}`;
      tags.set(tag, (tags.get(tag) ?? 0) + 1);
    });
    sim.runUntil(20_000);
    const rejected = stat(sim, 'billing', 'nacked');
    expect(rejected).toBeGreaterThan(5);
    expect(Object.fromEntries(tags)).toEqual({ 'billing/rejected': rejected, 'mail/expired': 100, 'audit/maxlen': 95 });
    expect(stat(sim, 'dlq', 'parkedByReason')).toEqual({ rejected, expired: 100, maxlen: 95 });
    expect(sim.ledger.totals().deadLettered).toBe(rejected + 100 + 95);
    expect(sim.node('dlq').backlogNow()).toBe(rejected + 100 + 95);
  });

  it('a dead letter takes the dead-letter routing key, and loses its per-message expiration on the way', () => {
    const sim = build(
      [
        producer('orders', 1, { limit: 1, startMs: 1e9 }),
        { id: 'q', kind: 'queue', deadLetterExchange: 'dlx', deadLetterRoutingKey: 'order.expired' },
        { id: 'dlx', kind: 'exchange', type: 'direct' },
        { id: 'expired', kind: 'queue', messageTtlMs: 60_000 },
        { id: 'other', kind: 'queue' },
      ],
      [
        { from: 'orders', to: 'q' },
        { from: 'q', to: 'dlx' },
        { from: 'dlx', to: 'expired', bindingKey: 'order.expired' },
        { from: 'dlx', to: 'other', bindingKey: 'OrderCreated' },
      ],
    );
    const msg = publishWith(sim, 'orders', 'q', { expirationMs: 100 });
    sim.runUntil(1_000);
    expect(stat(sim, 'expired', 'ready')).toBe(1);
    expect(stat(sim, 'other', 'ready')).toBe(0);
    expect(msg.meta).toMatchObject({ routingKey: 'order.expired', originalExpirationMs: 100, deathReason: 'expired' });
    expect(msg.meta?.expirationMs).toBeUndefined();
  });

  it('a message dead-lettered back into the queue it expired in is dropped as a cycle', () => {
    const sim = build(
      [producer('orders', 10, { limit: 20 }), { id: 'q', kind: 'queue', messageTtlMs: 100, deadLetterExchange: 'dlx' }, { id: 'dlx', kind: 'exchange', type: 'fanout' }],
      [{ from: 'orders', to: 'q' }, { from: 'q', to: 'dlx' }, { from: 'dlx', to: 'q' }],
    );
    sim.runUntil(10_000);
    expect(stat(sim, 'q', 'dropped')).toEqual({ 'dead-letter cycle': 20 });
  });

  it('the delayed-retry pattern (reject to a wait queue with a TTL, then back) is not a cycle: every order is processed', () => {
    const sim = build(
      [
        producer('orders', 10, { limit: 100 }),
        { id: 'work', kind: 'queue', onNack: 'dead-letter', deadLetterExchange: 'to-wait' },
        { id: 'to-wait', kind: 'exchange', type: 'fanout' },
        { id: 'wait', kind: 'queue', messageTtlMs: 500, deadLetterExchange: 'to-work' },
        { id: 'to-work', kind: 'exchange', type: 'fanout' },
        service('billing', 20, { failureRate: 0.4 }),
      ],
      [
        { from: 'orders', to: 'work' },
        { from: 'work', to: 'billing' },
        { from: 'work', to: 'to-wait' },
        { from: 'to-wait', to: 'wait' },
        { from: 'wait', to: 'to-work' },
        { from: 'to-work', to: 'work' },
      ],
      [],
      3,
    );
    sim.runUntil(60_000);
    expect(stat(sim, 'work', 'nacked')).toBeGreaterThan(30);
    expect(sim.ledger.totals()).toMatchObject({ published: 100, processed: 100, dropped: 0 });
  });
});
