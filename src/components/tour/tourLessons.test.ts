import { describe, expect, it } from 'vitest';
import { BUILTINS } from '../../scenarios';
import { CATALOG } from '../../sim/catalog';
import type { Scenario } from '../../sim/engine/scenario';
import { Simulation } from '../../sim/engine/simulation';
import { readStat, walkTour, type StepMark } from './tourMoment';

/**
 * The tours of the three newest built-ins say what the learner will see at each step; these
 * check it on the run the tour walks (its moments, its own actions and the awaited ones), so a
 * change in a model that makes a step's text wrong fails here.
 */
function walked(id: string): { s: Scenario; marks: StepMark[]; at: (step: number, node: string, stat: string) => number } {
  const s = BUILTINS.find((b) => b.id === id)!;
  const marks = walkTour(s, s.tour!, s.seed, s.tour!.steps.length - 1);
  const at = (step: number, node: string, stat: string) => {
    const sim = new Simulation(CATALOG, s, { seed: s.seed, recorded: marks[step - 1]!.recorded });
    sim.runUntil(marks[step - 1]!.t);
    return readStat(sim.node(node).stats(), stat);
  };
  return { s, marks, at };
}

describe('the tours teach what their text says', () => {
  it('kafka-poison-record: the lag grows behind a stuck offset, a restart does not move it, the dead-letter topic does', () => {
    const { at } = walked('kafka-poison-record');
    const lag = (step: number) => at(step, 'payments', 'groups.payments.totalLag.now');
    expect(lag(3)).toBeGreaterThan(80); // "passes 80 by 28 s"
    // Both partitions stuck: nothing processed from step 4 (33 s) to step 5 (39 s), restart included.
    expect(at(5, 'payment-worker', 'processed')).toBe(at(4, 'payment-worker', 'processed'));
    expect(lag(5)).toBeGreaterThan(160);
    expect(at(6, 'payments', 'groups.payments.deadLettered')).toBe(2); // "both bad records leave at once"
    expect(lag(7)).toBeLessThan(10); // "back near zero by 55 s"
    expect(at(8, 'ops', 'processed')).toBeGreaterThan(2);
  });

  it('rest-load-balancer: least outstanding spares the slow replica, round robin queues on it, power of two drains it, the dead one is ejected', () => {
    const { s, marks, at } = walked('rest-load-balancer');
    const replicas = (step: number) => {
      const sim = new Simulation(CATALOG, s, { seed: s.seed, recorded: marks[step - 1]!.recorded });
      sim.runUntil(marks[step - 1]!.t);
      return (sim.node('lb').stats() as unknown as { replicas: Record<string, { sent: number; outstanding: number; ejected: boolean }> }).replicas;
    };
    const before = new Simulation(CATALOG, s, { seed: s.seed });
    before.runUntil(15_000); // the slowdown
    const r15 = (before.node('lb').stats() as unknown as { replicas: Record<string, { sent: number }> }).replicas;
    const r20 = replicas(2);
    const got = (r: string) => r20[r]!.sent - r15[r]!.sent;
    expect(got('orders-2')).toBeLessThan(got('orders-1') / 3); // 15-20 s: about 30 against about 120
    expect(at(4, 'orders-2', 'waiting')).toBeGreaterThan(20); // round robin: its line grows
    expect(at(5, 'orders-2', 'waiting')).toBe(0); // power of two: gone
    expect(replicas(6)['orders-3']!.ejected).toBe(true);
    expect(at(6, 'storefront', 'callsFailed')).toBe(0);
  });

  it('rest-idempotency: the plain lane charges twice, the keyed lane never; 409 while running; keys stop the double charges', () => {
    const { s, marks, at } = walked('rest-idempotency');
    const twice = (step: number, node: string) => at(step, node, 'duplicateExecutions');
    for (let step = 1; step <= marks.length; step++) expect(twice(step, 'payments-keys'), `step ${step}`).toBe(0);
    expect(twice(2, 'payments-plain')).toBe(1);
    const share = twice(4, 'payments-plain') / at(4, 'checkout-plain', 'callsSucceeded');
    expect(share).toBeGreaterThan(0.03); // "about 4.5 %", against 0.95 × 0.05 ≈ 4.8 %
    expect(share).toBeLessThan(0.06);
    expect(at(5, 'payments-keys', 'keyConflicts')).toBeGreaterThan(5);
    // With keys on, the upper lane's count stops once what was queued has drained.
    const sim = new Simulation(CATALOG, s, { seed: s.seed, recorded: marks.at(-1)!.recorded });
    sim.runUntil(marks.at(-1)!.t);
    const settled = readStat(sim.node('payments-plain').stats(), 'duplicateExecutions');
    sim.runUntil(s.durationMs);
    expect(readStat(sim.node('payments-plain').stats(), 'duplicateExecutions')).toBe(settled);
    expect(readStat(sim.node('payments-plain').stats(), 'replayed')).toBeGreaterThan(0);
  });
});
