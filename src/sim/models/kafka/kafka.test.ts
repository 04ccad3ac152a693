import { describe, expect, it } from 'vitest';
import { builtin } from '../../../scenarios';
import type { Message } from '../../engine/message';
import { Rng } from '../../engine/rng';
import { Simulation } from '../../engine/simulation';
import { InvariantChecker } from '../../testing/invariant';
import type { TraceEvent } from '../../engine/trace';
import { murmur2, type KafkaMeta, type Topic, type TopicStats } from './kafka';
import { rangeOwner } from './consumer-group';
import { CATALOG, parseScenario } from '../../catalog';

type Spec = { nodes: unknown[]; links: unknown[]; actions?: unknown[]; seed?: number };

function build({ nodes, links, actions = [], seed = 1 }: Spec): Simulation {
  const r = parseScenario({ id: 'kafka-test', title: 'kafka test', seed, nodes, links, actions });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return new Simulation(CATALOG, r.scenario);
}

function topicStats(sim: Simulation, id = 't'): TopicStats {
  return (sim.node(id) as Topic).stats();
}

const meta = (msg: Message) => msg.meta as KafkaMeta;

/** Every trace event of a run, kept for the assertions. */
function record(sim: Simulation): TraceEvent[] {
  const events: TraceEvent[] = [];
  sim.on((ev) => events.push(ev));
  return events;
}

function processedAt(events: TraceEvent[], members: string[]): Message[] {
  const out: Message[] = [];
  for (const ev of events) if (ev.type === 'message.processed' && members.includes(ev.node)) out.push(ev.msg);
  return out;
}

const fast = { dist: 'exponential', meanMs: 50 };

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
    const sim = build({
      nodes: [
        { id: 'orders', kind: 'producer', ratePerSec: 50, keys: 50, keyPrefix: 'order' },
        { id: 't', kind: 'topic', partitions: 4 },
      ],
      links: [{ from: 'orders', to: 't' }],
    });
    const events = record(sim);
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
    const sim = build({
      nodes: [
        { id: 'p', kind: 'producer', ratePerSec: 100, limit: 480 },
        { id: 't', kind: 'topic', partitions: 3 },
      ],
      links: [{ from: 'p', to: 't' }],
    });
    const events = record(sim);
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
    const sim = build({
      nodes: [
        { id: 'p', kind: 'producer', ratePerSec: 20, keys: 30, stopMs: 10_000 },
        { id: 't', kind: 'topic', partitions: 3 },
        { id: 'a', kind: 'service', concurrency: 2, serviceTime: { dist: 'exponential', meanMs: 40 } },
        { id: 'b', kind: 'service', concurrency: 2, serviceTime: { dist: 'exponential', meanMs: 40 } },
      ],
      links: [{ from: 'p', to: 't' }, { from: 't', to: 'a', group: 'g' }, { from: 't', to: 'b', group: 'g' }],
    });
    const events = record(sim);
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
    const single = build({
      nodes: [
        { id: 'p', kind: 'producer', ratePerSec: 20, keys: 30, stopMs: 10_000 },
        { id: 't', kind: 'topic', partitions: 1 },
        { id: 'a', kind: 'service', concurrency: 2, serviceTime: { dist: 'exponential', meanMs: 40 } },
      ],
      links: [{ from: 'p', to: 't' }, { from: 't', to: 'a', group: 'g' }],
    });
    const singleEvents = record(single);
    single.runUntil(15_000);
    const roots = processedAt(singleEvents, ['a']).map((m) => m.root);
    expect(roots.length).toBeGreaterThan(100);
    expect(roots).toEqual([...roots].sort((x, y) => x - y));
  });

  it('3 partitions and 5 consumers in one group: each partition has exactly one consumer and 2 sit idle', () => {
    const consumers = ['c1', 'c2', 'c3', 'c4', 'c5'];
    const sim = build({
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
    const sim = build({
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
    const events = record(sim);
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

describe('delivery semantics', () => {
  it('at-least-once: a consumer that crashes between processing and its next auto-commit reprocesses those records as duplicates', () => {
    // Kafka's default auto-commit every 5 s: the crash at 12.5 s comes 2.5 s after the last commit.
    const sim = build({
      nodes: [
        { id: 'p', kind: 'producer', ratePerSec: 10 },
        { id: 't', kind: 'topic' },
        { id: 'c', kind: 'service', serviceTime: fast },
      ],
      links: [{ from: 'p', to: 't' }, { from: 't', to: 'c', group: 'g' }],
      actions: [{ at: 12_500, do: 'offline', node: 'c' }, { at: 14_000, do: 'online', node: 'c' }],
    });
    const events = record(sim);
    sim.runUntil(30_000);
    const crash = events.findIndex((e) => e.type === 'node.offline');
    const commits = events.slice(0, crash).filter((e) => e.type === 'kafka.offsets_committed');
    const committedAtCrash = (commits.at(-1) as { offsets: number[] }).offsets[0]!;
    const uncommitted = processedAt(events.slice(0, crash), ['c']).filter((m) => meta(m).offset >= committedAtCrash).length;
    expect(uncommitted).toBeGreaterThan(0);
    const g = topicStats(sim).groups.g!;
    expect(g.duplicates).toBe(uncommitted);
    expect(sim.ledger.duplicates).toBe(uncommitted);
    expect(sim.ledger.totals().dropped).toBe(0);
    const published = events.filter((e) => e.type === 'message.published').length;
    expect(new Set(processedAt(events, ['c']).map((m) => m.root)).size).toBe(published - g.lag[0]!);
  });

  const burstSpec = (commit: 'after' | 'before'): Spec => ({
    // Six keyed records at each whole second, 100 ms each, one at a time: at 12.05 s each partition with records has one in flight.
    nodes: [
      { id: 'p', kind: 'producer', ratePerSec: 1, arrivals: 'constant', burst: 6, keys: 60, stopMs: 18_000 },
      { id: 't', kind: 'topic', partitions: 3, commit },
      { id: 'c', kind: 'service', serviceTime: { dist: 'constant', ms: 100 } },
    ],
    links: [{ from: 'p', to: 't' }, { from: 't', to: 'c', group: 'g' }],
    actions: [{ at: 12_050, do: 'offline', node: 'c' }, { at: 13_000, do: 'online', node: 'c' }],
  });

  /** Records the consumer held when it went offline: delivered to it and not yet processed. */
  function heldAtCrash(events: TraceEvent[]): number {
    const crash = events.findIndex((e) => e.type === 'node.offline');
    let held = 0;
    for (const ev of events.slice(0, crash)) {
      if (ev.type === 'message.sent' && ev.to === 'c') held++;
      if (ev.type === 'message.processed' && ev.node === 'c') held--;
    }
    return held;
  }

  it('at-most-once: a consumer that crashes loses the records it committed and had not processed, and processes nothing twice', () => {
    const sim = build(burstSpec('before'));
    const events = record(sim);
    sim.runUntil(20_000);
    const held = heldAtCrash(events);
    expect(held).toBeGreaterThan(0);
    const dropped = events.filter((e) => e.type === 'message.dropped');
    expect(dropped).toHaveLength(held);
    for (const d of dropped) expect((d as { reason: string }).reason).toMatch(/at-most-once/);
    expect(sim.ledger.duplicates).toBe(0);
    const published = events.filter((e) => e.type === 'message.published').length;
    expect(new Set(processedAt(events, ['c']).map((m) => m.root)).size).toBe(published - held);
    expect(topicStats(sim).groups.g!.lost).toBe(held);
  });

  it('at-least-once in the same crash loses nothing: the held records are read again', () => {
    const sim = build(burstSpec('after'));
    const events = record(sim);
    sim.runUntil(20_000);
    expect(heldAtCrash(events)).toBeGreaterThan(0);
    expect(sim.ledger.totals().dropped).toBe(0);
    const published = events.filter((e) => e.type === 'message.published').length;
    expect(new Set(processedAt(events, ['c']).map((m) => m.root)).size).toBe(published);
  });
});

describe('failures and rebalances', () => {
  // Commits follow every record, so the lag counts only records not yet processed (no 5 s auto-commit sawtooth).
  const twoMembers = (actions: unknown[]): Spec => ({
    nodes: [
      { id: 'p', kind: 'producer', ratePerSec: 10, keys: 100 },
      { id: 't', kind: 'topic', partitions: 4, sessionTimeoutMs: 6000, autoCommitIntervalMs: 0 },
      { id: 'a', kind: 'service', serviceTime: fast },
      { id: 'b', kind: 'service', serviceTime: fast },
    ],
    links: [{ from: 'p', to: 't' }, { from: 't', to: 'a', group: 'g' }, { from: 't', to: 'b', group: 'g' }],
    actions,
  });

  it("a member offline: its partitions' lag grows, after the session timeout they move to the other member, and the lag drains", () => {
    const sim = build(twoMembers([{ at: 10_000, do: 'offline', node: 'b' }, { at: 40_000, do: 'online', node: 'b' }]));
    const events = record(sim);
    sim.runUntil(10_000);
    const before = topicStats(sim).groups.g!;
    const bParts = before.assignment.b!;
    expect(before.assignment).toEqual({ a: [0, 1], b: [2, 3] });
    const lagOf = (s: TopicStats, parts: number[]) => parts.reduce((sum, p) => sum + s.groups.g!.lag[p]!, 0);
    const lagAtCrash = lagOf(topicStats(sim), bParts);

    const started = () => events.find((e) => e.type === 'kafka.rebalance_started') as { t: number; reason: string } | undefined;
    while (!started()) sim.runUntil(sim.now + 100);
    const { t: startedAt, reason } = started()!;
    // The last heartbeat came at most heartbeat.interval.ms (3 s) before the crash.
    expect(startedAt).toBeGreaterThanOrEqual(10_000 + 6000 - 3000);
    expect(startedAt).toBeLessThanOrEqual(10_000 + 6000);
    expect(reason).toMatch(/session timeout/);
    expect(lagOf(topicStats(sim), bParts)).toBeGreaterThan(lagAtCrash + 10);

    sim.runUntil(startedAt + 2000);
    const finished = events.find((e) => e.type === 'kafka.rebalance_finished') as { t: number; assignment: Record<string, number[]> };
    expect(finished.t - startedAt).toBeGreaterThanOrEqual(1000);
    expect(finished.t - startedAt).toBeLessThan(1100);
    expect(finished.assignment).toEqual({ a: [0, 1, 2, 3] });

    sim.runUntil(finished.t + 15_000);
    expect(topicStats(sim).groups.g!.totalLag.now).toBeLessThanOrEqual(5);

    // Back after its session expired: b joins again, which is another rebalance.
    sim.runUntil(45_000);
    const g = topicStats(sim).groups.g!;
    expect(g.rebalances).toBe(2);
    expect(g.assignment).toEqual({ a: [0, 1], b: [2, 3] });
    expect(events.some((e) => e.type === 'kafka.member_joined' && e.member === 'b')).toBe(true);
  });

  // Issue 9, defect 8. Kafka's default is dynamic membership: without group.instance.id a
  // restarted consumer joins with a new member id, which rebalances. Static membership
  // (group.instance.id, KIP-345) keeps the partitions through a restart within the session timeout.
  const restartWithinSession = (groupInstanceId?: string) => {
    const spec = twoMembers([{ at: 10_000, do: 'offline', node: 'b' }, { at: 12_000, do: 'online', node: 'b' }]);
    if (groupInstanceId) {
      spec.links = spec.links.map((l) => {
        const link = l as { to: string };
        return link.to === 'b' ? { ...link, groupInstanceId } : link;
      });
    }
    const sim = build(spec);
    const events = record(sim);
    sim.runUntil(30_000);
    return { sim, events };
  };

  it('a dynamic member (the default) restarted within the session timeout rejoins with a new member id and the group rebalances', () => {
    const { sim, events } = restartWithinSession();
    const started = events.filter((e) => e.type === 'kafka.rebalance_started');
    expect(started).toHaveLength(1);
    expect(started[0]).toMatchObject({ t: 12_000, reason: 'b restarted and rejoined with a new member id' });
    expect(events.some((e) => e.type === 'kafka.member_joined' && e.member === 'b' && e.t === 12_000)).toBe(true);
    expect(events.some((e) => e.type === 'kafka.member_removed')).toBe(false); // the session did not time out
    expect(events.some((e) => e.type === 'kafka.member_resumed')).toBe(false);
    const g = topicStats(sim).groups.g!;
    expect(g.rebalances).toBe(1);
    expect(g.assignment).toEqual({ a: [0, 1], b: [2, 3] });
    expect(sim.ledger.totals().dropped).toBe(0);
  });

  it('a static member (groupInstanceId) restarted within the session timeout resumes its partitions without a rebalance', () => {
    const { sim, events } = restartWithinSession('b-1');
    expect(events.some((e) => e.type === 'kafka.rebalance_started')).toBe(false);
    expect(events.filter((e) => e.type === 'kafka.member_resumed')).toMatchObject([{ member: 'b', partitions: [2, 3] }]);
    expect(topicStats(sim).groups.g!.rebalances).toBe(0);
    expect(sim.ledger.totals().dropped).toBe(0);
  });

  it('a clean leave rebalances at once, without waiting for the session timeout, and duplicates nothing', () => {
    const sim = build(twoMembers([{ at: 10_000, do: 'command', node: 't', command: 'leave', args: { member: 'b' } }]));
    const events = record(sim);
    sim.runUntil(20_000);
    const started = events.find((e) => e.type === 'kafka.rebalance_started')!;
    expect(started.t).toBe(10_000);
    const finished = events.find((e) => e.type === 'kafka.rebalance_finished') as { t: number; assignment: Record<string, number[]> };
    expect(finished.t).toBeLessThan(11_100);
    expect(finished.assignment).toEqual({ a: [0, 1, 2, 3] });
    expect(sim.ledger.duplicates).toBe(0);
    expect(topicStats(sim).groups.g!.totalLag.now).toBeLessThanOrEqual(5);
  });

  it('THE OUTAGE TEST: 10 msg/s, one consumer of 20/s offline from 10 s to 20 s: lag peaks near 100 and is near zero again by about 30 s', () => {
    // SEMANTICS §7: backlog λT = 100; drain B/(μ−λ) = 10 s; normal again μT/(μ−λ) = 20 s after the outage began.
    // Commits follow every record, so the lag counts exactly the records not yet processed.
    const peaks: number[] = [];
    const recoveries: number[] = [];
    for (let seed = 1; seed <= 8; seed++) {
      const sim = build({
        seed,
        nodes: [
          { id: 'p', kind: 'producer', ratePerSec: 10 },
          { id: 't', kind: 'topic', autoCommitIntervalMs: 0 },
          { id: 'c', kind: 'service', serviceTime: fast },
        ],
        links: [{ from: 'p', to: 't' }, { from: 't', to: 'c', group: 'g' }],
        actions: [{ at: 10_000, do: 'offline', node: 'c' }, { at: 20_000, do: 'online', node: 'c' }],
      });
      let peak = 0;
      let recovered = Infinity;
      for (let t = 0; t <= 45_000; t += 100) {
        sim.runUntil(t);
        const lag = topicStats(sim).groups.g!.totalLag.now;
        peak = Math.max(peak, lag);
        if (t > 20_000 && lag <= 2 && recovered === Infinity) recovered = t;
      }
      expect(sim.ledger.duplicates).toBe(0);
      peaks.push(peak);
      recoveries.push(recovered);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(peaks)).toBeGreaterThan(85);
    expect(mean(peaks)).toBeLessThan(120);
    expect(mean(recoveries)).toBeGreaterThan(26_000);
    expect(mean(recoveries)).toBeLessThan(34_000);
  }, 30_000);
});

describe('replay and retention', () => {
  const twoGroups = (actions: unknown[], topic: Record<string, unknown> = {}): Spec => ({
    nodes: [
      { id: 'orders', kind: 'producer', ratePerSec: 10, keys: 40, stopMs: 15_000 },
      { id: 't', kind: 'topic', partitions: 3, ...topic },
      { id: 'billing', kind: 'service', serviceTime: fast },
      { id: 'analytics', kind: 'service', serviceTime: { dist: 'exponential', meanMs: 20 } },
    ],
    links: [
      { from: 'orders', to: 't' },
      { from: 't', to: 'billing', group: 'billing' },
      { from: 't', to: 'analytics', group: 'analytics' },
    ],
    actions,
  });

  it("resetting a group's offsets to the earliest replays every record for that group only", () => {
    const sim = build(twoGroups([{ at: 20_000, do: 'command', node: 't', command: 'reset-offsets', args: { group: 'analytics', toEarliest: true } }]));
    const events = record(sim);
    sim.runUntil(40_000);
    const published = events.filter((e) => e.type === 'message.published').length;
    const s = topicStats(sim);
    expect(s.groups.analytics!.replayed).toBe(published);
    expect(s.groups.analytics!.duplicates).toBe(published);
    expect(s.groups.billing!.duplicates).toBe(0);
    expect(sim.ledger.duplicates).toBe(published);
    expect(events.some((e) => e.type === 'kafka.offsets_reset' && e.group === 'analytics')).toBe(true);
  });

  it('resetting to a time replays exactly the records published at or after it', () => {
    const sim = build(twoGroups([{ at: 20_000, do: 'command', node: 't', command: 'reset-offsets', args: { group: 'analytics', toTimeMs: 8000 } }]));
    const events = record(sim);
    sim.runUntil(40_000);
    const since = events.filter((e) => e.type === 'message.published' && e.msg.publishedAt >= 8000).length;
    expect(since).toBeGreaterThan(40);
    expect(topicStats(sim).groups.analytics!.duplicates).toBe(since);
  });

  it('retention deletes old records but consumption deletes none; a group that never read them loses them', () => {
    const sim = build({
      nodes: [
        { id: 'p', kind: 'producer', ratePerSec: 10 },
        { id: 't', kind: 'topic', partitions: 2, retentionMs: 5000, retentionCheckMs: 1000 },
        { id: 'reader', kind: 'service', serviceTime: fast },
        { id: 'away', kind: 'service', online: false },
      ],
      links: [{ from: 'p', to: 't' }, { from: 't', to: 'reader', group: 'fast' }, { from: 't', to: 'away', group: 'away' }],
    });
    const events = record(sim);
    sim.runUntil(4000);
    let s = topicStats(sim);
    // Everything read and committed long ago, and still all there.
    expect(s.log.every((l) => l.logStart === 0)).toBe(true);
    expect(s.appended).toBeGreaterThan(20);
    expect(s.groups.fast!.processed.reader).toBeGreaterThan(s.appended - 5);

    sim.runUntil(30_000);
    s = topicStats(sim);
    const publishedAt = events.filter((e) => e.type === 'message.published').map((e) => (e as { msg: Message }).msg.publishedAt);
    // Deleted once older than retention, at a check at most 1 s later.
    expect(s.retentionDeleted).toBeGreaterThanOrEqual(publishedAt.filter((t) => t < 30_000 - 5000 - 1000).length);
    expect(s.retentionDeleted).toBeLessThanOrEqual(publishedAt.filter((t) => t < 30_000 - 5000).length);
    expect(s.log.reduce((n, l) => n + l.logStart, 0)).toBe(s.retentionDeleted);
    const dropped = events.filter((e) => e.type === 'message.dropped') as { reason: string }[];
    expect(dropped).toHaveLength(s.retentionDeleted);
    for (const d of dropped) expect(d.reason).toMatch(/retention before group away/);
    expect(s.groups.away!.expiredUnread).toBe(s.retentionDeleted);
    expect(s.groups.fast!.expiredUnread).toBe(0);
  });
});

/** A random Kafka scenario: partitions, groups, commit modes, timeouts, outages, leaves, resets, cuts and retention, all from `seed`. */
export function randomKafkaScenario(seed: number, lossless = false): unknown {
  const r = new Rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[r.int(xs.length)]!;
  const latency = r.next() < 0.5 ? undefined : { dist: 'uniform', minMs: 0, maxMs: 1 + r.int(40) };
  const heartbeat = 200 + r.int(1500);
  const topic = {
    id: 't', kind: 'topic', partitions: 1 + r.int(4),
    commit: lossless ? 'after' : pick(['after', 'before'] as const),
    autoCommitIntervalMs: pick([0, 300, 2000, 5000]),
    heartbeatIntervalMs: heartbeat, sessionTimeoutMs: heartbeat + 500 + r.int(4000),
    rebalancePauseMs: r.int(1500), assignor: pick(['range', 'roundrobin'] as const),
    autoOffsetReset: pick(['earliest', 'latest'] as const),
    ...(lossless || r.next() < 0.5 ? {} : { retentionMs: 1000 + r.int(6000), retentionCheckMs: 200 + r.int(2000) }),
  };
  const nodes: unknown[] = [topic];
  const links: unknown[] = [];
  const actions: unknown[] = [];
  for (let i = 1 + r.int(2); i > 0; i--) {
    const id = `p${i}`;
    nodes.push({ id, kind: 'producer', ratePerSec: 2 + r.int(40), burst: 1 + r.int(3), keys: r.next() < 0.5 ? 1 + r.int(20) : undefined, stopMs: lossless ? 7000 : undefined });
    links.push({ from: id, to: 't', latency });
  }
  const groups = 1 + r.int(3);
  const at = () => r.int(lossless ? 6000 : 9000);
  for (let g = 0; g < groups; g++) {
    for (let k = 1 + r.int(4); k > 0; k--) {
      const id = `g${g}c${k}`;
      nodes.push({
        id, kind: 'service', concurrency: 1 + r.int(3),
        failureRate: r.next() < 0.2 ? r.next() * 0.2 : 0, serviceTime: { dist: 'exponential', meanMs: 2 + r.int(100) },
      });
      links.push({ from: 't', to: id, group: `g${g}`, latency, loss: !lossless && r.next() < 0.1 ? r.next() * 0.1 : undefined });
      for (let n = r.int(3); n > 0; n--) {
        const t = at();
        actions.push({ at: t, do: 'offline', node: id }, { at: t + r.int(6000), do: 'online', node: id });
      }
      if (r.next() < 0.2) {
        const t = at();
        actions.push({ at: t, do: 'command', node: 't', command: 'leave', args: { member: id } });
        actions.push({ at: t + r.int(3000), do: 'command', node: 't', command: 'join', args: { member: id } });
      }
      // A cut link loses acks and nacks like any crossing, so lossless runs keep links whole.
      if (!lossless && r.next() < 0.15) {
        const t = at();
        actions.push({ at: t, do: 'partition', from: 't', to: id }, { at: t + r.int(4000), do: 'heal', from: 't', to: id });
      }
    }
    if (r.next() < 0.4) {
      // Lossless runs only rewind: a reset forward skips records on purpose.
      const args = lossless ? { toEarliest: true } : pick([{ toEarliest: true }, { toLatest: true }, { toOffset: r.int(50) }, { toTimeMs: r.int(5000) }]);
      actions.push({ at: at(), do: 'command', node: 't', command: 'reset-offsets', args: { group: `g${g}`, ...args } });
    }
  }
  // A topic outage loses nothing since the producers retry (delivery.timeout.ms 120 s), so lossless runs have them too.
  if (r.next() < 0.2) {
    const t = at();
    actions.push({ at: t, do: 'offline', node: 't' }, { at: t + r.int(3000), do: 'online', node: 't' });
  }
  return { id: `random-kafka-${seed}`, title: 'random', seed, nodes, links, actions };
}

function parse(data: unknown) {
  const r = parseScenario(data);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

/** Throws unless every group's offsets are within the log and its lag is the sum of log end minus committed. */
function checkOffsets(seed: number, sim: Simulation, topic: Topic): void {
  for (const g of topic.groups) {
    const s = g.stats();
    let lag = 0;
    for (let p = 0; p < topic.partitions; p++) {
      const end = topic.logEnd[p]!;
      if (s.committed[p]! > end || s.position[p]! > end) {
        throw new Error(`seed ${seed} t=${sim.now}: group ${g.name} partition ${p} past the log end ${end}`);
      }
      lag += end - s.committed[p]!;
    }
    if (lag !== s.totalLag.now) throw new Error(`seed ${seed} t=${sim.now}: group ${g.name} lag ${s.totalLag.now}, offsets say ${lag}`);
  }
}

describe('message accounting on the Kafka model', () => {
  it('every copy is in exactly one state after every event, and group lag is log end minus committed, on 120 random runs', () => {
    let events = 0;
    for (let seed = 1; seed <= 120; seed++) {
      const sim = new Simulation(CATALOG, parse(randomKafkaScenario(seed)));
      const topic = sim.node('t') as Topic;
      const checker = new InvariantChecker(sim);
      try {
        while (sim.scheduler.peekTime() <= 10_000 && sim.step() !== null) {
          events++;
          checker.check();
          // The group figures are rebuilt from the offsets; cheaper every 25 events than after each.
          if (events % 25 === 0) checkOffsets(seed, sim, topic);
        }
        checker.checkFromScratch();
        checkOffsets(seed, sim, topic);
      } finally {
        checker.dispose();
      }
    }
    expect(events).toBeGreaterThan(100_000);
  }, 60_000);

  it('at-least-once never loses a record: after outages, leaves and replays every group processes every record', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const sim = new Simulation(CATALOG, parse(randomKafkaScenario(seed, true)));
      const byGroup = new Map<string, Set<number>>();
      const groupOf = new Map<string, string>();
      for (const l of sim.scenario.links) if (typeof l.group === 'string') groupOf.set(l.to, l.group);
      const published = new Set<number>();
      sim.on((ev) => {
        if (ev.type === 'message.published') published.add(ev.msg.root);
        if (ev.type !== 'message.processed') return;
        const g = groupOf.get(ev.node)!;
        if (!byGroup.has(g)) byGroup.set(g, new Set());
        byGroup.get(g)!.add(ev.msg.root);
      });
      // Producers stop at 7 s and every member is back by 12 s; slow groups then take their time.
      const topic = sim.node('t') as Topic;
      const drained = () => topic.groups.every((g) => g.stats().totalLag.now === 0);
      while (!drained() && sim.now < 1_200_000) sim.runUntil(sim.now + 10_000);
      expect(sim.ledger.totals().dropped, `seed ${seed}`).toBe(0);
      for (const g of new Set(groupOf.values())) expect(byGroup.get(g)?.size ?? 0, `seed ${seed} group ${g}`).toBe(published.size);
    }
  }, 60_000);
});

describe('the built-in kafka-order-events scenario', () => {
  it('shows a billing rebalance after a crash, an analytics replay and retention at work, and loses nothing', () => {
    const scenario = builtin('kafka-order-events')!;
    const sim = new Simulation(CATALOG, scenario);
    const events = record(sim);
    sim.runUntil(scenario.durationMs);
    const s = topicStats(sim, 'orders');
    expect(s.partitions).toBe(3);
    expect(s.groups.billing!.rebalances).toBeGreaterThanOrEqual(2);
    expect(s.groups.analytics!.replayed).toBeGreaterThan(0);
    expect(events.some((e) => e.type === 'kafka.rebalance_finished' && e.group === 'billing')).toBe(true);
    // Both groups read every record long before retention deleted it.
    expect(s.retentionDeleted).toBeGreaterThan(0);
    expect(sim.ledger.totals().dropped).toBe(0);
  }, 30_000);
});
