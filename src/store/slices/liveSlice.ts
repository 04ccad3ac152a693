import type { StateCreator } from 'zustand';
import type { NodeStats } from '../../sim/engine/node';

/** One node's figures as its card draws them: `stats()` plus the slow-mode factor. */
export type NodeLive = NodeStats & { slowFactor: number };

/**
 * Node figures, refreshed a few times a second while playing (never every frame) and at once
 * after a step, seek or toggle. Each entry keeps its identity while unchanged, so a node card
 * that selects its own entry re-renders only when its figures change.
 */
export interface LiveSlice {
  live: Readonly<Record<string, NodeLive>>;
}

/** No figures yet. */
export const liveSlice: StateCreator<LiveSlice> = () => ({ live: {} });
