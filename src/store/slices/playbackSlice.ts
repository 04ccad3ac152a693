import type { StateCreator } from 'zustand';
import type { TraceEvent } from '../../sim/engine/trace';

/** Control traffic that reached its target in a step (the trace has no event for an arrival). */
export interface Landed {
  from: string;
  to: string;
  /** The flight style id (ack, nack, response, …). */
  style: number;
}

/** What the last single step did: its events at time `t` (and what landed then), or the end of the run. */
export type LastStep =
  | { kind: 'events'; t: number; events: readonly TraceEvent[]; landed: readonly Landed[] }
  | { kind: 'end'; t: number };

/** Playback state that changes on user action only (never per frame). */
export interface PlaybackSlice {
  playing: boolean;
  /** Simulated ms per wall ms: 0.1 to 1000. */
  speed: number;
  /** A seek (re-run from the start) is in progress toward this time. */
  seekingTo: number | null;
  lastStep: LastStep | null;
}

/** Paused at 1×. */
export const playbackSlice: StateCreator<PlaybackSlice> = () => ({
  playing: false,
  speed: 1,
  seekingTo: null,
  lastStep: null,
});
