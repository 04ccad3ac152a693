import { describe, expect, it } from 'vitest';
import { checkInvariantEveryEvent } from '../../testing/invariant';
import { ms, runBuiltin, runScenario } from '../../testing/harness';
import type { RestService } from './rest';

interface Setup {
  keys: boolean;
  serviceMs?: number;
  failureRate?: number;
  actions?: unknown[];
  loss?: number;
  clicks?: number;
  retentionMs?: number;
}

/**
 * One click at 1 s: shop → payments over a 5 ms link, payments works 10 ms (unless told), the
 * shop times out after 200 ms and retries up to 3 attempts 100 ms apart.
 */
function checkout(s: Setup) {
  return runScenario({
    seed: 4,
    nodes: [
      { id: 'user', kind: 'producer', interarrival: ms(1000), limit: s.clicks ?? 1, eventType: 'Charge' },
      {
        id: 'shop', kind: 'rest-client', timeoutMs: 200, retry: { maxAttempts: 3, baseMs: 100, jitter: 'none' },
        ...(s.keys ? { idempotencyKeys: true } : {}),
      },
      {
        id: 'payments', kind: 'rest-service', serviceTime: ms(s.serviceMs ?? 10), failureRate: s.failureRate ?? 0,
        ...(s.keys ? { idempotency: s.retentionMs ? { retentionMs: s.retentionMs } : {} } : {}),
      },
    ],
    links: [{ from: 'user', to: 'shop' }, { from: 'shop', to: 'payments', latency: ms(5), ...(s.loss ? { loss: s.loss } : {}) }],
    actions: s.actions,
  });
}

const payments = (run: ReturnType<typeof checkout>) => (run.sim.node('payments') as RestService).stats();

// The click's request reaches payments at 1005 ms and its answer leaves at 1015 ms: a partition
// from 1010 to 1020 ms loses exactly that answer.
const lostAnswer = [{ at: 1010, do: 'partition', from: 'shop', to: 'payments' }, { at: 1020, do: 'heal', from: 'shop', to: 'payments' }];

describe('idempotency keys (Stripe style)', () => {
  it('the answer is lost and the POST retried: without keys the payment is charged twice', () => {
    const run = checkout({ keys: false, actions: lostAnswer });
    run.sim.runUntil(5000);
    expect(run.of('link.lost').filter((e) => e.what === 'signal')).toHaveLength(1);
    const p = payments(run);
    expect(p.executions).toBe(2);
    expect(p.duplicateExecutions).toBe(1);
    expect(p.replayed).toBe(0);
    expect(run.of('http.call_ended').map((e) => [e.ok, e.attempts])).toEqual([[true, 2]]);
  });

  it('the same with keys: charged once, and the retry gets the stored 200 back (counted suppressed, not processed)', () => {
    const run = checkout({ keys: true, actions: lostAnswer });
    run.sim.runUntil(5000);
    const p = payments(run);
    expect(p.executions).toBe(1);
    expect(p.duplicateExecutions).toBe(0);
    expect(p.replayed).toBe(1);
    const replay = run.of('http.replayed');
    expect(replay).toHaveLength(1);
    expect(replay[0]!.status).toBe(200);
    expect(run.of('http.call_ended').map((e) => [e.ok, e.attempts])).toEqual([[true, 2]]);
    const totals = run.sim.report().totals;
    expect(totals.processed).toBe(1);
    expect(totals.suppressed).toBe(1);
  });

  it('a retry that arrives while the first attempt still runs gets 409 Conflict; the next one gets the stored answer', () => {
    // 350 ms of work (done at 1355 ms) against a 200 ms timeout: attempt 2 arrives at 1305 ms and
    // finds the key running (409 back at 1310); attempt 3, 100 ms later, finds the stored 200.
    const run = checkout({ keys: true, serviceMs: 350 });
    run.sim.runUntil(5000);
    expect(run.of('http.key_in_use')).toHaveLength(1);
    expect(run.of('http.replayed')).toHaveLength(1);
    expect(payments(run).executions).toBe(1);
    expect(run.of('http.call_ended').map((e) => [e.ok, e.attempts])).toEqual([[true, 3]]);
  });

  it('the same slow service without keys runs the charge three times, one per attempt', () => {
    const run = checkout({ keys: false, serviceMs: 350 });
    run.sim.runUntil(5000);
    expect(payments(run).executions).toBe(3);
    expect(payments(run).duplicateExecutions).toBe(2);
  });

  it('a stored 500 is replayed too, as Stripe does: the retry does not run the request again', () => {
    const run = checkout({ keys: true, failureRate: 1 });
    run.sim.runUntil(5000);
    expect(run.of('http.replayed').map((e) => e.status)).toEqual([500, 500]);
    const ended = run.of('http.call_ended');
    expect(ended.map((e) => [e.ok, e.attempts])).toEqual([[false, 3]]);
    expect(payments(run).failed).toBe(1);
  });

  it('a key older than the retention is forgotten: a late retry runs again', () => {
    // Retention 50 ms: the retry (after 200 ms timeout + 100 ms wait) finds nothing stored.
    const run = checkout({ keys: true, actions: lostAnswer, retentionMs: 50 });
    run.sim.runUntil(5000);
    expect(payments(run).executions).toBe(2);
    expect(payments(run).replayed).toBe(0);
  });

  it('keys on a lossy link: every click is charged exactly once and the ledger balances', () => {
    const run = checkout({ keys: true, loss: 0.2, clicks: 300 });
    checkInvariantEveryEvent(run.sim, 400_000);
    const p = payments(run);
    const ok = run.of('http.call_ended').filter((e) => e.ok).length;
    expect(p.duplicateExecutions).toBe(0);
    expect(p.replayed).toBeGreaterThan(10);
    expect(p.executions).toBeGreaterThanOrEqual(ok);
    expect(p.executions).toBeLessThanOrEqual(300);
  });

  it('the same lossy link without keys charges some clicks twice', () => {
    const run = checkout({ keys: false, loss: 0.2, clicks: 300 });
    run.sim.runUntil(400_000);
    expect(payments(run).duplicateExecutions).toBeGreaterThan(10);
  });
});

describe('the rest-idempotency built-in', () => {
  it('one click stream, two checkouts over a 5 % lossy link: only the one without keys charges twice', () => {
    const { sim } = runBuiltin('rest-idempotency');
    sim.runUntil(60_000);
    const plain = (sim.node('payments-plain') as RestService).stats();
    const keys = (sim.node('payments-keys') as RestService).stats();
    expect(plain.duplicateExecutions).toBeGreaterThan(15);
    expect(keys.duplicateExecutions).toBe(0);
    expect(keys.replayed).toBeGreaterThan(15);
    expect(sim.report().totals.suppressed).toBe(keys.replayed);
  });
});
