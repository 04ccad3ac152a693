import { z } from 'zod';
import { nodeSchema } from '../../engine/kind';
import { LIMITS } from '../../engine/limits';
import { producerShape } from './producer-client';
import { lazySchema } from '../../engine/lazySchema';

/** Settings a consumer group can override on its topic. */
const groupShape = lazySchema(() => ({
  /**
   * When the consumer commits: after processing (at-least-once, Kafka's default with auto
   * commit: a crash reprocesses what was processed since the last commit) or before
   * (at-most-once: a crash loses what was committed and not yet processed). K: docs/design.html.
   */
  commit: z.enum(['after', 'before']).default('after'),
  /**
   * Kafka default `auto.commit.interval.ms`=5000 (K: ConsumerConfig.java): at-least-once
   * commits the processed offsets every 5 s, and on revoke. 0 = commit after every record
   * (a manual commitSync per record). At-most-once always commits as it fetches.
   */
  autoCommitIntervalMs: z.number().nonnegative().max(LIMITS.ms).default(5000),
  /**
   * Kafka default `session.timeout.ms`=45000 since 3.0 (10000 before; K: ConsumerConfig.java,
   * upgrade.html). Brokers accept 6000–1800000; shorter values are allowed here for teaching.
   */
  sessionTimeoutMs: z.number().positive().max(LIMITS.ms).default(45_000),
  /** Kafka default `heartbeat.interval.ms`=3000 (K: ConsumerConfig.java). */
  heartbeatIntervalMs: z.number().positive().max(LIMITS.ms).default(3000),
  /**
   * Not a Kafka setting: how long an eager rebalance keeps the whole group stopped once every
   * member is back (the JoinGroup and SyncGroup round trips and the members' revoke and assign
   * callbacks). Real pauses run from hundreds of ms to seconds; microsim uses 1 s.
   */
  rebalancePauseMs: z.number().nonnegative().max(LIMITS.ms).default(1000),
  /** Kafka's default assignor list is [Range, CooperativeSticky], so Range is used (K: ConsumerConfig.java). */
  assignor: z.enum(['range', 'roundrobin']).default('range'),
  /**
   * Kafka default `auto.offset.reset`=latest (K: ConsumerConfig.java, SEMANTICS §2): where a group
   * with no committed offset starts (a group that joins late starts at the log end and skips
   * history; `earliest` reads it all), and where one whose position retention deleted goes.
   */
  autoOffsetReset: z.enum(['earliest', 'latest']).default('latest'),
  /**
   * Kafka default `max.poll.records`=500 (SEMANTICS §8): a fetch brings up to this many records
   * of a partition as one response, processed in order; the next fetch waits for the batch.
   */
  maxPollRecords: z.number().int().positive().max(LIMITS.count).default(500),
  /**
   * Kafka default `max.poll.interval.ms`=300000 (SEMANTICS §8): a member that takes longer than
   * this to process a poll's records leaves the group, which rebalances; it rejoins on its next poll.
   */
  maxPollIntervalMs: z.number().positive().max(LIMITS.ms).default(300_000),
  /**
   * Kafka broker default `group.initial.rebalance.delay.ms`=3000 (K: GroupCoordinatorConfig.java,
   * SEMANTICS §8): a group that forms during the run (its members all joined later) waits this
   * long for more members before its first rebalance, so they do not each cause one. Groups
   * whose members are up at the start are formed before the run.
   */
  initialRebalanceDelayMs: z.number().nonnegative().max(LIMITS.ms).default(3000),
}));

const groupOverride = lazySchema(() => z.object(groupShape).partial().strict());

/** Scenario fields of a topic: a partitioned, retained log read by consumer groups. */
export const topicSchema = nodeSchema('topic', () => ({
  /** Kafka default `num.partitions`=1 (K: ServerLogConfigs.java). Fixed for the run. */
  partitions: z.number().int().positive().max(LIMITS.partitions).default(1),
  /** Kafka default `retention.ms`=604800000, 7 d (K: LogConfig.java). Consuming deletes nothing; retention does. */
  retentionMs: z.number().positive().max(LIMITS.ms).default(604_800_000),
  /**
   * Kafka default `log.retention.check.interval.ms`=300000 (K: LogConfig.java). Kafka deletes
   * whole segments; microsim deletes every record past retention at each check.
   */
  retentionCheckMs: z.number().positive().max(LIMITS.ms).default(300_000),
  /**
   * Records without a key stick to one partition for a batch, then move on (Kafka's sticky
   * partitioner switches when a `batch.size`=16384 B batch fills, K: BuiltInPartitioner.java).
   * microsim has no record sizes: it switches every 16 records, as if each were 1 KiB, and
   * moves round-robin where Kafka picks the next partition at random.
   */
  stickyBatchRecords: z.number().int().positive().max(LIMITS.count).default(16),
  ...groupShape,
  ...producerShape,
  /**
   * Not a Kafka setting: every Nth record appended is a poison record, one no consumer can
   * deserialize (a producer bug, a schema mismatch). Kafka's consumer throws on it at every
   * poll, so its partition is stuck behind it until someone moves the offset past it.
   */
  poisonEvery: z.number().int().positive().max(LIMITS.count).optional(),
  /**
   * The usual cure (Spring Kafka's DeadLetterPublishingRecoverer): the topic (a node id, linked
   * from this one) the consumers' error handler publishes a record to when it gives up on it;
   * the partition then moves on. Chain a retry topic before the dead-letter topic for delayed retries.
   */
  deadLetterTopic: z.string().min(1).optional(),
  /**
   * With a dead-letter topic: deliveries of a record whose processing fails before the error
   * handler gives up. Spring Kafka's DefaultErrorHandler default is 10 (FixedBackOff(0, 9):
   * 9 retries). A poison record is not retried: a deserialization error cannot heal.
   */
  maxAttempts: z.number().int().positive().max(LIMITS.attempts).default(10),
  /** Per consumer group overrides of the settings above, by group name. */
  groups: z.record(z.string(), groupOverride).default({}),
}));

/** A topic's config as parsed from a scenario. */
export type TopicConfig = z.infer<typeof topicSchema>;
