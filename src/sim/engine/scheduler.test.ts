import { describe, expect, it } from 'vitest';
import { Scheduler, type EventTarget } from './scheduler';

function recorder(log: string[]): (name: string) => EventTarget {
  return (name) => ({ handle: (type) => log.push(`${name}:${type}`) });
}

describe('Scheduler', () => {
  it('runs events in time order whatever order they were scheduled in', () => {
    const log: string[] = [];
    const s = new Scheduler();
    const t = recorder(log);
    s.schedule(30, t('c'), 1);
    s.schedule(10, t('a'), 1);
    s.schedule(20, t('b'), 1);
    s.runUntil(100);
    expect(log).toEqual(['a:1', 'b:1', 'c:1']);
  });

  it('breaks ties at the same instant by priority, then by the order they were scheduled', () => {
    const log: string[] = [];
    const s = new Scheduler();
    const t = recorder(log);
    s.schedule(5, t('late'), 1, undefined, 1);
    s.schedule(5, t('first'), 1);
    s.schedule(5, t('second'), 1);
    s.schedule(5, t('urgent'), 1, undefined, -1);
    s.runUntil(5);
    expect(log).toEqual(['urgent:1', 'first:1', 'second:1', 'late:1']);
  });

  it('step() runs exactly one event and moves the clock to it', () => {
    const log: string[] = [];
    const s = new Scheduler();
    const t = recorder(log);
    s.schedule(7, t('a'), 1);
    s.schedule(9, t('b'), 1);
    expect(s.step()?.time).toBe(7);
    expect(log).toEqual(['a:1']);
    expect(s.now).toBe(7);
    expect(s.executed).toBe(1);
    expect(s.pending).toBe(1);
  });

  it('skips cancelled events and does not count them as run', () => {
    const log: string[] = [];
    const s = new Scheduler();
    const t = recorder(log);
    const ev = s.schedule(1, t('cancelled'), 1);
    s.schedule(2, t('kept'), 1);
    s.cancel(ev);
    s.cancel(ev);
    expect(s.pending).toBe(1);
    s.runUntil(10);
    expect(log).toEqual(['kept:1']);
    expect(s.executed).toBe(1);
  });

  it('cancelling an event that has already run changes nothing', () => {
    const s = new Scheduler();
    const ran = s.schedule(1, { handle: () => {} }, 1);
    s.schedule(2, { handle: () => {} }, 1);
    s.step();
    s.cancel(ran);
    expect(s.pending).toBe(1);
    expect(s.step()?.time).toBe(2);
  });

  it('runUntil leaves later events pending and sets the clock to the target time', () => {
    const s = new Scheduler();
    s.schedule(50, { handle: () => {} }, 1);
    s.runUntil(20);
    expect(s.now).toBe(20);
    expect(s.pending).toBe(1);
    expect(s.peekTime()).toBe(50);
  });

  it('an event scheduled from inside an event at delay 0 runs at the same instant, after it', () => {
    const s = new Scheduler();
    const times: number[] = [];
    const target: EventTarget = {
      handle: (type) => {
        times.push(s.now);
        if (type === 1) s.schedule(0, target, 2);
      },
    };
    s.schedule(3, target, 1);
    s.runUntil(3);
    expect(times).toEqual([3, 3]);
  });

  it('refuses to schedule into the past', () => {
    const s = new Scheduler();
    expect(() => s.schedule(-1, { handle: () => {} }, 1)).toThrow(RangeError);
    expect(() => s.schedule(Number.NaN, { handle: () => {} }, 1)).toThrow(RangeError);
  });

  it('keeps heap order over many random insertions (checked against a sort)', () => {
    const s = new Scheduler();
    const seen: number[] = [];
    const target: EventTarget = { handle: () => seen.push(s.now) };
    let x = 12345;
    const delays: number[] = [];
    for (let i = 0; i < 2000; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      const d = x % 1000;
      delays.push(d);
      s.schedule(d, target, 1);
    }
    s.runUntil(Infinity);
    expect(seen).toEqual([...delays].sort((a, b) => a - b));
  });
});
