import { phrase, type Lang, type MessageKey } from './errors';

/**
 * Every bound microsim puts on what a scenario may ask for, in one place. A share link is
 * untrusted input: these make sure no file or link can hang the tab or exhaust its memory.
 * The README ("Limits") gives the reason for each.
 */
export const LIMITS = {
  // ---- the size of a scenario ----
  /** Nodes per scenario: far past any diagram a person can read. */
  nodes: 1_000,
  /** Links per scenario. */
  links: 5_000,
  /** Scheduled actions per scenario, and recorded actions per share link. */
  actions: 10_000,
  /** How deep any JSON value may nest (objects in arrays in objects …). */
  depth: 32,
  /** Decompressed size of a share link's scenario or actions, in characters. */
  linkChars: 2_000_000,
  /** Characters of a scenario file. */
  fileChars: 5_000_000,

  // ---- integer settings whose value is allocated or looped over ----
  /** Kafka partitions (an array per partition per group). */
  partitions: 1_000,
  /** Messages per second of a producer or sender: one every 10 µs of simulated time. */
  ratePerSec: 100_000,
  /** Messages a producer publishes at each arrival. */
  burst: 1_000,
  /** Delivery ids a webhook receiver remembers. */
  dedupeMemory: 1_000_000,
  /** Attempts of a retry or webhook schedule. */
  attempts: 1_000,
  /** Parallel slots of a service, a prefetch, the messages a subscriber may hold unacked. */
  slots: 10_000,
  /** Anything counted (maxLength, keys, limit, sliding-buffer sizes). */
  count: 100_000_000,
  /** Any duration in a setting, in ms: 10 years of simulated time. */
  ms: 3.2e11,

  // ---- the engine at run time ----
  /** Trace events and scheduled events at one instant of simulated time. */
  eventsPerInstant: 50_000,
  /** Copies alive at once (in transit, buffered or being processed). */
  liveMessages: 200_000,
  /** Copies made of one publication (fan-out, redeliveries, dead-letter hops). */
  copiesPerPublication: 10_000,
  /** Zero-latency hops inside one event (a message handed on synchronously). */
  syncHops: 1_000,
} as const;

/**
 * The engine stopped a run because a limit was reached. It says which, in both languages;
 * the UI shows it and pauses, the CLI prints it and exits 2. The simulation is unusable after.
 */
export class LimitError extends Error {
  constructor(readonly texts: Readonly<Record<Lang, string>>) {
    super(texts.en);
    this.name = 'LimitError';
  }

  /** The error for message `key` of the table in errors.ts, in both languages. */
  static of(key: MessageKey, params: Record<string, string | number> = {}): LimitError {
    return new LimitError({ en: phrase('en', key, params), es: phrase('es', key, params) });
  }

  /** The message in `lang`. */
  text(lang: Lang): string {
    return this.texts[lang];
  }
}

/** The message of any error in `lang`: a LimitError's own translation, else its message. */
export function errorText(e: unknown, lang: Lang): string {
  if (e instanceof LimitError) return e.text(lang);
  return e instanceof Error ? e.message : String(e);
}

/**
 * Counts the engine's work at the current instant and the depth of synchronous hand-offs,
 * and throws a LimitError past a limit. One per Simulation; its calls are on the hot path,
 * so each is a comparison and an increment.
 */
export class RunGuard {
  /** The instant `work` counts at: the clock's, which starts at 0 (see `at`). */
  private instant = 0;
  private work = 0;
  /** Zero-latency hand-offs in progress, nested. */
  depth = 0;

  /** One scheduled event, at simulated time `now` (the clock moves to it). */
  tick(now: number): void {
    this.at(now);
    this.count();
  }

  /**
   * One trace event, at the current instant. It does not read the clock: the clock moves only
   * to a scheduled event (`tick`) or, between events, by `Simulation` with `at`. On the hot path:
   * an increment and a comparison.
   */
  count(): void {
    if (++this.work > LIMITS.eventsPerInstant) this.over();
  }

  /** The clock moved to `now` (a scheduled event, or a run that ends between events): another instant starts the count again. */
  at(now: number): void {
    if (now !== this.instant) {
      this.instant = now;
      this.work = 0;
    }
  }

  private over(): never {
    throw LimitError.of('limitEventsPerInstant', { max: LIMITS.eventsPerInstant, t: this.instant });
  }

  /** Entering a synchronous hand-off (a zero-latency link); `leave` when it returns. */
  enter(now: number): void {
    if (++this.depth > LIMITS.syncHops) throw LimitError.of('limitSyncHops', { max: LIMITS.syncHops, t: now });
  }

  leave(): void {
    this.depth--;
  }
}
