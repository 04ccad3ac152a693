import type { Link } from '../../engine/link';
import type { Message } from '../../engine/message';
import type { SimNode } from '../../engine/node';
import type { ScheduledEvent } from '../../engine/scheduler';
import type { Timer } from '../../engine/timers';
import type { RemovalReason } from './kafka';
import type { ResetArgs } from './group-reader';
import { groupStats, type GroupStats } from './group-stats';
import { Member, type GroupSettings } from './member';
import { GroupRebalance, type RebalanceTimers } from './group-rebalance';

export { rangeOwner } from './assignor';

export { Member, type GroupSettings } from './member';

export type { ResetArgs } from './group-reader';
export type { GroupStats } from './group-stats';

const HEARTBEAT = 1;
const SESSION_EXPIRY = 2;
const AUTO_COMMIT = 4;
const POLL_INTERVAL = 5;
/** The group's timers: the rebalance's, and per member its heartbeat, session expiry and poll deadline; auto-commit. */
type GroupTimers = RebalanceTimers & {
  [HEARTBEAT]: Member;
  [SESSION_EXPIRY]: Member;
  [AUTO_COMMIT]: undefined;
  [POLL_INTERVAL]: Member;
};

/**
 * A consumer group reading one topic: membership, partition assignment, eager rebalances; its
 * `reader` keeps fetch positions and committed offsets. Each partition goes to exactly one member; extra
 * members sit idle (K: KafkaConsumer javadoc). Within a partition a group processes one
 * record at a time, in offset order, so order holds within a partition and only there.
 *
 * Membership is dynamic by default, as in Kafka: a consumer that restarts (goes offline and
 * comes back) lost its member id and joins with a new one, which rebalances the group even
 * within the session timeout (the old id is dropped). A member with a `groupInstanceId` on its
 * link is static (`group.instance.id`, KIP-345): back within the session timeout it keeps its
 * partitions without a rebalance and resumes from the committed offset. Either kind cut off
 * by the network keeps its id and resumes. One away longer than the session timeout is
 * removed, and its partitions move.
 */
export class ConsumerGroup extends GroupRebalance {
  private commitTimer: ScheduledEvent | undefined;

  /** Adds a member; call before `start`. */
  add(node: SimNode, link: Link): Member {
    const m = new Member(this, node, link);
    this.members.push(m);
    this.members.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return m;
  }

  /** Forms the group before the run starts (no rebalance pause) and starts heartbeats and auto-commit. */
  start(): void {
    this.assign();
    const sim = this.topic.sim;
    for (const m of this.members) {
      if (m.partitions.length > 0) this.emitAssigned(m);
      sim.scheduler.schedule(this.settings.heartbeatIntervalMs, this, HEARTBEAT, m);
    }
    this.armAutoCommit();
  }

  /** Applies new settings while running. */
  reconfigure(settings: GroupSettings): void {
    this.settings = settings;
    if (this.commitTimer) this.topic.sim.scheduler.cancel(this.commitTimer);
    this.commitTimer = undefined;
    this.armAutoCommit();
  }

  private armAutoCommit(): void {
    const s = this.settings;
    if (s.commit === 'after' && s.autoCommitIntervalMs > 0) {
      this.commitTimer = this.topic.sim.scheduler.schedule(s.autoCommitIntervalMs, this, AUTO_COMMIT);
    }
  }

  // ---- records (the reader does the work) ----

  /** A record was appended to partition `p`: the group's lag grows, and the owner may fetch it. */
  appended(p: number): void {
    this.reader.appended(p);
  }

  /** The member processed `msg` and acks it. */
  onAck(msg: Message): void {
    this.reader.onAck(msg);
  }

  /** Processing of `msg` failed: the consumer seeks back to its offset and retries it, keeping the partition's order. */
  onNack(msg: Message): void {
    this.reader.onNack(msg);
  }

  /** `m` went offline holding `msg`: at-least-once reads it again later; at-most-once has already committed it. */
  onLost(m: Member, msg: Message): void {
    this.reader.onLost(m, msg);
    this.observeDown(m);
  }

  /** Whether `copy` is partition `p`'s record in flight to a member (so not waiting in the log). */
  holds(p: number, copy: Message): boolean {
    return this.reader.holds(p, copy);
  }

  /** Retention moved the log start of partition `p`. */
  afterRetention(p: number): void {
    this.reader.afterRetention(p);
  }

  /** Moves the group's committed offsets (all partitions, or one): what follows is read and processed again. */
  resetOffsets(args: ResetArgs): void {
    this.reader.resetOffsets(args);
  }

  // ---- membership ----

  /** Looks at every member: who is back, who is gone. Called when a consumer comes back online. */
  wake(): void {
    for (const m of this.members) {
      if (m.reachable()) this.observeUp(m);
      else this.observeDown(m);
    }
    this.reader.fetchAll();
  }

  /** `m` was seen unreachable: its session starts running out. */
  observeDown(m: Member): void {
    if (m.down) return;
    m.down = true;
    if (m.inGroup) this.armExpiry(m);
  }

  private armExpiry(m: Member): void {
    if (m.expiry) return;
    const sim = this.topic.sim;
    const delay = Math.max(0, m.lastHeartbeat + this.settings.sessionTimeoutMs - sim.now);
    m.expiry = sim.scheduler.schedule(delay, this, SESSION_EXPIRY, m);
  }

  /** `m` was seen reachable: a static member back in time resumes, one that was removed joins again. */
  observeUp(m: Member): void {
    const wasDown = m.down;
    if (m.down) {
      m.down = false;
      m.lastHeartbeat = this.topic.sim.now;
      if (m.expiry) this.topic.sim.scheduler.cancel(m.expiry);
      m.expiry = undefined;
    }
    if (m.inGroup && m.instanceId === undefined && m.node.restarts !== m.restartsSeen) {
      // A dynamic member that restarted: JoinGroup with no member id, a new one, a rebalance
      // (Kafka consumer docs, group.instance.id: "If not set, the consumer will join the group
      // as a dynamic member, which is the traditional behavior"; KIP-345).
      m.restartsSeen = m.node.restarts;
      m.lastHeartbeat = this.topic.sim.now;
      // The old process is gone: what it processed after its last commit is not committed on revoke.
      for (const p of m.partitions) this.reader.rewind(p);
      this.emit({ type: 'kafka.member_joined', t: this.topic.sim.now, node: this.topic.id, group: this.name, member: m.id });
      this.startRebalance(`${m.id} restarted and rejoined with a new member id`);
      return;
    }
    if (wasDown && m.inGroup) {
      m.restartsSeen = m.node.restarts;
      this.resume(m);
      return;
    }
    // A member that left for exceeding max.poll.interval.ms rejoins on its next poll, once its batch is done.
    if (!m.inGroup && !m.left && !this.reader.busyWith(m)) this.join(m);
  }

  /** A static member back within its session: same partitions, from the committed offsets. */
  private resume(m: Member): void {
    for (const p of m.partitions) this.reader.rewind(p);
    this.emit({
      type: 'kafka.member_resumed', t: this.topic.sim.now, node: this.topic.id, group: this.name, member: m.id,
      partitions: [...m.partitions],
    });
    for (const p of m.partitions) this.reader.fetch(p);
  }

  private join(m: Member): void {
    // An empty group (a new one, or one every member left) waits group.initial.rebalance.delay.ms
    // for more members before its first rebalance (K: GroupCoordinator, InitialDelayedJoin).
    if (!this.rebalancing && !this.members.some((x) => x.inGroup)) this.initialJoinSince = this.topic.sim.now;
    m.inGroup = true;
    m.restartsSeen = m.node.restarts;
    m.lastHeartbeat = this.topic.sim.now;
    this.emit({ type: 'kafka.member_joined', t: this.topic.sim.now, node: this.topic.id, group: this.name, member: m.id });
    this.startRebalance(`${m.id} joined`);
  }

  /** `m` got a poll's records: if it is still on them after `max.poll.interval.ms`, it leaves the group. */
  polled(m: Member): void {
    m.polls++;
    const scheduler = this.topic.sim.scheduler;
    m.pollDeadline = scheduler.now + this.settings.maxPollIntervalMs;
    // One pending check per member, moved on when it fires early, not one per poll: at a few
    // dozen polls a second, a timer per poll kept ~10,000 events pending for the 5 minutes of
    // max.poll.interval.ms, and every event paid for the deeper heap.
    if (m.pollTimer && m.pollTimerFor > m.pollDeadline) {
      scheduler.cancel(m.pollTimer);
      m.pollTimer = undefined;
    }
    if (!m.pollTimer) {
      m.pollTimer = scheduler.schedule(this.settings.maxPollIntervalMs, this, POLL_INTERVAL, m);
      m.pollTimerFor = m.pollDeadline;
    }
  }

  private remove(m: Member, reason: RemovalReason): void {
    m.inGroup = false;
    if (m.expiry) this.topic.sim.scheduler.cancel(m.expiry);
    m.expiry = undefined;
    this.emit({ type: 'kafka.member_removed', t: this.topic.sim.now, node: this.topic.id, group: this.name, member: m.id, reason });
    this.startRebalance(`${m.id}: ${reason}`);
  }

  /** A clean leave (`consumer.close()`): it commits what it processed and leaves at once, without waiting for a timeout. */
  leave(id: string): void {
    const m = this.members.find((x) => x.id === id);
    if (!m || !m.inGroup) return;
    m.left = true;
    if (this.settings.commit === 'after') {
      for (const p of m.partitions) this.reader.commitProcessed(p);
      this.emitCommitted();
    }
    this.remove(m, 'left the group');
  }

  /** Undoes `leave`: the member joins again (when reachable), which rebalances. */
  rejoin(id: string): void {
    const m = this.members.find((x) => x.id === id);
    if (!m || !m.left) return;
    m.left = false;
    if (m.reachable()) this.observeUp(m);
  }
  // ---- timers ----

  override handle(ev: Timer<GroupTimers>): void {
    const sim = this.topic.sim;
    switch (ev.type) {
      case HEARTBEAT: {
        const m = ev.data;
        // While the broker (the group coordinator) is down, nobody's session runs.
        if (this.topic.online) {
          if (m.reachable()) {
            m.lastHeartbeat = sim.now;
            this.observeUp(m);
          } else {
            this.observeDown(m);
          }
        }
        sim.scheduler.schedule(this.settings.heartbeatIntervalMs, this, HEARTBEAT, m);
        return;
      }
      case POLL_INTERVAL: {
        const m = ev.data;
        m.pollTimer = undefined;
        // A later poll moved the deadline: check again then.
        if (m.pollDeadline !== m.pollTimerFor) {
          m.pollTimer = sim.scheduler.schedule(m.pollDeadline - sim.now, this, POLL_INTERVAL, m);
          m.pollTimerFor = m.pollDeadline;
        } else if (m.inGroup && !m.down && this.reader.busyWith(m)) this.remove(m, 'max.poll.interval.ms exceeded');
        return;
      }
      case SESSION_EXPIRY: {
        const m = ev.data;
        m.expiry = undefined;
        // While the broker is down no session runs out; brokerBack() restarts them.
        if (!m.down || !m.inGroup || !this.topic.online) return;
        if (m.lastHeartbeat + this.settings.sessionTimeoutMs > sim.now) this.armExpiry(m);
        else this.remove(m, 'session timeout');
        return;
      }
      case AUTO_COMMIT: {
        let committed = false;
        if (!this.rebalancing) committed = this.reader.commitOwned();
        if (committed) this.emitCommitted();
        this.commitTimer = sim.scheduler.schedule(this.settings.autoCommitIntervalMs, this, AUTO_COMMIT);
        return;
      }
      default:
        super.handle(ev);
    }
  }

  /** The broker (the group coordinator) came back: every session restarts from now. */
  brokerBack(): void {
    for (const m of this.members) {
      m.lastHeartbeat = this.topic.sim.now;
      if (m.down && m.inGroup) this.armExpiry(m);
    }
  }

  /** The group's figures: membership, assignment, offsets and lag per partition, counters. */
  stats(): GroupStats {
    return groupStats(this);
  }
}
