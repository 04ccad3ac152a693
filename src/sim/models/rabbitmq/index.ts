import { z } from 'zod';
import { defineKind } from '../../engine/kind';
import { Exchange, exchangeSchema, type ExchangeTrace } from './exchange';
import { Queue, queueSchema, type QueueTrace } from './queue';
import { lazySchema } from '../../engine/lazySchema';

/** `queue`: a RabbitMQ classic queue (also the plain work queue of the M/M/c scenarios). */
export const queueKind = defineKind(queueSchema, (sim, config) => new Queue(sim, config), {
  role: 'broker',
  backlog: 'queued',
  nodeRefs: ['deadLetterExchange'],
  traceTypes: ['queue.channel_closed', 'queue.dead_lettered'],
});

/** `exchange`: routes each message to the queues whose binding matches its key. */
export const exchangeKind = defineKind(exchangeSchema, (sim, config) => new Exchange(sim, config), {
  role: 'broker',
  backlog: 'none',
  nodeRefs: ['alternateExchange'],
  /** Exchange → queue: the binding key (exact for direct, pattern for topic). */
  linkFields: lazySchema(() => ({ bindingKey: z.string().optional() })),
  traceTypes: ['exchange.unroutable'],
});

/** The RabbitMQ kinds. */
export const rabbitmqKinds = [queueKind, exchangeKind] as const;

/** Trace events of the RabbitMQ models. */
export type RabbitmqTrace = QueueTrace | ExchangeTrace;
