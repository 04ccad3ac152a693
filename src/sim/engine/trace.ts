import type { Message, MsgState } from './message';

/** What a message hop is, so the canvas can draw each differently. */
export type Channel = 'publish' | 'delivery' | 'request' | 'webhook' | 'retry' | 'dead-letter' | 'forward';

/** Control traffic that is not a business message: acks, HTTP responses, registrations, commits. */
export type SignalKind = 'ack' | 'nack' | 'response' | 'register' | 'unregister' | 'commit' | 'poll';

/** Trace events about message copies; each one leaves the copy in a known state (see STATE_AFTER). */
export type MessageTrace =
  | { type: 'message.published'; t: number; node: string; msg: Message }
  | { type: 'message.copied'; t: number; node: string; msg: Message; from: number; state: MsgState }
  | { type: 'message.sent'; t: number; from: string; to: string; msg: Message; channel: Channel; arriveAt: number }
  | { type: 'message.enqueued'; t: number; node: string; msg: Message; backlog: number }
  | { type: 'message.received'; t: number; node: string; msg: Message; from: string }
  | { type: 'message.processing'; t: number; node: string; msg: Message }
  | { type: 'message.processed'; t: number; node: string; msg: Message; latencyMs: number; duplicate: boolean }
  | { type: 'message.requeued'; t: number; node: string; msg: Message; reason: string }
  /** A copy already processed came back to its consumer and was answered without processing it again (a deduplicated retry): done again. */
  | { type: 'message.suppressed'; t: number; node: string; msg: Message; reason: string }
  | { type: 'message.dead_lettered'; t: number; node: string; msg: Message; reason: string }
  | { type: 'message.dropped'; t: number; node: string; msg: Message; reason: string };

/** Trace events about the engine and nodes themselves. */
export type CoreTrace =
  | { type: 'signal.sent'; t: number; from: string; to: string; signal: SignalKind; arriveAt: number; msgId?: number; status?: number; ok?: boolean }
  | { type: 'node.online'; t: number; node: string }
  | { type: 'node.offline'; t: number; node: string }
  | { type: 'node.configured'; t: number; node: string; patch: Record<string, unknown> }
  /** A signal reached `to` (it was sent at `sentAt`); a lost one has no arrival. */
  | { type: 'signal.arrived'; t: number; from: string; to: string; signal: SignalKind; sentAt: number; msgId?: number }
  /**
   * A crossing of the link `from` → `to` was lost: a message (then dropped at `from`) or a
   * signal. `partition` when the link was cut, `loss` for a random loss.
   */
  | { type: 'link.lost'; t: number; from: string; to: string; what: 'message' | 'signal'; cause: 'partition' | 'loss'; msgId?: number; signal?: SignalKind };

/** The trace events the engine itself emits, whatever the kinds. */
export type EngineTrace = MessageTrace | CoreTrace;

/**
 * The trace unions of the model families, filled in by src/sim/catalog.ts with module
 * augmentation (as tldraw's shape props map): the engine names no model, yet a model's
 * `sim.emit(...)` is checked against the full union. Empty here.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ModelTraces {}

/**
 * The one typed union of everything observable in a run. The canvas, the metrics, the event
 * log and the tests are all subscribers to it; none reaches into model internals.
 */
export type TraceEvent = EngineTrace | ModelTraces[keyof ModelTraces];

/** The `type` tag of any trace event. */
export type TraceType = TraceEvent['type'];

/** For each message trace event, the state the copy is in right after it. */
export const STATE_AFTER: Readonly<Record<MessageTrace['type'], MsgState | 'copy'>> = {
  'message.published': 'transit',
  'message.copied': 'copy',
  'message.sent': 'transit',
  'message.enqueued': 'buffered',
  'message.received': 'buffered',
  'message.processing': 'processing',
  'message.processed': 'done',
  'message.requeued': 'buffered',
  'message.suppressed': 'done',
  'message.dead_lettered': 'dead',
  'message.dropped': 'dropped',
};

const ENGINE_TYPES: Readonly<Record<EngineTrace['type'], true>> = {
  ...(Object.fromEntries(Object.keys(STATE_AFTER).map((t) => [t, true])) as Record<MessageTrace['type'], true>),
  'signal.sent': true,
  'signal.arrived': true,
  'link.lost': true,
  'node.online': true,
  'node.offline': true,
  'node.configured': true,
};

/** Every trace type the engine itself emits (message, signal, link and node events), for completeness checks. */
export const ENGINE_TRACE_TYPES = Object.keys(ENGINE_TYPES) as readonly EngineTrace['type'][];

/** A subscriber to the trace. */
export type TraceListener = (ev: TraceEvent) => void;
