import { describe, expect, it } from 'vitest';
import { checkInvariantEveryEvent } from '../../testing/invariant';
import { ms, runScenario } from '../../testing/harness';
import type { LoadBalancer } from './load-balancer';

interface Setup {
  policy?: string;
  outlierDetection?: Record<string, unknown>;
  timeoutMs?: number;
  actions?: unknown[];
  ratePerSec?: number;
  whenOffline?: 'refuse' | 'hang';
  clientTimeoutMs?: number;
  seed?: number;
  limit?: number;
}

/** Users → client → lb → three replicas of 10 ms (4 slots each), 1 ms links. */
function cluster(s: Setup = {}) {
  const replica = (id: string) => ({
    id, kind: 'service', concurrency: 4, serviceTime: ms(10), whenOffline: s.whenOffline ?? 'refuse',
  });
  return runScenario({
    seed: s.seed ?? 3,
    nodes: [
      { id: 'users', kind: 'producer', ratePerSec: s.ratePerSec ?? 100, arrivals: 'constant', ...(s.limit ? { limit: s.limit } : {}) },
      { id: 'client', kind: 'rest-client', maxConcurrent: 200, ...(s.clientTimeoutMs ? { timeoutMs: s.clientTimeoutMs } : {}) },
      {
        id: 'lb', kind: 'load-balancer', policy: s.policy ?? 'round-robin',
        ...(s.outlierDetection ? { outlierDetection: s.outlierDetection } : {}), ...(s.timeoutMs ? { timeoutMs: s.timeoutMs } : {}),
      },
      replica('r1'), replica('r2'), replica('r3'),
    ],
    links: [
      { from: 'users', to: 'client' }, { from: 'client', to: 'lb', latency: ms(1) },
      { from: 'lb', to: 'r1', latency: ms(1) }, { from: 'lb', to: 'r2', latency: ms(1) }, { from: 'lb', to: 'r3', latency: ms(1) },
    ],
    actions: s.actions,
  });
}

const lbOf = (run: ReturnType<typeof cluster>) => run.sim.node('lb') as LoadBalancer;
const sent = (run: ReturnType<typeof cluster>, id: string) => lbOf(run).stats().replicas[id]!.sent;

describe('load balancer: policies', () => {
  it('round robin gives each of 3 healthy replicas a third: 300 requests → 100 each, all answered 200', () => {
    const run = cluster({ limit: 300 });
    run.sim.runUntil(10_000);
    expect(['r1', 'r2', 'r3'].map((id) => sent(run, id))).toEqual([100, 100, 100]);
    const ended = run.of('http.call_ended');
    expect(ended.every((e) => e.ok)).toBe(true);
    expect(ended).toHaveLength(300);
  });

  it('a replica 20× slower keeps a third of the load under round robin, but gets far less under least outstanding and power of two', () => {
    const slow = [{ at: 0, do: 'slow', node: 'r2', factor: 20 }];
    const share = (policy: string) => {
      const run = cluster({ policy, actions: slow, ratePerSec: 300 });
      run.sim.runUntil(10_000);
      const total = ['r1', 'r2', 'r3'].reduce((a, id) => a + sent(run, id), 0);
      return sent(run, 'r2') / total;
    };
    expect(share('round-robin')).toBeCloseTo(1 / 3, 2);
    // At 200 ms a request, r2 holds a few requests in flight while its peers hold about one.
    expect(share('least-outstanding')).toBeLessThan(0.1);
    expect(share('power-of-two')).toBeLessThan(0.15);
  });

  it('power of two choices is seeded: the same seed picks the same replicas, another seed others', () => {
    const picks = (seed: number) => {
      const run = cluster({ policy: 'power-of-two', seed });
      run.sim.runUntil(2000);
      return run.of('message.sent').filter((e) => e.from === 'lb').map((e) => e.to).join();
    };
    expect(picks(8)).toBe(picks(8));
    expect(picks(8)).not.toBe(picks(9));
  });
});

describe('load balancer: a dead replica', () => {
  const down = [{ at: 1000, do: 'offline', node: 'r3' }];

  it('without outlier detection (Envoy\'s default), a refusing replica keeps its third: callers get 503s', () => {
    const run = cluster({ actions: down });
    run.sim.runUntil(11_000);
    const failed = run.of('http.call_ended').filter((e) => !e.ok);
    // 10 s at 100 calls/s, a third to r3: about 333 failed calls, none ejected.
    expect(failed.length).toBeGreaterThan(320);
    expect(run.of('http.response').some((e) => e.status === 503)).toBe(true);
    expect(run.of('lb.ejected')).toHaveLength(0);
  });

  it('with outlier detection, 5 failures in a row eject it for 30 s; the load moves to its peers, then it is tried again', () => {
    const run = cluster({ actions: down, outlierDetection: {} });
    run.sim.runUntil(20_000);
    const ejected = run.of('lb.ejected');
    expect(ejected).toHaveLength(1);
    expect(ejected[0]!.replica).toBe('r3');
    expect(ejected[0]!.untilT - ejected[0]!.t).toBe(30_000);
    expect(run.of('http.call_ended').filter((e) => !e.ok)).toHaveLength(5);
    const before = sent(run, 'r3');
    run.sim.runUntil(30_000);
    // Ejected: every request of those 10 s went to r1 and r2.
    expect(sent(run, 'r3')).toBe(before);
    // Back at the first sweep after 30 s (sweeps every 10 s), failing again: the second ejection lasts 60 s.
    run.sim.runUntil(45_000);
    const returned = run.of('lb.returned');
    expect(returned).toHaveLength(1);
    expect(returned[0]!.t).toBeGreaterThanOrEqual(ejected[0]!.untilT);
    expect(returned[0]!.t - ejected[0]!.untilT).toBeLessThanOrEqual(10_000);
    const second = run.of('lb.ejected');
    expect(second).toHaveLength(2);
    expect(second[1]!.untilT - second[1]!.t).toBe(60_000);
  });

  it('ejects at most 10 % of the replicas, and always at least one: two dead of three, only one leaves', () => {
    const run = cluster({ actions: [...down, { at: 1000, do: 'offline', node: 'r2' }], outlierDetection: {} });
    run.sim.runUntil(20_000);
    expect(run.of('lb.ejected')).toHaveLength(1);
  });

  it('a hung replica answers nothing: the proxy gives up after its 15 s route timeout with a 504, and the ledger balances', () => {
    const run = cluster({ actions: down, whenOffline: 'hang', ratePerSec: 10 });
    checkInvariantEveryEvent(run.sim, 20_000);
    const t = run.of('lb.timeout');
    expect(t.length).toBeGreaterThan(0);
    expect(t.every((e) => e.afterMs === 15_000 && e.replica === 'r3')).toBe(true);
    expect(run.of('http.response').filter((e) => e.status === 504)).toHaveLength(t.length);
  });

  it('callers that time out first leave nothing behind: the ledger balances with client timeouts, a slow replica and an outage', () => {
    const run = cluster({
      policy: 'least-outstanding', clientTimeoutMs: 30, outlierDetection: {},
      actions: [{ at: 0, do: 'slow', node: 'r1', factor: 5 }, ...down, { at: 5000, do: 'offline', node: 'lb' }, { at: 6000, do: 'online', node: 'lb' }],
    });
    checkInvariantEveryEvent(run.sim, 15_000);
    expect(run.sim.report().totals.processed).toBeGreaterThan(500);
  });
});
