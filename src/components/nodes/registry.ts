import type { NodeTypes } from '@xyflow/react';
import { ExchangeNode, PubsubTopicNode, SubscriptionNode } from './BrokerNodes';
import { GenericNode } from './GenericNode';
import { KafkaTopicNode } from './KafkaTopicNode';
import { ProducerNode } from './ProducerNode';
import { QueueNode } from './QueueNode';
import { RestClientNode, RestServiceNode } from './RestNodes';
import { ServiceNode } from './ServiceNode';
import { WebhookAttackerNode, WebhookReceiverNode, WebhookSenderNode } from './WebhookNodes';

/**
 * Node kind → card component: the one place a kind gets its own picture. Module scope, so
 * React Flow sees the same object every render. Kinds missing here draw as `generic`, which
 * lists whatever `stats()` reports.
 */
export const nodeTypes = {
  producer: ProducerNode,
  queue: QueueNode,
  service: ServiceNode,
  exchange: ExchangeNode,
  topic: KafkaTopicNode,
  'pubsub-topic': PubsubTopicNode,
  subscription: SubscriptionNode,
  'rest-client': RestClientNode,
  'rest-service': RestServiceNode,
  'webhook-sender': WebhookSenderNode,
  'webhook-receiver': WebhookReceiverNode,
  'webhook-attacker': WebhookAttackerNode,
  generic: GenericNode,
} satisfies NodeTypes;

/** The React Flow node type that draws `kind`. */
export function nodeTypeFor(kind: string): keyof typeof nodeTypes {
  return kind in nodeTypes ? (kind as keyof typeof nodeTypes) : 'generic';
}
