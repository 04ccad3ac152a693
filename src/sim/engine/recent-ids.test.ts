import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecentIds } from './recent-ids';

describe('RecentIds: which recent ids were seen, in bounded memory', () => {
  it('answers as a set would for every id within the window behind the newest', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 600 }), (ids) => {
        const r = new RecentIds(64);
        const seen = new Set<number>();
        let top = -1;
        for (const id of ids) {
          const expected = id > top - 64 ? seen.has(id) : false;
          expect(r.mark(id)).toBe(expected);
          if (id > top - 64) seen.add(id);
          top = Math.max(top, id);
        }
      }),
      { seed: 20261130 },
    );
  });

  it('forgets ids once they fall a window behind, even after a jump far ahead', () => {
    const r = new RecentIds(32);
    expect(r.mark(5)).toBe(false);
    expect(r.mark(5)).toBe(true);
    expect(r.mark(36)).toBe(false); // 5 is still 31 behind: remembered
    expect(r.mark(5)).toBe(true);
    expect(r.mark(37)).toBe(false); // 37 shares 5's slot: 5 is forgotten, 37 is new
    expect(r.mark(5)).toBe(false);
    expect(r.mark(1_000_000)).toBe(false);
    expect(r.mark(37)).toBe(false);
    expect(r.mark(1_000_000)).toBe(true);
  });
});
