import type { Simulation } from '../sim/engine/simulation';
import { LatencyHistogram, round } from '../sim/engine/stats';
import type { TraceEvent } from '../sim/engine/trace';
import type { Column } from './generate';

/** How tightly a pattern ties the producer to its consumers. */
export interface Coupling {
  /** Services the producer must know by address. */
  addresses: number;
  /** Whether the producer needs its consumers up when it sends. */
  mustBeUp: boolean;
}

/** One column of the scoreboard, as of the simulated time it was read. */
export interface Figures {
  /** Events the producer published. */
  published: number;
  /** Deliveries owed: every publication to every consumer. */
  expected: number;
  /** Publications a consumer processed (counted once per consumer). */
  delivered: number;
  /** Of those, the ones processed later than the comparison's threshold after publication. */
  late: number;
  /** Copies gone for good: dropped or dead-lettered, never to reach their consumer. */
  lost: number;
  /**
   * Synchronous calls (REST) that ended in an error, or are still unanswered past the late
   * threshold (hung). Not lost: the caller knows, or is still waiting.
   */
  failedCalls: number;
  /** Processings beyond the first of the same publication by the same consumer. */
  duplicated: number;
  /** Messages waiting in brokers, lag or retry queues now, and the most at any sample. */
  backlogNow: number;
  backlogMax: number;
  /** End-to-end latency, publication to end of processing, ms; null before any delivery. */
  p50Ms: number | null;
  p99Ms: number | null;
  /** Time the producer spent holding calls open on its consumers (REST), ms. */
  blockedMs: number;
  /** Calls the producer's side had open or waiting for a slot now, and the most at any sample (REST). */
  waitingNow: number;
  waitingMax: number;
  /**
   * Time from the end of the outage until the column caught up: the backlog back at its level
   * before the outage and the downed consumer processing again. Null while not yet (or no outage).
   */
  recoveryMs: number | null;
  coupling: Coupling;
}

/** What the scoreboard needs to know about the comparison. */
export interface ScoreboardOptions {
  lateAfterMs: number;
  /** The outage, if any: the consumer and its window. */
  outage?: { node: string; fromMs: number; toMs: number };
}

// Drops that are not losses: a copy replaced by its own redelivery, or a duplicate the receiver
// recognised. A REST call's failure is not a loss either: the caller was told (a failed call).
const NOT_LOST = /superseded|duplicate/i;

const CALLER_KINDS = new Set(['rest-client', 'rest-service']);

/**
 * Reads one column's run as it happens: a trace subscriber for deliveries, losses and latency,
 * and `sample()` for the backlog, which the runner calls as simulated time advances. O(1) per
 * trace event apart from a set insert per delivery.
 */
export class Scoreboard {
  private published = 0;
  private delivered = 0;
  private late = 0;
  private lost = 0;
  private failedCalls = 0;
  private duplicated = 0;
  private blockedMs = 0;
  private hung = 0;
  /** The producer's calls still open: publication id → when the caller got it. */
  private readonly open = new Map<number, number>();
  private waitingNow = 0;
  private waitingMax = 0;
  private backlogNow = 0;
  private backlogMax = 0;
  private backlogBefore = 0;
  private recoveredAt: number | null = null;
  private processedSinceOutage = false;
  private readonly seen = new Set<string>();
  private readonly latency = new LatencyHistogram();
  private readonly consumers: ReadonlySet<string>;
  private readonly brokers: readonly string[];
  /** Nodes that make synchronous calls: their drops are failed calls, not losses. */
  private readonly callers: ReadonlySet<string>;
  /** The callers the producer hands its work to: their failed calls and open calls are the producer's. */
  private readonly edge: readonly string[];
  private detach: () => void = () => undefined;

  constructor(
    private readonly sim: Simulation,
    private readonly column: Column,
    private readonly options: ScoreboardOptions,
  ) {
    this.consumers = new Set(column.consumers);
    // Whatever stands between producer and consumers holds the backlog: queues, topics, lag,
    // retries, a caller's line of waiting calls.
    this.brokers = column.scenario.nodes.filter((n) => n.id !== column.producer && !this.consumers.has(n.id)).map((n) => n.id);
    this.callers = new Set(column.scenario.nodes.filter((n) => CALLER_KINDS.has(n.kind)).map((n) => n.id));
    this.edge = column.scenario.links.filter((l) => l.from === column.producer && this.callers.has(l.to)).map((l) => l.to);
    this.detach = sim.on(this.listener);
  }

  /** Stops listening (the column's run is replaced). */
  dispose(): void {
    this.detach();
  }

  private readonly listener = (ev: TraceEvent): void => {
    switch (ev.type) {
      case 'message.published':
        if (ev.node === this.column.producer) this.published++;
        break;
      case 'message.processed': {
        if (!this.consumers.has(ev.node)) break;
        const key = this.column.everyConsumer ? `${ev.msg.root}\u0000${ev.node}` : String(ev.msg.root);
        if (this.seen.has(key)) {
          this.duplicated++;
          break;
        }
        this.seen.add(key);
        this.delivered++;
        const ms = ev.t - ev.msg.publishedAt;
        this.latency.record(ms);
        if (ms > this.options.lateAfterMs) this.late++;
        if (this.options.outage && ev.node === this.options.outage.node && ev.t >= this.options.outage.toMs) this.processedSinceOutage = true;
        break;
      }
      case 'message.dropped':
      case 'message.dead_lettered':
        // In a chain of calls every drop ends some call in an error its caller sees: not a loss.
        if (NOT_LOST.test(ev.reason) || (ev.type === 'message.dropped' && this.edge.length > 0)) break;
        this.lost++;
        break;
      case 'message.received':
        if (this.edge.includes(ev.node)) this.open.set(ev.msg.root, ev.t);
        break;
      case 'http.call_ended':
        if (!this.edge.includes(ev.node)) break;
        this.open.delete(ev.msg.root);
        this.blockedMs += ev.latencyMs;
        if (!ev.ok) this.failedCalls++;
        break;
    }
  };

  /** Reads the backlog at the current simulated time; call it as the run advances. */
  sample(): void {
    let backlog = 0;
    for (const id of this.brokers) backlog += this.sim.node(id).backlogNow();
    this.backlogNow = backlog;
    if (backlog > this.backlogMax) this.backlogMax = backlog;
    let waiting = 0;
    for (const id of this.edge) {
      const s = this.sim.node(id).stats() as { inFlight?: number; waiting?: number };
      waiting += (s.inFlight ?? 0) + (s.waiting ?? 0);
    }
    this.waitingNow = waiting;
    if (waiting > this.waitingMax) this.waitingMax = waiting;
    if (this.open.size > 0) {
      const since = this.sim.now - this.options.lateAfterMs;
      let hung = 0;
      for (const t of this.open.values()) if (t < since) hung++;
      this.hung = hung;
    }
    const outage = this.options.outage;
    if (!outage) return;
    const now = this.sim.now;
    if (now < outage.fromMs) this.backlogBefore = Math.max(this.backlogBefore, backlog);
    else if (now >= outage.toMs && this.recoveredAt === null && this.processedSinceOutage && backlog <= this.backlogBefore) {
      this.recoveredAt = now;
    }
  }

  /** The figures now. */
  figures(): Figures {
    const [p50, p99] = this.latency.count > 0 ? this.latency.percentiles([50, 99]) : [null, null];
    const outage = this.options.outage;
    return {
      published: this.published,
      expected: this.column.everyConsumer ? this.published * this.consumers.size : this.published,
      delivered: this.delivered,
      late: this.late,
      lost: this.lost,
      failedCalls: this.failedCalls + this.hung,
      duplicated: this.duplicated,
      backlogNow: this.backlogNow,
      backlogMax: this.backlogMax,
      p50Ms: p50 == null ? null : round(p50, 1),
      p99Ms: p99 == null ? null : round(p99, 1),
      blockedMs: round(this.blockedMs, 1),
      waitingNow: this.waitingNow,
      waitingMax: this.waitingMax,
      recoveryMs: outage && this.recoveredAt !== null ? round(this.recoveredAt - outage.toMs, 1) : null,
      coupling: couplingOf(this.column),
    };
  }
}

/** Addresses the producer must know, and whether its consumers must be up when it sends. */
export function couplingOf(column: Column): Coupling {
  const n = column.everyConsumer ? column.consumers.length : 1;
  switch (column.scenario.pattern) {
    case 'rest':
      return { addresses: n, mustBeUp: true };
    case 'webhook':
      // The sender keeps a URL per consumer, but its retries wait for a consumer that is down.
      return { addresses: n, mustBeUp: false };
    default:
      // A broker in between: the producer knows only the broker, and nobody needs to be up but it.
      return { addresses: 1, mustBeUp: false };
  }
}
