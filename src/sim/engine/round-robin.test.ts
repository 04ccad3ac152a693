import { describe, expect, it } from 'vitest';
import { RoundRobin } from './round-robin';

describe('round robin with room', () => {
  it('takes turns, skips a consumer without room, and resumes after the last one picked', () => {
    const rr = new RoundRobin();
    const room = [true, false, true];
    const picks = Array.from({ length: 4 }, () => rr.pick(3, (k) => room[k]!));
    expect(picks).toEqual([0, 2, 0, 2]);
  });

  it('answers -1 when nobody has room, and starts over when the list shrinks', () => {
    const rr = new RoundRobin();
    expect(rr.pick(2, () => false)).toBe(-1);
    rr.pick(4, (k) => k === 3);
    rr.clamp(2);
    expect(rr.pick(2, () => true)).toBe(0);
  });
});
