import type { Message } from '../../engine/message';
import { TimeWeighted } from '../../engine/stats';
import type { KafkaMeta, Topic } from './kafka';
import type { GroupSettings, Member } from './consumer-group';
import { Cursor, poisonAtHead, settled, type ResetArgs } from './cursor';

export type { ResetArgs } from './cursor';

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
  /** `m` got a poll's records (the max.poll.interval.ms clock starts). */
  polled(m: Member): void;
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
  /** Records lost: at-most-once records whose consumer died (fetches travel over TCP and are never lost). */
  lost = 0;
  /** Records sent to the dead-letter topic (poison records, and records that failed maxAttempts times). */
  deadLettered = 0;
  /** Times a partition got stuck behind a poison record. */
  stuck = 0;
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

  /**
   * Fetches records of partition `p` for its owner while it can, a poll batch at a time: up to
   * `max.poll.records` (500 by default, SEMANTICS §8) records from the position, sent as one
   * response (one hop), processed in order. With `fetch.min.bytes`=1 the broker answers as soon
   * as one record is there; a fetch waiting for data (up to `fetch.max.wait.ms`) is answered by
   * the append. Re-entrant calls are ignored.
   */
  fetch(p: number): void {
    const c = this.cursors[p]!;
    if (c.fetching) return;
    c.fetching = true;
    try {
      for (;;) {
        const m = c.owner;
        if (this.group.rebalancing || !m || !this.topic.online) return;
        if (c.inflight.length > 0) {
          this.advance(c);
          if (c.counted < c.inflight.length) return;
          this.endBatch(c);
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
        const end = this.topic.logEnd[p]!;
        if (c.position >= end) return;
        const max = this.group.settings.maxPollRecords;
        // Sized for the most it can hold, then cut to what it got: a batch is mostly one record,
        // and an array grown from empty reserves room for 16 on its first push.
        const batch = new Array<Message>(Math.min(end - c.position, max));
        let k = 0;
        while (c.position < end && k < max) {
          const copy = this.topic.copyAt(this.group.index, p, c.position);
          // A record the consumer cannot deserialize ends the poll before it; at the head, the poll fails.
          if ((copy.meta as KafkaMeta).poison && copy.state === 'buffered') {
            if (k > 0 || !poisonAtHead(this, this.group.name, p, c, copy)) break;
            continue;
          }
          const offset = c.position++;
          this.topic.addUnread(-1);
          // Lost earlier for this group (at-most-once) or dead-lettered: nothing to deliver.
          if (copy.state === 'dropped' || copy.state === 'dead') continue;
          if (copy.state === 'done') {
            this.replayed++;
            copy.redelivered = true;
            this.topic.sim.requeue(this.topic, copy, 'read again from an earlier offset');
          } else if (copy.state !== 'buffered') {
            throw new Error(`${this.topic.id}/${this.group.name}: record ${p}@${offset} is ${copy.state}, not in the log`);
          }
          batch[k++] = copy;
        }
        // Setting `length` is a call into the runtime even when it does not change: only when cut.
        if (k < batch.length) batch.length = k;
        if (k === 0) {
          if (c.stuckAt === c.position) return;
          continue;
        }
        c.inflight = batch;
        c.inflightMember = m;
        c.counted = 0;
        c.gap = Infinity;
        // At-most-once: the offsets are committed before the records are processed (K: docs/design.html).
        if (this.group.settings.commit === 'before') this.commit(c, c.position);
        // A fetch response travels over TCP: random loss costs retransmissions, it never skips a
        // record (the consumer fetches again from its position: SEMANTICS §8 "A lost fetch").
        this.topic.sim.deliverBatch(m.link, batch, 'delivery');
        this.group.polled(m);
      }
    } finally {
      c.fetching = false;
    }
  }

  /**
   * Counts the records of `c`'s batch settled in order so far. The processed mark advances over
   * those done, up to a failed or lost one; with per-record commits (`autoCommitIntervalMs` 0, a
   * commitSync per record) each one is committed as it is done.
   */
  private advance(c: Cursor): void {
    const batch = c.inflight;
    const m = c.inflightMember!;
    const s = this.group.settings;
    while (c.counted < batch.length && settled(batch[c.counted]!)) {
      const copy = batch[c.counted++]!;
      const offset = (copy.meta as KafkaMeta).offset;
      if (copy.state === 'done') {
        m.processed++;
        if (copy.processedCount > 1) this.duplicates++;
      } else if (copy.state === 'dead') {
        this.deadLettered++;
      } else {
        this.lost++;
      }
      // A record fetched before a rewind does not move the processed mark past the new position.
      if (offset < c.gap && offset + 1 <= c.position && offset + 1 > c.processedTo) {
        c.processedTo = offset + 1;
        if (s.commit === 'after' && s.autoCommitIntervalMs === 0) this.commit(c, offset + 1);
      }
    }
  }

  /** The batch of `c` is all settled: the partition may fetch again. */
  private endBatch(c: Cursor): void {
    c.inflight = NO_BATCH;
    c.inflightMember = undefined;
    c.counted = 0;
    c.gap = Infinity;
  }

  /** Settles every in-flight record whose fate is sealed; returns whether any partition still has one in flight. */
  settleAll(): boolean {
    let waiting = false;
    for (const c of this.cursors) {
      if (c.inflight.length === 0) continue;
      this.advance(c);
      if (c.counted === c.inflight.length) this.endBatch(c);
      else waiting = true;
    }
    return waiting;
  }

  /** The member processed `msg` and acks it. */
  onAck(msg: Message): void {
    const p = (msg.meta as KafkaMeta).partition;
    const c = this.cursors[p]!;
    // Acks mostly come for the first record not yet counted: no search then.
    if (c.inflight[c.counted] !== msg && !c.inflight.includes(msg)) return;
    this.advance(c);
    if (c.counted < c.inflight.length) return;
    this.endBatch(c);
    this.fetch(p);
  }

  /** Processing of `msg` failed: the consumer seeks back to its offset and retries it, keeping the partition's order. */
  onNack(msg: Message): void {
    const p = (msg.meta as KafkaMeta).partition;
    const c = this.cursors[p]!;
    const { deadLetterTopic, maxAttempts } = this.topic.config;
    if (deadLetterTopic && msg.deliveries >= maxAttempts && c.inflight.includes(msg)) {
      // The error handler gives up on it: to the dead-letter topic, and the partition moves on.
      this.topic.deadLetter(msg, `processing failed ${msg.deliveries} times`);
      this.onAck(msg);
      return;
    }
    if (!this.unbatch(c, msg)) return;
    msg.redelivered = true;
    this.topic.sim.requeue(this.topic, msg, 'processing failed: the consumer seeks back and retries it');
    const offset = (msg.meta as KafkaMeta).offset;
    if (c.position > offset) this.setPosition(c, offset);
    this.fetch(p);
  }

  /** `m` went offline holding `msg`: at-least-once reads it again later; at-most-once has already committed it. */
  onLost(m: Member, msg: Message): void {
    const c = this.cursors[(msg.meta as KafkaMeta).partition]!;
    this.unbatch(c, msg);
    if (this.group.settings.commit === 'before') {
      this.lost++;
      this.topic.sim.drop(this.topic, msg, 'at-most-once: its offset was committed before processing and the consumer went offline');
    } else {
      msg.redelivered = true;
      this.topic.sim.requeue(this.topic, msg, `${m.id} went offline before processing it`);
      c.markUnread((msg.meta as KafkaMeta).offset, (msg.meta as KafkaMeta).offset + 1);
    }
  }

  /** Takes `msg` out of `c`'s batch (failed or lost), so the processed mark stops at it; false if it was not there. */
  private unbatch(c: Cursor, msg: Message): boolean {
    const i = c.inflight.indexOf(msg);
    if (i < 0) return false;
    c.inflight.splice(i, 1);
    if (i < c.counted) c.counted--;
    c.gap = Math.min(c.gap, (msg.meta as KafkaMeta).offset);
    // Nothing of the batch left to settle: the mark cannot move.
    if (c.inflight.length === 0) this.endBatch(c);
    return true;
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
    // Forward past records not fetched: they stay in the log, unread.
    if (offset > c.position) c.markUnread(c.position, offset);
    this.topic.addUnread(c.position - offset);
    c.position = offset;
  }

  /** Gives partition `p` to `owner` (or nobody), which reads from the committed offset. */
  own(p: number, owner: Member | undefined): void {
    const c = this.cursors[p]!;
    c.owner = owner;
    if (owner && !c.initialized) this.firstPosition(p, c);
    this.rewind(p);
  }

  /**
   * The group's first member for partition `p` finds no committed offset: `auto.offset.reset`
   * decides, `latest` (Kafka's default, SEMANTICS §2 "Offsets": a new group skips history) at the
   * log end, `earliest` at the log start. microsim commits that position at once, so a crash
   * before the first auto-commit does not apply the reset a second time.
   */
  private firstPosition(p: number, c: Cursor): void {
    c.initialized = true;
    const s = this.group.settings;
    const target = s.autoOffsetReset === 'earliest' ? this.topic.logStart[p]! : this.topic.logEnd[p]!;
    if (target === c.committed) return;
    this.lagNow += c.committed - target;
    c.committed = target;
    this.setPosition(c, target);
    c.processedTo = target;
    this.lag.set(this.topic.sim.now, this.lagNow);
    this.topic.sim.emit({
      type: 'kafka.offsets_reset', t: this.topic.sim.now, node: this.topic.id, group: this.group.name,
      offsets: this.offsets(), reason: `no committed offset: auto.offset.reset=${s.autoOffsetReset} on partition ${p}`,
    });
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

  /** Whether `m` still has a poll batch to finish in some partition. */
  busyWith(m: Member): boolean {
    for (const c of this.cursors) if (c.inflightMember === m && c.counted < c.inflight.length) return true;
    return false;
  }

  /** Whether `copy` is partition `p`'s record in flight to a member (so not waiting in the log). */
  holds(p: number, copy: Message): boolean {
    return this.cursors[p]!.inflight.includes(copy);
  }

  /** Whether retention may delete partition `p` below `end` without looking at the copies: none waits unread. */
  readBelow(p: number, end: number): boolean {
    return this.cursors[p]!.readBelow(end);
  }

  /** Retention moved the log start of partition `p`. */
  afterRetention(p: number): void {
    const c = this.cursors[p]!;
    c.deletedBelow(this.topic.logStart[p]!);
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

  /** Partitions stuck behind a poison record, with its offset. */
  stuckPartitions(): { partition: number; offset: number }[] {
    return this.cursors.flatMap((c, partition) => (c.stuckAt >= 0 && c.stuckAt === c.position ? [{ partition, offset: c.stuckAt }] : []));
  }

  /** The next offset to fetch of every partition. */
  positions(): number[] {
    return this.cursors.map((c) => c.position);
  }
}

/** The in-flight batch of a partition with none: one shared empty array (nothing adds to a batch once it is out). */
const NO_BATCH: Message[] = [];
