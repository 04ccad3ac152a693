import { describe, expect, it } from 'vitest';
import { BUILTIN_IDS, builtin } from '../scenarios';
import { CATALOG, hasOnlineSwitch as engineOnline, isSlowable as engineSlowable } from '../sim/catalog';
import { BUILTIN_MENU, DEFAULT_BUILTIN, DEFAULT_SCENARIO, hasOnlineSwitch, isSlowable } from './firstScreen';
import { builtinScenario, DEFAULT_PARSED } from './loaderBuiltins';

// The first screen is drawn from a build-time copy before the engine arrives: it must say what the engine would.
describe('the first screen without the engine', () => {
  it('lists every built-in in menu order, with its title', () => {
    expect(BUILTIN_MENU.map((s) => s.id)).toEqual(BUILTIN_IDS);
    for (const s of BUILTIN_MENU) expect(s.title).toEqual(builtin(s.id)!.title);
  });

  it('draws the default scenario exactly as the engine parses it (its tour comes with the engine)', () => {
    expect(DEFAULT_SCENARIO).toBe(BUILTIN_IDS[0]);
    expect(DEFAULT_BUILTIN).toEqual(JSON.parse(JSON.stringify({ ...builtin(DEFAULT_SCENARIO), tour: undefined })));
  });

  it('loads the default, tour included, from build-time copies equal to what the parser gives', () => {
    const parsed = builtin(DEFAULT_SCENARIO)!;
    expect(parsed.tour).toBeDefined();
    expect(DEFAULT_PARSED).toStrictEqual(parsed);
    expect(builtinScenario(DEFAULT_SCENARIO)).toBe(DEFAULT_PARSED);
    // The others are parsed on first use, as before.
    expect(builtinScenario(BUILTIN_IDS[1]!)).toBe(builtin(BUILTIN_IDS[1]!));
    expect(builtinScenario('no-such-scenario')).toBeUndefined();
  });

  it('offers the online switch and slow mode on the same kinds as the engine', () => {
    for (const { kind } of CATALOG.kinds) {
      expect({ kind, online: hasOnlineSwitch(kind), slow: isSlowable(kind) }).toEqual({ kind, online: engineOnline(kind), slow: engineSlowable(kind) });
    }
    expect(hasOnlineSwitch('no-such-kind')).toBe(false);
  });
});
