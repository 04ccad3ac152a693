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
import { CONFIRM_ARRIVES, ConfirmReturn, ConfirmTracker, type ConfirmArrival, type ConfirmTimers } from './confirms';
import type { Message } from '../../engine/message';

const TICK = 1;
const REPUBLISH = 2;
const ACK_FRAME = 3;
/** The next publication is due; a nacked publish goes out again; the acks heard at one instant are read; a confirm arrives (confirms.ts). */
type ProducerTimers = ConfirmTimers & { [TICK]: undefined; [REPUBLISH]: Republish; [ACK_FRAME]: undefined };
/** A publish not confirmed yet: where it went, its key, its message; `nacked` once refused and waiting to go out again. */
interface Unconfirmed {
  link: Link;
  key: string | undefined;
  msgId: number;
  nacked: boolean;
}
/** A nacked publish to send again, keeping its place in the confirm window until then. */
interface Republish {
  seq: number;
}

/**
 * The producer client of a broker that keeps a producer's records while the link to it is cut,
 * each on its own delivery timer (a Kafka topic's `client`: kafka/producer-client.ts). Named by
 * shape, so this family does not import Kafka's.
 */
interface RecordKeeper {
  keepWhileCut(msg: Message, link: Link): void;
}

/** The record keeper of `link`'s broker, when the link is cut and its broker has one. */
function keeperOf(link: Link): RecordKeeper | undefined {
  if (!link.partitioned) return undefined;
  const client = (link.to as { client?: Partial<RecordKeeper> }).client;
  return typeof client?.keepWhileCut === 'function' ? (client as RecordKeeper) : undefined;
}

/** Scenario fields of a producer: a service that publishes a workload. */
export const producerSchema = nodeSchema(
  'producer',
  () => ({
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
  }),
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
  private readonly unconfirmed = new Map<number, Unconfirmed>();
  /** Sequence numbers acked at this instant, read as confirm frames at its end (ACK_FRAME). */
  private acks: number[] = [];
  /** Publications waiting for room in the confirm window. */
  private waiting = 0;
  /** Confirm mode: the way confirm frames come back, per link published on. */
  private readonly confirmReturns = new Map<Link, ConfirmReturn>();
  private confirmed = 0;
  private nacked = 0;
  private republished = 0;
  private gap: Sampler;
  private readonly rng: Rng;
  /** Its outgoing links, found on the first publication (the topology is fixed for the run). */
  private links: readonly Link[] | undefined;

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
    if (ev.type === ACK_FRAME) {
      this.readAcks();
      return;
    }
    if (ev.type === REPUBLISH) {
      this.republish(ev.data.seq);
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

  /** A nacked publish goes out again (apart from handle, which stays small enough to inline). */
  private republish(seq: number): void {
    const entry = this.unconfirmed.get(seq)!;
    this.unconfirmed.delete(seq);
    this.republished++;
    const msg = this.publishConfirmed(entry.link, entry.key);
    this.sim.emit({
      type: 'confirm.republished', t: this.sim.now, node: this.id, broker: entry.link.to.id,
      seq, msgId: entry.msgId, newSeq: this.seq, newMsgId: msg.id, eventType: this.config.eventType,
    });
  }

  private publishOne(): void {
    const c = this.config;
    const key = c.keys ? this.keyName(this.rng.int(c.keys)) : undefined;
    for (const link of (this.links ??= this.sim.outgoing(this.id))) {
      // Only a RabbitMQ broker confirms: other links publish as usual.
      if (c.confirms && (link.to.kind === 'queue' || link.to.kind === 'exchange')) this.publishConfirmed(link, key);
      // A Kafka producer client retries a lost or cut-off produce request within
      // delivery.timeout.ms (120 s, with idempotence: no duplicates, order kept; K:
      // ProducerConfig.java): its records cross as over a connection, late rather than lost,
      // and the topic fails one that arrives past the timeout (kafka/producer-client.ts).
      // While the link is cut, the client keeps them, and its own timer fails each one 120 s
      // after it was sent, not when the link heals (KIP-91).
      else {
        const msg = this.sim.publish(this, c.eventType, key);
        const client = keeperOf(link);
        if (client) client.keepWhileCut(msg, link);
        else this.sim.send(link, msg, 'publish', link.to.kind === 'topic');
      }
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
  private publishConfirmed(link: Link, key: string | undefined): Message {
    const seq = ++this.seq;
    const back = this.confirmReturns.get(link) ?? this.returnFor(link);
    const msg = this.sim.publish(this, this.config.eventType, key, { confirm: new ConfirmTracker(this, seq, back) });
    this.unconfirmed.set(seq, { link, key, msgId: msg.id, nacked: false });
    this.sim.send(link, msg, 'publish', true);
    return msg;
  }

  /** The way confirms come back over `link`: the broker's link back to this publisher, if there is one, else `link`. */
  private returnFor(link: Link): ConfirmReturn {
    const back = new ConfirmReturn(this.sim, this.sim.topology.signalLink(link.to, this) ?? link);
    this.confirmReturns.set(link, back);
    return back;
  }

  /** A queue settled its copy of a publish; once every target has, the publish is acked or nacked. */
  private confirmArrived({ tracker, ok, by, reason }: ConfirmArrival): void {
    if (!ok) {
      tracker.nacked = true;
      tracker.nackedBy ??= { by, reason: reason ?? 'nack' };
    }
    if (--tracker.pending > 0) return;
    const entry = this.unconfirmed.get(tracker.seq);
    if (!entry) return;
    if (tracker.nacked) {
      // basic.nack: the broker refused responsibility for it; the publisher publishes it again
      // (RMQ/confirms) after a pause, keeping its place in the window until then.
      this.nacked++;
      entry.nacked = true;
      const { by: refuser, reason: why } = tracker.nackedBy!;
      this.sim.emit({
        type: 'confirm.nacked', t: this.sim.now, node: this.id, broker: entry.link.to.id, by: refuser,
        seq: tracker.seq, msgId: entry.msgId, reason: why, eventType: this.config.eventType,
      });
      const wait = this.config.confirms?.republishAfterMs ?? 0;
      this.sim.scheduler.schedule(wait, this, REPUBLISH, { seq: tracker.seq });
      return;
    }
    // Acks heard at one instant (a fsync batch ending) are read together, once this instant's
    // other events have run: they make one frame when they cover the oldest outstanding publishes.
    if (this.acks.length === 0) this.sim.scheduler.schedule(0, this, ACK_FRAME);
    this.acks.push(tracker.seq);
  }

  /**
   * Reads the acks heard at this instant as the broker's frames (RMQ/confirms): `multiple=true`
   * up to the highest of those below every publish still outstanding (one frame), and one frame
   * each for the others. Then the window has room again.
   */
  private readAcks(): void {
    const seqs = this.acks.sort((a, b) => a - b);
    this.acks = [];
    const settled = seqs.map((seq) => ({ seq, entry: this.unconfirmed.get(seq)! }));
    for (const { seq } of settled) this.unconfirmed.delete(seq);
    this.confirmed += settled.length;
    // The oldest publish the broker has not answered (a nacked one waiting to go out again was answered).
    let oldest = Infinity;
    for (const [seq, e] of this.unconfirmed) {
      if (!e.nacked) {
        oldest = seq;
        break;
      }
    }
    let covered = 0;
    while (covered < settled.length && settled[covered]!.seq < oldest) covered++;
    if (covered > 0) this.ackFrame(settled.slice(0, covered));
    for (let i = covered; i < settled.length; i++) this.ackFrame([settled[i]!]);
    this.drainWaiting();
  }

  /** One `basic.ack` frame for `acked` (several: `multiple=true`, tagged with the highest). */
  private ackFrame(acked: { seq: number; entry: Unconfirmed }[]): void {
    const last = acked[acked.length - 1]!;
    this.sim.emit({
      type: 'confirm.acked', t: this.sim.now, node: this.id, broker: last.entry.link.to.id, seq: last.seq,
      multiple: acked.length > 1, count: acked.length, msgId: last.entry.msgId, msgIds: acked.map((a) => a.entry.msgId),
      eventType: this.config.eventType,
    });
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
