import { describe, expect, it } from 'vitest';
import { BUILTINS } from '../../scenarios';
import { momentFrom, walkTour } from './tourMoment';

describe('built-in tours', () => {
  const toured = BUILTINS.filter((s) => s.tour);
  it('most built-ins carry a tour of 5 to 10 steps', () => {
    expect(toured.length).toBeGreaterThanOrEqual(1);
    for (const s of toured) {
      expect(s.tour!.steps.length, s.id).toBeGreaterThanOrEqual(5);
      expect(s.tour!.steps.length, s.id).toBeLessThanOrEqual(10);
    }
  });

  it.each(toured.map((s) => [s.id, s] as const))('%s: followed as written, every step has a moment, never going back in time', (_, s) => {
    const marks = walkTour(s, s.tour!, s.seed, s.tour!.steps.length - 1);
    expect(marks).toHaveLength(s.tour!.steps.length);
    for (let i = 1; i < marks.length; i++) expect(marks[i]!.t).toBeGreaterThanOrEqual(marks[i - 1]!.t);
    // Each awaited action is taken once, at its step's moment.
    const waits = s.tour!.steps.slice(0, -1).filter((st) => st.waitFor).length;
    expect(marks.at(-1)!.recorded).toHaveLength(waits);
  });

  it.each(toured.map((s) => [s.id, s] as const))('%s: Next finds each moment where a walk from the start does', (_, s) => {
    const marks = walkTour(s, s.tour!, s.seed, s.tour!.steps.length - 1);
    s.tour!.steps.forEach((step, i) => {
      if (i === 0 || !step.run) return;
      expect(momentFrom(s, s.seed, marks[i]!.recorded, step.run, marks[i - 1]!.t), `step ${i + 1}`).toBe(marks[i]!.t);
    });
  });
});
