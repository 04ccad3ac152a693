import { describe, expect, it } from 'vitest';
import { formatIssues } from '../../engine/errors';
import type { Message } from '../../engine/message';
import { builtin } from '../../../scenarios';
import { Rng } from '../../engine/rng';
import { Simulation } from '../../engine/simulation';
import { checkInvariantEveryEvent, InvariantChecker } from '../../testing/invariant';
import type { Death } from './dead-letter';
import { CATALOG, parseScenario } from '../../catalog';

function build(nodes: unknown[], links: unknown[], actions: unknown[] = [], seed = 1): Simulation {
  const parsed = parseScenario({ id: 'queue-test', title: 'queue test', pattern: 'rabbitmq', seed, nodes, links, actions });
  if (!parsed.ok) throw new Error(formatIssues(parsed.issues));
  return new Simulation(CATALOG, parsed.scenario);
}

/** A producer publishing `limit` messages evenly at `rate` per second (or forever without a limit). */
function producer(id: string, rate: number, limit?: number, more: Record<string, unknown> = {}) {
  return { id, kind: 'producer', ratePerSec: rate, arrivals: 'constant', eventType: 'OrderCreated', limit, ...more };
}

/** A consumer taking `ms` per message, one at a time unless told otherwise. */
function consumer(id: string, ms: number, more: Record<string, unknown> = {}) {
  return { id, kind: 'service', serviceTime: { dist: 'constant', ms }, ...more };
}

/** A dead-letter exchange and a dead-letter queue behind it that parks what arrives. */
const DLX_NODES = [
  { id: 'dlx', kind: 'exchange', type: 'fanout' },
  { id: 'dlq', kind: 'queue', deadLetterQueue: true },
];
const DLX_LINKS = [{ from: 'dlx', to: 'dlq' }];

function stat<T = number>(sim: Simulation, node: string, field: string): T {
  return sim.node(node).stats()[field] as T;
}

/** Publishes one message with its own `meta` (say a per-message expiration) from `from` to `to`. */
function publishWith(sim: Simulation, from: string, to: string, meta: Record<string, unknown>): Message {
  const msg = sim.publish(sim.node(from), 'OrderCreated', undefined, meta);
  sim.send(sim.link(from, to)!, msg, 'publish');
  return msg;
}

describe('competing consumers', () => {
  it('300 messages shared by 3 identical consumers: about 100 each, round-robin', () => {
    const sim = build(
      [producer('orders', 25, 300), { id: 'q', kind: 'queue' }, consumer('c1', 100), consumer('c2', 100), consumer('c3', 100)],
      [{ from: 'orders', to: 'q' }, { from: 'q', to: 'c1' }, { from: 'q', to: 'c2' }, { from: 'q', to: 'c3' }],
    );
    sim.runUntil(20_000);
    const per = stat<Record<string, { delivered: number }>>(sim, 'q', 'consumers');
    for (const c of ['c1', 'c2', 'c3']) {
      expect(per[c]!.delivered).toBeGreaterThanOrEqual(99);
      expect(per[c]!.delivered).toBeLessThanOrEqual(101);
      expect(sim.node(c).processed).toBe(per[c]!.delivered);
    }
    expect(sim.ledger.totals()).toMatchObject({ published: 300, processed: 300, duplicates: 0 });
  });

  it('prefetch 3: a slow consumer never holds more than 3 unacked messages, and does hold 3 under load', () => {
    const sim = build(
      [producer('orders', 20), { id: 'q', kind: 'queue', prefetch: 3 }, consumer('slow', 200)],
      [{ from: 'orders', to: 'q' }, { from: 'q', to: 'slow', latency: { dist: 'constant', ms: 20 } }],
    );
    let most = 0;
    while (sim.now < 10_000 && sim.step()) {
      const held = stat<Record<string, { unacked: number }>>(sim, 'q', 'consumers').slow!.unacked;
      expect(held).toBeLessThanOrEqual(3);
      most = Math.max(most, held);
    }
    expect(most).toBe(3);
    // The rest waits in the queue, not in the consumer.
    expect(stat(sim, 'q', 'ready')).toBeGreaterThan(100);
  });
});

describe('acknowledgements', () => {
  it('a consumer that goes offline after processing, before its ack arrives, gets the message redelivered and processed twice', () => {
    // One message at t=1 s; it reaches the consumer at 1.05 s and is processed by 1.15 s; the ack
    // needs 50 ms to get back, but the consumer goes offline at 1.17 s, closing its channel.
    const sim = build(
      [producer('orders', 1, 1), { id: 'q', kind: 'queue' }, consumer('c', 100)],
      [{ from: 'orders', to: 'q' }, { from: 'q', to: 'c', latency: { dist: 'constant', ms: 50 } }],
      [{ at: 1170, do: 'offline', node: 'c' }, { at: 2000, do: 'online', node: 'c' }],
    );
    const deliveries: { t: number; redelivered: boolean }[] = [];
    sim.on((ev) => {
      if (ev.type === 'message.sent' && ev.from === 'q') deliveries.push({ t: ev.t, redelivered: ev.msg.redelivered });
    });
    sim.runUntil(5_000);
    expect(deliveries).toEqual([{ t: 1000, redelivered: false }, { t: 2000, redelivered: true }]);
    expect(sim.ledger.totals()).toMatchObject({ published: 1, processed: 2, duplicates: 1, done: 1 });
    expect(sim.node('q').stats()).toMatchObject({ requeued: 1, redelivered: 1, acked: 1, unacked: 0, ready: 0 });
  });

  it('a consumer that goes offline mid-processing gets its unacked messages requeued, in order, to the other consumer, with no duplicate', () => {
    const sim = build(
      [producer('orders', 10, 40), { id: 'q', kind: 'queue', prefetch: 5 }, consumer('a', 400), consumer('b', 50)],
      [{ from: 'orders', to: 'q' }, { from: 'q', to: 'a' }, { from: 'q', to: 'b' }],
      [{ at: 2050, do: 'offline', node: 'a' }],
    );
    let closed: { consumer: string; requeued: number } | undefined;
    const order: number[] = [];
    sim.on((ev) => {
      if (ev.type === 'queue.channel_closed') closed = { consumer: ev.consumer, requeued: ev.requeued };
      if (ev.type === 'message.requeued') order.push(ev.msg.id);
    });
    sim.runUntil(10_000);
    expect(closed?.consumer).toBe('a');
    expect(closed!.requeued).toBeGreaterThan(0);
    // Back at the head in their original order: requeued last-first, so the oldest ends up first.
    expect(order).toEqual([...order].sort((x, y) => y - x));
    expect(sim.ledger.totals()).toMatchObject({ published: 40, processed: 40, duplicates: 0, dropped: 0 });
    expect(stat(sim, 'q', 'redelivered')).toBe(closed!.requeued);
  });

  it('auto-ack: a consumer that goes offline loses every message it held, counted as dropped with the reason', () => {
    const scenario = (ack: string) =>
      build(
        [producer('orders', 10, 50), { id: 'q', kind: 'queue', ack }, consumer('c', 200)],
        [{ from: 'orders', to: 'q' }, { from: 'q', to: 'c' }],
        [{ at: 3000, do: 'offline', node: 'c' }, { at: 4000, do: 'online', node: 'c' }],
      );
    const auto = scenario('auto');
    auto.runUntil(3000);
    // Auto-ack pushes everything at once: what the consumer has not finished is at risk.
    const held = (stat<Record<string, { delivered: number }>>(auto, 'q', 'consumers').c!.delivered) - auto.node('c').processed;
    expect(held).toBeGreaterThan(10);
    auto.runUntil(30_000);
    expect(stat<Record<string, number>>(auto, 'q', 'dropped')).toEqual({ 'auto-ack: consumer went offline': held });
    expect(auto.ledger.totals()).toMatchObject({ published: 50, dropped: held, processed: 50 - held });

    // The same outage with manual acks loses nothing.
    const manual = scenario('manual');
    manual.runUntil(30_000);
    expect(manual.ledger.totals()).toMatchObject({ published: 50, dropped: 0, processed: 50, duplicates: 0 });
  });
});

describe('nack, reject and the delivery limit', () => {
  it('a nack with requeue loops the message back until it succeeds; a nack to the dead-letter exchange parks it as rejected', () => {
    const scenario = (onNack: string) =>
      build(
        [producer('orders', 20, 200), { id: 'q', kind: 'queue', onNack, deadLetterExchange: 'dlx' }, consumer('c', 10, { failureRate: 0.3 }), ...DLX_NODES],
        [{ from: 'orders', to: 'q' }, { from: 'q', to: 'c' }, { from: 'q', to: 'dlx' }, ...DLX_LINKS],
        [],
        7,
      );
    const requeue = scenario('requeue');
    requeue.runUntil(60_000);
    const nacks = stat(requeue, 'q', 'nacked');
    expect(nacks).toBeGreaterThan(30);
    expect(requeue.node('q').stats()).toMatchObject({ requeued: nacks, redelivered: nacks, parked: 0 });
    expect(requeue.ledger.totals()).toMatchObject({ processed: 200, deadLettered: 0, dropped: 0 });

    const reject = scenario('dead-letter');
    reject.runUntil(60_000);
    const rejected = stat(reject, 'q', 'nacked');
    expect(rejected).toBeGreaterThan(30);
    expect(stat(reject, 'q', 'deadLettered')).toEqual({ rejected });
    expect(stat(reject, 'dlq', 'parkedByReason')).toEqual({ rejected });
    expect(reject.ledger.totals()).toMatchObject({ processed: 200 - rejected, deadLettered: rejected, dropped: 0 });
  });

  it('deliveryLimit on a classic queue is refused at load, located, in both languages (x-delivery-limit is quorum only; issue 9, defect 10)', () => {
    const doc = (queue: object) => ({
      id: 't', title: 't', seed: 1,
      nodes: [{ id: 'p', kind: 'producer', ratePerSec: 1 }, { id: 'q', kind: 'queue', ...queue }, { id: 'c', kind: 'service' }],
      links: [{ from: 'p', to: 'q' }, { from: 'q', to: 'c' }],
    });
    for (const queue of [{ deliveryLimit: 3 }, { queueType: 'classic', deliveryLimit: -1 }]) {
      const en = parseScenario(doc(queue), 'en');
      const es = parseScenario(doc(queue), 'es');
      if (en.ok || es.ok) throw new Error('a classic queue with deliveryLimit was accepted');
      expect(en.issues).toHaveLength(1);
      expect(en.issues[0]!.path).toMatch(/^nodes\[1\] \("q"\)\.deliveryLimit$/);
      expect(es.issues.map((i) => i.path)).toEqual(en.issues.map((i) => i.path));
      expect(en.issues[0]!.message).toContain('quorum queues only');
      expect(es.issues[0]!.message).toContain('solo se aplica a colas quorum');
    }
    expect(parseScenario(doc({ queueType: 'quorum', deliveryLimit: 3 }), 'en').ok).toBe(true);
    expect(parseScenario(doc({}), 'en').ok).toBe(true);
  });

  it('a poison message in a queue with delivery limit 3 is delivered 4 times, then dead-lettered as delivery_limit', () => {
    const limit = 3;
    const sim = build(
      [producer('orders', 1, 1), { id: 'q', kind: 'queue', queueType: 'quorum', deliveryLimit: limit, deadLetterExchange: 'dlx' }, consumer('c', 10, { failureRate: 1 }), ...DLX_NODES],
      [{ from: 'orders', to: 'q' }, { from: 'q', to: 'c' }, { from: 'q', to: 'dlx' }, ...DLX_LINKS],
    );
    const parked: Message[] = [];
    sim.on((ev) => {
      if (ev.type === 'message.dead_lettered') parked.push(ev.msg);
    });
    sim.runUntil(10_000);
    // "Delivered unsuccessfully more than the limit": the limit, plus the one that crosses it.
    expect(sim.ledger.totals().delivered).toBe(limit + 1);
    expect(parked.map((m) => m.meta?.deathReason)).toEqual(['delivery_limit']);
    expect(stat(sim, 'q', 'deadLettered')).toEqual({ delivery_limit: 1 });
  });

  it('a quorum queue stops a poison message after 21 deliveries (its default limit of 20, RabbitMQ 4.0); a classic queue never does', () => {
    const scenario = (queueType: string) =>
      build(
        [producer('orders', 1, 1), { id: 'q', kind: 'queue', queueType }, consumer('c', 10, { failureRate: 1 })],
        [{ from: 'orders', to: 'q' }, { from: 'q', to: 'c' }],
      );
    const quorum = scenario('quorum');
    quorum.runUntil(10_000);
    expect(quorum.ledger.totals()).toMatchObject({ delivered: 21, dropped: 1 });
    expect(stat(quorum, 'q', 'dropped')).toEqual({ delivery_limit: 1 });
    const classic = scenario('classic');
    classic.runUntil(10_000);
    expect(classic.ledger.totals().delivered).toBeGreaterThan(500);
    expect(classic.ledger.totals().dropped).toBe(0);
  });
});

describe('TTL', () => {
  it('an expired message behind a live one stays, and counts, until it reaches the head', () => {
    // Two messages with their own expiration, then 20 plain ones arriving behind them.
    const sim = build(
      [producer('orders', 10, 20), { id: 'q', kind: 'queue' }],
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
      [producer('orders', ratePerSec), { id: 'q', kind: 'queue', messageTtlMs: ttlMs }, consumer('c', 10, { online: false })],
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
      [producer('orders', 1, 1), { id: 'q', kind: 'queue', messageTtlMs: 1_500 }, consumer('c', 400, { failureRate: 1 })],
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
      [producer('orders', 100, 50), { id: 'q', kind: 'queue', maxLength: 10, overflow }],
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
        producer('orders', 100, 50),
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

describe('dead-lettering', () => {
  it('the dead-letter queue records why each message died: rejected, expired, maxlen', () => {
    const sim = build(
      [
        producer('orders', 20, 100),
        { id: 'x', kind: 'exchange', type: 'fanout' },
        { id: 'billing', kind: 'queue', onNack: 'dead-letter', deadLetterExchange: 'dlx' },
        { id: 'mail', kind: 'queue', messageTtlMs: 500, deadLetterExchange: 'dlx' },
        { id: 'audit', kind: 'queue', maxLength: 5, deadLetterExchange: 'dlx' },
        consumer('billing-svc', 5, { failureRate: 0.2 }),
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
        producer('orders', 1, 1, { startMs: 1e9 }),
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
      [producer('orders', 10, 20), { id: 'q', kind: 'queue', messageTtlMs: 100, deadLetterExchange: 'dlx' }, { id: 'dlx', kind: 'exchange', type: 'fanout' }],
      [{ from: 'orders', to: 'q' }, { from: 'q', to: 'dlx' }, { from: 'dlx', to: 'q' }],
    );
    sim.runUntil(10_000);
    expect(stat(sim, 'q', 'dropped')).toEqual({ 'dead-letter cycle': 20 });
  });

  it('the delayed-retry pattern (reject to a wait queue with a TTL, then back) is not a cycle: every order is processed', () => {
    const sim = build(
      [
        producer('orders', 10, 100),
        { id: 'work', kind: 'queue', onNack: 'dead-letter', deadLetterExchange: 'to-wait' },
        { id: 'to-wait', kind: 'exchange', type: 'fanout' },
        { id: 'wait', kind: 'queue', messageTtlMs: 500, deadLetterExchange: 'to-work' },
        { id: 'to-work', kind: 'exchange', type: 'fanout' },
        consumer('billing', 20, { failureRate: 0.4 }),
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

describe('outages', () => {
  it('THE OUTAGE TEST: 10 msg/s, one consumer of 20/s offline from 10 s to 20 s: the backlog peaks near 100 and is near zero again by about 30 s', () => {
    const lambda = 10; // msg/s
    const mu = 20; // msg/s: serviceTime 50 ms, concurrency 1
    const from = 10_000;
    const to = 20_000;
    const sim = build(
      [producer('orders', lambda), { id: 'q', kind: 'queue' }, consumer('c', 1000 / mu)],
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
      [producer('orders', 10, 30), { id: 'q', kind: 'queue' }, consumer('c', 20, { online: false })],
      [{ from: 'orders', to: 'q' }, { from: 'q', to: 'c' }],
      [{ at: 1_050, do: 'offline', node: 'q' }, { at: 2_050, do: 'online', node: 'q' }, { at: 5_000, do: 'online', node: 'c' }],
    );
    sim.runUntil(10_000);
    expect(stat(sim, 'q', 'dropped')).toEqual({ 'queue offline': 10 });
    expect(sim.ledger.totals()).toMatchObject({ published: 30, processed: 20, dropped: 10 });
  });

  it('purge empties the ready messages', () => {
    const sim = build([producer('orders', 10, 30), { id: 'q', kind: 'queue' }], [{ from: 'orders', to: 'q' }], [{ at: 5_000, do: 'command', node: 'q', command: 'purge' }]);
    sim.runUntil(6_000);
    expect(sim.node('q').stats()).toMatchObject({ ready: 0, dropped: { purged: 30 } });
  });
});

const ROUTING_KEYS = ['order.eu.created', 'order.us.created', 'order.eu.paid', 'user.registered'];
const BINDINGS = ['order.*.created', 'order.#', '#', 'order.eu.*', '*.*.paid', 'user.registered', 'order.eu.created', ''];

/**
 * A random RabbitMQ topology drawn from `seed`: producers publishing to an exchange or straight to
 * a queue; queues with random prefetch, ack mode, TTL, max length, overflow, nack handling,
 * delivery limits and a dead-letter exchange (whose queue may send its dead letters back through
 * a TTL: the delayed-retry loop); consumers with random speed and failure rates; lossy or slow
 * links; consumers, queues and the exchange going offline; a link partitioned for a while.
 */
export function randomRabbitScenario(seed: number): unknown {
  const r = new Rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[r.int(xs.length)]!;
  const maybe = (p: number) => r.next() < p;
  const latency = () => (maybe(0.5) ? undefined : { dist: 'uniform', minMs: 0, maxMs: 1 + r.int(60) });
  const nodes: Record<string, unknown>[] = [
    { id: 'x', kind: 'exchange', type: pick(['direct', 'fanout', 'topic', 'topic']), ...(maybe(0.3) ? { alternateExchange: 'ae' } : {}) },
    { id: 'ae', kind: 'exchange', type: 'fanout' },
    { id: 'unrouted', kind: 'queue', deadLetterQueue: true },
    { id: 'dlx', kind: 'exchange', type: 'fanout' },
  ];
  const links: Record<string, unknown>[] = [
    { from: 'x', to: 'ae' },
    { from: 'ae', to: 'unrouted' },
  ];
  const actions: Record<string, unknown>[] = [];
  const outage = (node: string) => {
    const at = r.int(8_000);
    actions.push({ at, do: 'offline', node }, { at: at + r.int(3_000), do: 'online', node });
  };
  const queues = 1 + r.int(3);
  for (let i = 0; i < queues; i++) {
    const q = `q${i}`;
    nodes.push({
      id: q, kind: 'queue', prefetch: r.int(4), ack: maybe(0.2) ? 'auto' : 'manual', queueType: maybe(0.3) ? 'quorum' : 'classic',
      onNack: maybe(0.5) ? 'requeue' : 'dead-letter',
      ...(maybe(0.3) ? { messageTtlMs: r.int(2_000) } : {}),
      ...(maybe(0.3) ? { maxLength: r.int(30), overflow: pick(['drop-head', 'reject-publish']) } : {}),
      ...(maybe(0.6) ? { deadLetterExchange: 'dlx' } : {}),
      ...(maybe(0.3) ? { queueType: 'quorum', deliveryLimit: r.int(5) - 1 } : {}),
    });
    links.push({ from: 'x', to: q, bindingKey: pick(BINDINGS), latency: latency() });
    links.push({ from: q, to: 'dlx', latency: latency() });
    for (let c = r.int(4); c > 0; c--) {
      const id = `${q}-c${c}`;
      nodes.push({
        id, kind: 'service', concurrency: 1 + r.int(3), failureRate: maybe(0.4) ? r.next() * 0.5 : 0,
        serviceTime: { dist: 'exponential', meanMs: 5 + r.int(150) },
      });
      links.push({ from: q, to: id, latency: latency(), ...(maybe(0.1) ? { loss: 0.02 } : {}) });
      for (let k = r.int(3); k > 0; k--) outage(id);
    }
    if (maybe(0.1)) outage(q);
  }
  // The dead-letter queue parks, or feeds a delayed retry back into the exchange.
  const retry = maybe(0.4);
  nodes.push({ id: 'dlq', kind: 'queue', deadLetterQueue: !retry, ...(retry ? { messageTtlMs: 200 + r.int(800), deadLetterExchange: 'x' } : {}) });
  links.push({ from: 'dlx', to: 'dlq' });
  if (retry) links.push({ from: 'dlq', to: 'x' });
  for (let p = 1 + r.int(2); p > 0; p--) {
    const id = `p${p}`;
    nodes.push({ id, kind: 'producer', ratePerSec: 1 + r.int(40), burst: 1 + r.int(3), eventType: pick(ROUTING_KEYS) });
    links.push({ from: id, to: maybe(0.8) ? 'x' : `q${r.int(queues)}`, latency: latency() });
  }
  if (maybe(0.2)) outage('x');
  if (maybe(0.2)) {
    const at = r.int(8_000);
    actions.push({ at, do: 'partition', from: 'x', to: 'q0' }, { at: at + r.int(2_000), do: 'heal', from: 'x', to: 'q0' });
  }
  return { id: `random-rabbit-${seed}`, title: 'random rabbit', pattern: 'rabbitmq', seed, nodes, links, actions };
}

describe('message accounting', () => {
  it('on 120 random RabbitMQ topologies with outages, failures, TTLs, limits and dead letters, every copy is accounted for after every event', () => {
    let events = 0;
    let deadLettered = 0;
    let duplicates = 0;
    for (let seed = 1; seed <= 120; seed++) {
      const parsed = parseScenario(randomRabbitScenario(seed));
      if (!parsed.ok) throw new Error(formatIssues(parsed.issues));
      const sim = new Simulation(CATALOG, parsed.scenario);
      const queues = parsed.scenario.nodes.filter((n) => n.kind === 'queue').map((n) => n.id);
      // A second oracle, by place: how many copies the trace says wait or are parked in each queue.
      const waitingIn = new Map<number, string>();
      const held = new Map<string, number>(queues.map((q) => [q, 0]));
      sim.on((ev) => {
        if (!('msg' in ev)) return;
        const was = waitingIn.get(ev.msg.id);
        if (was !== undefined) {
          waitingIn.delete(ev.msg.id);
          held.set(was, held.get(was)! - 1);
        }
        if ((ev.type === 'message.enqueued' || ev.type === 'message.requeued' || ev.type === 'message.dead_lettered') && held.has(ev.node)) {
          waitingIn.set(ev.msg.id, ev.node);
          held.set(ev.node, held.get(ev.node)! + 1);
        }
      });
      const checker = new InvariantChecker(sim);
      try {
        while (sim.scheduler.peekTime() <= 10_000 && sim.step()) {
          events++;
          checker.check();
          for (const q of queues) {
            const n = sim.node(q).backlogNow();
            if (n !== held.get(q)) throw new Error(`seed ${seed}, t=${sim.now}: ${q} holds ${n}, the trace says ${held.get(q)}`);
          }
        }
        checker.checkFromScratch();
      } finally {
        checker.dispose();
      }
      let parked = 0;
      for (const q of queues) parked += stat(sim, q, 'parked');
      expect(sim.ledger.totals().deadLettered, `seed ${seed}`).toBe(parked);
      deadLettered += parked;
      duplicates += sim.ledger.duplicates;
    }
    // The runs did exercise what they claim to.
    expect(events).toBeGreaterThan(100_000);
    expect(deadLettered).toBeGreaterThan(100);
    expect(duplicates).toBeGreaterThan(0);
  }, 120_000);
});

describe('the built-in scenario rabbitmq-order-created', () => {
  it('does what its description says: shipping keeps its orders through the outage, stale notifications and failing payments end in the dead-letter queue', () => {
    const scenario = builtin('rabbitmq-order-created')!;
    const sim = new Simulation(CATALOG, scenario);
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
