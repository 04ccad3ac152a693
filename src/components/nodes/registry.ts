import type { NodeTypes } from '@xyflow/react';
import { GenericNode } from './GenericNode';
import { ProducerNode } from './ProducerNode';
import { QueueNode } from './QueueNode';
import { ServiceNode } from './ServiceNode';

/**
 * Node kind → card component: the one place a kind gets its own picture. Module scope, so
 * React Flow sees the same object every render. Kinds missing here draw as `generic`.
 */
export const nodeTypes = {
  producer: ProducerNode,
  queue: QueueNode,
  service: ServiceNode,
  generic: GenericNode,
} satisfies NodeTypes;

/** The React Flow node type that draws `kind`. */
export function nodeTypeFor(kind: string): keyof typeof nodeTypes {
  return kind in nodeTypes ? (kind as keyof typeof nodeTypes) : 'generic';
}
