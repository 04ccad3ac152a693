import type { NodeKind } from '../kind';

/** Trace events of this model (filled in by the model's issue). */
export type WebhookTrace = never;

/** Node kinds this model adds to scenarios. */
export const webhookKinds: NodeKind[] = [];
