import { hashString } from '../../engine/rng';

/**
 * A receiver's memory of the last `capacity` delivery ids it processed, for deduplication:
 * the oldest id is forgotten when a new one comes in. `has` and `add` are O(1) and allocate
 * nothing. A Set would do the same job, but its tables churn under constant eviction.
 *
 * An id of the senders' own form, `msg_<n>` (n written without leading zeros), is kept as the
 * number n, any other id (a forger's) as its string: the same answers, but the ring holds no
 * string of the sender's. Holding 10,000 of them (the default memory) kept every event's id
 * string alive through young-generation collections, each copied before it was promoted.
 *
 * The ids remembered are a ring, oldest first. A number is found through a direct table, slot
 * `n mod slots`: a sender's ids come nearly in order, so each id has its slot to itself and
 * the slot a new id reads is beside the previous id's, still in the cache. A hash table over
 * the whole ring was a cache miss or two per lookup, with the collector's allocations
 * streaming through the cache: an eighth of a webhook run's time. A number whose direct slot
 * is taken, and every string, goes to an open-addressing index instead (linear probing,
 * deletion by backward shift), made when first needed.
 */
export class RecentIds {
  /** Per ring position: the id's number, or STRING when the id is kept in `strings`. */
  private readonly numbers: Float64Array;
  private readonly strings: (string | undefined)[];
  /** Per ring position: the id's hash, when it is in `index` (not in `direct`). */
  private readonly hashes: Int32Array;
  /** Per slot: 1 + the ring position of the number kept there (0: none). */
  private readonly direct: Int32Array;
  /**
   * The overflow index, per slot two numbers: 1 + the position in the ring (0 for an empty
   * slot), and the id's hash. The hash beside the position, so that probing and the shift of a
   * deletion read one place per slot.
   */
  private index: Int32Array | undefined;
  /** Ids in `index` now. */
  private indexed = 0;
  private readonly mask: number;
  private next = 0;
  /** Ids remembered now. */
  size = 0;

  constructor(readonly capacity: number) {
    this.numbers = new Float64Array(capacity);
    this.strings = new Array<string | undefined>(capacity).fill(undefined);
    this.hashes = new Int32Array(capacity);
    let slots = 8;
    while (slots < capacity * 2) slots *= 2;
    this.direct = new Int32Array(slots);
    this.mask = slots - 1;
  }

  /**
   * Whether `id` is among the remembered ids. `n`: what `numberOf(id)` gives, when the caller
   * knows it already (the n of a `msg_<n>` it wrote itself).
   */
  has(id: string, n: number = numberOf(id)): boolean {
    if (n !== STRING && this.inDirect(n)) return true;
    return this.indexed > 0 && this.find(id, n, hashOf(id, n)) >= 0;
  }

  /** Remembers `id` (forgetting the oldest if full); true if it was already remembered. `n` as for `has`. */
  add(id: string, n: number = numberOf(id)): boolean {
    if (n !== STRING && this.inDirect(n)) return true;
    const indexed = this.indexed > 0;
    const h = indexed ? hashOf(id, n) : 0;
    if (indexed && this.find(id, n, h) >= 0) return true;
    const at = this.next;
    if (this.size === this.capacity) this.forget(at);
    else this.size++;
    this.numbers[at] = n;
    // The oldest id, just forgotten, may have held the direct slot: it is free now if so.
    if (n !== STRING && this.direct[n & this.mask] === 0) {
      this.direct[n & this.mask] = at + 1;
    } else {
      if (n === STRING) this.strings[at] = id;
      this.insert(at, indexed ? h : hashOf(id, n));
    }
    this.next = at + 1 === this.capacity ? 0 : at + 1;
    return false;
  }

  /** Whether number `n` is remembered in its direct slot. */
  private inDirect(n: number): boolean {
    const e = this.direct[n & this.mask]!;
    return e !== 0 && this.numbers[e - 1] === n;
  }

  /** Forgets the id at ring position `at`. */
  private forget(at: number): void {
    // Held in its direct slot when that slot points back at it (a string's "slot" never does).
    const slot = this.numbers[at]! & this.mask;
    if (this.direct[slot] === at + 1) this.direct[slot] = 0;
    else this.unlink(at);
  }

  private insert(at: number, h: number): void {
    const index = (this.index ??= new Int32Array(2 * (this.mask + 1)));
    this.hashes[at] = h;
    let slot = h & this.mask;
    while (index[2 * slot] !== 0) slot = (slot + 1) & this.mask;
    index[2 * slot] = at + 1;
    index[2 * slot + 1] = h;
    this.indexed++;
  }

  private find(id: string, n: number, h: number): number {
    const index = this.index!;
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const e = index[2 * slot]!;
      if (e === 0) return -1;
      if (index[2 * slot + 1] === h && this.numbers[e - 1] === n && (n !== STRING || this.strings[e - 1] === id)) return slot;
    }
  }

  /** Takes the id at ring position `at` out of the index, shifting later entries back into the hole. */
  private unlink(at: number): void {
    const mask = this.mask;
    let hole = this.hashes[at]! & mask;
    const index = this.index!;
    while (index[2 * hole] !== at + 1) hole = (hole + 1) & mask;
    for (let j = (hole + 1) & mask; index[2 * j] !== 0; j = (j + 1) & mask) {
      const home = index[2 * j + 1]! & mask;
      // The entry at j may move into the hole if its home is not cyclically within (hole, j].
      const between = hole <= j ? home > hole && home <= j : home > hole || home <= j;
      if (!between) {
        index[2 * hole] = index[2 * j]!;
        index[2 * hole + 1] = index[2 * j + 1]!;
        hole = j;
      }
    }
    index[2 * hole] = 0;
    this.strings[at] = undefined;
    this.indexed--;
  }
}

/** The mark of an id kept as a string (numbers of ids are never negative). */
const STRING = -1;

/**
 * n for an id `msg_<n>` with n in canonical decimal (no sign, no leading zero, at most 15
 * digits: exact as a double), so that two such ids are equal exactly when their numbers are;
 * STRING for any other id.
 */
export function numberOf(id: string): number {
  const len = id.length;
  // "msg_": m s g _
  if (len < 5 || len > 19 || id.charCodeAt(0) !== 109 || id.charCodeAt(1) !== 115 || id.charCodeAt(2) !== 103 || id.charCodeAt(3) !== 95) {
    return STRING;
  }
  if (len > 5 && id.charCodeAt(4) === 48) return STRING;
  let n = 0;
  for (let i = 4; i < len; i++) {
    const d = id.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return STRING;
    n = n * 10 + d;
  }
  return n;
}

/** The index hash of an id whose number (or STRING) is `n`. */
function hashOf(id: string, n: number): number {
  return n === STRING ? hashString(id) | 0 : hashNumber(n);
}

/** A 32-bit hash of a non-negative integer below 2^53 (its two halves mixed, murmur3's finalizer). */
function hashNumber(n: number): number {
  let h = (n >>> 0) ^ Math.imul((n / 4294967296) | 0, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}
