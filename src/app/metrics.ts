import type { SimNode } from '../sim/engine/node';
import type { Simulation } from '../sim/engine/simulation';
import type { TraceEvent } from '../sim/engine/trace';
import { NumberRing } from './ringBuffer';

/** Simulated ms between samples by default: one a second, so throughput is a plain count per second. */
export const SAMPLE_EVERY_MS = 1000;
/** Samples kept by default: 40 minutes of simulated time at one a second. */
export const SAMPLE_CAPACITY = 2400;

/** What a backlog line measures: a broker's waiting messages, a Kafka group's lag, a webhook sender's pending retries. */
export type BacklogMeasure = 'backlog' | 'lag' | 'pending';

/** One line of the backlog chart. */
export interface BacklogSeries {
  node: string;
  /** The Kafka consumer group, for a lag line. */
  group?: string;
  measure: BacklogMeasure;
  values: NumberRing;
}

interface Source {
  /** The current value of each of this source's series, in order. */
  read: () => number[];
  series: BacklogSeries[];
}

/**
 * Samples a run's metrics every `intervalMs` of simulated time into rings of bounded size:
 * each broker's backlog (queue backlog, Kafka group lag, subscription backlog, webhook pending
 * retries), throughput (processed per second over the interval) and end-to-end latency p50
 * and p99 of the messages processed in the interval. No React, no wall clock.
 *
 * Sampling is driven by the trace alone: the sample at time b is taken when the first event at
 * or after b arrives (before it is counted), so the samples are a function of the event
 * sequence only, and a seek's deterministic re-run, however it is cut into frames, gives the
 * same history. (A backlog read then may include that one event's own effect.)
 */
export class MetricsSampler {
  readonly times: NumberRing;
  readonly throughput: NumberRing;
  readonly p50: NumberRing;
  readonly p99: NumberRing;
  backlog: BacklogSeries[] = [];
  /** Bumped on every sample and on attach: a view redraws when it differs from what it drew. */
  version = 0;
  private sources: Source[] = [];
  private nextAt: number;
  private processed = 0;
  private readonly latencies: number[] = [];

  constructor(
    readonly intervalMs = SAMPLE_EVERY_MS,
    readonly capacity = SAMPLE_CAPACITY,
  ) {
    this.times = new NumberRing(capacity);
    this.throughput = new NumberRing(capacity);
    this.p50 = new NumberRing(capacity);
    this.p99 = new NumberRing(capacity);
    this.nextAt = intervalMs;
  }

  /** Starts over on `sim` (freshly built, no event run yet): finds its brokers and clears every ring. */
  attach(sim: Simulation): void {
    this.sources = [];
    for (const node of sim.nodes.values()) {
      const source = sourceFor(node, this.capacity);
      if (source) this.sources.push(source);
    }
    this.backlog = this.sources.flatMap((s) => s.series);
    for (const ring of [this.times, this.throughput, this.p50, this.p99]) ring.clear();
    this.nextAt = sim.now + this.intervalMs;
    this.processed = 0;
    this.latencies.length = 0;
    this.version++;
  }

  /** The trace subscriber: closes every interval that ended before `ev`, then counts `ev`. */
  readonly listener = (ev: TraceEvent): void => {
    while (ev.t >= this.nextAt) this.sample(this.nextAt);
    if (ev.type === 'message.processed') {
      this.processed++;
      this.latencies.push(ev.latencyMs);
    }
  };

  /** Each backlog line's value right now (for the live end of the chart at the cursor). */
  current(): number[] {
    return this.sources.flatMap((s) => s.read());
  }

  private sample(at: number): void {
    this.times.push(at);
    for (const source of this.sources) {
      const values = source.read();
      source.series.forEach((s, i) => s.values.push(values[i] ?? NaN));
    }
    this.throughput.push((this.processed * 1000) / this.intervalMs);
    const lat = this.latencies.sort((a, b) => a - b);
    this.p50.push(percentile(lat, 0.5));
    this.p99.push(percentile(lat, 0.99));
    this.processed = 0;
    this.latencies.length = 0;
    this.nextAt = at + this.intervalMs;
    this.version++;
  }
}

/** Nearest-rank percentile of sorted values; NaN (a gap) when there are none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

/** Kinds whose backlog is the number of messages waiting in them. */
const BACKLOG_KINDS = new Set(['queue', 'subscription', 'rest-client']);

function sourceFor(node: SimNode, capacity: number): Source | undefined {
  const line = (measure: BacklogMeasure, group?: string): BacklogSeries => ({
    node: node.id, group, measure, values: new NumberRing(capacity),
  });
  if (node.kind === 'topic') {
    const groups = Object.keys((node.stats().groups as Record<string, unknown> | undefined) ?? {});
    if (groups.length === 0) return undefined;
    return {
      series: groups.map((g) => line('lag', g)),
      read: () => {
        const stats = node.stats().groups as Record<string, { totalLag?: { now: number } }>;
        return groups.map((g) => stats[g]?.totalLag?.now ?? NaN);
      },
    };
  }
  if (node.kind === 'webhook-sender') return { series: [line('pending')], read: () => [node.backlogNow()] };
  // Other brokers report a backlog from the start; services only once something waited in them.
  if (BACKLOG_KINDS.has(node.kind) || node.stats().backlog !== undefined) {
    return { series: [line('backlog')], read: () => [node.backlogNow()] };
  }
  return undefined;
}
