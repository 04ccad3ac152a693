import { describe, expect, it } from 'vitest';
import type { Message } from '../../engine/message';
import { runScenario } from '../../testing/harness';
import { rangeOwner } from './consumer-group';
import { murmur2 } from './kafka';
import { fast, meta, processedAt, topicStats } from './kafka.fixture';

// Partitioning and consumer groups: where a record lands, and who reads it.

describe('partitioning', () => {
  it("murmur2 gives the values of Kafka's own UtilsTest", () => {
    const bytes = (s: string) => new TextEncoder().encode(s);
    expect(murmur2(bytes('21'))).toBe(-973932308);
    expect(murmur2(bytes('foobar'))).toBe(-790332482);
    expect(murmur2(bytes('a-little-bit-long-string'))).toBe(-985981536);
    expect(murmur2(bytes('a-little-bit-longer-string'))).toBe(-1486304829);
    expect(murmur2(bytes('lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8'))).toBe(-58897971);
    expect(murmur2(bytes('abc'))).toBe(479470107);
  });

  it('a key always lands on the same partition, toPositive(murmur2(key)) % n, and 50 keys use all 4 partitions', () => {
    const { sim, trace: events } = runScenario({
      nodes: [
        { id: 'orders', kind: 'producer', ratePerSec: 50, keys: 50, keyPrefix: 'order' },
        { id: 't', kind: 'topic', partitions: 4 },
      ],
      links: [{ from: 'orders', to: 't' }],
    });
    sim.runUntil(20_000);
    const partitionsOf = new Map<string, Set<number>>();
    for (const ev of events) {
      if (ev.type !== 'message.enqueued') continue;
      const key = ev.msg.key!;
      if (!partitionsOf.has(key)) partitionsOf.set(key, new Set());
      partitionsOf.get(key)!.add(meta(ev.msg).partition);
    }
    expect(partitionsOf.size).toBe(50);
    const used = new Set<number>();
    for (const [key, parts] of partitionsOf) {
      expect(parts.size).toBe(1);
      const p = [...parts][0]!;
      expect(p).toBe((murmur2(new TextEncoder().encode(key)) & 0x7fffffff) % 4);
      used.add(p);
    }
    expect(used.size).toBe(4);
  });

  it('records without a key stick to one partition for 16 records, then move on, so 480 records spread 160 to each of 3', () => {
    const { sim, trace: events } = runScenario({
      nodes: [
        { id: 'p', kind: 'producer', ratePerSec: 100, limit: 480 },
        { id: 't', kind: 'topic', partitions: 3 },
      ],
      links: [{ from: 'p', to: 't' }],
    });
    sim.runUntil(10_000);
    const sequence = events.filter((e) => e.type === 'message.enqueued').map((e) => meta(e.msg).partition);
    expect(sequence).toHaveLength(480);
    for (let i = 0; i < 480; i += 16) expect(new Set(sequence.slice(i, i + 16)).size).toBe(1);
    expect(topicStats(sim).log.map((l) => l.logEnd)).toEqual([160, 160, 160]);
  });
});

describe('consumer groups', () => {
  it('order holds within a partition and not across partitions', () => {
    // Two members, three partitions, random service times: each partition is read in offset order...
    const { sim, trace: events } = runScenario({
      nodes: [
        { id: 'p', kind: 'producer', ratePerSec: 20, keys: 30, stopMs: 10_000 },
        { id: 't', kind: 'topic', partitions: 3 },
        { id: 'a', kind: 'service', concurrency: 2, serviceTime: { dist: 'exponential', meanMs: 40 } },
        { id: 'b', kind: 'service', concurrency: 2, serviceTime: { dist: 'exponential', meanMs: 40 } },
      ],
      links: [{ from: 'p', to: 't' }, { from: 't', to: 'a', group: 'g' }, { from: 't', to: 'b', group: 'g' }],
    });
    sim.runUntil(15_000);
    const processed = processedAt(events, ['a', 'b']);
    expect(processed.length).toBe(topicStats(sim).appended);
    const last = [-1, -1, -1];
    for (const msg of processed) {
      const { partition, offset } = meta(msg);
      expect(offset).toBeGreaterThan(last[partition]!);
      last[partition] = offset;
    }
    // ...but records of different partitions finish out of publication order.
    let inversions = 0;
    for (let i = 1; i < processed.length; i++) if (processed[i]!.root < processed[i - 1]!.root) inversions++;
    expect(inversions).toBeGreaterThan(0);

    // With one partition the same workload is processed exactly in publication order.
    const { sim: single, trace: singleEvents } = runScenario({
      nodes: [
        { id: 'p', kind: 'producer', ratePerSec: 20, keys: 30, stopMs: 10_000 },
        { id: 't', kind: 'topic', partitions: 1 },
        { id: 'a', kind: 'service', concurrency: 2, serviceTime: { dist: 'exponential', meanMs: 40 } },
      ],
      links: [{ from: 'p', to: 't' }, { from: 't', to: 'a', group: 'g' }],
    });
    single.runUntil(15_000);
    const roots = processedAt(singleEvents, ['a']).map((m) => m.root);
    expect(roots.length).toBeGreaterThan(100);
    expect(roots).toEqual([...roots].sort((x, y) => x - y));
  });

  it('3 partitions and 5 consumers in one group: each partition has exactly one consumer and 2 sit idle', () => {
    const consumers = ['c1', 'c2', 'c3', 'c4', 'c5'];
    const { sim } = runScenario({
      nodes: [
        { id: 'p', kind: 'producer', ratePerSec: 30, keys: 100 },
        { id: 't', kind: 'topic', partitions: 3 },
        ...consumers.map((id) => ({ id, kind: 'service', serviceTime: fast })),
      ],
      links: [{ from: 'p', to: 't' }, ...consumers.map((id) => ({ from: 't', to: id, group: 'g' }))],
    });
    sim.runUntil(20_000);
    const g = topicStats(sim).groups.g!;
    expect(g.members).toEqual(consumers);
    expect(g.idle).toHaveLength(2);
    const assigned = Object.values(g.assignment).flat().sort();
    expect(assigned).toEqual([0, 1, 2]);
    for (const id of g.idle) expect(g.processed[id]).toBe(0);
    for (const id of consumers.filter((c) => !g.idle.includes(c))) expect(g.processed[id]).toBeGreaterThan(0);
  });

  it('the range assignor gives the first members one partition more: 7 partitions over 3 members → 3, 2, 2', () => {
    const owners = Array.from({ length: 7 }, (_, p) => rangeOwner(p, 7, 3));
    expect(owners).toEqual([0, 0, 0, 1, 1, 2, 2]);
    expect(Array.from({ length: 2 }, (_, p) => rangeOwner(p, 2, 4))).toEqual([0, 1]);
  });

  it('two consumer groups each get every record', () => {
    const { sim, trace: events } = runScenario({
      nodes: [
        { id: 'orders', kind: 'producer', ratePerSec: 20, keys: 40, stopMs: 10_000 },
        { id: 't', kind: 'topic', partitions: 3 },
        { id: 'billing-1', kind: 'service', serviceTime: fast },
        { id: 'billing-2', kind: 'service', serviceTime: fast },
        { id: 'analytics', kind: 'service', serviceTime: { dist: 'exponential', meanMs: 20 } },
      ],
      links: [
        { from: 'orders', to: 't' },
        { from: 't', to: 'billing-1', group: 'billing' },
        { from: 't', to: 'billing-2', group: 'billing' },
        { from: 't', to: 'analytics', group: 'analytics' },
      ],
    });
    sim.runUntil(20_000);
    const published = events.filter((e) => e.type === 'message.published').map((e) => (e as { msg: Message }).msg.root);
    expect(published.length).toBeGreaterThan(150);
    const billing = processedAt(events, ['billing-1', 'billing-2']).map((m) => m.root).sort((a, b) => a - b);
    const analytics = processedAt(events, ['analytics']).map((m) => m.root).sort((a, b) => a - b);
    expect(billing).toEqual(published);
    expect(analytics).toEqual(published);
    expect(sim.ledger.totals().copies).toBe(2 * published.length);
  });
});
