/**
 * The long-lived arrays of the hot path (the scheduler's heap, a Fifo's ring, a SlotSet) are
 * replaced by a copy of themselves now and then, while they are small: every RENEW_EVERY
 * additions, up to RENEW_UP_TO places. A fresh array is in V8's young generation, where storing
 * a fresh object (an event, a message, a job) is an ordinary store. An array that has lived long
 * is in the old generation, and every such store took the write barrier's out-of-line path
 * (Builtins_RecordWrite: 5 % of an hour-at-1000 run under `perf`). An array becomes old only
 * after surviving two scavenges, far more additions apart than RENEW_EVERY. Larger arrays are
 * left alone: copying them, and the scavenger copying them, would cost more than it saves.
 */
export const RENEW_EVERY = 256;
export const RENEW_UP_TO = 128;
