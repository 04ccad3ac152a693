/**
 * Round robin over `n` consumers that skips those without room: the "next consumer with room"
 * rule of a RabbitMQ queue and of a Pub/Sub subscription. The cursor stays where the last pick
 * left it, so the next pick starts after it.
 */
export class RoundRobin {
  private cursor = 0;

  /** The first index from the cursor on (wrapping) for which `hasRoom` holds, moving the cursor past it; -1 if none. */
  pick(n: number, hasRoom: (index: number) => boolean): number {
    for (let i = 0; i < n; i++) {
      const k = (this.cursor + i) % n;
      if (hasRoom(k)) {
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
