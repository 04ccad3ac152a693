/**
 * A map from integer ids (message ids: non-negative, below 2^53) to values, for lookups on
 * every request and answer. Open addressing with linear probing, deletion by backward shift,
 * the table doubled past half full: get, set and delete are a few array reads inlined into
 * the caller. A JS Map does the same job through a builtin call each time, and a table whose
 * keys only grow keeps filling with deleted entries and being rebuilt.
 */
export class IdTable<T> {
  private keys = new Float64Array(8).fill(-1);
  private values: (T | undefined)[] = new Array<T | undefined>(8).fill(undefined);
  private mask = 7;
  private shift = 29;
  /** Entries now. */
  size = 0;

  /** The value kept for `id`, if any. */
  get(id: number): T | undefined {
    const keys = this.keys;
    for (let i = this.slot(id); ; i = (i + 1) & this.mask) {
      const k = keys[i]!;
      if (k === id) return this.values[i];
      if (k === -1) return undefined;
    }
  }

  /** Keeps `value` for `id`, replacing any value it had. */
  set(id: number, value: T): void {
    const keys = this.keys;
    let i = this.slot(id);
    for (; ; i = (i + 1) & this.mask) {
      const k = keys[i]!;
      if (k === id) {
        this.values[i] = value;
        return;
      }
      if (k === -1) break;
    }
    keys[i] = id;
    this.values[i] = value;
    if (++this.size * 2 > this.mask + 1) this.grow();
  }

  /** Forgets `id`; returns whether it was there. */
  delete(id: number): boolean {
    const keys = this.keys;
    const mask = this.mask;
    let hole = this.slot(id);
    for (; ; hole = (hole + 1) & mask) {
      const k = keys[hole]!;
      if (k === id) break;
      if (k === -1) return false;
    }
    // Backward shift: later entries of the run move into the hole unless their home lies cyclically in (hole, j].
    for (let j = (hole + 1) & mask; keys[j] !== -1; j = (j + 1) & mask) {
      const home = this.slot(keys[j]!);
      const between = hole <= j ? home > hole && home <= j : home > hole || home <= j;
      if (!between) {
        keys[hole] = keys[j]!;
        this.values[hole] = this.values[j];
        hole = j;
      }
    }
    keys[hole] = -1;
    this.values[hole] = undefined;
    this.size--;
    return true;
  }

  /** Where `id`'s probe starts: Fibonacci hashing of its low 32 bits mixed with the high ones. */
  private slot(id: number): number {
    return Math.imul((id >>> 0) ^ ((id / 4294967296) | 0), 0x9e3779b1) >>> this.shift;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    const n = oldKeys.length * 2;
    this.keys = new Float64Array(n).fill(-1);
    this.values = new Array<T | undefined>(n).fill(undefined);
    this.mask = n - 1;
    this.shift--;
    for (let i = 0; i < oldKeys.length; i++) {
      const id = oldKeys[i]!;
      if (id === -1) continue;
      let j = this.slot(id);
      while (this.keys[j] !== -1) j = (j + 1) & this.mask;
      this.keys[j] = id;
      this.values[j] = oldValues[i];
    }
  }
}
