import { z } from 'zod';
import type { Rng } from './rng';

/**
 * Durations a scenario can draw from: service times, inter-arrival gaps, network latency.
 * Every field is in milliseconds of simulated time.
 */
export const distSchema = z.discriminatedUnion('dist', [
  z.object({ dist: z.literal('constant'), ms: z.number().nonnegative() }).strict(),
  z
    .object({ dist: z.literal('uniform'), minMs: z.number().nonnegative(), maxMs: z.number().nonnegative() })
    .strict()
    .refine((d) => d.maxMs >= d.minMs, { message: 'maxMs must be at least minMs', path: ['maxMs'] }),
  z.object({ dist: z.literal('exponential'), meanMs: z.number().positive() }).strict(),
  z.object({ dist: z.literal('normal'), meanMs: z.number().nonnegative(), sdMs: z.number().nonnegative() }).strict(),
  z.object({ dist: z.literal('lognormal'), meanMs: z.number().positive(), sdMs: z.number().nonnegative() }).strict(),
]);

/** A duration distribution as written in a scenario file. */
export type Dist = z.infer<typeof distSchema>;

/** A function that draws one duration in ms, never negative. */
export type Sampler = () => number;

/** Turns a distribution spec into a sampler bound to `rng`. */
export function sampler(dist: Dist, rng: Rng): Sampler {
  switch (dist.dist) {
    case 'constant': {
      const ms = dist.ms;
      return () => ms;
    }
    case 'uniform': {
      const { minMs, maxMs } = dist;
      return () => rng.uniform(minMs, maxMs);
    }
    case 'exponential': {
      const mean = dist.meanMs;
      return () => rng.exponential(mean);
    }
    case 'normal': {
      // Truncated at zero: a duration cannot be negative.
      const { meanMs, sdMs } = dist;
      return () => Math.max(0, meanMs + sdMs * rng.gaussian());
    }
    case 'lognormal': {
      // Parameterised by the mean and standard deviation of the duration itself,
      // which is what people measure; mu and sigma are those of its logarithm.
      const { meanMs, sdMs } = dist;
      const sigma2 = Math.log(1 + (sdMs * sdMs) / (meanMs * meanMs));
      const mu = Math.log(meanMs) - sigma2 / 2;
      const sigma = Math.sqrt(sigma2);
      return () => Math.exp(mu + sigma * rng.gaussian());
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
