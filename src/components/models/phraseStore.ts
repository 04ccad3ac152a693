import type { Lang } from '../../sim/engine/errors';
import type { Phrases } from './kindUi';

/**
 * The families' event sentences (each `phrases.ts`), out of the first load (issue #13): no
 * event is narrated before the engine runs, so they load with it (`engine()` in
 * app/lazyLoader.ts waits for `loadPhrases`), through allPhrases.ts.
 */
let table: Readonly<Record<string, Phrases<string>>> | undefined;
let loading: Promise<void> | undefined;

/** Loads every family's sentences once; resolves when they can be said. */
export function loadPhrases(): Promise<void> {
  loading ??= import('./allPhrases').then((mod) => {
    table = mod.ALL_PHRASES;
  });
  return loading;
}

/**
 * A family's phrasebook: `say(n, key, params)` is the phrase in the narrator's language,
 * `{name}` placeholders filled (the key itself if the sentences have not loaded).
 */
export function phrasebook<K extends string>(family: string) {
  return (n: { lang: Lang }, key: K, params: Readonly<Record<string, string | number>> = {}): string =>
    (table?.[family]?.[n.lang][key] ?? key).replace(/\{(\w+)\}/g, (_, p: string) => String(params[p] ?? `{${p}}`));
}
