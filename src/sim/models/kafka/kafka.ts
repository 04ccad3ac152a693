import { Fifo } from '../../engine/fifo';
import type { Message } from '../../engine/message';
import { SimNode, type NodeStats } from '../../engine/node';
import type { Rng } from '../../engine/rng';
import type { LinkConfig } from '../../engine/scenario';
import type { Simulation } from '../../engine/simulation';
import type { Timer } from '../../engine/timers';
import type { SignalKind } from '../../engine/trace';
import { ConsumerGroup, type GroupSettings, type GroupStats, type Member, type ResetArgs } from './consumer-group';
import { murmur2 } from './murmur2';
import { ProducerClient } from './producer-client';
import { Stamps } from './stamps';
import type { TopicConfig } from './topic-schema';
import type { KafkaMeta } from './kafka-trace';

export { murmur2 } from './murmur2';

const RETENTION = 1;
/** The periodic retention check. */
type TopicTimers = { [RETENTION]: undefined };

export { topicSchema, type TopicConfig } from './topic-schema';
export type { KafkaMeta, KafkaTrace, RemovalReason } from './kafka-trace';

/** A topic's figures in the runner's JSON. */
export interface TopicStats extends NodeStats {
  partitions: number;
  /** Records appended, ever. */
  appended: number;
  /** Records deleted by retention, ever. */
  retentionDeleted: number;
  /** The producers' client: records waiting to be sent again, sent again, failed by delivery.timeout.ms, and appended out of order. */
  producers: { retrying: number; retries: number; expired: number; reordered: number };
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
  private readonly log: Fifo<Message>[][] = [];
  /** Per partition: the publication time of each record in the log, from logStart[p]. */
  private readonly stamps: Stamps[] = [];
  private readonly members = new Map<string, Member>();
  /** The same members by their node's index in the run: acks look their sender up here, by number. */
  private readonly memberAt: (Member | undefined)[] = [];
  private readonly sticky = new Map<string, Sticky>();
  private readonly keyPartition = new Map<string, number>();
  private readonly rng: Rng;
  /** The Kafka producer client of the producers writing here: retries, delivery timeout, ordering. */
  readonly client: ProducerClient;
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
    this.client = new ProducerClient(this, sim.rng(`node:${config.id}:producer`));
  }

  override start(): void {
    const byName = new Map<string, ConsumerGroup>();
    for (const link of this.sim.outgoing(this.id)) {
      // A topic cannot consume: a link to one carries dead letters (see deadLetterTopic), no membership.
      if (link.to.kind === 'topic') continue;
      const name = (link.config as LinkConfig & { group?: string }).group ?? link.to.id;
      let g = byName.get(name);
      if (!g) {
        g = new ConsumerGroup(this, name, this.groups.length, this.settingsFor(name));
        byName.set(name, g);
        this.groups.push(g);
      }
      const m = g.add(link.to, link);
      this.members.set(link.to.id, m);
      this.memberAt[link.to.index] = m;
    }
    const copies = Math.max(1, this.groups.length);
    for (let p = 0; p < this.partitions; p++) {
      this.logStart.push(0);
      this.logEnd.push(0);
      const row: Fifo<Message>[] = [];
      for (let g = 0; g < copies; g++) row.push(new Fifo<Message>());
      this.log.push(row);
      this.stamps.push(new Stamps());
    }
    for (const g of this.groups) g.start();
    this.sim.scheduler.schedule(this.config.retentionCheckMs, this, RETENTION);
  }

  private settingsFor(name: string): GroupSettings {
    const c = this.config;
    return {
      commit: c.commit, autoCommitIntervalMs: c.autoCommitIntervalMs, sessionTimeoutMs: c.sessionTimeoutMs,
      heartbeatIntervalMs: c.heartbeatIntervalMs, rebalancePauseMs: c.rebalancePauseMs, assignor: c.assignor,
      autoOffsetReset: c.autoOffsetReset, maxPollRecords: c.maxPollRecords, maxPollIntervalMs: c.maxPollIntervalMs,
      initialRebalanceDelayMs: c.initialRebalanceDelayMs, ...c.groups[name],
    };
  }

  /** A producer's record arrives: it is appended to its partition, one copy per group. */
  override receive(msg: Message, from: SimNode): void {
    if (this.client.timedOut(msg, from)) return;
    if (!this.online) {
      // The producer retries for delivery.timeout.ms (K: ProducerConfig.java): see ProducerClient.
      if (!this.client.hold(msg, from)) this.sim.drop(this, msg, 'topic offline');
      return;
    }
    const p = msg.key === undefined ? this.stickyPartition(from.id) : this.partitionForKey(msg.key);
    if (!this.client.accept(msg, from, p)) return;
    this.append(msg, from, p);
    for (const behind of this.client.released()) this.append(behind, from, p);
  }

  private append(msg: Message, from: SimNode, p: number): void {
    this.client.appended(msg, from, p);
    const offset = this.logEnd[p]!++;
    this.appended++;
    const meta: KafkaMeta = msg.meta ? { ...msg.meta, partition: p, offset } : { partition: p, offset };
    if (this.config.poisonEvery !== undefined && this.appended % this.config.poisonEvery === 0) meta.poison = true;
    msg.meta = meta;
    const row = this.log[p]!;
    const groups = this.groups.length;
    this.unread += Math.max(1, groups);
    this.setBacklog(this.unread);
    row[0]!.push(msg);
    this.stamps[p]!.push(msg.publishedAt);
    this.sim.enqueue(this, msg, this.unread);
    for (let g = 1; g < groups; g++) {
      // The copies keep the record's one meta object, not a clone each: retained records are most
      // of the heap in a long run, and fewer long-lived objects is less garbage-collector work.
      row[g]!.push(this.sim.copy(this, msg, 'buffered', false, true));
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
    const stamps = this.stamps[p]!;
    for (let i = 0; i < stamps.length; i++) if (stamps.at(i) >= t) return this.logStart[p]! + i;
    return this.logEnd[p]!;
  }

  /**
   * A group's consumer gave up on `copy`: it is set aside as dead-lettered here, and a copy goes
   * to the dead-letter topic as a new record (its own offsets, readable there).
   */
  deadLetter(copy: Message, why: string): void {
    const dlt = this.config.deadLetterTopic!;
    this.sim.deadLetter(this, copy, `${why}: sent to ${dlt}`);
    const link = this.sim.link(this.id, dlt);
    if (!link) return;
    const c = this.sim.copy(this, copy, 'transit');
    c.meta = undefined;
    this.sim.send(link, c, 'dead-letter');
  }

  /** Groups report fetches and rewinds here, so the backlog counts copies not yet fetched. */
  addUnread(delta: number): void {
    this.unread += delta;
    this.setBacklog(this.unread);
  }

  override handle(_ev: Timer<TopicTimers>): void {
    this.applyRetention();
    this.sim.scheduler.schedule(this.config.retentionCheckMs, this, RETENTION);
  }

  /** Deletes records older than retention. Copies a group never read are lost; the rest were read already. */
  private applyRetention(): void {
    const cutoff = this.sim.now - this.config.retentionMs;
    const groups = this.groups.length;
    for (let p = 0; p < this.partitions; p++) {
      const stamps = this.stamps[p]!;
      let count = 0;
      while (count < stamps.length && stamps.at(count) < cutoff) count++;
      if (count === 0) continue;
      stamps.drop(count);
      const row = this.log[p]!;
      // A group whose copies below the cut are all read: deleting them needs no look at each (cold by now).
      const end = this.logStart[p]! + count;
      const read: boolean[] = [];
      for (let g = 0; g < groups; g++) read.push(this.groups[g]!.reader.readBelow(p, end));
      for (let i = 0; i < count; i++) {
        for (let g = 0; g < row.length; g++) {
          const copy = row[g]!.shift()!;
          if (read[g]) continue;
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
      }
      this.retentionDeleted += count;
      this.setBacklog(this.unread);
      this.sim.emit({ type: 'kafka.retention_deleted', t: this.sim.now, node: this.id, partition: p, count, logStart: this.logStart[p]! });
      for (const g of this.groups) g.afterRetention(p);
    }
  }

  override acksWanted(): boolean {
    return true;
  }

  /** A member's acks travel on its connection: delayed by loss or a partition, never lost. */
  override reliableSignals(from: SimNode): boolean {
    return this.memberAt[from.index] !== undefined;
  }

  override onSignal(kind: SignalKind, msg: Message | undefined, from: SimNode): void {
    const m = this.memberAt[from.index];
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
    this.client.topicBack();
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
    return { ...super.stats(), partitions: this.partitions, appended: this.appended, retentionDeleted: this.retentionDeleted, log, groups,
      producers: { retrying: this.client.pending, retries: this.client.retries, expired: this.client.expired, reordered: this.client.reordered },
    };
  }
}

const UTF8 = new TextEncoder();
