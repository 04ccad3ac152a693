import type { Message } from '../../engine/message';
import { SimNode, type SignalData } from '../../engine/node';
import type { ScheduledEvent } from '../../engine/scheduler';
import type { Simulation } from '../../engine/simulation';
import type { Timer } from '../../engine/timers';
import type { WebhookMeta } from './webhook-meta';
import { AnswerDeadlines, deliveryOf, untag, type Delivery } from './webhook-delivery';
import { Endpoints, type Endpoint } from './webhook-endpoints';
import { resolvePolicy, type RetryPolicy } from './webhook-schedule';
import { DeadDeliveries } from './webhook-redelivery';
import { sign, unixSeconds } from './webhook-signature';
import type { SenderConfig } from './webhook-sender';

const RETRY = 2;
const TIMEOUT = 3;
/** The attempts' timers: a delivery's retry is due; the earliest answer deadline passed. Subclasses use other numbers. */
export type AttemptTimers = { [RETRY]: Delivery; [TIMEOUT]: undefined };

/** Why attempts failed, for the stats. */
interface FailureCounts {
  timeout: number;
  connection: number;
  http5xx: number;
  http4xx: number;
  other: number;
}

/**
 * A webhook sender's attempts (SEMANTICS §7): signing and POSTing each attempt, its answer or its
 * timeout, the retry schedule, and closing a delivery for good (delivered, dead-lettered,
 * dropped). Making events, endpoints coming and going, and manual redelivery are the subclass's.
 */
export abstract class WebhookAttempts extends SimNode<SenderConfig> {
  /** The last request put on the wire: what an eavesdropper on the path could record. */
  lastSent: WebhookMeta | undefined;
  protected policy: RetryPolicy;
  protected readonly endpoints: Endpoints;
  /** Deliveries not yet closed, in no particular order (swap-remove). */
  protected readonly open: Delivery[] = [];
  /** Copies given up on while still away; settled if they ever come back. */
  protected readonly abandoned = new Set<Message>();
  /** Copies still at the receiver when their delivery was dead-lettered: dead-lettered here if they come back failed. */
  protected readonly deadOnReturn = new Set<Message>();
  protected readonly paused: Delivery[] = [];
  protected readonly deadlines = new AnswerDeadlines();
  protected timeoutTimer: ScheduledEvent | undefined;
  protected retrying = 0;
  protected nextRetryAt = Infinity;
  protected nextRetryStale = false;

  events = 0;
  deliveries = 0;
  attempts = 0;
  succeeded = 0;
  readonly failed: FailureCounts = { timeout: 0, connection: 0, http5xx: 0, http4xx: 0, other: 0 };
  retriesScheduled = 0;
  deadLettered = 0;
  /** Dead-lettered deliveries sent again by hand. */
  redelivered = 0;
  protected readonly dead = new DeadDeliveries();
  droppedDisabled = 0;
  droppedUnregistered = 0;
  unrouted = 0;
  endpointsDisabled = 0;
  lateAnswers = 0;

  constructor(sim: Simulation, config: SenderConfig) {
    super(sim, config);
    this.endpoints = new Endpoints(sim, this);
    this.policy = this.makePolicy();
  }

  protected makePolicy(): RetryPolicy {
    const c = this.config;
    return resolvePolicy(c.retry, c.timeScale, c.timeoutMs, c.disable);
  }

  /** Attempts allowed per delivery, the first included. */
  get maxAttempts(): number {
    return this.policy.delays.length + 1;
  }

  /** Deliveries waiting for their next attempt. */
  get pendingRetries(): number {
    return this.retrying + this.paused.length;
  }

  /** Signs and POSTs the next attempt of `d`. */
  protected attempt(d: Delivery): void {
    const msg = this.own(d, true);
    const meta = msg.meta as WebhookMeta;
    const now = this.sim.now;
    d.attempt++;
    this.attempts++;
    meta.attempt = d.attempt;
    meta.timestamp = unixSeconds(now);
    meta.signature = sign(this.config.signature, d.endpoint.key, d.id, meta.timestamp, meta.body);
    meta.answered = false;
    this.lastSent = meta;
    d.outstanding = true;
    d.out = true;
    d.deadline = now + this.policy.timeoutMs;
    this.deadlines.push(d);
    if (!this.timeoutTimer) this.timeoutTimer = this.sim.scheduler.schedule(this.policy.timeoutMs, this, TIMEOUT);
    const ep = d.endpoint;
    this.sim.emit({ type: 'webhook.attempt', t: now, node: this.id, endpoint: ep.receiver.id, msg, deliveryId: d.id, attempt: d.attempt });
    // A POST is a delivery attempt (msg.deliveries counts them), not a delivery: the ledger
    // counts it delivered only on a 2xx (see succeed; issue 9, defect 7). The answer may come
    // back inside this call when the link has no latency.
    msg.deliveries++;
    this.sim.send(ep.link, msg, d.attempt === 1 ? 'webhook' : 'retry');
  }

  /**
   * The copy `d` should act on now, held by the sender. A copy that is away comes back as it
   * is if the receiver is done with it (processed, or answered and the answer was lost); one
   * that was lost, or is still in the network or at the receiver, is replaced by a fresh copy
   * and the old one abandoned. A processed copy is sent again as it is (the receiver will
   * process it a second time unless it deduplicates), but not dead-lettered: it stays done.
   */
  protected own(d: Delivery, reuseDone: boolean): Message {
    const m = d.msg;
    if (!d.out) return m;
    d.out = false;
    if (m.state === 'done') {
      if (reuseDone) return m;
    } else if ((m.meta as WebhookMeta).answered && m.state !== 'dropped' && m.state !== 'dead') {
      return m;
    }
    if (m.state !== 'dropped' && m.state !== 'dead' && m.state !== 'done') this.abandoned.add(m);
    const fresh = this.sim.copy(this, m, 'buffered');
    d.msg = fresh;
    return fresh;
  }

  protected answered(msg: Message, data: SignalData | undefined): void {
    const d = deliveryOf(msg);
    if (!d) {
      const dead = this.deadOnReturn.delete(msg);
      if ((this.abandoned.delete(msg) || dead) && !data?.ok && !terminal(msg)) {
        if (dead) this.sim.deadLetter(this, msg, 'failed after the sender gave up on it');
        else this.sim.drop(this, msg, 'answered after the sender gave up on it');
      }
      return;
    }
    const attempt = typeof data?.attempt === 'number' ? data.attempt : d.attempt;
    if (attempt !== d.attempt || !d.outstanding) {
      // The answer to an attempt already counted as timed out: the connection is gone, so it
      // does not count. If it answers the latest attempt, the copy is free again and waits here
      // for the retry; an older attempt's answer says nothing about where the copy is now.
      this.lateAnswers++;
      if (attempt === d.attempt && d.out && msg.state !== 'dropped' && msg.state !== 'dead') {
        d.out = false;
        // A processed copy stays done: the late 200 says the receiver handled it (issue 9, defect 7).
        if (msg.state !== 'done') this.sim.requeue(this, msg, 'answer came after the timeout; waiting for the retry');
      }
      return;
    }
    d.outstanding = false;
    if (data?.ok) this.succeed(d);
    else this.fail(d, data?.status, data?.status === 0 ? String(data.error ?? 'connection refused') : `HTTP ${data?.status}`, true);
  }

  protected succeed(d: Delivery): void {
    const ep = d.endpoint;
    this.succeeded++;
    this.sim.confirmDelivered();
    ep.consecutiveFailures = 0;
    ep.failingSince = NaN;
    this.sim.emit({
      type: 'webhook.delivered', t: this.sim.now, node: this.id, endpoint: ep.receiver.id, msg: d.msg, deliveryId: d.id,
      attempt: d.attempt, afterMs: this.sim.now - d.firstAt,
    });
    this.finish(d);
  }

  /** Attempt `d.attempt` failed; `back` when the answer handed the copy back to the sender. */
  protected fail(d: Delivery, status: number | undefined, reason: string, back: boolean): void {
    const ep = d.endpoint;
    const now = this.sim.now;
    this.countFailure(status);
    this.sim.emit({
      type: 'webhook.failed', t: now, node: this.id, endpoint: ep.receiver.id, msg: d.msg, deliveryId: d.id, attempt: d.attempt,
      status, reason,
    });
    ep.consecutiveFailures++;
    if (Number.isNaN(ep.failingSince)) ep.failingSince = now;
    if (back) {
      d.out = false;
      if (d.msg.state !== 'dropped' && d.msg.state !== 'dead') this.sim.requeue(this, d.msg, `${reason}: held for a retry`);
    }
    if (ep.state === 'enabled' && this.shouldDisable(ep)) this.disable(ep, reason);
    if (d.closed) return;
    if (ep.state === 'disabled') return this.close(d, 'dead', `endpoint ${ep.url} disabled`);
    if (ep.state === 'removed') return this.close(d, 'drop', `endpoint ${ep.url} unregistered`);
    if (d.manual) return this.close(d, 'dead', 'manual redelivery failed');
    if (d.attempt >= this.maxAttempts) return this.close(d, 'dead', `retries exhausted after ${d.attempt} attempts`);
    const wait = this.policy.delays[d.attempt - 1]!;
    d.dueAt = now + wait;
    d.retry = this.sim.scheduler.schedule(wait, this, RETRY, d);
    this.retrying++;
    if (d.dueAt < this.nextRetryAt) this.nextRetryAt = d.dueAt;
    this.retriesScheduled++;
    this.setBacklog(this.pendingRetries);
    this.sim.emit({
      type: 'webhook.retry_scheduled', t: now, node: this.id, endpoint: ep.receiver.id, msg: d.msg, deliveryId: d.id,
      attempt: d.attempt + 1, at: d.dueAt,
    });
  }

  protected countFailure(status: number | undefined): void {
    const f = this.failed;
    if (status === undefined) f.timeout++;
    else if (status === 0) f.connection++;
    else if (status >= 500) f.http5xx++;
    else if (status >= 400) f.http4xx++;
    else f.other++;
  }

  protected shouldDisable(ep: Endpoint): boolean {
    const rule = this.policy.disable;
    if (rule.failedAttempts !== undefined && ep.consecutiveFailures >= rule.failedAttempts) return true;
    return rule.failingForMs !== undefined && this.sim.now - ep.failingSince >= rule.failingForMs;
  }

  override handle(ev: Timer<AttemptTimers>): void {
    if (ev.type === TIMEOUT) this.expire();
    else this.retryNow(ev.data);
  }

  protected retryNow(d: Delivery): void {
    this.unschedule(d, true);
    if (d.closed) return;
    if (this.online) this.attempt(d);
    else this.paused.push(d);
    this.setBacklog(this.pendingRetries);
  }

  /** Takes `d` off the retry timer; `fired` when the timer is the event running now. */
  protected unschedule(d: Delivery, fired = false): void {
    if (!d.retry) return;
    if (!fired) this.sim.scheduler.cancel(d.retry);
    d.retry = undefined;
    this.retrying--;
    if (d.dueAt <= this.nextRetryAt) this.nextRetryStale = true;
  }

  /** Timer: every attempt past its deadline without an answer has failed. */
  protected expire(): void {
    this.timeoutTimer = undefined;
    const now = this.sim.now;
    for (let d = this.deadlines.nextExpired(now); d; d = this.deadlines.nextExpired(now)) {
      d.outstanding = false;
      this.fail(d, undefined, `timeout after ${this.policy.timeoutMs} ms`, false);
    }
    const next = this.deadlines.nextDeadline();
    if (next !== undefined) this.timeoutTimer = this.sim.scheduler.schedule(Math.max(0, next - now), this, TIMEOUT);
  }

  /** Ends `d` for good: its copy is dead-lettered or dropped here. */
  protected close(d: Delivery, how: 'dead' | 'drop', reason: string): void {
    if (d.closed) return;
    this.unschedule(d);
    const p = this.paused.indexOf(d);
    if (p >= 0) this.paused.splice(p, 1);
    const away = d.out && !(d.msg.meta as WebhookMeta).answered && !terminal(d.msg);
    if (how === 'dead' && (d.msg.state === 'done' || away)) {
      // The receiver processed the copy (or may still): the event failed at the sender but is
      // done (or settles) at the receiver. Two views of one message, counted once in the ledger:
      // the sender counts a dead letter, the copy stays where it is (issue 9, defect 7).
      this.deadLettered++;
      this.keepDead(d, d.msg);
      if (away) this.deadOnReturn.add(d.msg);
      d.out = false;
      this.sim.emit({ type: 'webhook.gave_up', t: this.sim.now, node: this.id, endpoint: d.endpoint.receiver.id, msg: d.msg, deliveryId: d.id, reason });
      this.finish(d);
      this.setBacklog(this.pendingRetries);
      return;
    }
    const msg = this.own(d, false);
    if (how === 'dead') {
      this.deadLettered++;
      this.sim.deadLetter(this, msg, reason);
      this.keepDead(d, msg);
    } else {
      this.droppedUnregistered++;
      this.sim.drop(this, msg, reason);
    }
    this.finish(d);
    this.setBacklog(this.pendingRetries);
  }

  protected keepDead(d: Delivery, msg: Message): void {
    this.dead.add({ id: d.id, endpoint: d.endpoint, msg, body: (msg.meta as WebhookMeta).body });
  }

  protected finish(d: Delivery): void {
    untag(d.msg);
    d.closed = true;
    d.outstanding = false;
    const last = this.open.pop()!;
    if (last !== d) {
      this.open[d.slot] = last;
      last.slot = d.slot;
    }
    d.slot = -1;
  }

  /** Stops sending to `ep` (the subclass's: it knows the open deliveries to it). */
  protected abstract disable(ep: Endpoint, reason: string): void;
}

/** A copy that has settled for good: processed, dead-lettered or lost. */
function terminal(msg: Message): boolean {
  return msg.state === 'done' || msg.state === 'dead' || msg.state === 'dropped';
}
