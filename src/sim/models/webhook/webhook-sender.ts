import { z } from 'zod';
import { arrivalGaps } from '../../engine/arrivals';
import type { Sampler } from '../../engine/distributions';
import { nodeSchema } from '../../engine/kind';
import type { Message } from '../../engine/message';
import type { NodeStats, SignalData, SimNode } from '../../engine/node';
import type { Simulation } from '../../engine/simulation';
import type { Timer } from '../../engine/timers';
import type { Channel, SignalKind } from '../../engine/trace';
import { EventBody, newMeta, type Delivery } from './webhook-delivery';
import type { Endpoint } from './webhook-endpoints';
import { disableSchema, retrySchema } from './webhook-schedule';
import { SIGNATURE_SCHEMES } from './webhook-signature';
import { WebhookAttempts, type AttemptTimers } from './webhook-attempts';
import { LIMITS } from '../../engine/limits';

const GENERATE = 1;
/** The sender's timers: its attempts', and the next event it makes is due. */
type SenderTimers = AttemptTimers & { [GENERATE]: undefined };

/** Scenario fields of a webhook sender: the service whose events other services subscribe to. */
export const senderSchema = nodeSchema('webhook-sender', () => ({
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
}));

/** A webhook sender's config as parsed from a scenario. */
export type SenderConfig = z.infer<typeof senderSchema>;

/**
 * Sends each event to every endpoint registered for its type, as a signed HTTP POST (one copy
 * per endpoint), and retries failed attempts on its schedule. A 2xx before the timeout is a
 * success; anything else (timeout, connection refused, 5xx, 4xx) is a failure. Between
 * attempts a delivery waits here, buffered; after the last attempt it is dead-lettered. An
 * endpoint that keeps failing is disabled: waiting deliveries are dead-lettered and new events
 * for it are dropped. The sender's state survives its own outages; it only pauses sending.
 */
export class WebhookSender extends WebhookAttempts {
  private gap: Sampler | undefined;

  constructor(sim: Simulation, config: SenderConfig) {
    super(sim, config);
    this.gap = this.makeGap();
  }

  private makeGap(): Sampler | undefined {
    const c = this.config;
    if (c.ratePerSec === undefined) return undefined;
    return arrivalGaps(c.ratePerSec, c.arrivals, this.sim.rng(`node:${c.id}`));
  }

  override start(): void {
    if (this.gap) this.sim.scheduler.schedule(this.gap(), this, GENERATE);
  }

  /** Deliveries not yet delivered, dead-lettered or dropped. */
  get openDeliveries(): number {
    return this.open.length;
  }

  override receive(msg: Message, _from: SimNode, _channel: Channel): void {
    if (!this.online) {
      this.sim.drop(this, msg, 'webhook sender offline');
      return;
    }
    this.fanOut(msg);
  }

  override handle(ev: Timer<SenderTimers>): void {
    if (ev.type === GENERATE) this.generate();
    else super.handle(ev);
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
    const d: Delivery = {
      slot: this.open.length, id: body.deliveryId, endpoint: ep, msg, attempt: 0, firstAt: this.sim.now, outstanding: false, deadline: 0,
      out: false, retry: undefined, dueAt: 0, closed: false,
    };
    msg.meta = newMeta(d, body);
    this.open.push(d);
    this.deliveries++;
    this.attempt(d);
  }

  override onSignal(kind: SignalKind, msg: Message | undefined, from: SimNode, data: SignalData | undefined): void {
    if (kind === 'register') this.endpoints.register(from, data, this.config.signature);
    else if (kind === 'unregister') this.unregister(from);
    else if (kind === 'response' && msg) this.answered(msg, data);
  }

  /** Stops sending to `ep`: deliveries waiting for a retry are dead-lettered; those in flight end with their answer. */
  protected disable(ep: Endpoint, reason: string): void {
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
