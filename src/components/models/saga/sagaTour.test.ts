import { describe, expect, it } from 'vitest';
import { BUILTINS } from '../../../scenarios';
import { CATALOG } from '../../../sim/catalog';
import { Simulation } from '../../../sim/engine/simulation';
import type { SagaStats } from '../../../sim/models/saga/orchestrator';
import type { SagaParticipantStats } from '../../../sim/models/saga/participant';
import { walkTour } from '../../tour/tourMoment';

/** The saga-create-order tour, walked as a learner follows it: the figures its texts quote are these. */
describe('the saga-create-order tour teaches what its text says', () => {
  const s = BUILTINS.find((b) => b.id === 'saga-create-order')!;
  const marks = walkTour(s, s.tour!, s.seed, s.tour!.steps.length - 1);
  const at = (step: number) => {
    const sim = new Simulation(CATALOG, s, { seed: s.seed, recorded: marks[step - 1]!.recorded });
    sim.runUntil(marks[step - 1]!.t);
    return {
      o: sim.node('orchestrator').stats() as SagaStats,
      p: (id: string) => sim.node(id).stats() as SagaParticipantStats,
    };
  };

  it('one order completes; the next is refused at step 1 with nothing to undo, and not retried', () => {
    expect(at(2).o).toMatchObject({ completed: 1, compensated: 0 });
    const three = at(3);
    expect(three.o).toMatchObject({ completed: 1, compensated: 1, retries: 0 });
    expect(three.p('customers').refused).toBe(1);
    expect(three.p('stock').compensations).toBe(0);
  });

  it('a declined card at 7.5 s: step 2 is undone first; Customers down leaves the saga partially compensated, 6 orders waiting at step 1', () => {
    const four = at(4);
    expect(marks[3]!.t).toBeGreaterThan(7000);
    expect(marks[3]!.t).toBeLessThan(8000);
    expect(four.o.undoingStep).toEqual([0, 1, 0]);
    const five = at(5);
    expect(five.o.sagas[0]).toMatchObject({ phase: 'compensating', step: 1, undone: 1, toUndo: 2 });
    expect(five.o.atStep[0]).toBe(6);
    expect(five.p('stock').compensations).toBe(1);
    expect(five.p('customers').compensations).toBe(0);
  });

  it('by 33.5 s: 65 started, 53 completed, 12 compensated (7 + 5), none in flight; 4 transient 500s retried, not compensated', () => {
    const six = at(6);
    expect(Math.round(marks[5]!.t / 100) / 10).toBe(33.5);
    expect(six.o).toMatchObject({ started: 65, completed: 53, compensated: 12, inFlight: 0 });
    expect(six.p('customers').refused).toBe(7);
    expect(six.p('payments').refused).toBe(5);
    expect(six.p('payments').failed).toBe(4);
    expect(six.p('stock').compensations).toBe(5);
  });
});
