import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdTable } from './id-table';

describe('IdTable: values by integer id', () => {
  it('answers as a Map would through any sequence of sets, gets and deletes', () => {
    const op = fc.tuple(fc.constantFrom('set', 'get', 'delete'), fc.oneof(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 2 ** 40 })));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const t = new IdTable<number>();
        const m = new Map<number, number>();
        ops.forEach(([what, id], step) => {
          if (what === 'set') {
            t.set(id, step);
            m.set(id, step);
          } else if (what === 'delete') {
            expect(t.delete(id)).toBe(m.delete(id));
          }
          expect(t.get(id)).toBe(m.get(id));
          expect(t.size).toBe(m.size);
        });
        for (const [id, v] of m) expect(t.get(id)).toBe(v);
      }),
      { seed: 20261130 },
    );
  });

  it('keeps requests in flight while ids only grow, as a caller sees them', () => {
    const t = new IdTable<string>();
    for (let id = 1; id <= 100_000; id++) {
      t.set(id, `call ${id}`);
      if (id > 20) expect(t.delete(id - 20)).toBe(true);
    }
    expect(t.size).toBe(20);
    expect(t.get(99_990)).toBe('call 99990');
    expect(t.get(99_980)).toBeUndefined();
  });
});
