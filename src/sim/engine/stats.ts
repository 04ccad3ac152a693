/**
 * A quantity that changes over time (a backlog, a lag), with its current value, its
 * maximum and its time-weighted mean since t=0.
 */
export class TimeWeighted {
  now = 0;
  max = 0;
  private area = 0;
  private since = 0;

  /** Records that the value became `value` at time `t` (t never decreases). */
  set(t: number, value: number): void {
    this.area += this.now * (t - this.since);
    this.since = t;
    this.now = value;
    if (value > this.max) this.max = value;
  }

  /** The time-weighted mean over [0, t]. */
  mean(t: number): number {
    if (t <= 0) return this.now;
    return (this.area + this.now * (t - this.since)) / t;
  }

  /** The JSON shape the runner prints for a backlog. */
  summary(t: number): { now: number; max: number; timeAvg: number } {
    return { now: this.now, max: this.max, timeAvg: round(this.mean(t), 4) };
  }
}

/** Latency figures as the runner prints them, in ms. */
export interface LatencySummary {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

// Log-linear buckets (as HdrHistogram lays them out): 2^SUB sub-buckets per power of two,
// so any recorded value is reported within 1/2^SUB (0.8 %) of itself, in bounded memory.
const SUB = 7;
const SUB_COUNT = 1 << SUB;
const UNIT = 0.01; // ms: resolution of the smallest bucket

/**
 * Latency distribution in bounded memory: exact count, mean and max; percentiles within
 * 0.8 %. Recording is O(1) and allocation-free.
 */
export class LatencyHistogram {
  // Allocated on the first observation: most nodes of a large scenario never record one,
  // and 64 KB each up front made 100,000 nodes cost gigabytes.
  // Counts as 32-bit integers: half the memory of doubles for the same answers (a bucket would
  // need four billion observations to overflow), so recording touches the cache less.
  private buckets: Uint32Array | null = null;
  count = 0;
  private sum = 0;
  max = 0;
  // Scans stop here: the UI reads percentiles every frame, and most buckets are empty.
  private top = 0;

  /** Adds one observation, in ms. */
  record(ms: number): void {
    this.recordIn(ms, bucketOf(ms));
  }

  /** Adds one observation `ms` whose bucket is `b` (bucketOf(ms)): one observation recorded at a node and its broker finds it once. */
  recordIn(ms: number, b: number): void {
    this.count++;
    this.sum += ms;
    if (ms > this.max) this.max = ms;
    (this.buckets ??= new Uint32Array(64 * SUB_COUNT))[b]!++;
    if (b > this.top) this.top = b;
  }

  /** The value at percentile `p` (0..100), in ms. */
  percentile(p: number): number {
    return this.percentiles([p])[0]!;
  }

  /** Several percentiles (ascending) in one scan of the buckets. */
  percentiles(ps: readonly number[]): number[] {
    const out = ps.map(() => this.max);
    if (this.count === 0 || !this.buckets) return ps.map(() => 0);
    let k = 0;
    let rank = Math.max(1, Math.ceil((ps[0]! / 100) * this.count));
    let seen = 0;
    const b = this.buckets;
    for (let i = 0; i <= this.top && k < ps.length; i++) {
      seen += b[i]!;
      while (k < ps.length && seen >= rank) {
        out[k] = Math.min(this.max, valueOf(i));
        k++;
        if (k < ps.length) rank = Math.max(1, Math.ceil((ps[k]! / 100) * this.count));
      }
    }
    return out;
  }

  /** Mean, in ms. */
  mean(): number {
    return this.count === 0 ? 0 : this.sum / this.count;
  }

  /** The JSON shape the runner prints. */
  summary(): LatencySummary {
    const [p50, p95, p99] = this.percentiles([50, 95, 99]);
    return {
      count: this.count,
      mean: round(this.mean(), 3),
      p50: round(p50!, 3),
      p95: round(p95!, 3),
      p99: round(p99!, 3),
      max: round(this.max, 3),
    };
  }
}

/** The bucket of a LatencyHistogram an observation of `ms` falls in (see recordIn). */
export function bucketOf(ms: number): number {
  const v = Math.floor(ms / UNIT);
  if (v < SUB_COUNT) return v;
  let exp: number;
  let mantissa: number;
  if (v < 0x80000000) {
    // The common case, in integer arithmetic: how many times v must be halved to fit in SUB bits.
    exp = 32 - Math.clz32(v) - SUB;
    mantissa = v >>> exp;
  } else {
    // Past 2^31 (about six hours), floating point keeps this exact.
    exp = Math.floor(Math.log2(v)) - SUB + 1;
    mantissa = Math.floor(v / 2 ** exp);
    if (mantissa >= SUB_COUNT) mantissa = Math.floor(v / 2 ** ++exp);
  }
  return Math.min(exp * SUB_COUNT + mantissa, 64 * SUB_COUNT - 1);
}

function valueOf(bucket: number): number {
  const exp = Math.floor(bucket / SUB_COUNT);
  const mantissa = bucket % SUB_COUNT;
  if (exp === 0) return (mantissa + 0.5) * UNIT;
  // The midpoint of the bucket's range.
  return ((mantissa + 0.5) * 2 ** exp) * UNIT;
}

/** Rounds for printing. */
export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
