import { Fifo } from '../../engine/fifo';
import type { Link } from '../../engine/link';
import type { DropOutcome, Message } from '../../engine/message';
import { SimNode } from '../../engine/node';
import type { ScheduledEvent } from '../../engine/scheduler';
import type { Simulation } from '../../engine/simulation';
import type { Timer } from '../../engine/timers';
import type { Channel } from '../../engine/trace';
import { deathMeta, isDeadLetterCycle, type DeathReason } from './dead-letter';
import type { QueueConfig } from './queue-schema';
import { settleConfirm } from '../core/confirms';

/** Timer type of the buffer; the queue's other layers use other numbers. */
const EXPIRE = 1;
/** The buffer's timer: the message at the head reaches its TTL. */
export type BufferTimers = { [EXPIRE]: undefined };

/**
 * The queue's buffer (SEMANTICS §1): ready messages in FIFO order, what happens to a copy on its
 * way in (overflow, dead-letter cycles, parking in a dead-letter queue), TTL at the head, and
 * dead-lettering. Handing messages to consumers is the subclass's (`dispatch`).
 */
export abstract class QueueBuffer<C extends QueueConfig = QueueConfig> extends SimNode<C> {
  protected readonly ready = new Fifo<Message>();
  protected deadLetterLink: Link | undefined;
  private expiry: ScheduledEvent | undefined;
  private parked = 0;
  private requeued = 0;
  private expired = 0;
  private readonly deadLettered: Record<string, number> = {};
  private readonly dropped: Record<string, number> = {};
  private readonly parkedBy: Record<string, number> = {};

  constructor(sim: Simulation, config: C) {
    super(sim, config);
  }

  /** Hands ready messages to consumers; called whenever the buffer or the consumers change. */
  protected abstract dispatch(): void;
  /** The consumers' links (a dead-letter queue without any parks what arrives). */
  protected abstract readonly consumers: readonly unknown[];

  override receive(msg: Message, _from: SimNode, channel: Channel): void {
    if (!this.online) {
      // A publisher using confirms hears basic.nack: the broker refuses responsibility (RMQ/confirms).
      settleConfirm(msg, false, this.id, 0, 'queue offline');
      this.discard(msg, 'queue offline');
      return;
    }
    if (channel === 'dead-letter' && isDeadLetterCycle(msg, this.id)) {
      this.discard(msg, 'dead-letter cycle');
      return;
    }
    if (this.config.deadLetterQueue && this.consumers.length === 0) {
      this.confirmAccepted(msg);
      this.park(msg);
      return;
    }
    const max = this.config.maxLength;
    if (max !== undefined && this.config.overflow !== 'drop-head' && this.ready.length >= max) {
      // Refused: with confirms, basic.nack for both reject-publish and reject-publish-dlx (RMQ/maxlength).
      const confirmed = settleConfirmed(msg, false, this.id, `queue full (x-overflow ${this.config.overflow})`);
      if (this.config.overflow === 'reject-publish-dlx') this.deadLetter(msg, 'maxlen');
      else this.discard(msg, 'reject-publish', confirmed ? 'rejected' : 'lost');
      return;
    }
    this.confirmAccepted(msg);
    this.stampExpiry(msg);
    this.ready.push(msg);
    this.showBacklog();
    this.sim.enqueue(this, msg, this.ready.length);
    if (max !== undefined) while (this.ready.length > max) this.deadLetter(this.take(), 'maxlen');
    this.dispatch();
  }

  /**
   * The queue accepted `msg`: a publisher using confirms hears basic.ack, once the message is on
   * disk if it must be (persistent in a durable or quorum queue: at the end of the current fsync
   * batch, see `confirmBatchMs`), else at once.
   */
  private confirmAccepted(msg: Message): void {
    if (msg.meta?.confirm === undefined) return;
    const c = this.config;
    const onDisk = c.queueType === 'quorum' || (c.durable && c.deliveryMode === 'persistent');
    const batch = c.confirmBatchMs;
    const wait = onDisk && batch > 0 ? batch - (this.sim.now % batch) : 0;
    settleConfirm(msg, true, this.id, wait);
  }

  /** A failed delivery returns: to the head, redelivered, unless it has used up its delivery limit. */
  protected giveBack(msg: Message, reason: string): void {
    const limit = this.config.deliveryLimit ?? (this.config.queueType === 'quorum' ? 20 : -1);
    const base = msg.meta?.deliveryBase;
    const attempts = msg.deliveries - (typeof base === 'number' ? base : 0);
    if (limit >= 0 && attempts > limit) {
      this.deadLetter(msg, 'delivery_limit');
      return;
    }
    msg.redelivered = true;
    this.requeued++;
    this.ready.unshift(msg);
    this.showBacklog();
    this.sim.requeue(this, msg, reason);
  }

  /** Sends `msg` to the dead-letter exchange with its history, or discards it when there is none. */
  protected deadLetter(msg: Message, reason: DeathReason): void {
    if (reason === 'expired') this.expired++;
    const link = this.deadLetterLink;
    if (!link) {
      this.discard(msg, reason);
      return;
    }
    msg.meta = deathMeta(msg, this.id, reason, this.config.deadLetterRoutingKey);
    // Dead-lettering republishes: the next queue sees a fresh message.
    msg.redelivered = false;
    bump(this.deadLettered, reason);
    this.sim.emit({ type: 'queue.dead_lettered', t: this.sim.now, node: this.id, msgId: msg.id, reason, exchange: link.to.id });
    this.sim.send(link, msg, 'dead-letter');
  }

  private park(msg: Message): void {
    const reason = msg.meta?.deathReason;
    const why = typeof reason === 'string' ? reason : 'parked';
    this.parked++;
    bump(this.parkedBy, why);
    this.showBacklog();
    this.sim.deadLetter(this, msg, why);
  }

  protected discard(msg: Message, reason: string, outcome: DropOutcome = 'lost'): void {
    bump(this.dropped, reason);
    this.sim.drop(this, msg, reason, outcome);
  }

  protected take(): Message {
    const msg = this.ready.shift()!;
    this.showBacklog();
    return msg;
  }

  private showBacklog(): void {
    this.setBacklog(this.ready.length + this.parked);
  }

  /** Records when `msg` expires in this queue (from now), or clears a stale expiry from another queue. */
  private stampExpiry(msg: Message): void {
    const meta = msg.meta;
    let life = this.config.messageTtlMs;
    const own = meta?.expirationMs;
    if (typeof own === 'number' && (life === undefined || own < life)) life = own;
    if (life !== undefined) {
      if (meta) meta.expiresAt = this.sim.now + life;
      else msg.meta = { expiresAt: this.sim.now + life };
    } else if (meta && meta.expiresAt !== undefined) {
      meta.expiresAt = undefined;
    }
  }

  /** Keeps one timer for the head's expiry: the head alone can expire (RMQ/ttl). */
  protected armExpiry(): void {
    const head = this.ready.peekFront();
    if (!head) return;
    const at = expiresAt(head);
    if (at === Infinity) return;
    if (this.expiry && this.expiry.time <= at) return;
    if (this.expiry) this.sim.scheduler.cancel(this.expiry);
    this.expiry = this.sim.scheduler.schedule(Math.max(0, at - this.sim.now), this, EXPIRE);
  }

  override handle(_ev: Timer<BufferTimers>): void {
    this.expiry = undefined;
    for (let head = this.ready.peekFront(); head && expiresAt(head) <= this.sim.now; head = this.ready.peekFront()) {
      this.deadLetter(this.take(), 'expired');
    }
    this.dispatch();
  }

  /** `purge`: removes every ready message (not the unacked ones), as `queue.purge` does. */
  protected purge(): void {
    while (this.ready.length > 0) this.discard(this.take(), 'purged');
  }

  /** The buffer's figures, for `stats`. */
  protected bufferStats() {
    return {
      ready: this.ready.length,
      parked: this.parked,
      requeued: this.requeued,
      expired: this.expired,
      deadLettered: { ...this.deadLettered },
      dropped: { ...this.dropped },
      parkedByReason: { ...this.parkedBy },
    };
  }
}

/** When `msg` expires in the queue holding it, or Infinity. */
export function expiresAt(msg: Message): number {
  const at = msg.meta?.expiresAt;
  return typeof at === 'number' ? at : Infinity;
}

export function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** Settles `msg`'s publisher confirm (if it has one) and says whether it had one. */
function settleConfirmed(msg: Message, ok: boolean, by: string, reason: string): boolean {
  if (msg.meta?.confirm === undefined) return false;
  settleConfirm(msg, ok, by, 0, reason);
  return true;
}
