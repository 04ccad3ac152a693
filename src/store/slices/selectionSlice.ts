import type { StateCreator } from 'zustand';

/**
 * Which node the user picked. Part B's inspector reads it (and the event log filters on it);
 * for now a click on a node sets it and the card shows it as selected.
 */
export interface SelectionSlice {
  selected: string | null;
  select: (id: string | null) => void;
}

/** Nothing selected. */
export const selectionSlice: StateCreator<SelectionSlice> = (set) => ({
  selected: null,
  select: (selected) => set({ selected }),
});
