import { logKindOf } from '../components/models/catalog';
import { LOG_KINDS, type CopyMemory, type LogKind } from '../components/models/kindUi';
import { Generations } from '../sim/engine/generations';
import type { TraceEvent } from '../sim/engine/trace';

export { LOG_KINDS, type LogKind };

/** Kinds as small numbers, for the log's typed array. */
export const KIND_INDEX: Readonly<Record<LogKind, number>> = {
  event: 0, request: 1, response: 2, ack: 3, retry: 4, failure: 5, system: 6,
};

/**
 * Classifies trace events. Stateful in one way: a message's later steps (received,
 * processing, processed) have no channel of their own, so it remembers, for a bounded
 * number of recent copies, whether each last travelled as a request or as an event.
 */
export class LogClassifier implements CopyMemory {
  private readonly requestCopies: Generations<number, true>;

  /** `memory`: copies remembered at most (at least half of them, the newest, at any time). */
  constructor(memory = 4096) {
    this.requestCopies = new Generations(memory);
  }

  /** Forgets what it remembered (a new run). */
  reset(): void {
    this.requestCopies.clear();
  }

  /** The kind of `ev`, as its trace type's UI descriptor classifies it. */
  kindOf(ev: TraceEvent): LogKind {
    return logKindOf(ev, this);
  }

  /** Whether copy `id` last travelled as a request. */
  isRequest(id: number): boolean {
    return this.requestCopies.get(id) === true;
  }

  /** Remembers how copy `id` last travelled (bounded: the oldest copy is forgotten first). */
  remember(id: number, request: boolean): void {
    if (!request) {
      this.requestCopies.delete(id);
      return;
    }
    this.requestCopies.set(id, true);
  }
}

/** The node ids an event involves (where it happened, who sent, who received), for the node filter. */
export function nodesOf(ev: TraceEvent): string[] {
  const e = ev as { node?: string; from?: unknown; to?: unknown; endpoint?: unknown; dependency?: unknown; consumer?: unknown };
  const out: string[] = [];
  if (typeof e.node === 'string') out.push(e.node);
  for (const v of [e.from, e.to, e.endpoint, e.dependency, e.consumer]) if (typeof v === 'string') out.push(v);
  return out;
}

/** The message copy an event is about, when it names one: its id, and its root when known from the event. */
export function messageOf(ev: TraceEvent): { id: number; root: number | undefined } | undefined {
  const e = ev as { msg?: { id: number; root: number }; msgId?: unknown };
  if (e.msg && typeof e.msg === 'object') return { id: e.msg.id, root: e.msg.root };
  if (typeof e.msgId === 'number') return { id: e.msgId, root: undefined };
  return undefined;
}
