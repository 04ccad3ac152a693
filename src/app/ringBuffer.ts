/**
 * The last `capacity` items pushed, oldest first: pushing past capacity overwrites the oldest.
 * Memory is fixed at construction, so a long run never grows it. `dropped` counts what was
 * overwritten, so the UI can say that older entries are gone.
 */
export class RingBuffer<T> {
  private readonly items: (T | undefined)[];
  private start = 0;
  private size = 0;
  /** Items pushed since the last clear, kept or not. */
  pushed = 0;

  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new Error(`ring capacity must be at least 1, got ${capacity}`);
    this.items = new Array<T | undefined>(capacity);
  }

  /** Items held now (at most `capacity`). */
  get length(): number {
    return this.size;
  }

  /** Items pushed and since overwritten. */
  get dropped(): number {
    return this.pushed - this.size;
  }

  /** Appends `item`, overwriting the oldest when full. */
  push(item: T): void {
    const cap = this.capacity;
    if (this.size < cap) {
      this.items[(this.start + this.size) % cap] = item;
      this.size++;
    } else {
      this.items[this.start] = item;
      this.start = (this.start + 1) % cap;
    }
    this.pushed++;
  }

  /** The item at `i`, 0 being the oldest held; undefined out of range. */
  get(i: number): T | undefined {
    if (i < 0 || i >= this.size) return undefined;
    return this.items[(this.start + i) % this.capacity];
  }

  /** The newest item, or undefined when empty. */
  last(): T | undefined {
    return this.get(this.size - 1);
  }

  /** Empties the buffer (and forgets what was dropped). */
  clear(): void {
    this.items.fill(undefined);
    this.start = 0;
    this.size = 0;
    this.pushed = 0;
  }

  /** A copy of the items held, oldest first. */
  toArray(): T[] {
    const out = new Array<T>(this.size);
    for (let i = 0; i < this.size; i++) out[i] = this.get(i)!;
    return out;
  }
}

/**
 * A ring of numbers in a preallocated Float64Array (no allocation per push, nothing for the
 * garbage collector): the metrics sampler's series.
 */
export class NumberRing {
  private readonly values: Float64Array;
  private start = 0;
  private size = 0;

  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new Error(`ring capacity must be at least 1, got ${capacity}`);
    this.values = new Float64Array(capacity);
  }

  /** Values held now. */
  get length(): number {
    return this.size;
  }

  /** Appends `value`, overwriting the oldest when full. */
  push(value: number): void {
    const cap = this.capacity;
    if (this.size < cap) {
      this.values[(this.start + this.size) % cap] = value;
      this.size++;
    } else {
      this.values[this.start] = value;
      this.start = (this.start + 1) % cap;
    }
  }

  /** The value at `i`, 0 being the oldest held; NaN out of range. */
  get(i: number): number {
    if (i < 0 || i >= this.size) return NaN;
    return this.values[(this.start + i) % this.capacity]!;
  }

  /** Empties the ring. */
  clear(): void {
    this.start = 0;
    this.size = 0;
  }

  /** The values held, oldest first, into `out` (resized to fit); NaN becomes null, as uPlot draws gaps. */
  copyTo(out: (number | null)[]): (number | null)[] {
    out.length = this.size;
    for (let i = 0; i < this.size; i++) {
      const v = this.get(i);
      out[i] = Number.isNaN(v) ? null : v;
    }
    return out;
  }
}
