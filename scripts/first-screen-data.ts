/**
 * The source of `virtual:microsim/first-screen` (see first-screen-plugin.ts), run at build time
 * with the same parser and catalog the app uses.
 */
import { BUILTIN_FILES, BUILTIN_IDS, builtin } from '../src/scenarios';
import { CATALOG, hasOnlineSwitch, isSlowable } from '../src/sim/catalog';
import { layoutTable } from './first-screen-layout';

/**
 * The source of `virtual:microsim/default-tour`: the default scenario's tour as the engine's
 * parser gives it. The engine chunk (src/app/defaultScenario.ts) puts it back on the first
 * screen's copy, so the default is loaded without a parse at run time.
 */
export function defaultTourModule(): string {
  return `export const DEFAULT_TOUR = ${JSON.stringify(builtin(BUILTIN_IDS[0]!)!.tour ?? null)};`;
}

/** The module's source: four JSON constants. */
export function firstScreenModule(): string {
  const menu = BUILTIN_FILES.map((file) => {
    const { id, title } = file as { id: string; title: unknown };
    return { id, title };
  });
  const traits = Object.fromEntries(CATALOG.kinds.map((k) => [k.kind, { online: hasOnlineSwitch(k.kind), slow: isSlowable(k.kind) }]));
  const first = builtin(BUILTIN_IDS[0]!)!;
  return [
    `export const BUILTIN_MENU = ${JSON.stringify(menu)};`,
    // Without its tour: the tour's Start button arrives with the engine, which brings the full scenario.
    `export const DEFAULT_BUILTIN = ${JSON.stringify({ ...first, tour: undefined })};`,
    `export const KIND_TRAITS = ${JSON.stringify(traits)};`,
    // dagre loads with the engine: the default scenario's layout before it comes (src/app/dagreFirstScreen.ts).
    `export const LAYOUT_TABLE = ${JSON.stringify(layoutTable(first))};`,
  ].join('\n');
}
