import type { NodeKind } from '../kind';

/** Trace events of this model (filled in by the model's issue). */
export type ExchangeTrace = never;

/** Node kinds this model adds to scenarios. */
export const exchangeKinds: NodeKind[] = [];
