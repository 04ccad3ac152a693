import { z } from 'zod';
import { derivedNodeSchema, nodeSchema } from '../../engine/kind';
import { LIMITS } from '../../engine/limits';

/** Why a fire-and-forget subscription lost a message: nobody was listening when it came. */
export const SUBSCRIBER_OFFLINE = 'subscriber offline (fire-and-forget)';
/** Why a subscription lost its messages: it was deleted (unsubscribed) from its topic. */
export const SUBSCRIPTION_DELETED = 'subscription deleted';
/** Why a copy ended without being processed: its deadline had passed and another copy was already on its way. */
export const SUPERSEDED = 'past its ack deadline, already redelivered';

/**
 * The defaults that differ between the two durable systems a subscription can stand for.
 * Google Pub/Sub (GPS): ack deadline 10 s, a dead-letter policy of 5 attempts (with a
 * dead-letter topic), flow control per subscriber only. NATS JetStream (SEMANTICS §3; NATS,
 * nats-server consumer.go): `AckWait` 30 s (`JsAckWaitDefault`), `MaxDeliver` -1 (unlimited: 0
 * here), `MaxAckPending` 1000 across the consumer.
 */
export const PRESET_DEFAULTS = {
  google: { ackDeadlineMs: 10_000, maxDeliveryAttempts: 5, maxAckPending: undefined },
  jetstream: { ackDeadlineMs: 30_000, maxDeliveryAttempts: 0, maxAckPending: 1000 },
} as const;

/** Scenario fields of a subscription: one named interest in a topic, with its own copy of every message. */
const fields = nodeSchema('subscription', () => ({
  /**
   * Which system's defaults the fields below take when the scenario does not set them:
   * `google` (Google Pub/Sub, the default) or `jetstream` (a NATS JetStream consumer; see
   * PRESET_DEFAULTS). A value the scenario sets always wins over the preset's. With
   * `jetstream`, a message that reaches its delivery limit stays in the stream, not delivered
   * again (no dead-letter topic: NATS publishes an advisory). Fixed for the run.
   */
  preset: z.enum(['google', 'jetstream']).default('google'),
  /**
   * durable: Google Pub/Sub (or NATS JetStream): a backlog kept for absent subscribers, acks,
   * redelivery. fire-and-forget: Redis Pub/Sub, NATS core: at-most-once, no backlog, no acks.
   * Fixed for the run: a `configure` patch cannot change it.
   */
  mode: z.enum(['durable', 'fire-and-forget']).default('durable'),
  /**
   * Whether the subscription exists on its topic at t=0. The topic's "subscribe" and
   * "unsubscribe" commands create and delete it later; it gets only what is published after.
   */
  subscribed: z.boolean().default(true),
  /**
   * Google Pub/Sub default: ack deadline 10 s, range 10–600 s (GPS); JetStream's `AckWait` 30 s.
   * Unset, the preset's. Shorter values are allowed here for teaching. A change applies to later
   * deliveries; deadlines expire in delivery order.
   */
  ackDeadlineMs: z.number().positive().max(LIMITS.ms).optional(),
  /**
   * JetStream `BackOff`: the ack wait of the 1st, 2nd, … delivery, the last repeated; it
   * overrides `ackDeadlineMs` (NATS consumers.md). Unset by default: every delivery waits
   * `ackDeadlineMs`.
   */
  backoffMs: z.array(z.number().positive().max(LIMITS.ms)).min(1).max(100).optional(),
  /**
   * JetStream `MaxAckPending`: unacked messages at most across all the consumer's subscribers
   * (1000 in the jetstream preset); delivery pauses when it is reached. None for Google Pub/Sub.
   */
  maxAckPending: z.number().int().positive().max(LIMITS.slots).optional(),
  /**
   * Google Pub/Sub dead-letter policy default: 5 delivery attempts (range 5–100, GPS); an
   * attempt is the first delivery, a nack or a missed deadline. The policy exists only when the
   * subscription links to a dead-letter topic (SEMANTICS §8): without one, or with 0, it
   * redelivers until retention runs out. JetStream `MaxDeliver`: unlimited by default (0 here);
   * when set, a message past it stays in the stream, undelivered. Unset, the preset's.
   */
  maxDeliveryAttempts: z.number().int().nonnegative().max(100).optional(),
  /**
   * Google Pub/Sub retry policy. Unset (the default): a nacked or expired message is redelivered
   * "as soon as possible". Set: exponential backoff from `minimumBackoffMs` (default 10 s) to
   * `maximumBackoffMs` (default 600 s) (GPS; SEMANTICS §8 "Retry policy").
   */
  retryPolicy: z
    .object({
      minimumBackoffMs: z.number().nonnegative().max(600_000).default(10_000),
      maximumBackoffMs: z.number().nonnegative().max(600_000).default(600_000),
    })
    .strict()
    .optional(),
  /**
   * Lease management by the subscriber's client library: while a message is being processed it
   * extends the ack deadline (ModifyAckDeadline) for at most this long after delivery; Google's
   * client libraries do so by default for up to 60 min (`maxExtension`/`max_lease_duration`,
   * SEMANTICS §8 "Lease extension"). Absent: the subscriber never extends (a raw API client), so
   * slow work shows as deadline expiry and redelivery.
   */
  maxLeaseExtensionMs: z.number().positive().max(LIMITS.ms).optional(),
  /**
   * Google Pub/Sub `enable_message_ordering` (default false, GPS): messages with the same
   * ordering key (the producer's key) are delivered in publication order. Modelled as one
   * message per key outstanding at a time: the next waits until the previous is acked, and a
   * nack or an expired deadline redelivers it first, so the key's later messages stay behind it.
   */
  enableMessageOrdering: z.boolean().default(false),
  /** Google Pub/Sub default: unacked messages are kept 7 d (range 10 min–7 d, GPS). */
  retentionMs: z.number().positive().max(LIMITS.ms).default(604_800_000),
  /**
   * Unacked deliveries each subscriber may hold (flow control). Google's client libraries
   * default to 1,000 (cloud.google.com/pubsub/docs/flow-control); microsim defaults to 10 so
   * a backlog stays visible at the subscription rather than in the subscribers' inboxes.
   */
  maxOutstanding: z.number().int().positive().max(LIMITS.slots).default(10),
}));

/**
 * The subscription's schema: its fields, then the preset's defaults for what the scenario left
 * unset. They are applied after parsing (zod's own defaults cannot depend on another field), so
 * a value the user wrote is told apart from a default.
 */
export const subscriptionSchema = derivedNodeSchema(fields, () => fields.overwrite((c) => {
  const d = PRESET_DEFAULTS[c.preset];
  return {
    ...c,
    ackDeadlineMs: c.ackDeadlineMs ?? d.ackDeadlineMs,
    maxDeliveryAttempts: c.maxDeliveryAttempts ?? d.maxDeliveryAttempts,
    maxAckPending: c.maxAckPending ?? d.maxAckPending,
  };
}));

/** A subscription's config as parsed from a scenario: the preset's defaults filled in. */
export type SubscriptionConfig = z.infer<typeof subscriptionSchema> & { ackDeadlineMs: number; maxDeliveryAttempts: number };
