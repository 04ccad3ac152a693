import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../engine/trace';
import { runScenario, type TestScenario } from '../../testing/harness';
import { InvariantChecker } from '../../testing/invariant';
import type { KafkaMeta } from './kafka';
import { topicStats } from './kafka.fixture';

// issue #9, Kafka defects. Defaults cited from SEMANTICS.md §2 and §8 (K: ConsumerConfig.java,
// ProducerConfig.java, docs/configuration).

describe('defect 2: a lost fetch skips nothing', () => {
  it('at-least-once over a link losing 30% of crossings: every record is processed, once, in offset order', () => {
    // A consumer fetches from its position; the fetch travels over TCP, so a lost segment is
    // retransmitted, and a failed fetch is sent again from the same position (SEMANTICS §8
    // "A lost fetch": nothing is skipped).
    const { sim } = runScenario({
      nodes: [
        { id: 'p', kind: 'producer', ratePerSec: 10, arrivals: 'constant', limit: 300 },
        { id: 't', kind: 'topic', autoOffsetReset: 'earliest' },
        { id: 'c', kind: 'service', serviceTime: { dist: 'constant', ms: 5 } },
      ],
      links: [{ from: 'p', to: 't' }, { from: 't', to: 'c', group: 'g', loss: 0.3, latency: { dist: 'constant', ms: 10 } }],
    });
    const checker = new InvariantChecker(sim);
    const offsets: number[] = [];
    sim.on((ev: TraceEvent) => {
      if (ev.type === 'message.processed') offsets.push((ev.msg.meta as KafkaMeta).offset);
    });
    while (sim.scheduler.peekTime() <= 120_000 && sim.step()) checker.check();
    const g = topicStats(sim).groups.g!;
    expect(g.lost).toBe(0);
    expect(offsets).toEqual(Array.from({ length: 300 }, (_, i) => i));
    expect(sim.ledger.totals()).toMatchObject({ published: 300, dropped: 0, duplicates: 0 });
  });
});

describe('defect 3: poll batches', () => {
  const spec = (more: Record<string, unknown> = {}, serviceMs = 5): TestScenario => ({
    nodes: [
      { id: 'p', kind: 'producer', ratePerSec: 40 },
      { id: 't', kind: 'topic', ...more },
      { id: 'c', kind: 'service', serviceTime: { dist: 'constant', ms: serviceMs } },
    ],
    links: [{ from: 'p', to: 't' }, { from: 't', to: 'c', group: 'g', latency: { dist: 'constant', ms: 20 } }],
  });

  it('a one-partition topic behind a 20 ms link keeps up with 40 records/s at 5 ms each', () => {
    // One record per round trip (40 ms + 5 ms) would cap the group at ~22 records/s. Real consumers
    // fetch up to max.poll.records=500 records per poll (SEMANTICS §8), so the whole backlog since
    // the last fetch comes in one response.
    const { sim } = runScenario(spec());
    let worstLag = 0;
    for (let t = 10_000; t <= 120_000; t += 1000) {
      sim.runUntil(t);
      worstLag = Math.max(worstLag, topicStats(sim).groups.g!.totalLag.now);
    }
    // Auto-commit every 5 s: the committed lag saws up to ~5 s of records (200), never more.
    expect(worstLag).toBeLessThan(260);
    const lat = sim.node('c').latency.summary();
    expect(lat.p99).toBeLessThan(200);
    expect(sim.node('c').processed).toBeGreaterThan(0.97 * 40 * 120);
  });

  it('records of a batch are processed in offset order, even with concurrency 4', () => {
    const s = spec();
    (s.nodes[2] as Record<string, unknown>).concurrency = 4;
    const { sim } = runScenario(s);
    const offsets: number[] = [];
    sim.on((ev) => {
      if (ev.type === 'message.processed') offsets.push((ev.msg.meta as KafkaMeta).offset);
    });
    sim.runUntil(30_000);
    expect(offsets.length).toBeGreaterThan(1100);
    expect(offsets).toEqual(offsets.map((_, i) => i));
  });

  it('max.poll.records caps a batch: a backlog of 1,000 arrives in polls of at most 500 (and of 10 when set)', () => {
    for (const [max, expected] of [[undefined, 500], [10, 10]] as const) {
      const { sim } = runScenario({
        nodes: [
          { id: 'p', kind: 'producer', ratePerSec: 1000, arrivals: 'constant', limit: 1000 },
          { id: 't', kind: 'topic', ...(max ? { maxPollRecords: max } : {}) },
          { id: 'c', kind: 'service', serviceTime: { dist: 'constant', ms: 1 } },
        ],
        links: [{ from: 'p', to: 't' }, { from: 't', to: 'c', group: 'g' }],
        actions: [{ at: 0, do: 'offline', node: 'c' }, { at: 2000, do: 'online', node: 'c' }],
      });
      const arrivals = new Map<number, number>();
      sim.on((ev) => {
        if (ev.type === 'message.sent' && ev.to === 'c') arrivals.set(ev.t, (arrivals.get(ev.t) ?? 0) + 1);
      });
      sim.runUntil(20_000);
      expect(Math.max(...arrivals.values())).toBe(expected);
      expect(sim.node('c').processed).toBe(1000);
    }
  });

  it('a member that spends longer than max.poll.interval.ms (300 s) on one poll leaves the group, which rebalances', () => {
    const { sim } = runScenario({
      nodes: [
        { id: 'p', kind: 'producer', ratePerSec: 1, arrivals: 'constant', limit: 3 },
        { id: 't', kind: 'topic' },
        { id: 'slow', kind: 'service', serviceTime: { dist: 'constant', ms: 400_000 } },
      ],
      links: [{ from: 'p', to: 't' }, { from: 't', to: 'slow', group: 'g' }],
    });
    const removed: string[] = [];
    sim.on((ev) => {
      if (ev.type === 'kafka.member_removed') removed.push(`${ev.member}@${Math.round(ev.t / 1000)}s: ${ev.reason}`);
    });
    sim.runUntil(302_000);
    expect(removed).toEqual(['slow@301s: max.poll.interval.ms exceeded']);
    expect(topicStats(sim).groups.g!.rebalances).toBeGreaterThanOrEqual(1);
  });

  it('the 300 s count from the latest poll: a member that polled every second for a minute, then stalls, leaves 300 s after its last poll', () => {
    const { sim } = runScenario({
      nodes: [
        { id: 'p', kind: 'producer', ratePerSec: 1, arrivals: 'constant', limit: 120 },
        { id: 't', kind: 'topic' },
        { id: 'slow', kind: 'service', serviceTime: { dist: 'constant', ms: 5 } },
      ],
      links: [{ from: 'p', to: 't' }, { from: 't', to: 'slow', group: 'g' }],
      actions: [{ at: 60_500, do: 'configure', node: 'slow', patch: { serviceTime: { dist: 'constant', ms: 1_000_000 } } }],
    });
    let lastPoll = 0;
    const removed: number[] = [];
    sim.on((ev) => {
      if (ev.type === 'message.processing' && ev.node === 'slow' && removed.length === 0) lastPoll = ev.t;
      if (ev.type === 'kafka.member_removed') removed.push(ev.t);
    });
    sim.runUntil(400_000);
    // The stalled record started about when its poll arrived (61 s); none of the 60 earlier polls' deadlines removes it.
    expect(lastPoll).toBeGreaterThan(60_000);
    expect(removed).toHaveLength(1);
    expect(removed[0]! - lastPoll).toBeGreaterThan(299_000);
    expect(removed[0]! - lastPoll).toBeLessThanOrEqual(300_000);
  });
});

describe('defect 6: auto.offset.reset for a group with no committed offset', () => {
  const spec = (reset?: 'earliest' | 'latest'): TestScenario => ({
    nodes: [
      { id: 'p', kind: 'producer', ratePerSec: 10, arrivals: 'constant' },
      { id: 't', kind: 'topic', ...(reset ? { groups: { late: { autoOffsetReset: reset } } } : {}) },
      { id: 'early', kind: 'service', serviceTime: { dist: 'constant', ms: 5 } },
      { id: 'newcomer', kind: 'service', online: false, serviceTime: { dist: 'constant', ms: 5 } },
    ],
    links: [{ from: 'p', to: 't' }, { from: 't', to: 'early', group: 'first' }, { from: 't', to: 'newcomer', group: 'late' }],
    actions: [{ at: 30_000, do: 'online', node: 'newcomer' }],
  });

  function firstOffsets(reset?: 'earliest' | 'latest') {
    const { sim } = runScenario(spec(reset));
    const first: Record<string, number> = {};
    sim.on((ev) => {
      if (ev.type === 'message.processed' && first[ev.node] === undefined) first[ev.node] = (ev.msg.meta as KafkaMeta).offset;
    });
    sim.runUntil(45_000);
    return { first, sim };
  }

  it('by default (latest) a group that joins late starts at the log end: it skips the 300 records before it', () => {
    const { first, sim } = firstOffsets();
    expect(first.early).toBe(0);
    expect(first.newcomer).toBeGreaterThanOrEqual(299);
    expect(sim.node('newcomer').processed).toBeLessThan(160);
  });

  it('with earliest, chosen explicitly, it reads the whole history', () => {
    const { first, sim } = firstOffsets('earliest');
    expect(first.newcomer).toBe(0);
    expect(sim.node('newcomer').processed).toBeGreaterThan(400);
  });
});
