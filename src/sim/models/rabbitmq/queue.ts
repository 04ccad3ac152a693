import type { Link } from '../../engine/link';
import type { Message } from '../../engine/message';
import type { NodeStats } from '../../engine/node';
import type { Simulation } from '../../engine/simulation';
import type { Timer } from '../../engine/timers';
import { CONSUMER_TIMEOUT, CONSUMER_TIMEOUT_CHECK_MS, QueueDelivery, type Consumer, type DeliveryTimers } from './queue-delivery';
import type { ChannelState, QueueConfig } from './queue-schema';

export { queueSchema, type ChannelState, type QueueConfig, type QueueTrace } from './queue-schema';

const HEARTBEAT = 2;
/** The queue's timers: its delivery side's, and a blocked consumer's heartbeat timeout. */
type QueueTimers = DeliveryTimers & { [HEARTBEAT]: Consumer };

/**
 * A RabbitMQ-style queue (SEMANTICS §1). A producer linked straight to it publishes through the
 * default exchange, which binds every queue by its name (RMQ/exchanges); an exchange linked to it
 * routes by binding. What happens to a copy here:
 *
 * - FIFO, round-robin among online consumers with room under their prefetch (RMQ/consumer-priority).
 * - Manual ack: a consumer that goes away (offline, its channel closed) gets *all* its unacked
 *   deliveries requeued at the head, in order, marked redelivered (RMQ/confirms). That includes
 *   copies it already processed whose ack had not arrived yet: they are processed again and the
 *   ledger counts a duplicate. Auto-ack: a delivery is done once sent; what the consumer held is lost.
 * - nack: requeue near the head, or dead-letter as `rejected` (`onNack`). A message that has failed
 *   more than `deliveryLimit` deliveries here is dead-lettered as `delivery_limit` instead. Every
 *   failed delivery counts: a nack stands for `basic.reject` (RabbitMQ 4.3 stops counting `basic.nack`).
 * - TTL (queue and per message, the lower wins) is checked only at the head: an expired message
 *   behind a live one waits, and counts, until it reaches the head (RMQ/ttl). A requeue keeps the
 *   original expiry.
 * - Max length counts ready messages; `drop-head` dead-letters the oldest as `maxlen`,
 *   `reject-publish` discards the newest.
 *
 * Accounting of dead letters: with a dead-letter exchange the copy travels on (channel
 * `dead-letter`) with its history in `meta` (`deaths`, `deathReason`, like `x-death`) and is
 * counted in `deadLettered` by reason; it lands in another queue, buffered, or parked (state
 * `dead`) in a `deadLetterQueue` without consumers. Without one it is discarded (`dropped`, by
 * reason), as RabbitMQ does. A message dead-lettered back into a queue it already died in, with no
 * rejection on the way, is dropped as a cycle (RMQ/dlx).
 *
 * Known simplification: a consumer that goes offline holding nothing, and comes back before its
 * in-flight ack arrives, keeps that ack valid.
 */
export class Queue<C extends QueueConfig = QueueConfig> extends QueueDelivery<C> {
  private channelsClosed = 0;
  private consumerTimeouts = 0;
  /** Broker restarts, and unacked transient deliveries the broker forgot in them. */
  private brokerRestarts = 0;
  private lostOnRestart = 0;

  constructor(sim: Simulation, config: C) {
    super(sim, config);
  }

  override start(): void {
    this.wire();
    for (const c of this.consumers) if (this.cutOff(c)) this.block(c);
  }
  /** Whether the network between this queue and consumer `c` is cut, either way. */
  private cutOff(c: Consumer): boolean {
    if (c.link.partitioned) return true;
    const back = this.sim.link(c.node.id, this.id);
    return back !== undefined && back.partitioned;
  }

  override linkChanged(link: Link): void {
    const c = link.from === this ? this.byNode.get(link.to) : link.to === this ? this.byNode.get(link.from) : undefined;
    if (!c) return;
    if (this.cutOff(c)) {
      if (c.channel === 'open') this.block(c);
      return;
    }
    if (c.heartbeat) this.sim.scheduler.cancel(c.heartbeat);
    c.heartbeat = undefined;
    if (c.channel !== 'open') {
      // Healed: TCP delivers what it held (a blocked channel), or the client reconnects and opens
      // a new channel (a closed one, automatic connection recovery); deliveries resume.
      this.setChannel(c, 'open');
      this.dispatch();
    }
  }

  /** The network to consumer `c` is cut: nothing more goes out to it, and the heartbeat clock runs. */
  private block(c: Consumer): void {
    this.setChannel(c, 'blocked');
    const timeout = this.config.heartbeatSec;
    if (timeout > 0) c.heartbeat = this.sim.scheduler.schedule(timeout * 1000, this, HEARTBEAT, c);
  }

  private setChannel(c: Consumer, state: ChannelState): void {
    c.channel = state;
    this.sim.emit({ type: 'queue.channel_state', t: this.sim.now, node: this.id, consumer: c.node.id, state });
  }

  /**
   * The heartbeat timeout passed with the network still cut: the broker closes the connection and
   * requeues every unacked delivery, redelivered (RMQ/heartbeats, RMQ/confirms). The consumer may
   * still be working on some of them, and will finish: the requeued copies are redeliveries of the
   * same message (duplicates if processed twice), and its late acks are stale.
   */
  private heartbeatTimeout(c: Consumer): void {
    c.heartbeat = undefined;
    if (c.channel !== 'blocked') return;
    c.channel = 'closed';
    this.requeueHeld(c, 'heartbeat', `heartbeat timeout: consumer ${c.node.id} unreachable`);
  }

  /** Every minute while deliveries are unacked: a consumer holding one past `consumer_timeout` loses its channel (see the setting). */
  protected override checkConsumerTimeouts(): void {
    this.timeoutCheck = undefined;
    const limit = this.config.consumerTimeoutMs;
    if (limit <= 0 || this.config.ack !== 'manual') return;
    let holding = false;
    for (const c of this.consumers) {
      const oldest = c.unacked.peekFront();
      if (!oldest) continue;
      if (c.channel === 'open' && this.sim.now - oldest.deliveredAt > limit) {
        this.consumerTimeouts++;
        this.requeueHeld(c, 'consumer_timeout', `consumer_timeout: ${c.node.id} held a delivery unacked over ${limit} ms`);
        this.setChannel(c, 'open');
      }
      if (c.unacked.length > 0) holding = true;
    }
    if (holding) this.timeoutCheck = this.sim.scheduler.schedule(CONSUMER_TIMEOUT_CHECK_MS, this, CONSUMER_TIMEOUT);
    this.dispatch();
  }

  /** Closes `c`'s channel: its unacked deliveries go back to the head, redelivered (see heartbeatTimeout for the copies). */
  private requeueHeld(c: Consumer, why: 'heartbeat' | 'consumer_timeout' | 'restart', reason: string): void {
    this.channelsClosed++;
    const held = c.unacked.toArray();
    c.unacked.clear();
    const back: Message[] = [];
    for (const m of held) {
      // A copy already processed goes back as it is; one the consumer is still working on stays
      // with it, and the broker requeues a redelivery copy. One still on the wire (sent before the
      // cut) arrives and is settled as usual.
      if (m.state === 'transit') c.unacked.push(m);
      else if (m.state === 'done') back.push(m);
      else back.push(this.sim.copy(this, m, 'buffered', true));
    }
    this.sim.emit({ type: 'queue.channel_closed', t: this.sim.now, node: this.id, consumer: c.node.id, requeued: back.length, reason: why });
    this.sim.emit({ type: 'queue.channel_state', t: this.sim.now, node: this.id, consumer: c.node.id, state: 'closed' });
    for (let i = back.length - 1; i >= 0; i--) this.giveBack(back[i]!, reason);
    this.dispatch();
  }
  override handle(ev: Timer<QueueTimers>): void {
    if (ev.type === HEARTBEAT) this.heartbeatTimeout(ev.data);
    else super.handle(ev);
  }

  override wake(): void {
    this.dispatch();
  }

  protected override onlineChanged(): void {
    // Offline, the broker keeps what it holds (durable queue, persistent messages) and refuses
    // publishes; back online, it resumes delivering.
    if (this.online) this.dispatch();
  }

  override configure(patch: Record<string, unknown>): void {
    const wasManual = this.config.ack === 'manual';
    super.configure(patch);
    if (wasManual && this.config.ack === 'auto') for (const c of this.consumers) c.unacked.clear();
    this.wire();
    this.dispatch();
  }

  /**
   * `purge`: removes every ready message (not the unacked ones), as `queue.purge` does.
   * `restart`: the broker restarts (see `restart`).
   */
  override command(name: string): void {
    if (name === 'restart') this.restart();
    if (name === 'purge') this.purge();
  }

  /**
   * The broker restarts: every channel closes and the clients reconnect. What was on disk comes
   * back: a durable (or quorum) queue with persistent messages keeps its ready messages and gets
   * its unacked ones back, redelivered. Otherwise every message in it is gone: ready ones are
   * lost, and unacked ones stay with their consumers, whose acks no longer match anything.
   */
  private restart(): void {
    const c0 = this.config;
    const kept = c0.queueType === 'quorum' || (c0.durable && c0.deliveryMode === 'persistent');
    const why = c0.durable || c0.queueType === 'quorum' ? 'broker restart: transient message' : 'broker restart: transient queue deleted';
    this.brokerRestarts++;
    if (!kept) while (this.ready.length > 0) this.discard(this.take(), why);
    for (const c of this.consumers) {
      if (kept) {
        this.requeueHeld(c, 'restart', 'broker restart: unacked, recovered from disk');
      } else {
        const forgotten = c.unacked.length;
        c.unacked.clear();
        this.channelsClosed++;
        this.sim.emit({ type: 'queue.channel_closed', t: this.sim.now, node: this.id, consumer: c.node.id, requeued: 0, reason: 'restart' });
        this.lostOnRestart += forgotten;
      }
      if (c.heartbeat) this.sim.scheduler.cancel(c.heartbeat);
      c.heartbeat = undefined;
      if (this.cutOff(c)) this.block(c);
      else this.setChannel(c, 'open');
    }
    this.dispatch();
  }

  override stats(): NodeStats {
    let unacked = 0;
    let channelsDown = 0;
    const consumers: Record<string, { delivered: number; unacked: number; channel: ChannelState }> = {};
    for (const c of this.consumers) {
      unacked += c.unacked.length;
      if (c.channel !== 'open') channelsDown++;
      consumers[c.node.id] = { delivered: c.delivered, unacked: c.unacked.length, channel: c.channel };
    }
    const b = this.bufferStats();
    const d = this.deliveryStats();
    return {
      ...super.stats(),
      ready: b.ready,
      unacked,
      channelsDown,
      channelsClosed: this.channelsClosed,
      consumerTimeouts: this.consumerTimeouts,
      brokerRestarts: this.brokerRestarts,
      forgottenOnRestart: this.lostOnRestart,
      parked: b.parked,
      acked: d.acked,
      nacked: d.nacked,
      requeued: b.requeued,
      redelivered: d.redelivered,
      expired: b.expired,
      staleAcks: d.staleAcks,
      deadLettered: b.deadLettered,
      dropped: b.dropped,
      parkedByReason: b.parkedByReason,
      consumers,
    };
  }
}

