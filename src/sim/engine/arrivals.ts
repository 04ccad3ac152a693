import { sampler, type Sampler } from './distributions';
import type { Rng } from './rng';

/** How arrivals are spread: Poisson (exponential gaps), evenly spaced, or uniform gaps in [0, 2/rate]. */
export type ArrivalPattern = 'poisson' | 'constant' | 'uniform';

/**
 * The gap sampler of an arrival process at `ratePerSec` (per simulated second), drawing from
 * `rng`: what a producer and a webhook sender use to space what they publish.
 */
export function arrivalGaps(ratePerSec: number, pattern: ArrivalPattern, rng: Rng): Sampler {
  const mean = 1000 / ratePerSec;
  if (pattern === 'constant') return sampler({ dist: 'constant', ms: mean }, rng);
  if (pattern === 'uniform') return sampler({ dist: 'uniform', minMs: 0, maxMs: 2 * mean }, rng);
  return sampler({ dist: 'exponential', meanMs: mean }, rng);
}
