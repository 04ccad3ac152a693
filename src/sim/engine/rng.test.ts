import { describe, expect, it } from 'vitest';
import { meanOf, sampler, type Dist } from './distributions';
import { Rng, streamRng } from './rng';

function moments(draw: () => number, n: number): { mean: number; sd: number; min: number } {
  let sum = 0;
  let sq = 0;
  let min = Infinity;
  for (let i = 0; i < n; i++) {
    const x = draw();
    sum += x;
    sq += x * x;
    if (x < min) min = x;
  }
  const mean = sum / n;
  return { mean, sd: Math.sqrt(sq / n - mean * mean), min };
}

describe('Rng (xoshiro128**)', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const sa = Array.from({ length: 20 }, () => a.nextU32());
    const sb = Array.from({ length: 20 }, () => b.nextU32());
    const sc = Array.from({ length: 20 }, () => c.nextU32());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
  });

  it('draws uniform floats in [0, 1) with mean 1/2 and variance 1/12', () => {
    const rng = new Rng(7);
    const n = 200_000;
    const { mean, sd } = moments(() => rng.next(), n);
    // Standard error of the mean is sqrt(1/12/n) ≈ 0.00065; allow 5 of them.
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(sd).toBeCloseTo(Math.sqrt(1 / 12), 2);
  });

  it('gives independent streams per name, so adding a node does not change the others', () => {
    const a1 = streamRng(1, 'node:a');
    const a2 = streamRng(1, 'node:a');
    const b = streamRng(1, 'node:b');
    expect(a1.next()).toBe(a2.next());
    expect(streamRng(1, 'node:a').next()).not.toBe(b.next());
  });
});

describe('distributions', () => {
  const n = 200_000;
  const cases: [string, Dist, number][] = [
    // [name, dist, the standard deviation theory gives]
    ['constant', { dist: 'constant', ms: 25 }, 0],
    ['uniform', { dist: 'uniform', minMs: 10, maxMs: 30 }, 20 / Math.sqrt(12)],
    ['exponential', { dist: 'exponential', meanMs: 100 }, 100],
    ['normal', { dist: 'normal', meanMs: 200, sdMs: 20 }, 20],
    ['lognormal', { dist: 'lognormal', meanMs: 250, sdMs: 120 }, 120],
  ];
  for (const [name, dist, sd] of cases) {
    it(`${name} service times have the mean and spread the scenario asks for`, () => {
      const m = moments(sampler(dist, new Rng(3)), n);
      const se = sd / Math.sqrt(n);
      expect(Math.abs(m.mean - meanOf(dist))).toBeLessThanOrEqual(5 * se + 1e-9);
      expect(m.sd).toBeCloseTo(sd, sd > 50 ? -1 : 0);
      expect(m.min).toBeGreaterThanOrEqual(0);
    });
  }

  it('a normal service time is never negative, even with a wide spread', () => {
    const m = moments(sampler({ dist: 'normal', meanMs: 10, sdMs: 50 }, new Rng(5)), 10_000);
    expect(m.min).toBe(0);
  });
});
