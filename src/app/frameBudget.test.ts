import { describe, expect, it } from 'vitest';
import { FrameBudget, type Runnable } from './frameBudget';

/** An engine where every event costs `msPerEvent` of a fake wall clock. */
function fakeEngine(msPerEvent: number) {
  const clock = { now: 0 };
  const sim: Runnable & { t: number } = {
    events: 0,
    t: 0,
    runUntil(target, maxEvents = Infinity) {
      // One event per simulated ms.
      const want = Math.max(0, Math.floor(target - this.t));
      const run = Math.min(want, maxEvents);
      (this as { events: number }).events += run;
      this.t += run;
      clock.now += run * msPerEvent;
      if (run < want) return false;
      this.t = target;
      return true;
    },
  };
  return { sim, clock };
}

describe('the frame budget', () => {
  it('reaches the target when the engine is fast enough', () => {
    const { sim, clock } = fakeEngine(0.0001);
    const budget = new FrameBudget(4, () => clock.now);
    expect(budget.run(sim, 10_000)).toBe(true);
    expect(sim.t).toBe(10_000);
  });

  it('stops near the budget when the engine is too slow, and says it fell short', () => {
    const { sim, clock } = fakeEngine(0.01); // 100 events per ms
    const budget = new FrameBudget(4, () => clock.now);
    expect(budget.run(sim, 1_000_000)).toBe(false);
    expect(clock.now).toBeLessThan(4 + 2); // at most one chunk (about 1 ms once adapted) past the budget
    expect(sim.events).toBeGreaterThan(0);
  });

  it('sizes its chunks to about a millisecond of work', () => {
    const { sim, clock } = fakeEngine(0.001); // 1,000 events per ms
    const budget = new FrameBudget(4, () => clock.now);
    budget.run(sim, 1_000_000);
    expect(budget.chunk).toBeGreaterThan(500);
    expect(budget.chunk).toBeLessThan(2000);
  });
});
