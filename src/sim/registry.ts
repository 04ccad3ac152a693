import type { NodeKind } from './kind';
import { exchangeKinds } from './models/exchange';
import { kafkaKinds } from './models/kafka';
import { producerKind } from './models/producer';
import { pubsubKinds } from './models/pubsub';
import { queueKind } from './models/queue';
import { restKinds } from './models/rest';
import { serviceKind } from './models/service';
import { webhookKinds } from './models/webhook';

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
