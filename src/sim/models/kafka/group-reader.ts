import type { Message } from '../../engine/message';
import { TimeWeighted } from '../../engine/stats';
import type { KafkaMeta, Topic } from './kafka';
import type { GroupSettings, Member } from './consumer-group';

/** What the `reset-offsets` command takes: one of toOffset, toTimeMs, toEarliest, toLatest; optionally one partition. */
export interface ResetArgs {
  toOffset?: number;
  toTimeMs?: number;
  toEarliest?: boolean;
  toLatest?: boolean;
  partition?: number;
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

/** What a reader needs from its group: settings, the rebalance flag, and word of members found gone or back. */
export interface ReaderHost {
  readonly name: string;
  /** This group's index in the topic: which copy of each record is this group's. */
  readonly index: number;
  readonly settings: GroupSettings;
  readonly rebalancing: boolean;
  /** A fetch found `m` unreachable. */
  observeDown(m: Member): void;
  /** A fetch found `m` reachable again after it was seen down. */
  observeUp(m: Member): void;
}

/**
 * A consumer group's reading of its topic: per partition the fetch position, the one record in
 * flight, the processed mark and the committed offset, plus the group's lag. Which member owns a
 * partition is the group's business; the reader only fetches for that owner.
 */
export class GroupReader {
  private readonly cursors: Cursor[] = [];
  /** Processing completions of records this group had already processed (crash reprocessing, replays). */
  duplicates = 0;
  /** Records fetched again after being processed (rewinds to the committed offset, resets). */
  replayed = 0;
  /** Records lost: at-most-once records whose consumer died, fetches lost on the network. */
  lost = 0;
  /** Sum over partitions of log-end offset minus committed offset. */
  readonly lag = new TimeWeighted();
  private lagNow = 0;

  constructor(
    readonly topic: Topic,
    private readonly group: ReaderHost,
  ) {
    for (let p = 0; p < topic.partitions; p++) this.cursors.push(new Cursor());
  }

  /** The number of partitions. */
  get partitions(): number {
    return this.cursors.length;
  }

  /** A record was appended to partition `p`: the group's lag grows, and the owner may fetch it. */
  appended(p: number): void {
    this.lag.set(this.topic.sim.now, ++this.lagNow);
    this.fetch(p);
  }

  /** Fetches every partition, in partition order. */
  fetchAll(): void {
    for (let p = 0; p < this.cursors.length; p++) this.fetch(p);
  }

  /** Fetches records of partition `p` for its owner, one at a time, while it can. Re-entrant calls are ignored. */
  fetch(p: number): void {
    const c = this.cursors[p]!;
    if (c.fetching) return;
    c.fetching = true;
    try {
      for (;;) {
        const m = c.owner;
        if (this.group.rebalancing || !m || !this.topic.online) return;
        if (c.inflight) {
          if (!settled(c.inflight)) return;
          this.settle(c);
        }
        if (!m.reachable()) {
          this.group.observeDown(m);
          return;
        }
        if (m.down) {
          this.group.observeUp(m);
          continue;
        }
        const start = this.topic.logStart[p]!;
        if (c.position < start) this.outOfRange(p, c);
        if (c.position >= this.topic.logEnd[p]!) return;
        const copy = this.topic.copyAt(this.group.index, p, c.position);
        const offset = c.position++;
        this.topic.addUnread(-1);
        // Lost earlier for this group (at-most-once, the network): nothing to deliver.
        if (copy.state === 'dropped') continue;
        if (copy.state === 'done') {
          this.replayed++;
          copy.redelivered = true;
          this.topic.sim.requeue(this.topic, copy, 'read again from an earlier offset');
        } else if (copy.state !== 'buffered') {
          throw new Error(`${this.topic.id}/${this.group.name}: record ${p}@${offset} is ${copy.state}, not in the log`);
        }
        c.inflight = copy;
        c.inflightOffset = offset;
        c.inflightMember = m;
        // At-most-once: the offset is committed before the record is processed (K: docs/design.html).
        if (this.group.settings.commit === 'before') this.commit(c, c.position);
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
      const s = this.group.settings;
      if (s.commit === 'after' && s.autoCommitIntervalMs === 0) this.commit(c, next);
    }
  }

  /** Settles every in-flight record whose fate is sealed; returns whether any partition still has one in flight. */
  settleAll(): boolean {
    let waiting = false;
    for (const c of this.cursors) {
      if (c.inflight && settled(c.inflight)) this.settle(c);
      if (c.inflight) waiting = true;
    }
    return waiting;
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
    if (this.group.settings.commit === 'before') {
      this.lost++;
      this.topic.sim.drop(this.topic, msg, 'at-most-once: its offset was committed before processing and the consumer went offline');
    } else {
      msg.redelivered = true;
      this.topic.sim.requeue(this.topic, msg, `${m.id} went offline before processing it`);
    }
  }

  /** Commits what partition `p` processed; returns whether the committed offset moved. */
  commitProcessed(p: number): boolean {
    const c = this.cursors[p]!;
    return this.commit(c, c.processedTo);
  }

  /** Commits what every partition whose owner is reachable and not seen down processed; returns whether any offset moved. */
  commitOwned(): boolean {
    let committed = false;
    for (const c of this.cursors) {
      const o = c.owner;
      if (o && o.reachable() && !o.down && this.commit(c, c.processedTo)) committed = true;
    }
    return committed;
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

  /** Gives partition `p` to `owner` (or nobody), which reads from the committed offset. */
  own(p: number, owner: Member | undefined): void {
    const c = this.cursors[p]!;
    c.owner = owner;
    this.rewind(p);
  }

  /** A restarting consumer reads partition `p` from the committed offset and remembers nothing it processed since. */
  rewind(p: number): void {
    const c = this.cursors[p]!;
    this.setPosition(c, c.committed);
    c.processedTo = c.committed;
  }

  /** The position fell below the log start (retention deleted unread records): `auto.offset.reset`. */
  private outOfRange(p: number, c: Cursor): void {
    const s = this.group.settings;
    const target = s.autoOffsetReset === 'earliest' ? this.topic.logStart[p]! : this.topic.logEnd[p]!;
    this.setPosition(c, target);
    c.processedTo = target;
    this.commit(c, target);
    this.topic.sim.emit({
      type: 'kafka.offsets_reset', t: this.topic.sim.now, node: this.topic.id, group: this.group.name,
      offsets: this.offsets(), reason: `auto.offset.reset=${s.autoOffsetReset} on partition ${p}`,
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
    this.topic.sim.emit({
      type: 'kafka.offsets_reset', t: this.topic.sim.now, node: this.topic.id, group: this.group.name, offsets: this.offsets(), reason: `reset to ${what}`,
    });
    this.fetchAll();
  }

  /** The committed offset of every partition. */
  offsets(): number[] {
    return this.cursors.map((c) => c.committed);
  }

  /** The next offset to fetch of every partition. */
  positions(): number[] {
    return this.cursors.map((c) => c.position);
  }
}

/** Whether an in-flight copy's fate is sealed: processed, or lost on the way. */
function settled(msg: Message): boolean {
  return msg.state === 'done' || msg.state === 'dropped';
}
