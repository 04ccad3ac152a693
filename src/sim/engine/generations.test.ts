import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Generations } from './generations';

describe('Generations: a bounded map that forgets its oldest entries', () => {
  it('never holds more than its bound, and always keeps at least the newest half', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 64 }), fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 500 }), (max, keys) => {
        const g = new Generations<number, number>(max);
        keys.forEach((k, i) => g.set(k, i));
        expect(g.size).toBeLessThanOrEqual(max);
        // The newest max/2 distinct keys are all still there, with their latest value.
        const newest = new Map<number, number>();
        for (let i = keys.length - 1; i >= 0 && newest.size < Math.floor(max / 2); i--) if (!newest.has(keys[i]!)) newest.set(keys[i]!, i);
        for (const [k, i] of newest) expect(g.get(k)).toBe(i);
      }),
      { seed: 20261130 },
    );
  });

  it('a deleted key is gone from both generations', () => {
    const g = new Generations<string, number>(4);
    g.set('a', 1);
    g.set('b', 2); // fills the current half: a and b become the previous generation
    g.set('a', 3);
    g.delete('a');
    expect(g.get('a')).toBeUndefined();
    expect(g.get('b')).toBe(2);
  });

  it('keeps a million keys bounded (a ten-hour REST run executes about that many operations)', () => {
    const g = new Generations<number, number>(1000);
    for (let i = 0; i < 1_000_000; i++) g.set(i, i);
    expect(g.size).toBeLessThanOrEqual(1000);
    expect(g.get(999_999)).toBe(999_999);
    expect(g.get(0)).toBeUndefined();
  });
});
