import type { Message, MsgState } from './message';
import type { ExchangeTrace } from '../models/rabbitmq/exchange';
import type { KafkaTrace } from '../models/kafka/kafka';
import type { PubSubTrace } from '../models/pubsub/pubsub';
import type { RestTrace } from '../models/http/rest';
import type { WebhookTrace } from '../models/webhook/webhook';

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
  | { type: 'message.dead_lettered'; t: number; node: string; msg: Message; reason: string }
  | { type: 'message.dropped'; t: number; node: string; msg: Message; reason: string };

/** Trace events about the engine and nodes themselves. */
export type CoreTrace =
  | { type: 'signal.sent'; t: number; from: string; to: string; signal: SignalKind; arriveAt: number; msgId?: number; status?: number; ok?: boolean }
  | { type: 'node.online'; t: number; node: string }
  | { type: 'node.offline'; t: number; node: string }
  | { type: 'node.configured'; t: number; node: string; patch: Record<string, unknown> };

/**
 * The one typed union of everything observable in a run. The canvas, the metrics, the event
 * log and the tests are all subscribers to it; none reaches into model internals.
 */
export type TraceEvent = MessageTrace | CoreTrace | ExchangeTrace | KafkaTrace | PubSubTrace | RestTrace | WebhookTrace;

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
  'message.dead_lettered': 'dead',
  'message.dropped': 'dropped',
};

/** A subscriber to the trace. */
export type TraceListener = (ev: TraceEvent) => void;
