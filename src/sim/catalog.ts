import type { NodeKind } from './engine/kind';
import { exchangeKinds } from './models/rabbitmq/exchange';
import { kafkaKinds } from './models/kafka/kafka';
import { producerKind } from './models/core/producer';
import { pubsubKinds } from './models/pubsub/pubsub';
import { queueKind } from './models/rabbitmq/queue';
import { restKinds } from './models/http/rest';
import { serviceKind } from './models/core/service';
import { webhookKinds } from './models/webhook/webhook';

/** Every node kind a scenario may use. Each model contributes its own. */
export const NODE_KINDS: readonly NodeKind[] = [
  producerKind,
  serviceKind,
  queueKind,
  ...exchangeKinds,
  ...kafkaKinds,
  ...pubsubKinds,
  ...restKinds,
  ...webhookKinds,
];

const byKind = new Map(NODE_KINDS.map((k) => [k.kind, k]));

/** The kind definition for `kind`, or undefined. */
export function nodeKind(kind: string): NodeKind | undefined {
  return byKind.get(kind);
}
