import { Fifo } from '../../engine/fifo';
import type { Link } from '../../engine/link';
import type { Message } from '../../engine/message';
import type { SimNode } from '../../engine/node';
import { RoundRobin, type Candidates } from '../../engine/round-robin';
import type { ScheduledEvent } from '../../engine/scheduler';
import type { Simulation } from '../../engine/simulation';
import type { Timer } from '../../engine/timers';
import type { SignalKind } from '../../engine/trace';
import { QueueBuffer, expiresAt, type BufferTimers } from './queue-buffer';
import type { ChannelState, QueueConfig } from './queue-schema';

export const CONSUMER_TIMEOUT = 3;
/** The delivery side's timers: the buffer's, and the periodic consumer_timeout check. Subclasses use other numbers. */
export type DeliveryTimers = BufferTimers & { [CONSUMER_TIMEOUT]: undefined };
/** RabbitMQ checks consumer_timeout about once a minute (RMQ/consumers), so a delivery may overstay it by up to that. */
export const CONSUMER_TIMEOUT_CHECK_MS = 60_000;

/** One consumer: a link to a node that gets deliveries, and what it holds unacked. */
export interface Consumer {
  readonly link: Link;
  readonly node: SimNode;
  /** Deliveries not yet acked, in delivery order (manual ack only). Acks come mostly oldest first, so a deque beats a set here. */
  readonly unacked: Fifo<Message>;
  delivered: number;
  /** Its channel: see ChannelState. */
  channel: ChannelState;
  /** The heartbeat timeout pending while the channel is blocked. */
  heartbeat: ScheduledEvent | undefined;
}

/**
 * The queue's delivery side (SEMANTICS §1): its consumers, round-robin under each one's prefetch,
 * acks and nacks, and what a consumer that goes away had unacked. Channel faults (heartbeat,
 * consumer_timeout, broker restart) are the subclass's.
 */
export abstract class QueueDelivery<C extends QueueConfig = QueueConfig> extends QueueBuffer<C> implements Candidates {
  protected consumers: Consumer[] = [];
  protected readonly byNode = new Map<SimNode, Consumer>();
  private readonly turn = new RoundRobin();
  private dispatching = false;
  private acked = 0;
  private nacked = 0;
  private redelivered = 0;
  private staleAcks = 0;
  protected timeoutCheck: ScheduledEvent | undefined;

  constructor(sim: Simulation, config: C) {
    super(sim, config);
  }

  /** The periodic consumer_timeout check (a channel fault: the subclass's). */
  protected abstract checkConsumerTimeouts(): void;

  override handle(ev: Timer<DeliveryTimers>): void {
    if (ev.type === CONSUMER_TIMEOUT) this.checkConsumerTimeouts();
    else super.handle(ev);
  }

  /**
   * Splits the outgoing links into consumers and the dead-letter exchange. A queue never delivers
   * to an exchange: a link to one that is not the dead-letter exchange carries nothing.
   */
  protected wire(): void {
    this.deadLetterLink = undefined;
    const consumers: Consumer[] = [];
    for (const link of this.sim.outgoing(this.id)) {
      if (link.to.id === this.config.deadLetterExchange) {
        this.deadLetterLink = link;
        continue;
      }
      if (link.to.kind === 'exchange') continue;
      const known = this.byNode.get(link.to);
      consumers.push(known ?? { link, node: link.to, unacked: new Fifo(), delivered: 0, channel: 'open', heartbeat: undefined });
    }
    this.consumers = consumers;
    this.byNode.clear();
    for (const c of consumers) this.byNode.set(c.node, c);
    this.turn.clamp(consumers.length);
  }

  /**
   * The consumer on `node`, if it is one. A queue has a few consumers: comparing the first four
   * costs less than a Map lookup by object, done twice per ack (reliableSignals, onSignal).
   */
  protected consumerOf(node: SimNode): Consumer | undefined {
    const cs = this.consumers;
    const n = cs.length;
    for (let i = 0; i < n && i < 4; i++) if (cs[i]!.node === node) return cs[i];
    return n > 4 ? this.byNode.get(node) : undefined;
  }

  override acksWanted(): boolean {
    return this.config.ack === 'manual';
  }

  /** Hands ready messages to consumers with room, round-robin, expiring dead heads on the way. Re-entrant calls are ignored. */
  protected dispatch(): void {
    if (this.dispatching) return;
    this.dispatching = true;
    try {
      const cs = this.consumers;
      const n = cs.length;
      while (this.ready.length > 0) {
        const head = this.ready.peekFront()!;
        // Strictly past: a TTL of 0 still lets a message go to a consumer ready for it (RMQ/ttl).
        if (expiresAt(head) < this.sim.now) {
          this.deadLetter(this.take(), 'expired');
          continue;
        }
        if (!this.online) break;
        const chosen = this.turn.pick(n, this);
        if (chosen < 0) break;
        this.handOut(cs[chosen]!, this.take());
      }
    } finally {
      this.dispatching = false;
    }
    this.armExpiry();
  }

  /** Whether consumer `k` can take a delivery now (the round robin asks; the consumer list is fixed during a dispatch). */
  hasRoomAt(k: number): boolean {
    return this.hasRoom(this.consumers[k]!);
  }

  private handOut(c: Consumer, msg: Message): void {
    c.delivered++;
    if (msg.redelivered) this.redelivered++;
    const manual = this.config.ack === 'manual';
    if (manual) {
      c.unacked.push(msg);
      if (!this.timeoutCheck && this.config.consumerTimeoutMs > 0) {
        this.timeoutCheck = this.sim.scheduler.schedule(CONSUMER_TIMEOUT_CHECK_MS, this, CONSUMER_TIMEOUT);
      }
    }
    // Over the consumer's connection (TCP): random loss only delays the delivery (RMQ runs on TCP).
    this.sim.deliver(c.link, msg, 'delivery', true);
  }

  private hasRoom(c: Consumer): boolean {
    if (!c.node.online || c.channel !== 'open') return false;
    // Auto-ack ignores prefetch: the broker pushes as fast as it can (RMQ/confirms).
    if (this.config.ack === 'auto') return true;
    let prefetch = this.config.prefetch;
    // Quorum queues cap prefetch at 2,000 (RMQ/consumer-prefetch).
    if (this.config.queueType === 'quorum' && (prefetch === 0 || prefetch > 2000)) prefetch = 2000;
    return prefetch === 0 || c.unacked.length < prefetch;
  }

  override onSignal(kind: SignalKind, msg: Message | undefined, from: SimNode): void {
    if (!msg || (kind !== 'ack' && kind !== 'nack')) return;
    if (this.config.ack === 'auto') {
      // The broker forgot it when it was sent; a consumer that fails it loses it.
      if (kind === 'nack' && msg.state === 'processing') this.discard(msg, 'auto-ack: processing failed');
      return;
    }
    const c = this.consumerOf(from);
    const at = c ? indexIn(c.unacked, msg) : -1;
    if (at < 0) {
      // Its channel closed before this got through, and the message was requeued then.
      this.staleAcks++;
      return;
    }
    if (!from.online) {
      // The consumer went away before its ack or nack arrived: the channel is closed, so
      // this and everything else it held go back (the broker learns it only now).
      this.closeChannel(c!, msg);
    } else {
      removeAt(c!.unacked, at);
      if (kind === 'ack') {
        this.acked++;
      } else {
        this.nacked++;
        if (this.config.onNack === 'dead-letter') this.deadLetter(msg, 'rejected');
        else this.giveBack(msg, 'nack');
      }
    }
    this.dispatch();
  }

  /** Acks and nacks travel on the consumer's connection: TCP delays them, it does not lose them. */
  override reliableSignals(from: SimNode): boolean {
    return this.config.ack === 'manual' && this.consumerOf(from) !== undefined;
  }

  override onConsumerLost(msg: Message, consumer: SimNode): void {
    if (this.config.ack === 'auto') {
      this.discard(msg, 'auto-ack: consumer went offline');
      return;
    }
    const c = this.consumerOf(consumer);
    // Already requeued when the channel closed.
    if (!c || indexIn(c.unacked, msg) < 0) return;
    this.closeChannel(c, msg);
    this.dispatch();
  }

  /**
   * The consumer's channel is gone: every unacked delivery it had returns to the head of the
   * queue in its original order, except copies still on the wire to it (`lost` excepted), which
   * come back one by one when it refuses them.
   */
  private closeChannel(c: Consumer, lost: Message): void {
    const held = c.unacked.toArray();
    c.unacked.clear();
    const back: Message[] = [];
    for (const m of held) {
      if (m === lost || m.state !== 'transit') back.push(m);
      else c.unacked.push(m);
    }
    this.sim.emit({ type: 'queue.channel_closed', t: this.sim.now, node: this.id, consumer: c.node.id, requeued: back.length });
    const reason = `consumer ${c.node.id} went offline`;
    for (let i = back.length - 1; i >= 0; i--) this.giveBack(back[i]!, reason);
  }

  /** The delivery side's figures, for `stats`. */
  protected deliveryStats(): { acked: number; nacked: number; redelivered: number; staleAcks: number } {
    return { acked: this.acked, nacked: this.nacked, redelivered: this.redelivered, staleAcks: this.staleAcks };
  }
}

/** Where `msg` is in `list`, searching from the oldest, or -1. */
function indexIn(list: Fifo<Message>, msg: Message): number {
  for (let i = 0, n = list.length; i < n; i++) if (list.peekAt(i) === msg) return i;
  return -1;
}

function removeAt(list: Fifo<Message>, i: number): void {
  if (i === 0) list.shift();
  else if (i > 0) list.removeOne(i);
}
