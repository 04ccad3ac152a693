import type { Rng } from '../../engine/rng';

/** How a load balancer picks a replica for each request. */
export type LbPolicy = 'round-robin' | 'least-outstanding' | 'power-of-two';

/** What a policy needs of a replica. */
export interface Pickable {
  outstanding: number;
}

/**
 * The replica for the next request among `healthy` (in scenario order), or undefined when there
 * is none. `turn` is the load balancer's round-robin position; `rng` its seeded stream.
 * - round robin: each in turn, whatever it is doing (a slow replica gets its full share);
 * - least outstanding: the fewest requests in flight, ties taken in turn (nginx least_conn);
 * - power of two choices: two distinct replicas drawn at random, the one with fewer in flight
 *   (Envoy's LEAST_REQUEST with choice_count 2; Mitzenmacher's "power of two choices").
 */
export function pickReplica<R extends Pickable>(policy: LbPolicy, healthy: readonly R[], turn: { next: number }, rng: Rng): R | undefined {
  const n = healthy.length;
  if (n === 0) return undefined;
  if (policy === 'round-robin') return healthy[turn.next++ % n];
  if (policy === 'least-outstanding') {
    const start = turn.next++ % n;
    let best = healthy[start]!;
    for (let i = 1; i < n; i++) {
      const r = healthy[(start + i) % n]!;
      if (r.outstanding < best.outstanding) best = r;
    }
    return best;
  }
  if (n === 1) return healthy[0];
  const a = rng.int(n);
  let b = rng.int(n - 1);
  if (b >= a) b++;
  const ra = healthy[a]!;
  const rb = healthy[b]!;
  return rb.outstanding < ra.outstanding ? rb : ra;
}
