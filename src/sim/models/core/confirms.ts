import type { Link } from '../../engine/link';
import type { Message } from '../../engine/message';
import type { ScheduledEvent } from '../../engine/scheduler';
import type { Simulation } from '../../engine/simulation';
import type { Timer, TimerTarget } from '../../engine/timers';

/** The scheduler event type a confirm arrives with at its publisher (data: `{ tracker, ok }`). */
export const CONFIRM_ARRIVES = 7;
/** The timer a publisher in confirm mode handles (besides its own). */
export type ConfirmTimers = { [CONFIRM_ARRIVES]: ConfirmArrival };

/**
 * One publish on a channel in confirm mode (`confirm.select`, RMQ/confirms): its sequence number
 * and how many target queues have still to accept it. Shared by every copy an exchange makes of
 * the message (a copy's `meta` is a shallow copy), so the confirm waits for all of them.
 */
export class ConfirmTracker {
  /** Targets still to settle: 1 at publish, plus one per extra queue an exchange routes a copy to. */
  pending = 1;
  /** A target refused it: the whole publish is nacked. */
  nacked = false;
  /** The first target that refused it, and why. */
  nackedBy: { by: string; reason: string } | undefined = undefined;

  constructor(
    /** The publisher, which gets `CONFIRM_ARRIVES` once per target queue that settles. */
    readonly owner: TimerTarget<Timer<ConfirmTimers>>,
    /** Sequence number on the channel, from 1. */
    readonly seq: number,
    /** The way back to the publisher, on its connection to the broker. */
    readonly back: ConfirmReturn,
  ) {}

  /** In a serialized trace or message, only the sequence number (the owner is a whole node). */
  toJSON(): { seq: number } {
    return { seq: this.seq };
  }
}

/** The scheduler event type of a confirm frame leaving the broker once its fsync batch ends (data: a `ConfirmArrival`). */
const FRAME_SENT = 1;

/**
 * A publisher's connection as its confirm frames see it, from the broker back to the publisher.
 * `basic.ack`/`basic.nack` are frames on the publisher's channel (RMQ/confirms), so each
 * crosses the network like any reply (sim.signal): the link's latency, TCP's retransmissions on
 * a lossy link, held while it is partitioned and sent when it heals. The frames the broker
 * sends at one instant go in one segment: they share one latency, so the publisher reads them
 * together, as the broker's `multiple` flag means. Confirms therefore cost a round trip, and a
 * window of W unconfirmed publishes caps a publisher at about W per round trip.
 */
export class ConfirmReturn {
  /** When the last frame left, and the latency it drew (the next frames of that instant share it). */
  private sentAt = -1;
  private latency = 0;

  constructor(
    private readonly sim: Simulation,
    /** The link frames cross: the broker's link back to the publisher, else the publish link. */
    private readonly link: Link,
  ) {}

  /** Sends `arrival`'s frame to the publisher now, or after `delayMs` (the broker's fsync batch). */
  send(arrival: ConfirmArrival, delayMs: number): void {
    if (delayMs > 0) this.sim.scheduler.schedule(delayMs, this, FRAME_SENT, arrival);
    else this.cross(arrival);
  }

  /** The fsync batch ended: the frame leaves. */
  handle(ev: ScheduledEvent): void {
    this.cross(ev.data as ConfirmArrival);
  }

  private cross(arrival: ConfirmArrival): void {
    const link = this.link;
    if (link.partitioned) {
      link.hold(() => this.cross(arrival));
      return;
    }
    const now = this.sim.now;
    if (now !== this.sentAt) {
      this.sentAt = now;
      this.latency = link.delay() + link.retransmitDelay();
    }
    this.sim.scheduler.schedule(this.latency, arrival.tracker.owner, CONFIRM_ARRIVES, arrival);
  }
}

/** The data of a `CONFIRM_ARRIVES` event. */
export interface ConfirmArrival {
  readonly tracker: ConfirmTracker;
  readonly ok: boolean;
  /** The node that settled this copy (a queue, or the exchange). */
  readonly by: string;
  /** Why it was refused (a nack): the reason table's words. */
  readonly reason: string | undefined;
}

/**
 * The confirm frames a publisher hears (RMQ/confirms), one trace event per frame, emitted only
 * by a producer in confirm mode (so the traces of scenarios without confirms do not change).
 * - `confirm.acked`: `basic.ack` for sequence number `seq`; with `multiple`, for every
 *   publish up to it not confirmed yet (`count` of them, their message ids in `msgIds`). The
 *   producer reads the acks that reach it at one instant (a fsync batch ends) as one frame when
 *   they cover its oldest outstanding publishes, as the broker's `multiple` flag does.
 * - `confirm.nacked`: `basic.nack` for `seq`: `by` refused it, for `reason`.
 * - `confirm.republished`: the application publishes the nacked `seq` again, as `newSeq`
 *   (message `newMsgId`, a new publication).
 * Each names the publish by message id (`msgId`) and the producer's `eventType`.
 */
export type ConfirmTrace =
  | { type: 'confirm.acked'; t: number; node: string; broker: string; seq: number; multiple: boolean; count: number; msgId: number; msgIds: number[]; eventType: string }
  | { type: 'confirm.nacked'; t: number; node: string; broker: string; by: string; seq: number; msgId: number; reason: string; eventType: string }
  | { type: 'confirm.republished'; t: number; node: string; broker: string; seq: number; msgId: number; newSeq: number; newMsgId: number; eventType: string };

/** The confirm tracker `msg` carries, if its publisher uses confirms and no target settled this copy yet. */
export function trackerOf(msg: Message): ConfirmTracker | undefined {
  const t = msg.meta?.confirm;
  return t === undefined ? undefined : (t as ConfirmTracker);
}

/** An exchange routes `msg` to `targets` queues: the publish now waits for each of them. */
export function addTargets(msg: Message, targets: number): void {
  const t = trackerOf(msg);
  if (t && targets > 1) t.pending += targets - 1;
}

/**
 * This copy of a confirmed publish is settled at node `by`: accepted (`ok`, `basic.ack`) or
 * refused (`basic.nack`, for `reason`). The broker sends the frame after `delayMs` (the fsync
 * batch), and the publisher hears it once it has crossed back (ConfirmReturn). The copy forgets
 * its tracker, so a later hop (a dead letter republished by the broker, which uses no confirms)
 * settles nothing. No-op for a copy without one.
 */
export function settleConfirm(msg: Message, ok: boolean, by: string, delayMs = 0, reason?: string): void {
  const t = trackerOf(msg);
  if (!t) return;
  msg.meta!.confirm = undefined;
  t.back.send({ tracker: t, ok, by, reason }, delayMs);
}
