/**
 * The limit the engine is measured against: a bare binary heap of (time, seq) events with 64
 * pending, doing pop-then-push pairs as a simulation loop does, and nothing else. No targets,
 * no handlers, no trace. Its pairs per second are the most events per second any engine built
 * on such a heap could reach on this machine, in this process, at this moment.
 */

interface Ev {
  time: number;
  seq: number;
}

const PENDING = 64;

function before(a: Ev, b: Ev): boolean {
  return a.time !== b.time ? a.time < b.time : a.seq < b.seq;
}

/** Exponential delays (mean 1 ms) from a fixed xorshift seed, precomputed so drawing costs nothing. */
function makeDelays(): Float64Array {
  const d = new Float64Array(4096);
  let x = 0x9e3779b9;
  for (let i = 0; i < d.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    d[i] = -Math.log(((x >>> 0) + 1) / 4294967297);
  }
  return d;
}

/** A heap with 64 pending events that can run pop-then-push pairs on demand. */
export class BareHeap {
  private heap: Ev[] = [];
  private seq = 0;
  private readonly delays = makeDelays();
  /** A checksum of what was popped, so the work cannot be optimised away. */
  sum = 0;

  constructor() {
    for (let i = 0; i < PENDING; i++) this.push({ time: this.delays[i]!, seq: this.seq++ });
  }

  /** Runs `n` pop-then-push pairs. */
  pairs(n: number): void {
    const delays = this.delays;
    const mask = delays.length - 1;
    let sum = this.sum;
    for (let i = 0; i < n; i++) {
      const ev = this.pop();
      sum += ev.seq;
      this.push({ time: ev.time + delays[i & mask]!, seq: this.seq++ });
    }
    this.sum = sum;
  }

  private push(ev: Ev): void {
    const heap = this.heap;
    let i = heap.length;
    heap.push(ev);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (!before(ev, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = ev;
  }

  private pop(): Ev {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    const n = heap.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && before(heap[r]!, heap[l]!) ? r : l;
        if (!before(heap[c]!, last)) break;
        heap[i] = heap[c]!;
        i = c;
      }
      heap[i] = last;
    }
    return top;
  }
}

/** A clock in ms: the wall clock, or the process's CPU time (user + system; see bench.ts's `--cpu`). */
export type Clock = () => number;
export const wallClock: Clock = () => performance.now();
export const cpuClock: Clock = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Times `n` pairs on `heap`; returns the time in ms on `clock` (the wall clock by default). */
export function timePairs(heap: BareHeap, n: number, clock: Clock = wallClock): number {
  const t0 = clock();
  heap.pairs(n);
  return clock() - t0;
}
