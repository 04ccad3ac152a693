import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LedgerTotals } from '../sim/engine/message';

/**
 * What changes every animation frame: the clock, the event count, the totals, whether the
 * engine keeps up. No component selects from it with a hook; they `subscribe` and write into
 * the DOM through refs, so React never re-renders per frame.
 */
export interface FrameState {
  now: number;
  events: number;
  totals: LedgerTotals | null;
  /** The furthest time this run has reached, for the timeline's end. */
  horizon: number;
  /** The engine fell short of the chosen speed in recent frames. */
  behind: boolean;
  /** Simulated ms per wall ms actually achieved, smoothed. */
  actualSpeed: number;
}

/** The per-frame store's API. */
export type FrameStore = StoreApi<FrameState>;

/** Builds the per-frame store. */
export function createFrameStore(): FrameStore {
  return createStore<FrameState>()(() => ({ now: 0, events: 0, totals: null, horizon: 0, behind: false, actualSpeed: 0 }));
}

/** The app's per-frame store. */
export const frameStore: FrameStore = createFrameStore();
