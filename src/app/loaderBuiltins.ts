import { DEFAULT_TOUR } from 'virtual:microsim/default-tour';
import { builtin } from '../scenarios';
import type { Scenario } from '../sim/engine/scenario';
import { DEFAULT_BUILTIN, DEFAULT_SCENARIO } from './firstScreen';

/**
 * The default scenario as the engine's parser gives it, put together from two build-time copies
 * made by that parser (scripts/first-screen-data.ts): the first screen's, and its tour, which
 * comes with the engine chunk. So the first load parses nothing (on a slow phone zod's first
 * parse was a long task of its own); firstScreen.test.ts checks the copy equals the parse.
 */
export const DEFAULT_PARSED: Scenario = DEFAULT_TOUR === null ? DEFAULT_BUILTIN : { ...DEFAULT_BUILTIN, tour: DEFAULT_TOUR as Scenario['tour'] };

/** The built-in scenario `id`, validated: the default from its build-time copy, the others parsed on first use. */
export function builtinScenario(id: string): Scenario | undefined {
  return id === DEFAULT_SCENARIO ? DEFAULT_PARSED : builtin(id);
}
