import type { Node } from '@xyflow/react';
import type { NodeConfig } from '../../sim/engine/scenario';

/** What a canvas node carries: its scenario config. Live figures come from the store, by id. */
export type SimNodeData = { config: NodeConfig };

/** A React Flow node of the simulated system. */
export type SimFlowNode = Node<SimNodeData>;

/** Kinds that are services (they get an online/offline switch); brokers and topics are not. */
export const SERVICE_KINDS: ReadonlySet<string> = new Set([
  'producer', 'service', 'rest-client', 'rest-service', 'webhook-sender', 'webhook-receiver',
]);

/** Kinds whose work has a service time, so slow mode means something. */
export const SLOWABLE_KINDS: ReadonlySet<string> = new Set(['service', 'rest-service', 'webhook-receiver']);
