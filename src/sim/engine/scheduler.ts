import { RENEW_EVERY, RENEW_UP_TO } from './young';
import type { BareTypes, PayloadOf, TimerTarget } from './timers';

/**
 * Something that receives scheduled events: a node, a link, the simulation itself. A model
 * types its `handle` with `Timer<…>` (timers.ts), and `schedule` checks payloads against it.
 */
export interface EventTarget {
  handle(ev: ScheduledEvent): void;
}

/** One pending event. Ordered by (time, priority, seq), so simultaneous events always run in the same order. */
export interface ScheduledEvent {
  time: number;
  priority: number;
  seq: number;
  target: EventTarget;
  type: number;
  data: unknown;
  cancelled: boolean;
}

/**
 * A discrete-event scheduler over virtual time in milliseconds: a binary heap of
 * (time, priority, sequence), as SimPy's core does. The ever-increasing sequence number
 * breaks ties, so the same inputs always give the same order. Lower priority runs first.
 */
export class Scheduler {
  private heap: ScheduledEvent[] = [];
  private seq = 0;
  private live = 0;
  /** Cancelled events still in the heap (they are dropped when they reach the top, or by compact()). */
  private dead = 0;
  /** Pushes since the heap's array was last renewed (see renew). */
  private pushes = 0;
  /** The current virtual time in ms. It never goes backwards. */
  now = 0;
  /** How many events have run. */
  executed = 0;

  /**
   * Schedules event `type` carrying `data` for `target.handle` to run `delay` ms from now. The
   * payload is checked against the target's `handle` (timers.ts); it may be left out for a type
   * that carries nothing.
   */
  schedule<E extends ScheduledEvent, K extends BareTypes<E>>(delay: number, target: TimerTarget<E>, type: K): ScheduledEvent;
  schedule<E extends ScheduledEvent, K extends E['type']>(delay: number, target: TimerTarget<E>, type: K, data: PayloadOf<E, K>, priority?: number): ScheduledEvent;
  schedule(delay: number, target: EventTarget, type: number, data?: unknown, priority = 0): ScheduledEvent {
    if (!(delay >= 0)) throw new RangeError(`cannot schedule an event ${delay} ms in the past`);
    const ev: ScheduledEvent = { time: this.now + delay, priority, seq: this.seq++, target, type, data, cancelled: false };
    this.push(ev);
    this.live++;
    return ev;
  }

  /** Cancels a pending event; it will be skipped, not run. Cancelling twice, or after it ran, is harmless. */
  cancel(ev: ScheduledEvent): void {
    if (!ev.cancelled) {
      ev.cancelled = true;
      this.live--;
      // A timeout cancelled by its response lies in the heap until its time: with many of them
      // every push and pop climbs a deeper heap. Past half the heap, rebuild it without them
      // (from 8 dead on: a REST run cancels a timeout per call, and its heap of 7 live events
      // grew to 40 between rebuilds with a floor of 32; rebuilding costs the same per cancel).
      if (++this.dead > 8 && this.dead > this.live) this.compact();
    }
  }

  /** How many events are pending (cancelled ones excluded). */
  get pending(): number {
    return this.live;
  }

  /** The time of the next pending event, or Infinity when there is none. */
  peekTime(): number {
    this.skipCancelled();
    const top = this.heap[0];
    return top ? top.time : Infinity;
  }

  /** Runs exactly one event and returns it, or undefined when nothing is pending. */
  step(): ScheduledEvent | undefined {
    this.skipCancelled();
    const ev = this.pop();
    if (!ev) return undefined;
    this.live--;
    this.now = ev.time;
    this.executed++;
    // Settled: cancelling an event that has already run is a no-op, not a miscount.
    ev.cancelled = true;
    ev.target.handle(ev);
    return ev;
  }

  /**
   * Runs events up to and including time `t`, at most `budget` of them: true when none is left
   * at or before `t`, false when the budget ran out first. Does not move the clock to `t`.
   * The same as calling step() in a loop, without the calls (the engine's inner loop).
   */
  runWithin(t: number, budget: number, guard?: { tick(now: number): void }): boolean {
    for (;;) {
      // Read this.heap afresh: a handler that cancels may have compacted it into a new array.
      const ev = this.heap[0];
      if (ev === undefined) return true;
      const cancelled = ev.cancelled;
      if (!cancelled) {
        if (ev.time > t) return true;
        if (budget-- <= 0) return false;
      }
      // One call site of pop for a cancelled event and a live one: the compiler inlines pop into
      // this loop once, leaving room in its inlining budget for the handlers it calls.
      this.pop();
      if (cancelled) {
        this.dead--;
        continue;
      }
      guard?.tick(ev.time);
      this.live--;
      this.now = ev.time;
      this.executed++;
      ev.cancelled = true;
      ev.target.handle(ev);
    }
  }

  /** Runs every event up to and including time `t`, then sets the clock to `t`. */
  runUntil(t: number): void {
    for (;;) {
      this.skipCancelled();
      const top = this.heap[0];
      if (!top || top.time > t) break;
      this.step();
    }
    if (t > this.now) this.now = t;
  }

  /** Moves the clock forward to `t` without running anything (for actions recorded between events). */
  advanceTo(t: number): void {
    if (t > this.now) this.now = t;
  }

  private skipCancelled(): void {
    while (this.heap.length > 0 && this.heap[0]!.cancelled) {
      this.pop();
      this.dead--;
    }
  }

  /**
   * Drops every cancelled event from the heap and restores the heap order (Floyd's bottom-up
   * build, O(n)). The order events run in is unchanged: (time, priority, seq) is a total order.
   */
  private compact(): void {
    // In place: no new array per rebuild.
    const heap = this.heap;
    let w = 0;
    for (let i = 0; i < heap.length; i++) {
      const ev = heap[i]!;
      if (!ev.cancelled) heap[w++] = ev;
    }
    heap.length = w;
    this.dead = 0;
    for (let i = (heap.length >> 1) - 1; i >= 0; i--) {
      const ev = heap[i]!;
      const n = heap.length;
      let j = i;
      for (;;) {
        const l = 2 * j + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && before(heap[r]!, heap[l]!) ? r : l;
        if (!before(heap[c]!, ev)) break;
        heap[j] = heap[c]!;
        j = c;
      }
      heap[j] = ev;
    }
  }

  private push(ev: ScheduledEvent): void {
    let heap = this.heap;
    let i = heap.length;
    if (++this.pushes >= RENEW_EVERY && i <= RENEW_UP_TO) heap = this.renew();
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

  /** Replaces the heap's array with a young copy (see young.ts): a third of the write barrier calls were here. */
  private renew(): ScheduledEvent[] {
    this.pushes = 0;
    return (this.heap = this.heap.slice());
  }

  private pop(): ScheduledEvent | undefined {
    const heap = this.heap;
    const top = heap[0];
    if (top === undefined) return undefined;
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

function before(a: ScheduledEvent, b: ScheduledEvent): boolean {
  if (a.time !== b.time) return a.time < b.time;
  if (a.priority !== b.priority) return a.priority < b.priority;
  return a.seq < b.seq;
}
