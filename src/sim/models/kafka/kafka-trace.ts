/** Why a member left its group. */
export type RemovalReason = 'session timeout' | 'left the group' | 'max.poll.interval.ms exceeded';

/** Where a record sits in its topic (the copy's `via`): set on each record, and so on each group's copy, as it is appended. */
export type KafkaMeta = {
  partition: number;
  offset: number;
  /** A record no consumer can deserialize (see the topic's `poisonEvery`). */
  poison?: boolean;
};

/** Trace events of the Kafka model. `node` is the topic. */
export type KafkaTrace =
  | { type: 'kafka.partitions_assigned'; t: number; node: string; group: string; member: string; partitions: number[]; generation: number }
  | { type: 'kafka.partitions_revoked'; t: number; node: string; group: string; member: string; partitions: number[] }
  | { type: 'kafka.rebalance_started'; t: number; node: string; group: string; generation: number; reason: string }
  | {
      type: 'kafka.rebalance_finished'; t: number; node: string; group: string; generation: number; pauseMs: number;
      assignment: Record<string, number[]>; idle: string[];
    }
  | { type: 'kafka.member_joined'; t: number; node: string; group: string; member: string }
  | { type: 'kafka.member_removed'; t: number; node: string; group: string; member: string; reason: RemovalReason }
  | { type: 'kafka.member_resumed'; t: number; node: string; group: string; member: string; partitions: number[] }
  /** Batch commits only (auto-commit ticks, revokes, leaves); per-record commits show in stats, not in the trace. */
  | { type: 'kafka.offsets_committed'; t: number; node: string; group: string; offsets: number[] }
  | { type: 'kafka.offsets_reset'; t: number; node: string; group: string; offsets: number[]; reason: string }
  | { type: 'kafka.retention_deleted'; t: number; node: string; partition: number; count: number; logStart: number }
  /** A poll failed on a record the consumer cannot deserialize; the partition is stuck at `offset` (traced once). */
  | { type: 'kafka.poll_failed'; t: number; node: string; group: string; member: string; partition: number; offset: number };
