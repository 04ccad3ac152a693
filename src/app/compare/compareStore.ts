import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { ComparisonReport } from '../../compare/run';

/** What one node of one column shows: up or down, and its one figure. */
export interface NodeFigure {
  online: boolean;
  /** Sent (producer), waiting (broker) or processed (consumer). */
  value: number;
}

/** Everything the compare view draws from; the compare controller writes it, throttled. */
export interface CompareState {
  /** The comparison on screen, or null while the ordinary view is shown. */
  comparisonId: string | null;
  /** The comparison on screen is the user's own (a file, a paste, a link), not a built-in. */
  custom: boolean;
  playing: boolean;
  /** Simulated ms per wall ms. */
  speed: number;
  /** The shared clock, simulated ms. */
  now: number;
  durationMs: number;
  /** Set when playback stopped at the end of the comparison's duration. */
  ended: boolean;
  report: ComparisonReport | null;
  /** Per column id, per node id. */
  figures: Record<string, Record<string, NodeFigure>>;
  /** The consumer the outage switch and slow mode act on. */
  target: string | null;
  /** Per consumer: taken offline by the user (the switch), and its slow-mode factor. */
  offline: Record<string, boolean>;
  slow: Record<string, number>;
  /** Late threshold the scoreboard uses, ms. */
  lateAfterMs: number;
}

export const compareStore = createStore<CompareState>()(() => ({
  comparisonId: null,
  custom: false,
  playing: false,
  speed: 1,
  now: 0,
  durationMs: 0,
  ended: false,
  report: null,
  figures: {},
  target: null,
  offline: {},
  slow: {},
  lateAfterMs: 2000,
}));

/** Reads a narrow slice of the compare store. */
export function useCompare<U>(selector: (s: CompareState) => U): U {
  return useStore(compareStore, selector);
}
