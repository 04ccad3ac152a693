import { z } from 'zod';
import { defineKind } from '../../engine/kind';
import { Topic, topicSchema, type KafkaTrace } from './kafka';

/** `topic`: a Kafka topic with partitions, retention and consumer groups. */
export const topicKind = defineKind(topicSchema, (sim, config) => new Topic(sim, config), {
  role: 'broker',
  backlog: 'lag',
  /** Topic → consumer: the consumer group the consumer joins (its own id when absent). */
  linkFields: { group: z.string().optional() },
  traceTypes: [
    'kafka.member_joined', 'kafka.member_removed', 'kafka.member_resumed', 'kafka.offsets_committed',
    'kafka.offsets_reset', 'kafka.partitions_assigned', 'kafka.partitions_revoked', 'kafka.rebalance_finished',
    'kafka.rebalance_started', 'kafka.retention_deleted',
  ],
});

/** The Kafka kinds. */
export const kafkaKinds = [topicKind] as const;

export type { KafkaTrace };
