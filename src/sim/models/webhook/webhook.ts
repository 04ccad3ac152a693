import { defineKind, type NodeKind } from '../../engine/kind';
import type { Message } from '../../engine/message';
import type { Body, Signature } from './webhook-signature';
import { WebhookAttacker, attackerSchema } from './webhook-attacker';
import { WebhookReceiver, receiverSchema } from './webhook-receiver';
import { WebhookSender, senderSchema } from './webhook-sender';

/**
 * Webhooks (SEMANTICS §4): a receiver registers an endpoint URL with a sender for some event
 * types; the sender POSTs each matching event to it, signed, and retries failures on a
 * provider's schedule; the receiver verifies the signature and may deduplicate on the
 * delivery id. Files: webhook-sender.ts, webhook-receiver.ts, webhook-attacker.ts,
 * webhook-schedule.ts (retry presets), webhook-signature.ts (HMAC headers).
 */

/**
 * What a webhook request carries besides its body's event: the signature headers and the
 * attempt. Lives in `msg.meta` of each delivery copy.
 */
export type WebhookMeta = {
  /** `svix-id`: `msg_<root>`, the same on every retry and for every endpoint (the dedup key). */
  deliveryId: string;
  /** 1 on the first attempt. */
  attempt: number;
  /** `svix-timestamp`: unix seconds when this attempt was signed (see SIM_EPOCH_SEC). */
  timestamp: number;
  /** `svix-signature` or `Stripe-Signature`, depending on the sender's scheme (`String(sig)` reads it). */
  signature: Signature | string;
  /** The raw JSON body that was signed (`String(body)` reads it). */
  body: Body;
  /** The receiver this copy is for. */
  endpoint: string;
  /** Set by the receiver once it has answered this attempt, so the sender knows the copy is free. */
  answered: boolean;
};

/** The webhook fields of a delivery copy, or undefined if it carries none. */
export function webhookMeta(msg: Message): WebhookMeta | undefined {
  return msg.meta as WebhookMeta | undefined;
}

/** Trace events of the webhook model. `node` is the sender, except for `webhook.rejected`. */
export type WebhookTrace =
  | { type: 'webhook.registered'; t: number; node: string; endpoint: string; url: string; events: readonly string[] | null }
  | { type: 'webhook.unregistered'; t: number; node: string; endpoint: string; url: string }
  | { type: 'webhook.attempt'; t: number; node: string; endpoint: string; msg: Message; deliveryId: string; attempt: number }
  | {
      type: 'webhook.retry_scheduled'; t: number; node: string; endpoint: string; msg: Message; deliveryId: string;
      /** The attempt that will run at `at`. */
      attempt: number;
      at: number;
    }
  | {
      type: 'webhook.delivered'; t: number; node: string; endpoint: string; msg: Message; deliveryId: string; attempt: number;
      /** Time from the first attempt to this 2xx. */
      afterMs: number;
    }
  | {
      type: 'webhook.failed'; t: number; node: string; endpoint: string; msg: Message; deliveryId: string; attempt: number;
      /** HTTP status; 0 for a connection error; absent for a timeout. */
      status: number | undefined;
      reason: string;
    }
  | { type: 'webhook.endpoint_disabled'; t: number; node: string; endpoint: string; url: string; reason: string }
  | {
      type: 'webhook.rejected'; t: number; node: string; from: string; msg: Message; deliveryId: string | undefined;
      /** 401 for a bad signature, 400 for a stale or malformed request. */
      status: 400 | 401;
      reason: string;
    };

/** Node kinds this model adds to scenarios. */
export const webhookKinds: NodeKind[] = [
  defineKind(senderSchema, (sim, config) => new WebhookSender(sim, config)),
  defineKind(receiverSchema, (sim, config) => new WebhookReceiver(sim, config)),
  defineKind(attackerSchema, (sim, config) => new WebhookAttacker(sim, config)),
];
