import { describe, expect, it } from 'vitest';
import { Rng } from '../../engine/rng';
import type { Simulation } from '../../engine/simulation';
import { simulate } from '../../testing/harness';
import { InvariantChecker } from '../../testing/invariant';
import type { Topic } from './kafka';

// Message accounting on random Kafka runs: every copy in one state, lag from the offsets, nothing lost at least once.

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
      const sim = simulate(randomKafkaScenario(seed));
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
      const sim = simulate(randomKafkaScenario(seed, true));
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
