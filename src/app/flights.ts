import type { TraceEvent } from '../sim/engine/trace';
import { channelStyle, signalStyle, STYLE } from './flightStyles';

/** How long (simulated ms) a message lost on the network stays marked where it was lost. */
export const LOST_MARK_MS = 400;

/**
 * Everything travelling along a link right now: messages and signals, each with its route,
 * its departure and arrival in simulated time, and its look. Stored in typed arrays of fixed
 * capacity, so a long run holds bounded memory and keeps no Message objects alive. A trace
 * subscriber: feed it with `sim.on(buffer.listener)`.
 */
export class FlightBuffer {
  count = 0;
  readonly t0: Float64Array;
  readonly t1: Float64Array;
  readonly route: Int32Array;
  readonly style: Uint8Array;
  /** 1 for a lost message: drawn still, at the middle of its link. */
  readonly still: Uint8Array;
  /** Route index → [from, to]. */
  readonly routes: (readonly [string, string])[] = [];
  /** Flights refused because the buffer was full of live ones. */
  overflow = 0;
  /** Flights landing at or before this time are not kept (set while a seek re-runs the past). */
  ignoreBefore = -Infinity;
  private readonly routeIndex = new Map<string, number>();
  private instantSend: { id: number; from: string; to: string } | null = null;

  constructor(readonly capacity = 8192) {
    this.t0 = new Float64Array(capacity);
    this.t1 = new Float64Array(capacity);
    this.route = new Int32Array(capacity);
    this.style = new Uint8Array(capacity);
    this.still = new Uint8Array(capacity);
  }

  /** The trace subscriber. */
  readonly listener = (ev: TraceEvent): void => {
    // A lost message is traced as a send that arrives at once, followed straight away by its drop.
    const sent = this.instantSend;
    if (sent) {
      this.instantSend = null;
      if (ev.type === 'message.dropped' && ev.msg.id === sent.id) {
        this.add(ev.t, ev.t + LOST_MARK_MS, sent.from, sent.to, STYLE.failed, 1);
        return;
      }
    }
    if (ev.type === 'message.sent') {
      if (ev.arriveAt > ev.t) this.add(ev.t, ev.arriveAt, ev.from, ev.to, channelStyle(ev.channel), 0);
      else this.instantSend = { id: ev.msg.id, from: ev.from, to: ev.to };
    } else if (ev.type === 'signal.sent') {
      if (ev.arriveAt > ev.t) this.add(ev.t, ev.arriveAt, ev.from, ev.to, signalStyle(ev.signal, ev.ok), 0);
    }
  };

  /** Adds one flight; prunes landed ones when full, and refuses it if still full. */
  add(t0: number, t1: number, from: string, to: string, style: number, still: 0 | 1): void {
    if (t1 <= this.ignoreBefore) return;
    if (this.count === this.capacity) {
      this.prune(t0);
      if (this.count === this.capacity) {
        this.overflow++;
        return;
      }
    }
    const i = this.count++;
    this.t0[i] = t0;
    this.t1[i] = t1;
    this.route[i] = this.routeOf(from, to);
    this.style[i] = style;
    this.still[i] = still;
  }

  /** The flights that land exactly at `t` (not yet pruned), as [from, to, style]. */
  landingAt(t: number): [string, string, number][] {
    const out: [string, string, number][] = [];
    for (let i = 0; i < this.count; i++) {
      if (this.t1[i] === t && !this.still[i]) {
        const [from, to] = this.routes[this.route[i]!]!;
        out.push([from, to, this.style[i]!]);
      }
    }
    return out;
  }

  /** Forgets flights that have landed by `now` (order is not kept). */
  prune(now: number): void {
    let n = this.count;
    for (let i = 0; i < n; ) {
      if (this.t1[i]! <= now) {
        n--;
        this.t0[i] = this.t0[n]!;
        this.t1[i] = this.t1[n]!;
        this.route[i] = this.route[n]!;
        this.style[i] = this.style[n]!;
        this.still[i] = this.still[n]!;
      } else i++;
    }
    this.count = n;
  }

  /** Forgets every flight (a new run). Routes are kept: they depend only on the scenario. */
  clear(): void {
    this.count = 0;
    this.overflow = 0;
    this.instantSend = null;
  }

  private routeOf(from: string, to: string): number {
    const key = `${from}\u0000${to}`;
    let r = this.routeIndex.get(key);
    if (r === undefined) {
      r = this.routes.length;
      this.routes.push([from, to]);
      this.routeIndex.set(key, r);
    }
    return r;
  }
}
