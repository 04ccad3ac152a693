import { RENEW_EVERY, RENEW_UP_TO } from './young';

/**
 * A double-ended queue on a power-of-two ring: what the brokers keep their ready messages,
 * unacked deliveries and logs in. The subset of denque's API the models use, with `length` a
 * plain field: denque's is a getter calling `size()`, which the hot loops of a dispatch called
 * out of line (1.5 % of an M/M/1 run's time in that getter alone).
 */
export class Fifo<T> {
  private list: (T | undefined)[] = new Array<T | undefined>(8).fill(undefined);
  private mask = 7;
  private head = 0;
  /** Items held. */
  length = 0;
  /** Items added since the ring was last made anew (see renew). */
  private writes = 0;

  /** Adds `item` at the back; returns the new length. */
  push(item: T): number {
    if (this.length > this.mask) this.grow();
    else if (++this.writes >= RENEW_EVERY && this.mask < RENEW_UP_TO) this.renew();
    this.list[(this.head + this.length) & this.mask] = item;
    return ++this.length;
  }

  /** Adds `item` at the front; returns the new length. */
  unshift(item: T): number {
    if (this.length > this.mask) this.grow();
    else if (++this.writes >= RENEW_EVERY && this.mask < RENEW_UP_TO) this.renew();
    this.head = (this.head - 1) & this.mask;
    this.list[this.head] = item;
    return ++this.length;
  }

  /** Removes and returns the front item, or undefined when empty. */
  shift(): T | undefined {
    if (this.length === 0) return undefined;
    const head = this.head;
    const item = this.list[head];
    this.list[head] = undefined;
    this.head = (head + 1) & this.mask;
    this.length--;
    return item;
  }

  /** The front item, or undefined when empty. */
  peekFront(): T | undefined {
    return this.length === 0 ? undefined : this.list[this.head];
  }

  /** The back item, or undefined when empty. */
  peekBack(): T | undefined {
    return this.length === 0 ? undefined : this.list[(this.head + this.length - 1) & this.mask];
  }

  /** The item at position `i` from the front (negative: from the back), or undefined past either end. */
  peekAt(i: number): T | undefined {
    const n = this.length;
    if (i < 0) i += n;
    if (i < 0 || i >= n) return undefined;
    return this.list[(this.head + i) & this.mask];
  }

  /** Removes and returns the item at position `i` from the front, or undefined past either end. */
  removeOne(i: number): T | undefined {
    const n = this.length;
    if (i < 0) i += n;
    if (i < 0 || i >= n) return undefined;
    const list = this.list;
    const mask = this.mask;
    const item = list[(this.head + i) & mask];
    // Close the gap from the nearer end.
    if (i < n >> 1) {
      for (let k = i; k > 0; k--) list[(this.head + k) & mask] = list[(this.head + k - 1) & mask];
      list[this.head] = undefined;
      this.head = (this.head + 1) & mask;
    } else {
      for (let k = i; k < n - 1; k++) list[(this.head + k) & mask] = list[(this.head + k + 1) & mask];
      list[(this.head + n - 1) & mask] = undefined;
    }
    this.length--;
    return item;
  }

  /** Whether it holds nothing. */
  isEmpty(): boolean {
    return this.length === 0;
  }

  /** The items, front first, as a new array. */
  toArray(): T[] {
    const out = new Array<T>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.list[(this.head + i) & this.mask]!;
    return out;
  }

  /** Removes every item. */
  clear(): void {
    this.list.fill(undefined);
    this.head = 0;
    this.length = 0;
  }

  /** A copy of a small ring, now and then: young, so storing a fresh item in it needs no write barrier call (see young.ts). */
  private renew(): void {
    this.writes = 0;
    this.list = this.list.slice();
  }

  /** Doubles the ring, the items moved to its start in order. */
  private grow(): void {
    this.writes = 0;
    const n = this.length;
    const next = new Array<T | undefined>(2 * (this.mask + 1)).fill(undefined);
    for (let i = 0; i < n; i++) next[i] = this.list[(this.head + i) & this.mask];
    this.list = next;
    this.mask = next.length - 1;
    this.head = 0;
  }
}
