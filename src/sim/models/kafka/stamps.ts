/**
 * The publication times of one partition's records, from its log start, in a ring of doubles:
 * what retention compares with its cutoff. Reading them here, not off the records, keeps the
 * retention check out of records last touched two minutes of simulated time ago (cold in the
 * cache), and stores each time unboxed (a Fifo<number> would box every one as a heap number).
 */
export class Stamps {
  private ring = new Float64Array(8);
  private mask = 7;
  private head = 0;
  /** Times held. */
  length = 0;

  /** Adds `t` at the back. */
  push(t: number): void {
    if (this.length > this.mask) this.grow();
    this.ring[(this.head + this.length) & this.mask] = t;
    this.length++;
  }

  /** The time at position `i` from the front (0 ≤ i < length). */
  at(i: number): number {
    return this.ring[(this.head + i) & this.mask]!;
  }

  /** Removes the `n` front times (n ≤ length). */
  drop(n: number): void {
    this.head = (this.head + n) & this.mask;
    this.length -= n;
  }

  /** Doubles the ring, the times moved to its start in order. */
  private grow(): void {
    const next = new Float64Array(2 * (this.mask + 1));
    for (let i = 0; i < this.length; i++) next[i] = this.at(i);
    this.ring = next;
    this.mask = next.length - 1;
    this.head = 0;
  }
}
