import type { NodeStats } from '../../engine/node';
import type { Lease } from './ack-leases';
import type { ScheduledEvent } from '../../engine/scheduler';
import type { Simulation } from '../../engine/simulation';
import type { Timer } from '../../engine/timers';
import { BACKOFF, LEASES, SubscriptionDelivery, type DeliveryTimers, type Lineage } from './subscription-delivery';
import { SUBSCRIPTION_DELETED, type SubscriptionConfig } from './subscription-schema';

export { SUBSCRIBER_OFFLINE, SUBSCRIPTION_DELETED, SUPERSEDED, subscriptionSchema, type SubscriptionConfig } from './subscription-schema';

const RETENTION = 2;
/** The subscription's timers: its delivery side's, and the oldest message reaching the retention. */
type SubscriptionTimers = DeliveryTimers & { [RETENTION]: undefined };
/**
 * A timer set for `due - now` ms can fire a hair before `due` in floating point; anything due
 * within this many ms counts as due, so a timer never re-arms itself at the same instant.
 */
const EPS = 1e-6;

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
export class Subscription extends SubscriptionDelivery {
  private retentionTimer: ScheduledEvent | undefined;

  constructor(sim: Simulation, config: SubscriptionConfig) {
    super(sim, config);
  }

  override handle(ev: Timer<SubscriptionTimers>): void {
    if (ev.type === LEASES) {
      this.leaseTimer = undefined;
      this.expireLeases();
    } else if (ev.type === BACKOFF) {
      this.backoffDone(ev.data);
    } else {
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

  protected armRetention(): void {
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
    super.configure({ ...patch, mode: this.config.mode, preset: this.config.preset });
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
      extensions: this.extensions, keptInStream: this.keptInStream,
      oldestUnackedAgeMs: this.oldestUnackedAgeMs(),
    };
  }
}
