import { Fifo } from '../../engine/fifo';
import type { Link } from '../../engine/link';
import type { Message } from '../../engine/message';
import { SimNode } from '../../engine/node';
import { AckLeases } from './ack-leases';
import type { Rng } from '../../engine/rng';
import { RoundRobin, type Candidates } from '../../engine/round-robin';
import type { ScheduledEvent } from '../../engine/scheduler';
import type { Simulation } from '../../engine/simulation';
import type { Timer } from '../../engine/timers';
import type { Channel, SignalKind } from '../../engine/trace';
import { SUBSCRIBER_OFFLINE, SUBSCRIPTION_DELETED, SUPERSEDED, type SubscriptionConfig } from './subscription-schema';

/** Timer types of the subscription, shared by its layers. */
export const LEASES = 1;
export const BACKOFF = 3;
/** The delivery side's timers: the oldest ack deadline is due; a nacked message's retry backoff ended. */
export type DeliveryTimers = { [LEASES]: undefined; [BACKOFF]: Message };

/** Shared by a copy and its redeliveries: acks seen for any of them, to spot duplicate processing. */
export interface Lineage {
  owner: SimNode<SubscriptionConfig>;
  acks: number;
}

/**
 * The subscription's delivery side (SEMANTICS §3): its counters, the ready messages, handing them
 * out (round robin under maxOutstanding, ordering keys; at random for fire-and-forget), acks and
 * nacks, retries with the retry policy, dead-lettering. Deadlines and retention are the subclass's.
 */
export abstract class SubscriptionDelivery extends SimNode<SubscriptionConfig> implements Candidates {
  readonly durable: boolean;
  /** Exists on its topic: the topic sends it copies. */
  attached: boolean;
  /** Messages received. */
  received = 0;
  delivered = 0;
  acked = 0;
  /** Deliveries taken back for another attempt (nack or missed deadline). */
  redelivered = 0;
  /** Ack deadlines that passed. */
  deadlinesMissed = 0;
  deadLettered = 0;
  dropped = 0;
  /** Of `dropped`: lost because no subscriber was there, or it went away holding them (fire-and-forget). */
  droppedOffline = 0;
  /** Of `dropped`: older than the retention. */
  expired = 0;
  /**
   * Of `dropped`: copies a subscriber nacked or abandoned after their deadline had passed. The
   * message is not lost (its redelivered copy lives on); this copy just ends here.
   */
  superseded = 0;
  /** JetStream: messages past MaxDeliver, kept in the stream and not delivered again. */
  keptInStream = 0;
  /** Acks that came after their deadline had passed: the broker had already redelivered. */
  lateAcks = 0;
  /** Acks for a message already acked once here: it was processed twice. */
  duplicates = 0;
  /** Ack deadlines the subscriber's client library extended. */
  extensions = 0;

  protected readonly ready = new Fifo<Message>();
  /** Ordering keys with a message outstanding (enableMessageOrdering). */
  protected readonly busyKeys = new Set<string>();
  /** Messages waiting out a retry-policy backoff before they are ready again. */
  protected backingOff = 0;
  protected leases = new AckLeases(0);
  protected consumers: readonly Link[] = [];
  protected deadLetterLink: Link | undefined;
  private readonly turn = new RoundRobin();
  private dispatching = false;
  protected leaseTimer: ScheduledEvent | undefined;
  private readonly rng: Rng;

  constructor(sim: Simulation, config: SubscriptionConfig) {
    super(sim, config);
    this.durable = config.mode === 'durable';
    this.attached = config.subscribed;
    this.rng = sim.rng(`node:${config.id}`);
  }

  /** Its timers, handled by the subclass (deadlines are the subclass's). */
  abstract override handle(ev: Timer<DeliveryTimers>): void;

  override start(): void {
    const out = this.sim.outgoing(this.id);
    // A link to a topic is the dead-letter topic; every other link leads to a subscriber.
    this.deadLetterLink = out.find((l) => l.to.kind === 'pubsub-topic');
    this.consumers = out.filter((l) => l !== this.deadLetterLink);
    this.leases = new AckLeases(this.consumers.length);
  }

  override acksWanted(): boolean {
    return this.durable;
  }

  override receive(msg: Message, _from: SimNode, _channel: Channel): void {
    if (!this.attached) {
      this.lose(msg, SUBSCRIPTION_DELETED);
      return;
    }
    this.received++;
    if (!this.durable) {
      this.pass(msg);
      return;
    }
    this.ready.push(msg);
    this.sim.enqueue(this, msg, this.ready.length);
    this.updateBacklog();
    this.armRetention();
    this.dispatch();
  }

  /** Fire-and-forget: hands `msg` straight to one online subscriber, or loses it. */
  private pass(msg: Message): void {
    const links = this.consumers;
    let online = 0;
    if (this.online) for (let i = 0; i < links.length; i++) if (links[i]!.to.online) online++;
    if (online === 0) {
      this.droppedOffline++;
      this.lose(msg, SUBSCRIBER_OFFLINE);
      return;
    }
    let pick = online === 1 ? 0 : this.rng.int(online);
    for (let i = 0; i < links.length; i++) {
      if (!links[i]!.to.online) continue;
      if (pick-- > 0) continue;
      msg.via = this.id;
      this.delivered++;
      this.sim.deliver(links[i]!, msg);
      return;
    }
  }

  /** The index of the first ready message whose ordering key has nothing outstanding, or -1 (scans at most 10,000). */
  private firstFreeKey(): number {
    const ready = this.ready;
    const n = Math.min(ready.length, 10_000);
    for (let i = 0; i < n; i++) {
      const key = ready.peekAt(i)!.key;
      if (key === undefined || !this.busyKeys.has(key)) return i;
    }
    return -1;
  }

  /** The message's ordering key has nothing outstanding any more. */
  protected freeKey(msg: Message): void {
    // Most subscriptions never order by key: no Set lookup (a string hash) per ack then.
    if (msg.key !== undefined && this.busyKeys.size > 0) this.busyKeys.delete(msg.key);
  }

  /** Whether subscriber `k` is online with room under maxOutstanding (the round robin asks). */
  hasRoomAt(k: number): boolean {
    const pending = this.config.maxAckPending;
    if (pending !== undefined && this.leases.unsettled >= pending) return false;
    return this.consumers[k]!.to.online && this.leases.outstanding[k]! < this.config.maxOutstanding;
  }

  /** Durable: hands ready messages to subscribers with room, round-robin. Re-entrant calls are ignored. */
  protected dispatch(): void {
    // Nothing ready (an ack's usual case): a check small enough to inline where it is called.
    if (this.ready.length > 0) this.dispatchReady();
  }

  private dispatchReady(): void {
    if (this.dispatching || !this.online || !this.attached) return;
    this.dispatching = true;
    try {
      const links = this.consumers;
      const n = links.length;
      // Nothing a delivery sets off within this instant changes the config or the clock.
      const ordering = this.config.enableMessageOrdering;
      const now = this.sim.now;
      while (this.ready.length > 0 && n > 0) {
        const next = ordering ? this.firstFreeKey() : 0;
        if (next < 0) break;
        // One subscriber: the round robin's pick is it, if it has room (its cursor stays at 0).
        const chosen = n === 1 ? (this.hasRoomAt(0) ? 0 : -1) : this.turn.pick(n, this);
        if (chosen < 0) break;
        const msg = next === 0 ? this.ready.shift()! : this.ready.removeOne(next)!;
        if (ordering && msg.key !== undefined) this.busyKeys.add(msg.key);
        const wait = this.ackWait(msg);
        this.leases.open(msg, chosen, now + wait, now);
        if (!this.leaseTimer) this.leaseTimer = this.sim.scheduler.schedule(wait, this, LEASES);
        this.delivered++;
        this.sim.deliver(links[chosen]!, msg);
      }
    } finally {
      this.dispatching = false;
    }
  }

  /**
   * How long the delivery of `msg` about to go out may stay unacked: `ackDeadlineMs`, or with a
   * JetStream `BackOff` list its entry for this delivery (the last one repeated).
   */
  protected ackWait(msg: Message): number {
    const backoff = this.config.backoffMs;
    if (!backoff) return this.config.ackDeadlineMs;
    return backoff[Math.min(msg.deliveries, backoff.length - 1)]!;
  }

  override onSignal(kind: SignalKind, msg: Message | undefined, from: SimNode): void {
    if (!msg || (kind !== 'ack' && kind !== 'nack')) return;
    if (!this.durable) {
      // Services nack failures whatever the ack mode; at-most-once has nothing to redeliver.
      if (kind === 'nack') this.lose(msg, 'processing failed (fire-and-forget: no redelivery)');
      return;
    }
    const l = this.leases.of(msg);
    if (!l) {
      this.late(kind, msg, from);
      return;
    }
    this.leases.settle(l);
    this.freeKey(msg);
    if (kind === 'ack') {
      this.acked++;
      this.countAck(msg);
    } else {
      this.retry(msg, 'nack');
    }
    this.updateBacklog();
    this.dispatch();
  }

  /** An ack or nack for a delivery whose deadline had passed (or whose subscription was deleted). */
  private late(kind: 'ack' | 'nack', msg: Message, from: SimNode): void {
    if (kind === 'nack') {
      if (this.attached) this.superseded++;
      this.lose(msg, this.attached ? SUPERSEDED : SUBSCRIPTION_DELETED);
      return;
    }
    if (!this.attached) return;
    this.lateAcks++;
    const duplicate = this.countAck(msg);
    this.sim.emit({ type: 'pubsub.late_ack', t: this.sim.now, node: this.id, msgId: msg.id, consumer: from.id, duplicate });
  }

  /** Counts an ack against the message's lineage; true when another copy of it had been acked here. */
  private countAck(msg: Message): boolean {
    const lin = msg.meta?.lineage as Lineage | undefined;
    if (!lin || lin.owner !== this) return false;
    lin.acks++;
    if (lin.acks < 2) return false;
    this.duplicates++;
    return true;
  }

  override onConsumerLost(msg: Message, consumer: SimNode): void {
    const l = this.durable ? this.leases.of(msg) : undefined;
    if (!l) {
      const superseded = this.durable && this.attached;
      if (superseded) this.superseded++;
      if (!this.durable) this.droppedOffline++;
      this.lose(msg, superseded ? SUPERSEDED : this.durable ? SUBSCRIPTION_DELETED : SUBSCRIBER_OFFLINE);
      return;
    }
    // Google Pub/Sub redelivers a vanished subscriber's messages once their ack deadline passes.
    this.leases.release(l);
    this.sim.requeue(this, msg, `subscriber ${consumer.id} went offline`);
    this.dispatch();
  }

  /** Takes a copy back for another attempt, or dead-letters it after the last one. */
  protected retry(msg: Message, reason: string): void {
    const max = this.config.maxDeliveryAttempts;
    if (max > 0 && this.config.preset === 'jetstream' && msg.deliveries >= max) {
      // JetStream: past MaxDeliver the message is not delivered again, but stays in the stream
      // (SEMANTICS §3): parked here, not lost.
      this.keptInStream++;
      this.sim.deadLetter(this, msg, 'max deliveries reached: kept in the stream, not delivered again');
      return;
    }
    if (max > 0 && this.deadLetterLink && msg.deliveries >= max) {
      this.deadLetter(msg);
      return;
    }
    if (msg.publishedAt + this.config.retentionMs <= this.sim.now) {
      this.lose(msg, 'retention expired');
      return;
    }
    this.redelivered++;
    msg.redelivered = true;
    if (msg.state !== 'buffered') this.sim.requeue(this, msg, reason);
    const policy = this.config.retryPolicy;
    if (policy) {
      const wait = Math.min(policy.maximumBackoffMs, policy.minimumBackoffMs * 2 ** Math.max(0, msg.deliveries - 1));
      this.backingOff++;
      this.sim.scheduler.schedule(wait, this, BACKOFF, msg);
      return;
    }
    this.ready.unshift(msg);
    this.armRetention();
  }

  /** A message's retry-policy backoff is over: it is ready again, at the head. */
  protected backoffDone(msg: Message): void {
    this.backingOff--;
    if (msg.state !== 'buffered') return;
    if (!this.attached) {
      this.lose(msg, SUBSCRIPTION_DELETED);
      return;
    }
    if (msg.publishedAt + this.config.retentionMs <= this.sim.now) {
      this.lose(msg, 'retention expired');
      return;
    }
    this.ready.unshift(msg);
    this.armRetention();
    this.dispatch();
  }

  private deadLetter(msg: Message): void {
    this.deadLettered++;
    this.sim.deadLetter(this, msg, 'max_delivery_attempts');
    const link = this.deadLetterLink;
    if (link) this.sim.send(link, this.sim.copy(this, msg), 'dead-letter');
  }

  protected lose(msg: Message, reason: string): void {
    this.dropped++;
    this.sim.drop(this, msg, reason);
  }

  protected updateBacklog(): void {
    const b = this.ready.length + this.leases.unsettled + this.backingOff;
    if (b !== this.backlog.now) this.setBacklog(b);
  }

  /** Keeps one timer for the retention of the head. */
  protected abstract armRetention(): void;
}
