import type { Message } from '../../engine/message';

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
  | {
      /** The sender gave up on a delivery whose copy the receiver processed or still holds: failed here, not lost there. */
      type: 'webhook.gave_up'; t: number; node: string; endpoint: string; msg: Message; deliveryId: string; reason: string;
    }
  | { type: 'webhook.endpoint_disabled'; t: number; node: string; endpoint: string; url: string; reason: string }
  /** A person sent a dead-lettered delivery again, by hand (one attempt, the same delivery id). */
  | { type: 'webhook.redelivered'; t: number; node: string; endpoint: string; msg: Message; deliveryId: string }
  | {
      type: 'webhook.rejected'; t: number; node: string; from: string; msg: Message; deliveryId: string | undefined;
      /** 401 for a bad signature, 400 for a stale or malformed request. */
      status: 400 | 401;
      reason: string;
    };
