import type { StateCreator } from 'zustand';
import type { Scenario } from '../../sim/engine/scenario';

/** Where the scenario on screen came from: a built-in (by id) or a file, paste or link. */
export type ScenarioSource = { kind: 'builtin'; id: string } | { kind: 'custom' };

/** The scenario on screen. Written only by the controller when a load succeeds. */
export interface ScenarioSlice {
  scenario: Scenario | null;
  source: ScenarioSource;
  seed: number;
  /** Bumped on every successful load of a scenario (not on reset or seek): the canvas remounts on it. */
  loadId: number;
}

/** Nothing loaded yet. */
export const scenarioSlice: StateCreator<ScenarioSlice> = () => ({
  scenario: null,
  source: { kind: 'custom' },
  seed: 1,
  loadId: 0,
});
