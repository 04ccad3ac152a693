import type { ScheduledEvent } from './scheduler';

/*
 * Typed timers. A class that schedules events for itself (a node, a Kafka consumer group, an
 * HTTP caller) declares its timer types and the payload each carries once, as a type:
 *
 *   const DONE = 1;                         // a literal number, unique in the class and its parents
 *   const TICK = 2;
 *   type ServiceTimers = { [DONE]: Job; [TICK]: undefined };
 *
 *   override handle(ev: Timer<ServiceTimers>): void {
 *     if (ev.type === DONE) this.finish(ev.data); // ev.data is a Job here
 *   }
 *
 * `sim.scheduler.schedule(delay, this, DONE, job)` reads the payloads from the target's `handle`
 * parameter: a wrong payload, a missing one, or a type the target does not declare does not
 * compile. A subclass with timers of its own handles `Timer<ParentTimers & OwnTimers>` and passes
 * the parent's to `super.handle(ev)`; narrowing on `ev.type` does that without a cast.
 *
 * Nothing here exists at run time: `handle` receives the scheduler's own `ScheduledEvent`, seen
 * through a narrower type, so no object, closure or map is made per event. It is sound because
 * the scheduler hands a target only the events scheduled for it, and `schedule` type-checks each
 * against that target's `handle` (method parameters are compared both ways, which is what lets a
 * typed `handle` stand where an `EventTarget`'s is expected).
 */

/** A target's timer types (literal numbers) and the payload each carries (`undefined`: none). */
export type TimerPayloads = { readonly [type: number]: unknown };

/** A fired timer of type `K` carrying `P`: the scheduler's event, narrowed. */
export interface TimerEvent<K extends number, P> extends ScheduledEvent {
  readonly type: K;
  readonly data: P;
}

/** What `handle` receives for timers `T`: a union on `type`, so checking `ev.type` narrows `ev.data`. */
export type Timer<T extends TimerPayloads> = { [K in keyof T & number]: TimerEvent<K, T[K]> }[keyof T & number];

/** Something the scheduler can send events `E` to (a `Timer<…>`, or any `ScheduledEvent`). */
export interface TimerTarget<E extends ScheduledEvent> {
  handle(ev: E): void;
}

/** The payload that an event of type `K` among events `E` carries (`unknown` for an untyped target). */
export type PayloadOf<E extends ScheduledEvent, K extends number> = E extends { type: infer T; data: infer P } ? (K extends T ? P : never) : never;

/** The types among events `E` that carry nothing, so `schedule` may leave their payload out. */
export type BareTypes<E extends ScheduledEvent> = E extends { type: infer K; data: infer P } ? (undefined extends P ? K : never) : never;
