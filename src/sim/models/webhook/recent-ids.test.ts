import { describe, expect, it } from 'vitest';
import { Rng } from '../../engine/rng';
import { RecentIds } from './recent-ids';

describe("a receiver's memory of processed delivery ids", () => {
  it('remembers exactly the last N distinct ids, checked against a plain list on random traffic', () => {
    for (const capacity of [1, 2, 3, 7, 64, 500]) {
      const r = new Rng(capacity);
      const memory = new RecentIds(capacity);
      const oracle: string[] = [];
      for (let n = 0; n < 5000; n++) {
        // Mostly fresh ids, sometimes a recent one again (a retry), sometimes a long-gone one.
        const id = `msg_${r.next() < 0.6 ? n : Math.max(0, n - r.int(2 * capacity + 3))}`;
        if (r.next() < 0.3) {
          expect(memory.has(id)).toBe(oracle.includes(id));
          continue;
        }
        const had = memory.add(id);
        expect(had).toBe(oracle.includes(id));
        if (!had) {
          oracle.push(id);
          if (oracle.length > capacity) oracle.shift();
        }
        expect(memory.size).toBe(oracle.length);
      }
      for (const id of oracle) expect(memory.has(id)).toBe(true);
    }
  });
});
