import { describe, expect, it } from 'vitest';
import { Scheduler, type ScheduledEvent } from './scheduler';
import type { Timer } from './timers';

const DONE = 1;
const TICK = 2;
interface Job {
  id: number;
}
type WorkerTimers = { [DONE]: Job; [TICK]: undefined };

/** A target with typed timers, as a model declares them. */
class Worker {
  readonly seen: string[] = [];
  constructor(readonly scheduler: Scheduler) {}

  /** Schedules on itself, as a model does: the payload is checked through `this` too. */
  start(): void {
    this.scheduler.schedule(10, this, TICK);
    // @ts-expect-error: DONE carries a Job.
    this.scheduler.schedule(20, this, DONE, 42);
  }

  handle(ev: Timer<WorkerTimers>): void {
    // Narrowing on the type gives the payload its type: no cast.
    if (ev.type === DONE) this.seen.push(`done ${ev.data.id} at ${this.scheduler.now}`);
    else this.seen.push(`tick at ${this.scheduler.now}`);
  }
}

describe('typed timers', () => {
  it('hands each timer its own payload, in time order', () => {
    const s = new Scheduler();
    const w = new Worker(s);
    s.schedule(20, w, DONE, { id: 7 });
    s.schedule(10, w, TICK);
    s.schedule(30, w, DONE, { id: 8 });
    s.runUntil(Infinity);
    expect(w.seen).toEqual(['tick at 10', 'done 7 at 20', 'done 8 at 30']);
  });

  it('does not compile a wrong payload, a missing one or an undeclared type (checked by tsc)', () => {
    const s = new Scheduler();
    const w = new Worker(s);
    w.start();
    // @ts-expect-error: DONE carries a Job, not a string.
    s.schedule(1, w, DONE, 'job');
    // @ts-expect-error: DONE needs its Job.
    s.schedule(1, w, DONE);
    // @ts-expect-error: the worker declares no timer 3.
    s.schedule(1, w, 3);
    // An untyped target (a link, the simulation) still takes anything.
    const raw = { handle: (ev: ScheduledEvent) => void ev };
    s.schedule(1, raw, 3, 'anything');
    expect(s.pending).toBe(6);
  });

  it('gives the handler the scheduled event itself: no object is made per event', () => {
    const s = new Scheduler();
    let got: unknown;
    const ev = s.schedule(5, { handle: (e: ScheduledEvent) => (got = e) }, 1, 'x');
    s.runUntil(5);
    expect(got).toBe(ev);
  });
});
