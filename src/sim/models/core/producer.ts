import { z } from 'zod';
import { arrivalGaps } from '../../engine/arrivals';
import { gapSchema, sampler, type Sampler } from '../../engine/distributions';
import { nodeSchema } from '../../engine/kind';
import { SimNode, type NodeStats } from '../../engine/node';
import type { Rng } from '../../engine/rng';
import type { Simulation } from '../../engine/simulation';
import type { Timer } from '../../engine/timers';
import { LIMITS } from '../../engine/limits';
import type { Link } from '../../engine/link';
import { CONFIRM_ARRIVES, ConfirmTracker, type ConfirmArrival, type ConfirmTimers } from './confirms';

const TICK = 1;
const REPUBLISH = 2;
/** The next publication is due; a nacked publish goes out again; a confirm arrives (confirms.ts). */
type ProducerTimers = ConfirmTimers & { [TICK]: undefined; [REPUBLISH]: Republish };
/** A nacked publish to send again, keeping its place in the confirm window until then. */
interface Republish {
  seq: number;
  link: Link;
  key: string | undefined;
}

/** Scenario fields of a producer: a service that publishes a workload. */
export const producerSchema = nodeSchema(
  'producer',
  {
    /** Mean messages per second. */
    ratePerSec: z.number().positive().max(LIMITS.ratePerSec).default(1),
    /** Poisson arrivals (exponential gaps), evenly spaced, or uniform gaps in [0, 2/rate]. */
    arrivals: z.enum(['poisson', 'constant', 'uniform']).default('poisson'),
    /** Gap between publications; overrides ratePerSec and arrivals. */
    interarrival: gapSchema.optional(),
    /** Publish `size` messages at each arrival instead of one: a burst. */
    burst: z.number().int().positive().max(LIMITS.burst).default(1),
    /** The business event or request name, e.g. "UserRegistered". */
    eventType: z.string().min(1).default('Event'),
    /** How many distinct keys ("<keyPrefix>-1" … "<keyPrefix>-n") messages carry, chosen uniformly; none by default. */
    keys: z.number().int().positive().max(LIMITS.count).optional(),
    /** Keys read "<keyPrefix>-<n>". */
    keyPrefix: z.string().min(1).default('key'),
    startMs: z.number().nonnegative().max(LIMITS.ms).default(0),
    stopMs: z.number().positive().max(LIMITS.ms).optional(),
    /** Stop after this many publications. */
    limit: z.number().int().positive().max(LIMITS.count).optional(),
    /**
     * RabbitMQ publisher confirms (`confirm.select`, RMQ/confirms); off by default, as in AMQP.
     * The broker acks each publish once every queue it was routed to accepted it (for a
     * persistent message in a durable queue, once it is on disk), acks an unroutable one at once,
     * and nacks one a full queue refuses (`reject-publish`): this producer then publishes it
     * again. `window`: unconfirmed publishes at most; when it is full the producer waits, and what
     * it would publish meanwhile waits with it. No protocol default exists; 100 is the batch
     * size of RabbitMQ's publisher-confirms tutorial (tutorial seven, "publishing in batches").
     * `republishAfterMs`: how long the application waits before publishing a nacked message
     * again (its own choice, no protocol default; 100 ms here). It keeps its window slot meanwhile.
     */
    confirms: z
      .object({
        window: z.number().int().positive().max(LIMITS.slots).default(100),
        republishAfterMs: z.number().nonnegative().max(LIMITS.ms).default(100),
      })
      .strict()
      .optional(),
  },
);

/** A producer's config as parsed from a scenario. */
export type ProducerConfig = z.infer<typeof producerSchema>;

/**
 * Publishes a workload to every node it links to. While offline it publishes nothing:
 * a producer that is down loses no messages, it just makes none.
 */
export class Producer extends SimNode<ProducerConfig> {
  published = 0;
  /** Confirm mode: the channel's last sequence number, and the publishes not confirmed yet (by it). */
  private seq = 0;
  private readonly unconfirmed = new Map<number, { link: Link; key: string | undefined }>();
  /** Publications waiting for room in the confirm window. */
  private waiting = 0;
  private confirmed = 0;
  private nacked = 0;
  private republished = 0;
  private gap: Sampler;
  private readonly rng: Rng;

  constructor(sim: Simulation, config: ProducerConfig) {
    super(sim, config);
    this.rng = sim.rng(`node:${config.id}`);
    this.gap = this.makeGap();
  }

  private makeGap(): Sampler {
    const c = this.config;
    if (c.interarrival) return sampler(c.interarrival, this.rng);
    return arrivalGaps(c.ratePerSec, c.arrivals, this.rng);
  }

  override start(): void {
    this.sim.scheduler.schedule(this.config.startMs + this.gap(), this, TICK);
  }

  override handle(ev: Timer<ProducerTimers>): void {
    if (ev.type === CONFIRM_ARRIVES) {
      this.confirmArrived(ev.data);
      return;
    }
    if (ev.type === REPUBLISH) {
      const { seq, link, key } = ev.data;
      this.unconfirmed.delete(seq);
      this.republished++;
      this.publishConfirmed(link, key);
      return;
    }
    const c = this.config;
    if (c.stopMs !== undefined && this.sim.now >= c.stopMs) return;
    if (this.online) {
      for (let i = 0; i < c.burst; i++) {
        if (c.limit !== undefined && this.published + this.waiting >= c.limit) return;
        if (this.windowFull()) this.waiting++;
        else this.publishOne();
      }
    }
    this.sim.scheduler.schedule(this.gap(), this, TICK);
  }

  private publishOne(): void {
    const c = this.config;
    const key = c.keys ? this.keyName(this.rng.int(c.keys)) : undefined;
    for (const link of this.sim.outgoing(this.id)) {
      // Only a RabbitMQ broker confirms: other links publish as usual.
      if (c.confirms && (link.to.kind === 'queue' || link.to.kind === 'exchange')) this.publishConfirmed(link, key);
      // A Kafka producer client retries a lost or cut-off produce request within
      // delivery.timeout.ms (120 s, with idempotence: no duplicates, order kept; K:
      // ProducerConfig.java): its records cross as over a connection, late rather than lost,
      // and the topic fails one that arrives past the timeout (kafka/producer-client.ts).
      else this.sim.send(link, this.sim.publish(this, c.eventType, key), 'publish', link.to.kind === 'topic');
    }
    this.published++;
  }

  /** Whether the confirm window is full (never without confirms). */
  private windowFull(): boolean {
    const c = this.config.confirms;
    return c !== undefined && this.unconfirmed.size >= c.window;
  }

  /**
   * Publishes on a channel in confirm mode: the message carries its sequence number, and the
   * channel is a TCP connection, so the publish is late on a lossy or cut link, never lost (a
   * publisher that missed a confirm would publish again).
   */
  private publishConfirmed(link: Link, key: string | undefined): void {
    const seq = ++this.seq;
    this.unconfirmed.set(seq, { link, key });
    const msg = this.sim.publish(this, this.config.eventType, key, { confirm: new ConfirmTracker(this, seq) });
    this.sim.send(link, msg, 'publish', true);
  }

  /** A queue settled its copy of a publish; once every target has, the publish is acked or nacked. */
  private confirmArrived({ tracker, ok }: ConfirmArrival): void {
    if (!ok) tracker.nacked = true;
    if (--tracker.pending > 0) return;
    const entry = this.unconfirmed.get(tracker.seq);
    if (!entry) return;
    if (tracker.nacked) {
      // basic.nack: the broker refused responsibility for it; the publisher publishes it again
      // (RMQ/confirms) after a pause, keeping its place in the window until then.
      this.nacked++;
      const wait = this.config.confirms?.republishAfterMs ?? 0;
      this.sim.scheduler.schedule(wait, this, REPUBLISH, { seq: tracker.seq, ...entry });
      return;
    }
    this.unconfirmed.delete(tracker.seq);
    this.confirmed++;
    this.drainWaiting();
  }

  /** Publishes what waited for room in the window, while there is room (and confirms are still on). */
  private drainWaiting(): void {
    while (this.waiting > 0 && this.online && !this.windowFull()) {
      this.waiting--;
      this.publishOne();
    }
  }

  /** Key names built so far, by index: one string per key, not one per message (the first 4,096 keys). */
  private keyNames: string[] = [];

  private keyName(i: number): string {
    if (i >= 4096) return `${this.config.keyPrefix}-${i + 1}`;
    return (this.keyNames[i] ??= `${this.config.keyPrefix}-${i + 1}`);
  }

  /** "publish-one": one message now, whatever the schedule (the UI's "Publish one" button); with a full confirm window, as soon as there is room. Offline, it makes none. */
  override command(name: string): void {
    if (name !== 'publish-one' || !this.online) return;
    if (this.windowFull()) this.waiting++;
    else this.publishOne();
  }

  override configure(patch: Record<string, unknown>): void {
    super.configure(patch);
    this.keyNames = [];
    this.gap = this.makeGap();
    this.drainWaiting();
  }

  protected override onlineChanged(): void {
    if (this.online) this.drainWaiting();
  }

  override stats(): NodeStats {
    const base = { kind: this.kind, online: this.online, published: this.published };
    if (!this.config.confirms && this.seq === 0) return base;
    return {
      ...base, unconfirmed: this.unconfirmed.size, confirmed: this.confirmed, nacked: this.nacked,
      republished: this.republished, waitingForConfirms: this.waiting,
    };
  }
}
