import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../catalog';
import { producer, service, stat } from '../../testing/harness';
import { build, publishWith } from './queue.fixture';

// What leaves a queue unconsumed: per-message and per-queue TTL, and the max-length overflow modes.

describe('TTL', () => {
  it('an expired message behind a live one stays, and counts, until it reaches the head', () => {
    // Two messages with their own expiration, then 20 plain ones arriving behind them.
    const sim = build(
      [producer('orders', 10, { limit: 20 }), { id: 'q', kind: 'queue' }],
      [{ from: 'orders', to: 'q' }],
    );
    const expiredAt: number[] = [];
    sim.on((ev) => {
      if (ev.type === 'message.dropped' && ev.reason === 'expired') expiredAt.push(ev.t);
    });
    publishWith(sim, 'orders', 'q', { expirationMs: 10_000 });
    publishWith(sim, 'orders', 'q', { expirationMs: 1_000 });
    sim.runUntil(5_000);
    // The second one expired at 1 s, but the head is still alive.
    expect(sim.node('q').stats()).toMatchObject({ ready: 22, expired: 0 });
    sim.runUntil(12_000);
    // Both leave when the head expires at 10 s.
    expect(expiredAt).toEqual([10_000, 10_000]);
    expect(sim.node('q').stats()).toMatchObject({ ready: 20, expired: 2 });
  });

  it('with a 1 s queue TTL and its consumer away, at 10 msg/s about 10 messages sit in the queue and the rest expire', () => {
    const ratePerSec = 10;
    const ttlMs = 1000;
    const sim = build(
      [producer('orders', ratePerSec), { id: 'q', kind: 'queue', messageTtlMs: ttlMs }, service('c', 10, { online: false })],
      [{ from: 'orders', to: 'q' }, { from: 'q', to: 'c' }],
    );
    const expected = (ratePerSec * ttlMs) / 1000;
    for (let t = 5_000; t <= 30_000; t += 1_250) {
      sim.runUntil(t);
      expect(Math.abs(stat(sim, 'q', 'ready') - expected)).toBeLessThanOrEqual(1);
    }
    const published = stat(sim, 'orders', 'published');
    expect(stat(sim, 'q', 'expired')).toBe(published - stat(sim, 'q', 'ready'));
  });

  it('a requeued message keeps its original expiry', () => {
    const sim = build(
      [producer('orders', 1, { limit: 1 }), { id: 'q', kind: 'queue', messageTtlMs: 1_500 }, service('c', 400, { failureRate: 1 })],
      [{ from: 'orders', to: 'q' }, { from: 'q', to: 'c' }],
    );
    let expiredAt = -1;
    sim.on((ev) => {
      if (ev.type === 'message.dropped' && ev.reason === 'expired') expiredAt = ev.t;
    });
    sim.runUntil(10_000);
    // Enqueued at 1 s; nacked and requeued every 400 ms; it expires 1.5 s after it first arrived.
    expect(expiredAt).toBeGreaterThanOrEqual(2_500);
    expect(expiredAt).toBeLessThanOrEqual(2_500 + 400);
    expect(sim.ledger.totals().delivered).toBe(Math.ceil(1_500 / 400));
  });
});

describe('max length', () => {
  const run = (overflow: string) => {
    const sim = build(
      [producer('orders', 100, { limit: 50 }), { id: 'q', kind: 'queue', maxLength: 10, overflow }],
      [{ from: 'orders', to: 'q' }],
    );
    const publishedOrder: number[] = [];
    const left = new Set<number>();
    sim.on((ev) => {
      if (ev.type === 'message.published') publishedOrder.push(ev.msg.id);
      if (ev.type === 'message.dropped') left.add(ev.msg.id);
    });
    sim.runUntil(5_000);
    return { sim, kept: publishedOrder.filter((id) => !left.has(id)), publishedOrder };
  };

  it('drop-head (the default) keeps the newest 10 of 50 and drops the 40 oldest as maxlen', () => {
    const { sim, kept, publishedOrder } = run('drop-head');
    expect(kept).toEqual(publishedOrder.slice(-10));
    expect(stat(sim, 'q', 'dropped')).toEqual({ maxlen: 40 });
  });

  it('reject-publish keeps the first 10 of 50 and turns the other 40 away', () => {
    const { sim, kept, publishedOrder } = run('reject-publish');
    expect(kept).toEqual(publishedOrder.slice(0, 10));
    expect(stat(sim, 'q', 'dropped')).toEqual({ 'reject-publish': 40 });
  });

  it('reject-publish-dlx keeps the first 10 of 50 and dead-letters the other 40 as maxlen', () => {
    const sim = build(
      [
        producer('orders', 100, { limit: 50 }),
        { id: 'q', kind: 'queue', maxLength: 10, overflow: 'reject-publish-dlx', deadLetterExchange: 'dlx' },
        { id: 'dlx', kind: 'exchange', type: 'fanout' },
        { id: 'dlq', kind: 'queue', deadLetterQueue: true },
      ],
      [{ from: 'orders', to: 'q' }, { from: 'q', to: 'dlx' }, { from: 'dlx', to: 'dlq' }],
    );
    const first: number[] = [];
    sim.on((ev) => {
      if (ev.type === 'message.published' && first.length < 10) first.push(ev.msg.id);
    });
    sim.runUntil(5_000);
    expect(stat(sim, 'q', 'ready')).toBe(10);
    expect(stat(sim, 'q', 'deadLettered')).toEqual({ maxlen: 40 });
    expect(stat(sim, 'dlq', 'parkedByReason')).toEqual({ maxlen: 40 });
    expect(sim.ledger.totals().dropped).toBe(0);
  });

  it('reject-publish-dlx on a quorum queue is refused at load, located, in both languages', () => {
    const bad = { id: 'x', title: 'x', nodes: [{ id: 'q', kind: 'queue', queueType: 'quorum', overflow: 'reject-publish-dlx' }], links: [] };
    for (const lang of ['en', 'es'] as const) {
      const r = parseScenario(bad, lang);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues[0]!.path).toContain('overflow');
    }
  });
});
