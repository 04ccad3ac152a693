import { describe, expect, it } from 'vitest';
import { BUILTINS } from '../../scenarios';
import { CATALOG } from '../../sim/catalog';
import { Simulation } from '../../sim/engine/simulation';
import { MOMENT_HORIZON_MS, actionFor, momentFrom, readStat, satisfies, walkTour } from './tourMoment';

describe('built-in tours', () => {
  const toured = BUILTINS.filter((s) => s.tour);
  it('every built-in carries a tour of 5 to 10 steps', () => {
    expect(toured.map((s) => s.id)).toEqual(BUILTINS.map((s) => s.id));
    for (const s of toured) {
      expect(s.tour!.steps.length, s.id).toBeGreaterThanOrEqual(5);
      expect(s.tour!.steps.length, s.id).toBeLessThanOrEqual(10);
    }
  });

  it.each(toured.map((s) => [s.id, s] as const))('%s: followed as written, every step has a moment, never going back in time', (_, s) => {
    const marks = walkTour(s, s.tour!, s.seed, s.tour!.steps.length - 1);
    expect(marks).toHaveLength(s.tour!.steps.length);
    for (let i = 1; i < marks.length; i++) expect(marks[i]!.t).toBeGreaterThanOrEqual(marks[i - 1]!.t);
    // Each awaited action is taken once, at its step's moment, and each of the tour's own actions once.
    const waits = s.tour!.steps.slice(0, -1).filter((st) => st.waitFor).length;
    const applied = s.tour!.steps.reduce((n, st) => n + (st.apply?.length ?? 0), 0);
    expect(marks.at(-1)!.recorded).toHaveLength(waits + applied);
  });

  it.each(toured.map((s) => [s.id, s] as const))('%s: every condition a step runs to happens within the scenario, and every text is in both languages', (_, s) => {
    const marks = walkTour(s, s.tour!, s.seed, s.tour!.steps.length - 1);
    s.tour!.steps.forEach((step, i) => {
      const at = `step ${i + 1}`;
      for (const text of [step.title, step.text]) {
        expect(typeof text === 'object' && text.en.trim() !== '' && text.es.trim() !== '' && text.en !== text.es, at).toBe(true);
      }
      const run = step.run;
      if (!run || (run.until !== 'stat' && run.until !== 'event')) return;
      expect(marks[i]!.t, at).toBeLessThanOrEqual(s.durationMs);
      // Not the horizon a step gives up at: the condition itself was met.
      expect(marks[i]!.t, at).toBeLessThan((marks[i - 1]?.t ?? 0) + MOMENT_HORIZON_MS);
      const sim = new Simulation(CATALOG, s, { seed: s.seed, recorded: marks[i]!.recorded });
      sim.runUntil(marks[i]!.t);
      if (run.until === 'stat') expect(readStat(sim.node(run.node).stats(), run.stat), at).toBeGreaterThan(run.above);
    });
  });

  it.each(toured.map((s) => [s.id, s] as const))('%s: Next finds each moment where a walk from the start does', (_, s) => {
    const marks = walkTour(s, s.tour!, s.seed, s.tour!.steps.length - 1);
    s.tour!.steps.forEach((step, i) => {
      if (i === 0 || !step.run) return;
      expect(momentFrom(s, s.seed, marks[i]!.recorded, step.run, marks[i - 1]!.t), `step ${i + 1}`).toBe(marks[i]!.t);
    });
  });
});

describe('a step that waits for one setting set to one value', () => {
  const lb = BUILTINS.find((s) => s.id === 'rest-load-balancer')!;
  const wait = { do: 'configure', node: 'lb', field: 'policy', value: 'round-robin' } as const;
  it('is satisfied by that value only, and "do it for me" sets it', () => {
    expect(satisfies({ do: 'configure', node: 'lb', patch: { policy: 'round-robin' } }, wait)).toBe(true);
    expect(satisfies({ do: 'configure', node: 'lb', patch: { policy: 'power-of-two' } }, wait)).toBe(false);
    expect(satisfies({ do: 'configure', node: 'lb', patch: { timeoutMs: 100 } }, wait)).toBe(false);
    expect(satisfies({ do: 'configure', node: 'orders-1', patch: { policy: 'round-robin' } }, wait)).toBe(false);
    expect(actionFor(wait, lb)).toEqual({ do: 'configure', node: 'lb', patch: { policy: 'round-robin' } });
  });
});
