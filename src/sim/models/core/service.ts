import { z } from 'zod';
import { distSchema, sampler, type Sampler } from '../../engine/distributions';
import { nodeSchema } from '../../engine/kind';
import type { Message } from '../../engine/message';
import { SimNode, type NodeStats, type SignalData } from '../../engine/node';
import type { Rng } from '../../engine/rng';
import type { ScheduledEvent } from '../../engine/scheduler';
import type { Simulation } from '../../engine/simulation';
import type { Timer } from '../../engine/timers';
import type { Channel } from '../../engine/trace';
import { SlotSet } from '../../engine/slot-set';
import { Fifo } from '../../engine/fifo';
import { LIMITS } from '../../engine/limits';
import { lazySchema } from '../../engine/lazySchema';

const DONE = 1;
/** A service's timers: a job's work is done. Kinds that extend it use other numbers. */
export type ServiceTimers = { [DONE]: Job };

/** The fields of a service, for kinds that extend it. */
export const serviceShape = lazySchema(() => ({
  /** Messages processed at once (worker threads, connections). */
  concurrency: z.number().int().positive().max(LIMITS.slots).default(1),
  /** Time to process one message. */
  serviceTime: distSchema.default({ dist: 'exponential', meanMs: 100 }),
  /** Probability that processing fails (the message is nacked, or the request gets a 500). */
  failureRate: z.number().min(0).max(1).default(0),
  /**
   * HTTP only: requests that may wait for a free slot; past it the service answers 503 at
   * once. Unlimited when absent. (Tomcat's acceptCount is 100, but there the OS refuses.)
   */
  maxQueue: z.number().int().nonnegative().max(LIMITS.count).optional(),
  /**
   * HTTP only: what callers see while the service is offline. 'refuse': the process is down
   * on a live host, so connections are refused and open ones reset (status 0, at once).
   * 'hang': the host is unreachable; nothing answers and callers wait for their own timeout.
   */
  whenOffline: z.enum(['refuse', 'hang']).default('refuse'),
}));

/** Scenario fields of a service: a consumer, an HTTP server, a webhook receiver. */
export const serviceSchema = nodeSchema('service', () => serviceShape);

/** A service's config as parsed from a scenario. */
export type ServiceConfig = z.infer<typeof serviceSchema>;

/** A service's config whatever its kind: what kinds that extend Service must have. */
export type ServiceSettings = Omit<ServiceConfig, 'kind'> & { kind: string };

/** One message a service holds: waiting in its inbox or being processed. */
export interface Job {
  msg: Message;
  from: SimNode;
  channel: Channel;
  done: ScheduledEvent | undefined;
  /** Its index among the active jobs, -1 while waiting (see SlotSet). */
  slot: number;
  /** When it started, as a count of starts at this service: restores start order when abandoned. */
  started: number;
  /** Its Kafka partition lane (see laneOf), worked out once on arrival: startWaiting scans the inbox by it. -1: none. */
  lane: number;
}

/**
 * A service that processes what it is given with limited concurrency: a queue consumer,
 * an HTTP server, a webhook receiver. Deliveries past its free slots wait in its inbox
 * (the client-side prefetch buffer). Going offline abandons everything it holds: each
 * broker is told, and requeues or loses the message according to its ack mode; each HTTP
 * caller sees its connection reset, or nothing at all if the host is unreachable
 * (`whenOffline`). An HTTP request's copy is its caller's to settle: a 5xx leaves it where
 * it is, and the caller retries it or drops it.
 */
export class Service<C extends ServiceSettings = ServiceConfig> extends SimNode<C> {
  /** Jobs received and not yet started. */
  /** A ring, not an array: Array.prototype.shift moved the whole inbox (a memmove) per start. */
  protected readonly inbox = new Fifo<Job>();
  private starts = 0;
  /**
   * Kafka partitions (lanes: see laneOf) with a record being processed here (see startWaiting):
   * 1 while busy, indexed by lane. Bytes, not a Map<number, boolean>: a lane is a small integer
   * (below (nodes + 1) × LIMITS.partitions), and a Map lookup per start and per finish cost more
   * than a byte read. Grown on demand; empty for a service that is no Kafka consumer.
   */
  private laneBusy = new Uint8Array(0);
  /** How many lanes are busy (1 in laneBusy). */
  private lanesInUse = 0;
  /** Jobs being processed. */
  protected readonly active = new SlotSet<Job>();
  protected serviceTime: Sampler;
  protected readonly rng: Rng;
  failed = 0;
  /** HTTP requests answered 503 because the accept queue was full. */
  rejected = 0;
  /** Requests processed after their caller gave up on them (timed out): wasted work, outside the ledger. */
  orphaned = 0;

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

  /**
   * A request whose caller already gave up on it (its copy is dropped: it timed out while the
   * request travelled or waited here) is still served: the server cannot know. Its work
   * happens outside the ledger, which must not move a dropped copy, and is counted `orphaned`.
   */
  override answersRequests(): boolean {
    return true;
  }

  override receive(msg: Message, from: SimNode, channel: Channel): void {
    const http = isHttp(channel);
    if (!this.online) {
      if (http && this.config.whenOffline === 'hang') {
        if (msg.state !== 'dropped') this.sim.drop(this, msg, 'host unreachable');
      } else {
        this.refuse(msg, from, channel);
      }
      return;
    }
    const max = this.config.maxQueue;
    if (http && max !== undefined && this.active.size >= this.config.concurrency && this.inbox.length >= max) {
      this.rejected++;
      this.sim.signal(this, from, 'response', msg, { status: 503, ok: false, error: 'accept queue full' });
      return;
    }
    if (msg.state !== 'dropped') this.sim.received(this, msg, from);
    const job: Job = { msg, from, channel, done: undefined, slot: -1, started: 0, lane: laneOf(msg, from, channel) };
    // Nothing waits and a slot is free: it starts now, as startWaiting would start it, without a
    // trip through the inbox (startWaiting then has nothing to start either: the inbox is empty).
    if (this.inbox.length === 0 && this.active.size < this.config.concurrency && (job.lane === -1 || this.laneBusy[job.lane] !== 1)) {
      this.startJob(job);
      return;
    }
    this.inbox.push(job);
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

  /**
   * Starts waiting jobs while slots are free, oldest first. Records of one Kafka partition (a
   * poll batch) are processed one after the other, as a consumer's poll loop does: a record
   * waits while an earlier one of its partition is being processed, and others may pass it.
   */
  protected startWaiting(): void {
    while (this.active.size < this.config.concurrency && this.inbox.length > 0) {
      let i = 0;
      if (this.lanesInUse > 0) {
        for (let lane = this.inbox.peekFront()!.lane; lane !== -1 && this.laneBusy[lane] === 1; lane = this.inbox.peekAt(i)!.lane) {
          if (++i === this.inbox.length) return;
        }
      }
      this.startJob(i === 0 ? this.inbox.shift()! : this.inbox.removeOne(i)!);
    }
  }

  /** Starts processing `job` in a free slot (its lane, if it has one, is free). */
  private startJob(job: Job): void {
    const lane = job.lane;
    if (lane !== -1 && this.laneBusy[lane] !== 1) {
      if (lane >= this.laneBusy.length) this.growLanes(lane);
      this.laneBusy[lane] = 1;
      this.lanesInUse++;
    }
    job.started = ++this.starts;
    this.active.add(job);
    if (job.msg.state !== 'dropped') this.sim.startProcessing(this, job.msg);
    job.done = this.sim.scheduler.schedule(this.serviceTime() * this.slowFactor, this, DONE, job);
  }

  override handle(ev: Timer<ServiceTimers>): void {
    const job = ev.data;
    job.done = undefined;
    this.workDone(job);
  }

  /** The job's own work is over. Kinds that do more before answering (call a dependency) hold its slot longer. */
  protected workDone(job: Job): void {
    this.finish(job, !this.drawFailure());
  }

  /** Whether this piece of work fails, by `failureRate`. */
  protected drawFailure(): boolean {
    return this.config.failureRate > 0 && this.rng.next() < this.config.failureRate;
  }

  /**
   * Ends a job: frees its slot, settles its copy and answers its source (with `status` on
   * failure), then starts waiting jobs. An abandoned copy stays dropped, but the answer still
   * goes out: the caller ignores it as late.
   */
  protected finish(job: Job, ok: boolean, status = 500): void {
    this.active.delete(job);
    this.freeLane(job);
    const abandoned = job.msg.state === 'dropped';
    if (abandoned) this.orphaned++;
    if (ok) {
      if (!abandoned) this.sim.finishProcessing(this, job.msg);
      this.complete(job);
    } else {
      this.failed++;
      this.completeFailed(job, status);
    }
    this.startWaiting();
  }

  /** Processing succeeded: ack a broker's delivery, or answer an HTTP request with 200 OK. May see a dropped copy (see finish). */
  protected complete(job: Job): void {
    if (isHttp(job.channel)) this.sim.signal(this, job.from, 'response', job.msg, OK_200);
    else if (job.from.acksWanted(this)) this.sim.signal(this, job.from, 'ack', job.msg);
  }

  /**
   * Processing failed: nack a broker's delivery, or answer an HTTP request with `status`
   * (500 by default). The copy stays where it is: the caller decides to retry or give up.
   */
  protected completeFailed(job: Job, status = 500): void {
    if (isHttp(job.channel)) this.sim.signal(this, job.from, 'response', job.msg, { status, ok: false });
    else this.sim.signal(this, job.from, 'nack', job.msg);
  }

  protected override onlineChanged(): void {
    if (this.online) {
      for (const link of this.sim.incoming(this.id)) link.from.wake();
      return;
    }
    const held = [...this.active.drain().sort((a, b) => a.started - b.started), ...this.inbox.toArray()];
    this.laneBusy.fill(0);
    this.lanesInUse = 0;
    this.inbox.clear();
    // In reverse, so that sources which requeue at the head restore the original order.
    for (let i = held.length - 1; i >= 0; i--) {
      const job = held[i]!;
      if (job.done) this.sim.scheduler.cancel(job.done);
      job.done = undefined;
      if (isHttp(job.channel)) this.abandonRequest(job);
      else job.from.onConsumerLost(job.msg, this);
    }
  }

  /**
   * An HTTP request this service held when it went offline. 'refuse': the kernel resets the
   * connection and the caller learns at once (status 0); the copy is the caller's to settle.
   * 'hang': the request dies with the host (dropped here) and the caller waits for its timeout.
   */
  protected abandonRequest(job: Job): void {
    if (this.config.whenOffline === 'hang') {
      if (job.msg.state !== 'dropped') this.sim.drop(this, job.msg, 'server went offline');
    } else {
      this.sim.signal(this, job.from, 'response', job.msg, { status: 0, ok: false, error: 'connection reset' });
    }
  }

  private freeLane(job: Job): void {
    if (job.lane !== -1 && this.lanesInUse > 0 && this.laneBusy[job.lane] === 1) {
      this.laneBusy[job.lane] = 0;
      this.lanesInUse--;
    }
  }

  /** Room in laneBusy for `lane` (and some lanes past it, so that it seldom grows again). */
  private growLanes(lane: number): void {
    const grown = new Uint8Array(lane + LIMITS.partitions);
    grown.set(this.laneBusy);
    this.laneBusy = grown;
  }

  override configure(patch: Record<string, unknown>): void {
    super.configure(patch);
    this.serviceTime = sampler(this.config.serviceTime, this.rng);
    this.startWaiting();
  }

  override stats(): NodeStats {
    return {
      ...super.stats(), concurrency: this.config.concurrency, busy: this.busy, waiting: this.waiting, failed: this.failed,
      rejected: this.rejected, orphaned: this.orphaned,
    };
  }
}

/**
 * The Kafka partition a delivered record belongs to (its source and partition) as one number,
 * if it is one, else -1. A number, not a string built per record: partitions are fewer than
 * LIMITS.partitions, so source index × that + partition is unique in the run.
 */
function laneOf(msg: Message, from: SimNode, channel: Channel): number {
  if (channel !== 'delivery') return -1;
  const p = msg.meta?.partition;
  return typeof p === 'number' && from.kind === 'topic' ? from.index * LIMITS.partitions + p : -1;
}

/** The data of a 200 OK answer: one shared, read-only object rather than one per response. */
const OK_200: SignalData = Object.freeze({ status: 200, ok: true });

/** Whether a hop is HTTP (a request or a webhook POST), answered with a status, not acked. */
export function isHttp(channel: Channel): boolean {
  return channel === 'request' || channel === 'webhook' || channel === 'retry';
}
