import { z } from 'zod';
import { LIMITS } from './limits';
import type { Rng } from './rng';
import { lazySchema } from './lazySchema';

const ms = lazySchema(() => z.number().nonnegative().max(LIMITS.ms));
const positiveMs = lazySchema(() => z.number().positive().max(LIMITS.ms));

/**
 * Durations a scenario can draw from: service times, inter-arrival gaps, network latency.
 * Every field is in milliseconds of simulated time.
 */
export const distSchema = lazySchema(() => z.discriminatedUnion('dist', [
  z.object({ dist: z.literal('constant'), ms }).strict(),
  z
    .object({ dist: z.literal('uniform'), minMs: ms, maxMs: ms })
    .strict()
    .refine((d) => d.maxMs >= d.minMs, { message: 'maxMs must be at least minMs', path: ['maxMs'] }),
  z.object({ dist: z.literal('exponential'), meanMs: positiveMs }).strict(),
  z.object({ dist: z.literal('normal'), meanMs: ms, sdMs: ms }).strict(),
  // A mean below a microsecond with a large sd overflows the log-moments: 1 µs is the floor.
  z.object({ dist: z.literal('lognormal'), meanMs: z.number().min(0.001).max(LIMITS.ms), sdMs: ms }).strict(),
]));

/** A gap between arrivals: a distribution whose mean is above zero, so time moves on. */
export const gapSchema = lazySchema(() => distSchema.refine((d) => meanOf(d) > 0, { message: 'the mean gap must be above 0 ms' }));

/** A duration distribution as written in a scenario file. */
export type Dist = z.infer<typeof distSchema>;

/** A function that draws one duration in ms: never negative, never NaN or infinite (at most LIMITS.ms). */
export type Sampler = () => number;

const MAX_MS = LIMITS.ms;

/** Finite by construction: NaN becomes 0 and anything past the cap the cap. */
function clamp(v: number): number {
  return v <= MAX_MS ? (v >= 0 ? v : 0) : v > 0 ? MAX_MS : 0;
}

/**
 * Turns a distribution spec into a sampler bound to `rng`. One closure per draw, the clamp
 * inlined in it: a wrapper calling the kind's own closure was a second call per draw, and a
 * call site shared by every kind, so never inlined.
 */
export function sampler(dist: Dist, rng: Rng): Sampler {
  switch (dist.dist) {
    case 'constant': {
      const ms = dist.ms;
      return () => ms;
    }
    case 'uniform': {
      const { minMs, maxMs } = dist;
      return () => clamp(rng.uniform(minMs, maxMs));
    }
    case 'exponential': {
      const mean = dist.meanMs;
      return () => clamp(rng.exponential(mean));
    }
    case 'normal': {
      // Truncated at zero: a duration cannot be negative.
      const { meanMs, sdMs } = dist;
      return () => clamp(Math.max(0, meanMs + sdMs * rng.gaussian()));
    }
    case 'lognormal': {
      // Parameterised by the mean and standard deviation of the duration itself,
      // which is what people measure; mu and sigma are those of its logarithm.
      const { meanMs, sdMs } = dist;
      const sigma2 = Math.log(1 + (sdMs * sdMs) / (meanMs * meanMs));
      const mu = Math.log(meanMs) - sigma2 / 2;
      const sigma = Math.sqrt(sigma2);
      return () => clamp(Math.exp(mu + sigma * rng.gaussian()));
    }
  }
}

/** The mean of a distribution in ms (the truncated normal is approximated by its untruncated mean). */
export function meanOf(dist: Dist): number {
  switch (dist.dist) {
    case 'constant':
      return dist.ms;
    case 'uniform':
      return (dist.minMs + dist.maxMs) / 2;
    case 'exponential':
    case 'normal':
    case 'lognormal':
      return dist.meanMs;
  }
}
