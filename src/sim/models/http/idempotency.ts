import { z } from 'zod';
import { Generations } from '../../engine/generations';
import { LIMITS } from '../../engine/limits';
import { RecentIds } from '../../engine/recent-ids';
import { lazySchema } from '../../engine/lazySchema';

/**
 * A server honouring `Idempotency-Key`, as Stripe's API does (docs.stripe.com/api/idempotent_requests):
 * the first result for a key, success or error (500s included), is stored and replayed for any
 * later request with that key; a request whose key is still being executed gets 409 Conflict;
 * keys can be pruned once they are at least 24 hours old.
 */
export const idempotencySchema = lazySchema(() => z
  .object({
    /** How long a stored result is kept: Stripe prunes keys after 24 h. */
    retentionMs: z.number().positive().max(LIMITS.ms).default(86_400_000),
  })
  .strict());

/** A server's idempotency settings as parsed. */
export type IdempotencySettings = z.infer<typeof idempotencySchema>;

/** What a server answered the first time a key was executed. */
export interface StoredResult {
  status: number;
  ok: boolean;
  at: number;
}

/** Remembered keys at most: the oldest are forgotten first past it (a bound on memory, far above any test's needs). */
const MAX_KEYS = 200_000;

/**
 * The server's table of idempotency keys: results of finished requests, and the keys being
 * executed now. Results older than the retention are pruned, oldest first.
 */
export class IdempotencyStore {
  private readonly results = new Generations<string, StoredResult>(MAX_KEYS);
  private readonly running = new Set<string>();

  constructor(public retentionMs: number) {}

  /** The stored result for `key`, if it is still kept at `now` (younger than the retention). */
  result(key: string, now: number): StoredResult | undefined {
    const r = this.results.get(key);
    return r && now - r.at < this.retentionMs ? r : undefined;
  }

  /** Whether a request with `key` is being executed now. */
  isRunning(key: string): boolean {
    return this.running.has(key);
  }

  /** A request with `key` started executing. */
  begin(key: string): void {
    this.running.add(key);
  }

  /** The request with `key` ended with this answer: stored for replay. */
  finish(key: string, status: number, ok: boolean, now: number): void {
    this.running.delete(key);
    this.results.set(key, { status, ok, at: now });
  }

  /** The server went down: requests under way are gone, stored results stay (they are in its database). */
  abandonRunning(): void {
    this.running.clear();
  }
}

/** Message ids (copies included) an OperationCounter looks back over. */
export const OPERATION_WINDOW = 1 << 20;

/**
 * Which operations (a request and all its retries) a server has executed, to count double
 * charges whatever the keys say. The simulator knows which copies are one operation (they
 * share a root message); the server itself could not without keys. Bounded: it remembers the
 * operations among the last OPERATION_WINDOW message ids of the run (one bit each, 128 KB), far
 * beyond any retry's reach.
 */
export class OperationCounter {
  private readonly seen = new RecentIds(OPERATION_WINDOW);

  /** Counts one execution of `op`; true when it had been executed before. */
  executed(op: number): boolean {
    return this.seen.mark(op);
  }
}
