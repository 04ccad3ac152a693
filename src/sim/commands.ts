import { z } from 'zod';
import { LIMITS } from './engine/limits';
import { lazySchema } from './engine/lazySchema';

const name = lazySchema(() => z.string().max(200));
const none = lazySchema(() => z.object({}).strict());

/**
 * The commands each kind understands and the arguments each takes. A command a kind does not
 * know, or arguments of the wrong shape, are refused before they reach the model.
 */
export const COMMANDS: Readonly<Record<string, Readonly<Record<string, z.ZodType>>>> = lazySchema(() => ({
  /** Publish a single message now (the card's "Publish one"). */
  producer: { 'publish-one': none },
  queue: { purge: none, restart: none },
  subscription: { subscribe: none, unsubscribe: none },
  'pubsub-topic': { subscribe: z.object({ subscription: name }).strict(), unsubscribe: z.object({ subscription: name }).strict() },
  topic: {
    'reset-offsets': z
      .object({
        group: name,
        toOffset: z.number().int().nonnegative().optional(),
        toTimeMs: z.number().nonnegative().max(LIMITS.ms).optional(),
        toEarliest: z.boolean().optional(),
        toLatest: z.boolean().optional(),
        partition: z.number().int().nonnegative().max(LIMITS.partitions).optional(),
      })
      .strict(),
    leave: z.object({ member: name }).strict(),
    join: z.object({ member: name }).strict(),
  },
  'webhook-attacker': { forge: none, replay: none },
  'webhook-receiver': {
    register: z.object({ events: z.array(z.string().min(1).max(200)).max(100).optional(), sender: name.optional() }).strict(),
    unregister: z.object({ sender: name.optional() }).strict(),
  },
  'webhook-sender': {
    enable: z.object({ endpoint: name }).strict(),
    /** Send a dead-lettered delivery again (the oldest, or the one named), as from the provider's dashboard. */
    redeliver: z.object({ deliveryId: name.optional() }).strict(),
  },
}));

