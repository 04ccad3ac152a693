import type { TraceEvent } from '../sim/engine/trace';
import { channelStyle, signalStyle, STYLE } from './flightStyles';

/** How long (simulated ms) a message lost on the network stays marked where it was lost. */
export const LOST_MARK_MS = 400;

/**
 * Wall ms a hop takes on screen at least, however short it is in simulated time (a 0 ms
 * exchange → queue hop included), and so also how far the cards lag behind the engine: a
 * card shows what the engine knew this long ago, when the message that changed it has
 * arrived on screen. See docs/ARCHITECTURE.md, "Drawing messages".
 */
export const HOP_MS = 400;

/**
 * Everything travelling along a link right now, and what landed less than HOP_MS of wall
 * time ago (it is still arriving on screen): messages and signals, each with its route, its
 * departure and arrival in simulated time, the wall time the engine reached its arrival, its
 * look, the message it belongs to, and how many messages it stands for (at high rates hops
 * close in time on one route merge into one pulse). Stored in typed arrays of fixed capacity,
 * so a long run holds bounded memory and keeps no Message objects alive. A trace subscriber:
 * feed it with `sim.on(buffer.listener)`.
 */
export class FlightBuffer {
  count = 0;
  readonly t0: Float64Array;
  readonly t1: Float64Array;
  /** Wall ms at which the engine passed t1 (Infinity while still on the wire in simulated time). */
  readonly landWall: Float64Array;
  readonly route: Int32Array;
  readonly style: Uint8Array;
  /** 1 for a lost message: drawn still, at the middle of its link. */
  readonly still: Uint8Array;
  /** Messages this flight stands for (1, or more once merged into a pulse). */
  readonly n: Uint32Array;
  /** The root message id (the publication all copies share), -1 when unknown. */
  readonly root: Int32Array;
  /** Route index → [from, to]. */
  readonly routes: (readonly [string, string])[] = [];
  /** Flights refused because the buffer was full of live ones. */
  overflow = 0;
  /** Flights landing at or before this time are not kept (set while a seek re-runs the past). */
  ignoreBefore = -Infinity;
  /** Flights on one route and of one style, departing and landing within this many simulated ms, merge. */
  mergeWithinMs = 0;
  /** The root message being followed: its flights never merge with others. */
  followed = -1;
  /** Nodes (Kafka topics) where a consumer's ack is an offset commit: drawn as a commit, not an ack. */
  commitTargets: ReadonlySet<string> = new Set();
  /** Called with [from, to] whenever a flight of the followed message is added. */
  onFollowedHop: ((from: string, to: string) => void) | null = null;
  private readonly routeIndex = new Map<string, number>();
  private lastOnRoute: number[] = [];
  /** Copy id → root, for signals (acks, responses) that name only the copy. */
  private readonly rootOfCopy = new Map<number, number>();
  private instantSend: { id: number; root: number; from: string; to: string } | null = null;

  constructor(readonly capacity = 8192) {
    this.t0 = new Float64Array(capacity);
    this.t1 = new Float64Array(capacity);
    this.landWall = new Float64Array(capacity);
    this.route = new Int32Array(capacity);
    this.style = new Uint8Array(capacity);
    this.still = new Uint8Array(capacity);
    this.n = new Uint32Array(capacity);
    this.root = new Int32Array(capacity);
  }

  /** The trace subscriber. */
  readonly listener = (ev: TraceEvent): void => {
    // An arrival needs no drawing of its own: each flight already knows when it lands.
    if (ev.type === 'signal.arrived') return;
    // A lost message is traced as a send that arrives at once, followed straight away by its link.lost.
    const sent = this.instantSend;
    if (sent) {
      this.instantSend = null;
      if (ev.type === 'link.lost' && ev.what === 'message' && ev.msgId === sent.id) {
        this.add(ev.t, ev.t + LOST_MARK_MS, sent.from, sent.to, STYLE.failed, 1, sent.root);
        return;
      }
      // Not lost: a zero-latency hop (exchange → queue, topic → subscription), drawn like any other.
      this.add(this.lastInstantT, this.lastInstantT, sent.from, sent.to, this.lastInstantStyle, 0, sent.root);
    }
    if (ev.type === 'message.sent') {
      if (this.rootOfCopy.size > 100_000) this.rootOfCopy.clear();
      this.rootOfCopy.set(ev.msg.id, ev.msg.root);
      if (ev.arriveAt > ev.t) this.add(ev.t, ev.arriveAt, ev.from, ev.to, channelStyle(ev.channel), 0, ev.msg.root);
      else {
        this.instantSend = { id: ev.msg.id, root: ev.msg.root, from: ev.from, to: ev.to };
        this.lastInstantT = ev.t;
        this.lastInstantStyle = channelStyle(ev.channel);
      }
    } else if (ev.type === 'signal.sent') {
      // A lost signal is drawn failing along its link (signal.sent says ok: false); its link.lost adds nothing to draw.
      const root = ev.msgId === undefined ? -1 : (this.rootOfCopy.get(ev.msgId) ?? -1);
      const style = ev.signal === 'ack' && this.commitTargets.has(ev.to) ? STYLE.commit : signalStyle(ev.signal, ev.ok);
      this.add(ev.t, Math.max(ev.t, ev.arriveAt), ev.from, ev.to, style, 0, root);
    }
  };
  private lastInstantT = 0;
  private lastInstantStyle = 0;

  /** Adds one flight (or merges it into a close one on the same route); prunes landed ones when full, and refuses it if still full. */
  add(t0: number, t1: number, from: string, to: string, style: number, still: 0 | 1, root = -1): void {
    if (t1 <= this.ignoreBefore) return;
    const route = this.routeOf(from, to);
    const followed = root !== -1 && root === this.followed;
    if (followed) this.onFollowedHop?.(from, to);
    const last = this.lastOnRoute[route] ?? -1;
    if (
      !followed && !still && last >= 0 && last < this.count && this.mergeWithinMs > 0 && this.style[last] === style && this.route[last] === route &&
      this.landWall[last] === Infinity && this.root[last] !== this.followed &&
      Math.abs(this.t0[last]! - t0) <= this.mergeWithinMs && Math.abs(this.t1[last]! - t1) <= this.mergeWithinMs
    ) {
      this.n[last]!++;
      return;
    }
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
    this.landWall[i] = Infinity;
    this.route[i] = route;
    this.style[i] = style;
    this.still[i] = still;
    this.n[i] = 1;
    this.root[i] = root;
    this.lastOnRoute[route] = i;
  }

  /** Flushes a zero-latency hop still waiting to know whether it was a loss (call after the engine ran). */
  flush(): void {
    const sent = this.instantSend;
    if (!sent) return;
    this.instantSend = null;
    this.add(this.lastInstantT, this.lastInstantT, sent.from, sent.to, this.lastInstantStyle, 0, sent.root);
  }

  /**
   * Once per frame, after the engine ran to `now` at wall time `wall`: notes the wall time at
   * which flights landed in simulated time, and forgets those that have also finished
   * arriving on screen (`hopMs` of wall time later).
   */
  settle(now: number, wall: number, hopMs: number): void {
    this.flush();
    let n = this.count;
    for (let i = 0; i < n; ) {
      if (this.landWall[i] === Infinity && this.t1[i]! <= now) this.landWall[i] = wall;
      if (this.landWall[i]! + hopMs <= wall) {
        n--;
        this.move(n, i);
      } else i++;
    }
    this.count = n;
    this.lastOnRoute.fill(-1);
  }

  /** Forgets flights that have landed by simulated time `now` (order is not kept). */
  prune(now: number): void {
    let n = this.count;
    for (let i = 0; i < n; ) {
      if (this.t1[i]! <= now) {
        n--;
        this.move(n, i);
      } else i++;
    }
    this.count = n;
    this.lastOnRoute.fill(-1);
  }

  private move(from: number, to: number): void {
    this.t0[to] = this.t0[from]!;
    this.t1[to] = this.t1[from]!;
    this.landWall[to] = this.landWall[from]!;
    this.route[to] = this.route[from]!;
    this.style[to] = this.style[from]!;
    this.still[to] = this.still[from]!;
    this.n[to] = this.n[from]!;
    this.root[to] = this.root[from]!;
  }

  /** Messages the flights stand for (merged pulses counted by their size). */
  messages(): number {
    let m = 0;
    for (let i = 0; i < this.count; i++) m += this.n[i]!;
    return m;
  }

  /** Forgets every flight (a new run). Routes are kept: they depend only on the scenario. */
  clear(): void {
    this.count = 0;
    this.overflow = 0;
    this.instantSend = null;
    this.rootOfCopy.clear();
    this.lastOnRoute.fill(-1);
  }

  private routeOf(from: string, to: string): number {
    const key = `${from}\u0000${to}`;
    let r = this.routeIndex.get(key);
    if (r === undefined) {
      r = this.routes.length;
      this.routes.push([from, to]);
      this.routeIndex.set(key, r);
      this.lastOnRoute.push(-1);
    }
    return r;
  }
}
