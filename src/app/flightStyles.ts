import type { DictKey } from '../i18n/en';
import type { Channel, SignalKind } from '../sim/engine/trace';

/** How a moving message is drawn. */
export type Shape = 'circle' | 'square' | 'diamond' | 'triangle' | 'ring' | 'cross';

/** One look for things in flight: a shape, a fill, a size in flow pixels. */
export interface FlightStyle {
  shape: Shape;
  color: string;
  size: number;
  /** Legend entry; absent for looks the legend folds into another. */
  legend?: DictKey;
}

/** The looks, indexed by style id (the numbers the flight buffer stores). */
export const FLIGHT_STYLES: readonly FlightStyle[] = [
  { shape: 'circle', color: '#2563eb', size: 5.5, legend: 'legendEvent' }, // 0 event
  { shape: 'square', color: '#7c3aed', size: 5.5, legend: 'legendRequest' }, // 1 request
  { shape: 'diamond', color: '#0d9488', size: 6.5, legend: 'legendResponse' }, // 2 response
  { shape: 'triangle', color: '#ea580c', size: 7, legend: 'legendRetry' }, // 3 retry
  { shape: 'ring', color: '#16a34a', size: 4, legend: 'legendAck' }, // 4 ack
  { shape: 'ring', color: '#dc2626', size: 4 }, // 5 nack
  { shape: 'cross', color: '#dc2626', size: 6, legend: 'legendFailed' }, // 6 failed / lost
  { shape: 'circle', color: '#475569', size: 5 }, // 7 dead letter
  { shape: 'circle', color: '#94a3b8', size: 3 }, // 8 other control traffic
  { shape: 'square', color: '#b45309', size: 4, legend: 'legendCommit' }, // 9 Kafka offset commit (a record processed)
];

/** Style ids by meaning. */
export const STYLE = { event: 0, request: 1, response: 2, retry: 3, ack: 4, nack: 5, failed: 6, deadLetter: 7, control: 8, commit: 9 } as const;

// Complete records: a channel or signal added to the engine is a type error here until it has a look.
const CHANNEL_STYLE: Readonly<Record<Channel, number>> = {
  publish: STYLE.event, delivery: STYLE.event, forward: STYLE.event,
  request: STYLE.request, webhook: STYLE.request, retry: STYLE.retry, 'dead-letter': STYLE.deadLetter,
};
const SIGNAL_STYLE: Readonly<Record<SignalKind, number>> = {
  response: STYLE.response, ack: STYLE.ack, nack: STYLE.nack,
  register: STYLE.control, unregister: STYLE.control, commit: STYLE.control, poll: STYLE.control,
};

/** The style of a business message hop. */
export function channelStyle(channel: Channel): number {
  return CHANNEL_STYLE[channel];
}

/** The style of control traffic; a signal known to have failed is drawn as a failure. */
export function signalStyle(kind: SignalKind, ok: boolean | undefined): number {
  return ok === false ? STYLE.failed : SIGNAL_STYLE[kind];
}
