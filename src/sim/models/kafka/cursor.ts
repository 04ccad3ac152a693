import type { Message } from '../../engine/message';
import type { GroupReader } from './group-reader';
import type { Member } from './member';

/** A group's read state in one partition. */
export class Cursor {
  /** Offset the group committed: where a consumer that (re)starts reads from. */
  committed = 0;
  /** Next offset to fetch. */
  position = 0;
  /** Offsets below this one were processed (at-least-once commits up to here). */
  processedTo = 0;
  owner: Member | undefined;
  /**
   * The poll batch of this partition in flight, in offset order: fetched and not yet settled.
   * The next fetch waits for it, which keeps the partition's order.
   */
  inflight: Message[] = [];
  inflightMember: Member | undefined;
  /** The group has had a position here: until its first owner, it has no committed offset. */
  initialized = false;
  /** Records of the batch settled and counted so far (a prefix: they settle in order). */
  counted = 0;
  /** The lowest offset of the batch that failed or was lost: the processed mark stops there. */
  gap = Infinity;
  fetching = false;
  /** The offset of a record no poll gets past (a poison record at the head), or -1. */
  stuckAt = -1;
  /**
   * Offsets below the position whose copy may wait in the log unfetched (`buffered`, not in
   * flight): from `unreadFrom` to `unreadTo`, both ends loose. Every other copy below the
   * position is in flight or settled, so retention deletes it without looking at it.
   */
  unreadFrom = Infinity;
  unreadTo = -Infinity;

  /** The copies from `from` to `to` (excluded) may wait in the log unfetched below the position. */
  markUnread(from: number, to: number): void {
    if (from < this.unreadFrom) this.unreadFrom = from;
    if (to > this.unreadTo) this.unreadTo = to;
  }

  /** Whether no copy below offset `end` waits in the log unfetched (all read, in flight or settled). */
  readBelow(end: number): boolean {
    return end <= this.position && end <= this.unreadFrom;
  }

  /** Retention deleted the log below `logStart`: marks below it are gone. */
  deletedBelow(logStart: number): void {
    if (logStart >= this.unreadTo) {
      this.unreadFrom = Infinity;
      this.unreadTo = -Infinity;
    } else if (logStart > this.unreadFrom) this.unreadFrom = logStart;
  }
}

/** What the `reset-offsets` command takes: one of toOffset, toTimeMs, toEarliest, toLatest; optionally one partition. */
export interface ResetArgs {
  toOffset?: number;
  toTimeMs?: number;
  toEarliest?: boolean;
  toLatest?: boolean;
  partition?: number;
}

/** Whether an in-flight copy's fate is sealed: processed, lost on the way, or sent to the dead-letter topic. */
export function settled(msg: Message): boolean {
  return msg.state === 'done' || msg.state === 'dropped' || msg.state === 'dead';
}

/**
 * A poison record is next in partition `p` of `reader`'s group: every poll throws on it (a
 * deserialization error). With a dead-letter topic the consumer's error handler publishes it
 * there and moves past it (returns true); without one the partition is stuck behind it for
 * good, its lag growing (returns false; traced once).
 */
export function poisonAtHead(reader: GroupReader, group: string, p: number, c: Cursor, copy: Message): boolean {
  const topic = reader.topic;
  const offset = c.position;
  if (!topic.config.deadLetterTopic) {
    if (c.stuckAt !== offset) {
      c.stuckAt = offset;
      reader.stuck++;
      topic.sim.emit({ type: 'kafka.poll_failed', t: topic.sim.now, node: topic.id, group, member: c.owner!.id, partition: p, offset });
    }
    return false;
  }
  c.stuckAt = -1;
  c.position++;
  topic.addUnread(-1);
  reader.deadLettered++;
  topic.deadLetter(copy, `could not be deserialized at ${p}@${offset}`);
  if (c.processedTo === offset) c.processedTo = offset + 1;
  return true;
}
