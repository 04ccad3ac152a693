import Denque from 'denque';
import { z } from 'zod';
import { defineKind, nodeSchema, type NodeKind } from '../../engine/kind';
import type { Message } from '../../engine/message';
import { SimNode, type NodeStats } from '../../engine/node';
import type { Rng } from '../../engine/rng';
import type { Simulation } from '../../engine/simulation';
import type { SignalKind } from '../../engine/trace';
import { ConsumerGroup, type GroupSettings, type GroupStats, type Member, type ResetArgs } from './consumer-group';

const RETENTION = 1;

/** Settings a consumer group can override on its topic. */
const groupShape = {
  /**
   * When the consumer commits: after processing (at-least-once, Kafka's default with auto
   * commit: a crash reprocesses what was processed since the last commit) or before
   * (at-most-once: a crash loses what was committed and not yet processed). K: docs/design.html.
   */
  commit: z.enum(['after', 'before']).default('after'),
  /**
   * Kafka default `auto.commit.interval.ms`=5000 (K: ConsumerConfig.java): at-least-once
   * commits the processed offsets every 5 s, and on revoke. 0 = commit after every record
   * (a manual commitSync per record). At-most-once always commits as it fetches.
   */
  autoCommitIntervalMs: z.number().nonnegative().default(5000),
  /**
   * Kafka default `session.timeout.ms`=45000 since 3.0 (10000 before; K: ConsumerConfig.java,
   * upgrade.html). Brokers accept 6000–1800000; shorter values are allowed here for teaching.
   */
  sessionTimeoutMs: z.number().positive().default(45_000),
  /** Kafka default `heartbeat.interval.ms`=3000 (K: ConsumerConfig.java). */
  heartbeatIntervalMs: z.number().positive().default(3000),
  /**
   * Not a Kafka setting: how long an eager rebalance keeps the whole group stopped once every
   * member is back (the JoinGroup and SyncGroup round trips and the members' revoke and assign
   * callbacks). Real pauses run from hundreds of ms to seconds; microsim uses 1 s.
   */
  rebalancePauseMs: z.number().nonnegative().default(1000),
  /** Kafka's default assignor list is [Range, CooperativeSticky], so Range is used (K: ConsumerConfig.java). */
  assignor: z.enum(['range', 'roundrobin']).default('range'),
  /** Kafka default `auto.offset.reset`=latest (K: ConsumerConfig.java): where a group whose position was deleted by retention goes. */
  autoOffsetReset: z.enum(['earliest', 'latest']).default('latest'),
};

const groupOverride = z.object(groupShape).partial().strict();

/** Scenario fields of a topic: a partitioned, retained log read by consumer groups. */
export const topicSchema = nodeSchema('topic', {
  /** Kafka default `num.partitions`=1 (K: ServerLogConfigs.java). Fixed for the run. */
  partitions: z.number().int().positive().default(1),
  /** Kafka default `retention.ms`=604800000, 7 d (K: LogConfig.java). Consuming deletes nothing; retention does. */
  retentionMs: z.number().positive().default(604_800_000),
  /**
   * Kafka default `log.retention.check.interval.ms`=300000 (K: LogConfig.java). Kafka deletes
   * whole segments; microsim deletes every record past retention at each check.
   */
  retentionCheckMs: z.number().positive().default(300_000),
  /**
   * Records without a key stick to one partition for a batch, then move on (Kafka's sticky
   * partitioner switches when a `batch.size`=16384 B batch fills, K: BuiltInPartitioner.java).
   * microsim has no record sizes: it switches every 16 records, as if each were 1 KiB, and
   * moves round-robin where Kafka picks the next partition at random.
   */
  stickyBatchRecords: z.number().int().positive().default(16),
  ...groupShape,
  /** Per consumer group overrides of the settings above, by group name. */
  groups: z.record(z.string(), groupOverride).default({}),
});

/** A topic's config as parsed from a scenario. */
export type TopicConfig = z.infer<typeof topicSchema>;

/** Where a record sits in its topic (the copy's `via`): set on each record, and so on each group's copy, as it is appended. */
export type KafkaMeta = {
  partition: number;
  offset: number;
};

/** Trace events of the Kafka model. `node` is the topic. */
export type KafkaTrace =
  | { type: 'kafka.partitions_assigned'; t: number; node: string; group: string; member: string; partitions: number[]; generation: number }
  | { type: 'kafka.partitions_revoked'; t: number; node: string; group: string; member: string; partitions: number[] }
  | { type: 'kafka.rebalance_started'; t: number; node: string; group: string; generation: number; reason: string }
  | {
      type: 'kafka.rebalance_finished'; t: number; node: string; group: string; generation: number; pauseMs: number;
      assignment: Record<string, number[]>; idle: string[];
    }
  | { type: 'kafka.member_joined'; t: number; node: string; group: string; member: string }
  | { type: 'kafka.member_removed'; t: number; node: string; group: string; member: string; reason: 'session timeout' | 'left the group' }
  | { type: 'kafka.member_resumed'; t: number; node: string; group: string; member: string; partitions: number[] }
  /** Batch commits only (auto-commit ticks, revokes, leaves); per-record commits show in stats, not in the trace. */
  | { type: 'kafka.offsets_committed'; t: number; node: string; group: string; offsets: number[] }
  | { type: 'kafka.offsets_reset'; t: number; node: string; group: string; offsets: number[]; reason: string }
  | { type: 'kafka.retention_deleted'; t: number; node: string; partition: number; count: number; logStart: number };

/** A topic's figures in the runner's JSON. */
export interface TopicStats extends NodeStats {
  partitions: number;
  /** Records appended, ever. */
  appended: number;
  /** Records deleted by retention, ever. */
  retentionDeleted: number;
  /** Per partition: log-start offset (moved only by retention) and log-end offset. */
  log: { partition: number; logStart: number; logEnd: number }[];
  groups: Record<string, GroupStats>;
}

interface Sticky {
  partition: number;
  left: number;
}

/**
 * A Kafka topic: partitions that are append-only logs, each record kept until retention
 * deletes it, whoever has read it. Every consumer group gets its own copy of every record
 * (the ledger's copy per subscriber) and reads at its own pace; a link topic → service with
 * `group` makes the service a member of that group (no `group`: a group of its own).
 */
export class Topic extends SimNode<TopicConfig> {
  readonly partitions: number;
  /** Per partition: the first offset still in the log. */
  readonly logStart: number[] = [];
  /** Per partition: the offset the next record gets. */
  readonly logEnd: number[] = [];
  readonly groups: ConsumerGroup[] = [];
  /** log[p][g]: group g's copies of partition p's records, from logStart[p]; with no group, the records themselves. */
  private readonly log: Denque<Message>[][] = [];
  private readonly members = new Map<string, Member>();
  private readonly sticky = new Map<string, Sticky>();
  private readonly keyPartition = new Map<string, number>();
  private readonly rng: Rng;
  /** Copies not yet fetched, over all groups: the topic's backlog. */
  private unread = 0;
  /** Records appended. */
  appended = 0;
  /** Records deleted by retention. */
  retentionDeleted = 0;

  constructor(sim: Simulation, config: TopicConfig) {
    super(sim, config);
    this.partitions = config.partitions;
    this.rng = sim.rng(`node:${config.id}`);
  }

  protected override isBroker(): boolean {
    return true;
  }

  override start(): void {
    const byName = new Map<string, ConsumerGroup>();
    for (const link of this.sim.outgoing(this.id)) {
      const name = link.config.group ?? link.to.id;
      let g = byName.get(name);
      if (!g) {
        g = new ConsumerGroup(this, name, this.groups.length, this.settingsFor(name));
        byName.set(name, g);
        this.groups.push(g);
      }
      this.members.set(link.to.id, g.add(link.to, link));
    }
    const copies = Math.max(1, this.groups.length);
    for (let p = 0; p < this.partitions; p++) {
      this.logStart.push(0);
      this.logEnd.push(0);
      const row: Denque<Message>[] = [];
      for (let g = 0; g < copies; g++) row.push(new Denque<Message>());
      this.log.push(row);
    }
    for (const g of this.groups) g.start();
    this.sim.scheduler.schedule(this.config.retentionCheckMs, this, RETENTION);
  }

  private settingsFor(name: string): GroupSettings {
    const c = this.config;
    return {
      commit: c.commit, autoCommitIntervalMs: c.autoCommitIntervalMs, sessionTimeoutMs: c.sessionTimeoutMs,
      heartbeatIntervalMs: c.heartbeatIntervalMs, rebalancePauseMs: c.rebalancePauseMs, assignor: c.assignor,
      autoOffsetReset: c.autoOffsetReset, ...c.groups[name],
    };
  }

  /** A producer's record arrives: it is appended to its partition, one copy per group. */
  override receive(msg: Message, from: SimNode): void {
    if (!this.online) {
      // The producer would retry for delivery.timeout.ms=120000 (K: ProducerConfig.java); microsim's producers do not.
      this.sim.drop(this, msg, 'topic offline');
      return;
    }
    const p = msg.key === undefined ? this.stickyPartition(from.id) : this.partitionForKey(msg.key);
    const offset = this.logEnd[p]!++;
    this.appended++;
    const meta = msg.meta ? { ...msg.meta, partition: p, offset } : { partition: p, offset };
    msg.meta = meta;
    const row = this.log[p]!;
    const groups = this.groups.length;
    this.unread += Math.max(1, groups);
    this.setBacklog(this.unread);
    row[0]!.push(msg);
    this.sim.enqueue(this, msg, this.unread);
    for (let g = 1; g < groups; g++) {
      const c = this.sim.copy(this, msg, 'buffered');
      // The copies keep the record's one meta object instead of the ledger's clone: retained records
      // are most of the heap in a long run, and fewer long-lived objects is less garbage-collector work.
      c.meta = meta;
      row[g]!.push(c);
    }
    for (let g = 0; g < groups; g++) this.groups[g]!.appended(p);
  }

  /** Kafka's partitioner for a keyed record: `toPositive(murmur2(utf8(key))) % partitions` (K: BuiltInPartitioner.java). */
  partitionForKey(key: string): number {
    let p = this.keyPartition.get(key);
    if (p === undefined) {
      p = (murmur2(UTF8.encode(key)) & 0x7fffffff) % this.partitions;
      // Bounded memory for runs with endless distinct keys.
      if (this.keyPartition.size >= 65_536) this.keyPartition.clear();
      this.keyPartition.set(key, p);
    }
    return p;
  }

  private stickyPartition(producer: string): number {
    let s = this.sticky.get(producer);
    if (!s) {
      s = { partition: this.rng.int(this.partitions), left: this.config.stickyBatchRecords };
      this.sticky.set(producer, s);
    } else if (s.left === 0) {
      s.partition = (s.partition + 1) % this.partitions;
      s.left = this.config.stickyBatchRecords;
    }
    s.left--;
    return s.partition;
  }

  /** Group `g`'s copy of the record at `offset` in partition `p` (which must be in the log). */
  copyAt(g: number, p: number, offset: number): Message {
    return this.log[p]![g]!.peekAt(offset - this.logStart[p]!)!;
  }

  /** The first offset of partition `p` whose record was published at or after `t` (Kafka's offsetsForTimes). */
  offsetForTime(p: number, t: number): number {
    const records = this.log[p]![0]!;
    for (let i = 0; i < records.length; i++) if (records.peekAt(i)!.publishedAt >= t) return this.logStart[p]! + i;
    return this.logEnd[p]!;
  }

  /** Groups report fetches and rewinds here, so the backlog counts copies not yet fetched. */
  addUnread(delta: number): void {
    this.unread += delta;
    this.setBacklog(this.unread);
  }

  override handle(type: number): void {
    if (type !== RETENTION) return;
    this.applyRetention();
    this.sim.scheduler.schedule(this.config.retentionCheckMs, this, RETENTION);
  }

  /** Deletes records older than retention. Copies a group never read are lost; the rest were read already. */
  private applyRetention(): void {
    const cutoff = this.sim.now - this.config.retentionMs;
    const groups = this.groups.length;
    for (let p = 0; p < this.partitions; p++) {
      const row = this.log[p]!;
      let count = 0;
      while (row[0]!.length > 0 && row[0]!.peekFront()!.publishedAt < cutoff) {
        for (let g = 0; g < row.length; g++) {
          const copy = row[g]!.shift()!;
          // Read already, or in flight at a consumer (buffered in its inbox counts): the consumer has it.
          if (copy.state !== 'buffered' || (groups > 0 && this.groups[g]!.holds(p, copy))) continue;
          if (groups === 0) {
            this.unread--;
            this.sim.drop(this, copy, 'deleted by retention; no consumer group read it');
          } else {
            this.groups[g]!.expiredUnread++;
            this.sim.drop(this, copy, `deleted by retention before group ${this.groups[g]!.name} read it`);
          }
        }
        this.logStart[p]!++;
        count++;
      }
      if (count === 0) continue;
      this.retentionDeleted += count;
      this.setBacklog(this.unread);
      this.sim.emit({ type: 'kafka.retention_deleted', t: this.sim.now, node: this.id, partition: p, count, logStart: this.logStart[p]! });
      for (const g of this.groups) g.afterRetention(p);
    }
  }

  override acksWanted(): boolean {
    return true;
  }

  override onSignal(kind: SignalKind, msg: Message | undefined, from: SimNode): void {
    const m = this.members.get(from.id);
    if (!m || !msg) return;
    if (kind === 'ack') m.group.onAck(msg);
    else if (kind === 'nack') m.group.onNack(msg);
  }

  override onConsumerLost(msg: Message, consumer: SimNode): void {
    const m = this.members.get(consumer.id);
    if (m) m.group.onLost(m, msg);
    else this.sim.drop(this, msg, `${consumer.id} is not a member of any group`);
  }

  override wake(): void {
    for (const g of this.groups) g.wake();
  }

  protected override onlineChanged(): void {
    if (!this.online) return;
    for (const g of this.groups) {
      g.brokerBack();
      g.wake();
    }
  }

  /**
   * Commands: `reset-offsets` {group, toOffset | toTimeMs | toEarliest | toLatest, partition?}
   * replays (or skips) records; `leave` {member} is a clean leave that rebalances at once;
   * `join` {member} brings a member that left back.
   */
  override command(name: string, args: Record<string, unknown>): void {
    if (name === 'reset-offsets') {
      const g = this.groups.find((x) => x.name === args.group);
      if (g) g.resetOffsets(args as ResetArgs);
    } else if (name === 'leave' || name === 'join') {
      const m = this.members.get(String(args.member));
      if (m && name === 'leave') m.group.leave(m.id);
      else if (m) m.group.rejoin(m.id);
    }
  }

  override configure(patch: Record<string, unknown>): void {
    // The partition count is fixed: adding partitions would remap every key.
    const { partitions: _fixed, ...rest } = patch;
    super.configure(rest);
    for (const g of this.groups) g.reconfigure(this.settingsFor(g.name));
  }

  override stats(): TopicStats {
    const log: { partition: number; logStart: number; logEnd: number }[] = [];
    for (let p = 0; p < this.partitions; p++) log.push({ partition: p, logStart: this.logStart[p]!, logEnd: this.logEnd[p]! });
    const groups: Record<string, GroupStats> = {};
    for (const g of this.groups) groups[g.name] = g.stats();
    return { ...super.stats(), partitions: this.partitions, appended: this.appended, retentionDeleted: this.retentionDeleted, log, groups };
  }
}

const UTF8 = new TextEncoder();

/** Kafka's `Utils.murmur2` over bytes, as a signed 32-bit integer (seed 0x9747b28c, m 0x5bd1e995, r 24). */
export function murmur2(data: Uint8Array): number {
  const length = data.length;
  const m = 0x5bd1e995;
  let h = 0x9747b28c ^ length;
  const length4 = length >>> 2;
  for (let i = 0; i < length4; i++) {
    const i4 = i * 4;
    let k = data[i4]! | (data[i4 + 1]! << 8) | (data[i4 + 2]! << 16) | (data[i4 + 3]! << 24);
    k = Math.imul(k, m);
    k ^= k >>> 24;
    k = Math.imul(k, m);
    h = Math.imul(h, m);
    h ^= k;
  }
  // Kafka's switch falls through from the third trailing byte down to the first.
  const tail = length & ~3;
  const rest = length & 3;
  if (rest === 3) h ^= data[tail + 2]! << 16;
  if (rest >= 2) h ^= data[tail + 1]! << 8;
  if (rest >= 1) {
    h ^= data[tail]!;
    h = Math.imul(h, m);
  }
  h ^= h >>> 13;
  h = Math.imul(h, m);
  h ^= h >>> 15;
  return h | 0;
}

/** The `topic` node kind. */
export const topicKind = defineKind(topicSchema, (sim, config) => new Topic(sim, config));

/** Node kinds this model adds to scenarios. */
export const kafkaKinds: NodeKind[] = [topicKind];
