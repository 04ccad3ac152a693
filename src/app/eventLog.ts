import type { TraceEvent } from '../sim/engine/trace';
import { KIND_INDEX, LogClassifier, nodesOf, type LogKind, LOG_KINDS } from './logKinds';
import { RingBuffer } from './ringBuffer';

/** Entries the event log keeps by default: older ones are dropped (and the UI says so). */
export const LOG_CAPACITY = 5000;

/** One line of the log: the trace event and its kind. Described in words only when shown. */
export interface LogEntry {
  /** Position in the whole run (1 = the first event logged), dropped entries included. */
  readonly seq: number;
  readonly ev: TraceEvent;
  readonly kind: LogKind;
}

/** Which entries to show: one node (or all), and a set of kinds. */
export interface LogFilter {
  node: string | null;
  kinds: ReadonlySet<LogKind>;
}

/**
 * The trace of the current run, newest last, in a ring of bounded size. A trace subscriber
 * (`listener`) that does O(1) work per event; `version` changes on every entry, so a view
 * can poll it at its own pace instead of re-rendering per event.
 */
export class EventLog {
  private readonly ring: RingBuffer<LogEntry>;
  private readonly classifier = new LogClassifier();
  /** Bumped on every change: a view redraws when it differs from what it drew. */
  version = 0;

  constructor(capacity = LOG_CAPACITY) {
    this.ring = new RingBuffer(capacity);
  }

  /** The most entries kept. */
  get capacity(): number {
    return this.ring.capacity;
  }

  /** Entries held now. */
  get length(): number {
    return this.ring.length;
  }

  /** Entries logged in this run and since dropped from the ring. */
  get dropped(): number {
    return this.ring.dropped;
  }

  /** Entries logged in this run, kept or dropped. */
  get total(): number {
    return this.ring.pushed;
  }

  /** The trace subscriber. */
  readonly listener = (ev: TraceEvent): void => {
    this.ring.push({ seq: this.ring.pushed + 1, ev, kind: this.classifier.kindOf(ev) });
    this.version++;
  };

  /** Empties the log (a new run starts). */
  reset(): void {
    this.ring.clear();
    this.classifier.reset();
    this.version++;
  }

  /** The entry at `i`, 0 being the oldest held. */
  get(i: number): LogEntry | undefined {
    return this.ring.get(i);
  }

  /** Indexes (into `get`) of the entries that pass `filter`, oldest first. */
  select(filter: LogFilter): number[] {
    const all = filter.node === null && filter.kinds.size === LOG_KINDS.length;
    const out: number[] = [];
    for (let i = 0; i < this.ring.length; i++) {
      if (all || passes(this.ring.get(i)!, filter)) out.push(i);
    }
    return out;
  }
}

function passes(entry: LogEntry, filter: LogFilter): boolean {
  if (!filter.kinds.has(entry.kind)) return false;
  return filter.node === null || nodesOf(entry.ev).includes(filter.node);
}

/** The kind's position in LOG_KINDS (for colours and ordering). */
export function kindIndex(kind: LogKind): number {
  return KIND_INDEX[kind];
}
