import { z } from 'zod';
import { defineKind } from '../../engine/kind';
import { Topic, topicSchema, type KafkaTrace } from './kafka';
import { lazySchema } from '../../engine/lazySchema';

/** `topic`: a Kafka topic with partitions, retention and consumer groups. */
export const topicKind = defineKind(topicSchema, (sim, config) => new Topic(sim, config), {
  role: 'broker',
  backlog: 'lag',
  nodeRefs: ['deadLetterTopic'],
  /**
   * Topic → consumer: the consumer group the consumer joins (its own id when absent), and its
   * `group.instance.id`: with one it is a static member (KIP-345), without one (Kafka's default)
   * a dynamic member that gets a new member id, and a rebalance, each time it restarts.
   */
  linkFields: lazySchema(() => ({ group: z.string().optional(), groupInstanceId: z.string().min(1).optional() })),
  traceTypes: [
    'kafka.member_joined', 'kafka.member_removed', 'kafka.member_resumed', 'kafka.offsets_committed',
    'kafka.offsets_reset', 'kafka.partitions_assigned', 'kafka.partitions_revoked', 'kafka.rebalance_finished',
    'kafka.rebalance_started', 'kafka.retention_deleted', 'kafka.poll_failed',
  ],
});

/** The Kafka kinds. */
export const kafkaKinds = [topicKind] as const;

export type { KafkaTrace };
