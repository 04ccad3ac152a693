import { z } from 'zod';
import { arrivalGaps } from '../../engine/arrivals';
import { gapSchema, sampler, type Sampler } from '../../engine/distributions';
import { nodeSchema } from '../../engine/kind';
import { SimNode, type NodeStats } from '../../engine/node';
import type { Rng } from '../../engine/rng';
import type { Simulation } from '../../engine/simulation';
import { LIMITS } from '../../engine/limits';

const TICK = 1;

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

  override handle(type: number): void {
    if (type !== TICK) return;
    const c = this.config;
    if (c.stopMs !== undefined && this.sim.now >= c.stopMs) return;
    if (this.online) {
      for (let i = 0; i < c.burst; i++) {
        if (c.limit !== undefined && this.published >= c.limit) return;
        this.publishOne();
      }
    }
    this.sim.scheduler.schedule(this.gap(), this, TICK);
  }

  private publishOne(): void {
    const c = this.config;
    const key = c.keys ? this.keyName(this.rng.int(c.keys)) : undefined;
    for (const link of this.sim.outgoing(this.id)) {
      const msg = this.sim.publish(this, c.eventType, key);
      this.sim.send(link, msg, 'publish');
    }
    this.published++;
  }

  /** Key names built so far, by index: one string per key, not one per message (the first 4,096 keys). */
  private keyNames: string[] = [];

  private keyName(i: number): string {
    if (i >= 4096) return `${this.config.keyPrefix}-${i + 1}`;
    return (this.keyNames[i] ??= `${this.config.keyPrefix}-${i + 1}`);
  }

  /** "publish-one": one message now, whatever the schedule (the UI's "Publish one" button). Offline, it makes none. */
  override command(name: string): void {
    if (name === 'publish-one' && this.online) this.publishOne();
  }

  override configure(patch: Record<string, unknown>): void {
    super.configure(patch);
    this.keyNames = [];
    this.gap = this.makeGap();
  }

  override stats(): NodeStats {
    return { kind: this.kind, online: this.online, published: this.published };
  }
}
