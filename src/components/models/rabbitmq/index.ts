import type { RabbitmqTrace } from '../../../sim/models/rabbitmq';
import { GenericIcon, QueueIcon } from '../../nodes/icons';
import { backlogChart, type FamilyUi } from '../kindUi';
import { phrasebook } from '../phraseStore';
import { ExchangeNode } from './ExchangeNode';
import { EXCHANGE_FIELDS, QUEUE_FIELDS } from './fields';
import type { PhraseKey } from './phrases';
import { QueueNode } from './QueueNode';

const say = phrasebook<PhraseKey>('rabbitmq');

/** RabbitMQ: queues and exchanges. */
export const rabbitmqUi: FamilyUi<RabbitmqTrace> = {
  family: 'rabbitmq',
  kinds: [
    {
      kind: 'queue', card: QueueNode, icon: QueueIcon, accent: 'broker',
      name: { en: 'queue', es: 'cola' }, fields: QUEUE_FIELDS, chart: backlogChart,
    },
    {
      kind: 'exchange', card: ExchangeNode, icon: GenericIcon, accent: 'broker',
      name: { en: 'exchange', es: 'exchange (intercambio)' }, fields: EXCHANGE_FIELDS,
    },
  ],
  traces: {
    'exchange.unroutable': {
      log: 'failure',
      say: (ev, n) =>
        ev.returnedTo
          ? say(n, 'returned', { node: n.name(ev.node), id: ev.msgId, key: ev.routingKey, publisher: n.name(ev.returnedTo) })
          : say(n, 'unroutable', { node: n.name(ev.node), id: ev.msgId, key: ev.routingKey }),
    },
    'queue.dead_lettered': {
      log: 'failure',
      say: (ev, n) => say(n, 'queueDead', { node: n.name(ev.node), id: ev.msgId, exchange: n.name(ev.exchange), reason: n.reason(ev.reason) }),
    },
    'queue.channel_closed': {
      log: 'system',
      say: (ev, n) => say(n, 'channelClosed', { node: n.name(ev.node), consumer: n.name(ev.consumer), requeued: ev.requeued }),
    },
    'queue.channel_state': {
      log: 'system',
      say: (ev, n) =>
        say(n, ev.state === 'open' ? 'channelOpen' : ev.state === 'blocked' ? 'channelBlocked' : 'channelDown', {
          node: n.name(ev.node), consumer: n.name(ev.consumer),
        }),
    },
  },
};
