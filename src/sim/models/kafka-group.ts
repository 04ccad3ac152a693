import type { Link } from '../link';
import type { Message } from '../message';
import type { SimNode } from '../node';
import type { EventTarget, ScheduledEvent } from '../scheduler';
import { TimeWeighted } from '../stats';
import type { KafkaMeta, KafkaTrace, Topic } from './kafka';

const HEARTBEAT = 1;
const SESSION_EXPIRY = 2;
const REBALANCE_DONE = 3;
const AUTO_COMMIT = 4;

/**
 * How often a rebalance that is due checks again whether it can finish: it waits until every
 * member still in the group has rejoined (is reachable) and every record in flight is settled,
 * as Kafka's JoinGroup waits for every member to finish its poll and rejoin.
 */
const REJOIN_POLL_MS = 100;

/** A consumer group's settings: the topic's, overridden per group. */
export interface GroupSettings {
  commit: 'after' | 'before';
  autoCommitIntervalMs: number;
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
  rebalancePauseMs: number;
  assignor: 'range' | 'roundrobin';
  autoOffsetReset: 'earliest' | 'latest';
}

/** What the `reset-offsets` command takes: one of toOffset, toTimeMs, toEarliest, toLatest; optionally one partition. */
export interface ResetArgs {
  toOffset?: number;
  toTimeMs?: number;
  toEarliest?: boolean;
  toLatest?: boolean;
  partition?: number;
}

/** One consumer (a service linked from the topic) as its group's coordinator sees it. */
export class Member {
  /** In the group's membership (false once its session expired or it left). */
  inGroup: boolean;
  /** Left with the `leave` command: it does not rejoin until `join`. */
  left = false;
  /** Seen unreachable (offline or cut off) and not seen back yet. */
  down = false;
  lastHeartbeat = 0;
  expiry: ScheduledEvent | undefined;
  /** Partitions assigned in the current generation. */
  partitions: number[] = [];
  /** Records of this topic it processed (duplicates included). */
  processed = 0;

  constructor(
    readonly group: ConsumerGroup,
    readonly node: SimNode,
    readonly link: Link,
  ) {
    this.inGroup = this.reachable();
  }

  get id(): string {
    return this.node.id;
  }

  /** Online and not cut off from the broker: its heartbeats and fetches get through. */
  reachable(): boolean {
    return this.node.online && !this.link.partitioned;
  }
}

/** A group's read state in one partition. */
class Cursor {
  /** Offset the group committed: where a consumer that (re)starts reads from. */
  committed = 0;
  /** Next offset to fetch. */
  position = 0;
  /** Offsets below this one were processed (at-least-once commits up to here). */
  processedTo = 0;
  owner: Member | undefined;
  /** The one record of this partition in flight: fetched and not yet settled, which keeps the partition's order. */
  inflight: Message | undefined;
  inflightOffset = 0;
  inflightMember: Member | undefined;
  fetching = false;
}

/**
 * A consumer group reading one topic: membership, partition assignment, eager rebalances,
 * fetch positions and committed offsets. Each partition goes to exactly one member; extra
 * members sit idle (K: KafkaConsumer javadoc). Within a partition a group processes one
 * record at a time, in offset order, so order holds within a partition and only there.
 *
 * Members behave like static members (`group.instance.id` = the node id, KIP-345): one that
 * is back within the session timeout keeps its partitions without a rebalance and resumes
 * from the committed offset. One that stays away longer is removed, and its partitions move.
 */
export class ConsumerGroup implements EventTarget {
  /** Members sorted by id, the order the range assignor uses. */
  readonly members: Member[] = [];
  private readonly cursors: Cursor[] = [];
  generation = 1;
  rebalancing = false;
  rebalances = 0;
  /** Processing completions of records this group had already processed (crash reprocessing, replays). */
  duplicates = 0;
  /** Records fetched again after being processed (rewinds to the committed offset, resets). */
  replayed = 0;
  /** Records lost: at-most-once records whose consumer died, fetches lost on the network. */
  lost = 0;
  /** Records deleted by retention before this group read them. */
  expiredUnread = 0;
  /** Sum over partitions of log-end offset minus committed offset. */
  readonly lag = new TimeWeighted();
  private lagNow = 0;
  private rebalanceTimer: ScheduledEvent | undefined;
  private rebalanceStartedAt = 0;
  private commitTimer: ScheduledEvent | undefined;

  constructor(
    readonly topic: Topic,
    readonly name: string,
    /** This group's index in the topic: which copy of each record is this group's. */
    readonly index: number,
    public settings: GroupSettings,
  ) {
    for (let p = 0; p < topic.partitions; p++) this.cursors.push(new Cursor());
  }

  /** Adds a member; call before `start`. */
  add(node: SimNode, link: Link): Member {
    const m = new Member(this, node, link);
    this.members.push(m);
    this.members.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return m;
  }

  /** Forms the group before the run starts (no rebalance pause) and starts heartbeats and auto-commit. */
  start(): void {
    this.assign();
    const sim = this.topic.sim;
    for (const m of this.members) {
      if (m.partitions.length > 0) this.emitAssigned(m);
      sim.scheduler.schedule(this.settings.heartbeatIntervalMs, this, HEARTBEAT, m);
    }
    this.armAutoCommit();
  }

  /** Applies new settings while running. */
  reconfigure(settings: GroupSettings): void {
    this.settings = settings;
    if (this.commitTimer) this.topic.sim.scheduler.cancel(this.commitTimer);
    this.commitTimer = undefined;
    this.armAutoCommit();
  }

  private armAutoCommit(): void {
    const s = this.settings;
    if (s.commit === 'after' && s.autoCommitIntervalMs > 0) {
      this.commitTimer = this.topic.sim.scheduler.schedule(s.autoCommitIntervalMs, this, AUTO_COMMIT);
    }
  }

  // ---- records ----

  /** A record was appended to partition `p`: the group's lag grows, and the owner may fetch it. */
  appended(p: number): void {
    this.lag.set(this.topic.sim.now, ++this.lagNow);
    this.fetch(p);
  }

  /** Fetches records of partition `p` for its owner, one at a time, while it can. Re-entrant calls are ignored. */
  fetch(p: number): void {
    const c = this.cursors[p]!;
    if (c.fetching) return;
    c.fetching = true;
    try {
      for (;;) {
        const m = c.owner;
        if (this.rebalancing || !m || !this.topic.online) return;
        if (c.inflight) {
          if (!settled(c.inflight)) return;
          this.settle(c);
        }
        if (!m.reachable()) {
          this.observeDown(m);
          return;
        }
        if (m.down) {
          this.observeUp(m);
          continue;
        }
        const start = this.topic.logStart[p]!;
        if (c.position < start) this.outOfRange(p, c);
        if (c.position >= this.topic.logEnd[p]!) return;
        const copy = this.topic.copyAt(this.index, p, c.position);
        const offset = c.position++;
        this.topic.addUnread(-1);
        // Lost earlier for this group (at-most-once, the network): nothing to deliver.
        if (copy.state === 'dropped') continue;
        if (copy.state === 'done') {
          this.replayed++;
          copy.redelivered = true;
          this.topic.sim.requeue(this.topic, copy, 'read again from an earlier offset');
        } else if (copy.state !== 'buffered') {
          throw new Error(`${this.topic.id}/${this.name}: record ${p}@${offset} is ${copy.state}, not in the log`);
        }
        c.inflight = copy;
        c.inflightOffset = offset;
        c.inflightMember = m;
        // At-most-once: the offset is committed before the record is processed (K: docs/design.html).
        if (this.settings.commit === 'before') this.commit(c, c.position);
        this.topic.sim.deliver(m.link, copy);
      }
    } finally {
      c.fetching = false;
    }
  }

  /** The in-flight record of `c` is done (or lost on the way): the partition may move on. */
  private settle(c: Cursor): void {
    const copy = c.inflight!;
    const m = c.inflightMember!;
    c.inflight = undefined;
    c.inflightMember = undefined;
    if (copy.state === 'done') {
      m.processed++;
      if (copy.processedCount > 1) this.duplicates++;
    } else {
      this.lost++;
    }
    // A record fetched before a rewind does not move the processed mark past the new position.
    const next = c.inflightOffset + 1;
    if (next <= c.position && next > c.processedTo) {
      c.processedTo = next;
      const s = this.settings;
      if (s.commit === 'after' && s.autoCommitIntervalMs === 0) this.commit(c, next);
    }
  }

  /** The member processed `msg` and acks it. */
  onAck(msg: Message): void {
    const p = (msg.meta as KafkaMeta).partition;
    const c = this.cursors[p]!;
    if (c.inflight !== msg) return;
    this.settle(c);
    this.fetch(p);
  }

  /** Processing of `msg` failed: the consumer seeks back to its offset and retries it, keeping the partition's order. */
  onNack(msg: Message): void {
    const p = (msg.meta as KafkaMeta).partition;
    const c = this.cursors[p]!;
    if (c.inflight !== msg) return;
    c.inflight = undefined;
    c.inflightMember = undefined;
    msg.redelivered = true;
    this.topic.sim.requeue(this.topic, msg, 'processing failed: the consumer seeks back and retries it');
    if (c.position > c.inflightOffset) this.setPosition(c, c.inflightOffset);
    this.fetch(p);
  }

  /** `m` went offline holding `msg`: at-least-once reads it again later; at-most-once has already committed it. */
  onLost(m: Member, msg: Message): void {
    const c = this.cursors[(msg.meta as KafkaMeta).partition]!;
    if (c.inflight === msg) {
      c.inflight = undefined;
      c.inflightMember = undefined;
    }
    if (this.settings.commit === 'before') {
      this.lost++;
      this.topic.sim.drop(this.topic, msg, 'at-most-once: its offset was committed before processing and the consumer went offline');
    } else {
      msg.redelivered = true;
      this.topic.sim.requeue(this.topic, msg, `${m.id} went offline before processing it`);
    }
    this.observeDown(m);
  }

  private commit(c: Cursor, offset: number): boolean {
    if (offset <= c.committed) return false;
    this.lagNow -= offset - c.committed;
    c.committed = offset;
    this.lag.set(this.topic.sim.now, this.lagNow);
    return true;
  }

  private setPosition(c: Cursor, offset: number): void {
    this.topic.addUnread(c.position - offset);
    c.position = offset;
  }

  /** A restarting consumer reads from the committed offset and remembers nothing it processed since. */
  private rewind(c: Cursor): void {
    this.setPosition(c, c.committed);
    c.processedTo = c.committed;
  }

  /** The position fell below the log start (retention deleted unread records): `auto.offset.reset`. */
  private outOfRange(p: number, c: Cursor): void {
    const target = this.settings.autoOffsetReset === 'earliest' ? this.topic.logStart[p]! : this.topic.logEnd[p]!;
    this.setPosition(c, target);
    c.processedTo = target;
    this.commit(c, target);
    this.emit({
      type: 'kafka.offsets_reset', t: this.topic.sim.now, node: this.topic.id, group: this.name,
      offsets: this.offsets(), reason: `auto.offset.reset=${this.settings.autoOffsetReset} on partition ${p}`,
    });
  }

  /** Whether `copy` is partition `p`'s record in flight to a member (so not waiting in the log). */
  holds(p: number, copy: Message): boolean {
    return this.cursors[p]!.inflight === copy;
  }

  /** Retention moved the log start of partition `p`. */
  afterRetention(p: number): void {
    const c = this.cursors[p]!;
    if (c.position < this.topic.logStart[p]!) this.outOfRange(p, c);
  }

  // ---- membership ----

  /** Looks at every member: who is back, who is gone. Called when a consumer comes back online. */
  wake(): void {
    for (const m of this.members) {
      if (m.reachable()) this.observeUp(m);
      else this.observeDown(m);
    }
    for (let p = 0; p < this.cursors.length; p++) this.fetch(p);
  }

  private observeDown(m: Member): void {
    if (m.down) return;
    m.down = true;
    if (m.inGroup) this.armExpiry(m);
  }

  private armExpiry(m: Member): void {
    if (m.expiry) return;
    const sim = this.topic.sim;
    const delay = Math.max(0, m.lastHeartbeat + this.settings.sessionTimeoutMs - sim.now);
    m.expiry = sim.scheduler.schedule(delay, this, SESSION_EXPIRY, m);
  }

  private observeUp(m: Member): void {
    if (m.down) {
      m.down = false;
      m.lastHeartbeat = this.topic.sim.now;
      if (m.expiry) this.topic.sim.scheduler.cancel(m.expiry);
      m.expiry = undefined;
      if (m.inGroup) {
        this.resume(m);
        return;
      }
    }
    if (!m.inGroup && !m.left) this.join(m);
  }

  /** A static member back within its session: same partitions, from the committed offsets. */
  private resume(m: Member): void {
    for (const p of m.partitions) this.rewind(this.cursors[p]!);
    this.emit({
      type: 'kafka.member_resumed', t: this.topic.sim.now, node: this.topic.id, group: this.name, member: m.id,
      partitions: [...m.partitions],
    });
    for (const p of m.partitions) this.fetch(p);
  }

  private join(m: Member): void {
    m.inGroup = true;
    m.lastHeartbeat = this.topic.sim.now;
    this.emit({ type: 'kafka.member_joined', t: this.topic.sim.now, node: this.topic.id, group: this.name, member: m.id });
    this.startRebalance(`${m.id} joined`);
  }

  private remove(m: Member, reason: 'session timeout' | 'left the group'): void {
    m.inGroup = false;
    if (m.expiry) this.topic.sim.scheduler.cancel(m.expiry);
    m.expiry = undefined;
    this.emit({ type: 'kafka.member_removed', t: this.topic.sim.now, node: this.topic.id, group: this.name, member: m.id, reason });
    this.startRebalance(`${m.id}: ${reason}`);
  }

  /** A clean leave (`consumer.close()`): it commits what it processed and leaves at once, without waiting for a timeout. */
  leave(id: string): void {
    const m = this.members.find((x) => x.id === id);
    if (!m || !m.inGroup) return;
    m.left = true;
    if (this.settings.commit === 'after') {
      for (const p of m.partitions) this.commit(this.cursors[p]!, this.cursors[p]!.processedTo);
      this.emitCommitted();
    }
    this.remove(m, 'left the group');
  }

  /** Undoes `leave`: the member joins again (when reachable), which rebalances. */
  rejoin(id: string): void {
    const m = this.members.find((x) => x.id === id);
    if (!m || !m.left) return;
    m.left = false;
    if (m.reachable()) this.observeUp(m);
  }

  /** Eager rebalance: every member gives up every partition and the group stops until it finishes. */
  private startRebalance(reason: string): void {
    const sim = this.topic.sim;
    if (!this.rebalancing) {
      this.rebalancing = true;
      this.rebalances++;
      this.rebalanceStartedAt = sim.now;
      this.emit({
        type: 'kafka.rebalance_started', t: sim.now, node: this.topic.id, group: this.name, generation: this.generation + 1, reason,
      });
      for (const m of this.members) {
        if (m.partitions.length === 0) continue;
        this.emit({
          type: 'kafka.partitions_revoked', t: sim.now, node: this.topic.id, group: this.name, member: m.id, partitions: [...m.partitions],
        });
      }
    }
    // A new member or a departure during the join phase restarts it.
    if (this.rebalanceTimer) sim.scheduler.cancel(this.rebalanceTimer);
    this.rebalanceTimer = sim.scheduler.schedule(this.settings.rebalancePauseMs, this, REBALANCE_DONE);
  }

  private finishRebalance(): void {
    const sim = this.topic.sim;
    this.rebalanceTimer = undefined;
    for (const m of this.members) {
      if (m.reachable()) this.observeUp(m);
      else this.observeDown(m);
    }
    if (this.rebalanceTimer) return; // someone joined: the join phase started again
    let waiting = false;
    for (const c of this.cursors) {
      if (c.inflight && settled(c.inflight)) this.settle(c);
      if (c.inflight) waiting = true;
    }
    for (const m of this.members) if (m.inGroup && m.down) waiting = true;
    if (waiting) {
      this.rebalanceTimer = sim.scheduler.schedule(REJOIN_POLL_MS, this, REBALANCE_DONE);
      return;
    }
    // Members commit what they processed as they give their partitions up (auto-commit on revoke).
    let committed = false;
    if (this.settings.commit === 'after') {
      for (const c of this.cursors) {
        const o = c.owner;
        if (o && o.reachable() && !o.down && this.commit(c, c.processedTo)) committed = true;
      }
    }
    if (committed) this.emitCommitted();
    this.assign();
    this.generation++;
    this.rebalancing = false;
    const assignment: Record<string, number[]> = {};
    const idle: string[] = [];
    for (const m of this.members) {
      if (!m.inGroup) continue;
      assignment[m.id] = [...m.partitions];
      if (m.partitions.length === 0) idle.push(m.id);
      else this.emitAssigned(m);
    }
    this.emit({
      type: 'kafka.rebalance_finished', t: sim.now, node: this.topic.id, group: this.name, generation: this.generation,
      pauseMs: sim.now - this.rebalanceStartedAt, assignment, idle,
    });
    for (let p = 0; p < this.cursors.length; p++) this.fetch(p);
  }

  /** Gives each partition to one member in the group, and points every cursor at its committed offset. */
  private assign(): void {
    const live = this.members.filter((m) => m.inGroup);
    for (const m of this.members) m.partitions = [];
    const n = live.length;
    const parts = this.cursors.length;
    for (let p = 0; p < parts; p++) {
      let owner: Member | undefined;
      if (n > 0 && this.settings.assignor === 'roundrobin') owner = live[p % n];
      else if (n > 0) owner = live[rangeOwner(p, parts, n)];
      const c = this.cursors[p]!;
      c.owner = owner;
      owner?.partitions.push(p);
      this.rewind(c);
    }
  }

  // ---- offsets ----

  /** Moves the group's committed offsets (all partitions, or one): what follows is read and processed again. */
  resetOffsets(args: ResetArgs): void {
    const what = args.toEarliest ? 'earliest' : args.toLatest ? 'latest' : args.toOffset !== undefined ? `offset ${args.toOffset}`
      : args.toTimeMs !== undefined ? `time ${args.toTimeMs} ms` : undefined;
    if (!what) return;
    for (let p = 0; p < this.cursors.length; p++) {
      if (args.partition !== undefined && args.partition !== p) continue;
      const start = this.topic.logStart[p]!;
      const end = this.topic.logEnd[p]!;
      let target = end;
      if (args.toEarliest) target = start;
      else if (args.toOffset !== undefined) target = Math.min(end, Math.max(start, Math.floor(args.toOffset)));
      else if (args.toTimeMs !== undefined) target = this.topic.offsetForTime(p, args.toTimeMs);
      const c = this.cursors[p]!;
      this.lagNow += c.committed - target;
      c.committed = target;
      this.setPosition(c, target);
      c.processedTo = target;
    }
    this.lag.set(this.topic.sim.now, this.lagNow);
    this.emit({
      type: 'kafka.offsets_reset', t: this.topic.sim.now, node: this.topic.id, group: this.name, offsets: this.offsets(), reason: `reset to ${what}`,
    });
    for (let p = 0; p < this.cursors.length; p++) this.fetch(p);
  }

  private offsets(): number[] {
    return this.cursors.map((c) => c.committed);
  }

  // ---- timers ----

  handle(type: number, data: unknown): void {
    const sim = this.topic.sim;
    switch (type) {
      case HEARTBEAT: {
        const m = data as Member;
        // While the broker (the group coordinator) is down, nobody's session runs.
        if (this.topic.online) {
          if (m.reachable()) {
            m.lastHeartbeat = sim.now;
            this.observeUp(m);
          } else {
            this.observeDown(m);
          }
        }
        sim.scheduler.schedule(this.settings.heartbeatIntervalMs, this, HEARTBEAT, m);
        return;
      }
      case SESSION_EXPIRY: {
        const m = data as Member;
        m.expiry = undefined;
        // While the broker is down no session runs out; brokerBack() restarts them.
        if (!m.down || !m.inGroup || !this.topic.online) return;
        if (m.lastHeartbeat + this.settings.sessionTimeoutMs > sim.now) this.armExpiry(m);
        else this.remove(m, 'session timeout');
        return;
      }
      case REBALANCE_DONE:
        this.finishRebalance();
        return;
      case AUTO_COMMIT: {
        let committed = false;
        if (!this.rebalancing) {
          for (const c of this.cursors) {
            const o = c.owner;
            if (o && o.reachable() && !o.down && this.commit(c, c.processedTo)) committed = true;
          }
        }
        if (committed) this.emitCommitted();
        this.commitTimer = sim.scheduler.schedule(this.settings.autoCommitIntervalMs, this, AUTO_COMMIT);
        return;
      }
    }
  }

  /** The broker (the group coordinator) came back: every session restarts from now. */
  brokerBack(): void {
    for (const m of this.members) {
      m.lastHeartbeat = this.topic.sim.now;
      if (m.down && m.inGroup) this.armExpiry(m);
    }
  }

  // ---- reporting ----

  private emit(ev: KafkaTrace): void {
    this.topic.sim.emit(ev);
  }

  private emitAssigned(m: Member): void {
    this.emit({
      type: 'kafka.partitions_assigned', t: this.topic.sim.now, node: this.topic.id, group: this.name, member: m.id,
      partitions: [...m.partitions], generation: this.generation,
    });
  }

  private emitCommitted(): void {
    this.emit({ type: 'kafka.offsets_committed', t: this.topic.sim.now, node: this.topic.id, group: this.name, offsets: this.offsets() });
  }

  /** The group's figures: membership, assignment, offsets and lag per partition, counters. */
  stats(): GroupStats {
    const now = this.topic.sim.now;
    const assignment: Record<string, number[]> = {};
    const members: string[] = [];
    const idle: string[] = [];
    const down: string[] = [];
    const processed: Record<string, number> = {};
    for (const m of this.members) {
      processed[m.id] = m.processed;
      if (!m.inGroup) continue;
      members.push(m.id);
      assignment[m.id] = m.partitions;
      if (m.partitions.length === 0 && !this.rebalancing) idle.push(m.id);
      if (m.down) down.push(m.id);
    }
    const committed: number[] = [];
    const position: number[] = [];
    const lag: number[] = [];
    for (let p = 0; p < this.cursors.length; p++) {
      const c = this.cursors[p]!;
      committed.push(c.committed);
      position.push(c.position);
      lag.push(this.topic.logEnd[p]! - c.committed);
    }
    return {
      members, assignment, idle, down, generation: this.generation, rebalancing: this.rebalancing, rebalances: this.rebalances,
      committed, position, lag, totalLag: this.lag.summary(now), processed,
      duplicates: this.duplicates, replayed: this.replayed, lost: this.lost, expiredUnread: this.expiredUnread,
    };
  }
}

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
}

/** Whether an in-flight copy's fate is sealed: processed, or lost on the way. */
function settled(msg: Message): boolean {
  return msg.state === 'done' || msg.state === 'dropped';
}

/**
 * Kafka's RangeAssignor for one topic: members sorted by id, each gets `parts / n` consecutive
 * partitions and the first `parts % n` members one more. Returns the index of `p`'s owner.
 */
export function rangeOwner(p: number, parts: number, n: number): number {
  const per = Math.floor(parts / n);
  const extra = parts % n;
  // The first `extra` members hold per + 1 partitions each.
  const cut = extra * (per + 1);
  return p < cut ? Math.floor(p / (per + 1)) : extra + Math.floor((p - cut) / per);
}
