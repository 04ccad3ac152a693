import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../engine/trace';
import type { CallerStats } from './caller-stats';
import { runBuiltin, runScenario } from '../../testing/harness';

/** Runs a built-in for `ms` and returns its totals, its trace and its nodes' stats. */
function run(id: string, ms: number) {
  const { sim, trace } = runBuiltin(id);
  sim.runUntil(ms);
  return { totals: sim.ledger.totals(), trace, stats: sim.report().nodes };
}

describe('the totals tell a failed or refused request from a lost message', () => {
  it('the REST chain: during the payment outage the breaker refuses calls fast and timed-out calls fail, and neither counts as lost', () => {
    const { totals, trace } = run('rest-order-chain', 60_000);
    const drops = trace.filter((e): e is Extract<TraceEvent, { type: 'message.dropped' }> => e.type === 'message.dropped');
    const byReason = (re: RegExp) => drops.filter((d) => re.test(d.reason)).length;
    expect(totals.rejected).toBeGreaterThan(0);
    expect(totals.rejected).toBe(byReason(/^(circuit open|bulkhead full|caller saturated)$/));
    expect(totals.failed).toBe(byReason(/^(timeout|5xx|connection refused|retry budget exhausted)$/));
    expect(totals.failed).toBeGreaterThan(0);
    // What is left of the dropped is what is gone for good, with another reason.
    expect(totals.dropped - totals.failed - totals.rejected).toBe(drops.length - totals.failed - totals.rejected);
    expect(totals.dropped).toBe(drops.length);
  });

  it('counts the answers that come after their caller gave up: a 300 ms service behind a 100 ms timeout answers every attempt late', () => {
    const { sim, of } = runScenario({
      nodes: [
        { id: 'user', kind: 'producer', interarrival: { dist: 'constant', ms: 1000 }, limit: 3 },
        { id: 'shop', kind: 'rest-client', timeoutMs: 100, retry: { maxAttempts: 2, jitter: 'none', baseMs: 10 } },
        { id: 'orders', kind: 'service', serviceTime: { dist: 'constant', ms: 300 }, concurrency: 10 },
      ],
      links: [{ from: 'user', to: 'shop' }, { from: 'shop', to: 'orders' }],
    });
    sim.runUntil(10_000);
    const totals = sim.ledger.totals();
    // 3 calls × 2 attempts, each answered 200 ms after its caller stopped waiting.
    expect(totals.late).toBe(6);
    expect(of('http.response').filter((e) => e.late)).toHaveLength(6);
    expect((sim.node('shop').stats() as unknown as CallerStats).lateResponses).toBe(6);
    // Each attempt failed (timed out); none was refused; nothing was lost.
    expect(totals.failed).toBe(6);
    expect(totals.rejected).toBe(0);
    expect(totals.dropped - totals.failed - totals.rejected).toBe(0);
  });

  it('a broker scenario has no requests to fail: every drop is a loss', () => {
    const { totals } = run('rabbitmq-order-created', 30_000);
    expect(totals.failed + totals.rejected + totals.late).toBe(0);
  });
});
