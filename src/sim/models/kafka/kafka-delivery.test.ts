import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../engine/trace';
import { runScenario, type TestScenario } from '../../testing/harness';
import type { TopicStats } from './kafka';
import { fast, meta, processedAt, topicStats } from './kafka.fixture';

// Delivery semantics and failures: crashes against commits, session timeouts, static membership, rebalances.

describe('delivery semantics', () => {
  it('at-least-once: a consumer that crashes between processing and its next auto-commit reprocesses those records as duplicates', () => {
    // Kafka's default auto-commit every 5 s: the crash at 12.5 s comes 2.5 s after the last commit.
    const { sim, trace: events } = runScenario({
      nodes: [
        { id: 'p', kind: 'producer', ratePerSec: 10 },
        { id: 't', kind: 'topic' },
        { id: 'c', kind: 'service', serviceTime: fast },
      ],
      links: [{ from: 'p', to: 't' }, { from: 't', to: 'c', group: 'g' }],
      actions: [{ at: 12_500, do: 'offline', node: 'c' }, { at: 14_000, do: 'online', node: 'c' }],
    });
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

  const burstSpec = (commit: 'after' | 'before'): TestScenario => ({
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
    const { sim, trace: events } = runScenario(burstSpec('before'));
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
    const { sim, trace: events } = runScenario(burstSpec('after'));
    sim.runUntil(20_000);
    expect(heldAtCrash(events)).toBeGreaterThan(0);
    expect(sim.ledger.totals().dropped).toBe(0);
    const published = events.filter((e) => e.type === 'message.published').length;
    expect(new Set(processedAt(events, ['c']).map((m) => m.root)).size).toBe(published);
  });
});

describe('failures and rebalances', () => {
  // Commits follow every record, so the lag counts only records not yet processed (no 5 s auto-commit sawtooth).
  const twoMembers = (actions: unknown[]): TestScenario => ({
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
    const { sim, trace: events } = runScenario(twoMembers([{ at: 10_000, do: 'offline', node: 'b' }, { at: 40_000, do: 'online', node: 'b' }]));
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
    const { sim, trace: events } = runScenario(spec);
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
    const { sim, trace: events } = runScenario(twoMembers([{ at: 10_000, do: 'command', node: 't', command: 'leave', args: { member: 'b' } }]));
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
      const { sim } = runScenario({
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
