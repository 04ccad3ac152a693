import { defineKind } from '../../engine/kind';
import { WebhookAttacker, attackerSchema } from './webhook-attacker';
import { WebhookReceiver, receiverSchema } from './webhook-receiver';
import { WebhookSender, senderSchema } from './webhook-sender';
import type { WebhookTrace } from './webhook-trace';

/**
 * Webhooks (SEMANTICS §4): a receiver registers an endpoint URL with a sender for some event
 * types; the sender POSTs each matching event to it, signed, and retries failures on a
 * provider's schedule; the receiver verifies the signature and may deduplicate on the
 * delivery id. Files: webhook-sender.ts (with webhook-delivery.ts and webhook-endpoints.ts),
 * webhook-receiver.ts, webhook-attacker.ts, webhook-schedule.ts (retry presets),
 * webhook-signature.ts (HMAC headers), webhook-meta.ts (what a delivery copy carries),
 * webhook-trace.ts.
 */

/** `webhook-sender`: POSTs each event to the endpoints registered for it, signed, with retries. */
export const webhookSenderKind = defineKind(senderSchema, (sim, config) => new WebhookSender(sim, config), {
  role: 'edge',
  backlog: 'retries',
  traceTypes: [
    'webhook.registered', 'webhook.unregistered', 'webhook.attempt', 'webhook.retry_scheduled', 'webhook.delivered',
    'webhook.failed', 'webhook.endpoint_disabled', 'webhook.redelivered',
  ],
});

/** `webhook-receiver`: verifies each request's signature, deduplicates, and processes it. */
export const webhookReceiverKind = defineKind(receiverSchema, (sim, config) => new WebhookReceiver(sim, config), {
  role: 'service',
  slowable: true,
  backlog: 'none',
  traceTypes: ['webhook.rejected'],
});

/** `webhook-attacker`: forges or replays requests to a receiver, to show what verification stops. */
export const webhookAttackerKind = defineKind(attackerSchema, (sim, config) => new WebhookAttacker(sim, config), {
  role: 'edge',
  onlineSwitch: false,
  backlog: 'none',
  traceTypes: [],
});

/** The webhook kinds. */
export const webhookKinds = [webhookSenderKind, webhookReceiverKind, webhookAttackerKind] as const;

export type { WebhookTrace };
