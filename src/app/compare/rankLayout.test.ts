import { describe, expect, it } from 'vitest';
import { rankLayout } from './rankLayout';

describe('rankLayout', () => {
  it('ranks along the flow and keeps siblings in file order', () => {
    const { placed, ranks, rows } = rankLayout(
      ['p', 'x', 'q1', 'q2', 's1', 's2'],
      [
        { from: 'p', to: 'x' },
        { from: 'x', to: 'q1' },
        { from: 'x', to: 'q2' },
        { from: 'q1', to: 's1' },
        { from: 'q2', to: 's2' },
      ],
    );
    expect(placed.map((n) => `${n.id}:${n.rank}.${n.row}`)).toEqual(['p:0.0', 'x:1.0', 'q1:2.0', 'q2:2.1', 's1:3.0', 's2:3.1']);
    expect([ranks, rows]).toEqual([4, 2]);
  });

  it('ends on a cycle instead of looping', () => {
    const { ranks } = rankLayout(['a', 'b'], [{ from: 'a', to: 'b' }, { from: 'b', to: 'a' }]);
    expect(ranks).toBeLessThanOrEqual(2);
  });
});
