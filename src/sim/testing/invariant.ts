import { MSG_STATES, type MsgState } from '../engine/message';
import type { Simulation } from '../engine/simulation';
import { STATE_AFTER, type MessageTrace, type TraceEvent } from '../engine/trace';

/**
 * An independent oracle for message accounting. It rebuilds where every copy is from the
 * trace alone and, on each `check()`, compares that with the engine's ledger:
 * - every copy's state as the trace tells it equals the state the message object holds;
 * - the ledger's count in each state equals the oracle's count;
 * - the counts add up to the copies created, and the copies to those published and copied.
 * Used by the tests of every model; throws with the details on the first mismatch.
 */
export class InvariantChecker {
  private readonly states = new Map<number, MsgState>();
  private readonly counts = new Map<MsgState, number>(MSG_STATES.map((s) => [s, 0]));
  private published = 0;
  private copied = 0;
  private problem: string | undefined;
  private readonly off: () => void;

  constructor(private readonly sim: Simulation) {
    this.off = sim.on((ev) => this.observe(ev));
  }

  private observe(ev: TraceEvent): void {
    if (!(ev.type in STATE_AFTER)) return;
    const m = ev as MessageTrace;
    const after = STATE_AFTER[m.type];
    const next: MsgState = after === 'copy' ? (m as Extract<MessageTrace, { type: 'message.copied' }>).state : after;
    if (m.type === 'message.published') this.published++;
    if (m.type === 'message.copied') this.copied++;
    const before = this.states.get(m.msg.id);
    if (before === undefined && m.type !== 'message.published' && m.type !== 'message.copied') {
      this.problem ??= `t=${ev.t}: ${m.type} for message ${m.msg.id}, which was never published or copied`;
    }
    if (before === 'dropped') this.problem ??= `t=${ev.t}: ${m.type} for message ${m.msg.id}, which was already dropped`;
    if (before !== undefined) this.counts.set(before, this.counts.get(before)! - 1);
    this.counts.set(next, this.counts.get(next)! + 1);
    this.states.set(m.msg.id, next);
    if (m.msg.state !== next) {
      this.problem ??= `t=${ev.t}: ${m.type} left message ${m.msg.id} in state ${m.msg.state}, expected ${next}`;
    }
  }

  /** Throws if the ledger and the trace disagree. Cheap: O(number of states). */
  check(): void {
    if (this.problem) throw new Error(this.problem);
    const totals = this.sim.ledger.totals();
    const where = `at t=${this.sim.now} after ${this.sim.events} events`;
    let sum = 0;
    for (const state of MSG_STATES) {
      const ledger = this.sim.ledger.count(state);
      const oracle = this.counts.get(state)!;
      if (ledger !== oracle) throw new Error(`${where}: ledger has ${ledger} ${state}, the trace says ${oracle}`);
      if (ledger < 0) throw new Error(`${where}: negative count of ${state}`);
      sum += ledger;
    }
    if (sum !== totals.copies) throw new Error(`${where}: states add up to ${sum}, but ${totals.copies} copies exist`);
    if (totals.published !== this.published) throw new Error(`${where}: ${totals.published} published, the trace says ${this.published}`);
    if (totals.copies !== this.published + this.copied) {
      throw new Error(`${where}: ${totals.copies} copies, the trace says ${this.published} published + ${this.copied} copied`);
    }
  }

  /** Recounts every copy's state from scratch and compares with the incremental counts (slow; use now and then). */
  checkFromScratch(): void {
    const fresh = new Map<MsgState, number>(MSG_STATES.map((s) => [s, 0]));
    for (const s of this.states.values()) fresh.set(s, fresh.get(s)! + 1);
    for (const state of MSG_STATES) {
      if (fresh.get(state) !== this.counts.get(state)) {
        throw new Error(`recount of ${state}: ${fresh.get(state)} but incrementally ${this.counts.get(state)}`);
      }
    }
    this.check();
  }

  /** Stops listening. */
  dispose(): void {
    this.off();
  }
}

/**
 * Runs `sim` one event at a time up to `untilMs`, checking the invariant after every
 * single event (and from scratch every 1,000). Returns the number of events run.
 */
export function checkInvariantEveryEvent(sim: Simulation, untilMs: number): number {
  const checker = new InvariantChecker(sim);
  let steps = 0;
  try {
    checker.check();
    while (sim.scheduler.peekTime() <= untilMs) {
      if (sim.step() === null) break;
      steps++;
      checker.check();
      if (steps % 1000 === 0) checker.checkFromScratch();
    }
    checker.checkFromScratch();
  } finally {
    checker.dispose();
  }
  return steps;
}
