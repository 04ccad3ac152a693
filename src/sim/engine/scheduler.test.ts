import { describe, expect, it } from 'vitest';
import { Scheduler, type EventTarget } from './scheduler';

function recorder(log: string[]): (name: string) => EventTarget {
  return (name) => ({ handle: (ev) => log.push(`${name}:${ev.type}`) });
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
      handle: ({ type }) => {
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

  it('runs the same events in the same order when most pending events are cancelled, as timeouts are (the heap compacts)', () => {
    // Like REST calls: each schedules a timeout that its response cancels, from inside running events.
    const s = new Scheduler();
    const ran: string[] = [];
    let x = 99;
    const rand = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const all: [number, number, string][] = [];
    const cancelled = new Set<string>();
    const pending = new Map<string, ReturnType<Scheduler['schedule']>>();
    const timeout: EventTarget = {
      handle: ({ data }) => {
        ran.push(`timeout ${String(data)}`);
        pending.delete(String(data));
      },
    };
    const call: EventTarget = {
      handle: ({ data }) => {
        ran.push(`call ${String(data)}`);
        const id = String(data);
        // This call's timeout, and a response that cancels an earlier call's timeout 9 times in 10.
        const delay = 100 + Math.floor(rand() * 50);
        all.push([s.now + delay, all.length, `timeout ${id}`]);
        pending.set(id, s.schedule(delay, timeout, 2, id));
        const victim = [...pending.keys()][Math.floor(rand() * pending.size)]!;
        if (rand() < 0.9) {
          s.cancel(pending.get(victim)!);
          pending.delete(victim);
          cancelled.add(`timeout ${victim}`);
        }
      },
    };
    for (let i = 0; i < 3000; i++) s.schedule(i * 0.5 + Math.floor(rand() * 3), call, 1, i);
    s.runUntil(Infinity);
    // Expected: every call, and every timeout not cancelled before it ran, in (time, scheduling order).
    expect(ran.filter((r) => r.startsWith('call'))).toHaveLength(3000);
    const expected = all.filter((e) => !cancelled.has(e[2])).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(cancelled.size).toBeGreaterThan(2000);
    expect(ran.filter((r) => r.startsWith('timeout'))).toEqual(expected.map((e) => e[2]));
    expect(s.pending).toBe(0);
  });
  it('runs events due days ahead in the same order as the rest (they wait outside the heap), through cancels, ties and every way of running', () => {
    // A reference: every pending event in a list, the least (time, priority, seq) run first.
    let x = 7;
    const rand = (n: number) => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) % n;
    const run = (mode: 'runUntil' | 'runWithin' | 'step'): number[] => {
      x = 7;
      const s = new Scheduler();
      const ran: number[] = [];
      const pending: ReturnType<Scheduler['schedule']>[] = [];
      let next = 0;
      const target: EventTarget = {
        handle: (ev) => {
          ran.push(ev.data as number);
          for (let k = rand(3); k > 0; k--) add(s);
          if (rand(4) === 0 && pending.length > 0) s.cancel(pending[rand(pending.length)]!);
        },
      };
      // Whole seconds, so that many fall at the same instant; a third of them days ahead.
      const add = (sch: Scheduler) => {
        const delay = rand(3) === 0 ? 86_400_000 + 1000 * rand(50) : 1000 * rand(120);
        pending.push(sch.schedule(delay, target, 1, next++, rand(2)));
      };
      for (let i = 0; i < 50; i++) add(s);
      if (mode === 'runUntil') s.runUntil(40 * 86_400_000);
      else if (mode === 'runWithin') for (let t = 0; t < 40 * 86_400_000; t += 3_600_000) s.runWithin(t, Infinity);
      else while (s.peekTime() <= 40 * 86_400_000 && ran.length < 20_000) s.step();
      return ran;
    };
    const reference = (): number[] => {
      x = 7;
      type Ev = { time: number; priority: number; seq: number; id: number; cancelled: boolean };
      const list: Ev[] = [];
      const ran: number[] = [];
      let next = 0;
      let seq = 0;
      let now = 0;
      const add = () => {
        const delay = rand(3) === 0 ? 86_400_000 + 1000 * rand(50) : 1000 * rand(120);
        list.push({ time: now + delay, id: next++, priority: 0, seq: seq++, cancelled: false });
        list[list.length - 1]!.priority = rand(2);
      };
      const all: Ev[] = [];
      const push = () => {
        add();
        all.push(list[list.length - 1]!);
      };
      for (let i = 0; i < 50; i++) push();
      for (;;) {
        const live = list.filter((e) => !e.cancelled);
        if (live.length === 0) break;
        live.sort((a, b) => a.time - b.time || a.priority - b.priority || a.seq - b.seq);
        const ev = live[0]!;
        if (ev.time > 40 * 86_400_000 || ran.length >= 20_000) break;
        ev.cancelled = true;
        now = ev.time;
        ran.push(ev.id);
        for (let k = rand(3); k > 0; k--) push();
        if (rand(4) === 0 && all.length > 0) all[rand(all.length)]!.cancelled = true;
      }
      return ran;
    };
    const expected = reference();
    expect(expected.length).toBeGreaterThan(1000);
    expect(run('runUntil')).toEqual(expected);
    expect(run('runWithin')).toEqual(expected);
    expect(run('step')).toEqual(expected);
  });
});
