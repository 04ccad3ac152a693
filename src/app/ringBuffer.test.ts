import { describe, expect, it } from 'vitest';
import { NumberRing, RingBuffer } from './ringBuffer';

describe('RingBuffer', () => {
  it('keeps everything while under capacity, oldest first', () => {
    const ring = new RingBuffer<string>(3);
    ring.push('a');
    ring.push('b');
    expect(ring.toArray()).toEqual(['a', 'b']);
    expect(ring.dropped).toBe(0);
    expect(ring.last()).toBe('b');
  });

  it('keeps the last 5,000 of 12,345 entries and says 7,345 were dropped', () => {
    const ring = new RingBuffer<number>(5000);
    for (let i = 1; i <= 12_345; i++) ring.push(i);
    expect(ring.length).toBe(5000);
    expect(ring.dropped).toBe(7345);
    expect(ring.get(0)).toBe(7346);
    expect(ring.get(4999)).toBe(12_345);
    expect(ring.get(5000)).toBeUndefined();
    expect(ring.get(-1)).toBeUndefined();
  });

  it('matches a plain array that keeps its tail, for any capacity and count', () => {
    for (let cap = 1; cap <= 7; cap++) {
      for (let n = 0; n <= 20; n++) {
        const ring = new RingBuffer<number>(cap);
        const oracle: number[] = [];
        for (let i = 0; i < n; i++) {
          ring.push(i);
          oracle.push(i);
        }
        expect(ring.toArray()).toEqual(oracle.slice(-cap));
        expect(ring.dropped).toBe(Math.max(0, n - cap));
      }
    }
  });

  it('forgets everything on clear', () => {
    const ring = new RingBuffer<number>(2);
    for (let i = 0; i < 5; i++) ring.push(i);
    ring.clear();
    expect(ring.length).toBe(0);
    expect(ring.dropped).toBe(0);
    ring.push(9);
    expect(ring.toArray()).toEqual([9]);
  });

  it('refuses a capacity below one', () => {
    expect(() => new RingBuffer(0)).toThrow(/at least 1/);
  });
});

describe('NumberRing', () => {
  it('keeps the newest values and copies them out with gaps as null', () => {
    const ring = new NumberRing(3);
    [1, NaN, 3, 4].forEach((v) => ring.push(v));
    expect(ring.copyTo([])).toEqual([null, 3, 4]);
    expect(ring.get(3)).toBeNaN();
  });
});
