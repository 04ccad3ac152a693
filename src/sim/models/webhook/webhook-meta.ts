import type { Message } from '../../engine/message';
import type { Body, Signature } from './webhook-signature';

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
