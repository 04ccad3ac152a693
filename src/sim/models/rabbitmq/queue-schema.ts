import { z } from 'zod';
import { nodeSchema } from '../../engine/kind';
import { LIMITS } from '../../engine/limits';
import type { DeathReason } from './dead-letter';

/** Trace events of the RabbitMQ-style queue (they travel in `ExchangeTrace`). */
export type QueueTrace =
  | { type: 'queue.dead_lettered'; t: number; node: string; msgId: number; reason: DeathReason; exchange: string }
  | { type: 'queue.channel_closed'; t: number; node: string; consumer: string; requeued: number; reason?: 'heartbeat' | 'consumer_timeout' | 'restart' }
  | { type: 'queue.channel_state'; t: number; node: string; consumer: string; state: ChannelState };

/**
 * A consumer's AMQP channel (on its TCP connection): `open`; `blocked` while the network between
 * them is partitioned (TCP holds deliveries and acks, nothing is lost yet); `closed` once the
 * heartbeat timeout passes with no traffic (its unacked deliveries are requeued), until the
 * network heals and the client reconnects.
 */
export type ChannelState = 'open' | 'blocked' | 'closed';

/** Scenario fields of a queue: a RabbitMQ-style FIFO buffer between publishers and competing consumers. */
export const queueSchema = nodeSchema('queue', () => ({
  /**
   * Unacked deliveries each consumer may hold (`basic.qos`, per consumer). RabbitMQ's own default
   * is 0 (unlimited, RMQ/confirms); microsim defaults to 1, the most conservative value the docs
   * name, so a backlog stays visible in the queue rather than in the consumers' buffers.
   */
  prefetch: z.number().int().nonnegative().max(LIMITS.slots).default(1),
  /** Manual ack (the consumer acks after processing) or auto-ack (done once sent: RMQ/confirms). */
  ack: z.enum(['manual', 'auto']).default('manual'),
  /**
   * A durable queue survives a broker restart (RMQ/queues); a transient one is deleted on boot
   * with everything in it. microsim defaults to durable, the usual choice (the management UI's
   * default). Quorum queues are always durable.
   */
  durable: z.boolean().default(true),
  /**
   * The delivery mode publishers give this queue's messages: `persistent` (delivery_mode 2) is
   * written to disk and survives a restart in a durable queue; `transient` (delivery_mode 1, the
   * AMQP default when a publisher sets none) is discarded on recovery, even in a durable queue
   * (RMQ/queues, RMQ/publishers). Quorum queues keep every message.
   */
  deliveryMode: z.enum(['persistent', 'transient']).default('transient'),
  /**
   * When a publisher using confirms hears `basic.ack` for a persistent message in a durable (or
   * quorum) queue: once it is on disk. RabbitMQ's message store fsyncs "in batches after an
   * interval (a few hundred milliseconds)", so under load the ack "can reach a few hundred
   * milliseconds" (RMQ/confirms, "Ack Latency for Persistent Messages"). microsim takes 200 ms
   * batches: a message is confirmed at the end of the batch it joined. Transient messages, and
   * any in a transient queue, are confirmed as soon as the queue accepts them.
   */
  confirmBatchMs: z.number().nonnegative().max(LIMITS.ms).default(200),
  /** Classic or quorum. Quorum queues default to a delivery limit of 20 (RabbitMQ 4.0+) and cap prefetch at 2,000. */
  queueType: z.enum(['classic', 'quorum']).default('classic'),
  /**
   * What a consumer's nack means. Clients default to `requeue=true` (RMQ/confirms): back near the
   * head, marked redelivered. `dead-letter` is `requeue=false`: to the dead-letter exchange, or discarded.
   */
  onNack: z.enum(['requeue', 'dead-letter']).default('requeue'),
  /** `x-message-ttl` in ms; none by default. A message's own `meta.expirationMs` also applies; the lower wins (RMQ/ttl). */
  messageTtlMs: z.number().nonnegative().max(LIMITS.ms).optional(),
  /** `x-max-length`: ready messages at most; unlimited by default (RMQ/maxlength). */
  maxLength: z.number().int().nonnegative().max(LIMITS.count).optional(),
  /**
   * `x-overflow` when full: drop the oldest (RabbitMQ's default), refuse the newest, or refuse and
   * dead-letter the newest as `maxlen` (`reject-publish-dlx`, classic queues only; RMQ/maxlength).
   */
  overflow: z.enum(['drop-head', 'reject-publish', 'reject-publish-dlx']).default('drop-head'),
  /** `x-dead-letter-exchange`: the id of an exchange this queue links to; without it dead letters are discarded (RMQ/dlx). */
  deadLetterExchange: z.string().optional(),
  /** `x-dead-letter-routing-key`: replaces the message's routing key when dead-lettered; the original is kept otherwise. */
  deadLetterRoutingKey: z.string().optional(),
  /**
   * AMQP heartbeat timeout, in seconds: a consumer's connection that stays silent this long
   * (a partition) is declared dead, its channel closed and its unacked deliveries requeued,
   * marked redelivered. RabbitMQ's default is 60 s (RMQ/heartbeats); 0 disables heartbeats.
   * A shorter fault only delays deliveries and acks: TCP retransmits.
   */
  heartbeatSec: z.number().nonnegative().max(LIMITS.ms).default(60),
  /**
   * `consumer_timeout`, RabbitMQ's default 1800000 ms (30 min; RMQ/consumers): a delivery left
   * unacked longer closes its consumer's channel and requeues everything it held, redelivered;
   * the consumer opens a new channel and goes on (a slow consumer is not a dead one). Checked
   * once a minute. 0 disables it.
   */
  consumerTimeoutMs: z.number().nonnegative().max(LIMITS.ms).default(1_800_000),
  /** Unsuccessful deliveries allowed before a message is dead-lettered (`x-delivery-limit`); -1 = none. Quorum default 20. */
  deliveryLimit: z.number().int().min(-1).max(LIMITS.attempts).optional(),
  /**
   * A dead-letter queue: with no consumers linked, what arrives is parked (ledger state `dead`,
   * by reason) for someone to inspect. With consumers it is an ordinary queue.
   */
  deadLetterQueue: z.boolean().default(false),
}));

/** A queue's config as parsed from a scenario. */
export type QueueConfig = z.infer<typeof queueSchema>;
