import Denque from 'denque';
import { z } from 'zod';
import { nodeSchema } from '../../engine/kind';
import type { Link } from '../../engine/link';
import type { Message } from '../../engine/message';
import { SimNode, type NodeStats } from '../../engine/node';
import { AckLeases, type Lease } from './ack-leases';
import type { Rng } from '../../engine/rng';
import { RoundRobin, type Candidates } from '../../engine/round-robin';
import type { ScheduledEvent } from '../../engine/scheduler';
import type { Simulation } from '../../engine/simulation';
import type { Channel, SignalKind } from '../../engine/trace';
import { LIMITS } from '../../engine/limits';

const LEASES = 1;
const RETENTION = 2;
const BACKOFF = 3;
/**
 * A timer set for `due - now` ms can fire a hair before `due` in floating point; anything due
 * within this many ms counts as due, so a timer never re-arms itself at the same instant.
 */
const EPS = 1e-6;

/** Why a fire-and-forget subscription lost a message: nobody was listening when it came. */
export const SUBSCRIBER_OFFLINE = 'subscriber offline (fire-and-forget)';
/** Why a subscription lost its messages: it was deleted (unsubscribed) from its topic. */
export const SUBSCRIPTION_DELETED = 'subscription deleted';
/** Why a copy ended without being processed: its deadline had passed and another copy was already on its way. */
export const SUPERSEDED = 'past its ack deadline, already redelivered';

/** Scenario fields of a subscription: one named interest in a topic, with its own copy of every message. */
export const subscriptionSchema = nodeSchema('subscription', {
  /**
   * durable: Google Pub/Sub (or NATS JetStream): a backlog kept for absent subscribers, acks,
   * redelivery. fire-and-forget: Redis Pub/Sub, NATS core: at-most-once, no backlog, no acks.
   * Fixed for the run: a `configure` patch cannot change it.
   */
  mode: z.enum(['durable', 'fire-and-forget']).default('durable'),
  /**
   * Whether the subscription exists on its topic at t=0. The topic's "subscribe" and
   * "unsubscribe" commands create and delete it later; it gets only what is published after.
   */
  subscribed: z.boolean().default(true),
  /**
   * Google Pub/Sub default: ack deadline 10 s, range 10–600 s (GPS). Shorter values are allowed
   * here for teaching. A change applies to later deliveries; deadlines expire in delivery order.
   */
  ackDeadlineMs: z.number().positive().max(LIMITS.ms).default(10_000),
  /**
   * Google Pub/Sub dead-letter policy default: 5 delivery attempts (range 5–100, GPS); an
   * attempt is the first delivery, a nack or a missed deadline. The policy exists only when the
   * subscription links to a dead-letter topic (SEMANTICS §8): without one, or with 0, it
   * redelivers until retention runs out.
   */
  maxDeliveryAttempts: z.number().int().nonnegative().max(100).default(5),
  /**
   * Google Pub/Sub retry policy. Unset (the default): a nacked or expired message is redelivered
   * "as soon as possible". Set: exponential backoff from `minimumBackoffMs` (default 10 s) to
   * `maximumBackoffMs` (default 600 s) (GPS; SEMANTICS §8 "Retry policy").
   */
  retryPolicy: z
    .object({
      minimumBackoffMs: z.number().nonnegative().max(600_000).default(10_000),
      maximumBackoffMs: z.number().nonnegative().max(600_000).default(600_000),
    })
    .strict()
    .optional(),
  /**
   * Lease management by the subscriber's client library: while a message is being processed it
   * extends the ack deadline (ModifyAckDeadline) for at most this long after delivery; Google's
   * client libraries do so by default for up to 60 min (`maxExtension`/`max_lease_duration`,
   * SEMANTICS §8 "Lease extension"). Absent: the subscriber never extends (a raw API client), so
   * slow work shows as deadline expiry and redelivery.
   */
  maxLeaseExtensionMs: z.number().positive().max(LIMITS.ms).optional(),
  /**
   * Google Pub/Sub `enable_message_ordering` (default false, GPS): messages with the same
   * ordering key (the producer's key) are delivered in publication order. Modelled as one
   * message per key outstanding at a time: the next waits until the previous is acked, and a
   * nack or an expired deadline redelivers it first, so the key's later messages stay behind it.
   */
  enableMessageOrdering: z.boolean().default(false),
  /** Google Pub/Sub default: unacked messages are kept 7 d (range 10 min–7 d, GPS). */
  retentionMs: z.number().positive().max(LIMITS.ms).default(604_800_000),
  /**
   * Unacked deliveries each subscriber may hold (flow control). Google's client libraries
   * default to 1,000 (cloud.google.com/pubsub/docs/flow-control); microsim defaults to 10 so
   * a backlog stays visible at the subscription rather than in the subscribers' inboxes.
   */
  maxOutstanding: z.number().int().positive().max(LIMITS.slots).default(10),
});

/** A subscription's config as parsed from a scenario. */
export type SubscriptionConfig = z.infer<typeof subscriptionSchema>;

/** Shared by a copy and its redeliveries: acks seen for any of them, to spot duplicate processing. */
interface Lineage {
  owner: Subscription;
  acks: number;
}

/**
 * A subscription to a topic: it receives its own copy of each message published after it
 * exists, and shares those copies among its subscribers (competing consumers: round-robin
 * when durable; one at random when fire-and-forget, as a NATS queue group does).
 *
 * Durable (Google Pub/Sub, GPS): messages wait here for absent subscribers; each delivery
 * must be acked within `ackDeadlineMs`, or it is delivered again (to a subscriber that may
 * still be processing the first one: the second is a duplicate). A nack redelivers at once
 * (no retry policy: "as soon as possible"). After `maxDeliveryAttempts` the message is
 * dead-lettered, and forwarded to a dead-letter topic if the subscription links to one.
 * A subscriber that goes away holding messages gets them redelivered once their deadline
 * passes. Messages older than `retentionMs` are dropped when they reach the head.
 *
 * Fire-and-forget (Redis Pub/Sub, NATS core): at-most-once. What arrives while no subscriber
 * is online, what a subscriber holds when it goes away, and what fails processing are lost.
 *
 * Offline (the subscription itself): delivery pauses; durable keeps accepting messages.
 *
 * With `maxLeaseExtensionMs`, the subscriber's client library extends the deadline of what it
 * holds (ModifyAckDeadline) until that much time after delivery; without it, slow work shows as
 * redelivery. Simplification: an extended deadline joins the back of the deadline order, so a
 * capped last extension may be noticed up to one ack deadline late.
 */
export class Subscription extends SimNode<SubscriptionConfig> implements Candidates {
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
  /** Acks that came after their deadline had passed: the broker had already redelivered. */
  lateAcks = 0;
  /** Acks for a message already acked once here: it was processed twice. */
  duplicates = 0;
  /** Ack deadlines the subscriber's client library extended. */
  extensions = 0;

  private readonly ready = new Denque<Message>();
  /** Ordering keys with a message outstanding (enableMessageOrdering). */
  private readonly busyKeys = new Set<string>();
  /** Messages waiting out a retry-policy backoff before they are ready again. */
  private backingOff = 0;
  private leases = new AckLeases(0);
  private consumers: readonly Link[] = [];
  private deadLetterLink: Link | undefined;
  private readonly turn = new RoundRobin();
  private dispatching = false;
  private leaseTimer: ScheduledEvent | undefined;
  private retentionTimer: ScheduledEvent | undefined;
  private readonly rng: Rng;

  constructor(sim: Simulation, config: SubscriptionConfig) {
    super(sim, config);
    this.durable = config.mode === 'durable';
    this.attached = config.subscribed;
    this.rng = sim.rng(`node:${config.id}`);
  }

  override start(): void {
    const out = this.sim.outgoing(this.id);
    // A link to a topic is the dead-letter topic; every other link leads to a subscriber.
    this.deadLetterLink = out.find((l) => l.to.kind === 'pubsub-topic');
    this.consumers = out.filter((l) => l !== this.deadLetterLink);
    this.leases = new AckLeases(this.consumers.length);
  }

  protected override isBroker(): boolean {
    return true;
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
  private freeKey(msg: Message): void {
    if (msg.key !== undefined) this.busyKeys.delete(msg.key);
  }

  /** Whether subscriber `k` is online with room under maxOutstanding (the round robin asks). */
  hasRoomAt(k: number): boolean {
    return this.consumers[k]!.to.online && this.leases.outstanding[k]! < this.config.maxOutstanding;
  }

  /** Durable: hands ready messages to subscribers with room, round-robin. Re-entrant calls are ignored. */
  private dispatch(): void {
    if (this.dispatching || !this.online || !this.attached) return;
    this.dispatching = true;
    try {
      const links = this.consumers;
      const n = links.length;
      while (this.ready.length > 0 && n > 0) {
        const next = this.config.enableMessageOrdering ? this.firstFreeKey() : 0;
        if (next < 0) break;
        const chosen = this.turn.pick(n, this);
        if (chosen < 0) break;
        const msg = next === 0 ? this.ready.shift()! : this.ready.removeOne(next)!;
        if (this.config.enableMessageOrdering && msg.key !== undefined) this.busyKeys.add(msg.key);
        this.leases.open(msg, chosen, this.sim.now + this.config.ackDeadlineMs, this.sim.now);
        if (!this.leaseTimer) this.leaseTimer = this.sim.scheduler.schedule(this.config.ackDeadlineMs, this, LEASES);
        this.delivered++;
        this.sim.deliver(links[chosen]!, msg);
      }
    } finally {
      this.dispatching = false;
    }
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
  private retry(msg: Message, reason: string): void {
    const max = this.config.maxDeliveryAttempts;
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
  private backoffDone(msg: Message): void {
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

  override handle(type: number, data: unknown): void {
    if (type === LEASES) {
      this.leaseTimer = undefined;
      this.expireLeases();
    } else if (type === BACKOFF) {
      this.backoffDone(data as Message);
    } else if (type === RETENTION) {
      this.retentionTimer = undefined;
      this.expireRetention();
    }
  }

  private expireLeases(): void {
    const now = this.sim.now;
    const extended: Lease[] = [];
    for (let l = this.leases.takeDue(now + EPS); l; l = this.leases.takeDue(now + EPS)) {
      if (this.extends(l)) extended.push(l);
      else this.expire(l);
      this.leases.recycle(l);
    }
    for (const l of extended) this.extend(l);
    const next = this.leases.oldest();
    if (next && !this.leaseTimer) this.leaseTimer = this.sim.scheduler.schedule(Math.max(0, next.expiresAt - now), this, LEASES);
    this.updateBacklog();
    this.dispatch();
  }

  /**
   * Whether the subscriber's client library extends `l` now: it holds the copy (delivered, not
   * lost on the way, not given back) and the maximum extension is not used up.
   */
  private extends(l: Lease): boolean {
    const max = this.config.maxLeaseExtensionMs;
    if (max === undefined || l.returned) return false;
    const state = l.msg.state;
    if (state !== 'buffered' && state !== 'processing') return false;
    return this.sim.now - l.since < max;
  }

  /** Opens `l`'s delivery again with a new deadline, no later than its maximum extension. */
  private extend(l: Lease): void {
    const now = this.sim.now;
    const until = Math.min(now + this.config.ackDeadlineMs, l.since + this.config.maxLeaseExtensionMs!);
    this.leases.open(l.msg, l.consumer, until, l.since);
    this.extensions++;
    const consumer = this.consumers[l.consumer]!.to.id;
    this.sim.emit({ type: 'pubsub.deadline_extended', t: now, node: this.id, msgId: l.msg.id, consumer, untilT: until });
  }

  /** The ack deadline of `l` passed (it is settled already): the message is delivered again, or dead-lettered. */
  private expire(l: Lease): void {
    const wasOut = !l.returned;
    this.freeKey(l.msg);
    const consumer = this.consumers[l.consumer]!.to.id;
    this.deadlinesMissed++;
    let msg = l.msg;
    this.sim.emit({ type: 'pubsub.ack_deadline_expired', t: this.sim.now, node: this.id, msgId: msg.id, consumer, attempts: msg.deliveries });
    if (wasOut) {
      // The subscriber still has this copy (or it was lost on the way): the broker cannot take
      // it back, so it redelivers a new copy of the same message. If the first copy is processed
      // too, its ack arrives late and the message has been processed twice.
      const prev = msg;
      let lin = prev.meta?.lineage as Lineage | undefined;
      if (!lin || lin.owner !== this) {
        lin = { owner: this, acks: 0 };
        prev.meta = { ...prev.meta, lineage: lin };
      }
      msg = this.sim.copy(this, prev, 'buffered', true);
      msg.deliveries = prev.deliveries;
    }
    this.retry(msg, 'ack deadline expired');
  }

  private armRetention(): void {
    if (this.retentionTimer || this.ready.length === 0) return;
    const due = this.ready.peekFront()!.publishedAt + this.config.retentionMs - this.sim.now;
    this.retentionTimer = this.sim.scheduler.schedule(Math.max(0, due), this, RETENTION);
  }

  /** Drops messages older than the retention, from the head (later ones wait until they get there). */
  private expireRetention(): void {
    const now = this.sim.now + EPS;
    const retention = this.config.retentionMs;
    let n = 0;
    while (this.ready.length > 0 && this.ready.peekFront()!.publishedAt + retention <= now) {
      this.expired++;
      this.lose(this.ready.shift()!, 'retention expired');
      n++;
    }
    if (n > 0) this.updateBacklog();
    this.armRetention();
  }

  private lose(msg: Message, reason: string): void {
    this.dropped++;
    this.sim.drop(this, msg, reason);
  }

  private updateBacklog(): void {
    const b = this.ready.length + this.leases.unsettled + this.backingOff;
    if (b !== this.backlog.now) this.setBacklog(b);
  }

  /** Creates the subscription on its topic: from now on it gets a copy of each message published. */
  attach(): void {
    if (this.attached) return;
    this.attached = true;
    this.sim.emit({ type: 'pubsub.subscribed', t: this.sim.now, node: this.id });
    this.dispatch();
  }

  /** Deletes the subscription: its backlog is discarded (as Google Pub/Sub does) and it gets nothing more. */
  detach(): void {
    if (!this.attached) return;
    this.attached = false;
    let discarded = 0;
    while (this.ready.length > 0) {
      this.lose(this.ready.shift()!, SUBSCRIPTION_DELETED);
      discarded++;
    }
    // A copy still at a subscriber stays there; its ack or nack will find no lease.
    this.leases.clear((msg) => {
      this.lose(msg, SUBSCRIPTION_DELETED);
      discarded++;
    });
    if (this.leaseTimer) this.sim.scheduler.cancel(this.leaseTimer);
    if (this.retentionTimer) this.sim.scheduler.cancel(this.retentionTimer);
    this.leaseTimer = this.retentionTimer = undefined;
    this.busyKeys.clear();
    this.updateBacklog();
    this.sim.emit({ type: 'pubsub.unsubscribed', t: this.sim.now, node: this.id, discarded });
  }

  override command(name: string): void {
    if (name === 'subscribe') this.attach();
    else if (name === 'unsubscribe') this.detach();
  }

  override wake(): void {
    this.dispatch();
  }

  protected override onlineChanged(): void {
    this.dispatch();
  }

  override configure(patch: Record<string, unknown>): void {
    super.configure({ ...patch, mode: this.config.mode });
    if (this.retentionTimer) this.sim.scheduler.cancel(this.retentionTimer);
    this.retentionTimer = undefined;
    this.armRetention();
    this.dispatch();
  }

  /** Age of the oldest message not yet acked, from its publication, in ms (0 when there is none). */
  oldestUnackedAgeMs(): number {
    let oldest = Infinity;
    const head = this.ready.peekFront();
    if (head) oldest = head.publishedAt;
    const l = this.leases.oldest();
    if (l && l.msg.publishedAt < oldest) oldest = l.msg.publishedAt;
    return oldest === Infinity ? 0 : this.sim.now - oldest;
  }

  override stats(): NodeStats {
    return {
      ...super.stats(), mode: this.config.mode, subscribed: this.attached, ready: this.ready.length, unacked: this.leases.unsettled,
      received: this.received, delivered: this.delivered, acked: this.acked, redelivered: this.redelivered,
      deadlinesMissed: this.deadlinesMissed, deadLettered: this.deadLettered, dropped: this.dropped,
      droppedOffline: this.droppedOffline, expired: this.expired, superseded: this.superseded, lateAcks: this.lateAcks, duplicates: this.duplicates,
      extensions: this.extensions,
      oldestUnackedAgeMs: this.oldestUnackedAgeMs(),
    };
  }
}
