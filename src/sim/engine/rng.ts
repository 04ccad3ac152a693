/**
 * Seeded pseudo-random numbers for the engine. `src/sim` never calls Math.random:
 * every draw comes from an Rng, so a seed replays a run exactly.
 *
 * Algorithm: xoshiro128** 1.1 (Blackman & Vigna, 2018), 128-bit state, period 2^128−1,
 * seeded through splitmix32 so that nearby seeds give unrelated streams.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** A generator whose whole sequence is fixed by `seed` (any 32-bit integer). */
  constructor(seed: number) {
    let s = seed >>> 0;
    const next = (): number => {
      // splitmix32
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
  }

  /** An unsigned 32-bit integer. */
  nextU32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** A float uniformly distributed in [0, 1). */
  next(): number {
    return this.nextU32() / 4294967296;
  }

  /** A float uniformly distributed in [min, max). */
  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** An integer uniformly distributed in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An exponential draw with the given mean (inverse transform). */
  exponential(mean: number): number {
    // 1 - next() is in (0, 1], so the log is finite.
    return -mean * Math.log(1 - this.next());
  }

  /** A standard normal draw (Box–Muller; the spare value is kept for the next call). */
  gaussian(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    const u = 1 - this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    this.hasSpare = true;
    return r * Math.cos(2 * Math.PI * v);
  }
  // A number field with a flag, not `number | undefined`: a field that holds only numbers keeps
  // them in place, where one that may hold undefined allocated a heap number per spare.
  private spare = 0;
  private hasSpare = false;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** A stable 32-bit hash of a string (FNV-1a), used to derive per-node seeds. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A generator for one named stream of a run, so adding a node does not perturb the others' draws. */
export function streamRng(seed: number, name: string): Rng {
  return new Rng((seed ^ hashString(name)) >>> 0);
}
