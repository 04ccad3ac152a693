import type { DictKey } from '../../i18n/en';
import type { T } from '../../i18n/translate';

const KIND_KEYS: Readonly<Record<string, DictKey>> = {
  producer: 'kindProducer', service: 'kindService', queue: 'kindQueue', exchange: 'kindExchange', topic: 'kindTopic',
  'pubsub-topic': 'kindPubsubTopic', subscription: 'kindSubscription', 'rest-client': 'kindRestClient',
  'rest-service': 'kindRestService', 'webhook-sender': 'kindWebhookSender', 'webhook-receiver': 'kindWebhookReceiver',
  'webhook-attacker': 'kindWebhookAttacker',
};

/** A node kind's name in the current language (on its card and in the inspector); the kind id itself when it has none. */
export function kindName(kind: string, t: T): string {
  const key = KIND_KEYS[kind];
  return key ? t(key) : kind;
}
