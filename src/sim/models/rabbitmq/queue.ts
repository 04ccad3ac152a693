import Denque from 'denque';
import { z } from 'zod';
import { nodeSchema } from '../../engine/kind';
import type { Link } from '../../engine/link';
import type { Message } from '../../engine/message';
import { SimNode, type NodeStats } from '../../engine/node';
import { RoundRobin, type Candidates } from '../../engine/round-robin';
import type { ScheduledEvent } from '../../engine/scheduler';
import type { Simulation } from '../../engine/simulation';
import type { Channel, SignalKind } from '../../engine/trace';
import { deathMeta, isDeadLetterCycle, type DeathReason } from './dead-letter';
import { LIMITS } from '../../engine/limits';

const EXPIRE = 1;
const HEARTBEAT = 2;
const CONSUMER_TIMEOUT = 3;
/** RabbitMQ checks consumer_timeout about once a minute (RMQ/consumers), so a delivery may overstay it by up to that. */
const CONSUMER_TIMEOUT_CHECK_MS = 60_000;

/** Trace events of the RabbitMQ-style queue (they travel in `ExchangeTrace`). */
export type QueueTrace =
  | { type: 'queue.dead_lettered'; t: number; node: string; msgId: number; reason: DeathReason; exchange: string }
  | { type: 'queue.channel_closed'; t: number; node: string; consumer: string; requeued: number; reason?: 'heartbeat' | 'consumer_timeout' | 'restart' }
  | { type: 'queue.channel_state'; t: number; node: string; consumer: string; state: ChannelState };

/**
 * A consumer's AMQP channel (on its TCP connection): `open`; `blocked` while the network between
 * them is partitioned (TCP holds deliveries and acks, nothing is lost yet); `closed` once the
 * heartbeat timeout passes with no traffic (its unacked deliveries are requeued), until the
 * network heals and the client reconnects.
 */
export type ChannelState = 'open' | 'blocked' | 'closed';

/** Scenario fields of a queue: a RabbitMQ-style FIFO buffer between publishers and competing consumers. */
export const queueSchema = nodeSchema('queue', {
  /**
   * Unacked deliveries each consumer may hold (`basic.qos`, per consumer). RabbitMQ's own default
   * is 0 (unlimited, RMQ/confirms); microsim defaults to 1, the most conservative value the docs
   * name, so a backlog stays visible in the queue rather than in the consumers' buffers.
   */
  prefetch: z.number().int().nonnegative().max(LIMITS.slots).default(1),
  /** Manual ack (the consumer acks after processing) or auto-ack (done once sent: RMQ/confirms). */
  ack: z.enum(['manual', 'auto']).default('manual'),
  /**
   * A durable queue survives a broker restart (RMQ/queues); a transient one is deleted on boot
   * with everything in it. microsim defaults to durable, the usual choice (the management UI's
   * default). Quorum queues are always durable.
   */
  durable: z.boolean().default(true),
  /**
   * The delivery mode publishers give this queue's messages: `persistent` (delivery_mode 2) is
   * written to disk and survives a restart in a durable queue; `transient` (delivery_mode 1, the
   * AMQP default when a publisher sets none) is discarded on recovery, even in a durable queue
   * (RMQ/queues, RMQ/publishers). Quorum queues keep every message.
   */
  deliveryMode: z.enum(['persistent', 'transient']).default('transient'),
  /** Classic or quorum. Quorum queues default to a delivery limit of 20 (RabbitMQ 4.0+) and cap prefetch at 2,000. */
  queueType: z.enum(['classic', 'quorum']).default('classic'),
  /**
   * What a consumer's nack means. Clients default to `requeue=true` (RMQ/confirms): back near the
   * head, marked redelivered. `dead-letter` is `requeue=false`: to the dead-letter exchange, or discarded.
   */
  onNack: z.enum(['requeue', 'dead-letter']).default('requeue'),
  /** `x-message-ttl` in ms; none by default. A message's own `meta.expirationMs` also applies; the lower wins (RMQ/ttl). */
  messageTtlMs: z.number().nonnegative().max(LIMITS.ms).optional(),
  /** `x-max-length`: ready messages at most; unlimited by default (RMQ/maxlength). */
  maxLength: z.number().int().nonnegative().max(LIMITS.count).optional(),
  /**
   * `x-overflow` when full: drop the oldest (RabbitMQ's default), refuse the newest, or refuse and
   * dead-letter the newest as `maxlen` (`reject-publish-dlx`, classic queues only; RMQ/maxlength).
   */
  overflow: z.enum(['drop-head', 'reject-publish', 'reject-publish-dlx']).default('drop-head'),
  /** `x-dead-letter-exchange`: the id of an exchange this queue links to; without it dead letters are discarded (RMQ/dlx). */
  deadLetterExchange: z.string().optional(),
  /** `x-dead-letter-routing-key`: replaces the message's routing key when dead-lettered; the original is kept otherwise. */
  deadLetterRoutingKey: z.string().optional(),
  /**
   * AMQP heartbeat timeout, in seconds: a consumer's connection that stays silent this long
   * (a partition) is declared dead, its channel closed and its unacked deliveries requeued,
   * marked redelivered. RabbitMQ's default is 60 s (RMQ/heartbeats); 0 disables heartbeats.
   * A shorter fault only delays deliveries and acks: TCP retransmits.
   */
  heartbeatSec: z.number().nonnegative().max(LIMITS.ms).default(60),
  /**
   * `consumer_timeout`, RabbitMQ's default 1800000 ms (30 min; RMQ/consumers): a delivery left
   * unacked longer closes its consumer's channel and requeues everything it held, redelivered;
   * the consumer opens a new channel and goes on (a slow consumer is not a dead one). Checked
   * once a minute. 0 disables it.
   */
  consumerTimeoutMs: z.number().nonnegative().max(LIMITS.ms).default(1_800_000),
  /** Unsuccessful deliveries allowed before a message is dead-lettered (`x-delivery-limit`); -1 = none. Quorum default 20. */
  deliveryLimit: z.number().int().min(-1).max(LIMITS.attempts).optional(),
  /**
   * A dead-letter queue: with no consumers linked, what arrives is parked (ledger state `dead`,
   * by reason) for someone to inspect. With consumers it is an ordinary queue.
   */
  deadLetterQueue: z.boolean().default(false),
});

/** A queue's config as parsed from a scenario. */
export type QueueConfig = z.infer<typeof queueSchema>;

/** One consumer: a link to a node that gets deliveries, and what it holds unacked. */
interface Consumer {
  readonly link: Link;
  readonly node: SimNode;
  /** Deliveries not yet acked, in delivery order (manual ack only). Acks come mostly oldest first, so a deque beats a set here. */
  readonly unacked: Denque<Message>;
  delivered: number;
  /** Its channel: see ChannelState. */
  channel: ChannelState;
  /** The heartbeat timeout pending while the channel is blocked. */
  heartbeat: ScheduledEvent | undefined;
}

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
export class Queue<C extends QueueConfig = QueueConfig> extends SimNode<C> implements Candidates {
  protected readonly ready = new Denque<Message>();
  protected consumers: Consumer[] = [];
  private readonly byNode = new Map<SimNode, Consumer>();
  private deadLetterLink: Link | undefined;
  private readonly turn = new RoundRobin();
  private dispatching = false;
  private expiry: ScheduledEvent | undefined;
  private parked = 0;
  private acked = 0;
  private nacked = 0;
  private requeued = 0;
  private redelivered = 0;
  private expired = 0;
  private staleAcks = 0;
  private channelsClosed = 0;
  private consumerTimeouts = 0;
  /** Broker restarts, and unacked transient deliveries the broker forgot in them. */
  private brokerRestarts = 0;
  private lostOnRestart = 0;
  private timeoutCheck: ScheduledEvent | undefined;
  private readonly deadLettered: Record<string, number> = {};
  private readonly dropped: Record<string, number> = {};
  private readonly parkedBy: Record<string, number> = {};

  constructor(sim: Simulation, config: C) {
    super(sim, config);
  }

  protected override isBroker(): boolean {
    return true;
  }

  override start(): void {
    this.wire();
    for (const c of this.consumers) if (this.cutOff(c)) this.block(c);
  }

  /**
   * Splits the outgoing links into consumers and the dead-letter exchange. A queue never delivers
   * to an exchange: a link to one that is not the dead-letter exchange carries nothing.
   */
  private wire(): void {
    this.deadLetterLink = undefined;
    const consumers: Consumer[] = [];
    for (const link of this.sim.outgoing(this.id)) {
      if (link.to.id === this.config.deadLetterExchange) {
        this.deadLetterLink = link;
        continue;
      }
      if (link.to.kind === 'exchange') continue;
      const known = this.byNode.get(link.to);
      consumers.push(known ?? { link, node: link.to, unacked: new Denque(), delivered: 0, channel: 'open', heartbeat: undefined });
    }
    this.consumers = consumers;
    this.byNode.clear();
    for (const c of consumers) this.byNode.set(c.node, c);
    this.turn.clamp(consumers.length);
  }

  override receive(msg: Message, _from: SimNode, channel: Channel): void {
    if (!this.online) {
      this.discard(msg, 'queue offline');
      return;
    }
    if (channel === 'dead-letter' && isDeadLetterCycle(msg, this.id)) {
      this.discard(msg, 'dead-letter cycle');
      return;
    }
    if (this.config.deadLetterQueue && this.consumers.length === 0) {
      this.park(msg);
      return;
    }
    const max = this.config.maxLength;
    if (max !== undefined && this.config.overflow !== 'drop-head' && this.ready.length >= max) {
      if (this.config.overflow === 'reject-publish-dlx') this.deadLetter(msg, 'maxlen');
      else this.discard(msg, 'reject-publish');
      return;
    }
    this.stampExpiry(msg);
    this.ready.push(msg);
    this.showBacklog();
    this.sim.enqueue(this, msg, this.ready.length);
    if (max !== undefined) while (this.ready.length > max) this.deadLetter(this.take(), 'maxlen');
    this.dispatch();
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
    const c = this.byNode.get(from);
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
    return this.config.ack === 'manual' && this.byNode.has(from);
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
  private checkConsumerTimeouts(): void {
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

  override onConsumerLost(msg: Message, consumer: SimNode): void {
    if (this.config.ack === 'auto') {
      this.discard(msg, 'auto-ack: consumer went offline');
      return;
    }
    const c = this.byNode.get(consumer);
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

  /** A failed delivery returns: to the head, redelivered, unless it has used up its delivery limit. */
  private giveBack(msg: Message, reason: string): void {
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
  private deadLetter(msg: Message, reason: DeathReason): void {
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

  private discard(msg: Message, reason: string): void {
    bump(this.dropped, reason);
    this.sim.drop(this, msg, reason);
  }

  private take(): Message {
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
  private armExpiry(): void {
    const head = this.ready.peekFront();
    if (!head) return;
    const at = expiresAt(head);
    if (at === Infinity) return;
    if (this.expiry && this.expiry.time <= at) return;
    if (this.expiry) this.sim.scheduler.cancel(this.expiry);
    this.expiry = this.sim.scheduler.schedule(Math.max(0, at - this.sim.now), this, EXPIRE);
  }

  override handle(type: number, data: unknown): void {
    if (type === HEARTBEAT) {
      this.heartbeatTimeout(data as Consumer);
      return;
    }
    if (type === CONSUMER_TIMEOUT) {
      this.checkConsumerTimeouts();
      return;
    }
    if (type !== EXPIRE) return;
    this.expiry = undefined;
    for (let head = this.ready.peekFront(); head && expiresAt(head) <= this.sim.now; head = this.ready.peekFront()) {
      this.deadLetter(this.take(), 'expired');
    }
    this.dispatch();
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
    if (name !== 'purge') return;
    while (this.ready.length > 0) this.discard(this.take(), 'purged');
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
    return {
      ...super.stats(),
      ready: this.ready.length,
      unacked,
      channelsDown,
      channelsClosed: this.channelsClosed,
      consumerTimeouts: this.consumerTimeouts,
      brokerRestarts: this.brokerRestarts,
      forgottenOnRestart: this.lostOnRestart,
      parked: this.parked,
      acked: this.acked,
      nacked: this.nacked,
      requeued: this.requeued,
      redelivered: this.redelivered,
      expired: this.expired,
      staleAcks: this.staleAcks,
      deadLettered: { ...this.deadLettered },
      dropped: { ...this.dropped },
      parkedByReason: { ...this.parkedBy },
      consumers,
    };
  }
}

/** When `msg` expires in the queue holding it, or Infinity. */
function expiresAt(msg: Message): number {
  const at = msg.meta?.expiresAt;
  return typeof at === 'number' ? at : Infinity;
}

/** Where `msg` is in `list`, searching from the oldest, or -1. */
function indexIn(list: Denque<Message>, msg: Message): number {
  for (let i = 0, n = list.length; i < n; i++) if (list.peekAt(i) === msg) return i;
  return -1;
}

function removeAt(list: Denque<Message>, i: number): void {
  if (i === 0) list.shift();
  else if (i > 0) list.removeOne(i);
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}
