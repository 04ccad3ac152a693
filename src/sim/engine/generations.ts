/**
 * A map that forgets its oldest half at a time: the newest entries in `current`, the half before
 * in `previous`; when `current` fills, `previous` is dropped whole. Holds at most `max` entries
 * and every operation is O(1). (Deleting a Map's first key one at a time is not: V8 leaves a hole
 * per deleted entry that `keys().next()` walks over, which made a 10-hour REST benchmark quadratic.)
 */
export class Generations<K, V> {
  private current = new Map<K, V>();
  private previous = new Map<K, V>();

  constructor(private readonly max: number) {}

  get(key: K): V | undefined {
    return this.current.get(key) ?? this.previous.get(key);
  }

  set(key: K, value: V): void {
    this.previous.delete(key);
    this.current.set(key, value);
    if (this.current.size >= this.max / 2) {
      this.previous = this.current;
      this.current = new Map();
    }
  }

  delete(key: K): void {
    this.current.delete(key);
    this.previous.delete(key);
  }

  clear(): void {
    this.current.clear();
    this.previous.clear();
  }

  get size(): number {
    return this.current.size + this.previous.size;
  }
}
