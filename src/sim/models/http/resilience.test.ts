import { describe, expect, it } from 'vitest';
import { Rng } from '../../engine/rng';
import {
  backoffDelay, breakerSchema, Bulkhead, CircuitBreaker, retryBudgetSchema, RetryBudget, retrySchema,
  type BreakerState,
} from './resilience';

const retry = (fields: Record<string, unknown>) => retrySchema.parse(fields);
const breaker = (fields: Record<string, unknown>) => breakerSchema.parse(fields);

describe('backoff (AWS formulas)', () => {
  it('without jitter the wait doubles from the base until the cap: 100, 200, 400, 800, 1000, 1000', () => {
    const s = retry({ jitter: 'none', baseMs: 100, capMs: 1000 });
    const rng = new Rng(1);
    const waits = [0, 1, 2, 3, 4, 5].map((n) => backoffDelay(s, n, 0, rng));
    expect(waits).toEqual([0, 1, 2, 3, 4, 5].map((n) => Math.min(1000, 100 * 2 ** n)));
  });

  it('full jitter draws uniformly below the exponential curve, so its mean is half of it', () => {
    const s = retry({ jitter: 'full', baseMs: 100, capMs: 10_000 });
    const rng = new Rng(2);
    let sum = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const w = backoffDelay(s, 3, 0, rng);
      expect(w).toBeGreaterThanOrEqual(0);
      expect(w).toBeLessThan(800);
      sum += w;
    }
    expect(sum / n).toBeCloseTo(400, -1);
  });

  it('equal jitter keeps at least half of the exponential wait', () => {
    const s = retry({ jitter: 'equal', baseMs: 100, capMs: 10_000 });
    const rng = new Rng(3);
    let sum = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const w = backoffDelay(s, 2, 0, rng);
      expect(w).toBeGreaterThanOrEqual(200);
      expect(w).toBeLessThan(400);
      sum += w;
    }
    expect(sum / n).toBeCloseTo(300, -1);
  });

  it('decorrelated jitter draws between the base and three times the previous wait, never past the cap', () => {
    const s = retry({ jitter: 'decorrelated', baseMs: 50, capMs: 3000 });
    const rng = new Rng(4);
    let prev = s.baseMs;
    for (let i = 0; i < 10_000; i++) {
      const w = backoffDelay(s, i % 8, prev, rng);
      expect(w).toBeGreaterThanOrEqual(50);
      expect(w).toBeLessThanOrEqual(Math.min(3000, 3 * prev));
      prev = w;
    }
  });

  it('defaults to resilience4j: 3 attempts, first wait 500 ms', () => {
    const s = retry({});
    expect(s.maxAttempts).toBe(3);
    expect(backoffDelay({ ...s, jitter: 'none' }, 0, s.baseMs, new Rng(1))).toBe(500);
  });
});

/** A breaker that logs its transitions as "from>to". */
function logged(fields: Record<string, unknown>): { cb: CircuitBreaker; log: string[] } {
  const log: string[] = [];
  const cb = new CircuitBreaker(breaker(fields), {
    breakerChanged: (_b, from: BreakerState, to: BreakerState) => log.push(`${from}>${to}`),
  });
  return { cb, log };
}

function record(cb: CircuitBreaker, now: number, outcomes: string): void {
  for (const o of outcomes) {
    expect(cb.tryAcquire(now)).toBe(true);
    cb.onResult(now, o === 'x', 10);
  }
}

describe('circuit breaker (resilience4j state machine)', () => {
  it('has resilience4j defaults: 50 %, window 100, minimum 100 calls, 60 s open, 10 trial calls', () => {
    const s = breaker({});
    expect(s).toMatchObject({
      failureRateThreshold: 50, slidingWindowSize: 100, minimumNumberOfCalls: 100, waitDurationInOpenStateMs: 60_000,
      permittedNumberOfCallsInHalfOpenState: 10, automaticTransitionFromOpenToHalfOpenEnabled: false,
    });
  });

  it('stays closed below the minimum number of calls, even if every call failed', () => {
    const { cb } = logged({ slidingWindowSize: 10, minimumNumberOfCalls: 10 });
    record(cb, 0, 'xxxxxxxxx');
    expect(cb.state).toBe('closed');
    expect(cb.failureRate()).toBe(-1);
    record(cb, 0, 'x');
    expect(cb.state).toBe('open');
  });

  it('opens when the failure rate reaches the threshold exactly (5 failures in 10 at 50 %)', () => {
    const { cb, log } = logged({ slidingWindowSize: 10, minimumNumberOfCalls: 10 });
    record(cb, 0, 'oooooxxxx');
    expect(cb.state).toBe('closed');
    record(cb, 0, 'x');
    expect(log).toEqual(['closed>open']);
  });

  it('forgets outcomes that slide out of the count-based window', () => {
    const { cb } = logged({ slidingWindowSize: 4, minimumNumberOfCalls: 4, failureRateThreshold: 75 });
    record(cb, 0, 'xxoo'); // 50 %
    record(cb, 0, 'ooo'); // both failures slid out: o,o,o,o
    expect(cb.failureRate()).toBe(0);
    record(cb, 0, 'xx'); // o,o,x,x: 50 %
    expect(cb.failureRate()).toBe(50);
    expect(cb.state).toBe('closed');
  });

  it('caps the minimum number of calls at the window size, as resilience4j does', () => {
    const { cb } = logged({ slidingWindowSize: 4, minimumNumberOfCalls: 100 });
    record(cb, 0, 'xxxx');
    expect(cb.state).toBe('open');
  });

  it('refuses calls while open, and only a call strictly after the wait moves it to half-open', () => {
    const { cb, log } = logged({ slidingWindowSize: 2, minimumNumberOfCalls: 2, waitDurationInOpenStateMs: 1000 });
    record(cb, 100, 'xx');
    expect(cb.tryAcquire(600)).toBe(false);
    expect(cb.tryAcquire(1100)).toBe(false);
    expect(cb.notPermitted).toBe(2);
    expect(cb.state).toBe('open');
    expect(cb.tryAcquire(1100.5)).toBe(true);
    expect(log).toEqual(['closed>open', 'open>half-open']);
  });

  it('lets exactly the permitted trial calls through when half-open, then closes if they succeed', () => {
    const { cb, log } = logged({
      slidingWindowSize: 3, minimumNumberOfCalls: 3, waitDurationInOpenStateMs: 0, permittedNumberOfCallsInHalfOpenState: 3,
    });
    record(cb, 0, 'xxx');
    const granted = [1, 1, 1, 1].map(() => cb.tryAcquire(1));
    expect(granted).toEqual([true, true, true, false]);
    cb.onResult(1, false, 5);
    cb.onResult(1, false, 5);
    expect(cb.state).toBe('half-open');
    cb.onResult(1, true, 5); // 1 failure in 3: 33 % < 50 %
    expect(log).toEqual(['closed>open', 'open>half-open', 'half-open>closed']);
    expect(cb.recorded).toBe(0);
  });

  it('judges the trial calls as soon as the minimum number of calls is met, if that is fewer than permitted', () => {
    const { cb, log } = logged({
      slidingWindowSize: 2, minimumNumberOfCalls: 2, waitDurationInOpenStateMs: 0, permittedNumberOfCallsInHalfOpenState: 5,
    });
    record(cb, 0, 'xx');
    record(cb, 1, 'oo');
    expect(log).toEqual(['closed>open', 'open>half-open', 'half-open>closed']);
  });

  it('opens again when the trial calls fail at or above the threshold', () => {
    const { cb, log } = logged({
      slidingWindowSize: 2, minimumNumberOfCalls: 2, waitDurationInOpenStateMs: 0, permittedNumberOfCallsInHalfOpenState: 2,
    });
    record(cb, 0, 'xx');
    record(cb, 1, 'ox');
    expect(log).toEqual(['closed>open', 'open>half-open', 'half-open>open']);
    expect(cb.openedAt).toBe(1);
  });

  it('gives a trial permit back when a permitted call is cancelled without an outcome', () => {
    const { cb } = logged({
      slidingWindowSize: 1, minimumNumberOfCalls: 1, waitDurationInOpenStateMs: 0, permittedNumberOfCallsInHalfOpenState: 1,
    });
    record(cb, 0, 'x');
    expect(cb.tryAcquire(1)).toBe(true);
    expect(cb.tryAcquire(1)).toBe(false);
    cb.release();
    expect(cb.tryAcquire(1)).toBe(true);
  });

  it('opens on slow calls when the slow-call rate reaches its threshold', () => {
    const { cb } = logged({
      slidingWindowSize: 4, minimumNumberOfCalls: 4, slowCallDurationThresholdMs: 100, slowCallRateThreshold: 50,
    });
    for (const ms of [10, 150, 20, 150]) {
      cb.tryAcquire(0);
      cb.onResult(0, false, ms);
    }
    expect(cb.state).toBe('open');
  });

  it('records outcomes of calls that were under way when it opened, without deciding anything', () => {
    const { cb, log } = logged({ slidingWindowSize: 2, minimumNumberOfCalls: 2, waitDurationInOpenStateMs: 1000 });
    record(cb, 0, 'xx');
    cb.onResult(10, false, 5);
    cb.onResult(10, false, 5);
    expect(log).toEqual(['closed>open']);
  });

  it('goes half-open by the automatic transition without any call', () => {
    const { cb, log } = logged({
      slidingWindowSize: 1, minimumNumberOfCalls: 1, automaticTransitionFromOpenToHalfOpenEnabled: true,
    });
    record(cb, 0, 'x');
    cb.toHalfOpen();
    expect(log).toEqual(['closed>open', 'open>half-open']);
    cb.toHalfOpen();
    expect(log.length).toBe(2);
  });
});

describe('bulkhead', () => {
  it('admits up to its limit at once and rejects the rest without waiting', () => {
    const b = new Bulkhead(2);
    expect([b.tryAcquire(), b.tryAcquire(), b.tryAcquire()]).toEqual([true, true, false]);
    expect(b.rejected).toBe(1);
    b.release();
    expect(b.tryAcquire()).toBe(true);
    expect(b.inUse).toBe(2);
  });
});

describe('retry budget', () => {
  it('allows retries up to a tenth of the requests in its window', () => {
    const budget = new RetryBudget(retryBudgetSchema.parse({}));
    for (let i = 0; i < 50; i++) budget.onRequest(i * 10);
    let allowed = 0;
    for (let i = 0; i < 20; i++) if (budget.tryRetry(500)) allowed++;
    expect(allowed).toBe(Math.floor(0.1 * 50));
    expect(budget.exhausted).toBe(20 - allowed);
  });

  it('forgets requests and retries older than its window', () => {
    const budget = new RetryBudget(retryBudgetSchema.parse({ ratio: 0.5, windowMs: 1000 }));
    for (let i = 0; i < 10; i++) budget.onRequest(0);
    for (let i = 0; i < 5; i++) expect(budget.tryRetry(0)).toBe(true);
    expect(budget.tryRetry(0)).toBe(false);
    // A full window later nothing is remembered: no requests, so no retries either.
    expect(budget.tryRetry(1000)).toBe(false);
    budget.onRequest(1000);
    budget.onRequest(1000);
    expect(budget.tryRetry(1000)).toBe(true);
    expect(budget.tryRetry(1000)).toBe(false);
  });
});
