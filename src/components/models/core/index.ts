import type { DictKey } from '../../../i18n/en';
import type { Channel, CoreTrace, MessageTrace, SignalKind } from '../../../sim/engine/trace';
import type { ConfirmTrace } from '../../../sim/models/core/confirms';
import { ProducerIcon, ServiceIcon } from '../../nodes/icons';
import type { CopyMemory, FamilyUi, LogKind } from '../kindUi';
import { phrasebook } from '../phraseStore';
import { PRODUCER_FIELDS, SERVICE_FIELDS } from './fields';
import type { PhraseKey } from './phrases';
import { ProducerNode } from './ProducerNode';
import { ServiceNode } from './ServiceNode';

const say = phrasebook<PhraseKey>('core');

// Complete records: a channel or signal added to the engine is a type error here until named.
const CHANNEL_KEYS: Record<Channel, DictKey> = {
  publish: 'channel_publish', delivery: 'channel_delivery', request: 'channel_request', webhook: 'channel_webhook',
  retry: 'channel_retry', 'dead-letter': 'channel_dead-letter', forward: 'channel_forward',
};
const SIGNAL_KEYS: Record<SignalKind, DictKey> = {
  ack: 'signal_ack', nack: 'signal_nack', response: 'signal_response', register: 'signal_register',
  unregister: 'signal_unregister', commit: 'signal_commit', poll: 'signal_poll',
};
/** How a hop on each channel is logged; requests and retries are remembered, so the copy's later steps log as requests. */
const CHANNEL_LOG: Record<Channel, { kind: LogKind; request?: boolean }> = {
  publish: { kind: 'event', request: false }, delivery: { kind: 'event', request: false }, forward: { kind: 'event', request: false },
  request: { kind: 'request', request: true }, webhook: { kind: 'request', request: true }, retry: { kind: 'retry', request: true },
  'dead-letter': { kind: 'failure' },
};

/** "an ack" → "An ack", to start a sentence. */
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A step of a copy's life: a request's steps log as requests, an event's as events. */
const copyStep = (ev: { msg: { id: number } }, memory: CopyMemory): LogKind => (memory.isRequest(ev.msg.id) ? 'request' : 'event');

/** Producers and services, and the events every model shares: message hops, signals, nodes going on and off. */
export const coreUi: FamilyUi<MessageTrace | CoreTrace | ConfirmTrace> = {
  family: 'core',
  kinds: [
    {
      kind: 'producer', card: ProducerNode, icon: ProducerIcon, accent: 'producer',
      name: { en: 'producer', es: 'productor' }, fields: PRODUCER_FIELDS,
    },
    {
      kind: 'service', card: ServiceNode, icon: ServiceIcon, accent: 'service',
      name: { en: 'service', es: 'servicio' }, fields: SERVICE_FIELDS,
    },
  ],
  traces: {
    'message.published': { log: copyStep, say: (ev, n) => say(n, 'published', { node: n.name(ev.node), msg: n.msg(ev.msg) }) },
    'message.copied': { log: copyStep, say: (ev, n) => say(n, 'copied', { node: n.name(ev.node), msg: n.msg(ev.msg) }) },
    'message.sent': {
      log: (ev, memory) => {
        const { kind, request } = CHANNEL_LOG[ev.channel];
        if (request !== undefined) memory.remember(ev.msg.id, request);
        return kind;
      },
      say: (ev, n) => say(n, 'sent', { msg: n.msg(ev.msg), from: n.name(ev.from), to: n.name(ev.to), channel: n.t(CHANNEL_KEYS[ev.channel]) }),
    },
    'message.enqueued': { log: copyStep, say: (ev, n) => say(n, 'enqueued', { msg: n.msg(ev.msg), node: n.name(ev.node), backlog: ev.backlog }) },
    'message.received': { log: copyStep, say: (ev, n) => say(n, 'received', { node: n.name(ev.node), msg: n.msg(ev.msg), from: n.name(ev.from) }) },
    'message.processing': { log: copyStep, say: (ev, n) => say(n, 'processing', { node: n.name(ev.node), msg: n.msg(ev.msg) }) },
    'message.processed': {
      log: copyStep,
      say: (ev, n) => say(n, ev.duplicate ? 'processedDup' : 'processed', { node: n.name(ev.node), msg: n.msg(ev.msg), latency: n.dur(ev.latencyMs) }),
    },
    'message.requeued': { log: 'retry', say: (ev, n) => say(n, 'requeued', { node: n.name(ev.node), msg: n.msg(ev.msg), reason: n.reason(ev.reason) }) },
    'message.suppressed': { log: copyStep, say: (ev, n) => say(n, 'suppressed', { node: n.name(ev.node), msg: n.msg(ev.msg), reason: n.reason(ev.reason) }) },
    'message.dead_lettered': { log: 'failure', say: (ev, n) => say(n, 'deadLettered', { node: n.name(ev.node), msg: n.msg(ev.msg), reason: n.reason(ev.reason) }) },
    'message.dropped': { log: 'failure', say: (ev, n) => say(n, 'dropped', { node: n.name(ev.node), msg: n.msg(ev.msg), reason: n.reason(ev.reason) }) },
    'signal.sent': {
      log: (ev) => (ev.ok === false ? 'failure' : ev.signal === 'response' ? 'response' : ev.signal === 'ack' || ev.signal === 'nack' ? 'ack' : 'system'),
      say: (ev, n) => {
        const base = { from: n.name(ev.from), to: n.name(ev.to), signal: n.t(SIGNAL_KEYS[ev.signal]) };
        if (ev.status !== undefined) return say(n, 'signalStatus', { ...base, status: n.status(ev.status) });
        return ev.msgId !== undefined ? say(n, 'signalFor', { ...base, msg: `#${ev.msgId}` }) : say(n, 'signal', base);
      },
    },
    'signal.arrived': {
      log: (ev) => (ev.signal === 'response' ? 'response' : ev.signal === 'ack' || ev.signal === 'nack' ? 'ack' : 'system'),
      say: (ev, n) => {
        const base = { from: n.name(ev.from), to: n.name(ev.to), signal: capitalize(n.t(SIGNAL_KEYS[ev.signal])) };
        return ev.msgId !== undefined ? say(n, 'arrivedFor', { ...base, msg: `#${ev.msgId}` }) : say(n, 'arrived', base);
      },
    },
    'link.lost': {
      log: 'failure',
      say: (ev, n) => {
        const base = { from: n.name(ev.from), to: n.name(ev.to), cause: say(n, `cause_${ev.cause}`) };
        if (ev.what === 'signal' && ev.signal) return say(n, 'lostSignal', { ...base, signal: capitalize(n.t(SIGNAL_KEYS[ev.signal])) });
        return say(n, 'lostMessage', { ...base, msg: ev.msgId !== undefined ? `#${ev.msgId}` : '?' });
      },
    },
    'node.online': { log: 'system', say: (ev, n) => say(n, 'online', { node: n.name(ev.node) }) },
    'node.offline': { log: 'system', say: (ev, n) => say(n, 'offline', { node: n.name(ev.node) }) },
    'node.configured': { log: 'system', say: (ev, n) => say(n, 'configured', { node: n.name(ev.node), patch: JSON.stringify(ev.patch) }) },
    // Publisher confirms (RMQ/confirms): one row per frame the publisher hears.
    'confirm.acked': {
      log: 'ack',
      say: (ev, n) => {
        const base = { broker: n.name(ev.broker), node: n.name(ev.node), msg: `${ev.eventType} #${ev.msgId}`, seq: ev.seq };
        return ev.multiple ? say(n, 'confirmAckedMany', { ...base, count: ev.count }) : say(n, 'confirmAcked', base);
      },
    },
    'confirm.nacked': {
      log: 'failure',
      say: (ev, n) => say(n, 'confirmNacked', { by: n.name(ev.by), node: n.name(ev.node), msg: `${ev.eventType} #${ev.msgId}`, seq: ev.seq, reason: n.reason(ev.reason) }),
    },
    'confirm.republished': {
      log: 'retry',
      say: (ev, n) => say(n, 'confirmRepublished', { node: n.name(ev.node), msg: `${ev.eventType} #${ev.msgId}`, again: `#${ev.newMsgId}`, newSeq: ev.newSeq }),
    },
  },
};
