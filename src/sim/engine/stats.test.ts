import { describe, expect, it } from 'vitest';
import { Rng } from './rng';
import { LatencyHistogram, TimeWeighted } from './stats';

describe('LatencyHistogram', () => {
  it('reports percentiles within 1 % (or 0.01 ms) of the exact ones, from microseconds to days', () => {
    const rng = new Rng(11);
    const values: number[] = [];
    const h = new LatencyHistogram();
    for (let i = 0; i < 50_000; i++) {
      // Log-uniform from 0.05 ms to 3 days, so every range of buckets is exercised.
      const v = Math.exp(rng.uniform(Math.log(0.05), Math.log(3 * 86_400_000)));
      values.push(v);
      h.record(v);
    }
    values.sort((a, b) => a - b);
    for (const p of [1, 10, 50, 90, 95, 99, 99.9]) {
      const exact = values[Math.ceil((p / 100) * values.length) - 1]!;
      expect(Math.abs(h.percentile(p) - exact), `p${p}`).toBeLessThan(Math.max(0.01 * exact, 0.01));
    }
    expect(h.max).toBe(values[values.length - 1]);
    expect(h.mean()).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 6);
  });

  it('is empty-safe', () => {
    expect(new LatencyHistogram().summary()).toEqual({ count: 0, mean: 0, p50: 0, p95: 0, p99: 0, max: 0 });
  });
});

describe('TimeWeighted', () => {
  it('weights each value by how long it lasted', () => {
    const b = new TimeWeighted();
    b.set(0, 2); // 2 for 10 ms
    b.set(10, 6); // 6 for 30 ms
    b.set(40, 0);
    expect(b.mean(40)).toBe((2 * 10 + 6 * 30) / 40);
    expect(b.mean(80)).toBe((2 * 10 + 6 * 30) / 80);
    expect(b.max).toBe(6);
    expect(b.summary(80)).toEqual({ now: 0, max: 6, timeAvg: 2.5 });
  });
});
