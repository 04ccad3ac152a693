import type { NodeKind } from '../kind';

/** Trace events of this model (filled in by the model's issue). */
export type KafkaTrace = never;

/** Node kinds this model adds to scenarios. */
export const kafkaKinds: NodeKind[] = [];
