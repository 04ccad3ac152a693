import { formatClock, formatDuration } from '../i18n/format';
import type { T } from '../i18n/translate';
import type { Lang } from '../sim/engine/errors';
import type { Message } from '../sim/engine/message';
import type { TraceEvent } from '../sim/engine/trace';
import { describeEvent, type NameOf } from './describe';

/**
 * A trace event in words for the event log: the model events (HTTP calls, breakers, webhooks,
 * Kafka groups, pub/sub deadlines) get sentences of their own; everything else is said as
 * describeEvent says it.
 */
export function describeLogEvent(ev: TraceEvent, t: T, lang: Lang, name: NameOf): string {
  const msg = (m: Message) => `${m.type} #${m.id}`;
  const dur = (ms: number) => formatDuration(ms, lang);
  const list = (xs: readonly number[]) => (xs.length ? xs.join(', ') : t('lxNone'));
  switch (ev.type) {
    case 'http.request':
      return t('lxHttpRequest', { node: name(ev.node), to: name(ev.to), msg: msg(ev.msg), attempt: ev.attempt });
    case 'http.response':
      return ev.late
        ? t('lxHttpLate', { node: name(ev.node), from: name(ev.from), msg: msg(ev.msg), status: statusText(ev.status, t) })
        : t('lxHttpResponse', { node: name(ev.node), from: name(ev.from), msg: msg(ev.msg), status: statusText(ev.status, t), latency: dur(ev.latencyMs) });
    case 'http.timeout':
      return t('lxHttpTimeout', { node: name(ev.node), to: name(ev.to), msg: msg(ev.msg), after: dur(ev.afterMs), attempt: ev.attempt });
    case 'http.retry_scheduled':
      return t('lxHttpRetry', { node: name(ev.node), to: name(ev.to), msg: msg(ev.msg), delay: dur(ev.delayMs), attempt: ev.attempt });
    case 'http.call_ended': {
      const base = { node: name(ev.node), to: name(ev.to), msg: msg(ev.msg), attempts: ev.attempts };
      return ev.ok ? t('lxHttpOk', { ...base, latency: dur(ev.latencyMs) }) : t('lxHttpFailed', { ...base, reason: ev.reason ?? '?' });
    }
    case 'breaker.state_changed':
      return t('lxBreaker', { node: name(ev.node), dep: name(ev.dependency), from: ev.from, to: ev.to, rate: Math.round(ev.failureRate) });
    case 'bulkhead.rejected':
      return t('lxBulkhead', { node: name(ev.node), dep: name(ev.dependency), msg: msg(ev.msg), inUse: ev.inUse, limit: ev.limit });
    case 'webhook.attempt':
      return t('lxHookAttempt', { node: name(ev.node), endpoint: name(ev.endpoint), msg: msg(ev.msg), attempt: ev.attempt });
    case 'webhook.retry_scheduled':
      return t('lxHookRetry', { node: name(ev.node), endpoint: name(ev.endpoint), msg: msg(ev.msg), at: formatClock(ev.at), attempt: ev.attempt });
    case 'webhook.delivered':
      return t('lxHookDelivered', { node: name(ev.node), endpoint: name(ev.endpoint), msg: msg(ev.msg), attempt: ev.attempt });
    case 'webhook.failed':
      return t('lxHookFailed', { node: name(ev.node), endpoint: name(ev.endpoint), msg: msg(ev.msg), attempt: ev.attempt, reason: ev.reason });
    case 'webhook.rejected':
      return t('lxHookRejected', { node: name(ev.node), from: name(ev.from), msg: msg(ev.msg), status: ev.status, reason: ev.reason });
    case 'webhook.endpoint_disabled':
      return t('lxHookDisabled', { node: name(ev.node), endpoint: name(ev.endpoint), reason: ev.reason });
    case 'webhook.registered':
      return t('lxHookRegistered', { node: name(ev.node), endpoint: name(ev.endpoint) });
    case 'webhook.unregistered':
      return t('lxHookUnregistered', { node: name(ev.node), endpoint: name(ev.endpoint) });
    case 'kafka.rebalance_started':
      return t('lxRebalanceStarted', { node: name(ev.node), group: ev.group, reason: ev.reason });
    case 'kafka.rebalance_finished':
      return t('lxRebalanceFinished', { node: name(ev.node), group: ev.group, pause: dur(ev.pauseMs) });
    case 'kafka.partitions_assigned':
      return t('lxAssigned', { node: name(ev.node), group: ev.group, member: name(ev.member), partitions: list(ev.partitions) });
    case 'kafka.partitions_revoked':
      return t('lxRevoked', { node: name(ev.node), group: ev.group, member: name(ev.member), partitions: list(ev.partitions) });
    case 'kafka.member_joined':
      return t('lxJoined', { node: name(ev.node), group: ev.group, member: name(ev.member) });
    case 'kafka.member_removed':
      return t('lxRemoved', { node: name(ev.node), group: ev.group, member: name(ev.member), reason: ev.reason });
    case 'kafka.member_resumed':
      return t('lxResumed', { node: name(ev.node), group: ev.group, member: name(ev.member), partitions: list(ev.partitions) });
    case 'kafka.offsets_committed':
      return t('lxCommitted', { node: name(ev.node), group: ev.group, offsets: list(ev.offsets) });
    case 'kafka.offsets_reset':
      return t('lxOffsetsReset', { node: name(ev.node), group: ev.group, offsets: list(ev.offsets), reason: ev.reason });
    case 'kafka.retention_deleted':
      return t('lxRetention', { node: name(ev.node), count: ev.count, partition: ev.partition });
    case 'pubsub.ack_deadline_expired':
      return t('lxDeadline', { node: name(ev.node), consumer: name(ev.consumer), id: ev.msgId, attempts: ev.attempts });
    case 'pubsub.late_ack':
      return t(ev.duplicate ? 'lxLateAckDup' : 'lxLateAck', { node: name(ev.node), consumer: name(ev.consumer), id: ev.msgId });
    case 'pubsub.subscribed':
      return t('lxSubscribed', { node: name(ev.node) });
    case 'pubsub.unsubscribed':
      return t('lxUnsubscribed', { node: name(ev.node), discarded: ev.discarded });
    case 'exchange.unroutable':
      return t('lxUnroutable', { node: name(ev.node), id: ev.msgId, key: ev.routingKey });
    case 'queue.dead_lettered':
      return t('lxQueueDead', { node: name(ev.node), id: ev.msgId, exchange: name(ev.exchange), reason: ev.reason });
    case 'queue.channel_closed':
      return t('lxChannelClosed', { node: name(ev.node), consumer: name(ev.consumer), requeued: ev.requeued });
    default:
      return describeEvent(ev, t, lang, name);
  }
}

function statusText(status: number, t: T): string {
  return status === 0 ? t('noConnection') : String(status);
}
