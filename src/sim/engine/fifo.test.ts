import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Fifo } from './fifo';

type Op = { op: 'push' | 'unshift'; v: number } | { op: 'shift' | 'clear' } | { op: 'removeOne' | 'peekAt'; i: number };

const ops = fc.array(
  fc.oneof(
    fc.record({ op: fc.constantFrom('push' as const, 'unshift' as const), v: fc.integer() }),
    fc.record({ op: fc.constantFrom('shift' as const, 'clear' as const) }),
    fc.record({ op: fc.constantFrom('removeOne' as const, 'peekAt' as const), i: fc.integer({ min: -40, max: 40 }) }),
  ),
  // Past RENEW_EVERY additions (young.ts), so the ring is also renewed on the way.
  { maxLength: 1000 },
);

describe('Fifo', () => {
  it('behaves as an array used as a queue from both ends, across growth and wrap-around', () => {
    fc.assert(
      fc.property(ops, (list: Op[]) => {
        const q = new Fifo<number>();
        let model: number[] = [];
        for (const o of list) {
          if (o.op === 'push') expect(q.push(o.v)).toBe(model.push(o.v));
          else if (o.op === 'unshift') expect(q.unshift(o.v)).toBe(model.unshift(o.v));
          else if (o.op === 'shift') expect(q.shift()).toBe(model.shift());
          else if (o.op === 'clear') {
            q.clear();
            model = [];
          } else if (o.op === 'removeOne' || o.op === 'peekAt') {
            const i = o.i < 0 ? o.i + model.length : o.i;
            const expected = i >= 0 && i < model.length ? model[i] : undefined;
            if (o.op === 'peekAt') expect(q.peekAt(o.i)).toBe(expected);
            else {
              expect(q.removeOne(o.i)).toBe(expected);
              if (expected !== undefined) model.splice(i, 1);
            }
          }
          expect(q.length).toBe(model.length);
          expect(q.peekFront()).toBe(model[0]);
          expect(q.peekBack()).toBe(model[model.length - 1]);
        }
        expect(q.toArray()).toEqual(model);
      }),
      { seed: 13, numRuns: 300 },
    );
  });
});
