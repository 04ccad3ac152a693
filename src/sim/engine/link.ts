import { sampler, type Sampler } from './distributions';
import type { Message } from './message';
import type { SimNode, SignalData } from './node';
import type { EventTarget, ScheduledEvent } from './scheduler';
import type { Simulation } from './simulation';
import type { Channel, SignalKind } from './trace';
import type { LinkConfig } from './scenario';

/**
 * A signal's arrival is scheduled with its kind and direction in the event's type
 * (ARRIVE_SIGNAL + 2 × the kind's index, + 1 when it travels back from `to` to `from`), so
 * its data holds only what varies: the message, the answer's data and when it was sent.
 */
const ARRIVE_SIGNAL = 1;
/** Every signal kind's index (a Record, so a new SignalKind does not compile until it has one). */
const SIGNAL_INDEX: Record<SignalKind, number> = { ack: 0, nack: 1, response: 2, register: 3, unregister: 4, commit: 5, poll: 6 };
const SIGNALS: readonly SignalKind[] = (Object.keys(SIGNAL_INDEX) as SignalKind[]).sort((a, b) => SIGNAL_INDEX[a] - SIGNAL_INDEX[b]);
/**
 * A message's arrival is scheduled with the message itself as the event's data and its channel
 * in the event's type (ARRIVE_MESSAGE + the channel's index): no wrapper object per hop.
 */
const ARRIVE_MESSAGE = 16;
/** Every channel's index (a Record, so a new Channel does not compile until it has one). */
const CHANNEL_INDEX: Record<Channel, number> = { publish: 0, delivery: 1, request: 2, webhook: 3, retry: 4, 'dead-letter': 5, forward: 6 };
const CHANNELS: readonly Channel[] = (Object.keys(CHANNEL_INDEX) as Channel[]).sort((a, b) => CHANNEL_INDEX[a] - CHANNEL_INDEX[b]);

/** CHANNEL_INDEX[channel] as a switch: a jump on interned strings, where the keyed lookup by a varying key was a megamorphic load. */
function channelIndex(channel: Channel): number {
  switch (channel) {
    case 'publish':
      return 0;
    case 'delivery':
      return 1;
    case 'request':
      return 2;
    case 'webhook':
      return 3;
    case 'retry':
      return 4;
    case 'dead-letter':
      return 5;
    case 'forward':
      return 6;
  }
}

if (ARRIVE_SIGNAL + 2 * SIGNALS.length > ARRIVE_MESSAGE) throw new Error('signal event types overlap message event types');

/** SIGNAL_INDEX[kind] as a switch (see channelIndex). */
function signalIndex(kind: SignalKind): number {
  switch (kind) {
    case 'ack':
      return 0;
    case 'nack':
      return 1;
    case 'response':
      return 2;
    case 'register':
      return 3;
    case 'unregister':
      return 4;
    case 'commit':
      return 5;
    case 'poll':
      return 6;
  }
}

// The switches encode, the tables decode (CHANNELS, SIGNALS): they must agree, or an arrival
// would be handed over on another channel. Checked once, when the module loads.
for (const c of CHANNELS) if (channelIndex(c) !== CHANNEL_INDEX[c]) throw new Error(`channelIndex disagrees with CHANNEL_INDEX on ${c}`);
for (const k of SIGNALS) if (signalIndex(k) !== SIGNAL_INDEX[k]) throw new Error(`signalIndex disagrees with SIGNAL_INDEX on ${k}`);

interface SignalTransit {
  msg: Message | undefined;
  data: SignalData | undefined;
  sentAt: number;
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
  /** Draws a latency; undefined for a fixed one (none, or a constant: `fixedDelay`), which draws nothing. */
  private readonly latency: Sampler | undefined;
  /** The latency when it is fixed, ms: no call through a sampler per crossing. */
  private readonly fixedDelay: number;
  private readonly rngNext: () => number;

  constructor(
    readonly sim: Simulation,
    readonly from: SimNode,
    readonly to: SimNode,
    readonly config: LinkConfig,
  ) {
    const rng = sim.rng(`link:${from.id}->${to.id}`);
    const latency = config.latency;
    this.fixedDelay = latency?.dist === 'constant' ? latency.ms : 0;
    this.latency = latency && latency.dist !== 'constant' ? sampler(latency, rng) : undefined;
    this.loss = config.loss ?? 0;
    this.partitioned = config.partitioned ?? false;
    this.rngNext = () => rng.next();
  }

  /** Draws one crossing's latency in ms. */
  delay(): number {
    const latency = this.latency;
    return latency === undefined ? this.fixedDelay : latency();
  }

  /** Whether this crossing is lost (partition or random loss). */
  lost(): boolean {
    if (this.partitioned) return true;
    return this.loss > 0 && this.rngNext() < this.loss;
  }

  /**
   * TCP's answer to random loss: a lost segment is sent again after the retransmission timeout
   * (Linux: 200 ms minimum, doubling up to 120 s, at most 15 retries: tcp_retries2). Returns the
   * extra delay this crossing takes; nothing is lost. Partitions are not loss: see `hold`.
   */
  retransmitDelay(): number {
    let extra = 0;
    let rto = 200;
    for (let i = 0; i < 15 && this.loss > 0 && this.rngNext() < this.loss; i++) {
      extra += rto;
      rto = Math.min(rto * 2, 120_000);
    }
    return extra;
  }

  /** Traffic of a connection (TCP) waiting for the partition to heal: it crosses then, unless the connection dies first. */
  private held: (() => void)[] = [];

  /** Holds a crossing until the partition heals (see `heal`). */
  hold(cross: () => void): void {
    this.held.push(cross);
  }

  /** The partition healed: held connection traffic crosses now, in order, each with its own latency. */
  heal(): void {
    const held = this.held;
    this.held = [];
    for (const cross of held) cross();
  }

  /** Carries a message to `to`: synchronously when the latency is zero, else after `delay` ms. */
  carry(msg: Message, channel: Channel, delay: number): void {
    if (delay === 0) {
      // Synchronous: a loop of zero-latency links would recurse until the stack overflows.
      const guard = this.sim.guard;
      guard.enter(this.sim.now);
      this.arrive(msg, channel);
      guard.leave();
    } else this.sim.scheduler.schedule(delay, this, ARRIVE_MESSAGE + channelIndex(channel), msg);
  }

  /** Carries a signal from `source` to `target` (back along this link, or forward), arriving after `delay` ms. */
  carrySignal(target: SimNode, source: SimNode, kind: SignalKind, msg: Message | undefined, data: SignalData | undefined, delay: number): void {
    if (delay === 0) this.sim.signalArrived(target, source, kind, msg, data, this.sim.now);
    else {
      // Either way along this link: forward (from → to) or back (to → from).
      const back = target === this.from;
      if (back ? source !== this.to : target !== this.to || source !== this.from) throw new Error(`a signal ${source.id} → ${target.id} cannot cross ${this.from.id} → ${this.to.id}`);
      this.sim.scheduler.schedule(delay, this, ARRIVE_SIGNAL + 2 * signalIndex(kind) + (back ? 1 : 0), { msg, data, sentAt: this.sim.now } satisfies SignalTransit);
    }
  }

  /**
   * A message reaches `to`. A REST request to a node that is not an HTTP server (a broker)
   * is accepted and answered at once: 202 Accepted if the broker kept it, 503 if it refused it.
   */
  private arrive(msg: Message, channel: Channel): void {
    const to = this.to;
    to.receive(msg, this.from, channel);
    if ((channel === 'request' || channel === 'retry') && !to.answersRequests()) {
      const kept = msg.state !== 'dropped';
      this.sim.signal(to, this.from, 'response', msg, kept ? { status: 202, ok: true } : { status: 503, ok: false, error: 'not accepted' });
    }
  }

  /** Scheduled arrival. */
  handle(ev: ScheduledEvent): void {
    const type = ev.type;
    if (type >= ARRIVE_MESSAGE) {
      this.arrive(ev.data as Message, CHANNELS[type - ARRIVE_MESSAGE]!);
    } else {
      const t = ev.data as SignalTransit;
      const signal = type - ARRIVE_SIGNAL;
      const back = (signal & 1) === 1;
      this.sim.signalArrived(back ? this.from : this.to, back ? this.to : this.from, SIGNALS[signal >> 1]!, t.msg, t.data, t.sentAt);
    }
  }
}
