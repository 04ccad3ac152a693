import type { WebhookTrace } from '../../../sim/models/webhook';
import { GenericIcon, ServiceIcon } from '../../nodes/icons';
import type { FamilyUi } from '../kindUi';
import { phrasebook } from '../phraseStore';
import { ATTACKER_FIELDS, RECEIVER_FIELDS, SENDER_FIELDS } from './fields';
import type { PhraseKey } from './phrases';
import { WebhookAttackerNode, WebhookReceiverNode, WebhookSenderNode } from './WebhookNodes';

const say = phrasebook<PhraseKey>('webhook');

/** Webhooks: senders that POST signed events and retry, receivers that verify them, and attackers. */
export const webhookUi: FamilyUi<WebhookTrace> = {
  family: 'webhook',
  kinds: [
    {
      kind: 'webhook-sender', card: WebhookSenderNode, icon: GenericIcon, accent: 'service',
      name: { en: 'webhook sender', es: 'emisor de webhooks' }, fields: SENDER_FIELDS,
      chart: () => [{ measure: 'pending', read: (backlogNow) => backlogNow }],
    },
    {
      kind: 'webhook-receiver', card: WebhookReceiverNode, icon: ServiceIcon, accent: 'service',
      name: { en: 'webhook receiver', es: 'receptor de webhooks' }, fields: RECEIVER_FIELDS,
    },
    {
      kind: 'webhook-attacker', card: WebhookAttackerNode, icon: GenericIcon, accent: 'other',
      name: { en: 'attacker', es: 'atacante' }, fields: ATTACKER_FIELDS,
    },
  ],
  traces: {
    'webhook.attempt': {
      log: (ev) => (ev.attempt > 1 ? 'retry' : 'request'),
      say: (ev, n) => say(n, 'hookAttempt', { node: n.name(ev.node), endpoint: n.name(ev.endpoint), msg: n.msg(ev.msg), attempt: ev.attempt }),
    },
    'webhook.retry_scheduled': {
      log: 'retry',
      say: (ev, n) =>
        say(n, 'hookRetry', { node: n.name(ev.node), endpoint: n.name(ev.endpoint), msg: n.msg(ev.msg), at: n.clock(ev.at), attempt: ev.attempt }),
    },
    'webhook.delivered': {
      log: 'response',
      say: (ev, n) => say(n, 'hookDelivered', { node: n.name(ev.node), endpoint: n.name(ev.endpoint), msg: n.msg(ev.msg), attempt: ev.attempt }),
    },
    'webhook.failed': {
      log: 'failure',
      say: (ev, n) =>
        say(n, 'hookFailed', { node: n.name(ev.node), endpoint: n.name(ev.endpoint), msg: n.msg(ev.msg), attempt: ev.attempt, reason: n.reason(ev.reason) }),
    },
    'webhook.gave_up': {
      log: 'failure',
      say: (ev, n) => say(n, 'hookGaveUp', { node: n.name(ev.node), endpoint: n.name(ev.endpoint), msg: n.msg(ev.msg), reason: n.reason(ev.reason) }),
    },
    'webhook.rejected': {
      log: 'failure',
      say: (ev, n) =>
        say(n, 'hookRejected', { node: n.name(ev.node), from: n.name(ev.from), msg: n.msg(ev.msg), status: ev.status, reason: n.reason(ev.reason) }),
    },
    'webhook.endpoint_disabled': {
      log: 'failure',
      say: (ev, n) => say(n, 'hookDisabled', { node: n.name(ev.node), endpoint: n.name(ev.endpoint), reason: n.reason(ev.reason) }),
    },
    'webhook.redelivered': {
      log: 'retry',
      say: (ev, n) => say(n, 'hookRedelivered', { node: n.name(ev.node), endpoint: n.name(ev.endpoint), msg: n.msg(ev.msg), id: ev.deliveryId }),
    },
    'webhook.registered': { log: 'system', say: (ev, n) => say(n, 'hookRegistered', { node: n.name(ev.node), endpoint: n.name(ev.endpoint) }) },
    'webhook.unregistered': { log: 'system', say: (ev, n) => say(n, 'hookUnregistered', { node: n.name(ev.node), endpoint: n.name(ev.endpoint) }) },
  },
};
