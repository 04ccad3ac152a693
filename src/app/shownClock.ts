/**
 * The simulated time the screen shows: the engine's time `hopMs` of wall time ago,
 * interpolated between the (wall, simulated time) pairs noted each frame. Moving messages are
 * drawn against it and the cards show figures taken then, so a card changes only once the
 * message that changed it has arrived on screen (docs/ARCHITECTURE.md, "Drawing messages").
 * Pure: no clock of its own, the caller passes wall times.
 */
export class ShownClock {
  /** Recent (wall, simulated time) pairs; one older than the delay is kept, for interpolation. */
  private pairs: { wall: number; sim: number }[] = [{ wall: -Infinity, sim: 0 }];

  constructor(public hopMs: number) {}

  /** Forgets the past: the screen shows `now` straight away (load, reset, the end of a seek). */
  reset(now: number): void {
    this.pairs = [{ wall: -Infinity, sim: now }];
  }

  /** The engine is at `now` at wall time `wall`. */
  note(wall: number, now: number): void {
    const c = this.pairs;
    const last = c[c.length - 1];
    if (last && last.sim === now && c.length > 1 && c[c.length - 2]!.sim === now) last.wall = wall;
    else c.push({ wall, sim: now });
    let drop = 0;
    while (drop < c.length - 2 && c[drop + 1]!.wall <= wall - this.hopMs) drop++;
    if (drop > 0) c.splice(0, drop);
  }

  /** The simulated time shown at wall time `wall`. */
  at(wall: number): number {
    const at = wall - this.hopMs;
    const c = this.pairs;
    let i = c.length - 1;
    while (i > 0 && c[i]!.wall > at) i--;
    const a = c[i]!;
    if (a.wall > at) return a.sim;
    const b = c[i + 1];
    if (!b || b.wall <= a.wall) return a.sim;
    return a.sim + ((b.sim - a.sim) * (at - a.wall)) / (b.wall - a.wall);
  }
}
