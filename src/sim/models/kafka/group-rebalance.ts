import type { EventTarget, ScheduledEvent } from '../../engine/scheduler';
import type { Timer } from '../../engine/timers';
import type { KafkaTrace, Topic } from './kafka';
import { GroupReader, type ReaderHost } from './group-reader';
import { initialRebalanceWait, type GroupSettings, type Member } from './member';
import { assignPartitions } from './assignor';

/** Timer type of the rebalance's end; the group's other timers use other numbers. */
const REBALANCE_DONE = 3;
/** The rebalance's timer: its join phase is over (or it checks again). */
export type RebalanceTimers = { [REBALANCE_DONE]: undefined };

/**
 * How often a rebalance that is due checks again whether it can finish: it waits until every
 * member still in the group has rejoined (is reachable) and every record in flight is settled,
 * as Kafka's JoinGroup waits for every member to finish its poll and rejoin.
 */
const REJOIN_POLL_MS = 100;

/**
 * A consumer group's eager rebalance protocol (SEMANTICS §2): every member gives up its
 * partitions, the group waits for the join phase (and, for an empty group,
 * group.initial.rebalance.delay.ms) and for every member to rejoin and settle what it holds,
 * then the assignor hands the partitions out again. Membership and timers are the subclass's.
 */
export abstract class GroupRebalance implements EventTarget, ReaderHost {
  /** Members sorted by id, the order the range assignor uses. */
  readonly members: Member[] = [];
  /** Fetch positions, in-flight records, committed offsets and lag, per partition. */
  readonly reader: GroupReader;
  generation = 1;
  rebalancing = false;
  rebalances = 0;
  /** Records deleted by retention before this group read them. */
  expiredUnread = 0;
  protected rebalanceTimer: ScheduledEvent | undefined;
  protected rebalanceStartedAt = 0;
  /** When the first member joined an empty group, while its first rebalance waits for more (undefined otherwise). */
  protected initialJoinSince: number | undefined;

  constructor(
    readonly topic: Topic,
    readonly name: string,
    /** This group's index in the topic: which copy of each record is this group's. */
    readonly index: number,
    public settings: GroupSettings,
  ) {
    this.reader = new GroupReader(topic, this);
  }

  abstract observeDown(m: Member): void;
  abstract observeUp(m: Member): void;
  abstract polled(m: Member): void;

  /** The rebalance's timer; the group's own timers are its subclass's. */
  handle(_ev: Timer<RebalanceTimers>): void {
    this.finishRebalance();
  }

  /** Eager rebalance: every member gives up every partition and the group stops until it finishes. */
  protected startRebalance(reason: string): void {
    const sim = this.topic.sim;
    if (!this.rebalancing) {
      this.rebalancing = true;
      this.rebalances++;
      this.rebalanceStartedAt = sim.now;
      this.emit({
        type: 'kafka.rebalance_started', t: sim.now, node: this.topic.id, group: this.name, generation: this.generation + 1, reason,
      });
      for (const m of this.members) {
        if (m.partitions.length === 0) continue;
        this.emit({
          type: 'kafka.partitions_revoked', t: sim.now, node: this.topic.id, group: this.name, member: m.id, partitions: [...m.partitions],
        });
      }
    }
    // A new member or a departure during the join phase restarts it.
    if (this.rebalanceTimer) sim.scheduler.cancel(this.rebalanceTimer);
    this.rebalanceTimer = sim.scheduler.schedule(initialRebalanceWait(this.initialJoinSince, sim.now, this.settings) + this.settings.rebalancePauseMs, this, REBALANCE_DONE);
  }

  protected finishRebalance(): void {
    const sim = this.topic.sim;
    this.rebalanceTimer = undefined;
    this.initialJoinSince = undefined;
    for (const m of this.members) {
      if (m.reachable()) this.observeUp(m);
      else this.observeDown(m);
    }
    if (this.rebalanceTimer) return; // someone joined: the join phase started again
    let waiting = this.reader.settleAll();
    for (const m of this.members) if (m.inGroup && m.down) waiting = true;
    if (waiting) {
      this.rebalanceTimer = sim.scheduler.schedule(REJOIN_POLL_MS, this, REBALANCE_DONE);
      return;
    }
    // Members commit what they processed as they give their partitions up (auto-commit on revoke).
    let committed = false;
    if (this.settings.commit === 'after') committed = this.reader.commitOwned();
    if (committed) this.emitCommitted();
    this.assign();
    this.generation++;
    this.rebalancing = false;
    const assignment: Record<string, number[]> = {};
    const idle: string[] = [];
    for (const m of this.members) {
      if (!m.inGroup) continue;
      assignment[m.id] = [...m.partitions];
      if (m.partitions.length === 0) idle.push(m.id);
      else this.emitAssigned(m);
    }
    this.emit({
      type: 'kafka.rebalance_finished', t: sim.now, node: this.topic.id, group: this.name, generation: this.generation,
      pauseMs: sim.now - this.rebalanceStartedAt, assignment, idle,
    });
    this.reader.fetchAll();
  }

  /** Gives each partition to one member in the group, and points every cursor at its committed offset. */
  protected assign(): void {
    for (const m of this.members) m.partitions = [];
    const owners = assignPartitions(this.members.filter((m) => m.inGroup), this.reader.partitions, this.settings.assignor);
    owners.forEach((owner, p) => {
      owner?.partitions.push(p);
      this.reader.own(p, owner);
    });
  }

  // ---- reporting ----

  protected emit(ev: KafkaTrace): void {
    this.topic.sim.emit(ev);
  }

  protected emitAssigned(m: Member): void {
    this.emit({
      type: 'kafka.partitions_assigned', t: this.topic.sim.now, node: this.topic.id, group: this.name, member: m.id,
      partitions: [...m.partitions], generation: this.generation,
    });
  }

  protected emitCommitted(): void {
    this.emit({ type: 'kafka.offsets_committed', t: this.topic.sim.now, node: this.topic.id, group: this.name, offsets: this.reader.offsets() });
  }
}
