import { z } from 'zod';
import { LIMITS } from '../../engine/limits';
import { lazySchema } from '../../engine/lazySchema';

/**
 * When a webhook sender tries again after a failed attempt, how long it waits for an answer,
 * and when it gives up on an endpoint altogether. Pure data and arithmetic; the sender applies it.
 */

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** A custom exponential schedule: the n-th retry waits min(maxMs, initialMs · factorⁿ). */
export const customRetrySchema = lazySchema(() => z
  .object({
    initialMs: z.number().nonnegative().max(LIMITS.ms),
    factor: z.number().min(1).max(100).default(2),
    /** Attempts in all, the first one included (as resilience4j counts them). */
    maxAttempts: z.number().int().positive().max(LIMITS.attempts),
    /** The longest wait; none by default. */
    maxMs: z.number().positive().max(LIMITS.ms).optional(),
  })
  .strict());

/** A named provider's behaviour, or a custom exponential schedule. */
export const retrySchema = lazySchema(() => z.union([z.enum(['svix', 'stripe', 'shopify', 'github']), customRetrySchema]));

/** A retry setting as written in a scenario. */
export type RetrySetting = z.infer<typeof retrySchema>;

/** When an endpoint that keeps failing is disabled. Either rule may be absent; `{}` never disables. */
export const disableSchema = lazySchema(() => z
  .object({
    /** Consecutive failed attempts at the endpoint, any delivery (a success resets the count). */
    failedAttempts: z.number().int().positive().max(LIMITS.attempts).optional(),
    /** Time since the first failure of the current streak with no success since (scaled by timeScale). */
    failingForMs: z.number().positive().max(LIMITS.ms).optional(),
  })
  .strict());

/** A disabling rule as written in a scenario. */
export type DisableRule = z.infer<typeof disableSchema>;

/** A resolved policy: the waits between attempts, the timeout, and the disabling rule, all in real ms. */
export interface RetryPolicy {
  /** `delays[n]` is the wait after the (n+1)-th failed attempt; attempts in all = delays.length + 1. */
  delays: readonly number[];
  timeoutMs: number;
  disable: DisableRule;
}

/**
 * Svix (docs.svix.com/retries): the first attempt at once, then after each failure
 * 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h: 8 attempts over about 27.6 h. Timeout 15 s.
 * An endpoint whose attempts all fail for 5 days is disabled (the docs start that clock only
 * after several failures 12 h apart within 24 h; microsim starts it at the first failure).
 */
const SVIX: RetryPolicy = {
  delays: [5_000, 5 * MIN, 30 * MIN, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR],
  timeoutMs: 15_000,
  disable: { failingForMs: 5 * DAY },
};

/**
 * Stripe (docs.stripe.com/workbench/webhooks): live mode retries "for up to 3 days with an
 * exponential back off"; the intervals and the timeout are unpublished. An approximation:
 * 1 min · 3ⁿ capped at 12 h, while the total stays within 3 days (12 attempts, ≈ 66 h), and
 * Svix's 15 s timeout. Stripe disables an endpoint "after multiple days" of failures: 3 days here.
 */
const STRIPE: RetryPolicy = {
  delays: exponentialWithin(MIN, 3, 12 * HOUR, 3 * DAY),
  timeoutMs: 15_000,
  disable: { failingForMs: 3 * DAY },
};

/**
 * Shopify (shopify.dev/changelog/updates-to-webhook-retry-mechanism, 2024-09-10): "Webhooks
 * will now be retried a total of 8 times over 4 hours using an exponential backoff schedule":
 * 8 retries, so 9 attempts in all (issue 9, defect 10). Intervals unpublished: waits of
 * 1 min · 2ⁿ (1, 2, 4, … 128 min: ≈ 4.25 h in all, an approximation). "8 consecutive
 * failures" deletes the subscription (secondary source); read as the 8 failed retries after a
 * failed first attempt, so a delivery that exhausts its 9 tries also removes the endpoint.
 * Timeout 5 s (1 s to connect).
 */
const SHOPIFY: RetryPolicy = {
  delays: [1, 2, 4, 8, 16, 32, 64, 128].map((m) => m * MIN),
  timeoutMs: 5_000,
  disable: { failedAttempts: 9 },
};

/** GitHub (docs.github.com …/handling-failed-webhook-deliveries): no automatic retries; timeout 10 s. */
const GITHUB: RetryPolicy = { delays: [], timeoutMs: 10_000, disable: {} };

/** The named presets, in real time. */
export const PRESETS: Readonly<Record<'svix' | 'stripe' | 'shopify' | 'github', RetryPolicy>> = {
  svix: SVIX, stripe: STRIPE, shopify: SHOPIFY, github: GITHUB,
};

/** Waits initial·factorⁿ capped at `capMs`, as many as fit with their sum within `withinMs`. */
export function exponentialWithin(initialMs: number, factor: number, capMs: number, withinMs: number): number[] {
  const out: number[] = [];
  let total = 0;
  for (let wait = initialMs; ; wait = Math.min(capMs, wait * factor)) {
    const w = Math.min(capMs, wait);
    if (total + w > withinMs) return out;
    out.push(w);
    total += w;
  }
}

/**
 * The policy a sender applies. `timeScale` (0 < s ≤ 1) compresses the retry waits and the
 * disabling period so a whole schedule fits in a short run (0.001: 5 min → 300 ms). The HTTP
 * timeout is not scaled: it is about the request in flight, which runs at real speed.
 */
export function resolvePolicy(
  retry: RetrySetting, timeScale: number, timeoutMs?: number, disable?: DisableRule,
): RetryPolicy {
  const base: RetryPolicy =
    typeof retry === 'string'
      ? PRESETS[retry]
      : {
          delays: Array.from({ length: retry.maxAttempts - 1 }, (_, n) => Math.min(retry.maxMs ?? Infinity, retry.initialMs * retry.factor ** n)),
          timeoutMs: SVIX.timeoutMs,
          disable: {},
        };
  const rule = disable ?? base.disable;
  return {
    delays: base.delays.map((d) => d * timeScale),
    timeoutMs: timeoutMs ?? base.timeoutMs,
    disable: {
      failedAttempts: rule.failedAttempts,
      failingForMs: rule.failingForMs === undefined ? undefined : rule.failingForMs * timeScale,
    },
  };
}

/** When each attempt starts, relative to the first, if every earlier one fails at once. */
export function attemptOffsets(policy: RetryPolicy): number[] {
  const out = [0];
  for (const d of policy.delays) out.push(out[out.length - 1]! + d);
  return out;
}
