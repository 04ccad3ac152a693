import { describe, expect, it } from 'vitest';
import type { Message } from '../../engine/message';
import { parseScenario } from '../../catalog';
import { producer, service, stat } from '../../testing/harness';
import { build, DLX_LINKS, DLX_NODES } from './queue.fixture';

// Queue basics: competing consumers, acknowledgements, nacks and the delivery limit.

describe('competing consumers', () => {
  it('300 messages shared by 3 identical consumers: about 100 each, round-robin', () => {
    const sim = build(
      [producer('orders', 25, { limit: 300 }), { id: 'q', kind: 'queue' }, service('c1', 100), service('c2', 100), service('c3', 100)],
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
      [producer('orders', 20), { id: 'q', kind: 'queue', prefetch: 3 }, service('slow', 200)],
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
      [producer('orders', 1, { limit: 1 }), { id: 'q', kind: 'queue' }, service('c', 100)],
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
      [producer('orders', 10, { limit: 40 }), { id: 'q', kind: 'queue', prefetch: 5 }, service('a', 400), service('b', 50)],
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
        [producer('orders', 10, { limit: 50 }), { id: 'q', kind: 'queue', ack }, service('c', 200)],
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
        [producer('orders', 20, { limit: 200 }), { id: 'q', kind: 'queue', onNack, deadLetterExchange: 'dlx' }, service('c', 10, { failureRate: 0.3 }), ...DLX_NODES],
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
      [producer('orders', 1, { limit: 1 }), { id: 'q', kind: 'queue', queueType: 'quorum', deliveryLimit: limit, deadLetterExchange: 'dlx' }, service('c', 10, { failureRate: 1 }), ...DLX_NODES],
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
        [producer('orders', 1, { limit: 1 }), { id: 'q', kind: 'queue', queueType }, service('c', 10, { failureRate: 1 })],
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
