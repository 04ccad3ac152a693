import type { PubSubTrace } from '../../../sim/models/pubsub';
import { GenericIcon, QueueIcon } from '../../nodes/icons';
import { backlogChart, type FamilyUi } from '../kindUi';
import { phrasebook } from '../phraseStore';
import { SUBSCRIPTION_FIELDS } from './fields';
import type { PhraseKey } from './phrases';
import { PubsubTopicNode, SubscriptionNode } from './PubsubNodes';

const say = phrasebook<PhraseKey>('pubsub');

/** Publish/subscribe: topics and their subscriptions. */
export const pubsubUi: FamilyUi<PubSubTrace> = {
  family: 'pubsub',
  kinds: [
    {
      kind: 'pubsub-topic', card: PubsubTopicNode, icon: GenericIcon, accent: 'broker',
      name: { en: 'pub/sub topic', es: 'tema pub/sub' }, fields: {},
    },
    {
      kind: 'subscription', card: SubscriptionNode, icon: QueueIcon, accent: 'broker',
      name: { en: 'subscription', es: 'suscripción' }, fields: SUBSCRIPTION_FIELDS, chart: backlogChart,
    },
  ],
  traces: {
    'pubsub.ack_deadline_expired': {
      log: 'retry',
      say: (ev, n) => say(n, 'deadline', { node: n.name(ev.node), consumer: n.name(ev.consumer), id: ev.msgId, attempts: ev.attempts }),
    },
    'pubsub.late_ack': {
      log: 'ack',
      say: (ev, n) => say(n, ev.duplicate ? 'lateAckDup' : 'lateAck', { node: n.name(ev.node), consumer: n.name(ev.consumer), id: ev.msgId }),
    },
    'pubsub.deadline_extended': {
      log: 'ack',
      say: (ev, n) => say(n, 'extended', { node: n.name(ev.node), consumer: n.name(ev.consumer), id: ev.msgId, until: n.clock(ev.untilT) }),
    },
    'pubsub.subscribed': { log: 'system', say: (ev, n) => say(n, 'subscribed', { node: n.name(ev.node) }) },
    'pubsub.unsubscribed': { log: 'system', say: (ev, n) => say(n, 'unsubscribed', { node: n.name(ev.node), discarded: ev.discarded }) },
  },
};
