import { sampler, type Sampler } from './distributions';
import type { Message } from './message';
import type { SimNode, SignalData } from './node';
import type { EventTarget } from './scheduler';
import type { Simulation } from './simulation';
import type { Channel, SignalKind } from './trace';
import type { LinkConfig } from './scenario';

const ARRIVE_MESSAGE = 1;
const ARRIVE_SIGNAL = 2;

interface MessageTransit {
  msg: Message;
  channel: Channel;
}

interface SignalTransit {
  kind: SignalKind;
  msg: Message | undefined;
  data: SignalData | undefined;
}

/**
 * A network path from one node to another. Each crossing draws a latency; a link can lose
 * messages with a probability, or be partitioned (everything sent is lost until it heals).
 * A request and its response each cross a link, so a round trip costs two crossings.
 * Signals travelling back (acks, responses) use the reverse link when there is one, else
 * this link's latency.
 */
export class Link implements EventTarget {
  partitioned: boolean;
  readonly loss: number;
  private readonly latency: Sampler | undefined;
  private readonly rngNext: () => number;

  constructor(
    readonly sim: Simulation,
    readonly from: SimNode,
    readonly to: SimNode,
    readonly config: LinkConfig,
  ) {
    const rng = sim.rng(`link:${from.id}->${to.id}`);
    this.latency = config.latency ? sampler(config.latency, rng) : undefined;
    this.loss = config.loss ?? 0;
    this.partitioned = config.partitioned ?? false;
    this.rngNext = () => rng.next();
  }

  /** Draws one crossing's latency in ms. */
  delay(): number {
    return this.latency ? this.latency() : 0;
  }

  /** Whether this crossing is lost (partition or random loss). */
  lost(): boolean {
    if (this.partitioned) return true;
    return this.loss > 0 && this.rngNext() < this.loss;
  }

  /** Carries a message to `to`, synchronously when the latency is zero. Returns the arrival time. */
  carry(msg: Message, channel: Channel, delay: number): void {
    if (delay === 0) this.to.receive(msg, this.from, channel);
    else this.sim.scheduler.schedule(delay, this, ARRIVE_MESSAGE, { msg, channel } satisfies MessageTransit);
  }

  /** Carries a signal from `to` back to `from` (or along the link, for forward signals). */
  carrySignal(target: SimNode, source: SimNode, kind: SignalKind, msg: Message | undefined, data: SignalData | undefined, delay: number): void {
    if (delay === 0) target.onSignal(kind, msg, source, data);
    else this.sim.scheduler.schedule(delay, this, ARRIVE_SIGNAL, { kind, msg, data, target, source });
  }

  /** Scheduled arrival. */
  handle(type: number, data: unknown): void {
    if (type === ARRIVE_MESSAGE) {
      const t = data as MessageTransit;
      this.to.receive(t.msg, this.from, t.channel);
    } else {
      const t = data as SignalTransit & { target: SimNode; source: SimNode };
      t.target.onSignal(t.kind, t.msg, t.source, t.data);
    }
  }
}
