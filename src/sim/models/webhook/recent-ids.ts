import { hashString } from '../../engine/rng';

/**
 * A receiver's memory of the last `capacity` delivery ids it processed, for deduplication:
 * the oldest id is forgotten when a new one comes in. `has` and `add` are O(1) and allocate
 * nothing: a ring of ids plus an open-addressing index (linear probing, deletion by backward
 * shift). A Set would do the same job, but its tables churn under constant eviction.
 */
export class RecentIds {
  private readonly ids: (string | undefined)[];
  private readonly hashes: Int32Array;
  /** Slot → 1 + position in the ring; 0 for an empty slot. */
  private readonly index: Int32Array;
  private readonly mask: number;
  private next = 0;
  /** Ids remembered now. */
  size = 0;

  constructor(readonly capacity: number) {
    this.ids = new Array<string | undefined>(capacity).fill(undefined);
    this.hashes = new Int32Array(capacity);
    let slots = 8;
    while (slots < capacity * 2) slots *= 2;
    this.index = new Int32Array(slots);
    this.mask = slots - 1;
  }

  /** Whether `id` is among the remembered ids. */
  has(id: string): boolean {
    return this.find(id, hashString(id) | 0) >= 0;
  }

  /** Remembers `id` (forgetting the oldest if full); true if it was already remembered. */
  add(id: string): boolean {
    const h = hashString(id) | 0;
    if (this.find(id, h) >= 0) return true;
    const at = this.next;
    if (this.size === this.capacity) this.unlink(at);
    else this.size++;
    this.ids[at] = id;
    this.hashes[at] = h;
    let slot = h & this.mask;
    while (this.index[slot] !== 0) slot = (slot + 1) & this.mask;
    this.index[slot] = at + 1;
    this.next = at + 1 === this.capacity ? 0 : at + 1;
    return false;
  }

  private find(id: string, h: number): number {
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const e = this.index[slot]!;
      if (e === 0) return -1;
      if (this.hashes[e - 1] === h && this.ids[e - 1] === id) return slot;
    }
  }

  /** Takes the id at ring position `at` out of the index, shifting later entries back into the hole. */
  private unlink(at: number): void {
    const mask = this.mask;
    let hole = this.hashes[at]! & mask;
    while (this.index[hole] !== at + 1) hole = (hole + 1) & mask;
    for (let j = (hole + 1) & mask; this.index[j] !== 0; j = (j + 1) & mask) {
      const home = this.hashes[this.index[j]! - 1]! & mask;
      // The entry at j may move into the hole if its home is not cyclically within (hole, j].
      const between = hole <= j ? home > hole && home <= j : home > hole || home <= j;
      if (!between) {
        this.index[hole] = this.index[j]!;
        hole = j;
      }
    }
    this.index[hole] = 0;
    this.ids[at] = undefined;
  }
}
