import { reportsBacklog } from './kind';
import type { Link } from './link';
import type { Message } from './message';
import type { EventTarget, ScheduledEvent } from './scheduler';
import type { Simulation } from './simulation';
import { LatencyHistogram, TimeWeighted, type LatencySummary } from './stats';
import type { Channel, SignalKind } from './trace';

/** A node's figures for the headless runner's JSON; models add fields of their own. */
export interface NodeStats {
  kind: string;
  online: boolean;
  backlog?: { now: number; max: number; timeAvg: number };
  processed?: number;
  latencyMs?: LatencySummary;
  [field: string]: unknown;
}

/** Base fields every node's config has, whatever its kind. */
export interface BaseNodeConfig {
  id: string;
  kind: string;
  label?: string | { en: string; es: string };
  online?: boolean;
  position?: { x: number; y: number };
}

/**
 * A node of the simulated system: a service, a broker, a webhook sender. Models extend it.
 * The simulation calls `receive` when a message arrives over a link, `onSignal` when control
 * traffic (an ack, an HTTP response) arrives, and `handle` for the node's own timers.
 *
 * Links with zero latency deliver synchronously, so `receive` and `onSignal` may be called
 * while the node is inside one of its own methods: guard loops that dispatch.
 */
export abstract class SimNode<C extends BaseNodeConfig = BaseNodeConfig> implements EventTarget {
  readonly id: string;
  readonly kind: string;
  /** Its position in the run's topology (0, 1, …), set when the run adds it: a number to key per-node state by on hot paths. */
  index = -1;
  online: boolean;
  /** Service time multiplier set by the "slow mode" action (1 = normal). */
  slowFactor = 1;
  /** Processing completions at this node, or of messages that passed through it. */
  processed = 0;
  /** Publication-to-end-of-processing latency of messages processed at or through this node. */
  readonly latency = new LatencyHistogram();
  /** Messages waiting here, over time (brokers and buffers update it). */
  readonly backlog = new TimeWeighted();
  /** The broker the last copy processed here came through (Simulation.finishProcessing): most often the next one's too. */
  lastVia: SimNode | undefined = undefined;

  constructor(
    readonly sim: Simulation,
    public config: C,
  ) {
    this.id = config.id;
    this.kind = config.kind;
    this.online = config.online ?? true;
  }

  /** Called once every node exists and links are known: schedule first timers here. */
  start(): void {}

  /** A scheduled timer of this node fired. */
  handle(_ev: ScheduledEvent): void {}

  /** A message arrived over a link from `from`. */
  receive(msg: Message, from: SimNode, _channel: Channel): void {
    // A copy its sender already gave up on (a proxy's timeout) is not dropped a second time.
    if (msg.state !== 'dropped') this.sim.drop(this, msg, `${this.kind} does not accept messages`);
    void from;
  }

  /** Control traffic arrived: an ack for `msg`, an HTTP response, a registration. */
  onSignal(_kind: SignalKind, _msg: Message | undefined, _from: SimNode, _data: SignalData | undefined): void {}

  /**
   * A consumer this node delivered `msg` to went away while holding it (offline, crash).
   * A broker requeues or drops it according to its ack mode. The default drops it.
   */
  onConsumerLost(msg: Message, consumer: SimNode): void {
    if (msg.state === 'dropped' || msg.state === 'done') return; // settled already (a proxy's timeout)
    this.sim.drop(this, msg, `consumer ${consumer.id} went offline holding it`);
  }

  /**
   * Whether this node is an HTTP server that answers each request itself (a service). Any
   * other node a REST call reaches (a queue, an exchange, a topic) accepts the message and
   * answers 202 at once, as an HTTP front of a broker does; the copy is then the broker's.
   */
  answersRequests(): boolean {
    return false;
  }

  /** Whether `consumer` should ack what this node delivers to it (false for auto-ack). */
  acksWanted(_consumer: SimNode): boolean {
    return true;
  }

  /** A model-specific command from a scenario action or the UI (reset offsets, register a webhook). */
  command(_name: string, _args: Record<string, unknown>): void {}

  /** A link to or from this node was partitioned or healed (`link.partitioned` is already set). */
  linkChanged(_link: Link): void {}

  /**
   * Whether control traffic from `from` (acks, nacks) travels on a connection (TCP) here: then a
   * partition delays it until it heals instead of losing it, and random loss only delays it.
   */
  reliableSignals(_from: SimNode): boolean {
    return false;
  }

  /** Times it went offline: a consumer that went offline and came back is a new process (it lost its in-memory state). */
  restarts = 0;

  /** A downstream node gained capacity or came online: try to dispatch again. */
  wake(): void {}

  /** The node went online or offline (the flag is already set). */
  protected onlineChanged(): void {}

  /** Sets online/offline. Callers go through `Simulation.act({ do: 'online' | 'offline' })`, which records and traces it. */
  applyOnline(on: boolean): void {
    if (this.online === on) return;
    this.online = on;
    if (!on) this.restarts++;
    this.onlineChanged();
  }

  /** Applies a settings change while running. The default merges it into the config (see mergePatch). */
  configure(patch: Record<string, unknown>): void {
    this.config = mergePatch(this.config, patch);
  }

  /** Messages waiting at this node right now. */
  backlogNow(): number {
    return this.backlog.now;
  }

  /** Records a new backlog value at the current time. */
  protected setBacklog(value: number): void {
    this.backlog.set(this.sim.now, value);
  }

  /** Figures for the runner and the inspector. Models extend it. */
  stats(): NodeStats {
    const s: NodeStats = { kind: this.kind, online: this.online };
    if (this.backlog.max > 0 || this.keepsBacklog()) s.backlog = this.backlog.summary(this.sim.now);
    s.processed = this.processed;
    if (this.latency.count > 0) s.latencyMs = this.latency.summary();
    return s;
  }

  /**
   * Whether this node reports its backlog even when empty: its kind's traits say so (a broker
   * that keeps one, `reportsBacklog` in kind.ts), declared in the kind's own folder.
   */
  protected keepsBacklog(): boolean {
    const kind = this.sim.catalog.kind(this.kind);
    return kind !== undefined && reportsBacklog(kind);
  }
}

/** Extra data a signal carries: an HTTP status, an offset, an endpoint registration. */
export interface SignalData {
  status?: number;
  ok?: boolean;
  [field: string]: unknown;
}

/**
 * A config with a settings patch applied: each key takes its new value, and a key set to null
 * is removed (an optional setting, such as a timeout, back to unset). Null, not undefined,
 * because a patch travels through JSON (share links, recorded actions), which drops undefined.
 */
export function mergePatch<C>(config: C, patch: Record<string, unknown>): C {
  const next = { ...config } as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next as C;
}
