import type { Link } from '../../engine/link';
import type { SimNode } from '../../engine/node';
import type { ScheduledEvent } from '../../engine/scheduler';
import type { ConsumerGroup } from './consumer-group';

/** A consumer group's settings: the topic's, overridden per group. */
export interface GroupSettings {
  commit: 'after' | 'before';
  autoCommitIntervalMs: number;
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
  rebalancePauseMs: number;
  assignor: 'range' | 'roundrobin';
  autoOffsetReset: 'earliest' | 'latest';
  maxPollRecords: number;
  maxPollIntervalMs: number;
  initialRebalanceDelayMs: number;
}

/** One consumer (a service linked from the topic) as its group's coordinator sees it. */
export class Member {
  /** In the group's membership (false once its session expired or it left). */
  inGroup: boolean;
  /** Left with the `leave` command: it does not rejoin until `join`. */
  left = false;
  /** Seen unreachable (offline or cut off) and not seen back yet. */
  down = false;
  lastHeartbeat = 0;
  /** Polls so far: the max.poll.interval.ms check looks at the latest only. */
  polls = 0;
  /** When its latest poll's max.poll.interval.ms runs out. */
  pollDeadline = 0;
  /** The one pending max.poll.interval.ms check (see ConsumerGroup.polled), or undefined… */
  pollTimer: ScheduledEvent | undefined;
  /** …and the deadline it was set for. */
  pollTimerFor = 0;
  expiry: ScheduledEvent | undefined;
  /** Partitions assigned in the current generation. */
  partitions: number[] = [];
  /** Records of this topic it processed (duplicates included). */
  processed = 0;
  /** Its `group.instance.id` when it is a static member (KIP-345); undefined for a dynamic member (Kafka's default). */
  readonly instanceId: string | undefined;
  /** The node's restart count when it last joined or resumed: a dynamic member that restarted since has a new member id. */
  restartsSeen: number;

  constructor(
    readonly group: ConsumerGroup,
    readonly node: SimNode,
    readonly link: Link,
  ) {
    this.inGroup = this.reachable();
    const id = (link.config as { groupInstanceId?: unknown }).groupInstanceId;
    this.instanceId = typeof id === 'string' ? id : undefined;
    this.restartsSeen = node.restarts;
  }

  get id(): string {
    return this.node.id;
  }

  /** Online and not cut off from the broker: its heartbeats and fetches get through. */
  reachable(): boolean {
    return this.node.online && !this.link.partitioned;
  }
}

/**
 * The wait of an empty group's first rebalance (`since`: when its first member joined; undefined
 * for any other rebalance, which does not wait): `group.initial.rebalance.delay.ms` from now, as
 * each member that joins within it starts it again, up to the rebalance timeout (`max.poll.interval.ms`).
 */
export function initialRebalanceWait(since: number | undefined, now: number, s: GroupSettings): number {
  if (since === undefined) return 0;
  return Math.max(0, Math.min(now + s.initialRebalanceDelayMs, since + s.maxPollIntervalMs) - now);
}
