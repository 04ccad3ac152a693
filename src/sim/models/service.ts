import { z } from 'zod';
import { distSchema, sampler, type Sampler } from '../distributions';
import { defineKind, nodeSchema } from '../kind';
import type { Message } from '../message';
import { SimNode, type NodeStats } from '../node';
import type { Rng } from '../rng';
import type { ScheduledEvent } from '../scheduler';
import type { Simulation } from '../simulation';
import type { Channel } from '../trace';

const DONE = 1;

/** Scenario fields of a service: a consumer, an HTTP server, a webhook receiver. */
export const serviceSchema = nodeSchema(
  'service',
  {
    /** Messages processed at once (worker threads, connections). */
    concurrency: z.number().int().positive().default(1),
    /** Time to process one message. */
    serviceTime: distSchema.default({ dist: 'exponential', meanMs: 100 }),
    /** Probability that processing fails (the message is nacked, or the request gets a 500). */
    failureRate: z.number().min(0).max(1).default(0),
  },
);

/** A service's config as parsed from a scenario. */
export type ServiceConfig = z.infer<typeof serviceSchema>;

/** One message a service holds: waiting in its inbox or being processed. */
export interface Job {
  msg: Message;
  from: SimNode;
  channel: Channel;
  done: ScheduledEvent | undefined;
}

/**
 * A service that processes what it is given with limited concurrency: a queue consumer,
 * an HTTP server, a webhook receiver. Deliveries past its free slots wait in its inbox
 * (the client-side prefetch buffer). Going offline abandons everything it holds: each
 * source is told, and requeues or loses the message according to its ack mode.
 */
export class Service<C extends ServiceConfig = ServiceConfig> extends SimNode<C> {
  /** Jobs received and not yet started. */
  protected readonly inbox: Job[] = [];
  /** Jobs being processed. */
  protected readonly active = new Set<Job>();
  protected serviceTime: Sampler;
  protected readonly rng: Rng;
  failed = 0;

  constructor(sim: Simulation, config: C) {
    super(sim, config);
    this.rng = sim.rng(`node:${config.id}`);
    this.serviceTime = sampler(config.serviceTime, this.rng);
  }

  /** Slots in use. */
  get busy(): number {
    return this.active.size;
  }

  /** Jobs waiting for a slot. */
  get waiting(): number {
    return this.inbox.length;
  }

  override receive(msg: Message, from: SimNode, channel: Channel): void {
    if (!this.online) {
      this.refuse(msg, from, channel);
      return;
    }
    this.sim.received(this, msg, from);
    this.inbox.push({ msg, from, channel, done: undefined });
    this.startWaiting();
  }

  /**
   * What happens to a message that arrives while this service is offline. A broker's
   * delivery goes back to the broker; an HTTP request or webhook POST finds nobody
   * listening: the caller gets a connection error (status 0), and decides what to do.
   */
  protected refuse(msg: Message, from: SimNode, channel: Channel): void {
    if (isHttp(channel)) this.sim.signal(this, from, 'response', msg, { status: 0, ok: false, error: 'connection refused' });
    else from.onConsumerLost(msg, this);
  }

  /** Starts waiting jobs while slots are free. */
  protected startWaiting(): void {
    while (this.active.size < this.config.concurrency && this.inbox.length > 0) {
      const job = this.inbox.shift()!;
      this.active.add(job);
      this.sim.startProcessing(this, job.msg);
      job.done = this.sim.scheduler.schedule(this.serviceTime() * this.slowFactor, this, DONE, job);
    }
  }

  override handle(type: number, data: unknown): void {
    if (type !== DONE) return;
    const job = data as Job;
    this.active.delete(job);
    if (this.config.failureRate > 0 && this.rng.next() < this.config.failureRate) {
      this.failed++;
      this.completeFailed(job);
    } else {
      this.sim.finishProcessing(this, job.msg);
      this.complete(job);
    }
    this.startWaiting();
  }

  /** Processing succeeded: ack a broker's delivery, or answer an HTTP request with 200 OK. */
  protected complete(job: Job): void {
    if (isHttp(job.channel)) this.sim.signal(this, job.from, 'response', job.msg, { status: 200, ok: true });
    else if (job.from.acksWanted(this)) this.sim.signal(this, job.from, 'ack', job.msg);
  }

  /** Processing failed: nack a broker's delivery, or answer an HTTP request with 500. */
  protected completeFailed(job: Job): void {
    if (isHttp(job.channel)) this.sim.signal(this, job.from, 'response', job.msg, { status: 500, ok: false });
    else this.sim.signal(this, job.from, 'nack', job.msg);
  }

  protected override onlineChanged(): void {
    if (this.online) {
      for (const link of this.sim.incoming(this.id)) link.from.wake();
      return;
    }
    const held = [...this.active, ...this.inbox];
    this.active.clear();
    this.inbox.length = 0;
    // In reverse, so that sources which requeue at the head restore the original order.
    for (let i = held.length - 1; i >= 0; i--) {
      const job = held[i]!;
      if (job.done) this.sim.scheduler.cancel(job.done);
      // An HTTP caller notices the dropped connection by its own timeout; a broker is told.
      if (!isHttp(job.channel)) job.from.onConsumerLost(job.msg, this);
    }
  }

  override configure(patch: Record<string, unknown>): void {
    super.configure(patch);
    this.serviceTime = sampler(this.config.serviceTime, this.rng);
    this.startWaiting();
  }

  override stats(): NodeStats {
    return { ...super.stats(), busy: this.busy, waiting: this.waiting, failed: this.failed };
  }
}

/** The `service` node kind. */
export const serviceKind = defineKind(serviceSchema, (sim, config) => new Service(sim, config));

/** Whether a hop is HTTP (a request or a webhook POST), answered with a status, not acked. */
export function isHttp(channel: Channel): boolean {
  return channel === 'request' || channel === 'webhook' || channel === 'retry';
}
