import { z } from 'zod';
import { arrivalGaps } from '../../engine/arrivals';
import type { Sampler } from '../../engine/distributions';
import { nodeSchema } from '../../engine/kind';
import type { Message } from '../../engine/message';
import { SimNode, type NodeStats, type SignalData } from '../../engine/node';
import type { ScheduledEvent } from '../../engine/scheduler';
import type { Simulation } from '../../engine/simulation';
import type { Channel, SignalKind } from '../../engine/trace';
import type { WebhookMeta } from './webhook-meta';
import { AnswerDeadlines, deliveryOf, EventBody, newMeta, untag, type Delivery } from './webhook-delivery';
import { Endpoints, type Endpoint } from './webhook-endpoints';
import { disableSchema, resolvePolicy, retrySchema, type RetryPolicy } from './webhook-schedule';
import { DeadDeliveries } from './webhook-redelivery';
import { sign, unixSeconds, SIGNATURE_SCHEMES } from './webhook-signature';
import { LIMITS } from '../../engine/limits';

const GENERATE = 1;
const RETRY = 2;
const TIMEOUT = 3;

/** Scenario fields of a webhook sender: the service whose events other services subscribe to. */
export const senderSchema = nodeSchema('webhook-sender', {
  /** Retry schedule: a provider preset or a custom exponential one (see webhook-schedule.ts). */
  retry: retrySchema.default('svix'),
  /** Compresses retry waits and the disabling period (0.001: 5 min → 300 ms); not the timeout. */
  timeScale: z.number().positive().max(1).default(1),
  /** How long an attempt may take before it counts as failed; the preset's by default (Svix: 15 s). */
  timeoutMs: z.number().positive().max(LIMITS.ms).optional(),
  /** When a failing endpoint is disabled; the preset's rule by default, `{}` for never. */
  disable: disableSchema.optional(),
  /** Header format: Svix (`v1,<base64>`), Stripe (`t=…,v1=<hex>`), GitHub (`sha256=<hex>`) or Shopify (`<base64>`). */
  signature: z.enum(SIGNATURE_SCHEMES).default('svix'),
  /** Events per second the sender makes itself; without it, it sends what its producers publish to it. */
  ratePerSec: z.number().positive().max(LIMITS.ratePerSec).optional(),
  arrivals: z.enum(['poisson', 'constant']).default('poisson'),
  /** The event type of the events it makes itself. */
  eventType: z.string().min(1).default('order.created'),
  stopMs: z.number().positive().max(LIMITS.ms).optional(),
});

/** A webhook sender's config as parsed from a scenario. */
export type SenderConfig = z.infer<typeof senderSchema>;

/** Why attempts failed, for the stats. */
interface FailureCounts {
  timeout: number;
  connection: number;
  http5xx: number;
  http4xx: number;
  other: number;
}

/**
 * Sends each event to every endpoint registered for its type, as a signed HTTP POST (one copy
 * per endpoint), and retries failed attempts on its schedule. A 2xx before the timeout is a
 * success; anything else (timeout, connection refused, 5xx, 4xx) is a failure. Between
 * attempts a delivery waits here, buffered; after the last attempt it is dead-lettered. An
 * endpoint that keeps failing is disabled: waiting deliveries are dead-lettered and new events
 * for it are dropped. The sender's state survives its own outages; it only pauses sending.
 */
export class WebhookSender extends SimNode<SenderConfig> {
  /** The last request put on the wire: what an eavesdropper on the path could record. */
  lastSent: WebhookMeta | undefined;
  private policy: RetryPolicy;
  private gap: Sampler | undefined;
  private readonly endpoints: Endpoints;
  /** Deliveries not yet closed, in no particular order (swap-remove). */
  private readonly open: Delivery[] = [];
  /** Copies given up on while still away; settled if they ever come back. */
  private readonly abandoned = new Set<Message>();
  /** Copies still at the receiver when their delivery was dead-lettered: dead-lettered here if they come back failed. */
  private readonly deadOnReturn = new Set<Message>();
  private readonly paused: Delivery[] = [];
  private readonly deadlines = new AnswerDeadlines();
  private timeoutTimer: ScheduledEvent | undefined;
  private retrying = 0;
  private nextRetryAt = Infinity;
  private nextRetryStale = false;

  events = 0;
  deliveries = 0;
  attempts = 0;
  succeeded = 0;
  readonly failed: FailureCounts = { timeout: 0, connection: 0, http5xx: 0, http4xx: 0, other: 0 };
  retriesScheduled = 0;
  deadLettered = 0;
  /** Dead-lettered deliveries sent again by hand. */
  redelivered = 0;
  private readonly dead = new DeadDeliveries();
  droppedDisabled = 0;
  droppedUnregistered = 0;
  unrouted = 0;
  endpointsDisabled = 0;
  lateAnswers = 0;

  constructor(sim: Simulation, config: SenderConfig) {
    super(sim, config);
    this.endpoints = new Endpoints(sim, this);
    this.policy = this.makePolicy();
    this.gap = this.makeGap();
  }

  private makePolicy(): RetryPolicy {
    const c = this.config;
    return resolvePolicy(c.retry, c.timeScale, c.timeoutMs, c.disable);
  }

  private makeGap(): Sampler | undefined {
    const c = this.config;
    if (c.ratePerSec === undefined) return undefined;
    return arrivalGaps(c.ratePerSec, c.arrivals, this.sim.rng(`node:${c.id}`));
  }

  override start(): void {
    if (this.gap) this.sim.scheduler.schedule(this.gap(), this, GENERATE);
  }

  /** Attempts allowed per delivery, the first included. */
  get maxAttempts(): number {
    return this.policy.delays.length + 1;
  }

  /** Deliveries not yet delivered, dead-lettered or dropped. */
  get openDeliveries(): number {
    return this.open.length;
  }

  /** Deliveries waiting for their next attempt. */
  get pendingRetries(): number {
    return this.retrying + this.paused.length;
  }

  override receive(msg: Message, _from: SimNode, _channel: Channel): void {
    if (!this.online) {
      this.sim.drop(this, msg, 'webhook sender offline');
      return;
    }
    this.fanOut(msg);
  }

  override handle(type: number, data: unknown): void {
    if (type === TIMEOUT) this.expire();
    else if (type === RETRY) this.retryNow(data as Delivery);
    else if (type === GENERATE) this.generate();
  }

  private generate(): void {
    const c = this.config;
    if (!this.gap || (c.stopMs !== undefined && this.sim.now >= c.stopMs)) return;
    if (this.online) this.fanOut(this.sim.publish(this, c.eventType));
    this.sim.scheduler.schedule(this.gap(), this, GENERATE);
  }

  /** One event: a delivery per endpoint registered for its type, the original going to the first. */
  private fanOut(msg: Message): void {
    this.events++;
    const body = new EventBody(msg.root, msg.type, msg.key);
    let first = true;
    const endpoints = this.endpoints.all;
    for (let i = 0; i < endpoints.length; i++) {
      const ep = endpoints[i]!;
      if (ep.events && !ep.events.has(msg.type)) continue;
      const copy = first ? msg : this.sim.copy(this, msg);
      first = false;
      if (ep.state !== 'enabled') {
        this.droppedDisabled++;
        this.sim.drop(this, copy, `endpoint ${ep.url} is disabled`);
        continue;
      }
      this.startDelivery(ep, copy, body);
    }
    if (first) {
      this.unrouted++;
      this.sim.drop(this, msg, `no endpoint registered for ${msg.type}`);
    }
  }

  private startDelivery(ep: Endpoint, msg: Message, body: EventBody): void {
    const id = `msg_${msg.root}`;
    const d: Delivery = {
      slot: this.open.length, id, endpoint: ep, msg, attempt: 0, firstAt: this.sim.now, outstanding: false, deadline: 0,
      out: false, retry: undefined, dueAt: 0, closed: false,
    };
    msg.meta = newMeta(d, body);
    this.open.push(d);
    this.deliveries++;
    this.attempt(d);
  }

  /** Signs and POSTs the next attempt of `d`. */
  private attempt(d: Delivery): void {
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
  private own(d: Delivery, reuseDone: boolean): Message {
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

  override onSignal(kind: SignalKind, msg: Message | undefined, from: SimNode, data: SignalData | undefined): void {
    if (kind === 'register') this.endpoints.register(from, data, this.config.signature);
    else if (kind === 'unregister') this.unregister(from);
    else if (kind === 'response' && msg) this.answered(msg, data);
  }

  private answered(msg: Message, data: SignalData | undefined): void {
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

  private succeed(d: Delivery): void {
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
  private fail(d: Delivery, status: number | undefined, reason: string, back: boolean): void {
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

  private countFailure(status: number | undefined): void {
    const f = this.failed;
    if (status === undefined) f.timeout++;
    else if (status === 0) f.connection++;
    else if (status >= 500) f.http5xx++;
    else if (status >= 400) f.http4xx++;
    else f.other++;
  }

  private shouldDisable(ep: Endpoint): boolean {
    const rule = this.policy.disable;
    if (rule.failedAttempts !== undefined && ep.consecutiveFailures >= rule.failedAttempts) return true;
    return rule.failingForMs !== undefined && this.sim.now - ep.failingSince >= rule.failingForMs;
  }

  private retryNow(d: Delivery): void {
    this.unschedule(d, true);
    if (d.closed) return;
    if (this.online) this.attempt(d);
    else this.paused.push(d);
    this.setBacklog(this.pendingRetries);
  }

  /** Takes `d` off the retry timer; `fired` when the timer is the event running now. */
  private unschedule(d: Delivery, fired = false): void {
    if (!d.retry) return;
    if (!fired) this.sim.scheduler.cancel(d.retry);
    d.retry = undefined;
    this.retrying--;
    if (d.dueAt <= this.nextRetryAt) this.nextRetryStale = true;
  }

  /** Timer: every attempt past its deadline without an answer has failed. */
  private expire(): void {
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
  private close(d: Delivery, how: 'dead' | 'drop', reason: string): void {
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

  private keepDead(d: Delivery, msg: Message): void {
    this.dead.add({ id: d.id, endpoint: d.endpoint, msg, body: (msg.meta as WebhookMeta).body });
  }

  private finish(d: Delivery): void {
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

  /** Stops sending to `ep`: deliveries waiting for a retry are dead-lettered; those in flight end with their answer. */
  private disable(ep: Endpoint, reason: string): void {
    ep.state = 'disabled';
    this.endpointsDisabled++;
    this.sim.emit({
      type: 'webhook.endpoint_disabled', t: this.sim.now, node: this.id, endpoint: ep.receiver.id, url: ep.url,
      reason: `failing: ${ep.consecutiveFailures} consecutive failed attempts since t=${ep.failingSince} ms (last: ${reason})`,
    });
    for (const d of this.deliveriesTo(ep)) if (!d.outstanding) this.close(d, 'dead', `endpoint ${ep.url} disabled`);
  }

  private unregister(from: SimNode): void {
    const ep = this.endpoints.unregister(from);
    if (!ep) return;
    for (const d of this.deliveriesTo(ep)) if (!d.outstanding) this.close(d, 'drop', `endpoint ${ep.url} unregistered`);
  }

  /** Open deliveries to `ep`, as a list (closing them changes the open list). */
  private deliveriesTo(ep: Endpoint): Delivery[] {
    const out: Delivery[] = [];
    for (const d of this.open) if (d.endpoint === ep) out.push(d);
    return out;
  }

  /**
   * `redeliver {deliveryId?}`: sends a dead-lettered delivery (the oldest, or the one named)
   * once more, with its id, as a person does from the provider's dashboard. The dead copy
   * leaves the dead letters (requeued); a copy the receiver processed or holds is copied.
   */
  private redeliver(deliveryId: string | undefined): void {
    const dl = this.dead.take(deliveryId);
    if (!dl) return;
    const sim = this.sim;
    const old = dl.msg;
    let msg = old;
    if (old.state === 'dead') sim.requeue(this, old, 'manual redelivery');
    else msg = sim.copy(this, old, 'buffered');
    const d: Delivery = {
      slot: this.open.length, id: dl.id, endpoint: dl.endpoint, msg, attempt: 0, firstAt: sim.now, outstanding: false, deadline: 0,
      out: false, retry: undefined, dueAt: 0, closed: false, manual: true,
    };
    msg.meta = newMeta(d, dl.body as EventBody);
    this.open.push(d);
    this.redelivered++;
    sim.emit({ type: 'webhook.redelivered', t: sim.now, node: this.id, endpoint: dl.endpoint.receiver.id, msg, deliveryId: dl.id });
    this.attempt(d);
  }

  /** `enable {endpoint}`: turns a disabled endpoint back on (as a user does in the provider's dashboard). */
  override command(name: string, args: Record<string, unknown>): void {
    if (name === 'redeliver') return this.redeliver(typeof args.deliveryId === 'string' ? args.deliveryId : undefined);
    const ep = name === 'enable' ? this.endpoints.of(String(args.endpoint)) : undefined;
    if (ep?.state === 'disabled') this.endpoints.enable(ep);
  }

  protected override onlineChanged(): void {
    if (!this.online) return;
    const resume = this.paused.splice(0);
    for (const d of resume) if (!d.closed) this.attempt(d);
    this.setBacklog(this.pendingRetries);
  }

  override configure(patch: Record<string, unknown>): void {
    super.configure(patch);
    this.policy = this.makePolicy();
    if ('ratePerSec' in patch || 'arrivals' in patch) {
      const had = this.gap !== undefined;
      this.gap = this.makeGap();
      if (!had) this.start();
    }
  }

  /**
   * Checks the sender's bookkeeping against a recount from its open deliveries (for tests and
   * fuzzing; O(open deliveries)). Returns the first problem found, or undefined.
   */
  audit(): string | undefined {
    let retrying = 0;
    for (let i = 0; i < this.open.length; i++) {
      const d = this.open[i]!;
      const where = `t=${this.sim.now}: delivery ${d.id} to ${d.endpoint.receiver.id} (attempt ${d.attempt})`;
      if (d.slot !== i || d.closed) return `${where} is misfiled in the open list`;
      if (d.retry) retrying++;
      if (d.outstanding && !d.out) return `${where} waits for an answer but holds its copy`;
      if (!d.out && d.msg.state !== 'buffered' && d.msg.state !== 'done') return `${where} holds its copy, which is ${d.msg.state}, not buffered or processed`;
      if (!d.outstanding && !d.retry && !this.paused.includes(d)) return `${where} waits for nothing`;
    }
    if (retrying !== this.retrying) return `t=${this.sim.now}: ${this.retrying} retries counted, ${retrying} scheduled`;
    if (this.paused.some((d) => d.closed)) return `t=${this.sim.now}: a closed delivery is paused`;
    return undefined;
  }

  /** When the next retry is due, or null when none is waiting. */
  nextAttemptAt(): number | null {
    if (this.nextRetryStale) {
      let min = Infinity;
      for (const d of this.open) if (d.retry && d.dueAt < min) min = d.dueAt;
      this.nextRetryAt = min;
      this.nextRetryStale = false;
    }
    if (this.retrying === 0) this.nextRetryAt = Infinity;
    if (this.paused.length > 0) return this.sim.now;
    return this.nextRetryAt === Infinity ? null : this.nextRetryAt;
  }

  override stats(): NodeStats {
    return {
      ...super.stats(),
      events: this.events, deliveries: this.deliveries, attempts: this.attempts, succeeded: this.succeeded,
      failed: { ...this.failed }, retriesScheduled: this.retriesScheduled, pendingRetries: this.pendingRetries,
      nextAttemptAt: this.nextAttemptAt(), deadLettered: this.deadLettered, droppedDisabled: this.droppedDisabled,
      droppedUnregistered: this.droppedUnregistered, redeliverable: this.dead.size, redelivered: this.redelivered,
      unrouted: this.unrouted, endpoints: this.endpoints.enabled, endpointsDisabled: this.endpointsDisabled, lateAnswers: this.lateAnswers,
    };
  }
}

/** A copy that has settled for good: processed, dead-lettered or lost. */
function terminal(msg: Message): boolean {
  return msg.state === 'done' || msg.state === 'dead' || msg.state === 'dropped';
}
