import { formatClock, formatDuration } from '../i18n/format';
import type { T } from '../i18n/translate';
import type { Lang } from '../sim/engine/errors';
import type { Message } from '../sim/engine/message';
import type { Channel, SignalKind, TraceEvent } from '../sim/engine/trace';
import type { DictKey } from '../i18n/en';
import type { Landed } from '../store/slices/playbackSlice';
import { STYLE } from './flightStyles';

/** How a node id reads in sentences (its label in the current language). */
export type NameOf = (id: string) => string;

/**
 * One trace event in words, in the current language: "Email service finished UserRegistered #12
 * after 310 ms". Kinds of event this UI does not know yet are still named, by their type.
 */
export function describeEvent(ev: TraceEvent, t: T, lang: Lang, name: NameOf): string {
  switch (ev.type) {
    case 'message.published':
      return t('evPublished', { node: name(ev.node), msg: msgName(ev.msg) });
    case 'message.copied':
      return t('evCopied', { node: name(ev.node), msg: msgName(ev.msg) });
    case 'message.sent':
      return t('evSent', { msg: msgName(ev.msg), from: name(ev.from), to: name(ev.to), channel: t(CHANNEL_KEYS[ev.channel]) });
    case 'message.enqueued':
      return t('evEnqueued', { msg: msgName(ev.msg), node: name(ev.node), backlog: ev.backlog });
    case 'message.received':
      return t('evReceived', { node: name(ev.node), msg: msgName(ev.msg), from: name(ev.from) });
    case 'message.processing':
      return t('evProcessing', { node: name(ev.node), msg: msgName(ev.msg) });
    case 'message.processed':
      return t(ev.duplicate ? 'evProcessedDup' : 'evProcessed', {
        node: name(ev.node), msg: msgName(ev.msg), latency: formatDuration(ev.latencyMs, lang),
      });
    case 'message.requeued':
      return t('evRequeued', { node: name(ev.node), msg: msgName(ev.msg), reason: ev.reason });
    case 'message.dead_lettered':
      return t('evDeadLettered', { node: name(ev.node), msg: msgName(ev.msg), reason: ev.reason });
    case 'message.dropped':
      return t('evDropped', { node: name(ev.node), msg: msgName(ev.msg), reason: ev.reason });
    case 'signal.sent': {
      const base = { from: name(ev.from), to: name(ev.to), signal: t(SIGNAL_KEYS[ev.signal]) };
      if (ev.status !== undefined) return t('evSignalStatus', { ...base, status: ev.status === 0 ? t('noConnection') : ev.status });
      return ev.msgId !== undefined ? t('evSignalFor', { ...base, msg: `#${ev.msgId}` }) : t('evSignal', base);
    }
    case 'node.online':
      return t('evOnline', { node: name(ev.node) });
    case 'node.offline':
      return t('evOffline', { node: name(ev.node) });
    case 'node.configured':
      return t('evConfigured', { node: name(ev.node), patch: JSON.stringify(ev.patch) });
    default: {
      const other = ev as { type: string; node?: string };
      return t('evOther', { type: other.type, node: other.node ? name(other.node) : '' });
    }
  }
}

/** A step's events (and the control traffic that landed) as sentences, the first prefixed with the time. */
export function describeStep(events: readonly TraceEvent[], landed: readonly Landed[], at: number, t: T, lang: Lang, name: NameOf): string[] {
  const sentences = [
    ...events.map((ev) => describeEvent(ev, t, lang, name)),
    ...landed.map((l) => t('evLanded', { what: t(LANDED_KEYS[l.style] ?? 'landed_other'), from: name(l.from), to: name(l.to) })),
  ];
  if (sentences.length === 0) return [t('nothingHappened', { time: formatClock(at) })];
  return sentences.map((what, i) => (i === 0 ? t('evAt', { time: formatClock(at), what }) : what));
}

const LANDED_KEYS: Partial<Record<number, DictKey>> = {
  [STYLE.response]: 'signal_response', [STYLE.ack]: 'signal_ack', [STYLE.nack]: 'signal_nack', [STYLE.failed]: 'landed_failed',
};

// Typed as complete records: a channel or signal added to the engine is a type error here until named.
const CHANNEL_KEYS: Record<Channel, DictKey> = {
  publish: 'channel_publish', delivery: 'channel_delivery', request: 'channel_request', webhook: 'channel_webhook',
  retry: 'channel_retry', 'dead-letter': 'channel_dead-letter', forward: 'channel_forward',
};
const SIGNAL_KEYS: Record<SignalKind, DictKey> = {
  ack: 'signal_ack', nack: 'signal_nack', response: 'signal_response', register: 'signal_register',
  unregister: 'signal_unregister', commit: 'signal_commit', poll: 'signal_poll',
};

function msgName(msg: Message): string {
  return `${msg.type} #${msg.id}`;
}
