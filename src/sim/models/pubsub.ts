import type { NodeKind } from '../kind';

/** Trace events of this model (filled in by the model's issue). */
export type PubSubTrace = never;

/** Node kinds this model adds to scenarios. */
export const pubsubKinds: NodeKind[] = [];
