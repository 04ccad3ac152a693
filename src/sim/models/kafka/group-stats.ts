import type { ConsumerGroup } from './consumer-group';

/** A consumer group's figures in the runner's JSON. */
export interface GroupStats {
  /** Members in the group now, by id. */
  members: string[];
  /** Partitions of each member in the group. */
  assignment: Record<string, number[]>;
  /** Members in the group with no partition: more consumers than partitions. */
  idle: string[];
  /** Members in the group that stopped heartbeating; their partitions stall until they return or their session expires. */
  down: string[];
  generation: number;
  rebalancing: boolean;
  rebalances: number;
  /** Per partition. */
  committed: number[];
  /** Per partition: the next offset to fetch. */
  position: number[];
  /** Per partition: log-end offset minus committed offset (K: docs/ops.html). */
  lag: number[];
  /** The sum of `lag` over partitions: now, its maximum and its time average. */
  totalLag: { now: number; max: number; timeAvg: number };
  /** Records processed per member (every member ever linked, in the group or not). */
  processed: Record<string, number>;
  duplicates: number;
  replayed: number;
  lost: number;
  expiredUnread: number;
  /** Records sent to the dead-letter topic. */
  deadLettered: number;
  /** Partitions stuck behind a poison record (every poll fails on it), with its offset. */
  stuck: { partition: number; offset: number }[];
}

/** The figures of group `g` now: membership, assignment, offsets and lag per partition, counters. Reads only. */
export function groupStats(g: ConsumerGroup): GroupStats {
  const now = g.topic.sim.now;
  const assignment: Record<string, number[]> = {};
  const members: string[] = [];
  const idle: string[] = [];
  const down: string[] = [];
  const processed: Record<string, number> = {};
  for (const m of g.members) {
    processed[m.id] = m.processed;
    if (!m.inGroup) continue;
    members.push(m.id);
    assignment[m.id] = m.partitions;
    if (m.partitions.length === 0 && !g.rebalancing) idle.push(m.id);
    if (m.down) down.push(m.id);
  }
  const r = g.reader;
  const committed = r.offsets();
  const position = r.positions();
  const lag = committed.map((c, p) => g.topic.logEnd[p]! - c);
  return {
    members, assignment, idle, down, generation: g.generation, rebalancing: g.rebalancing, rebalances: g.rebalances,
    committed, position, lag, totalLag: r.lag.summary(now), processed,
    duplicates: r.duplicates, replayed: r.replayed, lost: r.lost, expiredUnread: g.expiredUnread,
    deadLettered: r.deadLettered, stuck: r.stuckPartitions(),
  };
}
