import type { TraceEvent } from '../sim/engine/trace';

/** What a log entry is about, for the log's kind filter (the same families as the canvas legend). */
export const LOG_KINDS = ['event', 'request', 'response', 'ack', 'retry', 'failure', 'system'] as const;

/** One of LOG_KINDS. */
export type LogKind = (typeof LOG_KINDS)[number];

/** Kinds as small numbers, for the log's typed array. */
export const KIND_INDEX: Readonly<Record<LogKind, number>> = {
  event: 0, request: 1, response: 2, ack: 3, retry: 4, failure: 5, system: 6,
};

/**
 * Classifies trace events. Stateful in one way: a message's later steps (received,
 * processing, processed) have no channel of their own, so it remembers, for a bounded
 * number of recent copies, whether each last travelled as a request or as an event.
 */
export class LogClassifier {
  private readonly requestCopies = new Set<number>();

  constructor(private readonly memory = 4096) {}

  /** Forgets what it remembered (a new run). */
  reset(): void {
    this.requestCopies.clear();
  }

  /** The kind of `ev`. */
  kindOf(ev: TraceEvent): LogKind {
    switch (ev.type) {
      case 'message.sent':
        switch (ev.channel) {
          case 'request':
          case 'webhook':
            this.remember(ev.msg.id, true);
            return 'request';
          case 'retry':
            this.remember(ev.msg.id, true);
            return 'retry';
          case 'dead-letter':
            return 'failure';
          default:
            this.remember(ev.msg.id, false);
            return 'event';
        }
      case 'message.published':
      case 'message.copied':
      case 'message.enqueued':
      case 'message.received':
      case 'message.processing':
      case 'message.processed':
        return this.requestCopies.has(ev.msg.id) ? 'request' : 'event';
      case 'message.requeued':
        return 'retry';
      case 'message.dead_lettered':
      case 'message.dropped':
        return 'failure';
      case 'signal.sent':
        if (ev.ok === false) return 'failure';
        if (ev.signal === 'response') return 'response';
        if (ev.signal === 'ack' || ev.signal === 'nack') return 'ack';
        return 'system';
      case 'http.request':
      case 'webhook.attempt':
        return ev.attempt > 1 ? 'retry' : 'request';
      case 'http.response':
        return ev.status >= 200 && ev.status < 400 ? 'response' : 'failure';
      case 'http.retry_scheduled':
      case 'webhook.retry_scheduled':
      case 'pubsub.ack_deadline_expired':
        return 'retry';
      case 'http.call_ended':
        return ev.ok ? 'response' : 'failure';
      case 'webhook.delivered':
        return 'response';
      case 'pubsub.late_ack':
        return 'ack';
      case 'http.timeout':
      case 'bulkhead.rejected':
      case 'webhook.failed':
      case 'webhook.rejected':
      case 'webhook.endpoint_disabled':
      case 'exchange.unroutable':
      case 'queue.dead_lettered':
        return 'failure';
      default:
        return 'system';
    }
  }

  private remember(id: number, request: boolean): void {
    if (!request) {
      this.requestCopies.delete(id);
      return;
    }
    if (this.requestCopies.size >= this.memory) {
      // Sets iterate in insertion order: drop the oldest copy remembered.
      this.requestCopies.delete(this.requestCopies.values().next().value!);
    }
    this.requestCopies.add(id);
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
