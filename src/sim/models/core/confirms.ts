import type { Message } from '../../engine/message';
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
  ) {}

  /** In a serialized trace or message, only the sequence number (the owner is a whole node). */
  toJSON(): { seq: number } {
    return { seq: this.seq };
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
 * refused (`basic.nack`, for `reason`), heard by the publisher after `delayMs`. The copy forgets
 * its tracker, so a later hop (a dead letter republished by the broker, which uses no confirms)
 * settles nothing. No-op for a copy without one.
 */
export function settleConfirm(sim: Simulation, msg: Message, ok: boolean, by: string, delayMs = 0, reason?: string): void {
  const t = trackerOf(msg);
  if (!t) return;
  msg.meta!.confirm = undefined;
  const arrival: ConfirmArrival = { tracker: t, ok, by, reason };
  sim.scheduler.schedule(delayMs, t.owner, CONFIRM_ARRIVES, arrival);
}
