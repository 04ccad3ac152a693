import { z } from 'zod';
import type { Rng } from '../../engine/rng';
import { LIMITS } from '../../engine/limits';
import { lazySchema } from '../../engine/lazySchema';

// Resilience patterns for synchronous calls, as pure state machines: time comes in as an
// argument and randomness as an Rng, so each is testable alone. The caller (caller.ts)
// wires them to the simulation. Defaults are resilience4j's (R4J: *Config.java) unless noted.

// ---- retry and backoff ----

/** How a retry's wait is drawn around the exponential curve (AWS Architecture Blog, "Exponential Backoff And Jitter"). */
export type Jitter = 'none' | 'full' | 'equal' | 'decorrelated';

/** Scenario fields of a retry policy. */
export const retrySchema = lazySchema(() => z
  .object({
    /** Attempts including the first. R4J RetryConfig: 3. */
    maxAttempts: z.number().int().min(1).max(LIMITS.attempts).default(3),
    /**
     * AWS backoff simulator's variants: none = the plain curve; full, equal and decorrelated jitter.
     * R4J's default RetryConfig has no randomization (R4J: RetryConfig.java, IntervalFunction.ofDefaults()).
     */
    jitter: z.enum(['none', 'full', 'equal', 'decorrelated']).default('none'),
    /** The first wait. R4J's default wait (and its exponential helper's initial interval) is 500 ms. */
    baseMs: z.number().nonnegative().max(LIMITS.ms).default(500),
    /**
     * Each wait is the previous one times this: 1 = a fixed wait, R4J's default (500 ms every time,
     * SEMANTICS §5 "Retry (R4J)"); R4J's exponential helper uses 1.5, the AWS simulator 2.
     */
    multiplier: z.number().min(1).max(100).default(1),
    /** No wait exceeds this. The AWS backoff simulator uses 2000 ms. */
    capMs: z.number().nonnegative().max(LIMITS.ms).default(2000),
  })
  .strict());

/** A retry policy as parsed. */
export type RetrySettings = z.infer<typeof retrySchema>;

/**
 * The wait before a retry, by the AWS backoff simulator's formulas
 * (aws-samples/aws-arch-backoff-simulator, src/backoff_simulator.py):
 * expo = min(cap, base·multiplierⁿ) (the AWS simulator's multiplier is 2); none = expo; full = U(0, expo); equal = expo/2 + U(0, expo/2);
 * decorrelated = min(cap, U(base, 3·prev)), prev starting at base.
 * `retriesSoFar` is n: 0 before the first retry, so the first wait is about `base` as in R4J
 * (the AWS simulator counts from 1, which doubles every wait). `prevMs` is the previous wait
 * (decorrelated only; pass `baseMs` for the first). No draw is taken for `none`.
 */
export function backoffDelay(s: RetrySettings, retriesSoFar: number, prevMs: number, rng: Rng): number {
  const expo = Math.min(s.capMs, s.baseMs * s.multiplier ** retriesSoFar);
  switch (s.jitter) {
    case 'none':
      return expo;
    case 'full':
      return rng.next() * expo;
    case 'equal':
      return expo / 2 + rng.next() * (expo / 2);
    case 'decorrelated': {
      const hi = Math.max(s.baseMs, 3 * prevMs);
      return Math.min(s.capMs, s.baseMs + rng.next() * (hi - s.baseMs));
    }
  }
}

// ---- circuit breaker ----

/** The circuit breaker's states (R4J: CircuitBreaker.State, without the forced and disabled ones). */
export type BreakerState = 'closed' | 'open' | 'half-open';

/** Scenario fields of a circuit breaker, with R4J CircuitBreakerConfig's defaults. Only COUNT_BASED windows are modelled. */
export const breakerSchema = lazySchema(() => z
  .object({
    /** Percentage of failed calls at or above which the breaker opens. R4J: 50. */
    failureRateThreshold: z.number().gt(0).max(100).default(50),
    /** Percentage of slow calls at or above which the breaker opens. R4J: 100. */
    slowCallRateThreshold: z.number().gt(0).max(100).default(100),
    /** A call longer than this is slow. R4J: 60 s. */
    slowCallDurationThresholdMs: z.number().positive().max(LIMITS.ms).default(60_000),
    /** How many of the latest calls the failure rate is computed over (COUNT_BASED). R4J: 100. */
    slidingWindowSize: z.number().int().positive().max(LIMITS.slots).default(100),
    /** No rate is computed before this many calls (capped at the window size, as R4J does). R4J: 100. */
    minimumNumberOfCalls: z.number().int().positive().max(LIMITS.count).default(100),
    /** How long the breaker stays open before it lets trial calls through. R4J: 60 s. */
    waitDurationInOpenStateMs: z.number().nonnegative().max(LIMITS.ms).default(60_000),
    /** Trial calls let through while half-open. R4J: 10. */
    permittedNumberOfCallsInHalfOpenState: z.number().int().positive().max(LIMITS.slots).default(10),
    /** Go half-open when the wait ends even if nobody calls. R4J: false (the next call does it). */
    automaticTransitionFromOpenToHalfOpenEnabled: z.boolean().default(false),
  })
  .strict());

/** A circuit breaker's settings as parsed. */
export type BreakerSettings = z.infer<typeof breakerSchema>;

/** Told of every state change: from, to. */
export interface BreakerListener {
  breakerChanged(breaker: CircuitBreaker, from: BreakerState, to: BreakerState): void;
}

/** The latest `size` call outcomes in a ring, with running counts of failures and slow calls. */
class OutcomeWindow {
  private readonly ring: Uint8Array;
  private head = 0;
  count = 0;
  failures = 0;
  slow = 0;

  constructor(readonly size: number) {
    this.ring = new Uint8Array(size);
  }

  record(failed: boolean, slow: boolean): void {
    if (this.count === this.size) {
      const old = this.ring[this.head]!;
      this.failures -= old & 1;
      this.slow -= old >> 1;
    } else {
      this.count++;
    }
    const bits = (failed ? 1 : 0) | (slow ? 2 : 0);
    this.ring[this.head] = bits;
    this.failures += bits & 1;
    this.slow += bits >> 1;
    this.head = (this.head + 1) % this.size;
  }
}

/**
 * A circuit breaker with resilience4j's state machine (CircuitBreakerStateMachine.java):
 * CLOSED records outcomes in a count-based window and opens when, with at least
 * min(minimumNumberOfCalls, window) calls recorded, the failure rate or the slow-call rate
 * reaches its threshold. OPEN refuses every call until the wait is over; the first call after
 * it (strictly after, as `isAfter`) moves it to HALF_OPEN, unless the automatic transition
 * does it on time. HALF_OPEN lets `permittedNumberOfCallsInHalfOpenState` trial calls
 * through and judges them as a window of that size: at or above a threshold it opens again,
 * below it closes. Each new CLOSED or HALF_OPEN state starts with an empty sliding window (no calls yet).
 */
export class CircuitBreaker {
  state: BreakerState = 'closed';
  /** State changes so far. */
  transitions = 0;
  /** Calls refused while open or when half-open permits ran out (short-circuited). */
  notPermitted = 0;
  /** When the breaker last opened, ms. */
  openedAt = 0;
  private slidingWindow: OutcomeWindow;
  private permits = 0;

  constructor(
    readonly settings: BreakerSettings,
    private readonly listener?: BreakerListener,
  ) {
    this.slidingWindow = new OutcomeWindow(settings.slidingWindowSize);
  }

  /** Whether a call may go through now; a permitted call must later report onResult or release. */
  tryAcquire(now: number): boolean {
    if (this.state === 'closed') return true;
    if (this.state === 'open') {
      if (now > this.openedAt + this.settings.waitDurationInOpenStateMs) this.toHalfOpen();
      else {
        this.notPermitted++;
        return false;
      }
    }
    if (this.permits > 0) {
      this.permits--;
      return true;
    }
    this.notPermitted++;
    return false;
  }

  /** A permitted call ended without an outcome (cancelled): its half-open permit comes back. */
  release(): void {
    if (this.state === 'half-open') this.permits++;
  }

  /** Records a permitted call's outcome and its duration; may change the state. */
  onResult(now: number, failed: boolean, durationMs: number): void {
    const w = this.slidingWindow;
    w.record(failed, durationMs > this.settings.slowCallDurationThresholdMs);
    // Outcomes of calls let through before the breaker opened are recorded but decide nothing.
    if (this.state === 'open' || !this.judged()) return;
    const s = this.settings;
    const exceeded = (w.failures * 100) / w.count >= s.failureRateThreshold || (w.slow * 100) / w.count >= s.slowCallRateThreshold;
    if (exceeded) this.toOpen(now);
    else if (this.state === 'half-open') this.change('closed');
  }

  /** The failure rate in % over the current window, or -1 below the minimum number of calls. */
  failureRate(): number {
    return this.judged() ? (this.slidingWindow.failures * 100) / this.slidingWindow.count : -1;
  }

  /** Calls recorded in the current sliding window (so far). */
  get recorded(): number {
    return this.slidingWindow.count;
  }

  /** The automatic open→half-open transition, when the wait is over; ignored in other states. */
  toHalfOpen(): void {
    if (this.state !== 'open') return;
    this.change('half-open');
  }

  /** Whether the window holds enough calls for rates to count (R4J: min(minimumNumberOfCalls, window size)). */
  private judged(): boolean {
    const w = this.slidingWindow;
    return w.count > 0 && w.count >= Math.min(this.settings.minimumNumberOfCalls, w.size);
  }

  private toOpen(now: number): void {
    this.openedAt = now;
    this.change('open');
  }

  private change(to: BreakerState): void {
    const from = this.state;
    this.state = to;
    this.transitions++;
    if (to === 'closed') this.slidingWindow = new OutcomeWindow(this.settings.slidingWindowSize);
    if (to === 'half-open') {
      const n = this.settings.permittedNumberOfCallsInHalfOpenState;
      this.slidingWindow = new OutcomeWindow(n);
      this.permits = n;
    }
    this.listener?.breakerChanged(this, from, to);
  }
}

// ---- bulkhead ----

/** Scenario fields of a semaphore bulkhead (R4J BulkheadConfig; maxWaitDuration is 0: a full bulkhead rejects at once). */
export const bulkheadSchema = lazySchema(() => z
  .object({
    /** Calls to one dependency in flight at once. R4J: 25. */
    maxConcurrentCalls: z.number().int().positive().max(LIMITS.slots).default(25),
  })
  .strict());

/** A bulkhead's settings as parsed. */
export type BulkheadSettings = z.infer<typeof bulkheadSchema>;

/** A semaphore bulkhead: at most `max` calls at once; beyond it a call is rejected at once (R4J maxWaitDuration 0). */
export class Bulkhead {
  inUse = 0;
  rejected = 0;

  constructor(public max: number) {}

  /** Takes a permit, or counts a rejection and returns false. */
  tryAcquire(): boolean {
    if (this.inUse >= this.max) {
      this.rejected++;
      return false;
    }
    this.inUse++;
    return true;
  }

  /** Gives a permit back. */
  release(): void {
    if (this.inUse > 0) this.inUse--;
  }
}

// ---- retry budget ----

/** Scenario fields of a retry budget (Google SRE book, "Handling Overload": per-client retries below 10 % of requests). */
export const retryBudgetSchema = lazySchema(() => z
  .object({
    /** Retries allowed per request in the window (SRE book). Default 0.1. */
    ratio: z.number().min(0).max(1).default(0.1),
    /** The sliding window the ratio is measured over; the SRE book names none, 10 s is microsim's choice. */
    windowMs: z.number().positive().max(LIMITS.ms).default(10_000),
  })
  .strict());

/** A retry budget's settings as parsed. */
export type RetryBudgetSettings = z.infer<typeof retryBudgetSchema>;

const BUDGET_BUCKETS = 10;

/**
 * A retry budget over a sliding window of 10 buckets: a retry is allowed while
 * retries + 1 ≤ ratio × requests in the window, so retries never pile more than `ratio`
 * extra load on a struggling dependency.
 */
export class RetryBudget {
  private readonly requests = new Float64Array(BUDGET_BUCKETS);
  private readonly retries = new Float64Array(BUDGET_BUCKETS);
  private readonly bucketMs: number;
  private bucket = 0;
  private requestSum = 0;
  private retrySum = 0;
  /** Retries refused so far. */
  exhausted = 0;

  constructor(readonly settings: RetryBudgetSettings) {
    this.bucketMs = settings.windowMs / BUDGET_BUCKETS;
  }

  /** Counts a first attempt. */
  onRequest(now: number): void {
    this.advance(now);
    this.requests[this.bucket % BUDGET_BUCKETS]!++;
    this.requestSum++;
  }

  /** Whether one more retry fits in the budget; counts it if so. */
  tryRetry(now: number): boolean {
    this.advance(now);
    if (this.retrySum + 1 > this.settings.ratio * this.requestSum) {
      this.exhausted++;
      return false;
    }
    this.retries[this.bucket % BUDGET_BUCKETS]!++;
    this.retrySum++;
    return true;
  }

  private advance(now: number): void {
    const target = Math.floor(now / this.bucketMs);
    if (target <= this.bucket) return;
    const steps = Math.min(target - this.bucket, BUDGET_BUCKETS);
    for (let i = 1; i <= steps; i++) {
      const k = (this.bucket + i) % BUDGET_BUCKETS;
      this.requestSum -= this.requests[k]!;
      this.retrySum -= this.retries[k]!;
      this.requests[k] = 0;
      this.retries[k] = 0;
    }
    this.bucket = target;
  }
}
