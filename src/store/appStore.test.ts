import { describe, expect, it } from 'vitest';
import { DEFAULT_PARSED } from '../app/loaderBuiltins';
import { DEFAULT_BUILTIN } from '../app/firstScreen';
import { builtin, BUILTIN_IDS } from '../scenarios';
import { createAppStore, drawnScenario } from './appStore';

describe('drawnScenario: the scenario as what does not draw the tour sees it', () => {
  it('stays the same object when the engine adds the default tour to the first screen’s copy', () => {
    const store = createAppStore('en');
    store.setState({ scenario: DEFAULT_BUILTIN });
    const first = drawnScenario(store.getState());
    expect(first).toBe(DEFAULT_BUILTIN);
    store.setState({ scenario: DEFAULT_PARSED });
    expect(DEFAULT_PARSED.tour).toBeDefined();
    expect(drawnScenario(store.getState())).toBe(first);
    // The tour's own readers still see it.
    expect(store.getState().scenario?.tour).toBe(DEFAULT_PARSED.tour);
  });

  it('is the new scenario when anything else changes: another scenario, an edited copy, none', () => {
    const store = createAppStore('en');
    store.setState({ scenario: DEFAULT_BUILTIN });
    drawnScenario(store.getState());
    const other = builtin(BUILTIN_IDS[1]!)!;
    store.setState({ scenario: other });
    expect(drawnScenario(store.getState())).toBe(other);
    const edited = { ...other, nodes: other.nodes.map((n) => ({ ...n })) };
    store.setState({ scenario: edited });
    expect(drawnScenario(store.getState())).toBe(edited);
    const longer = { ...edited, durationMs: edited.durationMs + 1 };
    store.setState({ scenario: longer });
    expect(drawnScenario(store.getState())).toBe(longer);
    store.setState({ scenario: null });
    expect(drawnScenario(store.getState())).toBeNull();
  });
});
