/**
 * Where one copy of a message is at an instant. Every copy is in exactly one state;
 * the ledger keeps the counts, and they always add up to the copies created.
 */
export type MsgState = 'transit' | 'buffered' | 'processing' | 'done' | 'dead' | 'dropped';

/** All states, in display order. */
export const MSG_STATES: readonly MsgState[] = ['transit', 'buffered', 'processing', 'done', 'dead', 'dropped'];

/**
 * One copy of a message. A fan-out (an exchange bound to three queues, a topic with three
 * subscriptions) makes copies that share `root`; each copy has its own life.
 */
export interface Message {
  /** This copy's id, unique in the run. */
  readonly id: number;
  /** The id of the message as it was published; the same for all its copies. */
  readonly root: number;
  /** The business event or request name, e.g. "UserRegistered". */
  readonly type: string;
  /** Routing or partition key, when the producer sets one. */
  readonly key: string | undefined;
  /** The node that published it. */
  readonly origin: string;
  /** Simulated time of publication, ms. */
  readonly publishedAt: number;
  /** Current state; only the ledger changes it. */
  state: MsgState;
  /** Deliveries to a consumer so far (1 on the first delivery). */
  deliveries: number;
  /**
   * Simulated time of its last delivery, ms (NaN before the first): set by the engine's
   * `deliver`, read by a queue's consumer_timeout. A field, not a broker's WeakMap keyed by
   * message: one WeakMap entry per delivery cost more than the rest of the delivery.
   */
  deliveredAt: number;
  /** Times processing completed; more than 1 means it was processed as a duplicate. */
  processedCount: number;
  /** Set once the broker has handed it out before and takes it back (RabbitMQ's `redelivered` flag). */
  redelivered: boolean;
  /** The last broker or endpoint it passed through, for per-node latency. */
  via: string | undefined;
  /** Model-specific fields (routing key, partition, offset, delivery id, ...). */
  meta: Record<string, unknown> | undefined;
  /**
   * Shared by a copy and the copies a broker made to redeliver it (a pub/sub ack deadline
   * passing while the subscriber still holds the first): processing any of them a second time
   * is a duplicate.
   */
  family: { processed: number } | undefined;
  /** Shared by every copy of one publication once it has been copied: how many copies it has made (see LIMITS). */
  lineage: { copies: number } | undefined;
  /**
   * The record a broker keeps of this copy while a consumer holds it (a pub/sub ack lease), so
   * that an ack finds it without a map keyed by message. Only the broker that set it reads it;
   * never carried over to a copy.
   */
  held: object | undefined;
}

/** Totals the ledger keeps: current counts by state plus cumulative counters. */
export interface LedgerTotals {
  /** Messages published (originals, not copies). */
  published: number;
  /** Copies created, originals included: every copy is in exactly one state. */
  copies: number;
  /** Deliveries handed to consumers (redeliveries included). */
  delivered: number;
  /** Processing completions (duplicates included). */
  processed: number;
  /** Processing completions of a copy that had already been processed. */
  duplicates: number;
  /** Copies already processed that came back (a retry) and were answered without processing them again. */
  suppressed: number;
  inTransit: number;
  buffered: number;
  processing: number;
  done: number;
  deadLettered: number;
  dropped: number;
  /** Of the dropped: requests that failed (an error answer, a refused connection, a timeout). */
  failed: number;
  /** Of the dropped: requests refused before being sent (fail fast: an open breaker, a full bulkhead). */
  rejected: number;
  /** Answers that came after their caller had given up on the request (not a copy: counted apart). */
  late: number;
}

/** Why a dropped copy is gone: lost (for good), or a request that failed or was refused. */
export type DropOutcome = 'lost' | 'failed' | 'rejected';

// A switch compiles to a jump on interned strings: cheaper on the hot path than a keyed lookup.
function index(state: MsgState): number {
  switch (state) {
    case 'transit':
      return 0;
    case 'buffered':
      return 1;
    case 'processing':
      return 2;
    case 'done':
      return 3;
    case 'dead':
      return 4;
    case 'dropped':
      return 5;
  }
}

/**
 * Message accounting: creates messages and copies, moves them between states and keeps
 * the counts. `dropped` is final: nothing leaves it.
 */
export class Ledger {
  private nextId = 1;
  private counts = [0, 0, 0, 0, 0, 0];
  published = 0;
  copies = 0;
  delivered = 0;
  processed = 0;
  duplicates = 0;
  suppressed = 0;
  failed = 0;
  rejected = 0;
  late = 0;

  /** A new original message, in transit from its publisher. */
  create(type: string, key: string | undefined, origin: string, now: number, meta?: Record<string, unknown>): Message {
    const id = this.nextId++;
    this.published++;
    this.copies++;
    this.counts[0]!++;
    return {
      id, root: id, type, key, origin, publishedAt: now, state: 'transit',
      deliveries: 0, deliveredAt: NaN, processedCount: 0, redelivered: false, via: undefined, meta, family: undefined, lineage: undefined,
      held: undefined,
    };
  }

  /**
   * A new copy of `msg`, starting in `state`: a fan-out copy, or with `redelivery` a second
   * copy of the same delivery, of the same family (see Message.family). With `shareMeta`, it
   * keeps `msg`'s meta object rather than a clone.
   */
  copy(msg: Message, state: MsgState, redelivery = false, shareMeta = false): Message {
    const id = this.nextId++;
    this.copies++;
    this.counts[index(state)]!++;
    const lineage = (msg.lineage ??= { copies: 0 });
    lineage.copies++;
    return {
      id, root: msg.root, type: msg.type, key: msg.key, origin: msg.origin, publishedAt: msg.publishedAt, state,
      deliveries: 0, deliveredAt: NaN, processedCount: 0, redelivered: redelivery, via: msg.via, meta: shareMeta || !msg.meta ? msg.meta : { ...msg.meta },
      family: redelivery ? (msg.family ??= { processed: msg.processedCount }) : undefined, lineage, held: undefined,
    };
  }

  /** Moves a copy to `state`. Throws if the copy was already dropped: a lost message cannot come back. */
  move(msg: Message, state: MsgState): void {
    if (msg.state === 'dropped') throw new Error(`message ${msg.id} was dropped and cannot become ${state}`);
    this.counts[index(msg.state)]!--;
    this.counts[index(state)]!++;
    msg.state = state;
  }

  /** Drops a copy (see `move`), counting a failed or rejected request apart from a loss. */
  drop(msg: Message, outcome: DropOutcome): void {
    this.move(msg, 'dropped');
    if (outcome === 'failed') this.failed++;
    else if (outcome === 'rejected') this.rejected++;
  }

  /** Copies alive right now: in transit, buffered or being processed. */
  get live(): number {
    const c = this.counts;
    return c[0]! + c[1]! + c[2]!;
  }

  /** How many copies are in `state` right now. */
  count(state: MsgState): number {
    return this.counts[index(state)]!;
  }

  /** A snapshot of every total. */
  totals(): LedgerTotals {
    const c = this.counts;
    return {
      published: this.published, copies: this.copies, delivered: this.delivered, processed: this.processed,
      duplicates: this.duplicates, suppressed: this.suppressed, inTransit: c[0]!, buffered: c[1]!, processing: c[2]!, done: c[3]!,
      deadLettered: c[4]!, dropped: c[5]!, failed: this.failed, rejected: this.rejected, late: this.late,
    };
  }
}
