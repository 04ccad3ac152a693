import { RENEW_EVERY, RENEW_UP_TO } from './young';

/** Something that can sit in a SlotSet: it remembers its own index there (-1 when outside). */
export interface Slotted {
  slot: number;
}

/**
 * A set of items that know their own position: add, delete and membership in O(1) with no
 * allocation per operation (delete swaps the last item in). A JS Set churned once per message
 * keeps finished items alive through young-generation collections; this does not.
 * Iteration order is not insertion order after a delete.
 */
export class SlotSet<T extends Slotted> {
  // Its length only grows: delete clears the last place instead of popping it. Popping to empty
  // and pushing again (a service of concurrency 1, once per job) made every push grow the
  // backing store again through the out-of-line Array.prototype.push.
  private items: (T | undefined)[] = [];
  private count = 0;
  /** Adds since the array was last made anew (see add). */
  private adds = 0;

  get size(): number {
    return this.count;
  }

  add(item: T): void {
    if (item.slot >= 0) return;
    // Now and then a copy, young: storing a fresh item in it needs no write barrier call (see young.ts).
    if (++this.adds >= RENEW_EVERY && this.items.length <= RENEW_UP_TO) {
      this.adds = 0;
      this.items = this.items.slice();
    }
    item.slot = this.count;
    this.items[this.count++] = item;
  }

  has(item: T): boolean {
    return item.slot >= 0 && item.slot < this.count && this.items[item.slot] === item;
  }

  delete(item: T): boolean {
    if (!this.has(item)) return false;
    const last = this.items[--this.count]!;
    this.items[this.count] = undefined;
    if (last !== item) {
      this.items[item.slot] = last;
      last.slot = item.slot;
    }
    item.slot = -1;
    return true;
  }

  /** Removes everything and returns what was there. */
  drain(): T[] {
    const out = this.items.slice(0, this.count) as T[];
    this.items.fill(undefined);
    this.count = 0;
    for (const item of out) item.slot = -1;
    return out;
  }

  [Symbol.iterator](): Iterator<T> {
    return (this.items.slice(0, this.count) as T[])[Symbol.iterator]();
  }
}
