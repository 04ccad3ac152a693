import { describe, expect, it } from 'vitest';
import type { KafkaMeta, Topic, TopicStats } from './kafka';
import { runScenario, ms, type TestRun } from '../../testing/harness';
import { checkInvariantEveryEvent } from '../../testing/invariant';

// issue #9 defect 9: the producer's retries (SEMANTICS §2 and §8; K: ProducerConfig.java):
// delivery.timeout.ms 120000, retries 2147483647, enable.idempotence true, max.in.flight 5.

const stats = (run: TestRun): TopicStats => (run.sim.node('t') as Topic).stats();

/** 10 records/s, evenly spaced, on 3 keys, into a 3-partition topic read by one consumer; the topic is down from `from` to `to`. */
function outage(from: number, to: number, topic: Record<string, unknown> = {}): TestRun {
  return runScenario({
    nodes: [
      { id: 'p', kind: 'producer', ratePerSec: 10, arrivals: 'constant', keys: 3, stopMs: to + 10_000 },
      { id: 't', kind: 'topic', partitions: 3, autoOffsetReset: 'earliest', ...topic },
      { id: 'c', kind: 'service', serviceTime: ms(1) },
    ],
    links: [{ from: 'p', to: 't', latency: ms(2) }, { from: 't', to: 'c', group: 'g', latency: ms(2) }],
    actions: [{ at: from, do: 'offline', node: 't' }, { at: to, do: 'online', node: 't' }],
  });
}

describe('defect 9: a topic outage shorter than delivery.timeout.ms loses nothing', () => {
  it('a 60 s outage at 10 records/s: all 749 records are appended, late, in publication order per partition, and processed once', () => {
    const run = outage(5_000, 65_000);
    const published: number[] = [];
    const appendedAt = new Map<number, number>();
    const byPartition = new Map<number, number[]>();
    run.sim.on((ev) => {
      if (ev.type === 'message.published') published.push(ev.msg.root);
      if (ev.type === 'message.enqueued' && ev.node === 't') {
        appendedAt.set(ev.msg.root, ev.t);
        const p = (ev.msg.meta as KafkaMeta).partition;
        byPartition.set(p, [...(byPartition.get(p) ?? []), ev.msg.root]);
      }
    });
    checkInvariantEveryEvent(run.sim, 120_000);
    expect(published).toHaveLength(749);
    expect(run.sim.ledger.totals()).toMatchObject({ dropped: 0, duplicates: 0, processed: 749 });
    // Records published during the outage reached the log when the topic came back: late, not lost.
    const during = published.filter((_, i) => (i + 1) * 100 >= 5_000 && (i + 1) * 100 < 65_000);
    expect(during.length).toBeGreaterThan(590);
    for (const root of during) expect(appendedAt.get(root)).toBeGreaterThanOrEqual(65_000);
    // Idempotence keeps each partition in publication order.
    for (const roots of byPartition.values()) expect(roots).toEqual([...roots].sort((a, b) => a - b));
    expect(stats(run).producers).toMatchObject({ expired: 0, reordered: 0, retrying: 0 });
    expect(stats(run).producers.retries).toBe(during.length);
  });

  it('a 200 s outage: records older than 120 s when it ends fail at the producer with the reason, the rest arrive', () => {
    const run = outage(10_000, 210_000);
    const reasons = new Set<string>();
    const droppedAt = new Set<string>();
    run.sim.on((ev) => {
      if (ev.type !== 'message.dropped') return;
      reasons.add(ev.reason);
      droppedAt.add(ev.node);
    });
    run.sim.runUntil(260_000);
    const s = stats(run);
    // Published from 10 s to 90 s: 800 records whose 120 s ran out before the topic came back.
    expect(s.producers.expired).toBeGreaterThanOrEqual(799);
    expect(s.producers.expired).toBeLessThanOrEqual(801);
    expect(run.sim.ledger.totals().dropped).toBe(s.producers.expired);
    expect([...droppedAt]).toEqual(['p']);
    expect([...reasons]).toEqual(['delivery.timeout.ms (120000 ms) ran out while t was unavailable: the producer gave up']);
    // Published from 90 s to 210 s: still within their delivery timeout, appended when it ended.
    expect(run.sim.ledger.totals().processed).toBe(run.sim.ledger.totals().published - s.producers.expired);
  });

  it('the delivery timeout is a setting: at 30 s, a 60 s outage fails the first 30 s of records', () => {
    const run = outage(5_000, 65_000, { deliveryTimeoutMs: 30_000 });
    run.sim.runUntil(120_000);
    expect(stats(run).producers.expired).toBeGreaterThanOrEqual(299);
    expect(stats(run).producers.expired).toBeLessThanOrEqual(301);
  });
});

describe('per-key order under producer retries (K: ProducerConfig.java, retries and max.in.flight.requests.per.connection)', () => {
  /** One key at 50 records/s; 10% of produce requests fail with a retriable error and are retried after 100 ms. */
  function retrying(topic: Record<string, unknown>): { run: TestRun; order: number[] } {
    const run = runScenario({
      nodes: [
        { id: 'p', kind: 'producer', ratePerSec: 50, arrivals: 'constant', keys: 1, limit: 500 },
        { id: 't', kind: 'topic', autoOffsetReset: 'earliest', produceErrorRate: 0.1, ...topic },
        { id: 'c', kind: 'service', serviceTime: ms(1) },
      ],
      links: [{ from: 'p', to: 't', latency: ms(2) }, { from: 't', to: 'c', group: 'g', latency: ms(2) }],
    });
    const order: number[] = [];
    run.sim.on((ev) => {
      if (ev.type === 'message.processed') order.push(ev.msg.root);
    });
    checkInvariantEveryEvent(run.sim, 30_000);
    return { run, order };
  }
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

  it('idempotence on (the default): every record once, in the order it was published, though about 50 were retried', () => {
    const { run, order } = retrying({});
    expect(order).toHaveLength(500);
    expect(order).toEqual(sorted(order));
    expect(stats(run).producers.retries).toBeGreaterThan(30);
    expect(stats(run).producers.reordered).toBe(0);
  });

  it('idempotence off with 5 requests in flight: the records sent while one was retried overtake it', () => {
    const { run, order } = retrying({ idempotence: false });
    expect(order).toHaveLength(500);
    expect(order).not.toEqual(sorted(order));
    expect(stats(run).producers.reordered).toBeGreaterThan(30);
  });

  it('idempotence off with 1 request in flight: in order again, at the cost of waiting', () => {
    const { run, order } = retrying({ idempotence: false, maxInFlight: 1 });
    expect(order).toEqual(sorted(order));
    expect(stats(run).producers.reordered).toBe(0);
  });
});

/** 10 records/s on 3 keys into a 3-partition topic; the producer→topic link is cut from `from` to `to` (settings `link`). */
function cut(from: number, to: number, link: Record<string, unknown> = {}): TestRun {
  return runScenario({
    seed: 11,
    nodes: [
      { id: 'p', kind: 'producer', ratePerSec: 10, arrivals: 'constant', keys: 3, stopMs: to + 10_000 },
      { id: 't', kind: 'topic', partitions: 3, autoOffsetReset: 'earliest' },
      { id: 'c', kind: 'service', serviceTime: ms(1) },
    ],
    links: [{ from: 'p', to: 't', latency: ms(2), ...link }, { from: 't', to: 'c', group: 'g', latency: ms(2) }],
    actions: [{ at: from, do: 'partition', from: 'p', to: 't' }, { at: to, do: 'heal', from: 'p', to: 't' }],
  });
}

describe('the producer retries over network faults within delivery.timeout.ms', () => {
  it('a 30 s partition of the producer→topic link loses no records: they arrive when it heals, in order per partition, processed once', () => {
    const run = cut(5_000, 35_000);
    const byPartition = new Map<number, number[]>();
    run.sim.on((ev) => {
      if (ev.type !== 'message.enqueued' || ev.node !== 't') return;
      const p = (ev.msg.meta as KafkaMeta).partition;
      byPartition.set(p, [...(byPartition.get(p) ?? []), ev.msg.root]);
    });
    checkInvariantEveryEvent(run.sim, 90_000);
    const totals = run.sim.ledger.totals();
    expect(totals.published).toBe(449);
    expect(totals).toMatchObject({ dropped: 0, duplicates: 0, processed: 449 });
    expect(run.of('link.lost')).toEqual([]);
    for (const roots of byPartition.values()) expect(roots).toEqual([...roots].sort((a, b) => a - b));
    expect(stats(run).producers).toMatchObject({ expired: 0, reordered: 0 });
  });

  it('a lossy producer link (20 % loss) loses nothing either: lost requests are sent again', () => {
    const run = cut(1e9, 1e9 + 1, { loss: 0.2 });
    run.sim.runUntil(30_000);
    const totals = run.sim.ledger.totals();
    expect(totals.published).toBeGreaterThan(290);
    expect(totals.dropped).toBe(0);
    expect(totals.processed).toBeGreaterThanOrEqual(totals.published - 5);
  });

  it('a partition longer than delivery.timeout.ms fails the records older than 120 s, with the reason', () => {
    const run = cut(5_000, 155_000);
    const reasons = new Set<string>();
    run.sim.on((ev) => {
      if (ev.type === 'message.dropped') reasons.add(ev.reason);
    });
    run.sim.runUntil(200_000);
    const expired = stats(run).producers.expired;
    // Published from 5 s to 35 s: 300 records older than 120 s when the link heals at 155 s.
    expect(expired).toBeGreaterThanOrEqual(299);
    expect(expired).toBeLessThanOrEqual(301);
    expect(run.sim.ledger.totals().dropped).toBe(expired);
    expect([...reasons]).toEqual(['delivery.timeout.ms (120000 ms) ran out while the network to t was cut: the producer gave up']);
  });

  it('a 150 s partition: each record still kept fails at its own send + 120 s (its producer timer, KIP-91), not when the link heals', () => {
    // Cut from 5 s to 155 s; at 10 records/s, the records sent from 5 s to 35 s run out of time before it heals.
    const run = cut(5_000, 155_000);
    const sentAt = new Map<number, number>();
    run.sim.on((ev) => {
      if (ev.type === 'message.published') sentAt.set(ev.msg.id, ev.t);
    });
    checkInvariantEveryEvent(run.sim, 200_000);
    const dropped = run.of('message.dropped');
    expect(dropped.length).toBeGreaterThanOrEqual(299);
    expect(dropped.length).toBeLessThanOrEqual(301);
    // The first fails 120 s after it was sent, at 125 s: 30 s before the link heals.
    expect(dropped[0]!.t).toBe(sentAt.get(dropped[0]!.msg.id)! + 120_000);
    expect(dropped[0]!.t).toBeLessThan(126_000);
    // Each at its own send + 120 s; one sent exactly 120 s before the heal goes out, and fails on arrival 2 ms later.
    for (const d of dropped) {
      expect(d.t - sentAt.get(d.msg.id)!).toBeGreaterThanOrEqual(120_000);
      expect(d.t - sentAt.get(d.msg.id)!).toBeLessThanOrEqual(120_000 + 100);
      expect(d.t).toBeLessThanOrEqual(155_002);
      expect(d).toMatchObject({ node: 'p', reason: 'delivery.timeout.ms (120000 ms) ran out while the network to t was cut: the producer gave up' });
    }
    // Every other record arrives once the link heals, processed once; nothing is left waiting.
    const totals = run.sim.ledger.totals();
    expect(totals.processed).toBe(totals.published - dropped.length);
    expect(totals.duplicates).toBe(0);
    expect(stats(run).producers).toMatchObject({ expired: dropped.length, retrying: 0 });
  });

  it('a topic outage that ends while the producer link is still cut loses nothing: the records wait for the link, then arrive', () => {
    const run = runScenario({
      seed: 11,
      nodes: [
        { id: 'p', kind: 'producer', ratePerSec: 10, arrivals: 'constant', keys: 3, stopMs: 60_000 },
        { id: 't', kind: 'topic', partitions: 3, autoOffsetReset: 'earliest' },
        { id: 'c', kind: 'service', serviceTime: ms(1) },
      ],
      links: [{ from: 'p', to: 't', latency: ms(2) }, { from: 't', to: 'c', group: 'g', latency: ms(2) }],
      actions: [
        { at: 5_000, do: 'offline', node: 't' }, { at: 20_000, do: 'partition', from: 'p', to: 't' },
        { at: 30_000, do: 'online', node: 't' }, { at: 40_000, do: 'heal', from: 'p', to: 't' },
      ],
    });
    checkInvariantEveryEvent(run.sim, 90_000);
    const totals = run.sim.ledger.totals();
    expect(totals.published).toBe(599);
    expect(totals).toMatchObject({ dropped: 0, duplicates: 0, processed: 599 });
  });
});
