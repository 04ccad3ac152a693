import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SlotSet } from './slot-set';

describe('SlotSet', () => {
  it('holds what a Set would after any adds, deletes and drains', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('add', 'delete', 'drain'), fc.integer({ min: 0, max: 9 })), { maxLength: 800 }) /* past RENEW_EVERY adds (young.ts) */, (ops) => {
        const items = Array.from({ length: 10 }, () => ({ slot: -1 }));
        const set = new SlotSet<{ slot: number }>();
        const model = new Set<{ slot: number }>();
        for (const [op, k] of ops) {
          const item = items[k]!;
          if (op === 'add') {
            set.add(item);
            model.add(item);
          } else if (op === 'delete') {
            expect(set.delete(item)).toBe(model.delete(item));
          } else {
            expect(new Set(set.drain())).toEqual(model);
            model.clear();
          }
          expect(set.size).toBe(model.size);
          for (const it of items) expect(set.has(it)).toBe(model.has(it));
          expect(new Set(set)).toEqual(model);
        }
      }),
      { seed: 13, numRuns: 200 },
    );
  });
});
