/** The consumers a RoundRobin picks among, asked by index (a method, not a closure: this is the hot path). */
export interface Candidates {
  hasRoomAt(index: number): boolean;
}

/**
 * Round robin over `n` consumers that skips those without room: the "next consumer with room"
 * rule of a RabbitMQ queue and of a Pub/Sub subscription. The cursor stays where the last pick
 * left it, so the next pick starts after it.
 */
export class RoundRobin {
  private cursor = 0;

  /** The first index from the cursor on (wrapping) that `candidates` has room at, moving the cursor past it; -1 if none. */
  pick(n: number, candidates: Candidates): number {
    for (let i = 0; i < n; i++) {
      const k = (this.cursor + i) % n;
      if (candidates.hasRoomAt(k)) {
        this.cursor = (k + 1) % n;
        return k;
      }
    }
    return -1;
  }

  /** Back to the first consumer if the list shrank below the cursor. */
  clamp(n: number): void {
    if (this.cursor >= n) this.cursor = 0;
  }
}
