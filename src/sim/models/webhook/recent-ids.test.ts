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
        const k = r.next() < 0.6 ? n : Math.max(0, n - r.int(2 * capacity + 3));
        // The senders' form, kept as a number, and others kept as strings (a forger's, a zero-padded one).
        const form = r.int(4);
        const id = form < 2 ? `msg_${k}` : form === 2 ? `evt_${k}` : `msg_0${k}`;
        checkAgainstOracle(memory, oracle, capacity, id, r.next() < 0.3);
        expect(memory.size).toBe(oracle.length);
      }
      for (const id of oracle) expect(memory.has(id)).toBe(true);
    }
  });

  it('stays exact when many remembered ids are a power of two apart (they compete for one place)', () => {
    for (const stride of [1, 3, 1024, 65_536, 2 ** 40]) {
      for (const capacity of [1, 5, 64, 300]) {
        const r = new Rng(stride + capacity);
        const memory = new RecentIds(capacity);
        const oracle: string[] = [];
        for (let n = 0; n < 3000; n++) {
          const k = r.next() < 0.7 ? n : Math.max(0, n - r.int(2 * capacity + 3));
          const id = r.next() < 0.1 ? `evt_${k}` : `msg_${k * stride + (r.next() < 0.2 ? 1 : 0)}`;
          checkAgainstOracle(memory, oracle, capacity, id, r.next() < 0.3);
        }
        for (const id of oracle) expect(memory.has(id)).toBe(true);
        expect(memory.size).toBe(oracle.length);
      }
    }
  });

  it('tells apart ids that only look alike: padded, signed, non-digit, longer than a double holds', () => {
    const memory = new RecentIds(16);
    memory.add('msg_7');
    for (const other of ['msg_07', 'msg_+7', 'msg_7.0', 'msg_', 'MSG_7', 'msg_7 ', 'msg_70']) expect(memory.has(other)).toBe(false);
    expect(memory.has('msg_7')).toBe(true);
    memory.add('msg_1234567890123456789');
    expect(memory.has('msg_1234567890123456788')).toBe(false);
    expect(memory.has('msg_1234567890123456789')).toBe(true);
    memory.add('msg_999999999999999');
    expect(memory.has('msg_999999999999998')).toBe(false);
    expect(memory.has('msg_999999999999999')).toBe(true);
  });
});

/**
 * One step against a plain list of the last `capacity` ids: with `lookOnly`, has() must agree
 * with the list; otherwise add() must say whether the list had it, and the list remembers it.
 */
function checkAgainstOracle(memory: RecentIds, oracle: string[], capacity: number, id: string, lookOnly: boolean): void {
  if (lookOnly) {
    expect(memory.has(id)).toBe(oracle.includes(id));
    return;
  }
  const had = memory.add(id);
  expect(had).toBe(oracle.includes(id));
  if (!had) {
    oracle.push(id);
    if (oracle.length > capacity) oracle.shift();
  }
}
